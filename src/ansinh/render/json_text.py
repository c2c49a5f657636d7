"""JSON text with exact decimal numbers, written fast.

A figure rounded to four places is written by Python's ``json`` module as a float when the float
prints as exactly that decimal, so that the module's compiled encoder can write a national
report's rows. That holds when the decimal has at most 15 significant digits (DBL_DIG): the
nearest float's shortest ``repr`` is then the decimal itself — true of every figure below 10^11
with four places. With 16 digits it is not (564405714286.2857 prints as 564405714286.2856), so a
larger figure stays a ``Decimal``, and the rows that hold one are written from their digits
instead, in the same layout: officials quote these figures, and no float may stand for one it is
not.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from json.encoder import encode_basestring  # type: ignore[attr-defined]

from ansinh.numbers import OUTPUT_PLACES, Fraction, rounded, scaled_text

JsonValue = object


_SCALE = 10**OUTPUT_PLACES
# Below it a scaled figure has at most 15 significant digits, which a float keeps (DBL_DIG): the
# correctly rounded quotient scaled / _SCALE is the float whose repr is that decimal.
_EXACT_FLOAT = 10**15


def number(value: Decimal | Fraction | int | None) -> float | Decimal | int | None:
    """A figure as SPEC section 6 prints it: rounded half up to at most four places; a whole
    number as an integer; a float only where its repr is exactly the rounded decimal."""
    if value is None or type(value) is int:
        return value
    scaled = rounded(value)
    if scaled % _SCALE == 0:
        return scaled // _SCALE
    if -_EXACT_FLOAT < scaled < _EXACT_FLOAT:
        return scaled / _SCALE
    return Decimal(scaled_text(scaled))  # from its text: exact, trailing zeros dropped


def dumps_line(value: JsonValue) -> str:
    """``json.dumps(value, ensure_ascii=False)``: by the compiled encoder unless the value holds an
    exact ``Decimal``, then from its digits in the same layout."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except TypeError:
        return dumps(value, indent=None)


def iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def dumps(value: JsonValue, indent: int | None = 2) -> str:
    """``json.dumps(value, indent=indent, ensure_ascii=False)``, with exact decimals; on one line
    when ``indent`` is None."""
    parts: list[str] = []
    _write(value, parts, indent, 0)
    return "".join(parts)


def _write(value: JsonValue, parts: list[str], indent: int | None, depth: int) -> None:
    if isinstance(value, dict | list | tuple):
        _write_collection(value, parts, indent, depth)
    else:
        parts.append(_scalar(value))


def _write_collection(value: dict | list | tuple, parts: list[str], indent: int | None, depth: int) -> None:
    if not value:
        parts.append("{}" if isinstance(value, dict) else "[]")
        return
    if indent is None:  # json.dumps's one-line layout: ", " between items, no newlines
        inner, comma, outer = "", ", ", ""
    else:
        inner, comma, outer = "\n" + " " * (indent * (depth + 1)), ",", "\n" + " " * (indent * depth)
    if isinstance(value, dict):
        parts.append("{")
        for index, (key, item) in enumerate(value.items()):
            parts.append((comma if index else "") + inner + encode_basestring(str(key)) + ": ")
            _write(item, parts, indent, depth + 1)
        parts.append(outer + "}")
    else:
        parts.append("[")
        for index, item in enumerate(value):
            parts.append((comma if index else "") + inner)
            _write(item, parts, indent, depth + 1)
        parts.append(outer + "]")


def _scalar(value: JsonValue) -> str:
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None or isinstance(value, bool):
        return "null" if value is None else "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, float):  # only in schemas' examples: figures are never floats
        return json.dumps(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")
