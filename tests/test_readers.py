"""The YAML and CSV readers on hand-made hostile and Excel-shaped inputs."""

from __future__ import annotations

import time

import pytest

from ansinh.files.csv_cells import OBSERVATION_COLUMNS
from ansinh.files.csv_reader import read_csv_text
from ansinh.files.limits import Limits
from ansinh.files.yaml_reader import locate_paths, read_yaml_text
from ansinh.numbers import PlainNumber


def problems(text: str, limits: Limits | None = None) -> list[tuple[str, int | None, int | None]]:
    document = read_yaml_text(text, "f.yaml", limits or Limits())
    return [(problem.code, problem.line, problem.column) for problem in document.problems]


def test_numbers_keep_their_digits_and_yes_stays_text() -> None:
    text = "a: 27.50\nb: 2025\nc: yes\nd: 2022-06-30\ne: '30'\nf: ~\ng: true\nh: True\ni: 007\n"
    document = read_yaml_text(text, "f.yaml")
    assert document.data == {
        "a": "27.50",
        "b": "2025",
        "c": "yes",
        "d": "2022-06-30",
        "e": "30",
        "f": None,
        "g": True,
        "h": "True",
        "i": "007",
    }
    # Numbers are kept as written, and known for numbers; a quoted '30' is text.
    assert isinstance(document.data["a"], PlainNumber) and isinstance(document.data["i"], PlainNumber)
    assert not isinstance(document.data["e"], PlainNumber)


def test_positions_point_at_values_and_keys() -> None:
    text = "targets:\n  - indicator: x\n    target: {value: 30, by: 2025}\n  - indicator: y\n"
    paths = [("targets", 0, "target", "by"), ("targets", 0, "nothing", "here"), ("targets", 1, "indicator")]
    positions = locate_paths(text, paths, at_keys=[("targets", 0, "target")])
    assert positions.locate(("targets", 0, "target", "by")) == (3, 29)
    assert positions.locate(("targets", 0, "target"), at_key=True) == (3, 5)
    assert positions.locate(("targets", 0, "nothing", "here")) == (2, 5)  # the deepest part that exists
    assert positions.locate(("targets", 1, "indicator")) == (4, 16)


def test_a_duplicate_key_is_an_error_at_the_duplicate() -> None:
    assert problems("a: 1\nb: 2\na: 3\n") == [("duplicate-key", 3, 1)]
    assert problems("x: {a: 1, a: 2}\n") == [("duplicate-key", 1, 11)]


def test_merge_keys_and_anchors_work_within_limits() -> None:
    document = read_yaml_text("d: &d {lead: Sở Y tế, area: hanoi}\nt:\n  <<: *d\n  area: phuc-tho\n", "f.yaml")
    assert document.data["t"] == {"lead": "Sở Y tế", "area": "phuc-tho"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a:\n\tb: 1\n", "yaml-syntax"),
        ("a: b\x07\n", "yaml-syntax"),
        ("a: [1, 2\n", "yaml-syntax"),
        ("a: 1\n---\nb: 2\n", "yaml-unsupported"),
        ("a: !!python/object:os.system x\n", "yaml-unsupported"),
        ("? [a]\n: 1\n", "yaml-unsupported"),
        ("a: *nothing\n", "yaml-syntax"),
        ("- " * 40 + "x\n", "yaml-too-deep"),
    ],
)
def test_hostile_yaml_ends_in_a_located_error(text: str, code: str) -> None:
    found = problems(text)
    assert found and found[0][0] == code and found[0][1] is not None


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,  # libyaml alone takes quadratic time on this
        "a: &a ["
        + ",".join(["x"] * 100)
        + "]\n"
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 100) + "]\n" for i in range(8)),
        "a:\n" + "  " * 200_000 + "b",
        "k: " + "x" * 5_000_000 + "\n",
    ],
    ids=["deep-flow", "alias-bomb", "deep-indent", "long-scalar"],
)
def test_hostile_yaml_ends_within_a_second(text: str) -> None:
    started = time.perf_counter()
    read_yaml_text(text, "f.yaml")
    assert time.perf_counter() - started < 1.0


def test_limits_apply_exactly_at_their_value() -> None:
    limits = Limits(yaml_depth=3, yaml_aliases=2)
    assert problems("a: {b: {c: 1}}\n", limits) == []
    assert problems("a: {b: {c: {d: 1}}}\n", limits)[0][0] == "yaml-too-deep"
    assert problems("a: &a 1\nb: *a\nc: *a\n", limits) == []
    assert problems("a: &a 1\nb: *a\nc: *a\nd: *a\n", limits)[0][0] == "yaml-too-many-aliases"


def read(text: str):
    return read_csv_text(text, "data/x.csv", *OBSERVATION_COLUMNS)


def test_excel_csv_with_bom_semicolons_and_crlf() -> None:
    table = read("\ufeffIndicator;Area;Period;Value\r\nbeds;hanoi;2022H1;27,5\r\n\r\nbeds;hanoi;2022H2;28\r\n")
    assert table.ok and table.decimal_comma
    assert table.rows == [["beds", "hanoi", "2022H1", "27,5"], ["beds", "hanoi", "2022H2", "28"]]
    assert table.lines == [2, 4]


def test_quoted_newlines_keep_line_numbers_right() -> None:
    table = read('indicator,area,period,value,note\nbeds,hanoi,2022H1,27.5,"two\nlines"\nbeds,hanoi,2022H2,28,\nx,y\n')
    assert table.lines == [2, 4]
    assert [(p.code, p.line) for p in table.problems] == [("csv-row-length", 5)]


def test_an_unclosed_quote_is_located() -> None:
    table = read('indicator,area,period,value\nbeds,hanoi,"2022H1,27.5\n')
    assert [(p.code, p.line) for p in table.problems] == [("csv-syntax", 2)]
