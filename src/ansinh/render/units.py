"""Figures with their units, in the reader's language: ``27,5/10.000``, ``4.204 giường bệnh``,
``1.202 giường bệnh/năm``. Shared by the tables, Markdown and ``--explain``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ansinh.engine.results import Status
from ansinh.language import Lang, format_number
from ansinh.models import Indicator
from ansinh.numbers import Fraction
from ansinh.text import t, template

Number = Decimal | Fraction | int

_RATE_SUFFIX = {
    "percent": {"vi": "%", "en": "%"},
    "per_1k": {"vi": "/1.000", "en": "/1,000"},
    "per_10k": {"vi": "/10.000", "en": "/10,000"},
    "per_100k": {"vi": "/100.000", "en": "/100,000"},
}
_POINTS = {"vi": " điểm %", "en": " pp"}  # a difference of percents is in percentage points


def number(value: Number, lang: Lang) -> str:
    return format_number(value, lang)


def counted(value: Number, indicator: Indicator, lang: Lang) -> str:
    """A number of things: ``4.204 giường bệnh``."""
    label = indicator.counts.get(lang) if indicator.counts else ""
    return f"{number(value, lang)} {label}".rstrip()


def value_text(value: Number, indicator: Indicator, lang: Lang) -> str:
    """A value in the indicator's unit: ``27,5/10.000``, ``98,9%``, ``720.493 lượt người``."""
    if indicator.unit == "count":
        return counted(value, indicator, lang)
    return number(value, lang) + _RATE_SUFFIX[indicator.unit][lang]


def difference_text(value: Number, indicator: Indicator, lang: Lang) -> str:
    """A gap in the indicator's unit; for percents, in percentage points."""
    if indicator.unit == "percent":
        return number(value, lang) + _POINTS[lang]
    return value_text(value, indicator, lang)


def per_year_text(text: str, lang: Lang) -> str:
    return text + template("unit.per_year", lang)


def years_text(value: Number, lang: Lang) -> str:
    return t("unit.years", n=value).render(lang)


def status_text(status: Status, lang: Lang) -> str:
    return template(f"status.{status.value}", lang)


def day_text(day: date | None) -> str:
    return day.isoformat() if day else ""


STATUS_STYLES = {
    Status.ACHIEVED: "bold green",
    Status.ON_TRACK: "green",
    Status.NO_TREND: "cyan",
    Status.NEEDS_ACCELERATION: "yellow",
    Status.OFF_TRACK: "red",
    Status.REGRESSING: "bold red",
    Status.MISSED: "bold red",
    Status.NO_DATA: "dim",
}
