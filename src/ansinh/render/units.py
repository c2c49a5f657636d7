"""Figures with their units, in the reader's language: ``27,5/10.000``, ``4.204 giường bệnh``,
``1.202 giường bệnh/năm``. Shared by the tables, Markdown and ``--explain``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ansinh.engine.results import Status
from ansinh.language import LANGS, Lang, format_number, render, template
from ansinh.models import Indicator
from ansinh.numbers import Fraction
from ansinh.text import t

Number = Decimal | Fraction | int

RATE_UNITS = ("percent", "per_1k", "per_10k", "per_100k")
# Looked up for every figure of a table: the words of messages.py, gathered once into a dict.
_RATE_SUFFIX = {unit: {lang: template(f"unit.suffix.{unit}", lang) for lang in LANGS} for unit in RATE_UNITS}
_POINTS = {lang: template("unit.suffix.points", lang) for lang in LANGS}  # a difference of percents


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
    return render(t("unit.years", n=value), lang)


def deadline_label(deadline: date) -> str:
    """A deadline as plans write it: the year when it is the year's last day."""
    return str(deadline.year) if (deadline.month, deadline.day) == (12, 31) else deadline.isoformat()


def status_text(status: Status, lang: Lang) -> str:
    return template(f"status.{status.value}", lang)


def observation_status_text(status: str, lang: Lang) -> str:
    """SPEC 9: ``estimate``, ``preliminary`` or ``final`` in the reader's language."""
    return template(f"observation_status.{status}", lang)


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
