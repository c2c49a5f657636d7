"""What a long load has read so far, on stderr: plan files, observation files and rows.

Shown only when stderr is a terminal and the load has already taken a second, so that the
everyday command on a small project prints nothing more and a script's stderr stays clean. The
observations may be read by a second process (``ansinh.parallel``): it counts into memory shared
with the first, which alone draws. Rich is imported only when there is something to draw.
"""

from __future__ import annotations

import mmap
import os
import struct
import sys
import time
from typing import Any, TextIO

from ansinh.language import Lang, format_number, template

_COUNTS = struct.Struct("qqq")  # observation files done, of how many, rows read
SHOW_AFTER_SECONDS = 1.0


class LoadProgress:
    """The loader's progress, drawn once loading has taken ``SHOW_AFTER_SECONDS``."""

    def __init__(self, lang: Lang, stream: TextIO | None = None) -> None:
        self.lang = lang
        self.stream = stream or sys.stderr
        self.enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.started = time.monotonic()
        self.owner = os.getpid()
        self.plans = (0, 0)
        self.shared = mmap.mmap(-1, _COUNTS.size) if self.enabled else None
        self.display: Any = None
        self.tasks: list[Any] = []

    # --- counting: the loader, in whichever process reads ---------------------------------------

    def plans_read(self, done: int, total: int) -> None:
        self.plans = (done, total)
        self.tick()

    def rows_read(self, files_done: int, files_total: int, rows: int) -> None:
        if self.shared is not None:
            self.shared[:] = _COUNTS.pack(files_done, files_total, rows)
        self.tick()

    # --- drawing: the first process only ---------------------------------------------------------

    def tick(self) -> None:
        if not self.enabled or os.getpid() != self.owner:
            return
        if self.display is None:
            if time.monotonic() - self.started < SHOW_AFTER_SECONDS:
                return
            self._start()
        files_done, files_total, rows = _COUNTS.unpack(self.shared[:]) if self.shared is not None else (0, 0, 0)
        plans_done, plans_total = self.plans
        self.display.update(self.tasks[0], completed=plans_done, total=plans_total or None)
        rows_text = template("progress.rows", self.lang).format(rows=format_number(rows, self.lang))
        self.display.update(self.tasks[1], completed=files_done, total=files_total or None, rows=rows_text)
        self.display.refresh()

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

        # Refreshed by the loader's calls, not by a thread: a thread and fork() do not mix.
        self.display = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rows]}"),
            console=Console(file=self.stream),
            auto_refresh=False,
            transient=True,
        )
        self.display.start()
        self.tasks = [
            self.display.add_task(template("progress.plans", self.lang), total=None, rows=""),
            self.display.add_task(template("progress.observations", self.lang), total=None, rows=""),
        ]

    def close(self) -> None:
        if self.display is not None and os.getpid() == self.owner:
            self.display.stop()
            self.display = None
