"""``ansinh gap`` and ``ansinh report`` end to end: SPEC sections 5 and 6 on the shipped data and
on example projects, in both languages and every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rich.cells import cell_len

from ansinh.render.report_formats import PRINTERS, RowFormat
from conftest import EXAMPLES, REPO, run_cli

# SPEC section 6's example, with the key SPEC section 9 adds to every row (percent_of_target).
SPEC_EXAMPLE = json.loads(
    """{
  "as_of": "2022-06-30",
  "method": "linear",
  "rows": [
    {
      "plan": "hanoi-08-ctr-tu", "indicator": "beds-per-10k", "name": "Hospital beds per 10,000 population",
      "area": "hanoi", "lead": "Sở Y tế",
      "unit": "per_10k", "better": "higher", "kind": "level", "counts": "beds",
      "baseline": {"value": 27.5, "date": "2022-06-30"},
      "target": {"value": 30, "total": null, "per_year": null, "from": null,
                 "deadline": "2025-12-31", "count": 27000},
      "current": {"value": 27.5, "period": "2022H1", "date": "2022-06-30", "count": 22796,
                  "status": "final", "from": "observation"},
      "met": false, "gap": 2.5, "years_left": 3.5, "required_per_year": 0.7143,
      "target_count": 27000, "current_count": 22796, "shortfall": 4204, "shortfall_per_year": 1202,
      "achieved": null, "progress_percent": null, "percent_of_target": 91.6667,
      "progress_ratio": null, "projected": null, "status": "no_trend",
      "warnings": [{"code": "count-rate-mismatch",
                    "message": "22,796 beds at 27.5 per 10,000 implies 8,274,410–8,304,554 people; \
the population base for 2022 is 8,526,831.5 (interpolated)"}]
    }
  ],
  "summary": {"total": 1, "achieved": 0, "on_track": 0, "needs_acceleration": 0, "off_track": 0,
              "regressing": 0, "missed": 0, "no_trend": 1, "no_data": 0}
}"""
)
ROW_KEYS = list(SPEC_EXAMPLE["rows"][0])
NESTED_KEYS = {
    "baseline": ["value", "date"],
    "target": ["value", "total", "per_year", "from", "deadline", "count"],
    "current": ["value", "period", "date", "count", "status", "from"],
}


def shipped(*args: str) -> object:
    return run_cli(*args, "--root", str(REPO))


def test_gap_json_is_the_spec_example() -> None:
    run = shipped("gap", "beds-per-10k", "--as-of", "2022H1", "--plan", "hanoi-08-ctr-tu", "--format", "json")
    assert run.exit_code == 0
    assert run.json() == SPEC_EXAMPLE
    assert list(run.json()["rows"][0]) == ROW_KEYS
    assert run.stderr == ""


@pytest.mark.parametrize("period", ["2022H1", "2024H1", "2026"])
def test_every_row_has_every_key_in_every_kind_and_status(period: str) -> None:
    document = shipped("report", "--period", period, "--format", "json").json()
    assert list(document) == ["as_of", "method", "rows", "summary"]  # SPEC 11 adds "method"
    assert list(document["summary"]) == list(SPEC_EXAMPLE["summary"])
    kinds = set()
    for row in document["rows"]:
        assert list(row) == ROW_KEYS
        kinds.add((row["kind"], row["status"]))
        for key, names in NESTED_KEYS.items():
            if row[key] is not None:
                assert list(row[key]) == names
        if row["status"] == "no_data":
            assert row["current"] is None and row["met"] is None and row["years_left"] is None
        if row["kind"] == "flow":
            assert row["baseline"] is None and row["target_count"] is None and row["current_count"] is None
        else:
            assert row["achieved"] is None and row["progress_percent"] is None
        assert all(set(warning) == {"code", "message"} for warning in row["warnings"])
    assert document["summary"]["total"] == len(document["rows"]) == 23
    assert sum(value for key, value in document["summary"].items() if key != "total") == 23
    assert len(kinds) > 1


def test_trainees_json_from_the_seed() -> None:
    (row,) = shipped("gap", "vocational-trainees", "--as-of", "2024", "--format", "json").json()["rows"]
    assert row["achieved"] == 720493 and row["progress_percent"] == 106.7397
    assert row["target"] == {
        "value": None,
        "total": 675000,
        "per_year": None,
        "from": "2021-01-01",
        "deadline": "2023-12-31",
        "count": None,
    }
    assert row["current"] == {
        "value": 720493,
        "period": "2021/2023",
        "date": "2023-12-31",
        "count": None,
        "status": "final",
        "from": "observation",
    }
    assert row["status"] == "achieved" and row["progress_ratio"] == 1.0674


def test_explain_in_vietnamese_writes_the_arithmetic() -> None:
    run = shipped("gap", "beds-per-10k", "--as-of", "2022H1", "--plan", "hanoi-08-ctr-tu", "--explain", "--lang", "vi")
    assert run.exit_code == 0
    assert "Còn thiếu: 27.000 − 22.796 = 4.204 giường bệnh" in run.stdout
    assert "Mỗi năm: 4.204 ÷ 3,5 năm = 1.202 giường bệnh/năm (làm tròn lên)" in run.stdout
    assert "2022-06-30 → 2025-12-31 = 42 tháng = 3,5 năm" in run.stdout
    assert "Cần mỗi năm: 2,5/10.000 ÷ 3,5 năm = 0,7143/10.000/năm" in run.stdout
    assert "count-rate-mismatch" in run.stderr


def test_explain_in_english_for_doctors_and_a_flow() -> None:
    run = shipped("gap", "doctors-per-10k", "--as-of", "2022H1", "--plan", "hanoi-08-ctr-tu", "--explain")
    assert "Shortfall: 13,250 − 12,883 = 367 doctors" in run.stdout
    assert "A year: 367 ÷ 3.5 years = 105 doctors/yr (rounded up)" in run.stdout
    flow = shipped("gap", "vocational-trainees", "--as-of", "2024", "--explain")
    assert "Share of the target: 100 × 720,493 ÷ 675,000 = 106.7397%" in flow.stdout


def test_explain_shows_a_count_computed_from_a_base() -> None:
    run = shipped("gap", "beds-per-10k", "--as-of", "2026", "--plan", "uong-bi-2030", "--explain")
    assert (
        "115 × 120,982 ÷ 10,000 = 1,391.293 → 1,392 beds (rounded up; the population base for 2030, extrapolated)"
        in (run.stdout)
    )


def test_report_summary_in_both_languages() -> None:
    english = shipped("report", "--period", "2024H1")
    assert english.exit_code == 0
    # On track: Hà Nội's health-insurance coverage, 90.2% (2021-10-30) -> 94.33% (2024H1) against
    # 95% by 2025, ratio 4.13 / (4.8 · 32.0323/50.0323) = 1.3439; its poor-household rate, 0.16%
    # (2021) -> 0.03% (2023) against 0.01%, ratio −0.13 / −0.075 = 1.7333. Needs acceleration: its
    # doctors, 13.7 (2022H1) -> 14 (2023H1) against 15, ratio 0.3 / (1.3 · 12/42) = 0.8077.
    summary = "Achieved 2 of 23 · on track 2 · needs acceleration 1 · off track 0 · regressing 0 · missed 0"
    assert summary + " · no trend 2 · no data 16" in english.stdout
    vietnamese = shipped("report", "--period", "2024H1", "--lang", "vi")
    assert "Đã đạt 2/23 chỉ tiêu" in vietnamese.stdout
    assert "chưa có số liệu 16" in vietnamese.stdout


def test_fail_on_exits_3_at_that_status_or_worse() -> None:
    assert shipped("report", "--period", "2024H1", "--fail-on", "no_data").exit_code == 3
    assert (
        shipped("report", "--period", "2024H1", "--plan", "phuc-tho-2015-2020", "--fail-on", "on_track").exit_code == 0
    )
    assert (
        shipped("report", "--period", "2024H1", "--plan", "phuc-tho-2015-2020", "--fail-on", "achieved").exit_code == 3
    )
    assert shipped("report", "--period", "2024H1", "--fail-on", "nonsense").exit_code == 2


def test_report_groups_and_filters() -> None:
    by_status = shipped("report", "--period", "2024H1", "--by", "status", "--format", "json").json()
    ranks = ["achieved", "on_track", "no_trend", "needs_acceleration", "off_track", "regressing", "missed", "no_data"]
    statuses = [row["status"] for row in by_status["rows"]]
    assert statuses == sorted(statuses, key=ranks.index)
    text = shipped("report", "--period", "2024H1", "--by", "lead")
    assert "Sở Y tế" in text.stdout and "(no lead agency)" in text.stdout
    area = shipped("report", "--period", "2024H1", "--area", "phuc-tho", "--format", "json").json()
    assert [row["area"] for row in area["rows"]] == ["phuc-tho"]
    assert shipped("report", "--area", "hanoy").exit_code == 2
    assert "did you mean 'hanoi'" in shipped("report", "--area", "hanoy").stderr


def test_gap_usage_errors_exit_2() -> None:
    unknown = shipped("gap", "beds-per-10000")
    assert unknown.exit_code == 2 and "did you mean 'beds-per-10k'" in unknown.stderr
    assert "Traceback" not in unknown.stderr
    assert shipped("gap", "beds-per-10k", "--as-of", "2022H3").exit_code == 2
    assert shipped("gap", "beds-per-10k", "--plan", "nope").exit_code == 2
    assert shipped("gap", "beds-per-10k", "--explain", "--format", "json").exit_code == 2
    assert shipped("gap", "beds-per-10k", "--format", "xml").exit_code == 2
    assert shipped("gap").exit_code == 2


def test_gap_refuses_broken_files(project) -> None:
    root = project(EXAMPLES / "invalid" / "bad-number")
    run = run_cli("gap", "beds-per-10k", "--root", str(root))
    assert run.exit_code == 1 and run.stdout == "" and "bad-number" in run.stderr


def test_csv_has_the_json_keys_dotted() -> None:
    run = shipped("report", "--period", "2024H1", "--format", "csv")
    records = list(csv.DictReader(io.StringIO(run.stdout)))
    assert len(records) == 23
    beds = next(record for record in records if record["indicator"] == "beds-per-10k" and record["area"] == "hanoi")
    assert beds["target.count"] == "27000" and beds["shortfall_per_year"] == "1202"
    assert beds["required_per_year"] == "0.7143" and beds["met"] == "false" and beds["progress_ratio"] == ""
    assert beds["warnings"].startswith("count-rate-mismatch: 22,796 beds")
    vietnamese = shipped("report", "--period", "2024H1", "--format", "csv", "--lang", "vi")
    row = next(csv.DictReader(io.StringIO(vietnamese.stdout)))
    assert row["required_per_year"] == "0.7143"  # numbers stay machine-readable
    assert row["name"] == "Số giường bệnh trên vạn dân"


def test_markdown_formats_numbers_in_the_language() -> None:
    run = shipped("gap", "beds-per-10k", "--as-of", "2022H1", "--format", "markdown", "--lang", "vi")
    lines = run.stdout.splitlines()
    assert lines[0].startswith("## Số giường bệnh trên vạn dân")
    assert any(line.startswith("| Địa bàn | Chỉ tiêu |") for line in lines)
    assert any(
        "4.204 giường bệnh" in line and "1.202 giường bệnh/năm" in line and "chưa rõ xu hướng" in line for line in lines
    )
    assert any(set(line.replace("|", "").replace(" ", "")) <= {"-", ":"} for line in lines)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_tables_stay_aligned_and_plain_when_piped(lang: str) -> None:
    run = shipped("report", "--period", "2024H1", "--lang", lang)
    assert "\x1b[" not in run.stdout
    table_lines = [line for line in run.stdout.splitlines() if line[:1] in "┏┃┡│└"]
    assert table_lines
    widths: list[int] = []
    for line in table_lines:
        if line.startswith("┏"):
            widths.append(cell_len(line))
        assert cell_len(line) == widths[-1], line
    assert "…" not in run.stdout  # nothing is cut when not a terminal


def test_statuses_are_spelled_out() -> None:
    run = shipped("report", "--period", "2026")
    for word in ("achieved", "missed", "no data"):
        assert word in run.stdout


def test_every_format_has_a_renderer() -> None:
    """A format is an enum member mapped to one renderer, for rows and for problems alike: a
    new format is one renderer and one entry, never an ``else`` that falls back to another."""
    import inspect

    from ansinh.render.output_file import DOCUMENT_WRITERS
    from ansinh.render.problem_formats import PROBLEM_RENDERERS, ProblemFormat

    # Text formats print a row at a time; workbooks and pages are laid out whole.
    assert set(PRINTERS) | set(DOCUMENT_WRITERS) == set(RowFormat)
    assert not set(PRINTERS) & set(DOCUMENT_WRITERS)
    assert set(PROBLEM_RENDERERS) == set(ProblemFormat)
    signatures = {tuple(inspect.signature(renderer).parameters)[:4] for renderer in PROBLEM_RENDERERS.values()}
    assert signatures == {("report", "lang", "out", "err")}
    for printer in PRINTERS.values():
        assert isinstance(printer.notes, bool)
        assert tuple(inspect.signature(printer.write).parameters) == ("self", "report", "out", "err")


@pytest.mark.parametrize(
    ("args", "vietnamese", "english"),
    [
        (("report", "--period", "2024H1"), "Đã đạt 2/23 chỉ tiêu", "Achieved 2 of 23"),
        (("gap", "beds-per-10k", "--as-of", "2022H1"), "4.204 giường bệnh", "4,204 beds"),
        (("list", "plans"), "Kế hoạch", "Plan"),
    ],
)
def test_options_before_the_command_apply_to_it(args: tuple[str, ...], vietnamese: str, english: str) -> None:
    """``ansinh --lang vi --root DIR report`` as well as ``ansinh report --lang vi --root DIR``;
    the command's own option wins over the global one."""
    for lang, expected in (("vi", vietnamese), ("en", english)):
        run = run_cli("--lang", lang, "--root", str(REPO), *args, env={"ANSINH_LANG": "en" if lang == "vi" else "vi"})
        assert run.exit_code == 0, run.stderr
        assert expected in run.stdout
    overridden = run_cli("--lang", "vi", *args, "--root", str(REPO), "--lang", "en")
    assert english in overridden.stdout


def test_global_lang_reaches_commands_without_a_project(tmp_path: Path) -> None:
    schema = run_cli("--lang", "vi", "schema", "bogus", env={"ANSINH_LANG": "en"})
    assert schema.exit_code == 2 and "không thuộc" in schema.stderr
    init = run_cli("--lang", "en", "init", str(tmp_path / "new"), env={"ANSINH_LANG": "vi"})
    assert init.exit_code == 0 and "Example project created" in init.stderr
