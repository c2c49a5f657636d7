"""Language-neutral text: names written in one or two languages, and messages waiting for one.

Nothing here knows a language: a ``Text`` is a catalogue key and its arguments, and becomes words
only in ``ansinh.language.render``. So the lowest layers (numbers, periods, the readers) can
describe their errors without importing the formatting machinery, and one list of problems
serves every output and both languages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ansinh.language import Lang


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


def composed(text: str) -> str:
    """Text in Unicode's composed form (NFC). Vietnamese typed with some keyboard settings
    arrives decomposed ("ê" as "e" and a combining circumflex), and "Sở Y tế" written both ways
    would otherwise be two leads, two names: the same name must be the same text everywhere."""
    if text.isascii():
        return text
    import unicodedata

    return unicodedata.normalize("NFC", text)
