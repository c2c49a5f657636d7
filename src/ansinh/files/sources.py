"""The ``source`` cell of given observation rows, read back from their files.

The store of observations keeps figures, not the text of their sources: a national root has
millions of rows. ``--explain`` and the HTML report name the source of the few figures they show,
so those cells are read again, by file and line, when asked for.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from ansinh.files.csv_cells import OBSERVATION_COLUMNS
from ansinh.files.csv_reader import header_delimiter


def source_cells(root: Path, wanted: Iterable[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """The non-empty ``source`` cell of each (file, line) of a CSV observation file; rows of other
    files, and files that changed or cannot be read since they were loaded, are left out."""
    by_file: dict[str, set[int]] = {}
    for file, line in wanted:
        if file.endswith(".csv"):
            by_file.setdefault(file, set()).add(line)
    found: dict[tuple[str, int], str] = {}
    for file, lines in by_file.items():
        try:
            found.update(_sources_of(root / file, file, lines))
        except (OSError, UnicodeDecodeError, csv.Error):
            continue
    return found


def _sources_of(path: Path, file: str, lines: set[int]) -> dict[tuple[str, int], str]:
    found: dict[tuple[str, int], str] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header_line = handle.readline()
        delimiter = header_delimiter(header_line, (*OBSERVATION_COLUMNS[0], *OBSERVATION_COLUMNS[1]))
        header = [cell.strip().lower() for cell in next(csv.reader([header_line], delimiter=delimiter), [])]
        if "source" not in header:
            return found
        position, last = header.index("source"), max(lines)
        reader = csv.reader(handle, delimiter=delimiter)
        previous = 1  # the header's line
        for cells in reader:
            line = previous + 1  # a row starts on the line after the one the last row ended on
            previous = reader.line_num + 1
            if line in lines and position < len(cells) and cells[position].strip():
                found[(file, line)] = " ".join(cells[position].split())
            if line >= last:
                break
    return found
