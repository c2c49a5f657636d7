"""Turn the rows of observation and base CSV files into ``Observation`` and ``BaseFigure``.

Each cell is checked where it stands, so every problem names its file, line and column; a row
with an error is left out. Cross-row rules (duplicates, overlaps) come after, in
``ansinh.checks.series``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from ansinh.checks.values import value_problem_of
from ansinh.files.csv_reader import CsvTable
from ansinh.models import BASE_KINDS, FINAL, OBSERVATION_STATUSES, BaseFigure, Indicator, Observation
from ansinh.numbers import NumberError, could_be_grouped, grouped_text, parse_decimal
from ansinh.periods import FIRST_YEAR, LAST_YEAR, Period, PeriodError
from ansinh.problems import Problem
from ansinh.text import Text, suggest, t

OBSERVATION_COLUMNS = (("indicator", "area", "period", "value"), ("count", "source", "note", "status"))

# What offices write in a status cell (SPEC 9), in either language, compared without case; an
# empty cell is a final figure.
STATUS_WORDS = {
    "": FINAL,
    "final": FINAL,
    "chính thức": FINAL,
    "preliminary": "preliminary",
    "sơ bộ": "preliminary",
    "estimate": "estimate",
    "ước": "estimate",
    "ước tính": "estimate",
    "ước thực hiện": "estimate",
}
BASE_COLUMNS = (("area", "base", "year", "value"), ("kind", "source", "note"))

_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class _RowChecker:
    """Collects the problems of one row, each at its cell's column."""

    table: CsvTable
    cells: list[str]
    line: int
    problems: list[Problem] = field(default_factory=list)

    def cell(self, name: str) -> str:
        position = self.table.columns.get(name)
        return self.cells[position] if position is not None else ""

    def add(self, name: str, code: str, text: Text) -> None:
        column = self.table.columns.get(name, 0) + 1
        self.problems.append(Problem(code, text, self.table.file, self.line, column, name))

    def line_break(self, name: str, text: str) -> bool:
        """A number cell with a line break in it (Alt+Enter in Excel) is an error, whatever the
        lines hold: "28\n5" may be 28.5, 285 or two figures."""
        if "\n" not in text and "\r" not in text:
            return False
        shown = " ⏎ ".join(part.strip() for part in text.splitlines())
        self.add(name, "bad-number", t("number.line_break", text=shown))
        return True

    def number(self, name: str) -> Decimal | None:
        text = self.cell(name)
        if self.line_break(name, text):
            return None
        if could_be_grouped(text) and (self.table.decimal_comma or "," in text):
            # In a ';' file Excel writes 27,5 for 27.5 — but 22,796 may equally be 22796, and a
            # '.' there is a Vietnamese thousands separator. In a ',' file '.' is the decimal point.
            self.add(name, "ambiguous-number", grouped_text(text))
            return None
        try:
            return parse_decimal(text, decimal_comma=self.table.decimal_comma)
        except NumberError as error:
            self.add(name, "bad-number", error.text)
            return None

    def count(self, name: str) -> int | None:
        text = self.cell(name)
        if not text or self.line_break(name, text):
            return None
        if _DIGITS.fullmatch(text.lstrip("+")):
            return int(text)
        if could_be_grouped(text):
            self.add(name, "ambiguous-number", grouped_text(text))
        else:
            try:
                parse_decimal(text, decimal_comma=self.table.decimal_comma)
                self.add(name, "bad-number", t("number.not_whole", text=text, what=t("what.count")))
            except NumberError as error:
                self.add(name, "bad-number", error.text)
        return None

    def reference(self, name: str, known: set[str] | None, what: str) -> str | None:
        """The id in the cell, if declared; ``known`` is None when the declaring file is broken."""
        value = self.cell(name)
        if not value:
            self.add(name, "missing-field", t("row.empty_cell", column=name))
            return None
        if known is not None and value not in known:
            guess = suggest(value, sorted(known))
            text = (
                t("reference.unknown_guess", what=t(what), id=value, guess=guess)
                if guess
                else t("reference.unknown", what=t(what), id=value)
            )
            self.add(name, "unknown-reference", text)
            return None
        return value


class PeriodCache:
    """Periods parsed once per distinct text: a national file repeats a few dozen of them."""

    def __init__(self) -> None:
        self._known: dict[str, Period | PeriodError] = {}

    def parse(self, text: str) -> Period:
        found = self._known.get(text)
        if found is None:
            try:
                found = Period.parse(text)
            except PeriodError as error:
                found = error
            self._known[text] = found
        if isinstance(found, PeriodError):
            raise found
        return found


def observations_from(
    table: CsvTable,
    indicators: dict[str, Indicator],
    declared_indicators: set[str] | None,
    areas: set[str] | None,
    periods: PeriodCache,
) -> tuple[list[Observation], list[Problem]]:
    """The valid observations of ``table``, and the problems of the others."""
    observations: list[Observation] = []
    problems: list[Problem] = []
    for cells, line in zip(table.rows, table.lines, strict=True):
        observation, found = observation_of_row(table, cells, line, indicators, declared_indicators, areas, periods)
        problems.extend(found)
        if observation is not None:
            observations.append(observation)
    return observations, problems


def observation_of_row(
    table: CsvTable,
    cells: list[str],
    line: int,
    indicators: dict[str, Indicator],
    declared_indicators: set[str] | None,
    areas: set[str] | None,
    periods: PeriodCache,
) -> tuple[Observation | None, list[Problem]]:
    """One row checked cell by cell: its observation, or the problems that keep it out. A row of
    an indicator that is declared but itself in error is left out quietly: its error is reported
    once, in the catalogue."""
    row = _RowChecker(table, cells, line)
    indicator_id = row.reference("indicator", declared_indicators, "what.indicator")
    area = row.reference("area", areas, "what.area")
    period = _period(row, periods)
    indicator = indicators.get(indicator_id) if indicator_id else None
    value = _value(row, indicator)
    count = row.count("count")
    status = _status(row)
    if indicator is not None and value is not None:
        value_problem = value_problem_of(indicator, value, row.cell("value"))
        if value_problem is not None:
            row.add("value", *value_problem)
    if row.problems or indicator is None or area is None or period is None or value is None or status is None:
        return None, row.problems
    return Observation(indicator.id, area, period, value, count, table.file, line, status), []


def status_of_cell(text: str) -> str | None:
    """The status a cell names (SPEC 9), or None if it names none."""
    return STATUS_WORDS.get(unicodedata.normalize("NFC", " ".join(text.split())).lower())


def _status(row: _RowChecker) -> str | None:
    text = row.cell("status")
    status = status_of_cell(text)
    if status is None:
        guess = suggest(text.strip().lower(), list(OBSERVATION_STATUSES))
        choices = list(OBSERVATION_STATUSES)
        row.add(
            "status",
            "bad-value",
            t("value.choice_guess", found=text, choices=choices, guess=guess)
            if guess
            else t("value.choice", found=text, choices=choices),
        )
    return status


def _value(row: _RowChecker, indicator: Indicator | None) -> Decimal | None:
    """The value cell. A spreadsheet writes a cell formatted as a percentage as it shows it,
    ``98.9%``: that is 98.9 for a percent indicator, and an error for any other unit."""
    text = row.cell("value")
    if not text.endswith("%") or indicator is None:
        return row.number("value")
    if indicator.unit != "percent":
        row.add("value", "bad-number", t("number.percent_sign", text=text, unit=indicator.unit))
        return None
    number = text[:-1].rstrip()
    if could_be_grouped(number) and (row.table.decimal_comma or "," in number):
        row.add("value", "ambiguous-number", grouped_text(number))
        return None
    try:
        return parse_decimal(number, decimal_comma=row.table.decimal_comma)
    except NumberError as error:
        row.add("value", "bad-number", error.text)
        return None


def _period(row: _RowChecker, periods: PeriodCache) -> Period | None:
    text = row.cell("period")
    if not text:
        row.add("period", "missing-field", t("row.empty_cell", column="period"))
        return None
    try:
        return periods.parse(text)
    except PeriodError as error:
        row.add("period", "bad-period", error.text)
        return None


def base_figures_from(table: CsvTable, areas: set[str] | None) -> tuple[list[BaseFigure], list[Problem]]:
    """The valid base figures of ``table``, and the problems of the others."""
    figures: list[BaseFigure] = []
    problems: list[Problem] = []
    for cells, line in zip(table.rows, table.lines, strict=True):
        row = _RowChecker(table, cells, line)
        area = row.reference("area", areas, "what.area")
        base = row.cell("base")
        if not base:
            row.add("base", "missing-field", t("row.empty_cell", column="base"))
        elif not re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", base):
            row.add("base", "bad-id", t("id.base", text=base))
        year = _year(row)
        value = row.number("value")
        if value is not None and value == 0:
            row.add("value", "bad-number", t("value.zero_base"))
        kind = row.cell("kind").lower()
        if kind and kind not in BASE_KINDS:
            guess = suggest(kind, list(BASE_KINDS))
            text = (
                t("value.choice_guess", found=kind, choices=list(BASE_KINDS), guess=guess)
                if guess
                else t("value.choice", found=kind, choices=list(BASE_KINDS))
            )
            row.add("kind", "bad-value", text)
        if row.problems or area is None or year is None or value is None:
            problems.extend(row.problems)
            continue
        figures.append(BaseFigure(area, base, year, value, kind, row.cell("source"), table.file, line))
    return figures, problems


def _year(row: _RowChecker) -> int | None:
    text = row.cell("year")
    if re.fullmatch(r"\d{4}", text) and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text)
    row.add("year", "bad-period", t("row.year", text=text, first=str(FIRST_YEAR), last=str(LAST_YEAR)))
    return None
