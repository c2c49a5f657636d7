"""Numbers as people write them, and the rounding rules of SPEC section 3 — in one place.

Every figure is read as a ``Decimal`` that keeps the precision it was written in (``27.5`` means
27.50 ± 0.05) and computed as an exact ``Fraction``; rounding happens only here.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from quicktions import Fraction  # fractions.Fraction, compiled: the engine does millions of these

from ansinh.text import Text, t

MAX_INTEGER_DIGITS = 15
MAX_FRACTION_DIGITS = 10
OUTPUT_PLACES = 4

# The common case, checked first: digits with an optional fraction, within the digit limits.
_SIMPLE = re.compile(r"\d{1,15}(?:\.\d{1,10})?")
_SIGNED = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")
# 1–3 digits, then groups of exactly three after a separator: "22.796", "1,234,567".
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:[.,]\d{3})+")


class PlainNumber(str):
    """A number as a YAML file writes it, kept as its text: read as a ``Decimal`` where a field
    wants a number, as the text itself where it wants text (``lead: 007`` stays "007")."""

    __slots__ = ()


class NumberError(ValueError):
    """A text that is not an acceptable number; ``text`` says how to write it."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.key)  # the words are rendered where the language is known
        self.text = text


def could_be_grouped(text: str) -> bool:
    """Whether ``text`` could be a whole number written with thousands separators (22.796)."""
    return _GROUPED.fullmatch(text.strip()) is not None


def grouped_text(written: str) -> Text:
    """The message for a number that may hide a thousands separator, naming both readings."""
    digits = written.replace(".", "").replace(",", "")
    return t("number.grouped", text=written, whole=digits, decimal=written.replace(",", "."))


def parse_decimal(text: str, *, decimal_comma: bool = False) -> Decimal:
    """Read a non-negative decimal written plainly (``27.5``; ``27,5`` when ``decimal_comma``)."""
    if _SIMPLE.fullmatch(text):
        return Decimal(text)
    cleaned = text.strip()
    if not cleaned:
        raise NumberError(t("number.empty"))
    lowered = cleaned.lower().lstrip("+-")
    if lowered in {"nan", "inf", "infinity", ".nan", ".inf"}:
        raise NumberError(t("number.not_finite", text=cleaned))
    if _SIGNED.fullmatch(cleaned) is None or cleaned.endswith((".", ",")) or cleaned.lstrip("+-")[:1] in ".,":
        raise NumberError(t("number.not_number", text=cleaned))
    if cleaned.startswith("-"):
        raise NumberError(t("number.negative", text=cleaned))
    if "e" in lowered:
        raise NumberError(t("number.scientific", text=cleaned))
    body = cleaned.lstrip("+")
    if "," in body:
        if not decimal_comma:
            raise NumberError(t("number.comma", text=cleaned))
        if "." in body:
            raise NumberError(t("number.mixed", text=cleaned))
        body = body.replace(",", ".")
    return checked_decimal(Decimal(body), cleaned)


def checked_decimal(value: Decimal, written: str) -> Decimal:
    """Refuse values that are not finite, negative, or longer than any real statistic."""
    if not value.is_finite():
        raise NumberError(t("number.not_finite", text=written))
    if value < 0:
        raise NumberError(t("number.negative", text=written))
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    fraction_digits = max(0, -exponent)
    integer_digits = max(0, len(digits) + exponent)
    if integer_digits > MAX_INTEGER_DIGITS or fraction_digits > MAX_FRACTION_DIGITS:
        raise NumberError(
            t("number.too_long", text=written, before=str(MAX_INTEGER_DIGITS), after=str(MAX_FRACTION_DIGITS))
        )
    return value


def is_whole(value: Decimal) -> bool:
    return value == value.to_integral_value()


def half_unit(value: Decimal) -> Decimal:
    """Half a unit in the last written place: the rounding a written value may hide."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5).scaleb(exponent - 1)


def exact(value: Decimal | int | Fraction) -> Fraction:
    return value if isinstance(value, Fraction) else Fraction(value)


# --- Rounding, named after the figures of SPEC section 3 -----------------------------------
#
# Every rounded figure — JSON, CSV, tables, messages — comes from ``rounded``: the figure times
# 10^places, rounded half away from zero, as an integer. It is exact for ints, Decimals and
# Fractions and works on numerator and denominator alone (no Decimal context, no float), since a
# national report rounds hundreds of thousands of figures.

Number = Fraction | Decimal | int

_POWERS = tuple(10**places for places in range(32))


def rounded(value: Number, places: int = OUTPUT_PLACES) -> int:
    """``value`` · 10^``places``, rounded half up (away from zero): 0.71425 -> 7143 at four places.

    ``scaled_text(rounded(value, places), places)`` is the figure as printed."""
    scale = _POWERS[places] if 0 <= places < 32 else 10**places
    kind = type(value)
    if kind is int:
        return value * scale  # type: ignore[operator]
    if kind is Fraction:
        numerator, denominator = value.numerator, value.denominator  # type: ignore[union-attr]
    else:  # a Decimal (NaN and infinities raise), a bool, a fractions.Fraction
        numerator, denominator = value.as_integer_ratio()
    if numerator >= 0:
        return (2 * numerator * scale + denominator) // (2 * denominator)
    return -((-2 * numerator * scale + denominator) // (2 * denominator))


def scaled_text(scaled: int, places: int = OUTPUT_PLACES, *, grouped: bool = False) -> str:
    """The decimal ``scaled`` / 10^``places`` written plainly, trailing zeros dropped: 7143 -> 0.7143,
    270000 -> 27; with thousands separators when ``grouped`` (1,234.5)."""
    whole, part = divmod(-scaled if scaled < 0 else scaled, _POWERS[places] if 0 <= places < 32 else 10**places)
    text = f"{whole:,}" if grouped else str(whole)
    if scaled < 0:
        text = "-" + text
    return f"{text}.{part:0{places}d}".rstrip("0") if part else text


def rounded_text(value: Number, places: int | None = None, *, grouped: bool = False) -> str:
    """A figure as printed: rounded half up to at most ``places`` decimals (default: the
    output's four), trailing zeros dropped."""
    chosen = OUTPUT_PLACES if places is None else places
    return scaled_text(rounded(value, chosen), chosen, grouped=grouped)


def round_to_places(value: Number, places: int) -> Decimal:
    """Rounded half up (away from zero) to ``places`` decimals, trailing zeros dropped."""
    return Decimal(rounded_text(value, places))  # from text: exact, whatever the context


def round_half_up(value: Fraction) -> int:
    """Nearest whole number, halves away from zero (all values here are non-negative)."""
    return rounded(value, 0)


def round_up(value: Fraction) -> int:
    return math.ceil(value)


def round_down(value: Fraction) -> int:
    return math.floor(value)
