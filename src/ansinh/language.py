"""The reader's language: which one it is, how numbers are written in it, and messages put into it.

Code builds language-neutral ``Text`` values (a catalogue key and its arguments); they become
words only when rendered for a language, so one list of problems serves every output.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from ansinh.numbers import OUTPUT_PLACES, Fraction, rounded_text
from ansinh.text import Lang, LocalText, Text, t

__all__ = ["LANGS", "Lang", "LanguageError", "LocalText", "Text", "format_number", "resolve_lang", "t"]

LANGS: tuple[Lang, ...] = ("vi", "en")

# Vietnamese writes 22.796 and 27,5: English's separators swapped.
_VIETNAMESE = str.maketrans({",": ".", ".": ","})


class LanguageError(ValueError):
    """An unknown language was asked for."""


def resolve_lang(option: str | None = None, environ: Mapping[str, str] | None = None) -> Lang:
    """``--lang``, else ``ANSINH_LANG``, else ``vi`` when ``LANG`` starts with vi, else ``en``."""
    env = os.environ if environ is None else environ
    for chosen, origin in ((option, "--lang"), (env.get("ANSINH_LANG"), "ANSINH_LANG")):
        if chosen:
            normalized = chosen.strip().lower()
            if normalized in LANGS:
                return normalized  # type: ignore[return-value]
            raise LanguageError(f"{origin} must be 'vi' or 'en', not '{chosen}'")
    return "vi" if env.get("LANG", "").lower().startswith("vi") else "en"


def format_number(value: Decimal | Fraction | int, lang: Lang, places: int | None = None) -> str:
    """A number in the reader's convention: 22.796 and 27,5 in Vietnamese, 22,796 and 27.5 in
    English. A ``Decimal`` keeps its written digits; a ``Fraction`` is rounded half up to ``places``
    (default four, trailing zeros dropped) by ``numbers.rounded``, as JSON and CSV round it."""
    kind = type(value)
    if kind is bool:
        raise TypeError("a boolean is not a number")
    if kind is int:
        text = f"{value:,}"
    elif kind is Decimal and places is None:
        text = f"{value:,f}"
    else:
        text = rounded_text(value, OUTPUT_PLACES if places is None else places, grouped=True)
    return text.translate(_VIETNAMESE) if lang == "vi" else text


def render_value(value: object, lang: Lang) -> str:
    """One argument of a message, in the reader's language."""
    if isinstance(value, Text):
        return value.render(lang)
    if isinstance(value, LocalText):
        return value.get(lang)
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, Decimal | Fraction | int):
        return format_number(value, lang)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(render_value(item, lang) for item in value)
    return str(value)
