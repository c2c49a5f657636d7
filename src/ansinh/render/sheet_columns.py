"""The columns of a report laid out for a spreadsheet: the workbook (``xlsx_report``) and the CSV
for Excel (``report_formats.CsvExcelPrinter``) show the same columns, under the same headings.

A column gives a row's figure as a typed value — text, a whole number, an exact decimal, a date —
never as formatted text: each writer puts it into its own form (a number cell with a number
format, or the reader's decimal comma). Figures the engine computed are rounded here as JSON
rounds them (four places, half up); figures read from the files keep the decimals they were
written with. Percentages (``percent_of_target``, a flow's ``progress_percent``) are kept as
percents (91.6667), and each writer makes them real percentages (0.916667 shown as 91.67%).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from ansinh.engine.results import Row
from ansinh.language import Lang, template
from ansinh.numbers import OUTPUT_PLACES, Fraction, rounded
from ansinh.render.units import observation_status_text, status_text

if TYPE_CHECKING:
    from ansinh.render.report_formats import Names

_ONE = Decimal(1)


class Kind(StrEnum):
    """How a column's values are written."""

    TEXT = "text"
    COUNT = "count"  # a whole number of things: #,##0
    NUMBER = "number"  # a figure with the decimals it has
    DATE = "date"
    PERCENT = "percent"  # a percent (91.6667), written as a real percentage


Value = str | int | Decimal | date | None


@dataclass(frozen=True, slots=True)
class SheetColumn:
    """One column: its stable key (the JSON key it comes from, where there is one), the message
    of its heading, how it is written, its width in characters, and its value in a row."""

    key: str
    heading: str
    kind: Kind
    width: float
    value: Callable[[Row, Lang, Names], Value]


def figure(value: Decimal | Fraction | int | None) -> Decimal | int | None:
    """A figure as a spreadsheet shows it: a count as it is, a decimal read from the files with
    its written decimals (27.5 stays 27.5, 30.0 stays 30.0), a computed one rounded as JSON."""
    kind = type(value)
    if value is None or kind is int or kind is Decimal:
        return value
    # Rounded half up to four places as an exact decimal without trailing zeros (2.5, not 2.5000;
    # 30, not 3E+1): the same figure as ``numbers.round_to_places``, by three calls in C.
    scaled = Decimal(rounded(value, OUTPUT_PLACES)).scaleb(-OUTPUT_PLACES).normalize()
    return scaled.quantize(_ONE) if scaled.as_tuple().exponent > 0 else scaled  # type: ignore[operator]


def _unit(row: Row, lang: Lang) -> str:
    indicator = row.indicator
    if indicator.unit == "count":
        return indicator.counts.get(lang) if indicator.counts else ""
    return template(f"unit.{indicator.unit}", lang).format(value="").strip()  # "%", "per 10,000"


def _target_type(row: Row, lang: Lang) -> str:
    if row.target.value is not None:
        key = "sheet.type_level"
    elif row.target.total is not None:
        key = "sheet.type_total"
    else:
        key = "sheet.type_per_year"
    return template(key, lang)


def _target(row: Row) -> Decimal | None:
    target = row.target
    return target.value if target.value is not None else target.total if target.total is not None else target.per_year


def _percent(row: Row) -> Decimal | int | None:
    """How much of the target is done: ``percent_of_target`` for a level, ``progress_percent`` for
    a flow ("đạt 78,41% kế hoạch" either way)."""
    share = row.percent_of_target if row.percent_of_target is not None else row.progress_percent
    return figure(share)


def _warnings(row: Row, lang: Lang) -> str:
    from ansinh.language import render

    return "; ".join(f"{warning.code}: {render(warning.text, lang)}" for warning in row.warnings)


SHEET_COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn("area.name", "heading.area", Kind.TEXT, 18, lambda row, lang, names: names.area(row.area, lang)),
    SheetColumn("name", "heading.indicator", Kind.TEXT, 30, lambda row, lang, names: row.indicator.name.get(lang)),
    SheetColumn("plan", "sheet.plan", Kind.TEXT, 14, lambda row, lang, names: row.plan),
    SheetColumn("area", "sheet.area_id", Kind.TEXT, 10, lambda row, lang, names: row.area),
    SheetColumn("indicator", "sheet.indicator_id", Kind.TEXT, 14, lambda row, lang, names: row.indicator.id),
    SheetColumn("lead", "sheet.lead", Kind.TEXT, 16, lambda row, lang, names: row.lead),
    SheetColumn("unit", "column.unit", Kind.TEXT, 10, lambda row, lang, names: _unit(row, lang)),
    SheetColumn("baseline.value", "heading.baseline", Kind.NUMBER, 10, lambda row, lang, names: row.baseline_value),
    SheetColumn("baseline.period", "sheet.baseline_period", Kind.TEXT, 9, lambda row, lang, names: row.baseline_period),
    SheetColumn("target.type", "sheet.target_type", Kind.TEXT, 12, lambda row, lang, names: _target_type(row, lang)),
    SheetColumn("target", "heading.target", Kind.NUMBER, 10, lambda row, lang, names: _target(row)),
    SheetColumn("target.from", "sheet.from", Kind.DATE, 11, lambda row, lang, names: row.window_start),
    SheetColumn("target.deadline", "sheet.deadline", Kind.DATE, 11, lambda row, lang, names: row.deadline),
    SheetColumn("target_count", "sheet.target_count", Kind.COUNT, 11, lambda row, lang, names: row.target_count),
    SheetColumn(
        "current.value",
        "heading.current",
        Kind.NUMBER,
        10,
        lambda row, lang, names: figure(row.current.value) if row.current else None,
    ),
    SheetColumn(
        "current.period",
        "sheet.current_period",
        Kind.TEXT,
        9,
        lambda row, lang, names: row.current.period if row.current else None,
    ),
    SheetColumn(
        "current.status",
        "sheet.current_status",
        Kind.TEXT,
        11,
        lambda row, lang, names: (
            observation_status_text(getattr(row.current, "status", "final"), lang) if row.current else None
        ),
    ),
    SheetColumn("current_count", "sheet.current_count", Kind.COUNT, 11, lambda row, lang, names: row.current_count),
    SheetColumn("gap", "heading.gap", Kind.NUMBER, 10, lambda row, lang, names: figure(row.gap)),
    SheetColumn("years_left", "sheet.years_left", Kind.NUMBER, 8, lambda row, lang, names: figure(row.years_left)),
    SheetColumn(
        "required_per_year", "heading.per_year", Kind.NUMBER, 10, lambda row, lang, names: figure(row.required_per_year)
    ),
    SheetColumn("shortfall", "heading.shortfall", Kind.COUNT, 11, lambda row, lang, names: row.shortfall),
    SheetColumn(
        "shortfall_per_year",
        "heading.shortfall_per_year",
        Kind.COUNT,
        11,
        lambda row, lang, names: row.shortfall_per_year,
    ),
    SheetColumn(
        "percent_of_target", "heading.percent_of_target", Kind.PERCENT, 10, lambda row, lang, names: _percent(row)
    ),
    SheetColumn(
        "progress_ratio", "sheet.progress_ratio", Kind.NUMBER, 9, lambda row, lang, names: figure(row.progress_ratio)
    ),
    SheetColumn("projected", "sheet.projected", Kind.NUMBER, 11, lambda row, lang, names: figure(row.projected)),
    SheetColumn("status", "heading.status", Kind.TEXT, 16, lambda row, lang, names: status_text(row.status, lang)),
    SheetColumn("warnings", "sheet.warnings", Kind.TEXT, 40, lambda row, lang, names: _warnings(row, lang)),
)
STATUS_COLUMN = next(index for index, column in enumerate(SHEET_COLUMNS) if column.key == "status")


def headings(lang: Lang) -> list[str]:
    return [template(column.heading, lang) for column in SHEET_COLUMNS]


def values(row: Row, lang: Lang, names: Names) -> list[Value]:
    """A row's values, one a column."""
    return [column.value(row, lang, names) for column in SHEET_COLUMNS]
