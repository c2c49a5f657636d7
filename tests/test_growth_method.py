"""SPEC 11: ``--method cagr``, the UN Statistics Division's and Open SDG's growth-rate reading of
a level target, beside SPEC 3's straight path. Open SDG's published cases, and hand-worked cases
on each band's edge."""

from __future__ import annotations

from decimal import Context, Decimal, localcontext
from pathlib import Path

import pytest

from ansinh.engine.growth import PRECISION, growth
from ansinh.numbers import Fraction
from conftest import REPO, run_cli

CATALOGUE = """\
indicators:
  - {id: up, name: Up, unit: count, better: higher, kind: level}
  - {id: down, name: Down, unit: count, better: lower, kind: level}
  - {id: jobs, name: Jobs, unit: count, better: higher, kind: flow}
"""


def make_root(tmp_path: Path, targets: str, observations: str, *, start: str = "2015", end: str = "2030") -> Path:
    root = tmp_path / "p"
    (root / "targets").mkdir(parents=True)
    (root / "data").mkdir()
    (root / "targets" / "indicators.yaml").write_text(CATALOGUE, encoding="utf-8")
    (root / "targets" / "areas.yaml").write_text("areas:\n  - {id: vn, name: Việt Nam, level: country}\n")
    plan = f"id: plan\nname: Plan\narea: vn\nstart: {start}\nend: {end}\ntargets:\n{targets}"
    (root / "targets" / "plan.yaml").write_text(plan, encoding="utf-8")
    (root / "data" / "obs.csv").write_text("indicator,area,period,value\n" + observations, encoding="utf-8")
    return root


def level(indicator: str, baseline: str, period: str, target: str, by: str) -> str:
    return (
        f"  - indicator: {indicator}\n    baseline: {{value: {baseline}, period: {period}}}\n"
        f"    target: {{value: {target}, by: {by}}}\n"
    )


def rows(root: Path, as_of: str, method: str = "cagr") -> list[dict]:
    run = run_cli("report", "--root", str(root), "--period", as_of, "--method", method, "--format", "json")
    assert run.exit_code == 0, run.stdout + run.stderr
    document = run.json()
    assert document["method"] == method
    return document["rows"]


# --- Open SDG's own test data (SPEC 11) ---------------------------------------------------------


def test_open_sdg_lower_is_better_regressing(tmp_path: Path) -> None:
    # 10 (2015) -> 30 (2016), target 1 by 2030: CAGR_obs = 30/10 − 1 = 2,
    # CAGR_req = 0.1^(1/15) − 1 = −0.142304..., ratio = −14.0544...
    root = make_root(tmp_path, level("down", "10", "2015", "1", "2030"), "down,vn,2015,10\ndown,vn,2016,30\n")
    (row,) = rows(root, "2016")
    assert row["progress_ratio"] == -14.0544 and round(row["progress_ratio"], 2) == -14.05
    assert row["status"] == "regressing" and row["met"] is False
    # projected = 30 · 3^14 = 143,489,070 (years from 2016-12-31 to 2030-12-31: 14)
    assert row["projected"] == 143489070


def test_open_sdg_higher_is_better_on_track(tmp_path: Path) -> None:
    # 5 (2015) -> 6 (2016), target 9 by 2030: CAGR_obs = 0.2, CAGR_req = 1.8^(1/15) − 1 = 0.0399637...
    root = make_root(tmp_path, level("up", "5", "2015", "9", "2030"), "up,vn,2015,5\nup,vn,2016,6\n")
    (row,) = rows(root, "2016")
    assert row["progress_ratio"] == 5.0045 and round(row["progress_ratio"], 2) == 5.0
    assert row["status"] == "on_track"
    # the same target read along the straight path: (6 − 5) / ((9 − 5) · 12/180) = 3.75
    (linear,) = rows(root, "2016", "linear")
    assert linear["progress_ratio"] == 3.75 and linear["status"] == "on_track"


def _root_digits(numerator: int, denominator: int, n: int, digits: int) -> int:
    """floor((numerator/denominator)^(1/n) · 10^digits), by integer Newton steps: a check that
    shares nothing with the decimal module's power."""
    target = numerator * 10 ** (digits * n) // denominator
    x = 1 << ((target.bit_length() + n - 1) // n)  # above the root
    while True:
        y = ((n - 1) * x + target // x ** (n - 1)) // n
        if y >= x:
            return x
        x = y


def test_the_ratio_is_computed_with_at_least_28_significant_digits() -> None:
    rates = growth(Fraction(5), Fraction(6), Fraction(9), Fraction(12), Fraction(180))
    assert rates is not None and rates.ratio is not None
    assert PRECISION >= 28
    # CAGR_req = 1.8^(1/15) − 1, to 35 decimals by integer arithmetic
    with localcontext(Context(prec=60)):
        required = Decimal(_root_digits(18, 10, 15, 35)).scaleb(-35) - 1
        assert abs(rates.required - required) < Decimal("1e-34")
        # the ratio 0.2 / CAGR_req agrees to 30 significant digits
        assert abs(rates.ratio - Decimal("0.2") / required) < Decimal("1e-29")


# --- the bands' edges, worked by hand ---------------------------------------------------------
# One year from baseline to figure and from baseline to deadline (a deadline equal to the
# figure's date, report on that day: not yet missed), so the ratio is (V − B) / (T − B).


@pytest.mark.parametrize(
    ("value", "ratio", "status"),
    [
        ("19500", 0.95, "on_track"),  # (19,500 − 10,000) / (20,000 − 10,000) = 0.95 exactly: on track
        ("19499", 0.9499, "needs_acceleration"),
        ("15000", 0.5, "needs_acceleration"),  # 0.5 exactly
        ("14999", 0.4999, "off_track"),
        ("9000", -0.1, "off_track"),  # −0.1 exactly: still off track, the UN's band
        ("8999", -0.1001, "regressing"),
        ("10000", 0, "off_track"),  # no growth at all
    ],
)
def test_the_un_bands_at_their_edges(tmp_path: Path, value: str, ratio: float, status: str) -> None:
    root = make_root(tmp_path, level("up", "10000", "2020", "20000", "2021"), f"up,vn,2021,{value}\n", start="2020")
    (row,) = rows(root, "2021")
    assert row["progress_ratio"] == ratio and row["status"] == status


def test_a_ratio_through_a_square_root(tmp_path: Path) -> None:
    # B = 100 (2020), V = 121 (2022), T = 144 by 2022: (1.21^(1/2) − 1) / (1.44^(1/2) − 1) = 0.1 / 0.2 = 0.5
    root = make_root(tmp_path, level("up", "100", "2020", "144", "2022"), "up,vn,2022,121\n", start="2020")
    (row,) = rows(root, "2022")
    assert row["progress_ratio"] == 0.5 and row["status"] == "needs_acceleration"


def test_undefined_where_a_value_is_zero_and_flows_keep_spec_3(tmp_path: Path) -> None:
    targets = (
        level("down", "4", "2020", "0", "2025")
        + level("up", "10", "2020", "10", "2025")
        + "  - indicator: jobs\n    target: {total: 100, from: 2021, by: 2025}\n"
    )
    root = make_root(tmp_path, targets, "down,vn,2022,2\nup,vn,2022,12\njobs,vn,2021,30\n", start="2020")
    down, up, jobs = rows(root, "2022")
    assert down["progress_ratio"] is None and down["status"] == "no_trend"  # T = 0
    assert up["status"] == "achieved"  # met is unchanged by the method
    linear_jobs = rows(root, "2022", "linear")[2]
    assert jobs == linear_jobs  # flows: SPEC 3 whatever the method


def test_explain_shows_the_growth_rates(tmp_path: Path) -> None:
    root = make_root(tmp_path, level("up", "5", "2015", "9", "2030"), "up,vn,2015,5\nup,vn,2016,6\n")
    args = ("gap", "up", "--root", str(root), "--as-of", "2016", "--method", "cagr", "--explain")
    english = run_cli(*args, env={"COLUMNS": "200"}).stdout
    assert "Observed growth (UN method): (6 ÷ 5)^(1 ÷ 1 years) − 1 = 20% a year" in english
    assert "Required growth: (9 ÷ 5)^(1 ÷ 15 years) − 1 = 3.9964% a year" in english
    assert "Growth ratio: 20% ÷ 3.9964% = 5.0045" in english
    assert "growth ratio at least 0.95 (the UN's band)" in english
    vietnamese = run_cli(*args, "--lang", "vi", env={"COLUMNS": "200"}).stdout
    assert "Tỷ số tăng trưởng: 20% ÷ 3,9964% = 5,0045" in vietnamese


def test_an_unknown_method_is_a_usage_error() -> None:
    run = run_cli("report", "--root", str(REPO), "--method", "exponential")
    assert run.exit_code == 2 and "linear" in run.stderr and run.stdout == ""


def test_the_shipped_data_read_both_ways() -> None:
    # Phúc Thọ's poor-household rate: 11.84% (2010) -> 0.66% (2020), target 2% by 2020, lower is better.
    # Linear: (0.66 − 11.84) / (2 − 11.84) = 1.1362; growth: ln-free, (0.66/11.84)^(1/10) − 1 over
    # (2/11.84)^(1/10) − 1 = −0.25087 / −0.16298 = 1.5392. Both achieved: met decides first.
    run = run_cli("report", "--root", str(REPO), "--period", "2024", "--plan", "phuc-tho-2015-2020", "--format", "json")
    (linear,) = run.json()["rows"]
    run = run_cli(
        "report",
        "--root",
        str(REPO),
        "--period",
        "2024",
        "--plan",
        "phuc-tho-2015-2020",
        "--method",
        "cagr",
        "--format",
        "json",
    )
    (cagr,) = run.json()["rows"]
    assert (linear["progress_ratio"], cagr["progress_ratio"]) == (1.1362, 1.5392)
    assert linear["status"] == cagr["status"] == "achieved"
    assert Decimal(str(cagr["projected"])) == Decimal("0.66")


def test_growth_figures_are_rounded_like_every_other_figure_in_every_format(tmp_path: Path) -> None:
    # The ratio is worked in 40 digits (5.0045456636…); every output prints it to four places.
    root = make_root(tmp_path, level("up", "5", "2015", "9", "2030"), "up,vn,2015,5\nup,vn,2016,6\n")
    for output in ("csv", "csv-excel", "markdown"):
        run = run_cli(
            "report", "--root", str(root), "--period", "2016", "--method", "cagr", "--format", output, "--lang", "en"
        )
        assert run.exit_code == 0, run.stderr
        assert "5.00454566" not in run.stdout, output
    excel = run_cli("report", "--root", str(root), "--period", "2016", "--method", "cagr", "--format", "csv-excel")
    assert "5.0045" in excel.stdout
    document = tmp_path / "r.xlsx"
    assert (
        run_cli("report", "--root", str(root), "--period", "2016", "--method", "cagr", "-o", str(document)).exit_code
        == 0
    )
    import openpyxl

    values = [cell.value for sheet in openpyxl.load_workbook(document).worksheets for row in sheet for cell in row]
    assert 5.0045 in values and not any(isinstance(value, str) and "5.00454566" in value for value in values)


def test_met_missed_no_data_and_counts_are_the_methods_alike(tmp_path: Path) -> None:
    """SPEC 11: only the ratio, its band and the projection change with the method."""
    targets = (
        level("up", "100", "2020", "200", "2022")  # 150 (2021) by 2022: missed by 2024
        + level("down", "50", "2020", "10", "2030")  # 40 (2023): judged by its ratio
        + level("later", "1", "2020", "5", "2030")  # no figure: no data
    )
    root = make_root(tmp_path, targets, "up,vn,2021,150\ndown,vn,2023,40\n", start="2020")
    later = "  - {id: later, name: Later, unit: count, better: higher, kind: level}\n"
    (root / "targets" / "indicators.yaml").write_text(CATALOGUE + later, encoding="utf-8")
    linear, cagr = rows(root, "2024", "linear"), rows(root, "2024", "cagr")
    # down, linear: E = 50 + (10 − 50) · 36/120 = 38, (40 − 50) / (38 − 50) = 0.8333, needs
    # acceleration; by growth: (0.8^(1/3) − 1) / (0.2^(1/10) − 1) = −0.071682 / −0.148660 = 0.4822,
    # off track. Missed and no data are the same under both.
    assert [row["status"] for row in linear] == ["missed", "needs_acceleration", "no_data"]
    assert [row["status"] for row in cagr] == ["missed", "off_track", "no_data"]
    assert (linear[1]["progress_ratio"], cagr[1]["progress_ratio"]) == (0.8333, 0.4822)
    changed = {"progress_ratio", "projected", "status"}
    for one, other in zip(linear, cagr, strict=True):
        assert {key: value for key, value in one.items() if key not in changed} == {
            key: value for key, value in other.items() if key not in changed
        }


def test_no_growth_required_leaves_the_ratio_undefined(tmp_path: Path) -> None:
    # T = B = 100: CAGR_req = 0, and 90 has not met it: no trend under the UN's method.
    root = make_root(tmp_path, level("up", "100", "2020", "100", "2025"), "up,vn,2022,90\n", start="2020")
    (row,) = rows(root, "2023")
    assert row["met"] is False and row["progress_ratio"] is None and row["status"] == "no_trend"
