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
        super().__init__(text.render("en"))
        self.text = text


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A span of days [start, end] with the label it is written as; its date is ``end``."""

    start: date
    end: date
    label: str

    @property
    def end_date(self) -> date:
        return self.end

    @property
    def start_date(self) -> date:
        return self.start

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
        """Read a period as SPEC section 2 writes it, or a span ``A/B`` of two periods."""
        cleaned = text.strip()
        if "/" in cleaned:
            first_text, _, last_text = cleaned.partition("/")
            first, last = _parse_single(first_text.strip()), _parse_single(last_text.strip())
            if last.start < first.start or last.end < first.end:
                raise PeriodError(t("period.span", text=cleaned))
            if first == last:
                return first
            return cls(first.start, last.end, f"{first.label}/{last.label}")
        return _parse_single(cleaned)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), str(year))

    @classmethod
    def day(cls, day: date) -> Period:
        return cls(day, day, day.isoformat())


def _parse_single(text: str) -> Period:
    match = _PERIOD.fullmatch(text)
    if match is None:
        raise PeriodError(t("period.format", text=text))
    year = int(match["year"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError(t("period.year", text=text, first=str(FIRST_YEAR), last=str(LAST_YEAR)))
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
            raise PeriodError(t("period.month", text=text))
        if match["day"]:
            day = int(match["day"])
            last_day = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last_day:
                raise PeriodError(t("period.day", text=text, month=f"{year}-{month:02d}", last=str(last_day)))
            return Period.day(date(year, month, day))
        return _months(year, month, month, f"{year}-{month:02d}")
    return Period.year(year)


def _months(year: int, first: int, last: int, label: str) -> Period:
    return Period(date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]), label)


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


def years_between(earlier: date, later: date) -> Fraction:
    return months_between(earlier, later) / 12
