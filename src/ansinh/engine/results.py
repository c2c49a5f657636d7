"""What the engine returns: one ``Row`` per target, with the figures of SPEC section 6 and the
inputs that produced them (for ``--explain``). Exact values throughout: ``Decimal`` for figures
read from the files, ``Fraction`` for figures computed from them.

These dataclasses are not frozen, unlike the domain's: a national report builds ninety thousand
rows, and a frozen dataclass of this size costs ten times as much to build. Nothing changes a
row once the engine has made it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from ansinh.bases import BaseValue
from ansinh.models import Indicator, Observation, Target
from ansinh.numbers import Fraction
from ansinh.text import LocalText, Text


class Status(StrEnum):
    """SPEC section 3, listed from best to worst as ``--fail-on`` orders them (SPEC section 5)."""

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    NO_TREND = "no_trend"
    NEEDS_ACCELERATION = "needs_acceleration"
    OFF_TRACK = "off_track"
    REGRESSING = "regressing"
    MISSED = "missed"
    NO_DATA = "no_data"

    @property
    def rank(self) -> int:
        return list(Status).index(self)


# The order of the summary's keys in SPEC section 6.
SUMMARY_ORDER = (
    Status.ACHIEVED,
    Status.ON_TRACK,
    Status.NEEDS_ACCELERATION,
    Status.OFF_TRACK,
    Status.REGRESSING,
    Status.MISSED,
    Status.NO_TREND,
    Status.NO_DATA,
)


@dataclass(slots=True)
class RowWarning:
    """A warning attached to a row: a code of SPEC section 4 and its message."""

    code: str
    text: Text


@dataclass(slots=True)
class Current:
    """The figure the row is judged on: an observation, or a flow's sum."""

    value: Decimal
    period: str
    date: date
    count: int | None


@dataclass(slots=True)
class CountBasis:
    """How a count was obtained: ``unit`` (the value is a count), ``declared`` (the plan's
    count), ``observed`` (the observation's count) or ``base`` (value × base ÷ scale)."""

    source: str
    base: BaseValue | None = None
    exact: Fraction | None = None  # value × base ÷ scale before rounding


@dataclass(slots=True)
class Basis:
    """The inputs of a row's arithmetic, kept for ``--explain``."""

    months_left: Fraction | None = None  # t1 -> D
    months_elapsed: Fraction | None = None  # t0 (or t_from) -> t1
    months_planned: Fraction | None = None  # t0 (or t_from) -> D
    start: date | None = None  # t0 for levels, t_from for flows
    expected: Fraction | None = None  # E for levels, the expected amount for flows
    target_count: CountBasis | None = None
    current_count: CountBasis | None = None
    summed: tuple[Observation, ...] = ()  # the flow observations added up


@dataclass(slots=True)
class Row:
    """One target as of a date: SPEC section 6's figures, ``None`` where one cannot be computed."""

    plan: str
    plan_name: LocalText
    indicator: Indicator
    area: str
    lead: str | None
    baseline_value: Decimal | None
    baseline_date: date | None
    baseline_period: str | None
    target: Target  # as the plan states it (SPEC 1.3)
    deadline: date  # the last day of the target's period ``by``
    window_start: date | None  # a flow total's first day (its ``from``)
    declared_count: Decimal | None  # the plan's ``count``
    current: Current | None
    met: bool | None
    gap: Fraction | None
    years_left: Fraction | None
    required_per_year: Fraction | None
    target_count: int | None
    current_count: int | None
    shortfall: int | None
    shortfall_per_year: int | None
    achieved: Decimal | None
    progress_percent: Fraction | None
    progress_ratio: Fraction | None
    projected: Fraction | None
    status: Status
    warnings: tuple[RowWarning, ...] = ()
    completion: Fraction | None = None  # the share of the way from baseline to target, for bars
    # SPEC 9: 100·V/T for a level target where higher is better ("đạt 78,41% kế hoạch"), else None
    percent_of_target: Fraction | None = None
    basis: Basis = field(default_factory=Basis)


@dataclass(slots=True)
class Summary:
    """How many rows are at each status."""

    total: int
    counts: dict[Status, int]

    @classmethod
    def of(cls, statuses: Iterable[Status]) -> Summary:
        counts = dict.fromkeys(SUMMARY_ORDER, 0)
        for status in statuses:
            counts[status] += 1
        return cls(sum(counts.values()), counts)
