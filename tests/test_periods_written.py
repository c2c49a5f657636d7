"""Periods written the ways people write them (issue "Never a silently wrong figure", item 9):
the error quotes the whole input and names the canonical form, wherever a period is read — plan
fields, CSV cells, --as-of and --period — and never reads the period itself."""

from __future__ import annotations

import unicodedata

import pytest

from ansinh.language import render
from ansinh.periods import Period, PeriodError, PeriodSuggestion, suggest_period
from conftest import EXAMPLES, run_cli

BASE_PLAN = (EXAMPLES / "base" / "targets" / "plan-a.yaml").read_text(encoding="utf-8")
BASE_OBSERVATIONS = (EXAMPLES / "base" / "data" / "observations.csv").read_text(encoding="utf-8")


def did_you_mean(text: str, guess: str) -> str:
    return f"'{text}' is not a period as ansinh writes them: did you mean '{guess}'?"


def day_first(text: str, guess: str) -> str:
    return (
        f"{did_you_mean(text, guess)} (read day first, dd/mm/yyyy, as dates are written in Viet Nam: "
        "write YYYY-MM-DD to be sure)"
    )


# --- the suggestion -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("31/12/2025", "2025-12-31"),
        ("31-12-2025", "2025-12-31"),
        ("31.12.2025", "2025-12-31"),
        ("25/7/2025", "2025-07-25"),
        ("ngày 31 tháng 12 năm 2025", "2025-12-31"),
        ("2025/12/31", "2025-12-31"),
        ("12/2024", "2024-12"),
        ("12-2024", "2024-12"),
        ("tháng 12/2024", "2024-12"),
        ("tháng 12 năm 2024", "2024-12"),
        ("T6/2024", "2024-06"),
        ("2024/12", "2024-12"),
        ("2022-H1", "2022H1"),
        ("2022 H1", "2022H1"),
        ("H1 2022", "2022H1"),
        ("H1/2022", "2022H1"),
        ("h1-2022", "2022H1"),
        ("2022-h2", "2022H2"),
        ("Q3 2024", "2024Q3"),
        ("2024-Q3", "2024Q3"),
        ("Q3/2024", "2024Q3"),
        ("quý 3/2024", "2024Q3"),
        ("quý III/2024", "2024Q3"),
        ("Quý 3 năm 2024", "2024Q3"),
        ("Quý IV năm 2023", "2023Q4"),
        ("6 tháng 2024", "2024H1"),
        ("6 tháng đầu năm 2024", "2024H1"),
        ("6T/2024", "2024H1"),
        ("6 tháng/2024", "2024H1"),
        ("6 tháng cuối năm 2024", "2024H2"),
        ("nửa cuối năm 2024", "2024H2"),
        ("năm 2024", "2024"),
        ("Năm 2024", "2024"),
        ("2021-2023", "2021/2023"),
        ("2021–2023", "2021/2023"),  # en dash
        ("2021 - 2023", "2021/2023"),
        ("giai đoạn 2021-2025", "2021/2025"),
        ("từ 2021 đến 2023", "2021/2023"),
        ("H1 2021 - H2 2022", "2021H1/2022H2"),
    ],
)
def test_common_spellings_suggest_the_canonical_period(text: str, canonical: str) -> None:
    assert suggest_period(text) == PeriodSuggestion(canonical)
    with pytest.raises(PeriodError) as raised:
        Period.parse(text)  # a suggestion is a message, never a reading
    assert render(raised.value.text, "en") == did_you_mean(text, canonical)


@pytest.mark.parametrize("text", ["Quý 3 năm 2024", "6 tháng cuối năm 2024", "quý III/2024", "năm 2024"])
def test_decomposed_vietnamese_is_read_like_composed(text: str) -> None:
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    assert suggest_period(decomposed) == suggest_period(text) is not None


def test_a_swappable_day_and_month_are_read_day_first_and_say_so() -> None:
    assert suggest_period("12/11/2025") == PeriodSuggestion("2025-11-12", day_first=True)
    with pytest.raises(PeriodError) as raised:
        Period.parse("12/11/2025")
    assert render(raised.value.text, "en") == day_first("12/11/2025", "2025-11-12")
    assert render(raised.value.text, "vi") == (
        "'12/11/2025' không phải một kỳ theo cách viết của ansinh: có phải ý bạn là '2025-11-12'? "
        "(đã đọc ngày trước tháng, dd/mm/yyyy, theo cách viết ngày ở Việt Nam: hãy viết YYYY-MM-DD cho chắc chắn)"
    )
    # Nothing to swap: a day above 12, or the day equal to the month.
    assert suggest_period("31/12/2025") == PeriodSuggestion("2025-12-31", day_first=False)
    assert suggest_period("11/11/2025") == PeriodSuggestion("2025-11-11", day_first=False)
    # Written with words, the day and the month are named.
    assert suggest_period("ngày 12 tháng 11 năm 2025") == PeriodSuggestion("2025-11-12", day_first=False)


def test_the_message_in_vietnamese() -> None:
    with pytest.raises(PeriodError) as raised:
        Period.parse("6 tháng đầu năm 2024")
    assert render(raised.value.text, "vi") == (
        "'6 tháng đầu năm 2024' không phải một kỳ theo cách viết của ansinh: có phải ý bạn là '2024H1'?"
    )


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "2022H3",  # no third half
        "Q5 2024",
        "31/02/2025",  # read day first it is no date: no guess
        "31/12/1850",  # outside the years ansinh reads
        "13/2024",
        "9 tháng 2024",  # nine months is no period ansinh has
        "2023-2021",  # a range written backwards
        "2021-22",
        "22",
        "",
    ],
)
def test_no_guess_where_no_reading_is_safe(text: str) -> None:
    assert suggest_period(text) is None
    with pytest.raises(PeriodError) as raised:
        Period.parse(text)
    assert "did you mean" not in render(raised.value.text, "en")


def test_valid_periods_are_read_as_before() -> None:
    assert Period.parse("2024-12").label == "2024-12"  # a month, not a range 2024–2012
    assert Period.parse("2021/2023").label == "2021/2023"
    assert Period.parse("2022h1").label == "2022H1"


def test_every_error_quotes_the_whole_input() -> None:
    with pytest.raises(PeriodError) as raised:
        Period.parse("31/x")
    assert render(raised.value.text, "en").startswith("'31/x' is not a period: write YYYY")
    with pytest.raises(PeriodError) as raised:
        Period.parse("2021/2023-13")
    assert render(raised.value.text, "en") == "'2021/2023-13': the month must be 01 to 12"


# --- wherever a period is read ------------------------------------------------------------------

PLAN = """id: plan-a
name: "Kế hoạch A"
area: hanoi
start: năm 2021
end: 2021–2025
targets:
  - indicator: beds-per-10k
    baseline: {value: 27.5, period: 6 tháng đầu năm 2022}
    target: {value: 30, by: 31/12/2025}
  - indicator: poor-rate
    baseline:
      value: 3.0
      period: Quý 3 năm 2020
    target: {value: 1.0, by: 12/11/2025}
  - indicator: trainees
    target: {total: 675000, from: H1 2021, by: 2023}
"""


def test_plan_fields_suggest_the_canonical_period(project) -> None:
    root = project(files={"targets/plan-a.yaml": PLAN})
    run = run_cli("validate", "--root", str(root), "--format", "json")
    assert run.exit_code == 1
    document = run.json()
    assert document["ok"] is False
    found = [
        (error["file"], error["line"], error["column"], error["path"], error["code"], error["message"])
        for error in document["errors"]
    ]
    plan = "targets/plan-a.yaml"
    assert found == [
        (plan, 4, 8, "start", "bad-period", did_you_mean("năm 2021", "2021")),
        (plan, 5, 6, "end", "bad-period", did_you_mean("2021–2025", "2021/2025")),
        (plan, 8, 37, "targets[0].baseline.period", "bad-period", did_you_mean("6 tháng đầu năm 2022", "2022H1")),
        (plan, 9, 29, "targets[0].target.by", "bad-period", did_you_mean("31/12/2025", "2025-12-31")),
        (plan, 13, 15, "targets[1].baseline.period", "bad-period", did_you_mean("Quý 3 năm 2020", "2020Q3")),
        (plan, 14, 30, "targets[1].target.by", "bad-period", day_first("12/11/2025", "2025-11-12")),
        (plan, 16, 35, "targets[2].target.from", "bad-period", did_you_mean("H1 2021", "2021H1")),
    ]
    # The columns point at the values as written.
    lines = PLAN.splitlines()
    assert lines[8].index("31/12/2025") + 1 == 29 and lines[15].index("H1 2021") + 1 == 35


def test_plan_fields_in_vietnamese(project) -> None:
    root = project(files={"targets/plan-a.yaml": PLAN})
    run = run_cli("validate", "--root", str(root), "--lang", "vi")
    assert run.exit_code == 1
    assert (
        "9:29  lỗi  bad-period  targets[0].target.by: '31/12/2025' không phải một kỳ theo cách viết của ansinh: "
        "có phải ý bạn là '2025-12-31'?"
    ) in run.stderr


def test_decomposed_text_in_a_plan_gets_the_suggestion(project) -> None:
    decomposed = unicodedata.normalize("NFD", "Quý 3 năm 2024")
    plan = BASE_PLAN.replace("target: {value: 30, by: 2025}", f'target: {{value: 30, by: "{decomposed}"}}')
    root = project(files={"targets/plan-a.yaml": plan})
    (error,) = run_cli("validate", "--root", str(root), "--format", "json").json()["errors"]
    assert (error["line"], error["column"], error["path"]) == (10, 29, "targets[0].target.by")
    # Quoted as typed; the loader may compose the text first (the same name, the same text).
    assert unicodedata.normalize("NFC", error["message"]) == did_you_mean("Quý 3 năm 2024", "2024Q3")


def test_csv_period_cells_suggest_the_canonical_period(project) -> None:
    observations = BASE_OBSERVATIONS + "trainees,hanoi,2023-H1,5,,\npoor-rate,hanoi,31/12/2023,2.0,,\n"
    root = project(files={"data/observations.csv": observations})
    run = run_cli("validate", "--root", str(root), "--format", "json")
    assert run.exit_code == 1
    found = [
        (error["file"], error["line"], error["column"], error["path"], error["code"], error["message"])
        for error in run.json()["errors"]
    ]
    assert found == [
        ("data/observations.csv", 9, 3, "period", "bad-period", did_you_mean("2023-H1", "2023H1")),
        ("data/observations.csv", 10, 3, "period", "bad-period", did_you_mean("31/12/2023", "2023-12-31")),
    ]


def test_semicolon_csv_with_decomposed_vietnamese(project) -> None:
    quarter = unicodedata.normalize("NFD", "quý 3/2023")
    lines = [line.replace(",", ";") for line in BASE_OBSERVATIONS.splitlines()]
    observations = "\n".join([*lines, f"poor-rate;hanoi;{quarter};2,0;;"]) + "\n"
    root = project(files={"data/observations.csv": observations})
    (error,) = run_cli("validate", "--root", str(root), "--format", "json").json()["errors"]
    assert (error["file"], error["line"], error["column"], error["code"]) == (
        "data/observations.csv",
        9,
        3,
        "bad-period",
    )
    assert unicodedata.normalize("NFC", error["message"]) == did_you_mean("quý 3/2023", "2023Q3")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("gap", "beds-per-10k", "--as-of", "31/12/2025"), did_you_mean("31/12/2025", "2025-12-31")),
        (("gap", "beds-per-10k", "--as-of", "12/11/2025"), day_first("12/11/2025", "2025-11-12")),
        (("report", "--period", "6 tháng đầu năm 2024"), did_you_mean("6 tháng đầu năm 2024", "2024H1")),
        (("report", "--period", "H1 2022"), did_you_mean("H1 2022", "2022H1")),
    ],
)
def test_options_suggest_the_canonical_period(args: tuple[str, ...], message: str) -> None:
    run = run_cli(*args, "--root", str(EXAMPLES / "base"))
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr.strip() == f"ansinh: {message}"


def test_option_message_in_vietnamese() -> None:
    run = run_cli("report", "--period", "quý III/2024", "--root", str(EXAMPLES / "base"), "--lang", "vi")
    assert run.exit_code == 2
    assert run.stderr.strip() == (
        "ansinh: 'quý III/2024' không phải một kỳ theo cách viết của ansinh: có phải ý bạn là '2024Q3'?"
    )
