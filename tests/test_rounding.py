"""One rounding for every output (SPEC sections 3 and 6): half up, at most four places, whole
numbers as integers, trailing zeros dropped — the same digits in JSON, CSV and the tables, over
the whole range the input grammar allows (15 integer digits, 10 fraction digits) and for the
exact fractions the engine divides them into.

The reference is ``Decimal.quantize(..., ROUND_HALF_UP)`` in a context wide enough to be exact,
never the helper under test. More examples run with ANSINH_HYPOTHESIS_EXAMPLES=5000."""

from __future__ import annotations

import json
import os
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal
from fractions import Fraction as StdFraction

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ansinh.language import format_number
from ansinh.numbers import (
    MAX_FRACTION_DIGITS,
    MAX_INTEGER_DIGITS,
    Fraction,
    round_half_up,
    round_to_places,
    rounded,
    rounded_text,
    scaled_text,
)
from ansinh.render import json_text as json_out
from ansinh.render.report_formats import _csv_cell

EXAMPLES = int(os.environ.get("ANSINH_HYPOTHESIS_EXAMPLES", "300"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

# Exact: 80 digits hold any quotient here to far below the fifth decimal place.
_WIDE = Context(prec=80, rounding=ROUND_DOWN)
_FOUR = Decimal("0.0001")
_VIETNAMESE = str.maketrans(",.", ".,")


def reference(value: Decimal | Fraction | StdFraction | int) -> Decimal:
    """``value`` rounded half up (away from zero) to four places by ``decimal``. A fraction is
    first cut toward zero at 80 digits: that never moves it across a half, and an exact half is
    kept exactly."""
    if not isinstance(value, Decimal):
        value = _WIDE.divide(Decimal(value.numerator), Decimal(value.denominator))
    result = value.quantize(_FOUR, rounding=ROUND_HALF_UP, context=_WIDE)
    return result.copy_abs() if result.is_zero() else result  # no "-0"


def reference_text(value: Decimal | Fraction | StdFraction | int, grouped: bool = False) -> str:
    text = f"{reference(value):,f}" if grouped else f"{reference(value):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def json_text(value: Decimal | Fraction | int) -> str:
    return json_out.dumps_line({"x": json_out.number(value)})


def assert_printed_as(value: Decimal | Fraction, expected: str) -> None:
    """(a) JSON, (b) CSV and (c) the tables in both languages all print ``expected``."""
    line = json_text(value)
    assert line == '{"x": ' + expected + "}"
    parsed = json.loads(line, parse_float=Decimal)["x"]
    assert parsed == Decimal(expected)
    assert isinstance(parsed, int) == ("." not in expected)  # whole numbers as JSON integers
    assert _csv_cell(json_out.number(value)) == expected
    whole, _, part = expected.partition(".")
    grouped = f"{int(whole):,}" + ("." + part if part else "")
    if whole.startswith("-") and int(whole) == 0:
        grouped = "-" + grouped
    exact = Fraction(value)
    assert format_number(exact, "en") == grouped
    assert format_number(exact, "vi") == grouped.translate(_VIETNAMESE)


# --- strategies: the input grammar, and what the engine makes of it --------------------------


@st.composite
def written(draw: st.DrawFn) -> Decimal:
    """A value as a file may write it: up to 15 integer digits, up to 10 fraction digits, every
    magnitude equally likely."""
    integer_digits = draw(st.integers(0, MAX_INTEGER_DIGITS))
    whole = draw(st.integers(0, 10**integer_digits - 1)) if integer_digits else 0
    places = draw(st.integers(0, MAX_FRACTION_DIGITS))
    if not places:
        return Decimal(whole)
    part = draw(st.integers(0, 10**places - 1))
    return Decimal(f"{whole}.{part:0{places}d}")


@st.composite
def halves(draw: st.DrawFn) -> Decimal:
    """A value exactly half way between two four-place figures (x.xxxx5), or a hair either side."""
    scaled = draw(st.integers(0, 10**MAX_INTEGER_DIGITS * 10**4 - 1))
    nudge = draw(st.sampled_from([0, 0, 1, -1]))  # in the tenth decimal place
    return Decimal(scaled * 10**6 + 5 * 10**5 + nudge).scaleb(-10, _WIDE)


@st.composite
def engine_fractions(draw: st.DrawFn) -> Fraction:
    """What the engine divides: a written figure (or a difference of two) over years left,
    ``months / 12`` with a part-month ``d/days``, or by another written figure."""
    value = Fraction(draw(written()))
    if draw(st.booleans()):
        value -= Fraction(draw(written()))  # gaps, V − B: either sign
    kind = draw(st.sampled_from(["years", "years", "figure", "ratio"]))
    if kind == "years":
        months = Fraction(draw(st.integers(0, 1200))) + Fraction(
            draw(st.integers(0, 31)), draw(st.sampled_from([28, 29, 30, 31]))
        )
        return value / (months / 12) if months else value
    if kind == "figure":
        divisor = Fraction(draw(written()))
        return value / divisor if divisor else value
    return value * draw(st.integers(1, 10**6)) / draw(st.integers(1, 10**12))


FIGURES = st.one_of(written(), halves(), written().map(lambda value: -value), engine_fractions())


# --- the properties ----------------------------------------------------------------------------


@SETTINGS
@given(FIGURES)
@example(Fraction(3950840000004, 7))  # 564405714286.285714…: a float prints it …2856
@example(Decimal("564405714286.2857"))
@example(Decimal("999999999999999.9999"))  # the largest written with four places
@example(Decimal("999999999999999.99995"))  # … and a half above it
@example(Decimal("99999999999.9999"))  # the largest a float may carry (10^15 − 1 scaled)
@example(Decimal("100000000000.0001"))  # the smallest that may not
@example(Decimal("0.00005"))
@example(Decimal("0.0000499999"))
@example(Fraction(-1, 20000))
def test_json_csv_and_tables_print_the_decimal_rounding(value: Decimal | Fraction) -> None:
    assert_printed_as(value, reference_text(value))


@SETTINGS
@given(FIGURES)
def test_the_helper_is_decimal_rounding(value: Decimal | Fraction) -> None:
    expected = reference(value)
    scaled = rounded(value)
    assert Decimal(scaled).scaleb(-4, _WIDE) == expected
    assert rounded_text(value) == reference_text(value)
    assert rounded_text(value, grouped=True) == reference_text(value, grouped=True)
    assert round_to_places(Fraction(value), 4) == expected
    assert f"{round_to_places(value, 4):f}" == reference_text(value)
    # Every exact type gives the same integer: quicktions, the standard library's, a Decimal.
    assert rounded(StdFraction(value)) == scaled
    assert rounded(Fraction(value)) == scaled


@SETTINGS
@given(st.integers(-(10**25), 10**25), st.integers(1, 10**12), st.integers(0, 10))
def test_any_places_is_decimal_rounding(numerator: int, denominator: int, places: int) -> None:
    value = Fraction(numerator, denominator)
    exact = _WIDE.divide(Decimal(numerator), Decimal(denominator))
    expected = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=_WIDE)
    assert Decimal(rounded(value, places)).scaleb(-places, _WIDE) == expected
    assert round_to_places(value, places) == expected


@SETTINGS
@given(written())
def test_written_decimals_keep_their_digits_in_tables(value: Decimal) -> None:
    """The tables print a figure read from a file as it was written, only grouped."""
    text = f"{value:f}"
    whole, _, part = text.partition(".")
    grouped = f"{int(whole):,}" + ("." + part if part else "")
    assert format_number(value, "en") == grouped
    assert format_number(value, "vi") == grouped.translate(_VIETNAMESE)


@SETTINGS
@given(st.integers(0, 10**15 - 1).filter(lambda scaled: scaled % 10**4))
def test_the_float_fast_path_is_exact_wherever_it_is_taken(scaled: int) -> None:
    """Below 10^15 scaled (15 significant digits) the compiled encoder writes a float, and the
    float's text is the decimal itself."""
    value = Fraction(scaled, 10**4)
    written = json_out.number(value)
    assert isinstance(written, float)
    assert repr(written) == scaled_text(scaled) == reference_text(value)


# --- figures worked out by hand -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(3950840000004, 7), "564405714286.2857"),  # 564405714286.285714…
        (Decimal("564405714286.2857"), "564405714286.2857"),
        (Decimal("564405714286.28565"), "564405714286.2857"),  # a half, up
        (Decimal("564405714286.2856499999"), "564405714286.2856"),
        (Decimal("999999999999999.9999"), "999999999999999.9999"),
        (Decimal("999999999999999.99995"), "1000000000000000"),
        (Decimal("999999999999999.9999499999"), "999999999999999.9999"),
        (Decimal("999999999999999"), "999999999999999"),
        (Decimal("1000000000000.5"), "1000000000000.5"),  # no trailing zeros on the exact path
        (Decimal("123456789012.1"), "123456789012.1"),
        (Decimal("99999999999.9999"), "99999999999.9999"),
        (Decimal("0.00005"), "0.0001"),
        (Decimal("2.00005"), "2.0001"),
        (Decimal("2.0000499999"), "2"),
        (Decimal("0.0000499999"), "0"),
        (Fraction(-1, 20000), "-0.0001"),
        (Fraction(-1, 20001), "0"),
        (Fraction(5, 7), "0.7143"),  # SPEC 6: 2.5 gap over 3.5 years
        (Fraction(7, 12), "0.5833"),
        (Fraction(4204) / Fraction(7, 2), "1201.1429"),
        (Fraction(17053663, 2), "8526831.5"),
        (Decimal("27000.000"), "27000"),
        (Fraction(10**20 + 1, 3), "33333333333333333333.6667"),
    ],
)
def test_figures_worked_by_hand(value: Decimal | Fraction, expected: str) -> None:
    assert reference_text(value) == expected  # the reference agrees with the hand
    assert_printed_as(value, expected)


def test_the_exact_path_is_taken_above_fifteen_digits() -> None:
    big = json_out.number(Fraction(3950840000004, 7))
    assert isinstance(big, Decimal) and f"{big:f}" == "564405714286.2857"
    assert isinstance(json_out.number(Decimal("99999999999.9999")), float)
    assert isinstance(json_out.number(Decimal("100000000000.0001")), Decimal)
    assert json_out.number(Decimal("1000000000000.00")) == 1000000000000
    assert type(json_out.number(Decimal("1000000000000.00"))) is int
    assert json_out.number(None) is None and json_out.number(7) == 7


def test_a_row_with_an_exact_figure_is_laid_out_like_any_other() -> None:
    row = {"a": [1, 2, []], "b": {"c": json_out.number(Fraction(3950840000004, 7)), "d": None}, "e": {}, "f": "Sở"}
    assert json_out.dumps_line(row) == (
        '{"a": [1, 2, []], "b": {"c": 564405714286.2857, "d": null}, "e": {}, "f": "Sở"}'
    )


JSON_LEAVES = st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=False, allow_infinity=False)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@SETTINGS
@given(JSON_VALUES)
def test_the_exact_writer_matches_the_compiled_encoder(value: object) -> None:
    assert json_out.dumps(value, indent=None) == json.dumps(value, ensure_ascii=False)
    assert json_out.dumps(value, indent=2) == json.dumps(value, indent=2, ensure_ascii=False)


def test_whole_number_rounding_is_the_same_rule() -> None:
    assert round_half_up(Fraction(5, 2)) == 3 and round_half_up(Fraction(49999, 20000)) == 2
    assert round_half_up(Fraction(22796)) == 22796 and round_half_up(Fraction(1, 2)) == 1
    assert rounded(Fraction(-5, 2), 0) == -3  # away from zero
    assert rounded(7, 2) == 700 and rounded(Decimal("1.005"), 2) == 101
    with pytest.raises((ValueError, OverflowError)):
        rounded(Decimal("NaN"))
    with pytest.raises((ValueError, OverflowError)):
        rounded(Decimal("Infinity"))
