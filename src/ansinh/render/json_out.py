"""JSON text with exact decimal numbers.

Python's ``json`` module writes decimals through binary floats, which would turn a figure such as
``123456789012345.6789`` into another number. Officials quote these figures, so numbers are
written here from their ``Decimal`` digits; everything else is left to ``json``.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from json.encoder import encode_basestring  # type: ignore[attr-defined]

from ansinh.numbers import Fraction, for_output

JsonValue = object


def number(value: Decimal | Fraction | int | None) -> Decimal | int | None:
    """A figure as SPEC section 6 prints it: rounded half up to at most four places; a whole
    number as an integer."""
    if value is None:
        return None
    rounded = for_output(value)
    return int(rounded) if rounded == rounded.to_integral_value() else rounded


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
