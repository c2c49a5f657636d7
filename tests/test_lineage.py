"""Lineage figures across the 2025 reorganisation (SPEC 8): after an area's ``until`` the roll-up
of the units it became, before a unit's ``since`` the roll-up of the units it came from (with
their shares) — and ``lineage-incomplete`` saying why when one cannot be formed. Figures worked
out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from test_rollup import json_rows, make_root, plan, reorganised

# Three provinces merged into new-x, the third (p-c) split between new-x (60%) and new-y (40%);
# p-d became new-z and new-w without saying how it was divided.
MERGED = """\
  - {id: p-a, name: Tỉnh A, level: province, until: 2025-06-30, became: [new-x]}
  - {id: p-b, name: Tỉnh B, level: province, until: 2025-06-30, became: [new-x]}
  - {id: p-c, name: Tỉnh C, level: province, until: 2025-06-30,
     became: [{area: new-x, share: 0.6}, {area: new-y, share: 0.4}]}
  - {id: p-d, name: Tỉnh D, level: province, until: 2025-06-30, became: [new-z, new-w]}
  - {id: new-x, name: Tỉnh X, level: province, since: 2025-07-01}
  - {id: new-y, name: Tỉnh Y, level: province, since: 2025-07-01}
  - {id: new-z, name: Tỉnh Z, level: province, since: 2025-07-01}
  - {id: new-w, name: Tỉnh W, level: province, since: 2025-07-01}
"""
MERGED_BASES = """\
p-a,households,2024,100000,estimate,
p-b,households,2024,200000,estimate,
p-c,households,2024,100000,estimate,
p-d,households,2024,50000,estimate,
"""
MERGED_OBSERVATIONS = """\
poor,p-a,2023,2.5,
poor,p-c,2023,3.5,
poor,p-a,2024,2.0,
poor,p-b,2024,1.0,
poor,p-c,2024,3.0,
poor,p-d,2024,1.0,
trainees,p-a,2024,100,
trainees,p-b,2024,200,
trainees,p-c,2024,1000,
poor,new-x,2026H1,1.5,
poor,new-y,2026H1,2.5,
"""
NEW_POOR = "  - indicator: poor\n    baseline: {value: 1.6, period: 2024}\n    target: {value: 1.0, by: 2030}\n"
NEW_TRAINEES = "  - indicator: trainees\n    target: {total: 5000, from: 2024, by: 2030}\n"
OLD_POOR = "  - indicator: poor\n    baseline: {value: 3.0, period: 2020}\n    target: {value: 1.0, by: 2025}\n"


def merged(tmp_path: Path) -> Path:
    plans = {name: plan(name, name, NEW_POOR, "2026", "2030") for name in ("new-y", "new-z")}
    plans["new-x"] = plan("new-x", "new-x", NEW_POOR + NEW_TRAINEES, "2026", "2030")
    plans.update({name: plan(name, name, OLD_POOR) for name in ("p-a", "p-c")})
    return make_root(tmp_path, MERGED, MERGED_OBSERVATIONS, MERGED_BASES, plans)


def rows_by_area(root: Path, period: str) -> dict[tuple[str, str], dict]:
    return {(row["area"], row["indicator"]): row for row in json_rows(root, "report", "--period", period)}


def test_a_merged_province_before_it_began_is_its_predecessors_with_their_shares(tmp_path: Path) -> None:
    # new-x for 2024: all of p-a (2.0% of 100,000 = 2,000 poor households) and of p-b (1.0% of
    # 200,000 = 2,000), and 0.6 of p-c (3.0% of 100,000 = 3,000 → 1,800 of 60,000 households):
    # 5,800 · 100 / 360,000 = 1.61111…% → 1.6111. new-y: 0.4 of p-c, 1,200 of 40,000 = 3%.
    found = rows_by_area(merged(tmp_path), "2024")
    x, y = found[("new-x", "poor")], found[("new-y", "poor")]
    assert x["current"] == {
        "value": 1.6111,
        "period": "2024",
        "date": "2024-12-31",
        "count": 5800,
        "status": "final",
        "from": "lineage",
    }
    assert y["current"]["value"] == 3 and y["current"]["count"] == 1200 and y["current"]["from"] == "lineage"
    assert x["warnings"] == [] and y["warnings"] == []
    # A flow: 100 + 200 + 0.6 · 1,000 = 900 trainees in 2024 for new-x's window 2024–2030.
    trainees = found[("new-x", "trainees")]
    assert trainees["achieved"] == 900 and trainees["current"]["from"] == "lineage"


def test_explain_names_the_units_and_their_shares(tmp_path: Path) -> None:
    root = merged(tmp_path)
    run = run_cli("gap", "poor", "--area", "new-x", "--as-of", "2024", "--explain", "--root", str(root))
    assert run.exit_code == 0, run.stderr
    assert (
        "2024: formed from 3 units across the reorganisation: Tỉnh A 2.0% (2,000 of 100,000), "
        "Tỉnh B 1.0% (2,000 of 200,000), 0.6 of Tỉnh C 3.0% (1,800 of 60,000)"
    ) in run.stdout
    assert "Rolled up: 5,800 × 100 ÷ 360,000 = 1.6111%" in run.stdout
    vi = run_cli("--lang", "vi", "gap", "poor", "--area", "new-x", "--as-of", "2024", "--explain", "--root", str(root))
    assert "2024: tính từ 3 đơn vị trước/sau sắp xếp: Tỉnh A 2,0% (2.000 trên 100.000)" in vi.stdout
    assert "0,6 của Tỉnh C 3,0% (1.800 trên 60.000)" in vi.stdout


def test_lineage_incomplete_when_a_predecessor_lacks_the_figure(tmp_path: Path) -> None:
    # 2023: p-a and p-c have it, p-b does not: new-x's 2023 cannot be formed.
    row = rows_by_area(merged(tmp_path), "2023")[("new-x", "poor")]
    assert row["status"] == "no_data"
    assert row["warnings"] == [
        {
            "code": "lineage-incomplete",
            "message": "2 of 3 units across the reorganisation have the figure for 2023, so it cannot be formed "
            "(missing: p-b)",
        }
    ]


def test_lineage_incomplete_when_a_predecessor_cannot_be_divided(tmp_path: Path) -> None:
    row = rows_by_area(merged(tmp_path), "2024")[("new-z", "poor")]
    assert row["status"] == "no_data"
    assert row["warnings"] == [
        {
            "code": "lineage-incomplete",
            "message": "'p-d' became 2 units without shares, so its figures cannot be divided among them: give "
            "each its share",
        }
    ]


def test_after_until_a_unit_that_took_from_another_too_cannot_stand_for_it(tmp_path: Path) -> None:
    # As of 2026H1, p-a's latest own figure is 2024's; new-x has 2026H1, but new-x also took p-b
    # and part of p-c, so it is not p-a: the row keeps 2024 and says why.
    found = rows_by_area(merged(tmp_path), "2026H1")
    a = found[("p-a", "poor")]
    assert a["current"]["period"] == "2024" and a["current"]["from"] == "observation"
    # (its base is known for 2024 only, so the target's count at 2025 is extrapolated too)
    codes = [warning["code"] for warning in a["warnings"]]
    assert codes == ["extrapolated-base", "stale-observation", "lineage-incomplete"]
    assert a["warnings"][-1]["message"] == (
        "'p-a' became other units, and 'new-x' also took territory from 'p-b': its figures after the "
        "reorganisation cannot be formed from theirs"
    )
    # p-c went to new-x and new-y in shares: no whole unit stands for it after 2025-06-30.
    c = found[("p-c", "poor")]
    assert c["warnings"][-1] == {
        "code": "lineage-incomplete",
        "message": "'p-c' became other units, and 'new-x' took only a share of it (0.6): its figures after the "
        "reorganisation cannot be formed from theirs",
    }


def test_after_until_an_abolished_district_is_the_communes_it_became(tmp_path: Path) -> None:
    # Phúc Thọ (until 2025-06-30) became Xã Phúc Thọ and Xã Hát Môn, whole: its 2025 figure is
    # theirs, 1.2% of 30,000 = 360 and 0.9% of 20,000 = 180: 540 · 100 / 50,000 = 1.08%.
    root = reorganised(tmp_path)
    (root / "targets" / "phuc-tho.yaml").write_text(plan("phuc-tho", "phuc-tho", OLD_POOR), encoding="utf-8")
    (row,) = json_rows(root, "gap", "poor", "--area", "phuc-tho", "--as-of", "2025")
    assert row["current"]["value"] == 1.08 and row["current"]["count"] == 540
    # (the target's count at 2025-12-31 uses Phúc Thọ's own base, known for 2024 only)
    assert row["current"]["from"] == "lineage"
    assert [warning["code"] for warning in row["warnings"]] == ["extrapolated-base"]
    run = run_cli("gap", "poor", "--area", "phuc-tho", "--as-of", "2025", "--explain", "--root", str(root))
    assert (
        "2025: formed from 2 units across the reorganisation: Xã Phúc Thọ 1.2% (360 of 30,000), "
        "Xã Hát Môn 0.9% (180 of 20,000)"
    ) in run.stdout
    # Before the reorganisation it is its own figure, 1.5% (2024).
    (row,) = json_rows(root, "gap", "poor", "--area", "phuc-tho", "--as-of", "2024")
    assert row["current"]["value"] == 1.5 and row["current"]["from"] == "observation"


def test_a_lineage_that_lacks_a_successor_says_so(tmp_path: Path) -> None:
    # Without Xã Hát Môn's 2025 figure, 1 of 2 successors has it: Phúc Thọ keeps 2024's.
    observations = "\n".join(line for line in _reorganised_lines() if not line.startswith("poor,xa-hat-mon")) + "\n"
    root = reorganised(tmp_path)
    (root / "data" / "obs.csv").write_text("indicator,area,period,value,count\n" + observations, encoding="utf-8")
    (root / "targets" / "phuc-tho.yaml").write_text(plan("phuc-tho", "phuc-tho", OLD_POOR), encoding="utf-8")
    (row,) = json_rows(root, "gap", "poor", "--area", "phuc-tho", "--as-of", "2025")
    assert row["current"]["period"] == "2024"
    assert row["warnings"][-1] == {
        "code": "lineage-incomplete",
        "message": "1 of 2 units across the reorganisation have the figure for 2025, so it cannot be formed "
        "(missing: xa-hat-mon)",
    }


def _reorganised_lines() -> list[str]:
    from test_rollup import REORGANISED_OBSERVATIONS

    return REORGANISED_OBSERVATIONS.splitlines()


def test_the_merged_files_validate_cleanly_but_for_what_spec_8_warns_of(tmp_path: Path) -> None:
    # new-x's and new-y's own 2026H1 figures are inside their lifetimes; nothing is outside.
    run = run_cli("validate", "--root", str(merged(tmp_path)), "--format", "json")
    document = run.json()
    assert document["errors"] == []
    assert {warning["code"] for warning in document["warnings"]} <= {"extrapolated-base"}


# As official lists (and `ansinh areas`) write it: the district and each of its communes name the
# new communes they became. District d became n1 and n2; its communes c1 and c2 became n1, c3 n2.
BOTH_LEVELS = """\
  - {id: p, name: Province, level: province}
  - {id: d, name: District, level: district, parent: p, until: 2025-06-30, became: [n1, n2]}
  - {id: c1, name: Commune 1, level: commune, parent: d, until: 2025-06-30, became: [n1]}
  - {id: c2, name: Commune 2, level: commune, parent: d, until: 2025-06-30, became: [n1]}
  - {id: c3, name: Commune 3, level: commune, parent: d, until: 2025-06-30, became: [n2]}
  - {id: n1, name: New 1, level: commune, parent: p, since: 2025-07-01}
  - {id: n2, name: New 2, level: commune, parent: p, since: 2025-07-01}
"""
DOCTORS = "  - indicator: doctors\n    baseline: {value: 10, period: 2023}\n    target: {value: 50, by: 2030}\n"


def test_a_district_and_its_communes_both_listing_what_they_became(tmp_path: Path) -> None:
    plans = {name: plan(name, name, DOCTORS, "2023", "2030") for name in ("n1", "n2", "d")}
    observations = (
        "doctors,c1,2024,10,\ndoctors,c2,2024,20,\ndoctors,c3,2024,5,\ndoctors,n1,2026,33,\ndoctors,n2,2026,7,\n"
    )
    root = make_root(tmp_path, BOTH_LEVELS, observations, "", plans)
    before = rows_by_area(root, "2024")
    # n1 before it began: its own communes' parts, c1 + c2 = 30 (the district, which became two
    # units without shares, is made of them); n2: c3 = 5. The district itself: its communes, 35.
    assert before[("n1", "doctors")]["current"]["value"] == 30
    assert before[("n1", "doctors")]["current"]["from"] == "lineage"
    assert before[("n2", "doctors")]["current"]["value"] == 5
    assert before[("d", "doctors")]["current"]["value"] == 35
    assert all(row["warnings"] == [] for row in before.values())
    # The district after it ended: the units it became, 33 + 7 = 40; its own communes listing n1
    # too are inside it, not other territory.
    after = rows_by_area(root, "2026")
    district = after[("d", "doctors")]
    assert district["current"]["value"] == 40 and district["current"]["from"] == "lineage"
    assert [warning["code"] for warning in district["warnings"]] == []
