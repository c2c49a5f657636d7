"""Read a CSV file as Excel writes it (SPEC section 1.4): UTF-8 with or without a BOM, cells
separated by ``,`` or ``;`` (read from the header line), and with ``;`` a decimal comma.

The reader only splits the file into a header and rows with their line numbers; what the cells
mean is for the observation and base loaders.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from ansinh.files.located import suggest
from ansinh.problems import Problem
from ansinh.text import t

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
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(problem.is_error for problem in self.problems)


def read_csv_text(text: str, file: str, required: tuple[str, ...], optional: tuple[str, ...]) -> CsvTable:
    """Split ``text`` into rows and check the header against the known columns."""
    table = CsvTable(file)
    text = text.removeprefix("\ufeff")
    header_line = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    delimiter = _delimiter(header_line, required + optional)
    table.decimal_comma = delimiter == ";"
    # newline="" lets the csv module see line endings inside quoted cells, as it requires.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
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
    width = len(header)
    previous_end = reader.line_num
    try:
        for row in reader:
            cells = row
            line = previous_end + 1
            previous_end = reader.line_num
            if not cells or all(not cell.strip() for cell in cells):
                continue
            if len(cells) != width:
                # A row that ends in empty cells beyond the header is Excel's habit, not an error.
                if len(cells) > width and not any(cell.strip() for cell in cells[width:]):
                    cells = cells[:width]
                else:
                    table.problems.append(
                        Problem(
                            "csv-row-length",
                            t("csv.row_length", found=len(cells), expected=width, delimiter=delimiter),
                            file,
                            line,
                            1,
                        )
                    )
                    continue
            table.rows.append([cell.strip() for cell in cells])
            table.lines.append(line)
    except csv.Error as error:
        table.problems.append(
            Problem("csv-syntax", t("csv.syntax", detail=str(error)), file, reader.line_num or previous_end + 1, 1)
        )
    return table


def _delimiter(header_line: str, known: tuple[str, ...]) -> str:
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
    for position, cell in enumerate(header):
        name = cell.strip().lower()
        column = position + 1
        if name in table.columns:
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
