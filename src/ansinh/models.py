"""The domain: indicators, areas, plans and their targets, observations and bases.

Plain dataclasses with no I/O and no validation machinery, so that the engine, the renderers and
the cache of a loaded project need neither pydantic nor PyYAML. The files are checked and turned
into these by ``ansinh.files``.

Nothing changes these values once they are made, but the classes a national root has by the
hundred thousand (targets, observations) are not declared frozen: frozen dataclasses are much
slower to build and to unpickle, which a large root does when a second process hands its plans
back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from ansinh.periods import Period
from ansinh.text import LocalText

Unit = Literal["percent", "per_1k", "per_10k", "per_100k", "count"]
Better = Literal["higher", "lower"]
Kind = Literal["level", "flow"]
Level = Literal["country", "province", "district", "commune"]
LEVELS: tuple[Level, ...] = ("country", "province", "district", "commune")

UNITS: tuple[Unit, ...] = ("percent", "per_1k", "per_10k", "per_100k", "count")
SCALE: dict[str, int] = {"percent": 100, "per_1k": 1_000, "per_10k": 10_000, "per_100k": 100_000, "count": 1}
BASE_KINDS = ("census", "estimate", "projection", "derived")
# SPEC 9: how final an observation is, least final first; rows without a status are final.
OBSERVATION_STATUSES = ("estimate", "preliminary", "final")
FINAL = "final"


def finality(status: str) -> int:
    """How final a figure of ``status`` is: an estimate 0, preliminary 1, final 2 (SPEC 9)."""
    return OBSERVATION_STATUSES.index(status)


def least_final(statuses: Iterable[str]) -> str:
    """The status of a figure made of others (a sum, a roll-up): that of its least final part."""
    return min(statuses, key=finality)


@dataclass(frozen=True, slots=True)
class Indicator:
    """What an indicator measures, in which unit, and which way is better."""

    id: str
    name: LocalText
    unit: Unit
    better: Better
    kind: Kind
    counts: LocalText | None = None
    base: str | None = None
    source: str | None = None
    note: str | None = None

    @property
    def scale(self) -> int:
        return SCALE[self.unit]

    @property
    def direction(self) -> int:
        return 1 if self.better == "higher" else -1


@dataclass(frozen=True, slots=True)
class BaseSeries:
    """A denominator series (population, households...): what it is and what it counts."""

    id: str
    name: LocalText | None = None
    counts: LocalText | None = None
    source: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Successor:
    """A unit that took an area's territory when it ceased (SPEC 8): whole, or ``share`` of its
    counts and bases."""

    area: str
    share: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Area:
    """A place plans are made for: a province, a district, a commune; with, since the 2025
    reorganisation (SPEC 8), the days it existed and the units it became."""

    id: str
    name: LocalText
    level: Level
    parent: str | None = None
    source: str | None = None
    note: str | None = None
    since: date | None = None  # its first day
    until: date | None = None  # its last day
    became: tuple[Successor, ...] = ()

    def exists_on(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


@dataclass(slots=True)  # see the module's note on frozen classes
class Baseline:
    """Where a level target started: a value at a period."""

    value: Decimal
    period: Period
    source: str | None = None
    note: str | None = None


@dataclass(slots=True)  # see the module's note on frozen classes
class Target:
    """A target as the plan states it: a value by a deadline (levels), a total over a window or an
    amount a year (flows)."""

    by: Period
    value: Decimal | None = None
    total: Decimal | None = None
    per_year: Decimal | None = None
    from_: Period | None = None


@dataclass(slots=True)  # see the module's note on frozen classes
class PlanTarget:
    """One indicator's target within a plan."""

    indicator: str
    target: Target
    lead: str | None = None
    baseline: Baseline | None = None
    count: Decimal | None = None
    area: str | None = None
    source: str | None = None
    note: str | None = None


@dataclass(slots=True)  # see the module's note on frozen classes
class Plan:
    """A multi-year plan's targets for an area."""

    id: str
    name: LocalText
    area: str
    start: Period
    end: Period
    targets: tuple[PlanTarget, ...] = ()
    source: str | None = None
    note: str | None = None


@dataclass(slots=True)  # not frozen: made by the million, and frozen dataclasses are slow to build
class Observation:
    """A measured value of an indicator for an area and period (one CSV row)."""

    indicator: str
    area: str
    period: Period
    value: Decimal
    count: int | None
    file: str
    line: int
    status: str = FINAL  # SPEC 9: estimate | preliminary | final

    @property
    def finality(self) -> int:
        """How final the figure is: a final figure wins over a preliminary one, which wins over
        an estimate, for the same period."""
        return finality(self.status)


@dataclass(frozen=True, slots=True)
class BaseFigure:
    """A known value of a base series for an area and calendar year (one CSV row)."""

    area: str
    base: str
    year: int
    value: Decimal
    kind: str
    source: str
    file: str
    line: int
