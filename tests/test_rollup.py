"""Roll-ups (SPEC 7): an area without its own figure for a period gets the roll-up of its children,
counts and flows summed, rates as Σ counts · s / Σ bases. Every figure below is worked out by hand
in the comments; the CLI is driven end to end, the engine called directly where a test looks
inside."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ansinh.engine import compute_rows
from ansinh.engine.results import Figure
from ansinh.engine.rollup import figures_of
from ansinh.files.loader import load_project
from ansinh.numbers import Fraction
from conftest import run_cli

CATALOGUE = """\
indicators:
  - {id: poor, name: {en: Poor-household rate, vi: Tỷ lệ hộ nghèo}, unit: percent, better: lower, kind: level,
     counts: {en: poor households, vi: hộ nghèo}, base: households}
  - {id: beds, name: Beds, unit: per_10k, better: higher, kind: level, counts: beds, base: population}
  - {id: doctors, name: Doctors, unit: count, better: higher, kind: level}
  - {id: trainees, name: Trainees, unit: count, better: higher, kind: flow}
bases:
  - {id: population, counts: {en: people, vi: người}}
  - {id: households, counts: {en: households, vi: hộ}}
"""


def make_root(
    tmp_path: Path,
    areas: str,
    observations: str,
    bases: str = "",
    plans: dict[str, str] | None = None,
) -> Path:
    """A project folder: the catalogue above, ``areas`` (the lines under ``areas:``), the
    observation rows, base rows and plans given."""
    root = tmp_path / "root"
    (root / "targets").mkdir(parents=True)
    (root / "data" / "bases").mkdir(parents=True)
    (root / "targets" / "indicators.yaml").write_text(CATALOGUE, encoding="utf-8")
    (root / "targets" / "areas.yaml").write_text("areas:\n" + areas, encoding="utf-8")
    (root / "data" / "obs.csv").write_text("indicator,area,period,value,count\n" + observations, encoding="utf-8")
    (root / "data" / "bases" / "b.csv").write_text("area,base,year,value,kind,source\n" + bases, encoding="utf-8")
    for name, text in (plans or {}).items():
        (root / "targets" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


def plan(plan_id: str, area: str, targets: str, start: str = "2021", end: str = "2025") -> str:
    return f"id: {plan_id}\nname: {plan_id}\narea: {area}\nstart: {start}\nend: {end}\ntargets:\n{targets}"


POOR = "  - indicator: poor\n    baseline: {value: 3.0, period: 2020}\n    target: {value: 1.0, by: 2025}\n"


def json_rows(root: Path, *args: str) -> list[dict]:
    run = run_cli(*args, "--root", str(root), "--format", "json")
    assert run.exit_code == 0, run.stdout + run.stderr
    return run.json()["rows"]


# --- a province rolled up from three districts, one abolished into two communes --------------

REORGANISED = """\
  - {id: hanoi, name: Hà Nội, level: province}
  - {id: ba-vi, name: Huyện Ba Vì, level: district, parent: hanoi}
  - {id: dan-phuong, name: Huyện Đan Phượng, level: district, parent: hanoi}
  - {id: phuc-tho, name: Huyện Phúc Thọ, level: district, parent: hanoi, until: 2025-06-30,
     became: [xa-phuc-tho, xa-hat-mon]}
  - {id: xa-phuc-tho, name: Xã Phúc Thọ, level: commune, parent: hanoi, since: 2025-07-01}
  - {id: xa-hat-mon, name: Xã Hát Môn, level: commune, parent: hanoi, since: 2025H2}
"""
REORGANISED_BASES = """\
ba-vi,households,2024,80000,estimate,
dan-phuong,households,2024,50000,estimate,
phuc-tho,households,2024,50000,estimate,
ba-vi,households,2025,80000,estimate,
dan-phuong,households,2025,50000,estimate,
xa-phuc-tho,households,2025,30000,estimate,
xa-hat-mon,households,2025,20000,estimate,
"""
REORGANISED_OBSERVATIONS = """\
poor,ba-vi,2024,2.5,2000
poor,dan-phuong,2024,1.0,
poor,phuc-tho,2024,1.5,
poor,ba-vi,2025,2.0,1600
poor,dan-phuong,2025,0.8,
poor,xa-phuc-tho,2025,1.2,
poor,xa-hat-mon,2025,0.9,
"""


def reorganised(tmp_path: Path) -> Path:
    return make_root(
        tmp_path,
        REORGANISED,
        REORGANISED_OBSERVATIONS,
        REORGANISED_BASES,
        {"hanoi-plan": plan("hanoi-plan", "hanoi", POOR)},
    )


def test_a_province_rolls_up_its_three_districts(tmp_path: Path) -> None:
    # 2024-12-31: the districts that exist are Ba Vì, Đan Phượng and Phúc Thọ (the communes begin
    # on 2025-07-01). Their poor households: Ba Vì's count 2,000 as written; Đan Phượng 1.0% of
    # 50,000 = 500; Phúc Thọ 1.5% of 50,000 = 750. Σ = 3,250 of 80,000 + 50,000 + 50,000 = 180,000
    # households: 3,250 · 100 / 180,000 = 1.80555…% → 1.8056.
    (row,) = json_rows(reorganised(tmp_path), "gap", "poor", "--as-of", "2024")
    assert row["current"] == {
        "value": 1.8056,
        "period": "2024",
        "date": "2024-12-31",
        "count": 3250,
        "status": "final",
        "from": "rollup",
    }
    assert row["current_count"] == 3250 and row["warnings"] == []
    # d = −1: gap = max(0, 1.8056 − 1.0); baseline 3.0 (2020) to 1.0 (2025): 48 of 60 months
    # gone, E = 3.0 − 2.0·48/60 = 1.4; ratio = (1.80555… − 3.0)/(1.4 − 3.0) = 0.74652…
    assert row["gap"] == 0.8056 and row["progress_ratio"] == 0.7465 and row["status"] == "needs_acceleration"


def test_after_the_reorganisation_the_province_rolls_up_the_new_communes(tmp_path: Path) -> None:
    # 2025-12-31: Ba Vì, Đan Phượng and the two communes exist; Phúc Thọ does not (until
    # 2025-06-30). Counts: 1,600 (written) + 0.8% of 50,000 = 400 + 1.2% of 30,000 = 360 +
    # 0.9% of 20,000 = 180 → 2,540 of 80,000 + 50,000 + 30,000 + 20,000 = 180,000 households:
    # 2,540 · 100 / 180,000 = 1.41111…% → 1.4111. At the deadline itself E = 1.0, and the ratio
    # (1.41111… − 3.0)/(1.0 − 3.0) = 0.79444…: needs acceleration (not yet missed: D = t).
    (row,) = json_rows(reorganised(tmp_path), "gap", "poor", "--as-of", "2025")
    assert row["current"]["value"] == 1.4111 and row["current"]["count"] == 2540
    assert row["current"]["from"] == "rollup" and row["progress_ratio"] == 0.7944
    assert row["status"] == "needs_acceleration"


def test_explain_names_the_children_summed(tmp_path: Path) -> None:
    run = run_cli("gap", "poor", "--as-of", "2024", "--explain", "--root", str(reorganised(tmp_path)))
    assert run.exit_code == 0, run.stderr
    assert (
        "2024: rolled up from 3 areas below it: Huyện Ba Vì 2.5% (2,000 of 80,000), "
        "Huyện Đan Phượng 1.0% (500 of 50,000), Huyện Phúc Thọ 1.5% (750 of 50,000)"
    ) in run.stdout
    assert "Rolled up: 3,250 × 100 ÷ 180,000 = 1.8056%" in run.stdout
    vi = run_cli("--lang", "vi", "gap", "poor", "--as-of", "2024", "--explain", "--root", str(tmp_path / "root"))
    assert "2024: cộng gộp từ 3 địa bàn trực thuộc: Huyện Ba Vì 2,5% (2.000 trên 80.000)" in vi.stdout
    assert "Cộng gộp: 3.250 × 100 ÷ 180.000 = 1,8056%" in vi.stdout


def test_csv_has_where_the_figure_came_from(tmp_path: Path) -> None:
    run = run_cli("gap", "poor", "--as-of", "2024", "--format", "csv", "--root", str(reorganised(tmp_path)))
    header, line = run.stdout.splitlines()[:2]
    assert dict(zip(header.split(","), line.split(","), strict=False))["current.from"] == "rollup"


# --- counts, flows, recursion -------------------------------------------------------------------

TREE = """\
  - {id: p, name: Province, level: province}
  - {id: d1, name: District 1, level: district, parent: p}
  - {id: d2, name: District 2, level: district, parent: p}
  - {id: c1, name: Commune 1, level: commune, parent: d1}
  - {id: c2, name: Commune 2, level: commune, parent: d1}
  - {id: c3, name: Commune 3, level: commune, parent: d2}
"""
TREE_BASES = """\
c1,population,2024,10000,census,
c2,population,2024,20000,census,
c3,population,2024,20000,census,
"""
BEDS = "  - indicator: beds\n    baseline: {value: 20, period: 2020}\n    target: {value: 30, by: 2025}\n"


def test_rates_roll_up_recursively_with_the_bases_of_the_communes(tmp_path: Path) -> None:
    # c1: 25 per 10,000 of 10,000 → 25 beds; c2: 30 of 20,000 → 60 beds; c3: its count 41 (of
    # 20,000). The districts have no base of their own: d1 = (25 + 60) · 10,000 / 30,000 =
    # 28.333…, d2 = 41 · 10,000 / 20,000 = 20.5; the province = (85 + 41) · 10,000 / (30,000 +
    # 20,000) = 25.2, count 126.
    observations = "beds,c1,2024,25,\nbeds,c2,2024,30,\nbeds,c3,2024,20.5,41\n"
    plans = {name: plan(name, name, BEDS) for name in ("p", "d1", "d2")}
    root = make_root(tmp_path, TREE, observations, TREE_BASES, plans)
    found = {row["area"]: row for row in json_rows(root, "report", "--period", "2024")}
    assert found["d1"]["current"]["value"] == 28.3333 and found["d1"]["current"]["count"] == 85
    assert found["d2"]["current"]["value"] == 20.5 and found["d2"]["current"]["count"] == 41
    assert found["p"]["current"]["value"] == 25.2 and found["p"]["current"]["count"] == 126
    assert {row["current"]["from"] for row in found.values()} == {"rollup"}
    # Exactly, not rounded on the way: the province's figure is 126/5 per 10,000.
    project = load_project(root)
    figure = figures_of(project).latest(project.indicators["beds"], "p", date(2024, 12, 31))
    assert isinstance(figure, Figure) and figure.value == Fraction(126, 5)
    assert [part.area for part in figure.parts] == ["d1", "d2"]
    assert isinstance(figure.parts[0].figure, Figure) and figure.parts[0].figure.origin == "rollup"


def test_counts_and_flows_are_summed(tmp_path: Path) -> None:
    # Doctors (a count) 12 + 7 + 30 = 49 at 2024; trainees (a flow) 2023: 100 + 50 + 20 = 170,
    # 2024: 110 + 60 + 25 = 195, so the province's total over 2021–2025 is 365 by 2024.
    observations = (
        "doctors,c1,2024,12,\ndoctors,c2,2024,7,\ndoctors,c3,2024,30,\n"
        "trainees,c1,2023,100,\ntrainees,c2,2023,50,\ntrainees,c3,2023,20,\n"
        "trainees,c1,2024,110,\ntrainees,c2,2024,60,\ntrainees,c3,2024,25,\n"
    )
    targets = (
        "  - indicator: doctors\n    baseline: {value: 40, period: 2020}\n    target: {value: 60, by: 2025}\n"
        "  - indicator: trainees\n    target: {total: 1000, from: 2021, by: 2025}\n"
    )
    root = make_root(tmp_path, TREE, observations, TREE_BASES, {"p": plan("p", "p", targets)})
    doctors, trainees = json_rows(root, "report", "--period", "2024")
    assert doctors["current"]["value"] == 49 and doctors["current_count"] == 49
    assert doctors["current"]["from"] == "rollup"
    assert trainees["achieved"] == 365 and trainees["current"]["from"] == "rollup"
    assert trainees["current"]["period"] == "2024"


def test_an_own_observation_wins_and_a_later_roll_up_is_used(tmp_path: Path) -> None:
    # The province wrote its own 2023 figure, 24; for 2024 only the communes did: the latest by
    # 2024-12-31 is the roll-up (SPEC 7: own or rolled up, the latest).
    observations = "beds,p,2023,24,\nbeds,c1,2024,25,\nbeds,c2,2024,30,\nbeds,c3,2024,20.5,41\n"
    root = make_root(tmp_path, TREE, observations, TREE_BASES, {"p": plan("p", "p", BEDS)})
    (row,) = json_rows(root, "gap", "beds", "--as-of", "2024")
    assert row["current"]["value"] == 25.2 and row["current"]["from"] == "rollup"
    (row,) = json_rows(root, "gap", "beds", "--as-of", "2023H2")
    assert row["current"]["value"] == 24 and row["current"]["from"] == "observation"


# --- rollup-mismatch and rollup-incomplete -----------------------------------------------------


def test_rollup_mismatch_beyond_the_rounding_of_the_own_value(tmp_path: Path) -> None:
    # The complete roll-up of 2024 is 25.2 (above). An own 25.0 means 24.95–25.05: 25.2 lies
    # outside, so the row and validate warn; an own "25" means 24.5–25.5 and agrees.
    communes = "beds,c1,2024,25,\nbeds,c2,2024,30,\nbeds,c3,2024,20.5,41\n"
    root = make_root(tmp_path, TREE, "beds,p,2024,25.0,\n" + communes, TREE_BASES, {"p": plan("p", "p", BEDS)})
    (row,) = json_rows(root, "gap", "beds", "--as-of", "2024")
    assert row["current"]["value"] == 25 and row["current"]["from"] == "observation"
    message = (
        "the area's own figure for 2024, 25.0 per 10,000, disagrees with the roll-up of its 2 children, 25.2 per 10,000"
    )
    assert row["warnings"] == [{"code": "rollup-mismatch", "message": message}]
    validated = run_cli("validate", "--root", str(root), "--format", "json").json()
    assert [(each["code"], each["file"], each["line"], each["column"]) for each in validated["warnings"]] == [
        ("rollup-mismatch", "data/obs.csv", 2, 4)
    ]
    (root / "data" / "obs.csv").write_text("indicator,area,period,value,count\nbeds,p,2024,25,\n" + communes)
    (row,) = json_rows(root, "gap", "beds", "--as-of", "2024")
    assert row["warnings"] == []


def test_rollup_incomplete_names_how_many_children_have_the_figure(tmp_path: Path) -> None:
    # Three districts have 2024; only two have 2025: the 2025 roll-up is not computed, the row
    # uses 2024's and says "2 of 3".
    areas = "  - {id: p, name: Province, level: province}\n" + "".join(
        f"  - {{id: d{n}, name: District {n}, level: district, parent: p}}\n" for n in (1, 2, 3)
    )
    bases = "".join(f"d{n},households,{year},1000,estimate,\n" for n in (1, 2, 3) for year in (2024, 2025))
    # 2024: 10 + 20 + 30 = 60 poor households of 3,000: 2%.
    observations = "poor,d1,2024,1,\npoor,d2,2024,2,\npoor,d3,2024,3,\npoor,d1,2025,1,\npoor,d2,2025,1,\n"
    root = make_root(tmp_path, areas, observations, bases, {"p": plan("p", "p", POOR)})
    (row,) = json_rows(root, "gap", "poor", "--as-of", "2025")
    assert row["current"]["value"] == 2 and row["current"]["period"] == "2024"
    assert row["warnings"] == [
        {
            "code": "rollup-incomplete",
            "message": "2 of 3 children have the figure for 2025, so it is not rolled up (missing: d3)",
        }
    ]
    vi = run_cli("--lang", "vi", "gap", "poor", "--as-of", "2025", "--root", str(root), "--format", "json").json()
    assert vi["rows"][0]["warnings"][0]["message"].startswith("2/3 địa bàn trực thuộc có số liệu kỳ 2025")
    # With no figure of its own at all, the row is no_data and still says why.
    (root / "data" / "obs.csv").write_text("indicator,area,period,value,count\npoor,d1,2025,1,\npoor,d2,2025,1,\n")
    (row,) = json_rows(root, "gap", "poor", "--as-of", "2025")
    assert row["status"] == "no_data" and row["warnings"][0]["code"] == "rollup-incomplete"


def test_a_child_without_a_base_leaves_the_rate_uncomputed(tmp_path: Path) -> None:
    areas = "  - {id: p, name: Province, level: province}\n  - {id: d1, name: D1, level: district, parent: p}\n"
    root = make_root(tmp_path, areas, "poor,d1,2024,1,\n", "", {"p": plan("p", "p", POOR)})
    (row,) = json_rows(root, "gap", "poor", "--as-of", "2024")
    assert row["status"] == "no_data"
    assert row["warnings"] == [
        {
            "code": "rollup-incomplete",
            "message": "'d1' has no households base for 2024, so the figure for 2024 cannot be worked out from the "
            "units below or before it",
        }
    ]


def test_roll_ups_are_memoised_per_indicator_and_area(tmp_path: Path) -> None:
    observations = "beds,c1,2024,25,\nbeds,c2,2024,30,\nbeds,c3,2024,20.5,41\n"
    plans = {name: plan(name, name, BEDS) for name in ("p", "d1", "d2")}
    project = load_project(make_root(tmp_path, TREE, observations, TREE_BASES, plans))
    compute_rows(project, date(2024, 12, 31))
    figures = figures_of(project)
    known = dict(figures._known)
    computed = dict(figures._figures)
    # The communes are plain: their own series answer for them, with no memo of their own.
    assert set(known) == {("beds", area, "core") for area in ("p", "d1", "d2")}
    compute_rows(project, date(2024, 12, 31))
    assert figures_of(project) is figures
    assert all(figures._known[key] is value for key, value in known.items())  # nothing worked out twice
    assert figures._figures == computed


def test_a_rolled_up_count_is_the_sum_of_the_exact_child_counts_rounded_half_up(tmp_path: Path) -> None:
    """SPEC 7: each child's count is V·base/s exact, the rate Σcounts·s/Σbases, the count the sum
    rounded half up — not the sum of rounded counts."""
    areas = (
        "  - {id: p, name: Province, level: province}\n"
        "  - {id: d1, name: District 1, level: district, parent: p}\n"
        "  - {id: d2, name: District 2, level: district, parent: p}\n"
    )
    bases = "d1,households,2024,100,census,\nd2,households,2024,100,census,\n"
    poor = "  - indicator: poor\n    baseline: {value: 3.0, period: 2020}\n    target: {value: 1.0, by: 2025}\n"
    # d1: 1.5% of 100 = 1.5 households, d2: 1.0% of 100 = 1: 2.5 of 200 is 1.25%, count 2.5 -> 3
    root = make_root(tmp_path, areas, "poor,d1,2024,1.5,\npoor,d2,2024,1.0,\n", bases, {"p": plan("p", "p", poor)})
    (row,) = [each for each in json_rows(root, "report", "--period", "2024") if each["area"] == "p"]
    assert row["current"]["value"] == 1.25 and row["current"]["count"] == 3 and row["current"]["from"] == "rollup"
    # two halves: 0.5% and 0.5% of 100 = 0.5 + 0.5 = 1 poor household (each rounded alone: 1 + 1 = 2)
    halves = make_root(
        tmp_path / "halves", areas, "poor,d1,2024,0.5,\npoor,d2,2024,0.5,\n", bases, {"p": plan("p", "p", poor)}
    )
    (row,) = [each for each in json_rows(halves, "report", "--period", "2024") if each["area"] == "p"]
    assert row["current"]["value"] == 0.5 and row["current"]["count"] == 1
