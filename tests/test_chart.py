"""``ansinh chart`` (SPEC 10): each target of an indicator drawn in the terminal, readable without
colour and within 80 columns, its target and baseline named on the axis and in the legend."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import REPO, run_cli


def chart(*args: str, columns: int = 80, lang: str = "en") -> subprocess.CompletedProcess[str]:
    """The real command in a process, as a terminal of ``columns`` would run it."""
    env = {
        **os.environ,
        "COLUMNS": str(columns),
        "NO_COLOR": "1",
        "ANSINH_LANG": lang,
        "ANSINH_ROOT": str(REPO),
        "ANSINH_NO_CACHE": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "ansinh", "chart", *args], capture_output=True, text=True, env=env, check=False
    )


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_each_target_drawn_within_the_width(columns: int, lang: str) -> None:
    run = chart("beds-per-10k", "--as-of", "2022H1", columns=columns, lang=lang)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert "\x1b[" not in run.stdout, "NO_COLOR: no escape codes"
    target, baseline = ("mục tiêu 30", "kỳ gốc 27,5") if lang == "vi" else ("target 30", "baseline 27.5")
    assert target in run.stdout and baseline in run.stdout
    axis = [line for line in lines if "┤" in line]
    assert any(line.split("┤")[0].strip() == "30" for line in axis), "the target is named on the axis"
    assert any(line.split("┤")[0].strip() == ("27,5" if lang == "vi" else "27.5") for line in axis)
    assert any(set(line.split("┤", 1)[1]) <= {"═", "│"} for line in axis), "the target line"
    assert run.stdout.count("◆") >= 2  # each level target's baseline, and the legend
    heading = "Số giường bệnh trên vạn dân — Hà Nội" if lang == "vi" else "Hospital beds per 10,000 population — Hà Nội"
    assert heading in run.stdout


def test_a_trend_is_drawn_with_its_own_characters() -> None:
    run = chart("doctors-per-10k", "--as-of", "2024", "--area", "hanoi")
    assert run.returncode == 0, run.stderr
    out = run.stdout
    for mark in ("●", "◆", "·", "-", "═", "│", "△"):
        assert mark in out, mark
    assert "trend to the deadline: projected 14.75" in out
    assert "latest 14 (2023H1)" in out
    years = next(line for line in out.splitlines() if "2022" in line and "2025" in line)
    assert years.index("2022") < years.index("2023") < years.index("2024") < years.index("2025")


def test_a_flow_target_gets_a_bar() -> None:
    run = chart("vocational-trainees", "--as-of", "2024")
    assert run.returncode == 0, run.stderr
    assert max(len(line) for line in run.stdout.splitlines()) <= 80
    run = run_cli("chart", "vocational-trainees", "--as-of", "2024", "--root", str(REPO))
    assert run.exit_code == 0, run.stderr
    assert "720,493 trainees (2021/2023): 106.7397% of the target" in run.stdout
    assert "█" in run.stdout  # 100 × 720,493 ÷ 675,000 = 106.73970…


def test_unknown_indicator_and_bad_period_exit_2() -> None:
    run = run_cli("chart", "beds-per-10", "--root", str(REPO))
    assert run.exit_code == 2
    assert "beds-per-10k" in run.stderr and "Traceback" not in run.stderr
    assert run_cli("chart", "beds-per-10k", "--as-of", "2022X", "--root", str(REPO)).exit_code == 2
    assert run_cli("chart", "beds-per-10k", "--area", "nowhere", "--root", str(REPO)).exit_code == 2


def test_help_lists_the_chart_command() -> None:
    run = run_cli("--help")
    assert "chart" in run.stdout


@pytest.mark.parametrize("method", ["linear", "cagr"])
def test_every_shipped_target_fits_80_columns_at_any_date(method: str) -> None:
    from ansinh import api
    from ansinh.render.terminal_chart import chart_lines

    project = api.load(REPO, warnings=False)
    for period in ("2010", "2020", "2022H1", "2024", "2031"):
        day = api.as_of_date(period)
        rows = api.report(project, day, method=method)
        document = api.report_document(project, "report", day, "", rows, method=method)
        for lang in ("vi", "en"):
            for row in rows:
                for line in chart_lines(document, row, lang, 80):  # type: ignore[arg-type]
                    assert sum(len(text) for text, _style in line) <= 80, (period, row.indicator.id, line)
