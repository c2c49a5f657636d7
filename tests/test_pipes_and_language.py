"""A command whose reader stops early, and messages in the reader's language from the first one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli
from test_fast_paths import generated_root

ANSINH = [sys.executable, "-m", "ansinh"]


@pytest.fixture(scope="module")
def large_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report far longer than a pipe's buffer (64 KiB), so that the reader leaves mid-way."""
    return generated_root(tmp_path_factory.mktemp("pipes") / "root", scale=0.01)


def first_line_then_leave(args: list[str], root: Path) -> tuple[bytes, int]:
    env = {**os.environ, "ANSINH_NO_CACHE": "1", "ANSINH_LANG": "en", "ANSINH_ROOT": str(root)}
    process = subprocess.Popen([*ANSINH, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    line = process.stdout.readline()
    process.stdout.close()  # as `head -1` does
    error = process.stderr.read()
    return line + b"|" + error, process.wait(timeout=120)


@pytest.mark.parametrize("output", ["json", "csv", "table"])
def test_a_reader_that_leaves_early_is_not_a_file_error(large_root: Path, output: str) -> None:
    """`ansinh report | head -1` exited 1, the code for "the files have errors"."""
    printed, code = first_line_then_leave(["report", "--period", "2024H2", "--format", output], large_root)
    assert code == 0, printed
    assert b"Traceback" not in printed and b"internal error" not in printed


def test_fail_on_still_decides_the_exit_when_the_reader_leaves(large_root: Path) -> None:
    full = subprocess.run(
        [*ANSINH, "report", "--period", "2024H2", "--format", "json", "--fail-on", "off_track"],
        capture_output=True,
        env={**os.environ, "ANSINH_NO_CACHE": "1", "ANSINH_ROOT": str(large_root)},
        check=False,
    )
    assert full.returncode == 3 and len(full.stdout) > 65536
    _printed, code = first_line_then_leave(
        ["report", "--period", "2024H2", "--format", "json", "--fail-on", "off_track"], large_root
    )
    assert code == 3


def test_no_project_folder_is_said_in_the_chosen_language(tmp_path: Path) -> None:
    env = {"ANSINH_ROOT": ""}
    english = run_cli("--root", str(tmp_path), "validate", env=env)
    assert english.exit_code == 2 and "no targets/ folder" in english.stderr
    vietnamese = run_cli("--lang", "vi", "validate", "--root", str(tmp_path), env=env)
    assert vietnamese.exit_code == 2
    assert "không có thư mục targets/" in vietnamese.stderr, vietnamese.stderr
    cwd = Path.cwd()
    try:
        os.chdir(tmp_path)
        upwards = run_cli("--lang", "vi", "report", env=env)
    finally:
        os.chdir(cwd)
    assert upwards.exit_code == 2 and "không tìm thấy thư mục dự án" in upwards.stderr, upwards.stderr
