"""Boxed text tables, drawn directly.

Rich lays a table out cell by cell through its renderables, which takes a minute for the ninety
thousand rows of a national report; this draws the same boxes in a second. Columns keep their
alignment with Vietnamese (and any other) text, since widths are counted in terminal cells; in a
terminal, wide tables are folded to fit and statuses are coloured, and when the output is a file
or a pipe nothing is folded, cut or coloured.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

# Characters that do not take exactly one terminal cell: combining marks, zero-width ones, and
# the wide scripts. Text without any of them is as wide as it is long.
_NOT_ONE_CELL = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
    "\u1100-\u115f\u1ab0-\u1aff\u1dc0-\u1dff\u200b-\u200f\u20d0-\u20ff\u2e80-\u303e\u3041-\u33ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe00-\ufe0f\ufe20-\ufe2f"
    "\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U0001f300-\U0001faff\U00020000-\U0003fffd]"
)
STYLES = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "cyan": "36",
    "bold red": "1;31",
    "bold green": "1;32",
}


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes."""
    if text.isascii() or not _NOT_ONE_CELL.search(text):
        return len(text)
    width = 0
    for char in text:
        if unicodedata.combining(char) or "\u200b" <= char <= "\u200f":
            continue
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return width


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its heading (lines separated by newlines), alignment, and whether its text may
    be folded onto more lines to fit a terminal."""

    heading: str
    right: bool = False
    foldable: bool = True


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell's text (lines separated by newlines) and the style of each line."""

    text: str
    styles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Output:
    """Where a table goes: whether to colour it, and the width to fit it in (None: any)."""

    stream: TextIO
    color: bool
    width: int | None

    @classmethod
    def to(cls, stream: TextIO) -> Output:
        """Colour and folding when ``stream`` is a terminal (and NO_COLOR is not set)."""
        terminal = hasattr(stream, "isatty") and stream.isatty()
        if not terminal:
            return cls(stream, False, None)
        try:
            width = os.get_terminal_size(stream.fileno()).columns
        except (OSError, ValueError, AttributeError):
            width = int(os.environ.get("COLUMNS", "100"))
        return cls(stream, "NO_COLOR" not in os.environ, width)

    def styled(self, text: str, style: str) -> str:
        if not self.color or not style or not text:
            return text
        return f"\x1b[{STYLES.get(style, '0')}m{text}\x1b[0m"

    def line(self, text: str = "", style: str = "") -> None:
        self.stream.write(self.styled(text, style) + "\n")


def draw(
    output: Output, columns: Sequence[Column], rows: Sequence[Sequence[Cell | str]], *, lines: bool = False
) -> None:
    """Write a boxed table: a heading row, then the rows, with rules between rows if ``lines``."""
    heading = [_prepare(Cell(column.heading), bold=True) for column in columns]
    body = [[_prepare(cell if isinstance(cell, Cell) else Cell(cell)) for cell in row] for row in rows]
    widths = [max(width for _, _, width in block) for block in heading]
    for row in body:
        for index, block in enumerate(row):
            for _, _, width in block:
                widths[index] = max(widths[index], width)
    if output.width is not None:
        widths = _fit(widths, columns, output.width)
        heading = [_folded(block, width) for block, width in zip(heading, widths, strict=True)]
        body = [[_folded(block, width) for block, width in zip(row, widths, strict=True)] for row in body]
    right = [column.right for column in columns]
    write = output.stream.write
    write("┏" + "┳".join("━" * (width + 2) for width in widths) + "┓\n")
    _row(output, heading, right, widths, "┃", bottom=True)
    write("┡" + "╇".join("━" * (width + 2) for width in widths) + "┩\n")
    rule = "├" + "┼".join("─" * (width + 2) for width in widths) + "┤\n"
    for number, row in enumerate(body):
        if lines and number:
            write(rule)
        _row(output, row, right, widths, "│")
    write("└" + "┴".join("─" * (width + 2) for width in widths) + "┘\n")


Block = list[tuple[str, str, int]]  # a cell's lines: text, style, width in cells


def _prepare(cell: Cell, *, bold: bool = False) -> Block:
    lines = cell.text.split("\n")
    styles = cell.styles
    return [
        (line, styles[number] if number < len(styles) else ("bold" if bold else ""), cell_width(line))
        for number, line in enumerate(lines)
    ]


def _folded(block: Block, width: int) -> Block:
    if all(taken <= width for _, _, taken in block):
        return block
    return [(piece, style, cell_width(piece)) for line, style, _ in block for piece in _fold(line, width)]


def _row(
    output: Output, row: list[Block], right: list[bool], widths: list[int], bar: str, *, bottom: bool = False
) -> None:
    """One table row, several lines if a cell has several; with ``bottom`` (a heading) shorter
    cells sit at the bottom, next to the rule."""
    height = max(len(block) for block in row)
    styled = output.styled if output.color else None
    for line_number in range(height):
        parts = []
        for block, is_right, width in zip(row, right, widths, strict=True):
            index = line_number - (height - len(block) if bottom else 0)
            text, style, taken = block[index] if 0 <= index < len(block) else ("", "", 0)
            if styled is not None and style:
                text = styled(text, style)
            padding = " " * (width - taken)
            parts.append(f" {padding}{text} " if is_right else f" {text}{padding} ")
        output.stream.write(bar + bar.join(parts) + bar + "\n")


def _fold(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells: broken between words where it can be,
    inside a word where it must."""
    if cell_width(text) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if cell_width(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while cell_width(word) > width:
            cut = _cut(word, width)
            lines.append(word[:cut])
            word = word[cut:]  # noqa: PLW2901 - the rest of the word, folded in turn
        current = word
    if current:
        lines.append(current)
    return lines or [""]


def _cut(word: str, width: int) -> int:
    taken = 0
    for index, char in enumerate(word):
        taken += cell_width(char)
        if taken > width:
            return max(1, index)
    return len(word)


def _fit(widths: list[int], columns: Sequence[Column], available: int) -> list[int]:
    """Narrow the foldable columns, widest first, until the table fits ``available`` cells."""
    widths = list(widths)
    frame = 3 * len(widths) + 1  # a bar and two spaces around each cell, and the last bar
    minimum = 6
    while sum(widths) + frame > available:
        candidates = [index for index, column in enumerate(columns) if widths[index] > minimum]
        foldable = [index for index in candidates if columns[index].foldable] or candidates
        if not foldable:
            break
        widest = max(foldable, key=lambda index: widths[index])
        widths[widest] -= 1
    return widths


def console_output(stderr: bool = False) -> Output:
    return Output.to(sys.stderr if stderr else sys.stdout)
