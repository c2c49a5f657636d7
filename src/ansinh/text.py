"""Language-neutral text: names written in one or two languages, and messages waiting for one.

Kept apart from ``ansinh.language`` so that the lowest layers (numbers, periods) can describe their
errors without importing the formatting machinery.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

Lang = Literal["vi", "en"]


@dataclass(frozen=True, slots=True)
class LocalText:
    """A name written in Vietnamese, English or both; one falls back to the other."""

    vi: str | None = None
    en: str | None = None

    def get(self, lang: Lang) -> str:
        preferred = self.vi if lang == "vi" else self.en
        return preferred or self.vi or self.en or ""

    def __str__(self) -> str:
        return self.get("en")


@dataclass(frozen=True, slots=True)
class Text:
    """A message waiting for a language: a key of ``ansinh.messages.MESSAGES`` and its arguments."""

    key: str
    args: tuple[tuple[str, object], ...] = ()

    def render(self, lang: Lang) -> str:
        if not self.args:
            return _fixed(self.key, lang)
        from ansinh.language import render_value
        from ansinh.messages import MESSAGES

        template = MESSAGES[self.key][lang]
        if "|" in template:  # "{n} error|{n} errors": the singular when n is 1
            singular, plural = template.split("|", 1)
            template = singular if dict(self.args).get("n") == 1 else plural
        return template.format(**{name: render_value(value, lang) for name, value in self.args})


@functools.cache
def template(key: str, lang: Lang) -> str:
    """A message's template in ``lang``, for code that fills in many rows of the same message."""
    from ansinh.messages import MESSAGES

    return MESSAGES[key][lang]


_fixed = template  # a message without arguments is its template


def t(key: str, /, **args: object) -> Text:
    """Build a ``Text``; the key must exist in the catalogue (checked by the tests)."""
    return Text(key, tuple(args.items()))


def suggest(word: str, known: list[str]) -> str | None:
    """The known word closest to a misspelt one, if any is close."""
    import difflib

    lowered = {candidate.lower(): candidate for candidate in known}
    if word.lower() in lowered:
        return lowered[word.lower()]
    matches = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else None
