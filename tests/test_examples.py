"""Acceptance tests from example files: each folder under examples/invalid and examples/warnings
holds the files that differ from examples/base and an expected.yaml naming the problems (code,
file, line, column, path) and the exit code. Adding a case is adding a folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLES, run_cli

CASES = sorted(path for kind in ("invalid", "warnings") for path in (EXAMPLES / kind).iterdir() if path.is_dir())


def test_the_base_example_is_clean() -> None:
    run = run_cli("validate", "--root", str(EXAMPLES / "base"), "--strict", "--format", "json")
    assert run.exit_code == 0, run.stdout
    assert run.json() == {"ok": True, "errors": [], "warnings": []}


def problem_key(problem: dict) -> tuple:
    return (problem["code"], problem["file"], problem.get("line"), problem.get("column"), problem.get("path") or None)


def validated(case: Path, project) -> tuple[dict, Path, dict]:
    """The case's project validated: its expectations, root and JSON document, after checking the
    exit code and that the problems are exactly those expected — errors and warnings alike, each
    at its line, column and field, no cascade of follow-on problems, none left unexplained."""
    expected = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))
    root = project(case)
    run = run_cli("validate", "--root", str(root), "--format", "json")
    assert run.exit_code == expected["exit"], run.stdout
    document = run.json()
    found = sorted(map(problem_key, document["errors"] + document["warnings"]), key=repr)
    assert found == sorted(map(problem_key, expected.get("problems", [])), key=repr)
    return expected, root, document


@pytest.mark.parametrize("case", CASES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_example(case: Path, project) -> None:
    expected, root, document = validated(case, project)
    assert document["ok"] is (expected["exit"] == 0)
    if "message_contains" in expected:
        assert any(
            expected["message_contains"] in item["message"] for item in document["errors"] + document["warnings"]
        )
    if "strict_exit" in expected:
        assert run_cli("validate", "--root", str(root), "--strict").exit_code == expected["strict_exit"]
    # The text renderer shows every problem under its file, at the start of a line: place, then
    # severity, then code — so "8:37" cannot be found inside "18:37" or in a message.
    text = run_cli("validate", "--root", str(root))
    assert text.stdout == ""
    sections = _sections(text.stderr)
    for problem in expected["problems"]:
        place = f"{problem['line']}:{problem['column']}" if problem.get("column") else str(problem.get("line") or "")
        pattern = re.compile(rf"^ +{re.escape(place)}  +\S+ +{re.escape(problem['code'])} ", re.MULTILINE)
        assert pattern.search(sections[problem["file"]]), (problem, sections[problem["file"]])


def _sections(stderr: str) -> dict[str, str]:
    """The text output split by the file headings (lines that do not start with a space)."""
    sections: dict[str, str] = {}
    current = ""
    for line in stderr.splitlines():
        if line and not line.startswith(" "):
            current = line
            sections.setdefault(current, "")
        else:
            sections[current] = sections.get(current, "") + line + "\n"
    return sections


VALID = sorted(path for path in (EXAMPLES / "valid").iterdir() if path.is_dir())


def _at(row: dict, dotted: str) -> object:
    value: object = row
    for key in dotted.split("."):
        assert isinstance(value, dict), (dotted, row)
        value = value[key]
    return value


@pytest.mark.parametrize("case", VALID, ids=lambda path: path.name)
def test_valid_example_loads_to_known_figures(case: Path, project) -> None:
    """Files as spreadsheets save them load to the figures worked out by hand in expected.yaml."""
    expected, root, _document = validated(case, project)
    for figures in expected["figures"]:
        result = run_cli(*map(str, figures["args"]), "--root", str(root), "--format", "json")
        assert result.exit_code == 0, result.stderr
        rows = result.json()["rows"]
        assert len(rows) == len(figures["rows"]), figures["args"]
        for row, wanted in zip(rows, figures["rows"], strict=True):
            for key, value in wanted.items():
                assert _at(row, key) == value, (figures["args"], key)
