"""What people read in a terminal (issue 12): warnings grouped by kind, -v and -q, the rows that
trigger --fail-on named, tables that never break a word, cards under 100 columns, the progress
bar labelled, no yearly pace for a target whose deadline has passed."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios

import pytest

from ansinh.render.terminal_table import cell_width
from conftest import REPO, run_cli


def shipped(*args: str, env: dict[str, str] | None = None):
    return run_cli(*args, "--root", str(REPO), env=env)


def test_warnings_are_grouped_by_kind_with_the_targets_named_once() -> None:
    run = shipped("report", "--period", "2024H1", "--plan", "hanoi-08-ctr-tu")
    assert run.exit_code == 0
    lines = run.stderr.splitlines()
    # Hà Nội's beds: the seed's count disagrees with the base, and the figure is two years old.
    assert lines[0] == "2 warnings on 1 target (-v shows each in full, -q none):"
    assert "  Count and rate disagree [count-rate-mismatch] ×1: hanoi-08-ctr-tu (hanoi): beds-per-10k" in lines
    assert "  Stale observation [stale-observation] ×1: hanoi-08-ctr-tu (hanoi): beds-per-10k" in lines
    assert len(lines) == 5  # the heading, two kinds, and the one message of each


def test_many_warnings_of_one_kind_are_one_line() -> None:
    run = shipped("report", "--period", "2026")
    stale = next(line for line in run.stderr.splitlines() if "[stale-observation]" in line)
    # 19 stale rows, the first 8 named and the rest counted
    assert "×19:" in stale and stale.endswith("and 11 more")
    assert len(run.stderr.splitlines()) < 10


def test_verbose_lists_each_warning_and_quiet_none() -> None:
    verbose = shipped("report", "--period", "2024H1", "--plan", "hanoi-08-ctr-tu", "-v")
    assert verbose.stderr.splitlines() == [
        "warning: hanoi-08-ctr-tu · beds-per-10k · hanoi: [count-rate-mismatch] 22,796 beds at 27.5 per 10,000 "
        "implies 8,274,410–8,304,554 people; the population base for 2022 is 8,526,831.5 (interpolated)",
        "warning: hanoi-08-ctr-tu · beds-per-10k · hanoi: [stale-observation] the figure used is for 2022-06-30, "
        "24 months before 2024-06-30: newer data may change the picture",
    ]
    quiet = shipped("report", "--period", "2024H1", "-q")
    assert quiet.exit_code == 0 and quiet.stderr == "" and "Achieved 2 of 23" in quiet.stdout
    both = shipped("report", "-v", "-q")
    assert both.exit_code == 2 and "--quiet" in both.stderr


def test_fail_on_names_the_rows_that_triggered_it() -> None:
    run = shipped("report", "--period", "2024H1", "--fail-on", "needs_acceleration", "-q")
    assert run.exit_code == 3
    lines = run.stderr.splitlines()
    # needs acceleration or worse at 2024H1: the doctors (0.81), and the 16 targets with no data
    assert lines[0] == "--fail-on needs_acceleration: 17 targets at needs acceleration or worse, exit 3:"
    assert "  hanoi-08-ctr-tu · doctors-per-10k · hanoi: needs acceleration" in lines
    assert len(lines) == 1 + 17  # all named: fewer than NAMED_FAILING
    vietnamese = shipped("report", "--period", "2024H1", "--fail-on", "off_track", "--lang", "vi", "-q")
    assert vietnamese.stderr.startswith("--fail-on off_track: 16 chỉ tiêu ở mức chậm tiến độ hoặc kém hơn")


def test_a_missed_target_shows_no_pace_a_year() -> None:
    # By 2026 Hà Nội's beds target (2025) is missed: 27.5 against 30. JSON keeps SPEC 3's figures.
    markdown = shipped("gap", "beds-per-10k", "--as-of", "2026", "--plan", "hanoi-08-ctr-tu", "--format", "markdown")
    row = next(line for line in markdown.stdout.splitlines() if line.startswith("| Hà Nội"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    headings = [cell.strip() for cell in markdown.stdout.splitlines()[2].strip("|").split("|")]
    figures = dict(zip(headings, cells, strict=True))
    assert figures["Status"] == "missed"
    assert figures["Needed a year"] == "—" and figures["Shortfall a year"] == "—"
    assert figures["Shortfall"] == "4,204 beds"
    document = shipped("gap", "beds-per-10k", "--as-of", "2026", "--plan", "hanoi-08-ctr-tu", "--format", "json")
    assert document.json()["rows"][0]["shortfall_per_year"] == 1202


def test_the_status_shows_the_ratio_that_decided_it() -> None:
    run = shipped("gap", "doctors-per-10k", "--as-of", "2024H1", "--plan", "hanoi-08-ctr-tu", "--format", "markdown")
    # (14 − 13.7) / ((15 − 13.7) · 12/42) = 0.8077: needs acceleration; 0.3 of 1.3 of the way = 23%
    assert "| 23% | needs acceleration · 0.81 |" in run.stdout
    assert "Of the way" in run.stdout


def in_terminal(columns: int, *args: str) -> str:
    """What ``ansinh`` prints on a terminal of ``columns`` columns (a pseudo-terminal)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {**os.environ, "NO_COLOR": "1", "ANSINH_LANG": "en", "ANSINH_NO_CACHE": "1", "COLUMNS": str(columns)}
    process = subprocess.Popen(
        [sys.executable, "-m", "ansinh", "--root", str(REPO), *args],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_terminal_never_breaks_a_word(columns: int, lang: str) -> None:
    text = in_terminal(columns, "report", "--period", "2024H1", "--lang", lang)
    assert ("Hospital beds" if lang == "en" else "Số giường bệnh") in text
    for line in text.splitlines():
        assert cell_width(line) <= columns, line
    # Every word of every figure is whole on one line: the indicator names and the paces.
    words = set(re.findall(r"\S+", text))
    for whole in ("0.7143/10,000/yr", "0,7143/10.000/năm", "population", "acceleration", "(2022H1)"):
        pieces = [word for word in words if word != whole and len(word) > 2 and whole.startswith(word)]
        assert not pieces, (whole, pieces)


def test_under_100_columns_each_target_is_a_card() -> None:
    text = in_terminal(80, "report", "--period", "2024H1", "--plan", "hanoi-08-ctr-tu")
    assert "┏" not in text  # no table
    assert "Doctors per 10,000 population — Hà Nội" in text
    assert "  needs acceleration · 0.81 — Of the way: ██░░░░░░ 23%" in text
    assert "  Shortfall: 1,092 doctors · 437 doctors/yr" in text
    wide = in_terminal(160, "report", "--period", "2024H1", "--plan", "hanoi-08-ctr-tu")
    assert "┏" in wide and "needs acceleration · 0.81" in wide
