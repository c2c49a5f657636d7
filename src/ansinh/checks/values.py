"""The rules of SPEC sections 1.4 and 4 for one observed value of an indicator."""

from __future__ import annotations

from decimal import Decimal

from ansinh.models import Indicator
from ansinh.numbers import could_be_grouped, grouped_text, is_whole
from ansinh.text import Text, t


def value_problem_of(indicator: Indicator, value: Decimal, written: str) -> tuple[str, Text] | None:
    """What is wrong with a value of this indicator, if anything: a percent above 100, or a
    count that is not whole or may hide a thousands separator."""
    if indicator.unit == "percent" and value > 100:
        return "bad-value", t("value.percent", text=written)
    if indicator.unit == "count":
        if could_be_grouped(written):
            return "ambiguous-number", grouped_text(written)
        if not is_whole(value):
            return "bad-number", t("number.not_whole", text=written, what=indicator.name)
    return None
