"""Shared helpers: example projects built from files, and the CLI driven end to end."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ansinh.cli.app import app

EXAMPLES = Path(__file__).parent / "examples"
BASE = EXAMPLES / "base"
REPO = Path(__file__).parent.parent


@dataclass
class Run:
    """What a command printed and how it exited."""

    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> dict:
        return json.loads(self.stdout)


def pytest_configure(config: pytest.Config) -> None:
    """Commands the tests start keep their cache apart from the user's (tests/test_cache.py
    tests the cache itself)."""
    os.environ["ANSINH_CACHE_DIR"] = tempfile.mkdtemp(prefix="ansinh-test-cache-")


def run_cli(*args: str, env: dict[str, str] | None = None) -> Run:
    """Run ``ansinh`` in-process, without the cache (which a command writes as it exits); an
    unexpected exception fails the test instead of hiding."""
    environment = {"ANSINH_LANG": "en", "GITHUB_ACTIONS": "", "ANSINH_ROOT": "", "ANSINH_NO_CACHE": "1"}
    environment.update(env or {})
    result = CliRunner().invoke(app, list(args), env=environment, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def cli() -> Callable[..., Run]:
    return run_cli


def build_project(destination: Path, *overlays: Path, files: dict[str, str] | None = None) -> Path:
    """The base example project, with the files of each overlay folder and ``files`` on top."""
    shutil.copytree(BASE, destination)
    for overlay in overlays:
        for source in overlay.rglob("*"):
            if source.is_file() and source.name != "expected.yaml":
                target = destination / source.relative_to(overlay)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
    for name, text in (files or {}).items():
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return destination


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    """``project(files={...})`` -> a copy of the base example with those files replaced."""

    def make(*overlays: Path, files: dict[str, str] | None = None) -> Path:
        return build_project(tmp_path / "project", *overlays, files=files)

    return make
