"""``ansinh compare`` (SPEC 7): the areas at one level under an area, each with its latest figure
of an indicator by a date — its own or rolled up — and whether it meets a value, best first.

"18/30 quận, huyện không còn hộ nghèo" (seed 002) is such a comparison: the 30 districts of Hà Nội,
the poor-household rate, the value 0. The result is plain data; ``ansinh.render.compare_formats``
prints it, and any other renderer (a workbook, a page) can.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ansinh.engine.results import Figure, RowWarning
from ansinh.engine.rollup import figures_of
from ansinh.models import Area, Indicator, Observation
from ansinh.numbers import Fraction, round_half_up
from ansinh.project import Project
from ansinh.text import Text


@dataclass(slots=True)
class ComparedArea:
    """One area of a comparison: its latest figure by the date (``None``: no data), and whether
    it meets the value compared with, ``d·(V − T) ≥ 0``."""

    area: Area
    value: Decimal | Fraction | None
    period: str | None
    date: date | None
    count: int | None  # SPEC 3's current_count: V, the observation's count, or V·base/s rounded
    meets: bool | None
    origin: str | None  # observation, rollup or lineage
    warnings: tuple[RowWarning, ...] = ()
    figure: Observation | Figure | None = None


@dataclass(frozen=True, slots=True)
class ComparisonSummary:
    """``k of n meet T``, and how many have no data."""

    total: int
    with_data: int
    meet: int
    no_data: int


@dataclass(slots=True)
class Comparison:
    """The answer of ``ansinh compare``: the areas compared, best first, then those without data."""

    as_of: date
    indicator: Indicator
    area: str | None  # the area compared under; None: the areas without a parent
    level: str | None  # the level of the areas compared (None when they are of several)
    target: Decimal
    rows: list[ComparedArea]

    @property
    def summary(self) -> ComparisonSummary:
        with_data = sum(1 for row in self.rows if row.value is not None)
        meet = sum(1 for row in self.rows if row.meets)
        return ComparisonSummary(len(self.rows), with_data, meet, len(self.rows) - with_data)


def areas_compared(project: Project, area: str | None, level: str | None, day: date) -> list[Area]:
    """SPEC 7: the areas at ``level`` under ``area`` (every level below it), else ``area``'s
    children; without ``area``, under none: the areas without a parent. Only the areas that exist
    on ``day`` (SPEC 8): a comparison of 2026 lists the communes of 2026, not those merged into
    them."""
    figures = figures_of(project)
    if area is None:
        tops = [each.id for each in project.areas.values() if each.parent is None or each.parent not in project.areas]
    else:
        tops = list(figures.children.get(area, []))
    if level is None:
        chosen = tops
    else:
        chosen, queue, seen = [], list(tops), set(tops)
        while queue:
            current = queue.pop(0)
            if project.areas[current].level == level:
                chosen.append(current)
            for child in figures.children.get(current, []):
                if child not in seen:
                    seen.add(child)
                    queue.append(child)
        order = {key: number for number, key in enumerate(project.areas)}
        chosen.sort(key=order.__getitem__)
    return [project.areas[each] for each in chosen if project.areas[each].exists_on(day)]


def compare(
    project: Project, indicator: Indicator, day: date, target: Decimal, *, area: str | None, level: str | None
) -> Comparison:
    """Each area's latest figure by ``day`` (own, rolled up or across a reorganisation), ranked
    best first by the indicator's direction; areas without data last, in the file's order."""
    figures = figures_of(project)
    direction = indicator.direction
    rows: list[ComparedArea] = []
    for each in areas_compared(project, area, level, day):
        warnings: list[RowWarning] = []

        def warn(code: str, text: Text, found: list[RowWarning] = warnings) -> None:
            found.append(RowWarning(code, text))

        figure = figures.latest(indicator, each.id, day, warn)
        if figure is None:
            rows.append(ComparedArea(each, None, None, None, None, None, None, tuple(warnings)))
            continue
        value = figure.value
        rows.append(
            ComparedArea(
                each,
                value,
                figure.period.label,
                figure.period.end,
                _count(project, indicator, each.id, figure),
                direction * (Fraction(value) - Fraction(target)) >= 0,
                figure.origin if isinstance(figure, Figure) else "observation",
                tuple(warnings),
                figure,
            )
        )
    ranked = sorted(
        (row for row in rows if row.value is not None), key=lambda row: -direction * Fraction(row.value or 0)
    )
    levels = {row.area.level for row in rows}
    chosen_level = level if level is not None else levels.pop() if len(levels) == 1 else None
    return Comparison(day, indicator, area, chosen_level, target, ranked + [row for row in rows if row.value is None])


def _count(project: Project, indicator: Indicator, area: str, figure: Observation | Figure) -> int | None:
    """SPEC 3's ``current_count``: ``V`` for counts; the figure's count if given (a roll-up's is
    its parts' summed); else ``V·base(t1)/s`` rounded half up; None without a base."""
    if indicator.unit == "count":
        return round_half_up(Fraction(figure.value))
    if figure.count is not None:
        return figure.count
    if indicator.base is None:
        return None
    base = project.bases.at(area, indicator.base, figure.period.end)
    if base is None:
        return None
    return round_half_up(Fraction(figure.value) * base.value / indicator.scale)
