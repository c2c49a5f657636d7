"""A project folder once read: the catalogue, areas, plans, observations and bases, with the
problems found in them. The engine computes from this; it never opens a file."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from operator import attrgetter
from pathlib import Path

from ansinh.bases import BaseTable
from ansinh.models import FINAL, Area, BaseSeries, Indicator, Observation, Plan
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


_END = attrgetter("end")  # a series is searched by the ends of its periods, in order


class ObservationStore:
    """Every observation of a project, as columns: the rows of each series (an indicator in an
    area) together, ordered by the end of their periods.

    A national root has millions of rows; as columns they take a fraction of the memory of one
    object per row, and are made into ``Observation`` values only where the engine or a check
    uses them."""

    __slots__ = ("_spans", "counts", "locations", "periods", "rows", "statuses", "values")

    def __init__(self, locations: Locations | None = None, statuses: dict[int, str] | None = None) -> None:
        self.periods: list[Period] = []
        self.values: list[str] = []  # decimal text, '.' as the decimal point
        self.counts: list[str] = []  # digits, or '' where the row has no count
        self.rows = array("l")  # row numbers, see Locations
        self.locations = locations or Locations()
        self.statuses = statuses or {}  # row number -> status, for the rows that are not final (SPEC 9)
        self._spans: dict[tuple[str, str], tuple[int, int]] = {}

    def add_series(
        self, indicator: str, area: str, periods: list[Period], values: list[str], counts: list[str], rows: array[int]
    ) -> None:
        """Append a series, its periods in order and not overlapping (the reader sees to it)."""
        start = len(self.periods)
        self.periods += periods
        self.values += values
        self.counts += counts
        self.rows += rows
        self._spans[(indicator, area)] = (start, len(self.periods))

    def adopt(self, periods: list[Period], values: list[str], counts: list[str], rows: array[int]) -> None:
        """Take columns whose series are stretches of rows already in order, named by ``span``.
        Rows no series names are left unused (a reader replaces a series that had problems)."""
        self.periods, self.values, self.counts, self.rows = periods, values, counts, rows

    def span(self, indicator: str, area: str, start: int, end: int) -> None:
        """The series of ``indicator`` in ``area`` is rows ``start`` to ``end`` of the columns."""
        self._spans[(indicator, area)] = (start, end)

    def series(self, indicator: str, area: str) -> Series | None:
        span = self._spans.get((indicator, area))
        return Series(self, indicator, area, *span) if span is not None else None

    def all_series(self) -> Iterator[Series]:
        for (indicator, area), (start, end) in self._spans.items():
            yield Series(self, indicator, area, start, end)

    def __len__(self) -> int:
        return sum(end - start for start, end in self._spans.values())

    def __reduce__(self) -> tuple[Callable[..., ObservationStore], tuple[object, ...]]:
        """Pickled as a few long strings and arrays rather than millions of small objects, which
        pickle and load many times slower: the reading worker and the cache hand stores over so.
        Periods are shared objects, written once each and referred to by number."""
        ids = list(map(id, self.periods))
        by_id = dict(zip(ids, self.periods, strict=True))
        table = list(by_id.values())
        number_of = {key: number for number, key in enumerate(by_id)}
        numbers = array("l", map(number_of.__getitem__, ids))
        return _unpack_store, (
            table,
            numbers,
            _joined(self.values),
            _joined(self.counts),
            self.rows,
            self.locations,
            self._spans,
            self.statuses,
        )


def _joined(cells: list[str]) -> str | list[str]:
    """Cells as one text, split again on loading; the list itself should a cell ever hold a
    line break, so that no pickled store can come back with its rows shifted."""
    text = "\n".join(cells)
    return text if text.count("\n") == max(0, len(cells) - 1) else list(cells)


def _unpack_store(
    table: list[Period],
    numbers: array[int],
    values: str | list[str],
    counts: str | list[str],
    rows: array[int],
    locations: Locations,
    spans: dict[tuple[str, str], tuple[int, int]],
    statuses: dict[int, str],
) -> ObservationStore:
    store = ObservationStore(locations, statuses)
    store.periods = list(map(table.__getitem__, numbers))
    store.values = values if isinstance(values, list) else values.split("\n") if numbers else []
    store.counts = counts if isinstance(counts, list) else counts.split("\n") if numbers else []
    store.rows = rows
    store._spans = spans
    return store


@dataclass(frozen=True, slots=True)
class Series:
    """The observations of one indicator in one area: a stretch of the store's columns.
    Indexes are the series' own, from 0."""

    store: ObservationStore
    indicator: str
    area: str
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    @property
    def periods(self) -> list[Period]:
        return self.store.periods[self.start : self.end]

    @property
    def values(self) -> list[str]:
        return self.store.values[self.start : self.end]

    @property
    def counts(self) -> list[str]:
        return self.store.counts[self.start : self.end]

    def observation(self, index: int) -> Observation:
        store, at = self.store, self.start + index
        row = store.rows[at]
        file, line = store.locations(row)
        count = store.counts[at]
        return Observation(
            self.indicator,
            self.area,
            store.periods[at],
            Decimal(store.values[at]),
            int(count) if count else None,
            file,
            line,
            store.statuses.get(row, FINAL),
        )

    def observations(self) -> list[Observation]:
        return [self.observation(index) for index in range(len(self))]

    def first_ending_from(self, day: date) -> int:
        """The index of the first observation whose period ends on or after ``day`` (the
        series' length if none does)."""
        return bisect.bisect_left(self.store.periods, day, self.start, self.end, key=_END) - self.start

    def latest_by(self, day: date) -> Observation | None:
        """The observation whose period ends last on or before ``day``."""
        index = bisect.bisect_right(self.store.periods, day, self.start, self.end, key=_END) - self.start
        return self.observation(index - 1) if index else None

    def ending_by(self, day: date, keep: Callable[[Period], bool] | None = None) -> list[Observation]:
        """The observations whose periods end on or before ``day`` (and that ``keep`` keeps)."""
        count = bisect.bisect_right(self.store.periods, day, self.start, self.end, key=_END) - self.start
        if keep is None:
            return [self.observation(index) for index in range(count)]
        periods = self.store.periods
        return [self.observation(index) for index in range(count) if keep(periods[self.start + index])]


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
    # False when read for a command that reports errors only: the checks that can find nothing
    # but warnings were left out (``load_project(..., warnings=False)``).
    warnings_checked: bool = True
    # The warnings of SPEC 7-8 that compare observations with the areas' tree and lifetimes
    # (rollup-mismatch, outside-lifetime), once ``ansinh.api.validate`` has worked them out: kept
    # with the project, so that a cached project need not work them out again.
    derived_problems: list[Problem] | None = None

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.is_error]
