"""``ansinh gap --explain``: each figure's arithmetic with the numbers put in, in the reader's
language, so that it can be pasted into a report and defended:

    Còn thiếu: 27.000 − 22.796 = 4.204 giường bệnh
    Mỗi năm: 4.204 ÷ 3,5 năm = 1.202 giường bệnh/năm (làm tròn lên)

The lines show the engine's inputs and results; nothing here computes a figure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TextIO

from ansinh.engine.results import CountBasis, Row, Status
from ansinh.language import Lang, render
from ansinh.models import FINAL
from ansinh.numbers import OUTPUT_PLACES, Fraction, round_to_places
from ansinh.problems import sheet_place
from ansinh.render.report_formats import DECIDED_BY_RATIO, Names
from ansinh.render.units import (
    counted,
    difference_text,
    number,
    observation_status_text,
    per_year_text,
    status_text,
    value_text,
    years_text,
)
from ansinh.text import Text, t


@dataclass(frozen=True, slots=True)
class _Context:
    """What explanations need besides the row."""

    as_of: date
    names: Names
    sources: Mapping[tuple[str, int], str] = field(default_factory=dict)  # by file and line


def render_explanations(
    rows: list[Row],
    as_of: date,
    names: Names,
    lang: Lang,
    out: TextIO,
    sources: Mapping[tuple[str, int], str] | None = None,
) -> None:
    """Each row's arithmetic; ``sources`` are the source cells of the figures used, by file and
    line (``ansinh.api.observation_sources``)."""
    context = _Context(as_of, names, sources or {})
    for row in rows:
        out.write("\n" + "\n".join(explain(row, context, lang)) + "\n")


def explain(row: Row, context: _Context, lang: Lang) -> list[str]:
    heading = f"{row.indicator.name.get(lang)} — {context.names.area(row.area, lang)} — {row.plan}"
    lines = [heading]
    if row.indicator.kind == "level":
        texts = _level(row, context, lang)
    elif row.target.total is not None:
        texts = _total(row, context, lang)
    else:
        texts = _per_year(row, context, lang)
    if row.current is not None and row.current.status != FINAL:  # SPEC 9: say the figure is not final
        word = observation_status_text(row.current.status, lang)
        texts.insert(0, t("explain.observation_status", period=row.current.period, status=word))
    texts[:0] = _derived(row, context, lang)  # SPEC 7-8: the areas a worked-out figure came from
    texts[:0] = _written(row, context)
    texts.append(t("explain.status", status=status_text(row.status, lang), why=_why(row)))
    lines += ["  " + render(text, lang) for text in texts]
    return lines


def _written(row: Row, context: _Context) -> list[Text]:
    """Where the figure used was written, and its source."""
    current = row.current
    if current is None or current.file is None or current.line is None:
        return []
    source = context.sources.get((current.file, current.line))
    where = sheet_place(f"{current.file}:{current.line}")  # a workbook's rows name their sheet
    return [t("explain.source", where=where, source=source) if source else t("explain.written", where=where)]


def _level(row: Row, context: _Context, lang: Lang) -> list[Text]:
    indicator, current, basis = row.indicator, row.current, row.basis
    assert row.target.value is not None
    texts: list[Text] = []
    if basis.target_count is not None and row.target_count is not None:
        texts.append(
            _count_line(
                "explain.target_count", row.target_count, row.target.value, basis.target_count, row, context, lang
            )
        )
    if current is None:
        texts.append(t("explain.no_observation", as_of=context.as_of))
        return texts
    target_text, value = value_text(row.target.value, indicator, lang), value_text(current.value, indicator, lang)
    if row.met:
        texts.append(t("explain.gap_met", value=value, target=target_text))
    else:
        first, second = (target_text, value) if indicator.direction > 0 else (value, target_text)
        texts.append(t("explain.gap", first=first, second=second, gap=difference_text(row.gap, indicator, lang)))
    if row.percent_of_target is not None:  # SPEC 9: the "đạt ...% kế hoạch" of official reports
        texts.append(t("explain.percent_of_target", value=value, target=target_text, percent=row.percent_of_target))
    texts.append(_years_left(row, lang))
    if row.required_per_year is not None:
        texts.append(
            t(
                "explain.required",
                gap=difference_text(row.gap, indicator, lang),
                years=years_text(row.years_left, lang),
                per_year=per_year_text(difference_text(row.required_per_year, indicator, lang), lang),
            )
        )
    if basis.current_count is not None and row.current_count is not None:
        texts.append(
            _count_line(
                "explain.current_count", row.current_count, current.value, basis.current_count, row, context, lang
            )
        )
    texts += _shortfall(row, lang)
    texts += _growth(row) if row.method == "cagr" else _trend(row, lang)
    return texts


def _count_line(
    key: str, count: int, value: object, basis: CountBasis, row: Row, context: _Context, lang: Lang
) -> Text:
    indicator = row.indicator
    result = counted(count, indicator, lang)
    if basis.source == "unit":
        return t(key, how=t("explain.count_unit", count=result))
    if basis.source == "declared":
        return t(key, how=t("explain.count_declared", count=result))
    if basis.source == "observed":
        return t(key, how=t("explain.count_observed", count=result))
    if basis.source == "derived":  # SPEC 7: the sum of a roll-up's parts' counts, rounded half up
        return t(key, how=t("explain.count_derived", count=result))
    assert basis.base is not None and basis.exact is not None
    rounding = (
        "explain.round_half_up"
        if key == "explain.current_count"
        else "explain.round_up"
        if indicator.direction > 0
        else "explain.round_down"
    )
    return t(
        key,
        how=t(
            "explain.count_from_base",
            value=value,
            base=basis.base.value,
            scale=indicator.scale,
            exact=basis.exact,
            count=result,
            rounding=t(rounding),
            base_name=context.names.base(indicator.base or "", lang),
            year=str(basis.base.year),
            kind=t(
                f"base.how.{basis.base.kind}"
                if basis.base.how == "known" and basis.base.kind
                else f"base.how.{basis.base.how}"
            ),
        ),
    )


def _years_left(row: Row, lang: Lang) -> Text:
    assert row.current is not None
    if not row.years_left:
        return t("explain.no_time", deadline=row.deadline, date=row.current.date)
    return t(
        "explain.years_left",
        date=row.current.date,
        deadline=row.deadline,
        months=row.basis.months_left,
        years=years_text(row.years_left, lang),
    )


def _shortfall(row: Row, lang: Lang) -> list[Text]:
    indicator = row.indicator
    if row.shortfall is None:
        return [t("explain.no_shortfall")] if indicator.kind == "level" else []
    texts: list[Text] = []
    if indicator.kind == "level":
        assert row.target_count is not None and row.current_count is not None
        first, second = (
            (row.target_count, row.current_count) if indicator.direction > 0 else (row.current_count, row.target_count)
        )
        if row.shortfall == 0:
            texts.append(t("explain.shortfall_none", first=first, second=second))
        else:
            texts.append(
                t("explain.shortfall", first=first, second=second, shortfall=counted(row.shortfall, indicator, lang))
            )
    if row.shortfall_per_year is not None:
        texts.append(
            t(
                "explain.shortfall_per_year",
                shortfall=number(row.shortfall, lang),
                years=years_text(row.years_left, lang),
                per_year=per_year_text(counted(row.shortfall_per_year, indicator, lang), lang),
            )
        )
    return texts


def _trend(row: Row, lang: Lang) -> list[Text]:
    basis, current = row.basis, row.current
    assert current is not None and row.target.value is not None
    if basis.months_elapsed is None:
        return [t("explain.no_trend_dates", date=current.date, baseline=row.baseline_date)]
    texts: list[Text] = []
    if basis.expected is None:
        texts.append(t("explain.no_trend_flat"))
    else:
        texts.append(
            t(
                "explain.expected",
                baseline=row.baseline_value,
                target=row.target.value,
                elapsed=basis.months_elapsed,
                planned=basis.months_planned,
                expected=basis.expected,
            )
        )
        texts.append(
            t(
                "explain.ratio",
                value=current.value,
                baseline=row.baseline_value,
                expected=basis.expected,
                ratio=row.progress_ratio,
            )
        )
    texts.append(
        t(
            "explain.projected",
            deadline=row.deadline,
            baseline=row.baseline_value,
            value=current.value,
            elapsed=basis.months_elapsed,
            planned=basis.months_planned,
            projected=row.projected,
        )
    )
    return texts


def _growth(row: Row) -> list[Text]:
    """SPEC 11: the observed and required growth rates, their ratio and the UN's bands."""
    basis, current, rates = row.basis, row.current, row.basis.growth
    assert current is not None and row.target.value is not None
    if rates is None:
        if basis.months_elapsed is None:
            return [t("explain.no_trend_dates", date=current.date, baseline=row.baseline_date)]
        return [t("explain.growth_none")]
    texts = [
        t(
            "explain.growth_observed",
            value=current.value,
            baseline=row.baseline_value,
            years=rates.years_elapsed,
            rate=_four(100 * rates.observed),
        ),
        t(
            "explain.growth_required",
            target=row.target.value,
            baseline=row.baseline_value,
            years=rates.years_planned,
            rate=_four(100 * rates.required),
        ),
    ]
    if rates.ratio is None:
        texts.append(t("explain.growth_flat"))
    else:
        texts.append(
            t(
                "explain.growth_ratio",
                observed=_four(100 * rates.observed),
                required=_four(100 * rates.required),
                ratio=_four(rates.ratio),
            )
        )
    assert basis.months_left is not None
    texts.append(
        t(
            "explain.growth_projected",
            deadline=row.deadline,
            value=current.value,
            rate=_four(100 * rates.observed),
            years=basis.months_left / 12,
            projected=_four(row.projected) if row.projected is not None else None,
        )
    )
    return texts


def _four(value: Decimal | Fraction) -> Decimal:
    """A growth figure as printed: growth rates are decimals of 40 digits, printed to four places
    like every other output figure."""
    return round_to_places(value, OUTPUT_PLACES)


def _summed(row: Row, lang: Lang) -> Text:
    indicator = row.indicator
    terms = " + ".join(f"{number(item.value, lang)} ({item.period.label})" for item in row.basis.summed)
    assert row.achieved is not None
    return t("explain.summed", terms=terms, achieved=counted(row.achieved, indicator, lang))


def _total(row: Row, context: _Context, lang: Lang) -> list[Text]:
    indicator, basis = row.indicator, row.basis
    assert row.target.total is not None
    if row.current is None:
        return [t("explain.no_flow", start=row.window_start, deadline=row.deadline, as_of=context.as_of)]
    texts = [_summed(row, lang)]
    texts.append(t("explain.percent", achieved=row.achieved, total=row.target.total, percent=row.progress_percent))
    if row.met:
        texts.append(t("explain.flow_met", achieved=row.achieved, total=row.target.total))
    else:
        texts.append(
            t("explain.flow_gap", total=row.target.total, achieved=row.achieved, gap=counted(row.gap, indicator, lang))
        )
    texts.append(
        t(
            "explain.flow_expected",
            date=row.current.date,
            total=row.target.total,
            elapsed=basis.months_elapsed,
            planned=basis.months_planned,
            expected=basis.expected,
            achieved=row.achieved,
            ratio=row.progress_ratio,
        )
    )
    texts.append(_years_left(row, lang))
    texts += _shortfall(row, lang)
    texts.append(
        t(
            "explain.flow_projected",
            deadline=row.deadline,
            achieved=row.achieved,
            planned=basis.months_planned,
            elapsed=basis.months_elapsed,
            projected=row.projected,
        )
    )
    return texts


def _per_year(row: Row, context: _Context, lang: Lang) -> list[Text]:
    assert row.target.per_year is not None
    if row.current is None:
        return [t("explain.no_year", as_of=context.as_of)]
    return [
        t("explain.year", year=str(row.current.date.year)),
        _summed(row, lang),
        t("explain.per_year_ratio", achieved=row.achieved, per_year=row.target.per_year, ratio=row.progress_ratio),
    ]


def _why(row: Row) -> Text:
    """The rule of SPEC section 3 (or 11, with its bands) that decided the status."""
    if row.method == "cagr" and row.indicator.kind == "level" and row.status in DECIDED_BY_RATIO:
        return t(f"why.growth_{row.status.value}")
    return {
        Status.NO_DATA: t("why.no_data"),
        Status.ACHIEVED: t("why.achieved"),
        Status.MISSED: t("why.missed", deadline=row.deadline),
        Status.NO_TREND: t("why.no_trend"),
        Status.ON_TRACK: t("why.on_track"),
        Status.NEEDS_ACCELERATION: t("why.needs_acceleration"),
        Status.OFF_TRACK: t("why.off_track"),
        Status.REGRESSING: t("why.regressing"),
    }[row.status]


def _derived(row: Row, context: _Context, lang: Lang) -> list[Text]:
    """Each figure rolled up from children or formed across a reorganisation: its parts (with
    their shares, counts and bases) and the sum that gave it."""
    indicator = row.indicator
    texts: list[Text] = []
    for figure in row.derived:
        pieces = []
        for part in figure.parts:
            name = context.names.area(part.area, lang)
            value = value_text(part.value, indicator, lang)
            if part.count is not None and part.base is not None:
                piece = t("explain.part_rate", area=name, value=value, count=part.count, base=part.base)
            else:
                piece = t("explain.part_value", area=name, value=value)
            pieces.append(t("explain.part_share", share=part.share, part=piece) if part.share is not None else piece)
        key = "explain.rollup" if figure.origin == "rollup" else "explain.lineage"
        texts.append(t(key, period=figure.period.label, n=len(figure.parts), parts=pieces))
        total = value_text(figure.value, indicator, lang)
        if figure.exact_count is not None and figure.base is not None:
            texts.append(
                t(
                    "explain.rollup_rate",
                    counts=figure.exact_count,
                    scale=indicator.scale,
                    bases=figure.base,
                    value=total,
                )
            )
        else:
            texts.append(t("explain.rollup_sum", value=total))
    return texts
