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
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
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


# A cell: its lines of text and the style of each ('' for none; missing ones are ''). Plain
# tuples, so that the cells of a national report pass between processes quickly.
Cell = tuple[tuple[str, ...], tuple[str, ...]]


def cell(text: str, *styles: str) -> Cell:
    """A cell of ``text``, its lines separated by newlines."""
    return tuple(text.split("\n")), styles


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


def draw(output: Output, columns: Sequence[Column], rows: Sequence[Sequence[Cell]], *, lines: bool = False) -> None:
    """Write a boxed table: a heading row, then the rows, with rules between rows if ``lines``."""
    heading = [_block(tuple(column.heading.split("\n")), (), "bold") for column in columns]
    right = [column.right for column in columns]
    widths = [max(block.widths) for block in heading]
    if not output.color and output.width is None:
        height = _plain_height(rows, widths)
        if height is not None:
            _frame(output, heading, right, widths, _plain_rows(rows, right, widths, height), lines)
            return
    body = [[_block(*cell, "") for cell in row] for row in rows]
    for index in range(len(columns)):
        widths[index] = max(widths[index], max((max(row[index].widths) for row in body), default=0))
    if output.width is not None:
        widths = _fit(widths, columns, output.width, _longest_words(heading, body))
        heading = [block.folded(width) for block, width in zip(heading, widths, strict=True)]
        body = [[block.folded(width) for block, width in zip(row, widths, strict=True)] for row in body]
    _frame(output, heading, right, widths, [_row(output, row, right, widths, "│") for row in body], lines)


def _frame(
    output: Output, heading: list[_Block], right: list[bool], widths: list[int], rows: list[str], lines: bool
) -> None:
    """The heading, the rows already drawn, and the box around them."""
    write = output.stream.write
    write("┏" + "┳".join("━" * (width + 2) for width in widths) + "┓\n")
    write(_row(output, heading, right, widths, "┃", bottom=True))
    write("┡" + "╇".join("━" * (width + 2) for width in widths) + "┩\n")
    rule = "├" + "┼".join("─" * (width + 2) for width in widths) + "┤\n"
    write_joined(output.stream, rule if lines else "", rows)
    write("└" + "┴".join("─" * (width + 2) for width in widths) + "┘\n")


def write_joined(stream: TextIO, separator: str, pieces: Sequence[str], chunk: int = 1024) -> None:
    """``stream.write(separator.join(pieces))`` a chunk at a time: a national report's text is
    tens of megabytes, and one string of it (and its encoded copy) costs more than its writing."""
    for start in range(0, len(pieces), chunk):
        if start:
            stream.write(separator)
        stream.write(separator.join(pieces[start : start + chunk]))


# Rows are drawn the plain way in chunks, small enough to stay in the CPU cache.
_PLAIN_CHUNK = 2048


def _plain_height(rows: Sequence[Sequence[Cell]], widths: list[int]) -> int | None:
    """The number of lines of every cell, if the rows can be drawn by ``str.format`` — every
    cell one line, or every cell two, each as wide as it is long — widening ``widths`` to fit
    them; ``None`` if not. Nothing is coloured or folded then, and the work is done a column at
    a time rather than a cell at a time: ninety thousand rows draw in a fraction of a second."""
    count, height = len(widths), None
    for start in range(0, len(rows), _PLAIN_CHUNK):
        texts = list(map(itemgetter(0), chain.from_iterable(rows[start : start + _PLAIN_CHUNK])))
        sizes = set(map(len, texts))
        if len(texts) != count * min(_PLAIN_CHUNK, len(rows) - start) or len(sizes) != 1:
            return None
        size = sizes.pop()
        height = size if height is None else height
        if size != height or height > 2:
            return None
        for index in range(count):
            column = texts[index::count]
            for line in range(height):
                parts = list(map(itemgetter(line), column))
                joined = "".join(parts)
                if "\n" in joined or not (joined.isascii() or not _NOT_ONE_CELL.search(joined)):
                    return None
                widths[index] = max(widths[index], *map(len, parts))
    return height if height is not None else 1


def _plain_rows(rows: Sequence[Sequence[Cell]], right: list[bool], widths: list[int], height: int) -> list[str]:
    count = len(widths)
    # One format for a whole row: its lines, each cell padded to its column's width.
    template = "".join(
        "│"
        + "│".join(
            f" {{{line * count + index}:{'>' if is_right else '<'}{width}}} "
            for index, (is_right, width) in enumerate(zip(right, widths, strict=True))
        )
        + "│\n"
        for line in range(height)
    )
    drawn: list[str] = []
    for start in range(0, len(rows), _PLAIN_CHUNK):
        texts = list(map(itemgetter(0), chain.from_iterable(rows[start : start + _PLAIN_CHUNK])))
        columns = [list(map(itemgetter(line), texts[index::count])) for line in range(height) for index in range(count)]
        drawn += map(template.format, *columns)
    return drawn


class _Block:
    """A cell's lines, the style and width (in terminal cells) of each."""

    __slots__ = ("lines", "styles", "widths")

    def __init__(self, lines: list[str], styles: list[str], widths: list[int]) -> None:
        self.lines = lines
        self.styles = styles
        self.widths = widths

    def folded(self, width: int) -> _Block:
        if all(taken <= width for taken in self.widths):
            return self
        lines: list[str] = []
        styles: list[str] = []
        for line, style in zip(self.lines, self.styles, strict=True):
            pieces = fold(line, width)
            lines += pieces
            styles += [style] * len(pieces)
        return _Block(lines, styles, [cell_width(line) for line in lines])


def _block(lines: tuple[str, ...], styles: tuple[str, ...], default: str) -> _Block:
    if len(styles) < len(lines):
        styles = (*styles, *[default] * (len(lines) - len(styles)))
    text = "".join(lines)
    widths = list(map(len, lines)) if text.isascii() or not _NOT_ONE_CELL.search(text) else list(map(cell_width, lines))
    return _Block(list(lines), list(styles[: len(lines)]), widths)


def _row(
    output: Output, row: list[_Block], right: list[bool], widths: list[int], bar: str, *, bottom: bool = False
) -> str:
    """One table row, several lines if a cell has several; with ``bottom`` (a heading) shorter
    cells sit at the bottom, next to the rule."""
    height = max(len(block.lines) for block in row)
    styled = output.styled if output.color else None
    text = []
    for line_number in range(height):
        parts = []
        for block, is_right, width in zip(row, right, widths, strict=True):
            index = line_number - (height - len(block.lines) if bottom else 0)
            if 0 <= index < len(block.lines):
                line, taken = block.lines[index], block.widths[index]
                if styled is not None and block.styles[index]:
                    line = styled(line, block.styles[index])
            else:
                line, taken = "", 0
            padding = " " * (width - taken)
            parts.append(f" {padding}{line} " if is_right else f" {line}{padding} ")
        text.append(bar + bar.join(parts) + bar + "\n")
    return "".join(text)


def fold(text: str, width: int) -> list[str]:
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


def fits_without_breaking(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], available: int) -> bool:
    """Whether the table fits ``available`` cells with every word whole on its line."""
    heading = [_block(tuple(column.heading.split("\n")), (), "bold") for column in columns]
    body = [[_block(*cell, "") for cell in row] for row in rows]
    return sum(_longest_words(heading, body)) + _frame_width(len(columns)) <= available


def _frame_width(count: int) -> int:
    return 3 * count + 1  # a bar and two spaces around each cell, and the last bar


def _longest_words(heading: list[_Block], body: list[list[_Block]]) -> list[int]:
    """Each column's longest word: narrower, a word would be broken."""
    longest = [0] * len(heading)
    for row in (heading, *body):
        for index, block in enumerate(row):
            for line in block.lines:
                longest[index] = max(longest[index], *(cell_width(word) for word in line.split(" ")))
    return longest


def _fit(widths: list[int], columns: Sequence[Column], available: int, floors: list[int]) -> list[int]:
    """Narrow the foldable columns, widest first, until the table fits ``available`` cells; no
    column narrower than its longest word while another can still give way."""
    widths = list(widths)
    frame = _frame_width(len(widths))
    minimum = 6
    while sum(widths) + frame > available:
        whole = [index for index, column in enumerate(columns) if widths[index] > max(floors[index], minimum)]
        if whole:
            foldable = [index for index in whole if columns[index].foldable] or whole
            widest = max(foldable, key=lambda index: widths[index] - floors[index])
            widths[widest] -= 1
            continue
        candidates = [index for index, column in enumerate(columns) if widths[index] > minimum]
        foldable = [index for index in candidates if columns[index].foldable] or candidates
        if not foldable:
            break
        widest = max(foldable, key=lambda index: widths[index])
        widths[widest] -= 1
    return widths
