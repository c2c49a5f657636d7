"""Hostile inputs for the readers: generated YAML and CSV of every shape — wrong types, random
unicode, huge numbers, deep nesting, aliases, truncation, mixed line endings, rows with missing
and extra cells. Each must end in problems with a line number, within a second, never an
exception. ANSINH_HYPOTHESIS_EXAMPLES raises the number of examples (default 1,000 a test)."""

from __future__ import annotations

import os
from decimal import Decimal

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ansinh.files.csv_cells import BASE_COLUMNS, OBSERVATION_COLUMNS, PeriodCache, base_figures_from, observations_from
from ansinh.files.csv_reader import read_csv_text
from ansinh.files.document_schema import FileKind
from ansinh.files.schema_errors import validate_document
from ansinh.files.yaml_reader import locate_paths, read_yaml_text
from ansinh.models import Indicator
from ansinh.problems import Findings
from ansinh.text import LocalText

EXAMPLES = int(os.environ.get("ANSINH_HYPOTHESIS_EXAMPLES", "1000"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=1000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

FIELDS = [
    "id", "name", "area", "start", "end", "targets", "indicator", "lead", "baseline", "target", "value", "period",
    "by", "from", "total", "per_year", "count", "unit", "better", "kind", "counts", "base", "indicators", "areas",
    "level", "parent", "vi", "en", "note", "source", "<<", "bases",
]  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["2022H1", "2025", "2022H3", "2024-02-30", "2021/2023", "27,5", "22.796", "per_10k", "higher"]),
    st.sampled_from(["flow", "level", "count", "percent", "hanoi", "beds-per-10k", "Sở Y tế", "NaN", "-1", "1e9"]),
    st.text(max_size=20),
)
KEYS = st.one_of(st.sampled_from(FIELDS), st.text(max_size=8))
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=6),
    max_leaves=30,
)
DOCUMENTS = st.dictionaries(KEYS, VALUES, max_size=8)
MODELS = (FileKind.PLAN, FileKind.INDICATORS, FileKind.AREAS)


def assert_located(problems: list) -> None:
    for problem in problems:
        assert problem.file and problem.line is not None and problem.line >= 1, problem


@st.composite
def damaged(draw: st.DrawFn, text: str) -> str:
    """Text cut short, with line endings mixed and characters changed."""
    if text and draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    if draw(st.booleans()):
        text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n", "\t\n"])))
    for _ in range(draw(st.integers(0, 3))):
        if not text:
            break
        position = draw(st.integers(0, len(text) - 1))
        replacement = draw(
            st.sampled_from(["\t", "\x00", "\x07", "\ufeff", "[", "{", "&a ", "*a ", ": ", "'", '"', "#"])
        )
        text = text[:position] + replacement + text[position + 1 :]
    return text


def read_and_validate(text: str, kind: FileKind) -> list:
    """What the loader does with a YAML file: read, validate, place each problem on its line."""
    read = read_yaml_text(text, "targets/f.yaml")
    findings = Findings()
    validate_document(read, kind, findings)
    positions = locate_paths(text, [path for finding in findings for path in finding.paths()])
    return read.problems + [finding.located("targets/f.yaml", positions) for finding in findings]


@SETTINGS
@given(document=DOCUMENTS, data=st.data())
def test_generated_yaml_never_raises(document: dict, data: st.DataObject) -> None:
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, default_flow_style=data.draw(st.booleans()))
    text = data.draw(damaged(text))
    for kind in MODELS:
        assert_located(read_and_validate(text, kind))


@SETTINGS
@given(text=st.text(max_size=300))
def test_random_text_as_yaml_never_raises(text: str) -> None:
    assert_located(read_and_validate(text, FileKind.PLAN))


INDICATORS = {
    "beds": Indicator(id="beds", name=LocalText("B"), unit="per_10k", better="higher", kind="level", base="population"),
    "rate": Indicator(id="rate", name=LocalText("R"), unit="percent", better="lower", kind="level", base="households"),
    "jobs": Indicator(id="jobs", name=LocalText("J"), unit="count", better="higher", kind="flow"),
}
CELLS = st.one_of(
    st.sampled_from(["beds", "rate", "jobs", "hanoi", "2022H1", "2021/2023", "27.5", "27,5", "22.796", "22,796"]),
    st.sampled_from(["", " ", "-3", "NaN", "inf", "1e3", "101", "9" * 30, '"', '""', "a\nb", "x;y", "x,y", "\ufeff"]),
    st.text(max_size=12),
)


@st.composite
def csv_texts(draw: st.DrawFn, columns: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
    required, optional = columns
    header = list(required) + draw(st.lists(st.sampled_from([*optional, "valeu", ""]), max_size=3))
    if draw(st.booleans()):
        header = draw(st.permutations(header))
    delimiter = draw(st.sampled_from([",", ";"]))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines = [delimiter.join(header)]
    for _ in range(draw(st.integers(0, 12))):
        width = len(header) + draw(st.integers(-2, 2))
        cells = [draw(CELLS) for _ in range(max(0, width))]
        quoted = [f'"{cell}"' if draw(st.booleans()) else cell for cell in cells]
        lines.append(delimiter.join(quoted))
    text = ("\ufeff" if draw(st.booleans()) else "") + ending.join(lines) + ending
    return draw(damaged(text)) if draw(st.booleans()) else text


@SETTINGS
@given(text=csv_texts(OBSERVATION_COLUMNS))
def test_generated_observation_csv_never_raises(text: str) -> None:
    table = read_csv_text(text, "data/x.csv", *OBSERVATION_COLUMNS)
    assert_located(table.problems)
    if table.ok:
        observations, problems = observations_from(table, INDICATORS, set(INDICATORS), {"hanoi"}, PeriodCache())
        assert_located(problems)
        for observation in observations:
            assert observation.value >= 0 and observation.value.is_finite()
            assert observation.indicator != "rate" or observation.value <= 100
            assert isinstance(observation.value, Decimal)


@SETTINGS
@given(text=csv_texts(BASE_COLUMNS))
def test_generated_base_csv_never_raises(text: str) -> None:
    table = read_csv_text(text, "data/bases/x.csv", *BASE_COLUMNS)
    assert_located(table.problems)
    if table.ok:
        figures, problems = base_figures_from(table, {"hanoi"})
        assert_located(problems)
        assert all(figure.value > 0 for figure in figures)
