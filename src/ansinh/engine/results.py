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
from ansinh.models import Indicator, Observation, Target, finality
from ansinh.numbers import Fraction
from ansinh.periods import Period
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


@dataclass(frozen=True, slots=True)
class Bands:
    """Where a progress ratio's statuses begin: on track, needs acceleration, off track (below:
    regressing)."""

    on_track: Fraction | Decimal
    needs_acceleration: Fraction | Decimal
    off_track: Fraction | Decimal


class Method(StrEnum):
    """How a level target's progress is read: along the straight path (SPEC 3) or by growth
    rates (SPEC 11)."""

    LINEAR = "linear"
    CAGR = "cagr"


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
    status: str = "final"  # SPEC 9: estimate | preliminary | final (a sum's: its least final figure)
    file: str | None = None  # where the figure was written (a flow total's: its latest period)
    line: int | None = None


@dataclass(slots=True)
class Part:
    """One area's contribution to a figure worked out from others (SPEC 7 and 8): its value, the
    share of it taken (``None``: all), the figure it was itself worked out as (``None``: its own
    observation), and for rates its count and base, times the share."""

    area: str
    share: Decimal | None
    value: Decimal | Fraction
    figure: Figure | None = None
    count: Fraction | None = None
    base: Fraction | None = None


@dataclass(slots=True)
class Figure:
    """A figure an area has without an observation of its own: the roll-up of its children
    (``origin`` "rollup", SPEC 7) or of the units before or after a reorganisation ("lineage",
    SPEC 8). It stands where an ``Observation`` would: ``value``, ``period`` and, for rates,
    ``count`` (the sum of the parts' counts, rounded half up)."""

    indicator: str
    area: str
    period: Period
    value: Decimal | Fraction  # a Decimal for counts and flows (sums of decimals), else exact
    count: int | None
    origin: str
    parts: tuple[Part, ...]
    exact_count: Fraction | None = None  # rates: the sum of the parts' counts
    base: Fraction | None = None  # rates: the sum of the parts' bases
    extrapolated: tuple[str, ...] = ()  # the parts whose base was extrapolated
    status: str = "final"  # the least final of its parts' (SPEC 9)
    file: str | None = None
    line: int | None = None

    @property
    def finality(self) -> int:
        """As ``Observation.finality``: an estimate 0, preliminary 1, final 2."""
        return finality(self.status)


@dataclass(slots=True)
class CountBasis:
    """How a count was obtained: ``unit`` (the value is a count), ``declared`` (the plan's
    count), ``observed`` (the observation's count), ``derived`` (the sum of a roll-up's or
    lineage's parts) or ``base`` (value × base ÷ scale)."""

    source: str
    base: BaseValue | None = None
    exact: Fraction | None = None  # value × base ÷ scale before rounding


@dataclass(slots=True)
class Growth:
    """The growth rates behind a ratio, kept for ``--explain``."""

    observed: Decimal  # CAGR_obs = (V/B)^(1/years(t0→t1)) − 1
    required: Decimal  # CAGR_req = (T/B)^(1/years(t0→D)) − 1
    ratio: Decimal | None  # observed / required; None when required is 0
    years_elapsed: Fraction
    years_planned: Fraction


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
    growth: Growth | None = None  # SPEC 11's growth rates, with --method cagr


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
    method: str = "linear"  # how progress_ratio, projected and the status were read (SPEC 11)
    basis: Basis = field(default_factory=Basis)
    # SPEC 7: where ``current`` came from — "observation", "rollup" or "lineage" — and the
    # figures worked out from other areas that it used (for --explain)
    origin: str = "observation"
    derived: tuple[Figure, ...] = ()


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
