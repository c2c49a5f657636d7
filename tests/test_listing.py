"""The listing of a project folder: every entry is read or named, and a folder that cannot be
read is a located error, never a crash (exit 70) and never a silently empty project."""

from __future__ import annotations

import ctypes
import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import ansinh.files.listing
from ansinh.files import cache
from ansinh.files.limits import LIMITS
from ansinh.files.listing import list_project
from ansinh.files.loader import load_project
from conftest import BASE, REPO, run_cli

EXTRA_OBSERVATION = "indicator,area,period,value,count,source\npoor-rate,hanoi,2024,1.9,,linked file\n"


def odd_project(root: Path) -> Path:
    """The base example with every kind of entry that is not read, and some that stay silent."""
    shutil.copytree(BASE, root)
    (root / "targets" / "old").mkdir()
    shutil.copyfile(root / "targets" / "plan-a.yaml", root / "targets" / "old" / "plan-a.yaml")
    (root / "targets" / "notes.md").write_text("# notes\n", encoding="utf-8")
    (root / "data" / "2024").mkdir()
    shutil.copyfile(root / "data" / "observations.csv", root / "data" / "2024" / "observations.csv")
    (root / "data" / "notes.txt").write_text("to do\n", encoding="utf-8")
    (root / "data" / "y-te.xls").write_bytes(b"\xd0\xcf\x11\xe0")  # an old Excel file: .xlsx is read
    (root / "data" / "gone.csv").symlink_to(root / "nowhere.csv")
    (root / "data" / "bases" / "readme.md").write_text("sources\n", encoding="utf-8")
    (root / "data" / "bases" / "old").mkdir()
    # A link to a real file is read as the file.
    (root / "elsewhere").mkdir()
    (root / "elsewhere" / "extra.csv").write_text(EXTRA_OBSERVATION, encoding="utf-8")
    (root / "data" / "linked.csv").symlink_to(root / "elsewhere" / "extra.csv")
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "data" / "pipe.csv")
    # Hidden, lock, backup and system files stay silent.
    for name in (".gitkeep", ".DS_Store", ".~lock.observations.csv#", "~$y-te.xlsx", "observations.csv~", "Thumbs.db"):
        (root / "data" / name).write_text("x", encoding="utf-8")
    (root / "targets" / ".plan-a.yaml.swp").write_text("x", encoding="utf-8")
    (root / "targets" / "#plan-a.yaml#").write_text("x", encoding="utf-8")
    return root


EXPECTED = {
    "targets/old/": "ansinh reads only the plans directly in targets/",
    "targets/notes.md": "not a plan file",
    "data/2024/": "ansinh reads only data/*.csv, data/*.xlsx and the same in data/bases/; move the files up",
    "data/notes.txt": "not an observation file: ansinh reads only .csv",
    "data/y-te.xls": "save it as an Excel Workbook (.xlsx",
    "data/gone.csv": "the link points to nothing",
    "data/bases/readme.md": "not a base file",
    "data/bases/old/": "ansinh reads only data/*.csv, data/*.xlsx",
}
if hasattr(os, "mkfifo"):
    EXPECTED["data/pipe.csv"] = "not a regular file"


def test_every_entry_that_is_not_read_is_named(tmp_path: Path) -> None:
    root = odd_project(tmp_path / "project")
    run = run_cli("validate", "--root", str(root), "--format", "json")
    assert run.exit_code == 0
    document = run.json()
    assert document["errors"] == []
    named = {warning["file"]: warning for warning in document["warnings"] if warning["code"] == "file-not-read"}
    assert set(named) == set(EXPECTED)
    for file, words in EXPECTED.items():
        assert words in named[file]["message"], file
    assert run_cli("validate", "--root", str(root), "--strict").exit_code == 1
    text = run_cli("validate", "--root", str(root))
    assert "data/y-te.xls" in text.stderr and "file-not-read" in text.stderr
    github = run_cli("validate", "--root", str(root), "--format", "github").stdout.splitlines()
    assert "::warning file=data/notes.txt::not an observation file" in "\n".join(github)
    assert len([line for line in github if "file-not-read" in line or "not read" in line]) >= 2
    vietnamese = run_cli("validate", "--root", str(root), "--format", "json", "--lang", "vi").json()
    assert any("lưu tệp dạng Sổ làm việc Excel (.xlsx" in warning["message"] for warning in vietnamese["warnings"])
    # The linked file is read: its figure is the latest poor-household rate.
    gap = run_cli("gap", "poor-rate", "--root", str(root), "--as-of", "2024", "--format", "json")
    assert gap.exit_code == 0
    assert gap.json()["rows"][0]["current"]["value"] == 1.9


def test_the_listing_warnings_are_part_of_every_load(tmp_path: Path) -> None:
    root = odd_project(tmp_path / "project")
    for warnings in (True, False):
        project = load_project(root, warnings=warnings)
        assert not project.errors
        assert {problem.file for problem in project.warnings if problem.code == "file-not-read"} == set(EXPECTED)
    listing = list_project(root)
    assert listing.observations == ["data/linked.csv", "data/observations.csv"]
    assert listing.bases == ["data/bases/population.csv"]


def test_a_missing_data_folder_is_one_warning(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(BASE, root)
    shutil.rmtree(root / "data")
    document = run_cli("validate", "--root", str(root), "--format", "json").json()
    found = [warning for warning in document["warnings"] if warning["code"] == "no-data-folder"]
    assert [warning["file"] for warning in found] == ["data/"]
    assert "no data/ folder" in found[0]["message"]
    assert not [problem for problem in document["errors"] if problem["file"] and problem["file"].startswith("data")]


def test_a_folder_that_cannot_be_listed_is_a_located_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "project"
    shutil.copytree(BASE, root)
    listed = os.scandir

    for folder in ("targets", "data", "data/bases"):
        locked = root / folder

        def scandir(path: Any, locked: Path = locked) -> Any:
            if Path(path) == locked:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return listed(path)

        with monkeypatch.context() as patched:
            patched.setattr(ansinh.files.listing.os, "scandir", scandir)
            assert cache.files_key(root, LIMITS) != b""  # the key is computed, not raised
            run = run_cli("validate", "--root", str(root), "--format", "json")
            assert run.exit_code == 1, folder
            unreadable = [error for error in run.json()["errors"] if error["file"] == f"{folder}/"]
            assert [error["code"] for error in unreadable] == ["file-unreadable"]
            assert os.strerror(errno.EACCES) in unreadable[0]["message"]
            if folder != "targets":  # no follow-on "unknown base": the unread folder may declare it
                assert run.json()["errors"] == unreadable
            for command in (["gap", "beds-per-10k"], ["report"]):
                run = run_cli(*command, "--root", str(root))
                assert run.exit_code == 1, (folder, command)
                assert f"{folder}/" in run.stderr and "file-unreadable" in run.stderr


# --- the real thing: a folder at mode 000, read by a process that permissions do stop -------


def _drop_file_capabilities() -> None:
    """In the child, before exec: root without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, whom
    mode 000 stops like anyone else (files the test made are root's, so nothing else changes)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _ways_to_run() -> Iterator[dict[str, Any]]:
    if os.name != "posix":
        return
    if os.geteuid() != 0:
        yield {}  # chmod stops this user already
        return
    if sys.platform == "linux":
        yield {"preexec_fn": _drop_file_capabilities}
    yield {"user": 65534, "group": 65534, "extra_groups": []}  # nobody, where it can run Python


def _way_that_mode_000_stops(folder: Path) -> dict[str, Any] | None:
    probe = folder / "probe"
    probe.mkdir()
    probe.chmod(0o000)
    try:
        for way in _ways_to_run():
            check = [sys.executable, "-c", f"import os; os.listdir({str(probe)!r})"]
            try:
                done = subprocess.run(check, capture_output=True, text=True, check=False, **way)
            except (OSError, subprocess.SubprocessError):
                continue
            if "PermissionError" in done.stderr:  # Python started, and the folder stopped it
                return way
        return None
    finally:
        probe.chmod(0o755)
        probe.rmdir()


@pytest.fixture
def unprivileged() -> Iterator[tuple[Path, Callable[..., subprocess.CompletedProcess[str]]]]:
    """A world-readable folder to build a project in, and a way to run ansinh in a fresh process
    that mode 000 does stop, with its cache on; skipped where there is none."""
    folder = Path(tempfile.mkdtemp(prefix="ansinh-unreadable-"))
    folder.chmod(0o755)
    try:
        way = _way_that_mode_000_stops(folder)
        if way is None:
            pytest.skip("no way to run a process that mode 000 stops")
        cache_folder = folder / "cache"
        cache_folder.mkdir(mode=0o700)
        if "user" in way:
            os.chown(cache_folder, way["user"], way["group"])
        env = {key: value for key, value in os.environ.items() if not key.startswith(("ANSINH_", "GITHUB_"))}
        env.update({"ANSINH_LANG": "en", "ANSINH_CACHE_DIR": str(cache_folder), "HOME": str(folder), "NO_COLOR": "1"})

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            command = [sys.executable, "-m", "ansinh", *args]
            return subprocess.run(command, capture_output=True, text=True, env=env, check=False, cwd=folder, **way)

        yield folder, run
    finally:
        for path in folder.rglob("*"):
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("locked", ["targets", "data", "data/bases"])
def test_an_unreadable_folder_ends_in_exit_1_with_its_name_and_reason(
    unprivileged: tuple[Path, Callable[..., subprocess.CompletedProcess[str]]], locked: str
) -> None:
    folder, run = unprivileged
    root = folder / "project"
    shutil.copytree(BASE, root)
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    (root / locked).chmod(0o000)
    try:
        for _ in range(2):  # the cache's turn too: a second run computes the key again
            validated = run("validate", "--root", str(root), "--format", "json")
            assert validated.returncode == 1, validated.stderr
            assert "internal error" not in validated.stderr and "Traceback" not in validated.stderr
            errors = json.loads(validated.stdout)["errors"]
            unreadable = [error for error in errors if error["file"] == f"{locked}/"]
            assert [error["code"] for error in unreadable] == ["file-unreadable"], errors
            assert os.strerror(errno.EACCES) in unreadable[0]["message"]
            for command in (["gap", "beds-per-10k", "--as-of", "2022H1"], ["report", "--period", "2022H1"]):
                done = run(*command, "--root", str(root))
                assert done.returncode == 1, (command, done.stderr)
                assert "internal error" not in done.stderr and "Traceback" not in done.stderr
                assert f"{locked}/" in done.stderr and "cannot read the folder" in done.stderr
                assert done.stdout == ""
    finally:
        (root / locked).chmod(0o755)


def test_the_shipped_data_lists_no_entry_that_is_not_read() -> None:
    assert list_project(REPO).skipped == []
