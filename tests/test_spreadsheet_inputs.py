"""Files the way Excel and hurried people write them: every way of reading them gives one answer.

A generated project's observation and base files hold what spreadsheets produce — quoted cells
with line breaks (Alt+Enter), CRLF line ends, BOMs, trailing empty columns, decimal commas in
either kind of file, thousands separators, percent signs, stray spaces — and each project is run
four ways: without the cache, cold (the cache written as the command exits), warm (the command
again, from the cache) and with every quick path off (libyaml, the row-by-row reader, one
process). What they print must be equal byte for byte, and whatever the files hold, the command
ends in 0 or 1 (never 70), with every problem at a line of the file.

``ANSINH_HYPOTHESIS_EXAMPLES`` sets how many projects (default 40, for CI's few minutes).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ansinh.api
import ansinh.files.loader
import ansinh.files.yaml_reader
from ansinh.files import cache
from conftest import build_project, run_cli
from test_fast_paths import _straightforward_observations

EXAMPLES_COUNT = max(10, int(os.environ.get("ANSINH_HYPOTHESIS_EXAMPLES", "1000")) // 25)
SETTINGS = settings(
    max_examples=EXAMPLES_COUNT,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)

# Values as people type them, spreadsheet habits included.
VALUES = [
    "27.5",
    "28",
    "29.25",
    "2.2",
    "0",
    "27,5",
    "22.796",
    "22,796",
    "1.234.567",
    "98.9%",
    "2,2%",
    "2.2 %",
    " 27.5 ",
    "27.50",
    "2.7e1",
    "-1",
    "",
    "#DIV/0!",
    "28\n5",
    "28\r\n5",
    "\n28",
    "230000",
    "240,000",
]
COUNTS = ["", "", "22796", "22,796", "22.796", "22 796", "007", "1.5", "22\n796", "x"]
INDICATORS = ["beds-per-10k", "beds-per-10k", "poor-rate", "trainees", "jobs", "Beds-per-10k", "beds-per-10k "]
AREAS = ["hanoi", "hanoi", "hanoi", "phuc-tho", "Hà Nội", "hanoi\n"]
PERIODS = ["2022H1", "2022H2", "2023", "2023H1", "2024", "2021", "2021H1", "2021H2", "2022-H1", "31/12/2023", ""]
SOURCES = ["", "giao ban 3/8/2022", "Báo cáo, số 12", 'nói "ước"', "dòng một\ndòng hai", "Sở Y tế"]


def quoted(cell: str, delimiter: str) -> str:
    """A cell as a CSV writer puts it: in quotes when it holds the delimiter, a quote or a break."""
    if any(mark in cell for mark in (delimiter, '"', "\n", "\r")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


# Plain words take the columnar path; the others, and the wrong ones, go row by row.
STATUSES = ["", "", "final", "estimate", "preliminary", "Ước tính", "sơ bộ", "CHÍNH THỨC", "estimat", " final "]


@st.composite
def observation_file(draw: st.DrawFn) -> bytes:
    delimiter = draw(st.sampled_from([",", ";"]))
    header = ["indicator", "area", "period", "value", "count", "source"]
    if draw(st.booleans()):  # SPEC 9's status column, as offices write it
        header.append("status")
    if draw(st.booleans()):
        header = draw(st.permutations(header))
    trailing = draw(st.sampled_from([0, 0, 0, 1, 3]))  # Excel's empty columns after the last used one
    header_line = header + [""] * trailing
    lines = [delimiter.join(header_line)]
    for _ in range(draw(st.integers(0, 12))):
        cells = {
            "indicator": draw(st.sampled_from(INDICATORS)),
            "area": draw(st.sampled_from(AREAS)),
            "period": draw(st.sampled_from(PERIODS)),
            "value": draw(st.sampled_from(VALUES)),
            "count": draw(st.sampled_from(COUNTS)),
            "source": draw(st.sampled_from(SOURCES)),
            "status": draw(st.sampled_from(STATUSES)),
        }
        row = [cells[column] for column in header]
        habit = draw(st.sampled_from(["plain"] * 6 + ["unquoted", "extra-empty", "short", "blank", "trailing-value"]))
        if habit == "blank":
            lines.append(delimiter * (len(header_line) - 1))
            continue
        # "unquoted": a cell written without the quotes it needs, as hand-edited files have.
        written = [cell if habit == "unquoted" else quoted(cell, delimiter) for cell in row] + [""] * trailing
        if habit == "extra-empty":
            written += ["", ""]
        elif habit == "short":
            written = written[:-1]
        elif habit == "trailing-value" and trailing:
            written[-1] = "x"
        lines.append(delimiter.join(written))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    text = ending.join(lines) + (ending if draw(st.booleans()) else "")
    bom = "\ufeff" if draw(st.booleans()) else ""
    return (bom + text).encode("utf-8")


@st.composite
def base_file(draw: st.DrawFn) -> bytes:
    delimiter = draw(st.sampled_from([",", ";"]))
    lines = [delimiter.join(["area", "base", "year", "value", "kind", "source"])]
    values = ["8290000", "9000000", "8.290.000", "8,290,000", "8290000,5", "8290000.5", "2300000", "0", "9e6"]
    for year in draw(st.lists(st.sampled_from(["2022", "2025", "2023", "22", "2022 "]), min_size=1, max_size=4)):
        base = draw(st.sampled_from(["population", "population", "households"]))
        value = draw(st.sampled_from(values))
        kind = draw(st.sampled_from(["estimate", "derived", "", "Census", "ước tính"]))
        lines.append(delimiter.join(quoted(cell, delimiter) for cell in ["hanoi", base, year, value, kind, "x"]))
    return ("\n".join(lines) + "\n").encode("utf-8")


COMMANDS = [
    ["validate", "--format", "json"],
    ["validate", "--lang", "vi"],
    ["gap", "beds-per-10k", "--as-of", "2024", "--format", "json"],
    ["report", "--period", "2024H2", "--format", "csv"],
]


def run_all(root: Path, env: dict[str, str]) -> list[tuple[int, str, str]]:
    return [
        (run.exit_code, run.stdout, run.stderr)
        for run in (run_cli(*command, "--root", str(root), env=env) for command in COMMANDS)
    ]


def with_cache(root: Path, folder: Path) -> list[tuple[int, str, str]]:
    """The commands with the cache on, each entry written as the real command writes it when it
    exits (here in this process, not a forked one)."""
    printed = []
    for command in COMMANDS:
        run = run_cli(*command, "--root", str(root), env={"ANSINH_NO_CACHE": "", "ANSINH_CACHE_DIR": str(folder)})
        work = list(cache._pending)
        cache._pending.clear()
        cache._write_all(work)
        printed.append((run.exit_code, run.stdout, run.stderr))
    return printed


def straightforward(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, str, str]]:
    with monkeypatch.context() as slow:
        slow.setenv("ANSINH_WORKERS", "1")
        slow.setattr(ansinh.files.yaml_reader, "read_simple", lambda text, depth: None)
        slow.setattr(ansinh.files.yaml_reader, "places_simple", lambda text, depth: None)
        slow.setattr(ansinh.files.loader, "_read_observations", _straightforward_observations)
        return run_all(root, {"ANSINH_NO_CACHE": "1"})


def quick(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, str, str]]:
    with monkeypatch.context() as fast:  # every quick path taken, even on small inputs
        fast.setattr(ansinh.files.loader, "WORKER_THRESHOLD_BYTES", 0)
        fast.setattr(ansinh.api, "PARALLEL_TARGETS", 1)
        return run_all(root, {"ANSINH_NO_CACHE": "1"})


_PLACE = re.compile(r"^\s+(\d+)(?::(\d+))?\s", re.MULTILINE)


@SETTINGS
@given(observations=observation_file(), bases=base_file())
def test_every_way_of_reading_gives_one_answer(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, observations: bytes, bases: bytes
) -> None:
    root = build_project(tmp_path_factory.mktemp("root") / "p")
    (root / "data" / "observations.csv").write_bytes(observations)
    (root / "data" / "bases" / "population.csv").write_bytes(bases)
    folder = tmp_path_factory.mktemp("cache")
    folder.chmod(0o700)

    uncached = run_all(root, {"ANSINH_NO_CACHE": "1"})
    assert quick(root, monkeypatch) == uncached
    assert straightforward(root, monkeypatch) == uncached
    cold = with_cache(root, folder)
    assert cold == uncached
    assert list(folder.glob("*.pickle")), "the cold run wrote no entry"
    warm = with_cache(root, folder)
    assert warm == uncached

    validated = uncached[0]
    assert validated[0] in (0, 1)
    document = run_cli("validate", "--root", str(root), "--format", "json").json()
    line_count = observations.decode("utf-8-sig").replace("\r\n", "\n").count("\n") + 1
    for problem in document["errors"] + document["warnings"]:
        if problem["file"] == "data/observations.csv" and problem["line"] is not None:
            assert 1 <= problem["line"] <= line_count, problem
    for exit_code, _out, _err in uncached[2:]:
        assert exit_code in (0, 1)


def test_a_line_break_in_a_number_is_an_error_cold_and_warm(tmp_path: Path) -> None:
    """Issue 15's first reproduction: "28⏎5" was read as two rows' values, and after a cached
    validate the 2024 figure became 5 (regressing); without the cache it was 29."""
    root = build_project(tmp_path / "p")
    (root / "data" / "observations.csv").write_text(
        "indicator,area,period,value,count,source,note\n"
        "beds-per-10k,hanoi,2022H1,27.5,22796,x,\n"
        'beds-per-10k,hanoi,2023,"28\n5",,x,\n'
        "beds-per-10k,hanoi,2024,29,,x,\n",
        encoding="utf-8",
    )
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    for attempt in ("cold", "warm", "uncached"):
        env = (
            {"ANSINH_NO_CACHE": "1"}
            if attempt == "uncached"
            else {"ANSINH_NO_CACHE": "", "ANSINH_CACHE_DIR": str(folder)}
        )
        run = run_cli("validate", "--root", str(root), "--format", "json", env=env)
        cache._write_all(list(cache._pending))
        cache._pending.clear()
        assert run.exit_code == 1, attempt
        (error,) = run.json()["errors"]
        assert (error["code"], error["line"], error["column"], error["path"]) == ("bad-number", 3, 4, "value")
        assert "line break" in error["message"]
        gap = run_cli("gap", "beds-per-10k", "--root", str(root), "--as-of", "2024", "--format", "json", env=env)
        assert gap.exit_code == 1 and gap.stdout == "", attempt


@pytest.mark.parametrize("column", ["count", "value"])
def test_a_line_break_in_a_count_or_percent_cell_is_an_error_not_a_crash(tmp_path: Path, column: str) -> None:
    root = build_project(tmp_path / "p")
    cell = '"22\n796"' if column == "count" else '"2\n2"'
    row = f"beds-per-10k,hanoi,2022H1,27.5,{cell}" if column == "count" else f"poor-rate,hanoi,2022,{cell},"
    (root / "data" / "observations.csv").write_text(
        f"indicator,area,period,value,count\n{row}\ntrainees,hanoi,2021,230000,\n", encoding="utf-8"
    )
    run = run_cli("validate", "--root", str(root), "--format", "json")
    assert run.exit_code == 1
    (error,) = run.json()["errors"]
    position = 5 if column == "count" else 4
    assert (error["code"], error["line"], error["column"], error["path"]) == ("bad-number", 2, position, column)


def test_a_decimal_comma_in_a_comma_file_is_a_row_length_error(tmp_path: Path) -> None:
    """``28,5`` in a ``,`` file made the row 28 with a count of 5: a shortfall of 26,995 beds."""
    root = build_project(tmp_path / "p")
    (root / "data" / "observations.csv").write_text(
        "indicator,area,period,value,count,source,note\n"
        "beds-per-10k,hanoi,2022H1,27.5,22796,x,\n"
        "beds-per-10k,hanoi,2023,28,5,,x,\n",
        encoding="utf-8",
    )
    run = run_cli("validate", "--root", str(root), "--format", "json")
    assert run.exit_code == 1
    (error,) = run.json()["errors"]
    assert (error["code"], error["line"], error["column"]) == ("csv-row-length", 3, 1)
    assert "8 cells but the header has 7" in error["message"] and "decimal comma" in error["message"]
    gap = run_cli("gap", "beds-per-10k", "--root", str(root), "--as-of", "2023", "--format", "json")
    assert gap.exit_code == 1 and gap.stdout == ""


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_excels_trailing_empty_columns_are_read_and_must_stay_empty(tmp_path: Path, delimiter: str) -> None:
    root = build_project(tmp_path / "p")
    point = "," if delimiter == ";" else "."
    rows = [
        ["indicator", "area", "period", "value", "count", "", ""],
        ["beds-per-10k", "hanoi", "2022H1", f"27{point}5", "22796", "", ""],
        ["beds-per-10k", "hanoi", "2024", f"28{point}5", "", "", ""],
    ]
    observations = root / "data" / "observations.csv"
    observations.write_text("".join(delimiter.join(row) + "\n" for row in rows), encoding="utf-8")
    run = run_cli("gap", "beds-per-10k", "--root", str(root), "--as-of", "2024", "--format", "json")
    assert run.exit_code == 0, run.stderr
    (row,) = run.json()["rows"]
    assert row["current"]["value"] == 28.5 and row["current"]["period"] == "2024"
    with observations.open("a", encoding="utf-8") as handle:
        handle.write(delimiter.join(["poor-rate", "hanoi", "2022", "2", "", "", "note"]) + "\n")
    run = run_cli("validate", "--root", str(root), "--format", "json")
    (error,) = run.json()["errors"]
    assert (error["code"], error["line"], error["column"]) == ("csv-row-length", 4, 7)
    assert "'note' stands in column 7" in error["message"]


def test_names_typed_decomposed_are_the_same_names(tmp_path: Path) -> None:
    """Unikey's decomposed setting writes "Sở Y tế" as other code points: still one lead."""
    import unicodedata

    root = build_project(tmp_path / "p")
    plan = (root / "targets" / "plan-a.yaml").read_text(encoding="utf-8")
    decomposed = unicodedata.normalize("NFD", "Sở Y tế")
    assert decomposed != "Sở Y tế"
    plan = plan.replace("  - indicator: poor-rate\n", f"  - indicator: poor-rate\n    lead: {decomposed}\n")
    (root / "targets" / "plan-a.yaml").write_text(plan, encoding="utf-8")
    run = run_cli("report", "--root", str(root), "--period", "2022H2", "--by", "lead", "--format", "json")
    leads = [row["lead"] for row in run.json()["rows"]]
    assert leads[:2] == ["Sở Y tế", "Sở Y tế"] and all(lead is None for lead in leads[2:])
    table = run_cli("report", "--root", str(root), "--period", "2022H2", "--by", "lead", "--format", "markdown")
    assert table.stdout.count("### Sở Y tế") == 1


@pytest.mark.parametrize(("delimiter", "written"), [(",", "2.2%"), (";", "2,2 %"), (",", '"2.20%"')])
def test_a_cell_formatted_as_a_percentage_is_that_percent(tmp_path: Path, delimiter: str, written: str) -> None:
    """Excel writes a percentage cell as it shows it: 2.2% of households is 2.2 (keeping its
    written precision), for a percent indicator only."""
    root = build_project(tmp_path / "p")
    d = delimiter
    (root / "data" / "observations.csv").write_text(
        f"indicator{d}area{d}period{d}value\npoor-rate{d}hanoi{d}2020{d}3\npoor-rate{d}hanoi{d}2022{d}{written}\n",
        encoding="utf-8",
    )
    run = run_cli("gap", "poor-rate", "--root", str(root), "--as-of", "2022", "--format", "json")
    assert run.exit_code == 0, run.stderr
    (row,) = run.json()["rows"]
    # 3.0 (2020) → 2.2 (2022) against 1.0 by 2025: exactly on the straight line, ratio 1
    assert (row["current"]["value"], row["gap"], row["progress_ratio"]) == (2.2, 1.2, 1)
    (root / "data" / "observations.csv").write_text(
        f"indicator{d}area{d}period{d}value\nbeds-per-10k{d}hanoi{d}2022H1{d}27%\n", encoding="utf-8"
    )
    (error,) = run_cli("validate", "--root", str(root), "--format", "json").json()["errors"]
    assert (error["code"], error["line"], error["column"]) == ("bad-number", 2, 4)
    assert "percent sign" in error["message"] and "per_10k" in error["message"]
