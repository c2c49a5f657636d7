"""``ansinh compare`` (SPEC 7): the areas at a level under an area, each with its latest figure
(own or rolled up), ranked best first, and "18 of 30 districts have no poor households"."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ansinh import api
from ansinh.files.loader import load_project
from conftest import run_cli

CATALOGUE = """\
indicators:
  - id: poor-household-rate
    name: {vi: Tỷ lệ hộ nghèo, en: Poor-household rate}
    unit: percent
    better: lower
    kind: level
    counts: {vi: hộ nghèo, en: poor households}
    base: households
  - {id: doctors, name: {vi: Số bác sĩ, en: Doctors}, unit: count, better: higher, kind: level}
bases:
  - {id: households}
"""
# Seed 002: "18/30 quận, huyện không còn hộ nghèo". Here 18 districts at 0%, 11 above it (0.1% to
# 1.1%), and the 30th without a figure for 2023.
ZEROS, POSITIVE = 18, 11


def district(number: int) -> str:
    return f"d{number:02d}"


def thirty_districts(tmp_path: Path, plan_target: str | None = "0") -> Path:
    root = tmp_path / "hanoi"
    (root / "targets").mkdir(parents=True)
    (root / "data" / "bases").mkdir(parents=True)
    (root / "targets" / "indicators.yaml").write_text(CATALOGUE, encoding="utf-8")
    areas = ["areas:", "  - {id: hanoi, name: Hà Nội, level: province}"]
    areas += [f"  - {{id: {district(n)}, name: Quận huyện {n}, level: district, parent: hanoi}}" for n in range(1, 31)]
    (root / "targets" / "areas.yaml").write_text("\n".join(areas) + "\n", encoding="utf-8")
    rows = ["indicator,area,period,value,count"]
    bases = ["area,base,year,value,kind,source"]
    for n in range(1, 31):
        bases.append(f"{district(n)},households,2023,10000,estimate,")
        if n <= ZEROS:
            rows.append(f"poor-household-rate,{district(n)},2023,0,")
        elif n <= ZEROS + POSITIVE:
            # d19: 0.1%, d20: 0.2% ... d29: 1.1%; of 10,000 households: 10, 20 ... 110.
            rows.append(f"poor-household-rate,{district(n)},2023,{(n - ZEROS) / 10:.1f},")
        rows.append(f"doctors,{district(n)},2023,{n},")
    (root / "data" / "observations.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (root / "data" / "bases" / "households.csv").write_text("\n".join(bases) + "\n", encoding="utf-8")
    if plan_target is not None:
        plan = (
            "id: hanoi-plan\nname: Kế hoạch\narea: hanoi\nstart: 2021\nend: 2025\ntargets:\n"
            "  - indicator: poor-household-rate\n    baseline: {value: 1.0, period: 2020}\n"
            f"    target: {{value: {plan_target}, by: 2025}}\n"
        )
        (root / "targets" / "hanoi-plan.yaml").write_text(plan, encoding="utf-8")
    return root


ARGS = ("compare", "poor-household-rate", "--area", "hanoi", "--level", "district", "--as-of", "2023")


def test_eighteen_of_thirty_districts_have_no_poor_households(tmp_path: Path) -> None:
    root = thirty_districts(tmp_path)
    run = run_cli(*ARGS, "--target", "0", "--root", str(root), "--format", "json")
    assert run.exit_code == 0, run.stderr
    document = run.json()
    assert list(document) == ["as_of", "indicator", "area", "level", "target", "rows", "summary"]
    assert document["as_of"] == "2023-12-31" and document["indicator"] == "poor-household-rate"
    assert document["area"] == "hanoi" and document["level"] == "district" and document["target"] == 0
    assert document["summary"] == {"total": 30, "with_data": 29, "meet": 18, "no_data": 1}
    rows = document["rows"]
    assert len(rows) == 30 and list(rows[0]) == ["area", "name", "value", "period", "date", "count", "meets", "from"]
    # Best first: lower is better, so the 18 zeros (in the file's order), then 0.1% … 1.1%, then
    # the district with no data.
    assert [row["area"] for row in rows[:18]] == [district(n) for n in range(1, 19)]
    assert [row["value"] for row in rows[18:29]] == [round(0.1 * n, 1) for n in range(1, 12)]
    assert rows[0] == {
        "area": "d01",
        "name": "Quận huyện 1",
        "value": 0,
        "period": "2023",
        "date": "2023-12-31",
        "count": 0,
        "meets": True,
        "from": "observation",
    }
    # d29: 1.1% of 10,000 households = 110 poor households.
    assert rows[28]["area"] == "d29" and rows[28]["count"] == 110 and rows[28]["meets"] is False
    assert rows[29] == {
        "area": "d30",
        "name": "Quận huyện 30",
        "value": None,
        "period": None,
        "date": None,
        "count": None,
        "meets": None,
        "from": None,
    }


@pytest.mark.parametrize(
    ("lang", "summary"),
    [
        ("en", "18 of 30 districts have no poor households · 1 with no data"),
        ("vi", "18/30 quận, huyện không còn hộ nghèo · 1 chưa có số liệu"),
    ],
)
def test_the_answer_in_both_languages(tmp_path: Path, lang: str, summary: str) -> None:
    root = thirty_districts(tmp_path)
    for output in ("table", "markdown"):
        run = run_cli("--lang", lang, *ARGS, "--target", "0", "--root", str(root), "--format", output)
        assert run.exit_code == 0, run.stderr
        assert run.stdout.rstrip().splitlines()[-1] == summary
    table = run_cli("--lang", lang, *ARGS, "--target", "0", "--root", str(root)).stdout
    if lang == "vi":
        assert "1,1%" in table and "110 hộ nghèo" in table and "chưa đạt" in table
    else:
        assert "1.1%" in table and "110 poor households" in table


def test_the_plans_target_is_used_when_there_is_exactly_one(tmp_path: Path) -> None:
    root = thirty_districts(tmp_path, plan_target="0.5")
    # 0.5% or less: the 18 zeros and 0.1% … 0.5% (d19–d23): 23 of 30.
    document = run_cli(*ARGS, "--root", str(root), "--format", "json").json()
    assert document["target"] == 0.5 and document["summary"]["meet"] == 23
    text = run_cli(*ARGS, "--root", str(root)).stdout
    assert text.rstrip().splitlines()[-1] == "23 of 30 districts meet 0.5% · 1 with no data"


def test_without_a_single_target_the_value_is_required(tmp_path: Path) -> None:
    root = thirty_districts(tmp_path, plan_target=None)
    run = run_cli(*ARGS, "--root", str(root))
    assert run.exit_code == 2 and run.stdout == ""
    assert run.stderr == (
        "ansinh: the plans of hanoi have no target of poor-household-rate: give the value to compare with, "
        "--target VALUE\n"
    )
    # Two targets of the indicator for hanoi: which one is meant is not for ansinh to guess.
    second = (
        "id: other\nname: Other\narea: hanoi\nstart: 2021\nend: 2025\ntargets:\n"
        "  - indicator: poor-household-rate\n    baseline: {value: 1.0, period: 2020}\n"
        "    target: {value: 0.2, by: 2025}\n"
    )
    thirty_districts(tmp_path / "two")
    (tmp_path / "two" / "hanoi" / "targets" / "other.yaml").write_text(second, encoding="utf-8")
    run = run_cli(*ARGS, "--root", str(tmp_path / "two" / "hanoi"))
    assert run.exit_code == 2 and "have 2 targets of poor-household-rate" in run.stderr
    for bad in (["--target", "abc"], ["--level", "ward"], ["--area", "hanio"]):
        run = run_cli(*ARGS, *bad, "--root", str(root))
        assert run.exit_code == 2, bad
        assert run.stderr.startswith("ansinh: ") and run.stderr.count("\n") == 1
    assert "did you mean 'hanoi'" in run_cli(*ARGS, "--area", "hanio", "--root", str(root)).stderr


def test_higher_is_better_ranks_the_largest_first_and_csv_has_the_json_keys(tmp_path: Path) -> None:
    root = thirty_districts(tmp_path)
    run = run_cli(
        "compare",
        "doctors",
        "--area",
        "hanoi",
        "--as-of",
        "2023",
        "--target",
        "25",
        "--format",
        "csv",
        "--root",
        str(root),
    )
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "area,name,value,period,date,count,meets,from"
    assert lines[1] == "d30,Quận huyện 30,30,2023,2023-12-31,30,true,observation"
    assert len(lines) == 31 and sum(line.endswith(",true,observation") for line in lines) == 6  # 25 … 30


def test_a_rolled_up_area_is_compared_with_the_others(tmp_path: Path) -> None:
    # Without --area: the areas without a parent, here the one province. Its 2023 figure would be
    # the roll-up of its 30 districts, but one lacks it: no figure, and the row says why. With the
    # 30th filled in (2% of 10,000: 200 households), hanoi is (0 · 18 + 10 + 20 + … + 110 + 200)
    # · 100 / 300,000 = 860 / 3,000 = 0.28667%.
    root = thirty_districts(tmp_path)
    run = run_cli("compare", "poor-household-rate", "--as-of", "2023", "--root", str(root), "--format", "json")
    assert run.exit_code == 0, run.stderr
    document = run.json()
    assert document["area"] is None and document["level"] == "province" and document["target"] == 0
    assert document["rows"][0]["value"] is None
    assert "[rollup-incomplete] 29 of 30 children have the figure for 2023" in run.stderr
    with (root / "data" / "observations.csv").open("a", encoding="utf-8") as handle:
        handle.write("poor-household-rate,d30,2023,2,\n")
    document = run_cli("compare", "poor-household-rate", "--as-of", "2023", "--root", str(root), "--format", "json")
    (row,) = document.json()["rows"]
    assert row["area"] == "hanoi" and row["value"] == 0.2867 and row["count"] == 860 and row["from"] == "rollup"


def test_the_library_call_returns_plain_data(tmp_path: Path) -> None:
    project = load_project(thirty_districts(tmp_path))
    comparison = api.compare(
        project, "poor-household-rate", date(2023, 12, 31), area="hanoi", level="district", target="0"
    )
    assert comparison.summary.meet == 18 and comparison.summary.total == 30
    assert comparison.rows[0].area.id == "d01" and comparison.rows[-1].value is None
    assert json.dumps([row.origin for row in comparison.rows[:2]]) == '["observation", "observation"]'


def test_compare_lists_the_areas_that_exist_at_the_date(tmp_path: Path) -> None:
    from test_rollup import reorganised

    root = reorganised(tmp_path)
    before = run_cli("compare", "poor", "--area", "hanoi", "--as-of", "2024", "--target", "1", "--root", str(root))
    after = run_cli("compare", "poor", "--area", "hanoi", "--as-of", "2025", "--target", "1", "--root", str(root))
    assert "Huyện Phúc Thọ" in before.stdout and "Xã Hát Môn" not in before.stdout
    assert "Huyện Phúc Thọ" not in after.stdout and "Xã Hát Môn" in after.stdout
    # 2025: Ba Vì 2.0, Xã Phúc Thọ 1.2, Xã Hát Môn 0.9, Đan Phượng 0.8: two meet 1% or less; a
    # district and communes side by side are "areas".
    assert after.stdout.rstrip().splitlines()[-1] == "2 of 4 areas meet 1%"
