"""Acceptance tests from example files: each folder under examples/invalid and examples/warnings
holds the files that differ from examples/base and an expected.yaml naming the problems (code,
file, line, column, path) and the exit code. Adding a case is adding a folder."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLES, run_cli

CASES = sorted(path for kind in ("invalid", "warnings") for path in (EXAMPLES / kind).iterdir() if path.is_dir())


def test_the_base_example_is_clean() -> None:
    run = run_cli("validate", "--root", str(EXAMPLES / "base"), "--strict", "--format", "json")
    assert run.exit_code == 0, run.stdout
    assert run.json() == {"ok": True, "errors": [], "warnings": []}


@pytest.mark.parametrize("case", CASES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_example(case: Path, project) -> None:
    expected = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))
    root = project(case)
    run = run_cli("validate", "--root", str(root), "--format", "json")
    assert run.exit_code == expected["exit"], run.stdout
    document = run.json()
    found = document["errors"] + document["warnings"]
    for problem in expected["problems"]:
        matches = [item for item in found if all(item[key] == value for key, value in problem.items())]
        assert matches, f"{problem} not among {found}"
    # Every error is expected: no cascade of follow-on errors, no error left unexplained.
    expected_errors = {(p["code"], p["file"], p.get("line")) for p in expected["problems"]}
    for error in document["errors"]:
        assert (error["code"], error["file"], error["line"]) in expected_errors, f"unexpected {error}"
    assert document["ok"] is (expected["exit"] == 0)
    if "message_contains" in expected:
        assert any(expected["message_contains"] in item["message"] for item in found)
    if "strict_exit" in expected:
        assert run_cli("validate", "--root", str(root), "--strict").exit_code == expected["strict_exit"]
    # The text renderer shows every problem's line, on stderr.
    text = run_cli("validate", "--root", str(root))
    assert text.stdout == ""
    for problem in expected["problems"]:
        assert problem["file"] in text.stderr
        if "line" in problem:
            assert f"{problem['line']}:" in text.stderr or f" {problem['line']} " in text.stderr
