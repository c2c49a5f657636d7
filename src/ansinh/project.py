"""A project folder once read: the catalogue, areas, plans, observations and bases, with the
problems found in them. The engine computes from this; it never opens a file."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from ansinh.bases import BaseTable
from ansinh.models import Area, BaseSeries, Indicator, Observation, Plan
from ansinh.periods import Period
from ansinh.problems import Problem


class Locations:
    """Where each observation row was written. Rows are numbered across all observation files;
    a file's lines are worked out from its rows only when a problem needs them."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._files: list[str] = []
        self._lines: list[Callable[[int], int]] = []

    def add_file(self, file: str, first_row: int, line_of: Callable[[int], int]) -> None:
        """Rows from ``first_row`` on belong to ``file``; ``line_of`` maps its own row numbers
        (from 0) to lines."""
        self._starts.append(first_row)
        self._files.append(file)
        self._lines.append(line_of)

    def __call__(self, row: int) -> tuple[str, int]:
        index = bisect.bisect_right(self._starts, row) - 1
        return self._files[index], self._lines[index](row - self._starts[index])


@dataclass(slots=True)
class Series:
    """The observations of one indicator in one area, ordered by the end of their periods.

    Kept as columns — a national root has millions of rows — and made into ``Observation``
    values only when the engine or a check uses them."""

    indicator: str
    area: str
    periods: list[Period]
    values: list[str]  # decimal text, '.' as the decimal point
    counts: list[str]  # digits, or '' where the row has no count
    rows: array[int]  # row numbers, see Locations
    locations: Locations
    ends: list[date] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.ends:
            self.ends = [period.end for period in self.periods]

    def __len__(self) -> int:
        return len(self.periods)

    def observation(self, index: int) -> Observation:
        file, line = self.locations(self.rows[index])
        count = self.counts[index]
        return Observation(
            self.indicator,
            self.area,
            self.periods[index],
            Decimal(self.values[index]),
            int(count) if count else None,
            file,
            line,
        )

    def observations(self) -> list[Observation]:
        return [self.observation(index) for index in range(len(self.periods))]

    def latest_by(self, day: date) -> Observation | None:
        """The observation whose period ends last on or before ``day``."""
        index = bisect.bisect_right(self.ends, day)
        return self.observation(index - 1) if index else None

    def ending_by(self, day: date) -> list[Observation]:
        return [self.observation(index) for index in range(bisect.bisect_right(self.ends, day))]


class ObservationStore:
    """Every observation of a project, by (indicator, area)."""

    def __init__(self, series: dict[tuple[str, str], Series] | None = None) -> None:
        self._series = series or {}

    def series(self, indicator: str, area: str) -> Series | None:
        return self._series.get((indicator, area))

    def all_series(self) -> Iterable[Series]:
        return self._series.values()

    def all(self) -> Iterable[Observation]:
        for series in self._series.values():
            yield from series.observations()

    def __len__(self) -> int:
        return sum(len(series) for series in self._series.values())


@dataclass(slots=True)
class Project:
    """Everything a project folder holds, read and checked."""

    root: Path
    indicators: dict[str, Indicator] = field(default_factory=dict)
    base_series: dict[str, BaseSeries] = field(default_factory=dict)
    areas: dict[str, Area] = field(default_factory=dict)
    plans: dict[str, Plan] = field(default_factory=dict)
    plan_files: dict[str, str] = field(default_factory=dict)
    observations: ObservationStore = field(default_factory=ObservationStore)
    bases: BaseTable = field(default_factory=BaseTable)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.is_error]
