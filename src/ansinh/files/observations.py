"""Read the observation files into series, with every check of SPEC sections 1.4 and 4.

A national file holds millions of rows, too many to check one Python statement at a time. So the
rows are checked a column at a time — the set of indicator ids in a block of rows, one regular
expression over all its values joined — and grouped into series the same way. A row that any of
these checks doubts is handed to the row-by-row reader of ``ansinh.files.csv_cells``, which says
exactly what is wrong and where; a series whose periods repeat or overlap goes to the cross-row
rules of ``ansinh.checks.series``. The quick checks only ever decide "nothing is wrong here", so
the problems are those of the row-by-row reading, line for line (``tests/test_fast_paths.py``).
"""

from __future__ import annotations

import bisect
import csv
import gc
import operator
import re
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from decimal import Decimal
from itertools import compress, islice
from operator import attrgetter, ge, gt, itemgetter, ne, or_
from pathlib import Path

from ansinh.checks.series import merge_series
from ansinh.checks.values import value_problem_of
from ansinh.files.access import not_utf8, unreadable
from ansinh.files.csv_cells import OBSERVATION_COLUMNS, PeriodCache, observation_of_row
from ansinh.files.csv_reader import CsvTable, open_csv, row_cells
from ansinh.files.limits import LIMITS, Limits
from ansinh.files.listing import WORKBOOK_SUFFIXES
from ansinh.models import FINAL, Indicator, Observation
from ansinh.periods import Period, PeriodError
from ansinh.problems import SHEET_MARK, Problem
from ansinh.project import Locations, ObservationStore
from ansinh.text import t

# Blocks small enough for their rows to stay in the CPU cache while each column is checked:
# 4,096 rows read twice as fast as 65,536 (bench/run.py, national root).
CHUNK_ROWS = 4096

# Every value in a block, joined by newlines, written plainly: what parse_decimal accepts at once.
_PLAIN_VALUES = re.compile(r"(?:\d{1,15}(?:\.\d{1,10})?\n)*\d{1,15}(?:\.\d{1,10})?")
_PLAIN_VALUE = re.compile(r"\d{1,15}(?:\.\d{1,10})?")
_COUNTS = re.compile(r"(?:\d{0,15}\n)*\d{0,15}")
_COUNT = re.compile(r"\d{0,15}")
# In a ';' file a value such as 22,796 may hide a thousands separator: those go row by row.
_GROUPED = re.compile(r"(?:^|\n)[1-9]\d{0,2}(?:[.,]\d{3})+(?=\n|$)")
_TO_POINT = operator.methodcaller("replace", ",", ".")


class ObservationReader:
    """Reads observation files one after another into columns, then into series."""

    def __init__(
        self,
        indicators: dict[str, Indicator],
        declared_indicators: set[str] | None,
        declared_areas: set[str] | None,
        root: Path,
    ) -> None:
        self.indicators = indicators
        self.declared_indicators = declared_indicators
        self.declared_areas = declared_areas
        self.root = root
        self.problems: list[Problem] = []
        self.columns_of: dict[str, dict[str, int]] = {}
        self.locations = Locations()
        self.periods = PeriodCache()
        self._period_of: dict[str, Period | None] = {}
        # Canonical strings: millions of cells repeat a few thousand ids, kept once each.
        self._ids: dict[str, str] = {}
        self.indicator: list[str] = []
        self.area: list[str] = []
        self.period: list[str] = []
        self.value: list[str] = []
        self.count: list[str] = []
        self.row = array("l")
        # SPEC 9: the status of each row that is not final, by row number (most rows are final)
        self.status_of_row: dict[int, str] = {}
        self._next_row = 0
        self._comma_files: set[str] = set()  # files written with decimal commas, as in 27,5
        # The rows of the sheet being read that hold a cell in error (by Excel row, from the row
        # ``_poisoned_from``, the first after the header): each is read row by row and not kept.
        self._poisoned: dict[int, set[int]] = {}
        self._poisoned_from = 0
        self.on_block: Callable[[int], None] = _nothing  # told the rows read so far, for a progress display
        # Known good ids, canonical from the start: then a block's columns map in one pass.
        for indicator_id in indicators:
            self._canonical(indicator_id)
        for area in declared_areas or ():
            self._canonical(area)

    # --- one file ---------------------------------------------------------------------------

    def read(self, file: str, path: Path, limits: Limits = LIMITS) -> None:
        """Read one file, streamed: a national file is hundreds of megabytes. A file that turns
        out not to be UTF-8 part-way is left out whole, as every other file is; so is a workbook
        that turns out not to be readable."""
        if path.suffix.lower() in WORKBOOK_SUFFIXES:
            self._read_workbook(file, path, limits)
            return
        kept = self._kept()
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                self._read(file, handle)
        except UnicodeDecodeError as error:
            self._drop(file, kept)
            self.problems.append(self._not_utf8(file, path, error))
        except OSError as error:
            self.problems.append(unreadable(file, error))

    def _kept(self) -> tuple[int, int, int]:
        return len(self.indicator), len(self.problems), self._next_row

    def _drop(self, file: str, kept: tuple[int, int, int]) -> None:
        """Leave out all that was read of ``file`` (its sheets too)."""
        rows, problems, first_row = kept
        for column in (self.indicator, self.area, self.period, self.value, self.count, self.row):
            del column[rows:]
        del self.problems[problems:]
        for row in [row for row in self.status_of_row if row >= first_row]:
            del self.status_of_row[row]
        for name in [name for name in self.columns_of if name == file or name.startswith(file + SHEET_MARK)]:
            del self.columns_of[name]
        # Row numbers are not given back: the locations of the rows dropped stay in ``Locations``,
        # whose files must stay in order (a gap in the numbers is harmless).

    def _read_workbook(self, file: str, path: Path, limits: Limits) -> None:
        """Every sheet of a workbook that holds the observation columns (SPEC 10), its rows read
        as a CSV file's rows are, through the same checks; the others named as not read."""
        from ansinh.files import xlsx_reader as xlsx

        kept = self._kept()
        try:
            book = xlsx.open_workbook(path, limits)
        except xlsx.WorkbookError as error:
            self.problems.append(Problem(error.code, error.text, file))
            return
        # A sheet's cells are millions of small tuples that make no cycles: collecting garbage
        # while they are read costs a sixth of the time and frees nothing (bench/xlsx_read.py).
        collecting = gc.isenabled()
        gc.disable()
        try:
            skipped = lambda name, missing: self.problems.append(xlsx.sheet_not_read(file, name, missing))  # noqa: E731
            for sheet in xlsx.read_sheets(book, file, limits, OBSERVATION_COLUMNS[0], xlsx.OBSERVATION_KINDS, skipped):
                table = xlsx.sheet_table(sheet, *OBSERVATION_COLUMNS)
                if not table.ok:
                    self.problems.extend(table.problems)
                    continue
                self.columns_of[table.file] = table.columns
                self._poisoned, self._poisoned_from = sheet.cells.poisoned, sheet.header_row + 1
                try:
                    self._rows(table, sheet.rows, len(sheet.header), xlsx.RowsAfter(sheet.header_row + 1))
                finally:
                    self._poisoned = {}
                self.problems.extend(sheet.problems)
        except xlsx.WorkbookError as error:
            self._drop(file, kept)
            self.problems.append(Problem(error.code, error.text, file))
        except xlsx.READ_ERRORS as error:
            self._drop(file, kept)
            self.problems.append(Problem("file-unreadable", t("xlsx.corrupt", detail=str(error)), file))
        finally:
            book.archive.close()
            if collecting:
                gc.enable()

    def _rows(self, table: CsvTable, rows: Iterator[list[str]], width: int, line_of: Callable[[int], int]) -> None:
        """A sheet's rows, all of the header's width, through the checks in blocks."""
        first_row, local = self._next_row, 0
        pending: list[Problem] = []
        try:
            while block := list(islice(rows, CHUNK_ROWS)):
                self._block(table, block, first_row + local, width, pending)
                local += len(block)
        finally:
            self.locations.add_file(table.file, first_row, line_of)
            self._next_row = first_row + local
            self.problems.extend(_placed(problem, line_of) for problem in pending)
            self.problems.extend(_placed(problem, line_of) for problem in table.problems)

    def _not_utf8(self, file: str, path: Path, error: UnicodeDecodeError) -> Problem:
        data = path.read_bytes()
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError as whole:
            return not_utf8(file, data, whole)
        return not_utf8(file, error.object, error)  # pragma: no cover - the file changed meanwhile

    def _read(self, file: str, handle: Iterable[str]) -> None:
        opened = open_csv(handle, file, *OBSERVATION_COLUMNS)
        if isinstance(opened, CsvTable):
            self.problems.extend(opened.problems)
            return
        table, reader, width = opened
        self.columns_of[file] = table.columns
        if table.decimal_comma:
            self._comma_files.add(file)
        first_row, local, block = self._next_row, 0, []
        pending: list[Problem] = []  # their "line" is the row's number in the file, until known
        try:
            while True:
                block.extend(islice(reader, CHUNK_ROWS))  # if a row fails, the rows before it stay
                if not block:
                    break
                self._block(table, block, first_row + local, width, pending)
                local += len(block)
                block = []
        except csv.Error as error:
            self.problems.append(Problem("csv-syntax", t("csv.syntax", detail=str(error)), file, reader.line_num, 1))
        finally:  # rows up to a csv error stay; ``read`` drops them all if the file is not UTF-8
            if block:
                self._block(table, block, first_row + local, width, pending)
                local += len(block)
            # When no row spans several lines, row n (from 0) is on line n + 2, after the header.
            simple = reader.line_num == local + 1
            line_of: Callable[[int], int] = _after_header if simple else _LineTable(self.root / file)
            self.locations.add_file(file, first_row, line_of)
            self._next_row = first_row + local
            self.problems.extend(_placed(problem, line_of) for problem in pending)
            self.problems.extend(_placed(problem, line_of) for problem in table.problems)

    def _block(self, table: CsvTable, rows: list[list[str]], first: int, width: int, pending: list[Problem]) -> None:
        """Check a block of rows a column at a time; rows in doubt are read one by one."""
        self.on_block(len(self.row) + len(rows))
        doubtful: set[int] = set()
        original = rows
        if len(set(map(len, rows))) != 1 or len(rows[0]) != width:
            doubtful.update(index for index, row in enumerate(rows) if len(row) != width)
            rows = [row if len(row) == width else [""] * width for row in rows]
        position = table.columns
        indicators = self._ids_of(rows, position["indicator"], self._good_indicator, doubtful)
        areas = self._ids_of(rows, position["area"], self._good_area, doubtful)
        periods = self._ids_of(rows, position["period"], self._good_period, doubtful)
        values = list(map(itemgetter(position["value"]), rows))
        counts = list(map(itemgetter(position["count"]), rows)) if "count" in position else [""] * len(rows)
        if table.decimal_comma:
            joined = "\n".join(values)
            if _GROUPED.search(joined):
                doubtful.update(index for index, value in enumerate(values) if _GROUPED.search(value))
            if "." in joined:  # a point in a file of commas: read as written, row by row
                doubtful.update(index for index, value in enumerate(values) if "." in value)
            # Every point now stands for a comma of the file: _series_row_by_row writes it back.
            values = list(map(_TO_POINT, values))
        # Cells are checked joined by line breaks, so a cell that holds one itself (Alt+Enter in
        # Excel: "28\n5") would pass as two plain numbers: the count of breaks must be the rows'.
        joined = "\n".join(values)
        if joined.count("\n") != len(values) - 1 or not _PLAIN_VALUES.fullmatch(joined):
            doubtful.update(index for index, value in enumerate(values) if not _PLAIN_VALUE.fullmatch(value))
        joined = "\n".join(counts)
        if joined.count("\n") != len(counts) - 1 or not _COUNTS.fullmatch(joined):
            doubtful.update(index for index, count in enumerate(counts) if not _COUNT.fullmatch(count))
        if "status" in position:
            self._statuses(rows, position["status"], first, doubtful)
        for position in table.unnamed:  # Excel's trailing unnamed columns must stay empty
            doubtful.update(index for index, row in enumerate(rows) if row[position].strip())
        if self._poisoned:
            start = self._poisoned_from + first - self._next_row
            doubtful.update(index for index in range(len(rows)) if start + index in self._poisoned)
        if not doubtful:
            self.indicator += indicators
            self.area += areas
            self.period += periods
            self.value += values
            self.count += counts
            self.row.extend(range(first, first + len(rows)))
            return
        kept = [index for index in range(len(rows)) if index not in doubtful]
        self.indicator.extend(indicators[index] for index in kept)
        self.area.extend(areas[index] for index in kept)
        self.period.extend(periods[index] for index in kept)
        self.value.extend(values[index] for index in kept)
        self.count.extend(counts[index] for index in kept)
        self.row.extend(first + index for index in kept)
        for index in sorted(doubtful):
            self._one_by_one(table, original[index], first + index, width, pending)

    def _statuses(self, rows: list[list[str]], position: int, first: int, doubtful: set[int]) -> None:
        """Note the rows that are not final (SPEC 9); a cell that is not a plain status word
        goes row by row, which reads the other ways of writing one or says what is wrong."""
        cells = list(map(itemgetter(position), rows))
        if set(cells) <= {"", FINAL}:
            return
        for index, cell in enumerate(cells):
            if cell in ("estimate", "preliminary"):
                self.status_of_row[first + index] = cell
            elif cell not in ("", FINAL):
                doubtful.add(index)

    def _ids_of(
        self, rows: list[list[str]], position: int, good: Callable[[str], bool], doubtful: set[int]
    ) -> list[str]:
        """A column of ids as their canonical strings. Ids not seen before are checked by ``good``;
        rows with one that fails are added to ``doubtful`` (and keep the text as it is)."""
        column = map(itemgetter(position), rows)
        canonical = self._ids
        try:
            return list(map(canonical.__getitem__, column))
        except KeyError:
            pass
        cells = list(map(itemgetter(position), rows))
        bad = {cell for cell in set(cells) if cell not in canonical and not good(cell)}
        if bad:
            doubtful.update(index for index, cell in enumerate(cells) if cell in bad)
        return [canonical.get(cell, cell) for cell in cells]

    def _one_by_one(self, table: CsvTable, cells: list[str], row: int, width: int, pending: list[Problem]) -> None:
        """A row in doubt, read cell by cell; its problems wait for the file's line numbers (a
        blank row is skipped; one of the wrong length is reported in ``table.problems``)."""
        local = row - self._next_row
        stripped = row_cells(table, cells, width, local)
        if stripped is None:
            return
        observation, problems = observation_of_row(
            table, stripped, local, self.indicators, self.declared_indicators, self.declared_areas, self.periods
        )
        poisoned = self._poisoned.get(self._poisoned_from + local) if self._poisoned else None
        if poisoned is not None:  # a cell in error, said by the workbook's reader: the row is not kept
            problems = [problem for problem in problems if problem.column not in poisoned]
            observation = None
        pending.extend(problems)
        if observation is not None:
            self.indicator.append(self._canonical(observation.indicator))
            self.area.append(self._canonical(observation.area))
            self.period.append(self._canonical(observation.period.label))
            self._period_of.setdefault(observation.period.label, observation.period)
            self.value.append(f"{observation.value:f}")
            self.count.append("" if observation.count is None else str(observation.count))
            self.row.append(row)
            if observation.status != FINAL:
                self.status_of_row[row] = observation.status

    # --- the quick checks of ids and periods ---------------------------------------------------

    def _canonical(self, text: str) -> str:
        return self._ids.setdefault(text, sys.intern(text))

    def _good_indicator(self, text: str) -> bool:
        if text in self.indicators:
            self._canonical(text)
            return True
        return False

    def _good_area(self, text: str) -> bool:
        known = self.declared_areas
        if text and text == text.strip() and (known is None or text in known):
            self._canonical(text)
            return True
        return False

    def _good_period(self, text: str) -> bool:
        if text not in self._period_of:
            try:
                period = Period.parse(text) if text == text.strip() else None
            except PeriodError:
                period = None
            self._period_of[text] = period
            if period is not None and period.label != text:
                self._period_of[text] = None  # 2022h1: read row by row, which writes 2022H1
        if self._period_of[text] is None:
            return False
        self._canonical(text)
        return True

    # --- series -----------------------------------------------------------------------------------

    def store(self) -> ObservationStore:
        """Group the rows into series by indicator and area, with the cross-row rules."""
        count = len(self.indicator)
        indicators, areas = self.indicator, self.area
        # Where a run of rows of one series begins: found by comparing the columns with
        # themselves shifted by a row, without a Python step per row.
        changes = map(or_, map(ne, indicators[1:], indicators[:-1]), map(ne, areas[1:], areas[:-1]))
        starts = [0, *compress(range(1, count), changes)] if count else []
        keys = [(indicators[start], areas[start]) for start in starts]
        if len(set(keys)) == len(keys):  # each series in one stretch, as exports write them
            return self._store_in_place(starts, keys)
        runs: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for key, start, end in zip(keys, starts, [*starts[1:], count], strict=True):
            runs.setdefault(key, []).append((start, end))
        store = ObservationStore(self.locations, self.status_of_row)
        for (indicator_id, area), spans in runs.items():
            self._series(store, self.indicators[indicator_id], area, spans)
        return store

    def _store_in_place(self, starts: list[int], keys: list[tuple[str, str]]) -> ObservationStore:
        """The store over the read columns as they are, each series a stretch of them; the cross-
        row rules are checked a column at a time, and a series they doubt is read row by row."""
        store = ObservationStore(self.locations, self.status_of_row)
        store.adopt(list(map(self._period_of.__getitem__, self.period)), self.value, self.count, self.row)
        periods, values = store.periods, store.values
        ends = list(map(attrgetter("end"), periods))
        bounds = [*starts, len(periods)]
        # A row whose period does not end after the one before it, in the same series.
        first_rows = set(starts)
        doubtful = {
            bisect.bisect_right(starts, row) - 1
            for row in compress(range(1, len(ends)), map(ge, ends[:-1], ends[1:]))
            if row not in first_rows
        }
        for index, (indicator_id, area) in enumerate(keys):
            begin, end = bounds[index], bounds[index + 1]
            indicator = self.indicators[indicator_id]
            clean = index not in doubtful
            if clean and indicator.kind == "flow":  # a flow's periods may not overlap
                clean = all(map(gt, map(attrgetter("start"), periods[begin + 1 : end]), ends[begin : end - 1]))
            if clean and indicator.unit == "percent":
                clean = max(map(float, values[begin:end])) <= 100
            if clean and indicator.unit == "count":
                clean = "." not in "".join(values[begin:end])
            if clean:
                store.span(indicator_id, area, begin, end)
            else:
                self._series_row_by_row(
                    store,
                    indicator,
                    area,
                    periods[begin:end],
                    values[begin:end],
                    self.count[begin:end],
                    self.row[begin:end],
                )
        return store

    def _series(self, store: ObservationStore, indicator: Indicator, area: str, spans: list[tuple[int, int]]) -> None:
        labels, values, counts, rows = self._slices(spans)
        period_of = self._period_of
        periods = list(map(period_of.__getitem__, labels))
        ends = [period.end for period in periods]
        clean = sorted(set(ends)) == ends
        if clean and indicator.kind == "flow":
            starts = [period.start for period in periods]
            clean = all(start > end for start, end in zip(starts[1:], ends[:-1], strict=False))
        if clean and indicator.unit == "percent":
            clean = max(map(float, values)) <= 100
        if clean and indicator.unit == "count":
            clean = "." not in "".join(values)
        if clean:
            store.add_series(indicator.id, area, periods, values, counts, rows)
        else:
            self._series_row_by_row(store, indicator, area, periods, values, counts, rows)

    def _series_row_by_row(
        self,
        store: ObservationStore,
        indicator: Indicator,
        area: str,
        periods: list[Period],
        values: list[str],
        counts: list[str],
        rows: array[int],
    ) -> None:
        """A series with something to say: each value checked for its indicator, then the rows
        merged and their periods compared as ``ansinh.checks.series`` does."""
        observations: list[Observation] = []
        row_of: dict[tuple[str, int], int] = {}
        for period, value, count, row in zip(periods, values, counts, rows, strict=True):
            file, line = self.locations(row)
            status = self.status_of_row.get(row, FINAL)
            number = Observation(
                indicator.id, area, period, Decimal(value), int(count) if count else None, file, line, status
            )
            written = value.replace(".", ",") if file in self._comma_files else value  # as the file has it
            problem = value_problem_of(indicator, number.value, written)
            if problem is not None:
                self.problems.append(Problem(problem[0], problem[1], file, line, None, "value"))
            else:
                observations.append(number)
                row_of[(file, line)] = row
        kept, problems = merge_series(observations, indicator.kind == "flow")
        self.problems.extend(problems)
        if kept:
            store.add_series(
                indicator.id,
                area,
                [observation.period for observation in kept],
                [f"{observation.value:f}" for observation in kept],
                ["" if observation.count is None else str(observation.count) for observation in kept],
                array("l", (row_of[(observation.file, observation.line)] for observation in kept)),
            )

    def _slices(self, spans: list[tuple[int, int]]) -> tuple[list[str], list[str], list[str], array[int]]:
        if len(spans) == 1:
            ((begin, end),) = spans
            return self.period[begin:end], self.value[begin:end], self.count[begin:end], self.row[begin:end]
        labels: list[str] = []
        values: list[str] = []
        counts: list[str] = []
        rows = array("l")
        for begin, end in spans:
            labels += self.period[begin:end]
            values += self.value[begin:end]
            counts += self.count[begin:end]
            rows += self.row[begin:end]
        return labels, values, counts, rows


def _placed(problem: Problem, line_of: Callable[[int], int]) -> Problem:
    """A problem found while reading, with its row number made into the file's line."""
    if problem.line is None:
        return problem
    return replace(problem, line=line_of(problem.line))


def _nothing(rows: int) -> None:
    pass


def _after_header(row: int) -> int:
    return row + 2


class _LineTable:
    """The line each row of a file starts on, for files where a quoted cell spans lines: worked
    out by reading the file again, the first time a problem needs it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: list[int] | None = None

    def __call__(self, row: int) -> int:
        if self.lines is None:
            self.lines = []
            with self.path.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.reader(handle, delimiter=_sniff(self.path))
                next(reader, None)
                previous = reader.line_num
                try:
                    for _ in reader:
                        self.lines.append(previous + 1)
                        previous = reader.line_num
                except csv.Error:
                    pass
        return self.lines[row] if row < len(self.lines) else row + 2


def _sniff(path: Path) -> str:
    with path.open(encoding="utf-8-sig") as handle:
        header = handle.readline()
    return ";" if header.count(";") > header.count(",") else ","


def header_columns(root: Path, file: str, sheet: str = "", limits: Limits = LIMITS) -> dict[str, int] | None:
    """The columns of an observation file (or of a workbook's sheet), from its header, as
    ``ObservationReader`` reads them."""
    if sheet:
        from ansinh.files.xlsx_reader import header_columns

        return header_columns(root / file, sheet, limits, *OBSERVATION_COLUMNS)

    try:
        with (root / file).open(encoding="utf-8-sig", newline="") as handle:
            opened = open_csv(handle, file, *OBSERVATION_COLUMNS)
    except (OSError, UnicodeDecodeError):
        return None
    return None if isinstance(opened, CsvTable) else opened[0].columns
