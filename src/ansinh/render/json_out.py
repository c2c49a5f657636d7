"""JSON text with exact decimal numbers, written fast.

A figure rounded to four places is written by Python's ``json`` module as a float when the float
prints as exactly that decimal — true of every figure below 2^53 / 10^4, nine hundred billion —
so that the module's compiled encoder can write a national report's rows. A larger figure stays a
``Decimal``, and the rows that hold one are written from their digits instead: officials quote
these figures, and no float may stand for one it is not.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from json.encoder import encode_basestring  # type: ignore[attr-defined]

from ansinh.numbers import OUTPUT_PLACES, Fraction

JsonValue = object


_SCALE = 10**OUTPUT_PLACES
_EXACT_FLOAT = 2**53  # every integer below it is a float exactly


def number(value: Decimal | Fraction | int | None) -> float | Decimal | int | None:
    """A figure as SPEC section 6 prints it: rounded half up to at most four places; a whole
    number as an integer."""
    if value is None or type(value) is int:
        return value
    fraction = value if isinstance(value, Fraction) else Fraction(value)
    numerator, denominator = fraction.numerator, fraction.denominator
    scaled = (2 * abs(numerator) * _SCALE + denominator) // (2 * denominator)  # half up
    if numerator < 0:
        scaled = -scaled
    if scaled % _SCALE == 0:
        return scaled // _SCALE
    if abs(scaled) < _EXACT_FLOAT:
        # A correctly rounded division: the float nearest this decimal, whose shortest repr is
        # the decimal itself.
        return scaled / _SCALE
    return Decimal(scaled).scaleb(-OUTPUT_PLACES)


def dumps_line(value: JsonValue) -> str:
    """One value on one line, by the compiled encoder unless it holds an exact ``Decimal``."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except TypeError:
        return dumps(value, indent=0).replace("\n", "")


def iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def dumps(value: JsonValue, indent: int = 2) -> str:
    """``json.dumps(value, indent=indent, ensure_ascii=False)``, with exact decimals."""
    parts: list[str] = []
    _write(value, parts, indent, 0)
    return "".join(parts)


def _write(value: JsonValue, parts: list[str], indent: int, depth: int) -> None:
    if isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = "\n" + " " * (indent * (depth + 1))
        parts.append("{")
        for index, (key, item) in enumerate(value.items()):
            parts.append(("," if index else "") + inner + encode_basestring(str(key)) + ": ")
            _write(item, parts, indent, depth + 1)
        parts.append("\n" + " " * (indent * depth) + "}")
    elif isinstance(value, list | tuple):
        if not value:
            parts.append("[]")
            return
        inner = "\n" + " " * (indent * (depth + 1))
        parts.append("[")
        for index, item in enumerate(value):
            parts.append(("," if index else "") + inner)
            _write(item, parts, indent, depth + 1)
        parts.append("\n" + " " * (indent * depth) + "]")
    elif isinstance(value, str):
        parts.append(encode_basestring(value))
    elif value is None or isinstance(value, bool):
        parts.append("null" if value is None else "true" if value else "false")
    elif isinstance(value, int):
        parts.append(str(value))
    elif isinstance(value, Decimal):
        parts.append(f"{value:f}")
    elif isinstance(value, float):  # only in schemas' examples: figures are never floats
        parts.append(json.dumps(value))
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")
