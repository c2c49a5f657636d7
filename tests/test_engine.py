"""The arithmetic of SPEC section 3, on small projects whose figures are worked out by hand in
the comments. The engine is called directly; test_cli_rows.py drives the same through the CLI."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ansinh.engine import Row, Status, compute_rows
from ansinh.files.loader import load_project
from ansinh.numbers import Fraction
from conftest import REPO, run_cli

CATALOGUE = """\
indicators:
  - {id: beds, name: Beds, unit: per_10k, better: higher, kind: level, counts: beds, base: population}
  - {id: poor, name: Poor households, unit: percent, better: lower, kind: level, counts: households, base: households}
  - {id: doctors, name: Doctors, unit: count, better: higher, kind: level}
  - {id: trainees, name: Trainees, unit: count, better: higher, kind: flow}
  - {id: jobs, name: Jobs, unit: count, better: higher, kind: flow}
"""
AREAS = "areas:\n  - {id: hanoi, name: Hà Nội, level: province}\n"
BASES = """\
area,base,year,value,kind,source
hanoi,population,2022,8290000,estimate,
hanoi,population,2025,9000000,derived,
hanoi,households,2022,2300000,estimate,
hanoi,households,2025,2400000,projection,
"""


def rows(tmp_path: Path, targets: str, observations: str, as_of: date, *, bases: str = BASES) -> list[Row]:
    """Build a project with one plan (2021–2025) holding ``targets`` and compute its rows."""
    root = tmp_path / "p"
    (root / "targets").mkdir(parents=True)
    (root / "data" / "bases").mkdir(parents=True)
    (root / "targets" / "indicators.yaml").write_text(CATALOGUE, encoding="utf-8")
    (root / "targets" / "areas.yaml").write_text(AREAS, encoding="utf-8")
    plan = "id: plan\nname: Plan\narea: hanoi\nstart: 2021\nend: 2025\ntargets:\n" + targets
    (root / "targets" / "plan.yaml").write_text(plan, encoding="utf-8")
    (root / "data" / "obs.csv").write_text("indicator,area,period,value,count\n" + observations, encoding="utf-8")
    (root / "data" / "bases" / "b.csv").write_text(bases, encoding="utf-8")
    project = load_project(root)
    assert not project.errors, [problem.message("en") for problem in project.errors]
    return compute_rows(project, as_of)


def one(tmp_path: Path, targets: str, observations: str, as_of: date, **kwargs: str) -> Row:
    (row,) = rows(tmp_path, targets, observations, as_of, **kwargs)
    return row


POOR = "  - indicator: poor\n    baseline: {value: 3.0, period: 2020}\n    target: {value: 1.0, by: 2025}\n"
BEDS = "  - indicator: beds\n    baseline: {value: 20, period: 2020}\n    target: {value: 30, by: 2025}\n"


# --- the seeds ---------------------------------------------------------------------------------


def test_hanoi_beds_and_doctors_from_the_seed() -> None:
    project = load_project(REPO)
    by_indicator = {row.indicator.id: row for row in compute_rows(project, date(2022, 6, 30), plan="hanoi-08-ctr-tu")}
    beds, doctors = by_indicator["beds-per-10k"], by_indicator["doctors-per-10k"]
    # 27,000 − 22,796 = 4,204 beds; 4,204 ÷ 3.5 years = 1,201.14 -> 1,202 a year.
    assert (beds.target_count, beds.current_count, beds.shortfall, beds.shortfall_per_year) == (
        27000,
        22796,
        4204,
        1202,
    )
    assert beds.gap == Fraction(5, 2) and beds.years_left == Fraction(7, 2)
    assert beds.required_per_year == Fraction(5, 7)  # 2.5 ÷ 3.5, printed 0.7143
    assert beds.status is Status.NO_TREND  # the latest figure is the baseline
    # 13,250 − 12,883 = 367 doctors; 367 ÷ 3.5 = 104.86 -> 105 a year (the seed's "about 75" used five years).
    assert (doctors.shortfall, doctors.shortfall_per_year) == (367, 105)
    assert [warning.code for warning in doctors.warnings] == ["count-rate-mismatch"]


def test_vocational_trainees_from_the_seed() -> None:
    project = load_project(REPO)
    (row,) = compute_rows(project, date(2024, 2, 28), indicator="vocational-trainees")
    # 720,493 of 675,000 is 106.7397%: achieved.
    assert row.achieved == 720493 and row.status is Status.ACHIEVED
    assert row.progress_percent == Fraction(720493 * 100, 675000)
    assert round(float(row.progress_percent), 1) == 106.7
    assert row.gap == 0 and row.shortfall == 0 and row.current is not None and row.current.period == "2021/2023"


# --- levels: status boundaries, worked by hand ---------------------------------------------------


def test_a_ratio_of_exactly_one_half_needs_acceleration(tmp_path: Path) -> None:
    # SPEC: (2.6 − 3.0) / ((1.0 − 3.0)·24/60) is exactly 0.5. E = 3.0 − 2.0·24/60 = 2.2.
    row = one(tmp_path, POOR, "poor,hanoi,2022,2.6,\n", date(2022, 12, 31))
    assert row.progress_ratio == Fraction(1, 2)
    assert row.status is Status.NEEDS_ACCELERATION
    assert row.basis.expected == Fraction(11, 5)
    assert row.gap == Fraction(8, 5)  # lower is better: 2.6 − 1.0
    assert row.years_left == 3 and row.required_per_year == Fraction(8, 15)
    assert row.projected == 2  # 3.0 + (2.6 − 3.0)·60/24
    # Counts, lower is better: the target rounds down, the current half up, the shortfall is
    # households to take out of poverty: 1.0% of 2,400,000 = 24,000; 2.6% of 2,300,000 = 59,800.
    assert (row.target_count, row.current_count, row.shortfall) == (24000, 59800, 35800)
    assert row.shortfall_per_year == 11934  # 35,800 ÷ 3 = 11,933.3, rounded up


@pytest.mark.parametrize(
    ("value", "ratio", "status"),
    [
        ("23.8", Fraction(95, 100), Status.ON_TRACK),  # E = 20 + 10·24/60 = 24; 3.8 ÷ 4
        ("23.7", Fraction(925, 1000), Status.NEEDS_ACCELERATION),
        ("22", Fraction(1, 2), Status.NEEDS_ACCELERATION),
        ("21.9", Fraction(475, 1000), Status.OFF_TRACK),
        ("20", Fraction(0), Status.OFF_TRACK),
        ("19.5", Fraction(-1, 8), Status.REGRESSING),
        ("30", Fraction(10, 4), Status.ACHIEVED),
    ],
)
def test_statuses_at_their_boundaries(tmp_path: Path, value: str, ratio: Fraction, status: Status) -> None:
    row = one(tmp_path, BEDS, f"beds,hanoi,2022,{value},\n", date(2022, 12, 31))
    assert row.progress_ratio == ratio
    assert row.status is status


def test_counts_from_bases_round_by_direction(tmp_path: Path) -> None:
    row = one(tmp_path, BEDS, "beds,hanoi,2022,23.8,\n", date(2022, 12, 31))
    # 30 × 9,000,000 ÷ 10,000 = 27,000 exactly; 23.8 × 8,290,000 ÷ 10,000 = 19,730.2 -> 19,730.
    assert (row.target_count, row.current_count) == (27000, 19730)
    assert row.shortfall == 7270 and row.shortfall_per_year == 2424  # 7,270 ÷ 3 = 2,423.3 -> 2,424
    assert row.basis.target_count is not None and row.basis.target_count.source == "base"
    assert row.warnings == ()


def test_half_a_count_rounds_up(tmp_path: Path) -> None:
    bases = BASES + "hanoi,households,2021,2300100,,\nhanoi,households,2026,2350001,,\n"
    bases = bases.replace("hanoi,households,2022,2300000,estimate,\n", "").replace(
        "hanoi,households,2025,2400000,projection,\n", ""
    )
    bases = bases.replace("2021,2300100", "2022,2300100").replace("2026,2350001", "2025,2350001")
    row = one(tmp_path, POOR, "poor,hanoi,2022,0.5,\n", date(2022, 12, 31), bases=bases)
    assert row.current_count == 11501  # 0.5% of 2,300,100 = 11,500.5 -> 11,501
    assert row.target_count == 23500  # 1.0% of 2,350,001 = 23,500.01 -> down to 23,500 (lower is better)
    assert row.met is True and row.status is Status.ACHIEVED and row.shortfall == 0


def test_a_passed_deadline_is_missed_unless_met(tmp_path: Path) -> None:
    late = one(tmp_path / "a", BEDS, "beds,hanoi,2025,23,\n", date(2026, 12, 31))
    assert late.status is Status.MISSED and late.years_left == 0
    assert late.required_per_year is None and late.shortfall_per_year is None  # no time left
    met = one(tmp_path / "b", BEDS, "beds,hanoi,2025,30.5,\n", date(2026, 12, 31))
    assert met.status is Status.ACHIEVED


def test_no_data_still_gives_the_target_count(tmp_path: Path) -> None:
    row = one(tmp_path, BEDS, "beds,hanoi,2022,23,\n", date(2021, 12, 31))
    assert row.status is Status.NO_DATA and row.current is None
    assert row.target_count == 27000
    assert (row.met, row.gap, row.years_left, row.current_count, row.shortfall, row.progress_ratio) == (None,) * 6


def test_no_trend_when_the_latest_figure_is_the_baseline_or_the_target_is(tmp_path: Path) -> None:
    at_baseline = one(tmp_path / "a", BEDS, "beds,hanoi,2020,20,\n", date(2022, 12, 31))
    assert (
        at_baseline.status is Status.NO_TREND and at_baseline.progress_ratio is None and at_baseline.projected is None
    )
    flat = "  - indicator: beds\n    baseline: {value: 25, period: 2020}\n    target: {value: 25, by: 2025}\n"
    below = one(tmp_path / "b", flat, "beds,hanoi,2022,24,\n", date(2022, 12, 31))
    assert below.status is Status.NO_TREND and below.progress_ratio is None
    assert below.projected == Fraction(45, 2)  # 25 + (24 − 25)·60/24: the trend is defined


def test_count_indicators_count_themselves(tmp_path: Path) -> None:
    targets = (
        "  - indicator: doctors\n    baseline: {value: 12000, period: 2021}\n    target: {value: 13250, by: 2025}\n"
    )
    row = one(tmp_path, targets, "doctors,hanoi,2022H1,12883,\n", date(2022, 6, 30))
    assert (row.target_count, row.current_count, row.shortfall, row.shortfall_per_year) == (13250, 12883, 367, 105)


def test_interpolated_and_extrapolated_bases(tmp_path: Path) -> None:
    bases = (
        "area,base,year,value\nhanoi,population,2019,8053663\nhanoi,population,2025,9000000\nhanoi,households,2022,1\n"
    )
    targets = "  - indicator: beds\n    baseline: {value: 20, period: 2020}\n    target: {value: 30, by: 2030}\n"
    row = one(tmp_path, targets, "beds,hanoi,2022,27.5,\n", date(2022, 12, 31), bases=bases)
    # 2022 lies between 2019 and 2025: 8,526,831.5; 27.5 of it per 10,000 is 23,448.79 -> 23,449.
    assert row.current_count == 23449
    # 2030 lies beyond: 9,000,000 grown five more years at the 2019–2025 compound rate,
    # 9,000,000 × (9,000,000 ÷ 8,053,663)^(5/6) ≈ 9,873,020.9, so 30 per 10,000 ≈ 29,619.06 -> 29,620.
    assert row.target_count == 29620
    assert row.basis.target_count is not None and row.basis.target_count.base is not None
    assert abs(float(row.basis.target_count.base.value) - 9_873_020.904) < 0.01
    codes = [warning.code for warning in row.warnings]
    assert codes == ["extrapolated-base"]


def test_a_stale_observation_is_flagged_after_twelve_months(tmp_path: Path) -> None:
    exactly = one(tmp_path / "a", BEDS, "beds,hanoi,2022,23,\n", date(2023, 12, 31))
    assert "stale-observation" not in [warning.code for warning in exactly.warnings]
    later = one(tmp_path / "b", BEDS, "beds,hanoi,2022,23,\n", date(2024, 1, 31))
    assert [warning.code for warning in later.warnings] == ["stale-observation"]


def test_declared_counts_are_checked_against_the_base(tmp_path: Path) -> None:
    targets = BEDS + "    count: 25000\n"
    row = one(tmp_path, targets, "beds,hanoi,2022,23,21500\n", date(2022, 12, 31))
    assert row.target_count == 25000 and row.current_count == 21500
    # 30 ± 0.5 per 10,000 of 9,000,000 is 26,550–27,450 beds, not 25,000; 23 ± 0.5 of 8,290,000
    # is 18,652.5–19,481.5, not 21,500.
    assert [warning.code for warning in row.warnings] == ["count-rate-mismatch", "target-count-mismatch"]


# --- flows ---------------------------------------------------------------------------------------

TRAINEES = "  - indicator: trainees\n    target: {total: 675000, from: 2021, by: 2023}\n"
JOBS = "  - indicator: jobs\n    target: {per_year: 2800, by: 2025}\n"


def test_a_total_part_way_through_its_window(tmp_path: Path) -> None:
    row = one(tmp_path, TRAINEES, "trainees,hanoi,2021,230000,\ntrainees,hanoi,2022H1,100000,\n", date(2022, 6, 30))
    # 330,000 by 2022-06-30: 18 of 36 months, so 337,500 expected; ratio 330,000 ÷ 337,500.
    assert row.achieved == 330000 and row.basis.expected == 337500
    assert row.progress_ratio == Fraction(330000, 337500) and row.status is Status.ON_TRACK
    assert row.progress_percent == Fraction(330000 * 100, 675000)  # 48.8889%
    assert row.gap == 345000 and row.shortfall == 345000
    assert row.years_left == Fraction(3, 2) and row.required_per_year == 230000 and row.shortfall_per_year == 230000
    assert row.projected == 660000  # 330,000 × 36 ÷ 18
    assert row.current is not None and (row.current.period, row.current.date) == ("2022H1", date(2022, 6, 30))
    assert (row.baseline_value, row.target_count, row.current_count) == (None, None, None)


def test_a_total_ignores_what_lies_outside_its_window_and_after_the_date(tmp_path: Path) -> None:
    observations = "trainees,hanoi,2020,999999,\ntrainees,hanoi,2021,200000,\ntrainees,hanoi,2022,250000,\n"
    row = one(tmp_path, TRAINEES, observations, date(2021, 12, 31))
    assert row.achieved == 200000  # 2020 is before the window, 2022 after the date
    # 12 of 36 months: 225,000 expected; 200,000 ÷ 225,000 = 0.8889.
    assert row.progress_ratio == Fraction(8, 9) and row.status is Status.NEEDS_ACCELERATION


def test_a_total_with_nothing_inside_its_window_has_no_data(tmp_path: Path) -> None:
    row = one(tmp_path, TRAINEES, "trainees,hanoi,2020,1000,\n", date(2022, 12, 31))
    assert row.status is Status.NO_DATA and row.achieved is None and row.current is None


def test_per_year_uses_the_latest_complete_year(tmp_path: Path) -> None:
    observations = "jobs,hanoi,2021H1,1300,\njobs,hanoi,2021H2,1600,\njobs,hanoi,2022Q1,1000,\n"
    row = one(tmp_path, JOBS, observations, date(2022, 12, 31))
    # 2022 is not covered wholly, so 2021 decides: 2,900 ≥ 2,800.
    assert row.achieved == 2900 and row.status is Status.ACHIEVED
    assert row.current is not None and (row.current.period, row.current.date) == (
        "2021",
        date(2021, 12, 31),
    )  # the calendar year judged (SPEC 3)
    assert row.years_left == 4 and row.required_per_year == 2800
    assert row.shortfall_per_year is None and row.projected is None
    assert row.warnings == ()  # exactly twelve months after the end of 2021 is not stale


def test_per_year_below_pace_is_judged_by_ratio_until_the_deadline(tmp_path: Path) -> None:
    observations = "".join(
        f"jobs,hanoi,2021-{month:02d},{value},\n" for month, value in zip(range(1, 13), [150] * 11 + [350], strict=True)
    )
    row = one(tmp_path / "a", JOBS, observations, date(2022, 6, 30))
    assert row.achieved == 2000 and row.progress_ratio == Fraction(5, 7)  # 2,000 ÷ 2,800
    assert row.status is Status.NEEDS_ACCELERATION and row.gap == 800 and row.shortfall == 800
    late = "jobs,hanoi,2025,2000,\n"
    assert one(tmp_path / "b", JOBS, late, date(2026, 6, 30)).status is Status.MISSED


def test_per_year_with_no_complete_year_has_no_data(tmp_path: Path) -> None:
    row = one(tmp_path, JOBS, "jobs,hanoi,2021H1,1300,\n", date(2022, 12, 31))
    assert row.status is Status.NO_DATA


def test_a_span_across_years_cannot_be_judged_per_year(tmp_path: Path) -> None:
    # A span covering two years belongs to no single year: an error for a per_year target.
    with pytest.raises(AssertionError, match="straddles"):
        one(tmp_path, JOBS, "jobs,hanoi,2021/2022,5000,\n", date(2023, 12, 31))


def test_a_span_inside_a_total_window_counts(tmp_path: Path) -> None:
    row = one(
        tmp_path, TRAINEES, "trainees,hanoi,2021/2022,500000,\ntrainees,hanoi,2023H1,100000,\n", date(2023, 6, 30)
    )
    assert row.achieved == 600000 and row.current is not None and row.current.period == "2023H1"


def test_filters_select_rows(tmp_path: Path) -> None:
    found = rows(tmp_path, BEDS + POOR + TRAINEES, "beds,hanoi,2022,23,\n", date(2022, 12, 31))
    assert [row.indicator.id for row in found] == ["beds", "poor", "trainees"]
    assert [row.status for row in found] == [Status.NEEDS_ACCELERATION, Status.NO_DATA, Status.NO_DATA]
    assert found[0].achieved is None and found[0].progress_percent is None
    assert isinstance(found[0].baseline_value, Decimal)


def test_percent_of_target_where_higher_is_better(tmp_path: Path) -> None:
    """SPEC 9: 100·V/T, the "đạt 78,41% kế hoạch" of official reports; none where lower is better
    (a rate to bring down is not "reached" as a share), for flows (progress_percent is theirs),
    with no observation, or for a target of 0."""
    beds = one(tmp_path / "a", BEDS, "beds,hanoi,2022,27.5,\n", date(2022, 12, 31))
    assert beds.percent_of_target == Fraction(275, 3)  # 100 × 27.5 ÷ 30 = 91.6667%
    poor = one(tmp_path / "b", POOR, "poor,hanoi,2022,2.2,\n", date(2022, 12, 31))
    assert poor.percent_of_target is None
    nothing = one(tmp_path / "c", BEDS, "", date(2022, 12, 31))
    assert nothing.status is Status.NO_DATA and nothing.percent_of_target is None
    flow = one(tmp_path / "d", TRAINEES, "trainees,hanoi,2021,230000,\n", date(2021, 12, 31))
    assert flow.percent_of_target is None and flow.progress_percent is not None


def test_the_shipped_model_communes_are_78_41_percent_of_plan() -> None:
    """Seed 002: the post-rehabilitation support model "đạt 78,41% kế hoạch" in 2023."""
    run = run_cli("report", "--root", str(REPO), "--period", "2024H2", "--format", "json")
    (row,) = [row for row in run.json()["rows"] if row["indicator"] == "post-rehab-support-model"]
    assert row["percent_of_target"] == 78.41
    explained = run_cli("gap", "beds-per-10k", "--root", str(REPO), "--as-of", "2022H1", "--explain")
    assert "  Of the target: 100 × 27.5/10,000 ÷ 30/10,000 = 91.6667%\n" in explained.stdout
