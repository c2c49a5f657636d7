"""Read a CSV file as Excel writes it (SPEC section 1.4): UTF-8 with or without a BOM, cells
separated by ``,`` or ``;`` (read from the header line), and with ``;`` a decimal comma.

The reader only splits the file into a header and rows with their line numbers; what the cells
mean is for the observation and base loaders.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ansinh.problems import Problem
from ansinh.text import suggest, t

# Excel's own limit on a cell is 32,767 characters; a source note is never longer.
csv.field_size_limit(1 << 20)


@dataclass(slots=True)
class CsvTable:
    """A CSV file's columns and rows, each row with the line it starts on."""

    file: str
    columns: dict[str, int] = field(default_factory=dict)  # column name -> position
    rows: list[list[str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    decimal_comma: bool = False
    unnamed: tuple[int, ...] = ()  # positions of trailing header cells left empty, as Excel writes them
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(problem.is_error for problem in self.problems)


def open_csv(
    lines: Iterable[str], file: str, required: tuple[str, ...], optional: tuple[str, ...]
) -> tuple[CsvTable, Any, int] | CsvTable:
    """Read the header from ``lines`` (a file opened with newline="", which the csv module needs
    to see line endings inside quoted cells): the table's columns and a csv reader positioned at
    the first row, with the header's width; or the table alone, with its problems, when the
    header is unusable."""
    table = CsvTable(file)
    lines = iter(lines)
    first = next(lines, "").removeprefix("\ufeff")
    header_line = re.split(r"\r\n|\r|\n", first, maxsplit=1)[0]
    delimiter = header_delimiter(header_line, required + optional)
    table.decimal_comma = delimiter == ";"
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        table.problems.append(Problem("csv-syntax", t("csv.syntax", detail=str(error)), file, 1, 1))
        return table
    if header is None or not any(cell.strip() for cell in header):
        table.problems.append(Problem("csv-header", t("csv.no_header", columns=list(required)), file, 1, 1))
        return table
    if not _read_header(table, header, required, optional):
        return table
    return table, reader, len(header)


def row_cells(table: CsvTable, cells: list[str], width: int, line: int) -> list[str] | None:
    """A row's cells stripped, or ``None`` for a blank row or one that is reported: of another
    length than the header, or with a value under a column the header leaves unnamed.

    Extra empty cells are an error too: in a ``,`` file a decimal comma (``28,5``) splits one
    value into two cells, and the row would otherwise be read with every column after it shifted.
    Excel's trailing empty columns appear in the header as well, as unnamed columns
    (``read_header``), and then the rows have the header's width."""
    if not cells or all(not cell.strip() for cell in cells):
        return None
    if len(cells) != width:
        delimiter = ";" if table.decimal_comma else ","
        extra_empty = len(cells) > width and not any(cell.strip() for cell in cells[width:])
        key = "csv.row_length_extra_empty" if extra_empty else "csv.row_length"
        text = t(key, found=len(cells), expected=width, delimiter=delimiter)
        table.problems.append(Problem("csv-row-length", text, table.file, line, 1))
        return None
    for position in table.unnamed:
        if cells[position].strip():
            text = t("csv.unnamed_value", column=position + 1, text=cells[position].strip())
            table.problems.append(Problem("csv-row-length", text, table.file, line, position + 1))
            return None
    return [cell.strip() for cell in cells]


def read_csv_text(text: str, file: str, required: tuple[str, ...], optional: tuple[str, ...]) -> CsvTable:
    """Split ``text`` into rows, each with its line, checking the header against the columns."""
    opened = open_csv(io.StringIO(text, newline=""), file, required, optional)
    if isinstance(opened, CsvTable):
        return opened
    table, reader, width = opened
    previous_end = reader.line_num
    try:
        for row in reader:
            line = previous_end + 1
            previous_end = reader.line_num
            cells = row_cells(table, row, width, line)
            if cells is not None:
                table.rows.append(cells)
                table.lines.append(line)
    except csv.Error as error:
        table.problems.append(
            Problem("csv-syntax", t("csv.syntax", detail=str(error)), file, reader.line_num or previous_end + 1, 1)
        )
    return table


def table_of_header(file: str, header: list[str], required: tuple[str, ...], optional: tuple[str, ...]) -> CsvTable:
    """A table of the columns ``header`` names, as a CSV file's header line names them (for a
    workbook's sheet, whose rows come from ``ansinh.files.xlsx_reader``); its problems say what
    is wrong with the header, on line 1."""
    table = CsvTable(file)
    _read_header(table, header, required, optional)
    return table


def header_delimiter(header_line: str, known: tuple[str, ...]) -> str:
    """``;`` when the header splits into more known columns on it than on ``,``."""
    if ";" not in header_line:
        return ","
    if "," not in header_line:
        return ";"

    def known_cells(delimiter: str) -> int:
        return sum(cell.strip().strip('"').lower() in known for cell in header_line.split(delimiter))

    return ";" if known_cells(";") > known_cells(",") else ","


def _read_header(table: CsvTable, header: list[str], required: tuple[str, ...], optional: tuple[str, ...]) -> bool:
    known = required + optional
    ok = True
    guessed: set[str] = set()
    named = len(header)
    while named and not header[named - 1].strip():
        named -= 1  # Excel writes the empty columns after the last used one: unnamed, kept empty
    table.unnamed = tuple(range(named, len(header)))
    for position, cell in enumerate(header[:named]):
        name = cell.strip().lower()
        column = position + 1
        if not name:
            table.problems.append(
                Problem("csv-header", t("csv.empty_column_name", column=column), table.file, 1, column)
            )
            ok = False
        elif name in table.columns:
            table.problems.append(
                Problem("csv-header", t("csv.duplicate_column", name=name), table.file, 1, column, name)
            )
            ok = False
        elif name not in known:
            guess = suggest(name, list(known))
            if guess:
                guessed.add(guess)
            text = (
                t("csv.unknown_column_guess", name=cell.strip(), guess=guess)
                if guess
                else t("csv.unknown_column", name=cell.strip(), known=list(known))
            )
            table.problems.append(Problem("csv-header", text, table.file, 1, column, cell.strip()))
            ok = False
        else:
            table.columns[name] = position
    missing = [name for name in required if name not in table.columns and name not in guessed]
    if missing:
        table.problems.append(Problem("csv-header", t("csv.missing_columns", names=missing), table.file, 1, 1))
        ok = False
    return ok
