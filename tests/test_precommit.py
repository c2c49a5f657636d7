"""The pre-commit hook of .pre-commit-hooks.yaml, run by pre-commit itself against a sample
repository: pre-commit builds the hook's environment from this repository, as any user's would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BASE, REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@example.org", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


def test_the_hook_passes_a_valid_project_and_stops_a_broken_one(tmp_path: Path) -> None:
    sample = tmp_path / "sample"
    shutil.copytree(BASE, sample)
    git(sample, "init", "-q")
    git(sample, "add", "-A")
    git(sample, "commit", "-q", "-m", "targets")
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "ANSINH_LANG": "en"}
    environment.pop("GITHUB_ACTIONS", None)

    def hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "ansinh-validate", "--all-files"],
            cwd=sample,
            env=environment,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    passed = hook()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "ansinh validate" in passed.stdout and "Passed" in passed.stdout

    plan = sample / "targets" / "plan-a.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("value: 30", "vlaue: 30"), encoding="utf-8")
    failed = hook()
    assert failed.returncode == 1
    assert "Failed" in failed.stdout
    assert "targets/plan-a.yaml" in failed.stdout and "did you mean 'value'" in failed.stdout


@pytest.mark.parametrize(
    ("path", "checked"),
    [
        ("targets/plan-a.yaml", True),
        ("data/observations.csv", True),
        ("data/y-te.xlsx", True),
        ("data/bases/population.xlsx", True),
        ("project/data/bases/population.csv", True),
        ("data/y-te.xls", False),
        ("data/y-te.xlsm", False),
        ("data/old/y-te.xlsx", False),
        ("data/notes.txt", False),
    ],
)
def test_the_hook_runs_for_every_file_ansinh_reads(path: str, checked: bool) -> None:
    """The hook's ``files`` pattern covers the files ansinh reads, workbooks included, and no others."""
    import re

    import yaml

    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (re.search(hook["files"], path) is not None) is checked
    assert "data/*.xlsx" in hook["description"] and "data/bases/*.xlsx" in hook["description"]
