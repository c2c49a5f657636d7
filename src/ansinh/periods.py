"""Periods and the month arithmetic of SPEC section 2.

A period names a span of calendar days as people write it in reports: ``2025``, ``2022H1``,
``2024Q3``, ``2024-10``, ``2024-10-22``. Its date is its last day. ansinh also reads a span of
periods written ``2021/2023`` (from the first day of 2021 to the last day of 2023), because
reports often give one figure for a multi-year window ("720,493 trainees in 2021–2023").
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from ansinh.numbers import Fraction
from ansinh.text import Text, t

FIRST_YEAR = 1900
LAST_YEAR = 2199

_PERIOD = re.compile(
    r"(?P<year>\d{4})"
    r"(?:(?P<half>[Hh][12])|(?P<quarter>[Qq][1-4])|-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?"
)


class PeriodError(ValueError):
    """A text that is not a period; ``text`` says what was expected, in either language."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.key)  # the words are rendered where the language is known
        self.text = text


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A span of days [start, end] with the label it is written as; its date is ``end``."""

    start: date
    end: date
    label: str

    def __str__(self) -> str:
        return self.label

    def contains(self, other: Period) -> bool:
        """Whether ``other`` lies wholly inside this period."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read a period as SPEC section 2 writes it, or a span ``A/B`` of two periods. A text
        that is not one is an error that quotes it whole and, when it is a period written
        another common way (``31/12/2025``, ``H1 2022``, ``quý 3/2024``), names the canonical
        form: a suggestion is only ever a message, never a reading."""
        cleaned = text.strip()
        try:
            return _parse(cleaned)
        except PeriodError as error:
            suggestion = suggest_period(cleaned)
            if suggestion is None:
                raise
            key = "period.did_you_mean_day_first" if suggestion.day_first else "period.did_you_mean"
            raise PeriodError(t(key, text=cleaned, guess=suggestion.period)) from error

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), str(year))

    @classmethod
    def day(cls, day: date) -> Period:
        return cls(day, day, day.isoformat())


def _parse(cleaned: str) -> Period:
    """A period or a span of two, written canonically; errors quote the whole of ``cleaned``."""
    if "/" in cleaned:
        first_text, _, last_text = cleaned.partition("/")
        first = _parse_single(first_text.strip(), cleaned)
        last = _parse_single(last_text.strip(), cleaned)
        if last.start < first.start or last.end < first.end:
            raise PeriodError(t("period.span", text=cleaned))
        if first == last:
            return first
        return Period(first.start, last.end, f"{first.label}/{last.label}")
    return _parse_single(cleaned, cleaned)


def _parse_single(text: str, whole: str) -> Period:
    match = _PERIOD.fullmatch(text)
    if match is None:
        raise PeriodError(t("period.format", text=whole))
    year = int(match["year"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError(t("period.year", text=whole, first=str(FIRST_YEAR), last=str(LAST_YEAR)))
    if match["half"]:
        half = int(match["half"][1])
        first_month = 6 * (half - 1) + 1
        return _months(year, first_month, first_month + 5, f"{year}H{half}")
    if match["quarter"]:
        quarter = int(match["quarter"][1])
        first_month = 3 * (quarter - 1) + 1
        return _months(year, first_month, first_month + 2, f"{year}Q{quarter}")
    if match["month"]:
        month = int(match["month"])
        if not 1 <= month <= 12:
            raise PeriodError(t("period.month", text=whole))
        if match["day"]:
            day = int(match["day"])
            last_day = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last_day:
                raise PeriodError(t("period.day", text=whole, month=f"{year}-{month:02d}", last=str(last_day)))
            return Period.day(date(year, month, day))
        return _months(year, month, month, f"{year}-{month:02d}")
    return Period.year(year)


def _months(year: int, first: int, last: int, label: str) -> Period:
    return Period(date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]), label)


# --- periods written the ways people write them: a suggestion, never a reading -----------------


class PeriodSuggestion(NamedTuple):
    """The canonical period a text most likely means. ``day_first``: the text is a date whose
    day and month could be swapped (``12/11/2025``), read day first as Vietnamese dates are."""

    period: str
    day_first: bool = False


_SEP = r"\s*[-/.]\s*"  # 12/2024, 12-2024, 12.2024, 12 / 2024
_LOOSE = r"(?:\s*[-/.,]\s*|\s+)?"  # H1 2022, H1/2022, 2022-H1, 2022H1
_MONTH_WORD = r"(?:tháng|thang)"
_YEAR_WORD = r"(?:năm|nam)"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_LONGEST_SPELLING = 80  # "từ 6 tháng đầu năm 2021 đến 6 tháng cuối năm 2023", decomposed, is 61
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—−", "-"))  # the dashes people type

# Each pattern, matched against the whole text (NFC, case-folded, blanks collapsed), with the
# period it names. Ordered from the most specific; the first that matches and names a real
# period wins. Compiled on the first text that is not a period: start-up is a feature.
_SPELLING_PATTERNS: tuple[tuple[str, str], ...] = (
    # Dates, day first as Vietnamese write them: 31/12/2025, 31-12-2025, 31.12.2025.
    (rf"(?:ngày\s*|ngay\s*)?(?P<d>\d{{1,2}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<y>\d{{4}})", "day-first"),
    # ngày 31 tháng 12 năm 2025: day and month are named, so nothing is ambiguous.
    (
        rf"(?:ngày\s*|ngay\s*)?(?P<d>\d{{1,2}})\s*{_MONTH_WORD}\s*(?P<m>\d{{1,2}})"
        rf"(?:\s*{_YEAR_WORD}\s*|{_SEP}|\s*,\s*)(?P<y>\d{{4}})",
        "day",
    ),
    # Year first with other separators or single digits: 2025/12/31, 2025.12.31, 2025-1-5.
    (rf"(?P<y>\d{{4}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<d>\d{{1,2}})", "day"),
    # Half years: 2022-H1, 2022 H1, H1 2022, H1/2022, h1-2022.
    (rf"(?P<y>\d{{4}}){_LOOSE}h(?P<h>[12])", "half"),
    (rf"h(?P<h>[12]){_LOOSE}(?P<y>\d{{4}})", "half"),
    # 6 tháng 2024, 6 tháng đầu năm 2024, 6T/2024, 6 tháng/2024, 6 tháng cuối năm 2024.
    (
        rf"(?:6|sáu|sau)\s*(?:{_MONTH_WORD}|t)\s*(?P<which>đầu|dau|cuối|cuoi)?\s*{_YEAR_WORD}?"
        rf"{_LOOSE}(?P<y>\d{{4}})",
        "six-months",
    ),
    (rf"nửa\s*(?P<which>đầu|cuối|sau)\s*{_YEAR_WORD}?{_LOOSE}(?P<y>\d{{4}})", "six-months"),
    (rf"(?P<which>first|second|1st|2nd)\s+half\s*(?:of)?{_LOOSE}(?P<y>\d{{4}})", "six-months"),
    # Quarters: Q3 2024, 2024-Q3, Q3/2024, quý 3/2024, quý III/2024, Quý 3 năm 2024.
    (rf"(?P<y>\d{{4}}){_LOOSE}q(?P<q>[1-4])", "quarter"),
    (rf"q(?P<q>[1-4]){_LOOSE}(?P<y>\d{{4}})", "quarter"),
    (
        rf"(?:quý|quí|qúy|quy)\s*(?P<q>[1-4]|iv|iii|ii|i)(?:\s*{_YEAR_WORD}\s*|{_LOOSE})(?P<y>\d{{4}})",
        "quarter",
    ),
    # Months: 12/2024, 12-2024, tháng 12/2024, tháng 12 năm 2024, T12/2024, 2024/12.
    (rf"(?:{_MONTH_WORD}\s*|t)?(?P<m>\d{{1,2}}){_SEP}(?P<y>\d{{4}})", "month"),
    (rf"{_MONTH_WORD}\s*(?P<m>\d{{1,2}})\s*{_YEAR_WORD}?\s*(?P<y>\d{{4}})", "month"),
    (r"(?P<y>\d{4})\s*[/.]\s*(?P<m>\d{1,2})|(?P<y2>\d{4})-(?P<m2>\d)", "month"),
    # Years: năm 2024.
    (rf"(?:{_YEAR_WORD}|year)\s*(?P<y>\d{{4}})", "year"),
)


@functools.cache
def _spellings() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), kind) for pattern, kind in _SPELLING_PATTERNS)


@functools.cache
def _span_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where a text may be a span of two periods (2021-2023, 2021–2023, 2021 đến 2023, H1 2021/H2
    2022), and the words that may open one (giai đoạn 2021-2025, từ 2021 đến 2023)."""
    return (
        re.compile(r"\s*(?:-|/|\.\.|\b(?:đến|tới|den|toi|to)\b)\s*"),
        re.compile(r"(?:giai đoạn|giai doan|gđ|từ|tu|from)\b\s*"),
    )


def suggest_period(text: str) -> PeriodSuggestion | None:
    """The canonical period that ``text`` most likely means, when it is a period written another
    common way; ``None`` when no reading is safe. Only ever used to word an error: ansinh never
    reads a period it was not given in canonical form."""
    import unicodedata

    if len(text) > _LONGEST_SPELLING:  # no period is written at such length: no time spent guessing
        return None
    cleaned = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).casefold().translate(_DASHES)).strip()
    if not cleaned:
        return None
    single = _suggest_single(cleaned)
    if single is not None:
        return single
    prefix = _span_patterns()[1].match(cleaned)  # giai đoạn 2021-2025, từ 2021 đến 2023
    return _suggest_span(cleaned[prefix.end() :] if prefix else cleaned)


def _suggest_single(cleaned: str) -> PeriodSuggestion | None:
    """One period written another way, or already canonical (``2021`` inside ``2021-2023``)."""
    if "/" not in cleaned:  # a span is not one period
        try:
            return PeriodSuggestion(_parse(cleaned).label)
        except PeriodError:
            pass
    for pattern, kind in _spellings():
        match = pattern.fullmatch(cleaned)
        if match is None:
            continue
        suggestion = _spelt(match, kind)
        if suggestion is not None:
            try:
                _parse(suggestion.period)
            except PeriodError:
                continue
            return suggestion
    return None


def _spelt(match: re.Match[str], kind: str) -> PeriodSuggestion | None:
    """The canonical text of what ``match`` names (not yet checked to be a real period)."""
    found = {name: value for name, value in match.groupdict().items() if value is not None}
    year = found.get("y") or found.get("y2")
    if kind in ("day-first", "day"):
        day, month = int(found["d"]), int(found["m"])
        swappable = kind == "day-first" and day != month and day <= 12 and month <= 12
        return PeriodSuggestion(f"{year}-{month:02d}-{day:02d}", day_first=swappable)
    if kind == "month":
        return PeriodSuggestion(f"{year}-{int(found.get('m') or found['m2']):02d}")
    if kind == "half":
        return PeriodSuggestion(f"{year}H{found['h']}")
    if kind == "six-months":
        second = found.get("which") in ("cuối", "cuoi", "sau", "second", "2nd")
        return PeriodSuggestion(f"{year}H{2 if second else 1}")
    if kind == "quarter":
        quarter = found["q"]
        return PeriodSuggestion(f"{year}Q{_ROMAN.get(quarter, quarter)}")
    return PeriodSuggestion(str(year))


def _suggest_span(cleaned: str) -> PeriodSuggestion | None:
    """Two periods, each canonical or written another way, joined by a dash or a word."""
    for separator in _span_patterns()[0].finditer(cleaned):
        first, last = cleaned[: separator.start()], cleaned[separator.end() :]
        if not first or not last:
            continue
        start, end = _suggest_single(first), _suggest_single(last)
        if start is None or end is None:
            continue
        try:
            span = _parse(f"{start.period}/{end.period}")
        except PeriodError:
            continue
        return PeriodSuggestion(span.label, day_first=start.day_first or end.day_first)
    return None


def day_before(day: date) -> date:
    return day - timedelta(days=1)


@functools.lru_cache(maxsize=65_536)
def months_between(earlier: date, later: date) -> Fraction:
    """Months from one date to another, SPEC section 2:
    (y2−y1)·12 + (m2−m1) + d2/days(m2) − d1/days(m1). Cached: a report asks the same few
    pairs of dates for every one of its targets."""
    return (
        (later.year - earlier.year) * 12
        + (later.month - earlier.month)
        + Fraction(later.day, calendar.monthrange(later.year, later.month)[1])
        - Fraction(earlier.day, calendar.monthrange(earlier.year, earlier.month)[1])
    )
