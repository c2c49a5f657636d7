"""Periods, month arithmetic and numbers: SPEC section 2, with figures worked out by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ansinh.language import format_number, resolve_lang
from ansinh.numbers import Fraction, NumberError, could_be_grouped, half_unit, parse_decimal, rounded, rounded_text
from ansinh.periods import Period, PeriodError, months_between


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("2022H1", date(2022, 1, 1), date(2022, 6, 30)),
        ("2022H2", date(2022, 7, 1), date(2022, 12, 31)),
        ("2024Q1", date(2024, 1, 1), date(2024, 3, 31)),
        ("2024Q4", date(2024, 10, 1), date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2024-10-22", date(2024, 10, 22), date(2024, 10, 22)),
        ("2021/2023", date(2021, 1, 1), date(2023, 12, 31)),
        ("2022h1", date(2022, 1, 1), date(2022, 6, 30)),
    ],
)
def test_a_period_runs_to_its_last_day(text: str, start: date, end: date) -> None:
    period = Period.parse(text)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("text", ["2022H3", "2024Q5", "2024-13", "2023-02-29", "22", "2025.0", "", "2023/2021", "1899"])
def test_bad_periods_say_what_to_write(text: str) -> None:
    with pytest.raises(PeriodError) as raised:
        Period.parse(text)
    assert text.strip() in str(raised.value) or "period" in str(raised.value)


def test_months_between_follows_spec_section_2() -> None:
    # 2022-06-30 -> 2025-12-31 is 42 months, 3.5 years (SPEC section 2).
    assert months_between(date(2022, 6, 30), date(2025, 12, 31)) == 42
    assert months_between(date(2022, 6, 30), date(2025, 12, 31)) / 12 == Fraction(7, 2)  # 3.5 years
    # (2023−2022)·12 + (2−1) + 28/28 − 15/31 months.
    assert months_between(date(2022, 1, 15), date(2023, 2, 28)) == 12 + 1 + 1 - Fraction(15, 31)
    assert months_between(date(2020, 12, 31), date(2023, 12, 31)) == 36


def test_numbers_keep_their_written_precision() -> None:
    assert parse_decimal("27.5") == Decimal("27.5")
    assert half_unit(Decimal("27.5")) == Decimal("0.05")
    assert half_unit(Decimal("30")) == Decimal("0.5")
    assert half_unit(Decimal("0.03")) == Decimal("0.005")
    assert str(parse_decimal("27,50", decimal_comma=True)) == "27.50"


@pytest.mark.parametrize("text", ["-1", "nan", "inf", "1e3", "abc", "27,5", "1.2.3", "", "9" * 16])
def test_bad_numbers_are_refused(text: str) -> None:
    with pytest.raises(NumberError):
        parse_decimal(text)


def test_thousands_separators_are_recognised() -> None:
    assert could_be_grouped("22.796") and could_be_grouped("22,796") and could_be_grouped("1.234.567")
    assert not could_be_grouped("27.5") and not could_be_grouped("0.125") and not could_be_grouped("22796")


def test_output_rounding_is_half_up_to_four_places() -> None:
    assert rounded(Fraction(5, 7)) == 7143 and rounded_text(Fraction(5, 7)) == "0.7143"  # 2.5 / 3.5
    assert rounded(Fraction(1, 20000)) == 1 and rounded_text(Fraction(1, 20000)) == "0.0001"  # 0.00005 rounds up
    assert rounded(Fraction(27000)) == 270000000 and rounded_text(Fraction(27000)) == "27000"


def test_number_formats_follow_the_language() -> None:
    assert format_number(Decimal("22796"), "vi") == "22.796"
    assert format_number(Decimal("27.5"), "vi") == "27,5"
    assert format_number(Decimal("22796"), "en") == "22,796"
    assert format_number(Fraction(17053663, 2), "en") == "8,526,831.5"
    assert format_number(1202, "vi") == "1.202"


def test_language_comes_from_option_then_environment() -> None:
    assert resolve_lang("vi", {}) == "vi"
    assert resolve_lang(None, {"ANSINH_LANG": "en", "LANG": "vi_VN.UTF-8"}) == "en"
    assert resolve_lang(None, {"LANG": "vi_VN.UTF-8"}) == "vi"
    assert resolve_lang(None, {"LANG": "C.UTF-8"}) == "en"
