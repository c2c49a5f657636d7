"""The reader's language, in one place: which languages there are, which one is chosen, how
numbers are written in it, and messages (``ansinh.messages``) put into it.

Code builds language-neutral ``Text`` values (a catalogue key and its arguments, ``ansinh.text``);
they become words only here, so one list of problems serves every output.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from ansinh.text import LocalText, Text

if TYPE_CHECKING:
    from decimal import Decimal

    from ansinh.numbers import Fraction

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")


class Language(StrEnum):
    """The languages as the command line offers them (``--lang``)."""

    VI = "vi"
    EN = "en"


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
    elif places is None and kind.__name__ == "Decimal":  # by name: decimal is not loaded for --help
        text = f"{value:,f}"
    else:
        text = _rounded_text(value, places, grouped=True)
    return text.translate(_VIETNAMESE) if lang == "vi" else text


def _first_rounded_text(value: Decimal | Fraction | int, places: int | None, *, grouped: bool) -> str:
    """``numbers.rounded_text``, imported on first use (every command but ``--help`` uses it):
    this module is imported to start the command line, and numbers brings decimal and quicktions."""
    global _rounded_text  # noqa: PLW0603 - bound once, on first use, for the start-up of --help
    from ansinh.numbers import rounded_text

    _rounded_text = rounded_text
    return rounded_text(value, places, grouped=grouped)


_rounded_text: Callable[..., str] = _first_rounded_text


def render(text: Text, lang: Lang) -> str:
    """A message in ``lang``. A template ``"{n} error|{n} errors"`` gives the singular when the
    argument ``n`` is 1 (Vietnamese has one form)."""
    if not text.args:
        return template(text.key, lang)
    chosen = template(text.key, lang)
    if "|" in chosen:
        singular, plural = chosen.split("|", 1)
        chosen = singular if dict(text.args).get("n") == 1 else plural
    return chosen.format(**{name: render_value(value, lang) for name, value in text.args})


@functools.cache
def template(key: str, lang: Lang) -> str:
    """A message's template in ``lang``, for code that fills in many rows of the same message."""
    from ansinh.messages import MESSAGES

    return MESSAGES[key][lang]


def render_value(value: object, lang: Lang) -> str:
    """One argument of a message, in the reader's language."""
    if isinstance(value, Text):
        return render(value, lang)
    if isinstance(value, LocalText):
        return value.get(lang)
    if isinstance(value, list | tuple):
        return ", ".join(render_value(item, lang) for item in value)
    if not isinstance(value, bool) and (isinstance(value, int) or type(value).__name__ in ("Decimal", "Fraction")):
        return format_number(value, lang)  # type: ignore[arg-type]
    return value.isoformat() if isinstance(value, date) else str(value)
