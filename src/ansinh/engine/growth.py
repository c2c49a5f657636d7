"""SPEC 11: the UN Statistics Division's and Open SDG's reading of a level target — the ratio of
the observed compound annual growth rate to the one the target requires.

Growth rates are roots of ratios, not fractions, so they are computed in decimals of 40
significant digits (SPEC asks for at least 28): enough that a ratio at a band's edge (0.95,
0.5, −0.1) falls on the side the exact figure lies on for any input written with 15 digits.
"""

from __future__ import annotations

from decimal import Context, Decimal

from ansinh.engine.results import Bands, Growth
from ansinh.numbers import Fraction

PRECISION = 40
_CONTEXT = Context(prec=PRECISION)

# The UN's bands (SPEC 11), on the unrounded ratio: off track down to −0.1.
UN_BANDS = Bands(Decimal("0.95"), Decimal("0.5"), Decimal("-0.1"))


def _decimal(value: Fraction | Decimal | int) -> Decimal:
    if isinstance(value, Decimal | int):
        return _CONTEXT.plus(Decimal(value))
    return _CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))


def annual_growth(start: Fraction | Decimal, end: Fraction | Decimal, years: Fraction) -> Decimal:
    """``(end/start)^(1/years) − 1``, both values above 0 and ``years`` above 0."""
    ratio = _CONTEXT.divide(_decimal(end), _decimal(start))
    exponent = _CONTEXT.divide(Decimal(years.denominator), Decimal(years.numerator))
    return _CONTEXT.subtract(_CONTEXT.power(ratio, exponent), Decimal(1))


def growth(
    baseline: Fraction, value: Fraction, target: Fraction, months_elapsed: Fraction, months_planned: Fraction
) -> Growth | None:
    """The growth rates and their ratio, or None where SPEC 11 leaves the ratio undefined: a
    value of 0 or below, or no time between the baseline and the figure."""
    if baseline <= 0 or value <= 0 or target <= 0 or months_elapsed <= 0:
        return None
    elapsed, planned = months_elapsed / 12, months_planned / 12
    observed = annual_growth(baseline, value, elapsed)
    required = annual_growth(baseline, target, planned)
    ratio = _CONTEXT.divide(observed, required) if required != 0 else None
    return Growth(observed, required, ratio, elapsed, planned)


def projected(value: Fraction, rate: Decimal, years_left: Fraction) -> Decimal:
    """SPEC 11: ``V·(1 + CAGR_obs)^years(t1→D)``."""
    factor = _CONTEXT.power(_CONTEXT.add(Decimal(1), rate), _decimal(years_left))
    return _CONTEXT.multiply(_decimal(value), factor)
