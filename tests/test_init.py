"""``ansinh init``: an example project that validates, written all or nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ansinh import scaffold
from conftest import run_cli


def test_init_then_validate_is_green(tmp_path: Path) -> None:
    run = run_cli("init", str(tmp_path / "new"))
    assert run.exit_code == 0
    written = {Path(line).relative_to(tmp_path / "new").as_posix() for line in run.stdout.splitlines()}
    assert {"targets/indicators.yaml", "targets/areas.yaml", "targets/example-plan.yaml"} <= written
    assert {"data/observations.csv", "data/bases/population.csv", ".ansinh/schema/plan.json"} <= written
    assert run_cli("validate", "--root", str(tmp_path / "new"), "--strict").exit_code == 0
    report = run_cli("report", "--root", str(tmp_path / "new"), "--period", "2022H1", "--format", "json").json()
    assert report["rows"][0]["shortfall"] == 4204


def test_init_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "targets").mkdir()
    (tmp_path / "targets" / "areas.yaml").write_text("mine\n", encoding="utf-8")
    run = run_cli("init", str(tmp_path))
    assert run.exit_code == 2 and "targets/areas.yaml" in run.stderr
    assert (tmp_path / "targets" / "areas.yaml").read_text(encoding="utf-8") == "mine\n"
    assert sorted(path.name for path in tmp_path.rglob("*") if path.is_file()) == ["areas.yaml"]


def test_an_interrupted_init_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_link = os.link
    calls = []

    def interrupted(source: str, target: str) -> None:
        calls.append(target)
        if len(calls) == 3:
            raise KeyboardInterrupt
        real_link(source, target)

    monkeypatch.setattr(scaffold.os, "link", interrupted)
    with pytest.raises(KeyboardInterrupt):
        scaffold.create_project(tmp_path / "p")
    assert [path for path in (tmp_path / "p").rglob("*") if path.is_file()] == []


def test_init_into_the_current_folder_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli("init").exit_code == 0
    assert (tmp_path / "targets" / "example-plan.yaml").is_file()
    assert run_cli("validate").exit_code == 0
