"""The checks of SPEC section 4 on what the YAML files declare: references, duplicates, the fit of
a target to its indicator, deadlines, and the consistency warnings of a plan's targets.

Each check returns what it found; none raises or stops at the first. A YAML check's finding names
the field path; the loader places it on a line (reading the file again only when there is
something to place). A CSV check's problem carries its row's line already.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import TypeVar

from ansinh.bases import BaseTable
from ansinh.checks.consistency import count_rate_mismatch, extrapolated_base
from ansinh.checks.lifetimes import lifetime_text
from ansinh.checks.values import value_problem_of
from ansinh.models import Area, BaseSeries, Indicator, Plan, PlanTarget
from ansinh.problems import Findings, LineOf, Path
from ansinh.text import Text, suggest, t

T = TypeVar("T")


def indexed(items: Sequence[T], kept: Sequence[int] | None) -> list[tuple[int, T]]:
    """Items with their index in the file: validation may have left some out (``kept``)."""
    return list(zip(kept if kept is not None else range(len(items)), items, strict=True))


def _unknown(what: str, value: str, known: Iterable[str]) -> Text:
    guess = suggest(value, sorted(known))
    if guess:
        return t("reference.unknown_guess", what=t(what), id=value, guess=guess)
    return t("reference.unknown", what=t(what), id=value)


# --- targets/indicators.yaml ---------------------------------------------------------------------


def check_catalogue(
    indicators: list[Indicator],
    bases: list[BaseSeries],
    kept: Mapping[str, list[int]],
    declared_bases: set[str] | None,
) -> tuple[Findings, set[str]]:
    """Unique ids, and a unit, kind, direction and base that fit together (SPEC 1.1). Returns the
    findings and the ids of indicators whose definition is in error."""
    located = Findings()
    numbered = indexed(indicators, kept.get("indicators"))
    _duplicate_ids(located, "indicators", [(index, indicator.id) for index, indicator in numbered])
    _duplicate_ids(located, "bases", [(index, series.id) for index, series in indexed(bases, kept.get("bases"))])
    broken: set[str] = set()
    for index, indicator in numbered:
        before = len(located)
        path: Path = ("indicators", index)
        if indicator.unit == "count" and indicator.base is not None:
            located.add("indicator-definition", t("indicator.count_base"), (*path, "base"))
        if indicator.unit != "count" and indicator.base is None:
            located.add("indicator-definition", t("indicator.needs_base", unit=indicator.unit), path)
        if indicator.kind == "flow" and (indicator.unit != "count" or indicator.better != "higher"):
            located.add("indicator-definition", t("indicator.flow"), (*path, "kind"))
        if indicator.base is not None and declared_bases is not None and indicator.base not in declared_bases:
            located.add("unknown-reference", _unknown("what.base", indicator.base, declared_bases), (*path, "base"))
        if len(located) > before:
            broken.add(indicator.id)
    return located, broken


def _duplicate_ids(located: Findings, field: str, ids: list[tuple[int, str]]) -> None:
    first: dict[str, int] = {}
    for index, item_id in ids:
        if item_id in first:
            text = t("id.duplicate", id=item_id, line=LineOf((field, first[item_id], "id")))
            located.add("duplicate-id", text, (field, index, "id"))
        else:
            first[item_id] = index


# --- targets/areas.yaml --------------------------------------------------------------------------


def check_areas(areas: list[Area], kept: Mapping[str, list[int]], declared: set[str] | None) -> Findings:
    """Unique ids, parents that exist, and no cycles (SPEC 1.2)."""
    located = Findings()
    numbered = indexed(areas, kept.get("areas"))
    _duplicate_ids(located, "areas", [(index, area.id) for index, area in numbered])
    parents = {area.id: area.parent for area in areas}
    for index, area in numbered:
        if area.parent is not None and declared is not None and area.parent not in declared:
            located.add("unknown-reference", _unknown("what.area", area.parent, declared), ("areas", index, "parent"))
    reported: set[str] = set()
    for index, area in numbered:
        chain = [area.id]
        current = area.parent
        while current is not None and current in parents and current not in chain:
            chain.append(current)
            current = parents[current]
        if current == area.id and area.id not in reported:
            reported.update(chain)
            located.add("area-cycle", t("area.cycle", chain=" → ".join([*chain, area.id])), ("areas", index, "parent"))
    by_id = {area.id: area for area in areas}
    for index, area in numbered:
        _check_lifetime(located, index, area, by_id, declared)
    _check_became_cycles(located, numbered, by_id)
    return located


def _check_lifetime(
    located: Findings, index: int, area: Area, by_id: dict[str, Area], declared: set[str] | None
) -> None:
    """SPEC 8: ``since`` not after ``until``; the units an area ``became`` declared, each once,
    beginning the day after it ends; shares on all of them or none, summing to exactly 1; and a
    parent that exists whenever its child does (a warning)."""
    path: Path = ("areas", index)
    if area.since is not None and area.until is not None and area.since > area.until:
        located.add("area-lifetime", t("area.since_after_until", since=area.since, until=area.until), (*path, "since"))
    if area.became and area.until is None:
        located.add("area-lifetime", t("area.became_needs_until", id=area.id), (*path, "became"))
    seen: set[str] = set()
    for number, successor in enumerate(area.became):
        item: Path = (*path, "became", number)
        if successor.area in seen:
            located.add("became-shares", t("area.successor_twice", id=successor.area), item)
            continue
        seen.add(successor.area)
        if declared is not None and successor.area not in declared:
            located.add("unknown-reference", _unknown("what.area", successor.area, declared), item)
            continue
        after = by_id.get(successor.area)
        if after is None or area.until is None or successor.area == area.id:
            continue  # an item in error is reported at itself; a unit that became itself, as a cycle
        day = area.until + timedelta(days=1)
        if after.since != day:
            key = "area.successor_since" if after.since is not None else "area.successor_no_since"
            located.add("area-lifetime", t(key, id=successor.area, area=area.id, day=day, since=after.since), item)
    shares = [successor.share for successor in area.became if successor.share is not None]
    if shares and len(shares) != len(area.became):
        located.add("became-shares", t("area.shares_partial", id=area.id), (*path, "became"))
    elif shares and sum(shares, Decimal(0)) != 1:
        located.add("became-shares", t("area.shares_sum", total=sum(shares, Decimal(0))), (*path, "became"))
    parent = by_id.get(area.parent) if area.parent is not None else None
    if parent is not None and not _within(area, parent):
        located.add(
            "parent-lifetime",
            t("area.parent_lifetime", parent=parent.id, lifetime=lifetime_text(parent), child=lifetime_text(area)),
            (*path, "parent"),
        )


def _within(child: Area, parent: Area) -> bool:
    """Whether the parent exists on every day the child does (open ends reach forever)."""
    if parent.since is not None and (child.since is None or child.since < parent.since):
        return False
    return parent.until is None or (child.until is not None and child.until <= parent.until)


def _check_became_cycles(located: Findings, numbered: list[tuple[int, Area]], by_id: dict[str, Area]) -> None:
    """A unit that, through what it became, becomes itself again: reported once, at the first
    unit of the cycle in the file."""
    reported: set[str] = set()
    for index, area in numbered:
        if area.id in reported or not area.became:
            continue
        chain = _became_path(area.id, by_id)
        if chain is not None:
            reported.update(chain)
            located.add(
                "area-cycle", t("area.became_cycle", chain=" → ".join([*chain, area.id])), ("areas", index, "became")
            )


def _became_path(start: str, by_id: dict[str, Area]) -> list[str] | None:
    """The units from ``start`` back to itself along ``became``, if there is such a way."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    visited: set[str] = set()
    while stack:
        current, chain = stack.pop()
        unit = by_id.get(current)
        for successor in unit.became if unit is not None else ():
            if successor.area == start:
                return chain
            if successor.area not in visited:
                visited.add(successor.area)
                stack.append((successor.area, [*chain, successor.area]))
    return None


# --- targets/<plan>.yaml ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What plans and observations are checked against: the catalogue, areas and bases."""

    indicators: dict[str, Indicator]
    declared_indicators: set[str] | None  # None: the catalogue cannot be read
    areas: set[str] | None  # None: the areas cannot be read
    bases: BaseTable
    base_series: dict[str, BaseSeries]


def check_plan(plan: Plan, kept: Mapping[str, list[int]], stem: str, context: CheckContext) -> Findings:
    """The plan's own fields, then each target against its indicator (SPEC 1.3 and 4)."""
    located = Findings()
    if plan.id != stem:
        located.add("plan-id-mismatch", t("plan.id", id=plan.id, stem=stem), ("id",))
    if context.areas is not None and plan.area not in context.areas:
        located.add("unknown-reference", _unknown("what.area", plan.area, context.areas), ("area",))
    if plan.end.end < plan.start.start:
        located.add("plan-period", t("plan.period", start=plan.start.label, end=plan.end.label), ("end",))
    seen: dict[str, int] = {}
    for index, target in indexed(plan.targets, kept.get("targets")):
        path: Path = ("targets", index)
        if context.declared_indicators is not None and target.indicator not in context.declared_indicators:
            located.add(
                "unknown-reference",
                _unknown("what.indicator", target.indicator, context.declared_indicators),
                (*path, "indicator"),
            )
            continue
        if target.indicator in seen:
            first = LineOf(("targets", seen[target.indicator], "indicator"))
            located.add(
                "duplicate-target", t("plan.duplicate_target", id=target.indicator, line=first), (*path, "indicator")
            )
        else:
            seen[target.indicator] = index
        if target.area is not None and context.areas is not None and target.area not in context.areas:
            located.add("unknown-reference", _unknown("what.area", target.area, context.areas), (*path, "area"))
        indicator = context.indicators.get(target.indicator)
        if indicator is not None:  # an indicator in error is reported in the catalogue
            _check_target(located, path, plan, target, indicator, context)
    return located


def _check_target(
    located: Findings, path: Path, plan: Plan, target: PlanTarget, indicator: Indicator, context: CheckContext
) -> None:
    spec = target.target
    if indicator.kind == "level":
        if spec.value is None and (spec.total is not None or spec.per_year is not None):
            located.add("target-kind-mismatch", t("target.flow_on_level", id=indicator.id), (*path, "target"))
            return
        for name in ("total", "per_year", "from"):
            if getattr(spec, "from_" if name == "from" else name) is not None:
                located.add("target-shape", t("target.level_field", field=name), (*path, "target", name), at_key=True)
        if spec.value is None:
            located.add("target-shape", t("target.level_needs_value"), (*path, "target"))
        if target.baseline is None:
            located.add("target-shape", t("target.needs_baseline"), path)
    else:
        if spec.value is not None and spec.total is None and spec.per_year is None:
            located.add(
                "target-kind-mismatch",
                t("target.level_on_flow", id=indicator.id),
                (*path, "target", "value"),
                at_key=True,
            )
            return
        _check_flow_shape(located, path, target)
    _check_values(located, path, target, indicator)
    if indicator.kind == "level" and target.baseline is not None and spec.value is not None:
        _check_level_dates_and_warnings(located, path, plan, target, indicator, context)
    if indicator.kind == "level" and spec.value is not None and indicator.base is not None:
        area = target.area or plan.area
        warning = extrapolated_base(indicator, area, spec.by.end, context.bases, context.base_series)
        if warning is not None:
            located.add("extrapolated-base", warning, (*path, "target", "by"))


def _check_flow_shape(located: Findings, path: Path, target: PlanTarget) -> None:
    spec = target.target
    if spec.value is not None:
        located.add("target-shape", t("target.flow_value"), (*path, "target", "value"), at_key=True)
    if target.baseline is not None:
        located.add("target-shape", t("target.flow_baseline"), (*path, "baseline"), at_key=True)
    if target.count is not None:
        located.add("target-shape", t("target.flow_count"), (*path, "count"), at_key=True)
    if spec.total is not None and spec.per_year is not None:
        located.add("target-shape", t("target.total_and_per_year"), (*path, "target", "per_year"), at_key=True)
    elif spec.total is None and spec.per_year is None:
        located.add("target-shape", t("target.flow_needs_amount"), (*path, "target"))
    elif spec.total is not None and spec.from_ is None:
        located.add("target-shape", t("target.total_needs_from"), (*path, "target"))
    elif spec.per_year is not None and spec.from_ is not None:
        located.add("target-shape", t("target.per_year_from"), (*path, "target", "from"), at_key=True)
    if spec.from_ is not None and spec.from_.start > spec.by.end:
        located.add(
            "target-shape", t("target.window", start=spec.from_.label, end=spec.by.label), (*path, "target", "by")
        )


def _check_values(located: Findings, path: Path, target: PlanTarget, indicator: Indicator) -> None:
    spec = target.target
    values: list[tuple[Path, Decimal | None]] = [
        ((*path, "target", "value"), spec.value),
        ((*path, "target", "total"), spec.total),
        ((*path, "target", "per_year"), spec.per_year),
        ((*path, "baseline", "value"), target.baseline.value if target.baseline else None),
    ]
    for value_path, value in values:
        if value is not None:
            problem = value_problem_of(indicator, value, f"{value}")
            if problem is not None:
                located.add(problem[0], problem[1], value_path)
    # A flow's amount is what progress is divided by: 0 would make every figure meaningless. A
    # level's value may be 0 ("no poor households left").
    for name, amount in (("total", spec.total), ("per_year", spec.per_year)):
        if indicator.kind == "flow" and amount is not None and amount == 0:
            located.add("bad-value", t("target.flow_zero", field=name, value=amount), (*path, "target", name))
    if target.count is not None and indicator.unit == "count" and indicator.kind == "level":
        located.add("target-shape", t("target.count_on_count"), (*path, "count"), at_key=True)


def _check_level_dates_and_warnings(
    located: Findings, path: Path, plan: Plan, target: PlanTarget, indicator: Indicator, context: CheckContext
) -> None:
    baseline, spec = target.baseline, target.target
    assert baseline is not None and spec.value is not None
    if spec.by.end <= baseline.period.end:
        located.add(
            "deadline-not-after-baseline",
            t("target.deadline", by=spec.by.label, baseline=baseline.period.label),
            (*path, "target", "by"),
        )
        return
    if indicator.direction * (baseline.value - spec.value) >= 0:
        located.add(
            "met-at-baseline",
            t(
                "warning.met_at_baseline",
                target=spec.value,
                by=spec.by.label,
                value=baseline.value,
                period=baseline.period.label,
            ),
            (*path, "target", "value"),
        )
    if target.count is not None:
        area = target.area or plan.area
        warning = count_rate_mismatch(
            indicator,
            area,
            spec.value,
            int(target.count),
            spec.by.end,
            context.bases,
            context.base_series,
            key="warning.target_count",
        )
        if warning is not None:
            located.add("target-count-mismatch", warning, (*path, "count"))
