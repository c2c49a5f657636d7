"""Rich consoles that behave as a command-line tool's output should."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

# Wide enough that nothing is wrapped or cut when the output goes to a file or a pipe.
UNLIMITED_WIDTH = 100_000


def make_console(stream: TextIO | None = None, *, stderr: bool = False) -> Console:
    """A console on stdout or stderr: colour when the stream is a terminal (and NO_COLOR is
    unset), no colour and no wrapping or truncation when it is not."""
    from rich.console import Console

    target = stream if stream is not None else (sys.stderr if stderr else sys.stdout)
    is_terminal = hasattr(target, "isatty") and target.isatty()
    return Console(
        file=target,
        width=None if is_terminal else UNLIMITED_WIDTH,
        no_color=None if is_terminal else True,
        highlight=False,
        emoji=False,
        soft_wrap=not is_terminal,
    )
