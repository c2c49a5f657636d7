"""The progress display of a long load: on a terminal only, and only once loading is slow."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import ansinh.files.loader
import ansinh.render.progress
from ansinh.files.loader import load_project
from ansinh.render.progress import LoadProgress
from conftest import REPO


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("worker", [True, False])
def test_a_slow_load_shows_files_and_rows_read(monkeypatch: pytest.MonkeyPatch, worker: bool) -> None:
    monkeypatch.setattr(ansinh.render.progress, "SHOW_AFTER_SECONDS", 0.0)  # every load is slow
    monkeypatch.setattr(ansinh.files.loader, "WORKER_THRESHOLD_BYTES", 0 if worker else 1 << 40)
    screen = Terminal()
    progress = LoadProgress("en", screen)
    load_project(REPO, progress=progress)
    progress.close()
    shown = screen.getvalue()
    assert "Plan files" in shown and "Observation files" in shown
    plans = len(list((REPO / "targets").glob("*.yaml"))) - 2  # not the catalogue and the areas
    files = sorted((REPO / "data").glob("*.csv"))
    rows = sum(len(file.read_text(encoding="utf-8").strip().split("\n")) - 1 for file in files)
    assert f"{plans}/{plans}" in shown and f"{len(files)}/{len(files)}" in shown and f"{rows} rows" in shown


def test_vietnamese_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ansinh.render.progress, "SHOW_AFTER_SECONDS", 0.0)
    screen = Terminal()
    progress = LoadProgress("vi", screen)
    load_project(REPO, progress=progress)
    progress.close()
    assert "Tệp kế hoạch" in screen.getvalue() and "dòng" in screen.getvalue()


def test_quiet_when_quick_or_not_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    quick = Terminal()
    progress = LoadProgress("en", quick)
    load_project(REPO, progress=progress)  # far under a second
    progress.close()
    assert quick.getvalue() == ""
    monkeypatch.setattr(ansinh.render.progress, "SHOW_AFTER_SECONDS", 0.0)
    piped = io.StringIO()
    progress = LoadProgress("en", piped)
    load_project(REPO, progress=progress)
    progress.close()
    assert piped.getvalue() == ""
