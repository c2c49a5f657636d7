"""The optimised paths give exactly what the straightforward ones give.

ansinh reads large roots quickly by several means: a quick reader for plain YAML, observations
checked a column at a time, a second process for the observations and for half a report's rows,
and a cache of the loaded project. Each has a straightforward twin — libyaml's events, the
row-by-row reader, one process, no cache — and these tests hold the two to the same values, the
same problems on the same lines and columns, and the same output, byte for byte: on generated
documents and their mutations, on the shipped data, on the invalid examples and on a generated
national root in small."""

from __future__ import annotations

import os
import sys
from array import array
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ansinh.api
import ansinh.files.loader
import ansinh.files.observations
import ansinh.files.yaml_reader
from ansinh.checks.definitions import CheckContext
from ansinh.checks.observations import check_observation_counts
from ansinh.checks.series import merge_series
from ansinh.files.csv_cells import OBSERVATION_COLUMNS, PeriodCache, observations_from
from ansinh.files.csv_reader import read_csv_text
from ansinh.files.limits import LIMITS
from ansinh.files.observations import ObservationReader
from ansinh.files.yaml_reader import locate_paths, read_yaml_text
from ansinh.files.yaml_simple import read_simple
from ansinh.language import format_number, render
from ansinh.models import Indicator, Observation
from ansinh.numbers import Fraction
from ansinh.problems import Problem
from ansinh.project import Locations, ObservationStore, Project
from ansinh.text import LocalText
from conftest import EXAMPLES, REPO, build_project, run_cli

EXAMPLES_COUNT = int(os.environ.get("ANSINH_HYPOTHESIS_EXAMPLES", "1000"))
SETTINGS = settings(
    max_examples=EXAMPLES_COUNT,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)

# --- YAML: the quick reader against libyaml's events ---------------------------------------------

# Characters YAML gives meanings to, and some it does not allow, to reach the subset's edges.
SCALAR_TEXT = st.text(alphabet=st.sampled_from(list("ab Z09-_.:#'\"{}[],&*!|>%@`?~/\\\u00a0Đệã\t\u2028")), max_size=10)
PLAIN_TEXT = st.text(alphabet=st.sampled_from(list("abcĐệ 0129.-_/")), max_size=8)
SCALARS = st.one_of(
    SCALAR_TEXT,
    PLAIN_TEXT,
    PLAIN_TEXT,
    st.sampled_from(["27.5", "27.50", "-3", "1e5", "2022H1", "true", "false", "null", "~", "", "Sở Y tế", "a: b"]),
    st.sampled_from(["a #b", "a#b", "- a", "-5", "yes", "0x1F", "+5", ".5", "a:", "x: ", "{}", "[a]", "'", '"']),
)
# A line of a block as people write one: words, figures, quotes, a colon or a '#', no space at its ends.
BLOCK_LINE = st.text(alphabet=st.sampled_from(list("abĐệ 09.,:#'\"-%()")), min_size=1, max_size=12).filter(
    lambda line: line.strip(" ") == line
)
NAMES = st.sampled_from(["id", "name", "value", "period", "true", "null", "a-b", "_k", "x1", "<<", "1"])
KEYS = st.one_of(NAMES, NAMES, NAMES, st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,6}", fullmatch=True), SCALAR_TEXT)


@st.composite
def scalar(draw: st.DrawFn) -> str:
    text = draw(SCALARS)
    style = draw(st.sampled_from(["plain", "plain", "single", "double"]))
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    if style == "double":
        return '"' + text + '"'
    return text


@st.composite
def flow(draw: st.DrawFn) -> str:
    items = draw(st.lists(st.tuples(KEYS, scalar()), min_size=1, max_size=3))
    separator = draw(st.sampled_from([", ", ",", " , ", ",  "]))
    return "{" + separator.join(f"{key}: {value}" for key, value in items) + draw(st.sampled_from(["}", " }"]))


@st.composite
def mapping_lines(draw: st.DrawFn, indent: int, depth: int) -> list[str]:
    lines: list[str] = []
    kinds = ["scalar", "flow", "empty", "block", "map", "seq"] if depth < 3 else ["scalar", "flow", "empty", "block"]
    keys = draw(st.lists(KEYS, min_size=1, max_size=4, unique=draw(st.integers(0, 4)) > 0))  # some repeat
    for key in keys:
        pad = " " * indent
        comment = draw(st.sampled_from(["", "", "", " # note", "  #x", " "]))
        kind = draw(st.sampled_from(kinds))
        if kind == "scalar":
            lines.append(f"{pad}{key}: {draw(scalar())}{comment}")
        elif kind == "flow":
            lines.append(f"{pad}{key}: {draw(flow())}{comment}")
        elif kind == "block":  # a folded or literal block; some headers and lines outside the subset
            header = draw(st.sampled_from([">-", ">-", ">", "|", "|-", ">+", "|2", ">-  # c"]))
            lines.append(f"{pad}{key}: {header}{comment}")
            inner = " " * (indent + draw(st.sampled_from([2, 2, 4, 1])))
            for _ in range(draw(st.integers(0, 3))):
                line = draw(st.one_of(BLOCK_LINE, BLOCK_LINE, BLOCK_LINE, SCALAR_TEXT, st.sampled_from(["", "  x"])))
                lines.append(inner + line if line else "")
        else:
            lines.append(f"{pad}{key}:{comment}")
            if kind == "map":
                lines += draw(mapping_lines(indent + draw(st.sampled_from([2, 4, 1])), depth + 1))
            elif kind == "seq":
                lines += draw(sequence_lines(indent + draw(st.sampled_from([0, 2, 4])), depth + 1))
        if draw(st.integers(0, 3)) == 0:
            lines.append(draw(st.sampled_from(["", "   ", "# comment", "  # c"])))
    return lines


@st.composite
def sequence_lines(draw: st.DrawFn, indent: int, depth: int) -> list[str]:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        pad, gap = " " * indent, draw(st.sampled_from([" ", " ", "   "]))
        kind = draw(st.sampled_from(["scalar", "flow", "map", "map"]))
        if kind == "map":
            inner = draw(mapping_lines(indent + 1 + len(gap), depth + 1))
            lines += [f"{pad}-{gap}{inner[0].lstrip(' ')}", *inner[1:]]
        else:
            lines.append(f"{pad}-{gap}{draw(scalar()) if kind == 'scalar' else draw(flow())}")
    return lines


@st.composite
def yaml_texts(draw: st.DrawFn) -> str:
    lines = draw(mapping_lines(0, 0))
    if draw(st.booleans()):
        lines.insert(0, "# a comment first")
    text = "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))
    for _ in range(draw(st.sampled_from([0, 0, 1, 2, 3]))):  # mutations, to cross the subset's edges
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "indent"]))
        if action == "insert":
            text = text[:position] + draw(st.sampled_from(list(":- #'\"{},\n\t\r\u00a0x&*!|>"))) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + 1 :]
        else:
            start = text.rfind("\n", 0, position) + 1
            text = text[:start] + draw(st.sampled_from([" ", "  ", ""])) + text[start:]
    return text


@st.composite
def block_texts(draw: st.DrawFn) -> str:
    """Plans whose notes are folded or literal blocks, as people write them, with mutations at
    the blocks' edges: spaces, empty lines, other headers."""
    lines = ["id: p", "targets:"]
    for index in range(draw(st.integers(1, 3))):
        lines.append(f"  - indicator: i{index}")
        lines.append(f"    note: {draw(st.sampled_from(['>-', '>-', '>', '|', '|-', '>-  # c']))}")
        column = " " * draw(st.sampled_from([6, 6, 8, 5]))
        lines += [column + draw(BLOCK_LINE) for _ in range(draw(st.integers(1, 3)))]
        lines += [""] * draw(st.integers(0, 2))
    text = "\n".join(lines) + draw(st.sampled_from(["\n", ""]))
    for _ in range(draw(st.sampled_from([0, 0, 1, 2]))):
        position = draw(st.integers(0, len(text)))
        text = (
            text[:position]
            + draw(st.sampled_from([" ", "  ", "\n", "\n\n", "#", ": ", "-", ">", "|", "+", "2"]))
            + text[position:]
        )
    return text


def typed(value: Any) -> Any:
    """A value with the type of every scalar made visible (a PlainNumber is not a str)."""
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    return (type(value).__name__, value)


def paths_of(value: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_of(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths_of(item, (*prefix, index))


def assert_quick_yaml_agrees(text: str) -> bool:
    """If the quick reader takes ``text``, libyaml reads the same values from it, without a
    problem, and places every value and key where the quick reader does. Whether it took it."""
    quick = read_simple(text, LIMITS.yaml_depth)
    if quick is None:
        return False
    full = read_yaml_text(text, "f.yaml", quick=False)
    assert full.problems == [] and full.readable, (text, full.problems)
    assert typed(full.data) == typed(quick), text
    paths = list(paths_of(quick))
    fast, slow = locate_paths(text, paths, paths, quick=True), locate_paths(text, paths, paths, quick=False)
    for path in paths:
        assert fast.locate(path) == slow.locate(path), (text, path)
        assert fast.locate(path, at_key=True) == slow.locate(path, at_key=True), (text, path)
    return True


@SETTINGS
@given(yaml_texts())
def test_quick_yaml_reader_agrees_with_libyaml(text: str) -> None:
    assert_quick_yaml_agrees(text)


@SETTINGS
@given(block_texts())
def test_quick_yaml_reader_agrees_with_libyaml_on_blocks(text: str) -> None:
    assert_quick_yaml_agrees(text)


def test_quick_yaml_reader_takes_the_files_people_write(tmp_path: Path) -> None:
    """The subset covers the generated national plans, the shipped files (notes written as
    ``note: >-`` blocks) and most example files, so that the agreement above is about the files
    that matter."""
    generated = generated_root(tmp_path / "national")
    usual = sorted((generated / "targets").glob("*.yaml")) + sorted((REPO / "targets").glob("*.yaml"))
    files = usual + sorted(REPO.glob("tests/examples/**/*.yaml"))
    files += sorted((REPO / "src" / "ansinh" / "template").rglob("*.yaml"))
    taken = [file for file in files if assert_quick_yaml_agrees(file.read_text(encoding="utf-8-sig"))]
    assert all(file in taken for file in usual)
    assert len(taken) > 0.9 * len(files)


def test_quick_yaml_reader_leaves_what_it_does_not_know() -> None:
    for text in [
        "a: &x 1\nb: *x\n",  # anchors
        "a: !!str 1\n",  # tags
        "a: |+\n  text\n",  # blocks that keep their last line breaks,
        "a: >2\n   text\n",  # or say their indentation,
        "a: >-\n  one\n\n  two\n",  # or hold an empty line,
        "a: >-\n\n  two\n",  # or start with one,
        "a: >-\n  one\n    two\n",  # or a more-indented line,
        "a: >-\n  one \n",  # or a line ending in a space,
        "a: >-\nb: 1\n",  # or no line at all
        "- >-\n  text\n",  # a block not under a key
        "a: one\n  two\n",  # a plain scalar over two lines
        'a: "x\\ty"\n',  # escapes
        "a:\tb\n",  # tabs
        "a: 1\na: 2\n",  # a duplicate key
        "a: b: c\n",  # libyaml's "mapping values are not allowed here"
        "- a\n",  # not a mapping
        "a:\n  -\n    b: 1\n",  # an item on the line after its dash
        "a: [1, 2]\n",  # flow sequences
        "a: 1\r\n",  # carriage returns
        "a: x\u2028y\n",  # a line separator
        "",
    ]:
        assert read_simple(text, LIMITS.yaml_depth) is None, text


# --- observations: a column at a time against row by row -----------------------------------------

INDICATORS = {
    "rate": Indicator("rate", LocalText(en="Rate"), "percent", "higher", "level"),
    "beds": Indicator("beds", LocalText(en="Beds"), "count", "higher", "level"),
    "trainees": Indicator("trainees", LocalText(en="Trainees"), "count", "higher", "flow"),
}
AREAS = {"hanoi", "hcm"}
CELLS = {
    "indicator": ["rate", "rate", "beds", "trainees", "bogus", " rate", ""],
    "area": ["hanoi", "hanoi", "hcm", "nowhere", "hanoi ", ""],
    "period": ["2021", "2021H1", "2021H2", "2021Q1", "2021-03", "2022H1", "2022h1", "2021H3", "bad", ""],
    "value": ["10", "10.5", "10.50", "99.9", "100.5", "22,796", "1.234", "-1", "1e3", "abc", "", " 5", "0"],
    "count": ["", "", "100", "1.5", "-3", "x", "007"],
}


@st.composite
def observation_csv(draw: st.DrawFn) -> str:
    delimiter = draw(st.sampled_from([",", ";"]))
    header = ["indicator", "area", "period", "value", "count"]
    if draw(st.booleans()):
        header = draw(st.permutations(header))
    lines = [delimiter.join(header)]
    for _ in range(draw(st.integers(0, 40))):
        shape = draw(st.sampled_from(["row"] * 8 + ["blank", "short", "long", "quoted"]))
        if shape == "blank":
            lines.append("")
            continue
        cells = [draw(st.sampled_from(CELLS[column])) for column in header]
        if delimiter == ";":
            cells = [cell.replace(".", ",") if draw(st.booleans()) else cell for cell in cells]
        cells = [f'"{cell}"' if delimiter in cell else cell for cell in cells]
        if shape == "short":
            cells = cells[:-1]
        elif shape == "long":
            cells = [*cells, "extra"]
        elif shape == "quoted":
            cells[-1] = '"a\nb"'
        lines.append(delimiter.join(cells))
    return "\n".join(lines) + "\n"


def problem_key(problem: Problem, columns: dict[str, dict[str, int]]) -> tuple[object, ...]:
    """A problem as the loader reports it: a CSV problem without a column takes its field's."""
    column = problem.column
    if column is None and problem.path in columns.get(problem.file or "", {}):
        column = columns[problem.file or ""][problem.path] + 1
    return (problem.code, problem.file, problem.line, column, problem.path, render(problem.text, "en"))


def observation_key(observation: Observation) -> tuple[object, ...]:
    return (
        observation.indicator,
        observation.area,
        observation.period.label,
        str(observation.value),
        observation.count,
        observation.file,
        observation.line,
    )


def read_row_by_row(
    files: dict[str, str], indicators: dict[str, Indicator], declared: set[str] | None, areas: set[str] | None
) -> tuple[ObservationStore, list[Problem], dict[str, dict[str, int]]]:
    """The straightforward reading: every row checked by ``observation_of_row``, the series
    merged by ``merge_series``, in one pass over Python objects."""
    series: dict[tuple[str, str], list[Observation]] = {}
    problems: list[Problem] = []
    columns: dict[str, dict[str, int]] = {}
    periods = PeriodCache()
    for file, text in files.items():
        table = read_csv_text(text, file, *OBSERVATION_COLUMNS)
        problems += table.problems
        if not table.columns:
            continue  # no usable header
        columns[file] = table.columns
        observations, found = observations_from(table, indicators, declared, areas, periods)
        problems += found
        for observation in observations:
            series.setdefault((observation.indicator, observation.area), []).append(observation)
    numbered: list[tuple[str, int]] = []  # each row's file and line
    store = ObservationStore(_ListLocations(numbered))
    for (indicator, area), observations in series.items():
        kept, found = merge_series(observations, indicators[indicator].kind == "flow")
        problems += found
        if not kept:
            continue
        first = len(numbered)
        numbered += [(observation.file, observation.line) for observation in kept]
        store.add_series(
            indicator,
            area,
            [observation.period for observation in kept],
            [f"{observation.value:f}" for observation in kept],
            ["" if observation.count is None else str(observation.count) for observation in kept],
            array("l", range(first, len(numbered))),
        )
    return store, problems, columns


class _ListLocations(Locations):
    """Rows placed from a list: the reference needs no line arithmetic."""

    def __init__(self, numbered: list[tuple[str, int]]) -> None:
        super().__init__()
        self.numbered = numbered

    def __call__(self, row: int) -> tuple[str, int]:
        return self.numbered[row]


def read_by_columns(
    root: Path, files: dict[str, str], indicators: dict[str, Indicator], areas: set[str] | None
) -> tuple[ObservationStore, list[Problem], dict[str, dict[str, int]]]:
    reader = ObservationReader(indicators, set(indicators), areas, root)
    for file in files:
        reader.read(file, root / file)
    return reader.store(), reader.problems, reader.columns_of


def assert_same_observations(root: Path, files: dict[str, str]) -> None:
    for file, text in files.items():
        (root / file).parent.mkdir(parents=True, exist_ok=True)
        (root / file).write_text(text, encoding="utf-8", newline="")
    fast_store, fast_problems, fast_columns = read_by_columns(root, files, INDICATORS, AREAS)
    slow_store, slow_problems, slow_columns = read_row_by_row(files, INDICATORS, set(INDICATORS), AREAS)
    assert fast_columns == slow_columns
    assert sorted(problem_key(p, fast_columns) for p in fast_problems) == sorted(
        problem_key(p, slow_columns) for p in slow_problems
    )
    fast = {
        (series.indicator, series.area): list(map(observation_key, series.observations()))
        for series in fast_store.all_series()
    }
    slow = {
        (series.indicator, series.area): list(map(observation_key, series.observations()))
        for series in slow_store.all_series()
    }
    assert fast == slow


@SETTINGS
@given(st.lists(observation_csv(), min_size=1, max_size=3))
def test_columnar_observations_agree_with_row_by_row(tmp_path: Path, texts: list[str]) -> None:
    files = {f"data/obs-{index}.csv": text for index, text in enumerate(texts)}
    root = tmp_path / f"root-{abs(hash(tuple(texts)))}"
    assert_same_observations(root, files)


def test_columnar_observations_agree_across_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows in doubt and series that cross the edges of the reader's blocks."""
    monkeypatch.setattr(ansinh.files.observations, "CHUNK_ROWS", 3)
    lines = ["indicator,area,period,value,count"]
    for year in range(2015, 2025):
        for half in (1, 2):
            lines.append(f"rate,hanoi,{year}H{half},{10 + year % 7}.5,")
            lines.append(f"beds,hcm,{year}H{half},{100 + year},{100 + year}")
    lines[7] = "rate,hanoi,2017H1,101,"  # a percent above 100
    lines[12] = "beds,hcm,2017H2,1.5,"  # a count that is not whole
    lines += ["rate,hanoi,2016H1,11.5,", "trainees,hanoi,2021,50,", "trainees,hanoi,2021H2,20,"]
    assert_same_observations(tmp_path, {"data/observations.csv": "\n".join(lines) + "\n"})


# --- whole projects: every optimisation on, against every one off --------------------------------


def generated_root(destination: Path, scale: float = 0.01) -> Path:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(REPO / "bench"))
    generate.generate(destination, scale=scale)
    return destination


def _straightforward_observations(
    root: Path, limits: Any, files: list[str], context: CheckContext, progress: Any, warnings: bool
) -> Any:
    """The loader's job, done the straightforward way: each file read whole, then row by row."""
    reader = ansinh.files.loader._Reader(root, limits, Project(root))
    texts = {file: text for file in files if (text := reader.text(file, limits.csv_bytes, required=False)) is not None}
    store, problems, columns = read_row_by_row(texts, context.indicators, context.declared_indicators, context.areas)
    problems = [*reader.collected, *problems]
    if warnings:
        problems += check_observation_counts(store, context.indicators, context.bases, context.base_series)
    return ansinh.files.loader.ObservationsRead(store, columns, problems, reader.project.files)


def outputs(root: Path, commands: list[list[str]]) -> list[tuple[int, str, str]]:
    return [
        (run.exit_code, run.stdout, run.stderr)
        for run in (run_cli(*command, "--root", str(root), env={"ANSINH_NO_CACHE": "1"}) for command in commands)
    ]


def assert_same_both_ways(root: Path, commands: list[list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as fast:  # every quick path taken, even on small inputs
        fast.setattr(ansinh.files.loader, "WORKER_THRESHOLD_BYTES", 0)
        fast.setattr(ansinh.api, "PARALLEL_TARGETS", 1)
        quick = outputs(root, commands)
    with monkeypatch.context() as slow:
        slow.setenv("ANSINH_WORKERS", "1")
        slow.setattr(ansinh.files.yaml_reader, "read_simple", lambda text, depth: None)
        slow.setattr(ansinh.files.yaml_reader, "places_simple", lambda text, depth: None)
        slow.setattr(ansinh.files.loader, "_read_observations", _straightforward_observations)
        straightforward = outputs(root, commands)
    for command, fast_output, slow_output in zip(commands, quick, straightforward, strict=True):
        assert fast_output == slow_output, command


COMMANDS = [
    ["validate", "--format", "json"],
    ["validate"],
    ["report", "--period", "2024H2", "--format", "json"],
    ["report", "--period", "2022H1", "--format", "csv", "--by", "status"],
    ["report", "--period", "2024H2", "--by", "area"],
    ["report", "--period", "2023H2", "--format", "markdown", "--by", "lead"],
]


def test_shipped_data_the_same_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    commands = [*COMMANDS, ["gap", "beds-per-10k", "--as-of", "2022H1", "--format", "json"]]
    assert_same_both_ways(REPO, commands, monkeypatch)


def test_generated_root_the_same_both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = generated_root(tmp_path / "national")
    commands = [*COMMANDS, ["gap", "poor-household-rate", "--as-of", "2024H2", "--format", "json"]]
    assert_same_both_ways(root, commands, monkeypatch)
    # And with problems in it: a straddling flow, a duplicate row, a percent above 100, a tab.
    observations = root / "data" / "observations.csv"
    text = observations.read_text(encoding="utf-8")
    first_row = text.split("\n")[1]
    observations.write_text(
        text + first_row + "\n" + first_row.replace(first_row.split(",")[3], "101", 1) + "\n", encoding="utf-8"
    )
    plan = sorted((root / "targets").glob("plan-*.yaml"))[0]
    plan.write_text(plan.read_text(encoding="utf-8").replace("  - indicator", "\t- indicator", 1), encoding="utf-8")
    assert_same_both_ways(root, COMMANDS[:2], monkeypatch)


@pytest.mark.parametrize("case", sorted(path.name for path in (EXAMPLES / "invalid").iterdir()))
def test_invalid_examples_the_same_both_ways(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = build_project(tmp_path / case, EXAMPLES / "invalid" / case)
    assert_same_both_ways(root, [["validate", "--format", "json"]], monkeypatch)


@SETTINGS
@given(st.integers(-(10**20), 10**20), st.integers(1, 10**12), st.integers(0, 6))
def test_figures_are_written_as_decimal_rounding_writes_them(numerator: int, denominator: int, places: int) -> None:
    """Tables write a figure from integers; Decimal's own rounding, at ample precision, is the
    reference (not the helper under test)."""
    value = Fraction(numerator, denominator)
    with localcontext() as context:
        context.prec = 80
        reference = (Decimal(numerator) / Decimal(denominator)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    expected = f"{reference.normalize() if reference else Decimal(0):,f}"
    if "." in expected:
        expected = expected.rstrip("0").rstrip(".")
    assert format_number(value, "en", places) == expected
    assert format_number(value, "vi", places) == expected.translate(str.maketrans(",.", ".,"))
