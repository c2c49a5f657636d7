"""A whole report as the file formats (workbook, HTML page, PDF) take it.

The text formats print a row at a time (``report_formats``); a workbook or a page is laid out
whole, with a summary first and a chart per level target, so it takes the engine's rows together
with what the charts draw: each row's observations up to the report's date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from ansinh.engine.results import Row, Summary
from ansinh.render.report_formats import GroupBy, Names


@dataclass(frozen=True, slots=True)
class Point:
    """One observation a chart draws."""

    period: str
    date: date
    value: Decimal
    status: str = "final"  # SPEC 9: estimate | preliminary | final


class SourceCells(dict[tuple[str, int], str]):
    """The ``source`` cells of the figures rows are judged on, by file and line, for
    ``--explain``'s lines on a page; ``load`` reads those of the rows a page shows, at once
    (``ansinh.api`` gives the reader; without one there is nothing to read)."""

    def load(self, rows: Sequence[Row]) -> None:
        return None


@dataclass(frozen=True, slots=True)
class ReportDocument:
    """What ``gap`` or ``report`` computed, for a file format."""

    command: Literal["gap", "report"]
    as_of: date
    title: str
    rows: list[Row]  # in the order they are shown (grouped when ``group_by`` is set)
    names: Names
    group_by: GroupBy | None = None
    # (indicator id, area id) -> the observations ending by ``as_of``, oldest first
    history: dict[tuple[str, str], tuple[Point, ...]] = field(default_factory=dict)
    method: str = "linear"  # SPEC 11: linear | cagr
    sources: SourceCells = field(default_factory=SourceCells)

    @property
    def summary(self) -> Summary:
        return Summary.of(row.status for row in self.rows)

    def points(self, row: Row) -> tuple[Point, ...]:
        return self.history.get((row.indicator.id, row.area), ())
