"""Do a rate, a count and a base agree? The warnings of SPEC section 4 that both ``validate`` and
the rows of ``gap``/``report`` give, worded once here.

A value is only known to the precision it is written in: 27.5 beds per 10,000 means anything from
27.45 to 27.55, so 22,796 beds at 27.5 fit any population from 8,274,410 to 8,304,554. A base
outside that range disagrees.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ansinh.bases import BaseTable, BaseValue
from ansinh.models import BaseSeries, Indicator
from ansinh.numbers import Fraction, half_unit, round_down, round_up
from ansinh.text import LocalText, Text, t

# What one unit of a well-known base is, when the catalogue does not declare the series.
# What the usual bases count, when the catalogue does not say: words of messages.py.
_BASE_NOUNS = frozenset({"population", "households", "labour_force", "communes"})


@dataclass(frozen=True, slots=True)
class Implied:
    """The range of bases a count and a rate written with limited precision are consistent with."""

    low: Fraction
    high: Fraction | None  # None: the rate may be as small as zero, so no upper bound

    def contains(self, base: Fraction) -> bool:
        return self.low <= base and (self.high is None or base <= self.high)


def implied_base(count: Fraction, rate: Decimal, scale: int) -> Implied | None:
    """Bases for which ``count`` is ``rate`` per ``scale``, within the rounding of ``rate``."""
    half = half_unit(rate)
    highest_rate = Fraction(rate + half)
    lowest_rate = Fraction(rate - half)
    if highest_rate <= 0:
        return None
    low = count * scale / highest_rate
    high = count * scale / lowest_rate if lowest_rate > 0 else None
    return Implied(low, high)


def base_noun(base: str, series: dict[str, BaseSeries]) -> LocalText | Text | str:
    declared = series.get(base)
    if declared is not None and declared.counts is not None:
        return declared.counts
    if base in _BASE_NOUNS:
        return t(f"base.noun.{base}")
    return base


def base_label(base: str, series: dict[str, BaseSeries]) -> LocalText | str:
    declared = series.get(base)
    return declared.name if declared is not None and declared.name is not None else base


def how_text(value: BaseValue) -> Text:
    """(census), (interpolated), (extrapolated)... in the reader's language."""
    return t(f"base.how.{value.kind}" if value.how == "known" and value.kind else f"base.how.{value.how}")


def rate_text(indicator: Indicator, value: Decimal) -> Text:
    """27.5 per 10,000; 0.03%."""
    return t(f"unit.{indicator.unit}", value=value)


def counted(indicator: Indicator, count: Fraction | int | Decimal) -> Text:
    """22,796 beds — or just the number when the indicator does not name what it counts."""
    if indicator.counts is None:
        return t("count.bare", count=count)
    return t("count.named", count=count, what=indicator.counts)


def count_rate_mismatch(
    indicator: Indicator,
    area: str,
    rate: Decimal,
    count: int,
    day: date,
    bases: BaseTable,
    series: dict[str, BaseSeries],
    *,
    key: str = "warning.count_rate",
) -> Text | None:
    """The message when ``count`` at ``rate`` does not fit the base for ``day``'s year."""
    if indicator.base is None:
        return None
    base = bases.at(area, indicator.base, day)
    implied = implied_base(Fraction(count), rate, indicator.scale)
    if base is None or implied is None or implied.contains(base.value):
        return None
    return t(
        key,
        count=counted(indicator, count),
        rate=rate_text(indicator, rate),
        low=round_down(implied.low),
        high=round_up(implied.high) if implied.high is not None else t("range.unbounded"),
        noun=base_noun(indicator.base, series),
        base=base_label(indicator.base, series),
        year=str(base.year),
        value=base.value,
        how=how_text(base),
    )


def extrapolated_base(
    indicator: Indicator, area: str, day: date, bases: BaseTable, series: dict[str, BaseSeries]
) -> Text | None:
    """The message when the base a figure needs for ``day`` lies beyond the known years."""
    if indicator.base is None:
        return None
    base = bases.at(area, indicator.base, day)
    if base is None or not base.extrapolated:
        return None
    known = bases.known_years(area, indicator.base)
    return t(
        "warning.extrapolated" if len(known) > 1 else "warning.held_constant",
        base=base_label(indicator.base, series),
        area=area,
        year=str(base.year),
        value=base.value,
        first=str(known[0]),
        last=str(known[-1]),
    )
