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
        super().__init__(text.render("en"))
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


def round_half_up(value: Fraction) -> int:
    """Nearest whole number, halves away from zero (all values here are non-negative)."""
    return math.floor(value + Fraction(1, 2))


def round_up(value: Fraction) -> int:
    return math.ceil(value)


def round_down(value: Fraction) -> int:
    return math.floor(value)


def round_to_places(value: Fraction, places: int) -> Decimal:
    """Rounded half up (away from zero) to ``places`` decimals, trailing zeros dropped."""
    scaled = round_half_up(abs(value) * 10**places)
    return as_plain_decimal(Decimal(scaled if value >= 0 else -scaled).scaleb(-places))


def for_output(value: Fraction | Decimal | int) -> Decimal:
    """A figure as printed: rounded half up to at most four places (SPEC section 6)."""
    return round_to_places(exact(value), OUTPUT_PLACES)


def as_plain_decimal(value: Decimal) -> Decimal:
    """A decimal without exponent notation or trailing zeros: 2.70E+4 -> 27000, 30.0 -> 30."""
    if value == 0:
        return Decimal(0)
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    assert isinstance(exponent, int)
    return normal.quantize(Decimal(1)) if exponent > 0 else normal
