"""Denominators by calendar year, SPEC section 1.5: known years as given, years between them
interpolated linearly, years outside them extrapolated with the compound annual growth of the two
nearest known years (held constant when only one is known). Nothing here is rounded."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Context, Decimal
from typing import Literal

from ansinh.models import BaseFigure
from ansinh.numbers import Fraction

How = Literal["known", "interpolated", "extrapolated"]

# Growth rates are irrational: 40 significant digits keep them far below any rounding that shows.
_GROWTH_CONTEXT = Context(prec=40)


@dataclass(frozen=True, slots=True)
class BaseValue:
    """A base for an area and year, and how it was obtained."""

    base: str
    area: str
    year: int
    value: Fraction
    how: How
    kind: str  # the known figure's kind (census, estimate...), or "" when worked out

    @property
    def extrapolated(self) -> bool:
        return self.how == "extrapolated"


class BaseTable:
    """The known figures of every (area, base) series, sorted by year."""

    def __init__(self, figures: Iterable[BaseFigure] = ()) -> None:
        self._series: dict[tuple[str, str], list[BaseFigure]] = {}
        for figure in figures:
            self._series.setdefault((figure.area, figure.base), []).append(figure)
        for series in self._series.values():
            series.sort(key=lambda figure: figure.year)
        self._years = {key: [figure.year for figure in series] for key, series in self._series.items()}
        # A national root asks for the same few years of each area's bases again and again.
        self._known: dict[tuple[str, str, int], BaseValue | None] = {}

    def names(self) -> set[str]:
        return {base for _, base in self._series}

    def known_years(self, area: str, base: str) -> list[int]:
        return self._years.get((area, base), [])

    def at(self, area: str, base: str, day: date) -> BaseValue | None:
        """The base of ``area`` for the calendar year of ``day``; None if the series is unknown."""
        return self.for_year(area, base, day.year)

    def for_year(self, area: str, base: str, year: int) -> BaseValue | None:
        key = (area, base, year)
        if key not in self._known:
            self._known[key] = self._work_out(area, base, year)
        return self._known[key]

    def _work_out(self, area: str, base: str, year: int) -> BaseValue | None:
        series = self._series.get((area, base))
        if not series:
            return None
        years = self._years[(area, base)]
        index = bisect.bisect_left(years, year)
        if index < len(series) and years[index] == year:
            figure = series[index]
            return BaseValue(base, area, year, Fraction(figure.value), "known", figure.kind)
        if 0 < index < len(series):
            before, after = series[index - 1], series[index]
            share = Fraction(year - before.year, after.year - before.year)
            value = Fraction(before.value) + (Fraction(after.value) - Fraction(before.value)) * share
            return BaseValue(base, area, year, value, "interpolated", "")
        if len(series) == 1:
            return BaseValue(base, area, year, Fraction(series[0].value), "extrapolated", "")
        near, far = (series[0], series[1]) if index == 0 else (series[-1], series[-2])
        return BaseValue(base, area, year, _grown(near, far, year), "extrapolated", "")


def _grown(near: BaseFigure, far: BaseFigure, year: int) -> Fraction:
    """``near`` carried to ``year`` at the compound annual growth between ``far`` and ``near``."""
    context = _GROWTH_CONTEXT
    ratio = context.divide(near.value, far.value)
    exponent = context.divide(Decimal(year - near.year), Decimal(near.year - far.year))
    return Fraction(context.multiply(near.value, context.power(ratio, exponent)))
