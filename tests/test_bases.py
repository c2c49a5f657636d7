"""Bases by calendar year, SPEC section 1.5: known, interpolated, extrapolated."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ansinh.bases import BaseTable
from ansinh.models import BaseFigure
from ansinh.numbers import Fraction


def figure(year: int, value: str) -> BaseFigure:
    return BaseFigure("hanoi", "population", year, Decimal(value), "census", "", "data/bases/p.csv", 2)


TABLE = BaseTable([figure(2019, "8053663"), figure(2025, "9000000")])


def test_a_known_year_is_given_as_is() -> None:
    base = TABLE.at("hanoi", "population", date(2019, 4, 1))
    assert base is not None and base.value == 8053663 and base.how == "known" and base.kind == "census"


def test_years_between_are_interpolated_without_rounding() -> None:
    # SPEC 1.5: Hà Nội 2022 is 8,526,831.5.
    base = TABLE.for_year("hanoi", "population", 2022)
    assert base is not None and base.value == Fraction(17053663, 2) and base.how == "interpolated"


def test_years_outside_grow_at_the_compound_rate_of_the_two_nearest() -> None:
    later = TABLE.for_year("hanoi", "population", 2031)
    earlier = TABLE.for_year("hanoi", "population", 2013)
    rate = (Fraction(9000000) / 8053663) ** 1  # six years of growth
    assert later is not None and later.how == "extrapolated"
    # Six more years at the same compound rate multiply 9,000,000 by the six-year ratio again.
    assert abs(later.value - 9000000 * rate) < Fraction(1, 10**20)
    assert earlier is not None and abs(earlier.value - 8053663 / rate) < Fraction(1, 10**20)


def test_one_known_year_is_held_constant() -> None:
    table = BaseTable([figure(2019, "120982")])
    base = table.for_year("hanoi", "population", 2030)
    assert base is not None and base.value == 120982 and base.extrapolated


def test_an_unknown_series_has_no_base() -> None:
    assert TABLE.for_year("hanoi", "households", 2022) is None
    assert TABLE.for_year("phuc-tho", "population", 2022) is None
