"""Rules that keep a figure from being silently wrong (issue "Never a silently wrong figure",
item 7): a flow target of 0, a unit guessed by meaning and not by spelling, and the period a
per_year row reports."""

from __future__ import annotations

import unicodedata

import pytest

from ansinh.files.document_schema import unit_meant
from conftest import EXAMPLES, run_cli

BASE_PLAN = (EXAMPLES / "base" / "targets" / "plan-a.yaml").read_text(encoding="utf-8")
BASE_INDICATORS = (EXAMPLES / "base" / "targets" / "indicators.yaml").read_text(encoding="utf-8")
BASE_OBSERVATIONS = (EXAMPLES / "base" / "data" / "observations.csv").read_text(encoding="utf-8")
CHOICES = "percent, per_1k, per_10k, per_100k, count"


def problems(run) -> list[tuple[str, int, int, str, str, str]]:
    return [
        (error["file"], error["line"], error["column"], error["path"], error["code"], error["message"])
        for error in run.json()["errors"]
    ]


def column(text: str, line: int, value: str) -> int:
    """The column (from 1) of ``value`` on ``line`` (from 1) of ``text``."""
    return text.splitlines()[line - 1].index(value) + 1


# --- (a) a flow target must be above 0 ----------------------------------------------------------


def test_flow_targets_of_zero_are_errors_at_the_field(project) -> None:
    plan = BASE_PLAN.replace("total: 675000", "total: 0").replace("per_year: 2800", "per_year: 0.0")
    root = project(files={"targets/plan-a.yaml": plan})
    run = run_cli("validate", "--root", str(root), "--format", "json")
    assert run.exit_code == 1
    assert column(plan, 16, "0, from") == 21 and column(plan, 18, "0.0") == 24
    assert problems(run) == [
        (
            "targets/plan-a.yaml",
            16,
            21,
            "targets[2].target.total",
            "bad-value",
            "'total' is 0: a flow target must be above 0 (the amount to reach; progress is measured against it)",
        ),
        (
            "targets/plan-a.yaml",
            18,
            24,
            "targets[3].target.per_year",
            "bad-value",
            "'per_year' is 0.0: a flow target must be above 0 (the amount to reach; progress is measured against it)",
        ),
    ]
    vietnamese = run_cli("validate", "--root", str(root), "--lang", "vi")
    assert (
        "18:24  lỗi  bad-value  targets[3].target.per_year: 'per_year' đang là 0,0: mục tiêu dạng lũy kế (flow) "
        "phải lớn hơn 0 (lượng cần đạt; tiến độ được đo theo lượng này)"
    ) in vietnamese.stderr


def test_gap_refuses_a_flow_target_of_zero_instead_of_dividing_by_it(project) -> None:
    plan = BASE_PLAN.replace("per_year: 2800", "per_year: 0")
    root = project(files={"targets/plan-a.yaml": plan})
    run = run_cli("gap", "jobs", "--root", str(root), "--as-of", "2022", "--explain")
    assert run.exit_code == 1
    assert "÷ 0" not in run.stdout and "None" not in run.stdout
    assert "a flow target must be above 0" in run.stderr


def test_a_level_target_of_zero_is_legitimate(project) -> None:
    # "0 poor households": the target of a level indicator may be 0.
    plan = BASE_PLAN.replace("target: {value: 1.0, by: 2025}", "target: {value: 0, by: 2025}")
    root = project(files={"targets/plan-a.yaml": plan})
    assert run_cli("validate", "--root", str(root), "--format", "json").json()["errors"] == []
    (row,) = run_cli("gap", "poor-rate", "--root", str(root), "--as-of", "2022", "--format", "json").json()["rows"]
    assert row["target"]["value"] == 0
    assert (row["met"], row["gap"], row["status"]) == (False, 2.2, "needs_acceleration")
    # 3.0 → 2.2 in 24 of 60 months against 3.0 → 0: expected 1.8, ratio 0.8 ÷ 1.2.
    assert row["progress_ratio"] == 0.6667


# --- (b) units are guessed by meaning, never by spelling ----------------------------------------


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("per_10000", "per_10k"),
        ("per_10_000", "per_10k"),
        ("per 10000", "per_10k"),
        ("per_10 000", "per_10k"),
        ("/10000", "per_10k"),
        ("per 10,000", "per_10k"),
        ("per_vạn", "per_10k"),
        ("trên vạn dân", "per_10k"),
        ("vạn", "per_10k"),
        ("PER_10K", "per_10k"),
        ("per_1000", "per_1k"),
        ("per_thousand", "per_1k"),
        ("‰", "per_1k"),
        ("trên 1.000 dân", "per_1k"),
        ("per_100000", "per_100k"),
        ("per_100_000", "per_100k"),
        ("per 100,000", "per_100k"),
        ("%", "percent"),
        ("pct", "percent"),
        ("percentage", "percent"),
        ("phần trăm", "percent"),
        ("ti_le", "percent"),
        ("tỷ lệ", "percent"),
        ("Percent", "percent"),
        ("number", "count"),
        ("absolute", "count"),
        ("số", "count"),
        ("người", "count"),
        ("count_of", "count"),
    ],
)
def test_units_are_guessed_by_meaning(written: str, meant: str) -> None:
    assert unit_meant(written) == meant
    assert unit_meant(unicodedata.normalize("NFD", written)) == meant


@pytest.mark.parametrize(
    "written", ["precent", "per_10", "per_1", "per_million", "per_capita", "per", "/", "dân", "rate", "foo", ""]
)
def test_anything_else_gets_no_guess(written: str) -> None:
    assert unit_meant(written) is None


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("per_10000", f"'per_10000' is not one of {CHOICES}: did you mean 'per_10k'?"),
        ("per_1000", f"'per_1000' is not one of {CHOICES}: did you mean 'per_1k'?"),
        ('"trên vạn dân"', f"'trên vạn dân' is not one of {CHOICES}: did you mean 'per_10k'?"),
        ("per_100000", f"'per_100000' is not one of {CHOICES}: did you mean 'per_100k'?"),
        ("precent", f"'precent' is not one of {CHOICES}"),  # no guess by spelling
        ("per_10", f"'per_10' is not one of {CHOICES}"),
    ],
)
def test_validate_guesses_the_unit_by_meaning(project, written: str, message: str) -> None:
    indicators = BASE_INDICATORS.replace("unit: per_10k", f"unit: {written}", 1)
    root = project(files={"targets/indicators.yaml": indicators})
    run = run_cli("validate", "--root", str(root), "--format", "json")
    assert run.exit_code == 1
    assert column(indicators, 4, written) == 11
    assert problems(run) == [("targets/indicators.yaml", 4, 11, "indicators[0].unit", "bad-value", message)]


def test_the_unit_guess_in_vietnamese(project) -> None:
    indicators = BASE_INDICATORS.replace("unit: per_10k", "unit: per_10000", 1)
    root = project(files={"targets/indicators.yaml": indicators})
    run = run_cli("validate", "--root", str(root), "--lang", "vi")
    assert (
        "4:11  lỗi  bad-value  indicators[0].unit: 'per_10000' không thuộc percent, per_1k, per_10k, per_100k, "
        "count: có phải ý bạn là 'per_10k'?"
    ) in run.stderr


def test_other_choices_are_still_guessed_by_spelling(project) -> None:
    indicators = BASE_INDICATORS.replace("better: higher", "better: hgher", 1)
    root = project(files={"targets/indicators.yaml": indicators})
    run = run_cli("validate", "--root", str(root), "--format", "json")
    assert problems(run) == [
        (
            "targets/indicators.yaml",
            5,
            13,
            "indicators[0].better",
            "bad-value",
            "'hgher' is not one of higher, lower: did you mean 'higher'?",
        )
    ]


# --- (c) a per_year row reports the calendar year it judged -------------------------------------


def test_a_per_year_row_reports_the_calendar_year_when_its_halves_were_summed() -> None:
    # jobs: 1,300 in 2021H1 and 1,600 in 2021H2 (tests/examples/base).
    run = run_cli("gap", "jobs", "--root", str(EXAMPLES / "base"), "--as-of", "2022", "--format", "json")
    (row,) = run.json()["rows"]
    current = row["current"]
    assert (current["value"], current["period"], current["date"], current["count"]) == (
        2900,
        "2021",
        "2021-12-31",
        None,
    )
    assert row["achieved"] == 2900 and row["status"] == "achieved"


def test_a_per_year_row_reports_the_year_for_quarters_and_months(project) -> None:
    observations = BASE_OBSERVATIONS + "".join(
        [
            "jobs,hanoi,2022Q1,700,,\n",
            "jobs,hanoi,2022Q2,700,,\n",
            "jobs,hanoi,2022H2,1000,,\n",
            *(f"jobs,hanoi,2023-{month:02d},100,,\n" for month in range(1, 13)),
        ]
    )
    root = project(files={"data/observations.csv": observations})
    for as_of, period, achieved in (("2022", "2022", 2400), ("2023", "2023", 1200)):
        run = run_cli("gap", "jobs", "--root", str(root), "--as-of", as_of, "--format", "json")
        (row,) = run.json()["rows"]
        assert (row["current"]["period"], row["current"]["date"]) == (period, f"{period}-12-31")
        assert row["achieved"] == achieved
    table = run_cli("gap", "jobs", "--root", str(root), "--as-of", "2023")
    assert "1,200 (2023)" in table.stdout  # the year, not its last month 2023-12
