"""The checks of SPEC section 4 across plans and observations: flow observations that straddle a
target's window (errors), and counts that disagree with value × base or rest on an extrapolated
base (warnings)."""

from __future__ import annotations

from itertools import compress

from ansinh.bases import BaseTable, BaseValue
from ansinh.checks.consistency import count_rate_mismatch, extrapolated_base
from ansinh.models import BaseSeries, Indicator, Plan, PlanTarget
from ansinh.periods import Period
from ansinh.problems import Problem
from ansinh.project import ObservationStore, Series
from ansinh.text import t


def check_windows(
    plans: dict[str, Plan], plan_files: dict[str, str], indicators: dict[str, Indicator], store: ObservationStore
) -> list[Problem]:
    """A flow observation that straddles the edge of a target's window cannot be counted in it
    or left out of it (SPEC section 3, Flows): an error at the observation, naming the target."""
    problems: list[Problem] = []
    for plan in plans.values():
        for target in plan.targets:
            indicator = indicators.get(target.indicator)
            if indicator is None or indicator.kind != "flow":
                continue
            series = store.series(indicator.id, target.area or plan.area)
            if series is None:
                continue
            for window in _windows(plan, target):
                for index in _straddling(series, window):
                    observation = series.observation(index)
                    text = t(
                        "observation.straddle",
                        period=observation.period.label,
                        window=window.label,
                        plan=plan.id,
                        file=plan_files.get(plan.id, ""),
                    )
                    problems.append(
                        Problem("window-straddle", text, observation.file, observation.line, None, "period")
                    )
    return problems


def _straddling(series: Series, window: Period) -> list[int]:
    """The periods of a series that reach across an edge of ``window``. A flow's periods do not
    overlap, so at most one contains each edge: found by bisection, not by a walk."""
    found: list[int] = []
    for edge_start, edge_end in ((window.start, window.start), (window.end, window.end)):
        index = series.first_ending_from(edge_start)
        if index < len(series):
            period = series.store.periods[series.start + index]
            if period.start <= edge_end and period.overlaps(window) and not window.contains(period):
                found.append(index)
    return sorted(set(found))


def _windows(plan: Plan, target: PlanTarget) -> list[Period]:
    spec = target.target
    if spec.total is not None and spec.from_ is not None:
        return [Period(spec.from_.start, spec.by.end, f"{spec.from_.label}–{spec.by.label}")]
    if spec.per_year is not None:
        return [Period.year(year) for year in range(plan.start.start.year, spec.by.end.year + 1)]
    return []


def check_observation_counts(
    store: ObservationStore, indicators: dict[str, Indicator], bases: BaseTable, base_series: dict[str, BaseSeries]
) -> list[Problem]:
    """Warnings for observations whose count disagrees with value × base, or whose base had to
    be extrapolated (SPEC section 4). Counts are screened in floating point, which can only be
    wrong very near the edge of the rounding; there, and wherever the screen doubts, the exact
    arithmetic of ``ansinh.checks.consistency`` decides and words the warning."""
    problems: list[Problem] = []
    for series in store.all_series():
        indicator = indicators[series.indicator]
        counts = series.counts
        if indicator.base is None or indicator.unit == "count" or not any(counts):
            continue
        periods, values, scale = series.periods, series.values, indicator.scale
        # The few years of a series' bases, looked up once each, with the base as a float.
        by_year: dict[int, tuple[BaseValue, float] | None] = {}
        for index in compress(range(len(counts)), counts):  # the rows with a count
            day = periods[index].end
            if day.year not in by_year:
                found = bases.for_year(series.area, indicator.base, day.year)
                by_year[day.year] = (found, float(found.value)) if found is not None else None
            known = by_year[day.year]
            if known is None:
                continue
            base, approximate = known
            count = int(counts[index])
            if base.extrapolated or not _fits(count, values[index], scale, approximate):
                observation = series.observation(index)
                mismatch = count_rate_mismatch(
                    indicator, series.area, observation.value, count, day, bases, base_series
                )
                if mismatch is not None:
                    problems.append(
                        Problem("count-rate-mismatch", mismatch, observation.file, observation.line, None, "count")
                    )
                extrapolated = extrapolated_base(indicator, series.area, day, bases, base_series)
                if extrapolated is not None:
                    problems.append(
                        Problem("extrapolated-base", extrapolated, observation.file, observation.line, None, "count")
                    )
    return problems


def _fits(count: int, value: str, scale: int, base: float) -> bool:
    """Whether ``base`` lies well inside the bases that ``count`` at ``value`` (rounded as
    written) implies; a base near either edge is left to the exact check."""
    decimals = len(value) - value.index(".") - 1 if "." in value else 0
    half = 0.5 * 10.0**-decimals
    rate = float(value)
    low = count * scale / (rate + half)
    high = count * scale / (rate - half) if rate > half else float("inf")
    return low * (1 + 1e-9) < base < high * (1 - 1e-9)
