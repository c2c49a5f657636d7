"""SPEC 9: estimates, preliminary and final figures — the most final one of a period is used,
and a row judged on a figure that is not final says so in every format."""

from __future__ import annotations

import csv
import io
import json
import pickle
from datetime import date
from pathlib import Path

import pytest

from ansinh.engine import compute_rows
from ansinh.files.loader import load_project
from conftest import run_cli

CATALOGUE = """\
indicators:
  - {id: beds, name: Beds, unit: per_10k, better: higher, kind: level, counts: beds, base: population}
  - {id: jobs, name: Jobs, unit: count, better: higher, kind: flow}
"""
PLAN = """\
id: plan
name: Plan
area: hanoi
start: 2021
end: 2025
targets:
  - indicator: beds
    baseline: {value: 20, period: 2020}
    target: {value: 30, by: 2025}
  - indicator: jobs
    target: {total: 1000, from: 2021, by: 2025}
"""


def make_root(tmp_path: Path, observations: str) -> Path:
    root = tmp_path / "p"
    (root / "targets").mkdir(parents=True)
    (root / "data" / "bases").mkdir(parents=True)
    (root / "data" / "bases" / "population.csv").write_text(
        "area,base,year,value,kind,source\nhanoi,population,2020,8000000,census,\n", encoding="utf-8"
    )
    (root / "targets" / "indicators.yaml").write_text(CATALOGUE, encoding="utf-8")
    (root / "targets" / "areas.yaml").write_text("areas:\n  - {id: hanoi, name: Hà Nội, level: province}\n")
    (root / "targets" / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (root / "data" / "obs.csv").write_text(observations, encoding="utf-8")
    return root


def report_json(root: Path, *args: str) -> dict:
    run = run_cli("report", "--root", str(root), "--period", "2024", "--format", "json", *args)
    assert run.exit_code == 0, run.stdout + run.stderr
    return run.json()


def test_the_final_figure_wins_over_an_estimate_of_the_same_period(tmp_path: Path) -> None:
    # The office sent an estimate of 24 for 2024, then the final figure 25: no conflict, 25 is used.
    root = make_root(
        tmp_path,
        "indicator,area,period,value,status\n"
        "beds,hanoi,2020,20,\n"
        "beds,hanoi,2024,24,estimate\n"
        "beds,hanoi,2024,24.5,preliminary\n"
        "beds,hanoi,2024,25,final\n",
    )
    validation = run_cli("validate", "--root", str(root), "--format", "json")
    assert validation.exit_code == 0 and json.loads(validation.stdout)["errors"] == []
    beds = report_json(root)["rows"][0]
    current = {key: beds["current"][key] for key in ("value", "period", "date", "count", "status")}
    assert current == {"value": 25, "period": "2024", "date": "2024-12-31", "count": None, "status": "final"}
    # E = 20 + 10·48/60 = 28; ratio (25 − 20)/(28 − 20) = 0.625
    assert beds["progress_ratio"] == 0.625 and beds["status"] == "needs_acceleration"
    assert beds["percent_of_target"] == 83.3333  # 100 · 25 / 30


def test_a_row_on_an_estimate_says_so_in_every_format(tmp_path: Path) -> None:
    root = make_root(tmp_path, "indicator,area,period,value,status\nbeds,hanoi,2020,20,\nbeds,hanoi,2024,24,Ước tính\n")
    beds = report_json(root)["rows"][0]
    assert beds["current"]["status"] == "estimate" and beds["current"]["value"] == 24
    # CSV: the same key, dotted
    run = run_cli("report", "--root", str(root), "--period", "2024", "--format", "csv")
    (first, _jobs) = list(csv.DictReader(io.StringIO(run.stdout)))
    assert first["current.status"] == "estimate"
    # Tables mark the figure, in the reader's language
    table = run_cli("report", "--root", str(root), "--period", "2024", "--lang", "vi", env={"COLUMNS": "200"})
    assert "24/10.000 (2024, ước tính)" in table.stdout
    markdown = run_cli("gap", "beds", "--root", str(root), "--as-of", "2024", "--format", "markdown")
    assert "24/10,000 (2024, estimate)" in markdown.stdout
    explained = run_cli("gap", "beds", "--root", str(root), "--as-of", "2024", "--explain", env={"COLUMNS": "200"})
    assert "The figure for 2024 is marked estimate, not final" in explained.stdout
    assert "Figure used: data/obs.csv:3" in explained.stdout


def test_a_sum_with_an_estimate_in_it_is_an_estimate(tmp_path: Path) -> None:
    root = make_root(
        tmp_path,
        "indicator,area,period,value,status\n"
        "jobs,hanoi,2021,200,final\n"
        "jobs,hanoi,2022,300,sơ bộ\n"
        "jobs,hanoi,2023,250,final\n",
    )
    jobs = report_json(root)["rows"][1]
    assert jobs["achieved"] == 750 and jobs["current"]["status"] == "preliminary"


def test_two_estimates_that_differ_still_conflict(tmp_path: Path) -> None:
    root = make_root(
        tmp_path,
        "indicator,area,period,value,status\nbeds,hanoi,2024,24,estimate\nbeds,hanoi,2024,26,final\n"
        "beds,hanoi,2024,23,estimate\n",
    )
    run = run_cli("validate", "--root", str(root), "--format", "json")
    assert run.exit_code == 1
    (error,) = json.loads(run.stdout)["errors"]
    assert (error["code"], error["line"]) == ("conflicting-observation", 4)


def test_an_unknown_status_is_an_error_at_its_cell(tmp_path: Path) -> None:
    root = make_root(tmp_path, "indicator,area,period,value,status\nbeds,hanoi,2024,24,estimat\n")
    run = run_cli("validate", "--root", str(root), "--format", "json")
    assert run.exit_code == 1
    (error,) = json.loads(run.stdout)["errors"]
    assert (error["code"], error["line"], error["column"], error["path"]) == ("bad-value", 2, 5, "status")
    assert "estimate" in error["message"]


@pytest.mark.parametrize("quick", [True, False])
def test_the_quick_reader_and_the_row_by_row_reader_agree(tmp_path: Path, quick: bool, monkeypatch) -> None:
    """Plain status words take the columnar path, others the row-by-row one: same figures."""
    words = ("estimate", "preliminary", "final") if quick else ("Ước", "Sơ bộ", "Chính thức")
    lines = ["indicator,area,period,value,status"]
    lines += [f"beds,hanoi,{year},{20 + index},{words[index % 3]}" for index, year in enumerate(range(2020, 2025))]
    root = make_root(tmp_path, "\n".join(lines) + "\n")
    project = load_project(root)
    assert not project.errors
    series = project.observations.series("beds", "hanoi")
    assert series is not None
    assert [each.status for each in series.observations()] == [
        "estimate",
        "preliminary",
        "final",
        "estimate",
        "preliminary",
    ]
    (beds, _jobs) = compute_rows(project, date(2024, 12, 31))
    assert beds.current is not None and beds.current.status == "preliminary"


def test_a_pickled_store_keeps_the_statuses(tmp_path: Path) -> None:
    """The cache and the reading worker hand stores over pickled."""
    root = make_root(tmp_path, "indicator,area,period,value,status\nbeds,hanoi,2020,20,\nbeds,hanoi,2024,24,estimate\n")
    again = pickle.loads(pickle.dumps(load_project(root).observations))
    series = again.series("beds", "hanoi")
    assert series is not None
    assert [each.status for each in series.observations()] == ["final", "estimate"]


def test_explain_names_the_figure_used_and_its_source() -> None:
    """The shipped data's figures reported after the seeds (``data/reported-since.csv``)."""
    from conftest import REPO

    run = run_cli(
        "gap",
        "health-insurance-coverage",
        "--root",
        str(REPO),
        "--as-of",
        "2024H1",
        "--plan",
        "hanoi-08-ctr-tu",
        "--explain",
        env={"COLUMNS": "250"},
    )
    assert run.exit_code == 0
    assert (
        "Figure used: data/reported-since.csv:4 — Hanoi Times, hanoitimes.vn 327284: coverage 94.33% at the end "
        "of June 2024 (the 2024 plan's target: 94.5%)"
    ) in run.stdout
    # 90.2% (2021-10-30) -> 94.33% (2024-06-30) against 95% by 2025: E = 90.2 + 4.8 · 32.0323/50.0323
    assert "Progress ratio: (94.33 − 90.2) ÷ (93.2731 − 90.2) = 1.3439" in run.stdout


def test_the_shipped_national_figures_are_estimates() -> None:
    from conftest import REPO

    run = run_cli(
        "report", "--root", str(REPO), "--period", "2026", "--plan", "viet-nam-health-2030", "--format", "json"
    )
    beds, doctors = run.json()["rows"]
    assert beds["current"]["status"] == doctors["current"]["status"] == "estimate"
    assert beds["percent_of_target"] == 98.5714  # 100 · 34.5 / 35
    assert doctors["percent_of_target"] == 78.9474  # 100 · 15 / 19


def test_a_preliminary_figure_wins_over_an_estimate_when_there_is_no_final_one(tmp_path: Path) -> None:
    root = make_root(
        tmp_path,
        "indicator,area,period,value,status\nbeds,hanoi,2020,20,\nbeds,hanoi,2024,24,estimate\n"
        "beds,hanoi,2024,24.5,preliminary\n",
    )
    beds = report_json(root)["rows"][0]
    assert (beds["current"]["value"], beds["current"]["status"]) == (24.5, "preliminary")
    # (24.5 − 20) / (10 · 48/60) = 0.5625: needs acceleration
    assert beds["progress_ratio"] == 0.5625 and beds["status"] == "needs_acceleration"


def test_percent_of_target_only_where_higher_is_better_and_the_target_is_not_zero(tmp_path: Path) -> None:
    catalogue = CATALOGUE + (
        "  - {id: cases, name: Cases, unit: count, better: higher, kind: level}\n"
        "  - {id: deaths, name: Deaths, unit: count, better: lower, kind: level}\n"
    )
    root = make_root(
        tmp_path, "indicator,area,period,value\nbeds,hanoi,2024,24\ncases,hanoi,2024,0\ndeaths,hanoi,2024,4\n"
    )
    (root / "targets" / "indicators.yaml").write_text(catalogue, encoding="utf-8")
    plan = PLAN + (
        "  - indicator: cases\n    baseline: {value: 0, period: 2020}\n    target: {value: 0, by: 2025}\n"
        "  - indicator: deaths\n    baseline: {value: 10, period: 2020}\n    target: {value: 2, by: 2025}\n"
    )
    (root / "targets" / "plan.yaml").write_text(plan, encoding="utf-8")
    rows = {row["indicator"]: row for row in report_json(root)["rows"]}
    assert rows["beds"]["percent_of_target"] == 80  # 100 · 24 / 30
    assert rows["cases"]["percent_of_target"] is None  # T = 0
    assert rows["deaths"]["percent_of_target"] is None  # lower is better
