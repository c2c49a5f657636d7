"""The cache of loaded projects: used when the files are as they were, never when they are not.

Driven through the real command in fresh processes, as a user runs it: the entry is written by
a process that outlives the command, so each test waits for it to appear."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import BASE, REPO

# Runs the command in a fresh interpreter and reports, on the last line of stderr, whether the
# files were read this time (the loader imported) or the project came from the cache.
PROBE = """
import gc, sys
from ansinh.cli.app import _run_app
sys.argv = ["ansinh", *sys.argv[1:]]
gc.disable()
code = _run_app()
read = any(name in sys.modules for name in ("ansinh.files.loader", "yaml", "pydantic"))
sys.stderr.write("\\nREAD" if read else "\\nCACHED")
sys.exit(code)
"""


def ansinh(root: Path, cache: Path, *args: str, **extra: str) -> tuple[str, str, bool]:
    """stdout, stderr, and whether the files were read rather than taken from the cache."""
    env = {name: value for name, value in os.environ.items() if name not in ("ANSINH_NO_CACHE", "GITHUB_ACTIONS")}
    env.update({"ANSINH_CACHE_DIR": str(cache), "ANSINH_LANG": "en", **extra})
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args, "--root", str(root)], capture_output=True, text=True, env=env, check=False
    )
    stderr, _, mark = done.stderr.rpartition("\n")
    return done.stdout, stderr, mark == "READ"


def wait_for_entry(cache: Path, after: float = 0.0) -> Path:
    """The cache's entry once written (after ``after``, a time), and no write under way."""
    deadline = time.time() + 60
    while time.time() < deadline:
        entries = [path for path in cache.glob("*.pickle") if path.stat().st_mtime >= after]
        if entries and not list(cache.glob(".tmp-*")):
            return entries[0]
        time.sleep(0.05)
    raise AssertionError("no cache entry was written")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(BASE, root)
    return root


def test_a_repeated_command_takes_the_project_from_the_cache(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = ansinh(project, cache, "report", "--period", "2022H1", "--format", "json")
    assert first[2], "the first run reads the files"
    wait_for_entry(cache)
    second = ansinh(project, cache, "report", "--period", "2022H1", "--format", "json")
    assert not second[2], "the second run takes the project from the cache"
    assert second[:2] == first[:2]
    assert json.loads(second[0])["rows"]
    validated = ansinh(project, cache, "validate", "--format", "json")
    assert not validated[2]
    assert validated[:2] == ansinh(project, cache, "validate", "--format", "json", ANSINH_NO_CACHE="1")[:2]


def test_a_changed_file_is_read_again_even_with_its_old_size_and_time(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    ansinh(project, cache, "validate", "--format", "json")
    wait_for_entry(cache)
    observations = project / "data" / "observations.csv"
    status = observations.stat()
    text = observations.read_text(encoding="utf-8")
    changed = text.replace("27.5", "27.9", 1)
    assert changed != text and len(changed) == len(text)
    observations.write_text(changed, encoding="utf-8")
    os.utime(observations, ns=(status.st_atime_ns, status.st_mtime_ns))  # the same size and time
    stdout, _, read = ansinh(project, cache, "gap", "beds-per-10k", "--as-of", "2022H1", "--format", "json")
    assert read
    assert json.loads(stdout)["rows"][0]["current"]["value"] == 27.9


def test_an_added_or_removed_file_is_read_again(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    ansinh(project, cache, "validate", "--format", "json")
    written = wait_for_entry(cache).stat().st_mtime
    (project / "targets" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    stdout, _, read = ansinh(project, cache, "validate", "--format", "json")
    assert read and any(problem["file"] == "targets/broken.yaml" for problem in json.loads(stdout)["errors"])
    wait_for_entry(cache, after=written + 1e-3)
    (project / "targets" / "broken.yaml").unlink()
    stdout, _, read = ansinh(project, cache, "validate", "--format", "json")
    assert read and json.loads(stdout)["ok"]


def test_a_damaged_entry_is_ignored(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = ansinh(project, cache, "validate", "--format", "json")
    entry = wait_for_entry(cache)
    entry.write_bytes(entry.read_bytes()[:40])
    assert ansinh(project, cache, "validate", "--format", "json") == expected


def test_the_cache_can_be_turned_off_and_is_not_used_where_others_could_write(project: Path, tmp_path: Path) -> None:
    off = tmp_path / "off"
    ansinh(project, off, "validate", ANSINH_NO_CACHE="1")
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    ansinh(project, shared, "validate")
    time.sleep(1)
    assert not off.exists() or not list(off.iterdir())
    assert not list(shared.glob("*.pickle"))


def test_the_shipped_data_from_the_cache_needs_neither_pyyaml_nor_pydantic(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = ansinh(REPO, cache, "gap", "beds-per-10k", "--as-of", "2022H1", "--format", "json")
    wait_for_entry(cache)
    warm = ansinh(REPO, cache, "gap", "beds-per-10k", "--as-of", "2022H1", "--format", "json")
    assert cold[2] and not warm[2]
    assert warm[:2] == cold[:2]
    # gap reads for errors only; the entry it left holds the warnings that validate reports.
    validated = ansinh(REPO, cache, "validate", "--format", "json")
    assert not validated[2]
    assert validated[:2] == ansinh(REPO, cache, "validate", "--format", "json", ANSINH_NO_CACHE="1")[:2]
    assert "count-rate-mismatch" in validated[0]


def test_a_generated_root_from_the_cache_gives_the_same_answers(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(REPO / "bench"))
    root = tmp_path / "national"
    generate.generate(root, scale=0.01)
    (root / "targets" / "plan-p01-c001.yaml").write_text("id: plan-p01-c001\nname: [\n", encoding="utf-8")
    cache = tmp_path / "cache"
    commands = [["validate", "--format", "json"], ["report", "--period", "2024H2", "--format", "json"]]
    cold = [ansinh(root, cache, *command, ANSINH_NO_CACHE="1") for command in commands]
    ansinh(root, cache, "validate")
    wait_for_entry(cache)
    warm = [ansinh(root, cache, *command) for command in commands]
    assert all(not read for _, _, read in warm)
    assert [output[:2] for output in warm] == [output[:2] for output in cold]
