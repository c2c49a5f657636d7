"""Each resource limit, at its value and just past it (README, Limits)."""

from __future__ import annotations

import shutil
from pathlib import Path

from ansinh.files.limits import LIMITS, Limits
from ansinh.files.loader import load_project
from ansinh.files.yaml_reader import read_yaml_text
from conftest import BASE, run_cli

PLAN = BASE / "targets" / "plan-a.yaml"


def codes(text: str, limits: Limits = LIMITS) -> list[str]:
    return [problem.code for problem in read_yaml_text(text, "f.yaml", limits).problems]


def project_codes(root: Path, limits: Limits, file: str) -> list[str]:
    return [problem.code for problem in load_project(root, limits).problems if problem.file == file]


def copy_base(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    shutil.copytree(BASE, root)
    return root


def test_yaml_file_size(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    size = PLAN.stat().st_size
    assert project_codes(root, Limits(yaml_bytes=size), "targets/plan-a.yaml") == []
    assert project_codes(root, Limits(yaml_bytes=size - 1), "targets/plan-a.yaml") == ["file-too-large"]
    assert LIMITS.yaml_bytes == 10 * 1024 * 1024


def test_csv_file_size(tmp_path: Path) -> None:
    root = copy_base(tmp_path)
    size = (root / "data" / "observations.csv").stat().st_size
    assert project_codes(root, Limits(csv_bytes=size), "data/observations.csv") == []
    assert project_codes(root, Limits(csv_bytes=size - 1), "data/observations.csv") == ["file-too-large"]
    assert LIMITS.csv_bytes == 4096 * 1024 * 1024


def test_nesting_depth() -> None:
    depth = LIMITS.yaml_depth
    assert depth == 32
    # Every collection counts, the document's own included.
    assert codes("[" * depth + "]" * depth) == []
    assert codes("[" * (depth + 1) + "]" * (depth + 1)) == ["yaml-too-deep"]
    assert codes("a: " + "[" * (depth - 1) + "]" * (depth - 1)) == []
    assert codes("a: " + "[" * depth + "]" * depth) == ["yaml-too-deep"]
    assert codes("- " * depth + "x") == []
    assert codes("- " * (depth + 1) + "x") == ["yaml-too-deep"]


def test_number_of_aliases() -> None:
    limit = LIMITS.yaml_aliases
    assert limit == 1000
    at = "a: &a 1\nb: [" + ", ".join(["*a"] * limit) + "]\n"
    past = "a: &a 1\nb: [" + ", ".join(["*a"] * (limit + 1)) + "]\n"
    assert codes(at) == []
    assert codes(past) == ["yaml-too-many-aliases"]


def test_what_aliases_expand_to() -> None:
    limit = LIMITS.yaml_expanded_nodes
    assert limit == 100_000
    anchor = "a: &a [" + ", ".join(["x"] * 999) + "]\n"  # 1,000 values with the list itself
    assert codes(anchor + "b: [" + ", ".join(["*a"] * 100) + "]\n") == []  # exactly 100,000
    assert codes(anchor + "b: [" + ", ".join(["*a"] * 101) + "]\n") == ["yaml-too-many-aliases"]


def test_problems_listed_per_file(tmp_path: Path) -> None:
    """The text lists 200 problems a file and says how many more; the summary and the JSON
    count and hold every one (600 bad rows are 600 errors, none invented)."""
    from ansinh.render.problem_formats import LISTED_PER_FILE

    assert LISTED_PER_FILE == 200
    root = copy_base(tmp_path)
    header = "indicator,area,period,value\n"

    def run(bad_rows: int) -> tuple[list[str], str]:
        rows = "".join(f"beds-per-10k,hanoi,2022-{1 + index % 12:02d},x{index}\n" for index in range(bad_rows))
        (root / "data" / "observations.csv").write_text(header + rows, encoding="utf-8")
        document = run_cli("validate", "--root", str(root), "--format", "json").json()
        messages = [p["message"] for p in document["errors"] if p["file"] == "data/observations.csv"]
        return messages, run_cli("validate", "--root", str(root)).stderr

    at, text = run(LISTED_PER_FILE)
    assert len(at) == 200 and all("is not a number" in message for message in at)
    assert "more in this file" not in text and "✗ 200 errors, 0 warnings" in text
    past, text = run(600)
    assert len(past) == 600 and all("is not a number" in message for message in past)
    assert past[-1] == "'x599' is not a number: write digits with a decimal point, e.g. 27.5"
    assert text.count("is not a number") == 200
    assert "and 400 errors and 0 warnings more in this file" in text
    assert "✗ 600 errors, 0 warnings" in text
