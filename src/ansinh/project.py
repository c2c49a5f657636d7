"""A project folder once read: the catalogue, areas, plans, observations and bases, with the
problems found in them. The engine computes from this; it never opens a file."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ansinh.bases import BaseTable
from ansinh.models import Area, BaseSeries, Indicator, Observation, Plan
from ansinh.problems import Problem


@dataclass(slots=True)
class Series:
    """The observations of one indicator in one area, ordered by the end of their periods."""

    observations: list[Observation]
    ends: list[date] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.ends = [observation.period.end for observation in self.observations]

    def latest_by(self, day: date) -> Observation | None:
        """The observation whose period ends last on or before ``day``."""
        index = bisect.bisect_right(self.ends, day)
        return self.observations[index - 1] if index else None

    def ending_by(self, day: date) -> list[Observation]:
        return self.observations[: bisect.bisect_right(self.ends, day)]


class ObservationStore:
    """Every observation of a project, by (indicator, area)."""

    def __init__(self, series: dict[tuple[str, str], Series] | None = None) -> None:
        self._series = series or {}

    def series(self, indicator: str, area: str) -> Series | None:
        return self._series.get((indicator, area))

    def all(self) -> Iterable[Observation]:
        for series in self._series.values():
            yield from series.observations

    def __len__(self) -> int:
        return sum(len(series.observations) for series in self._series.values())


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
