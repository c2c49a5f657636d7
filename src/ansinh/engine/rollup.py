"""Figures an area has without an observation of its own: roll-ups of its children (SPEC 7) and
lineage figures across a reorganisation (SPEC 8).

For each indicator and area, ``Figures`` knows the periods it has a figure for — its own
observations, the periods every one of its children existing then has (their own or rolled up in
turn), and outside its lifetime the periods of the units it became or came from — and works a
figure out only when a row asks for it. Both are memoised per indicator and area, so a national
report does not recompute a province's children for each of its rows. Arithmetic is exact:
counts and flows are sums of decimals (``Decimal``), rates ``Σ counts · s / Σ bases``
(``Fraction``).

An area with no children, no lifetime and no predecessors — almost every row of a national
report — goes straight to its own series.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Context, Decimal
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from ansinh.bases import BaseValue
from ansinh.checks.consistency import rate_text
from ansinh.engine.results import Figure, Part, RowWarning
from ansinh.models import Area, Indicator, Observation, finality, least_final
from ansinh.numbers import Fraction, half_unit, round_half_up
from ansinh.periods import Period
from ansinh.problems import Problem
from ansinh.text import Text, t

if TYPE_CHECKING:
    from ansinh.project import Project, Series

ROLLUP, LINEAGE, OBSERVATION = "rollup", "lineage", "observation"
# Which figures of an area a question may use: its own and its children's (CORE), with those of
# the units it came from (BEFORE) or became (AFTER), or all (FULL, what a row asks). A lineage
# looks one way in time only, so that an area and its successor never wait on each other.
CORE, BEFORE, AFTER, FULL = "core", "before", "after", "full"
Span = tuple[date, date]  # a period's first and last day
Warn = Callable[[str, Text], None]
Used = Observation | Figure
_END = attrgetter("end")

# Sums of decimals and decimal shares are exact decimals; this many digits keeps them exact.
_EXACT = Context(prec=80)
# How many missing units a message names before "and n more".
_NAMED = 5


@dataclass(slots=True)
class _Derived:
    """A period an area's figure could be worked out for from other units': who would be summed
    (with shares), and why it cannot be, if it cannot."""

    origin: str  # ROLLUP or LINEAGE
    period: Period
    contributors: tuple[tuple[str, Decimal | None], ...]
    mode: str  # which of the contributors' figures it sums: CORE, BEFORE or AFTER
    reason: RowWarning | None = None  # why not, as the row's warning; None: every contributor has it


@dataclass(slots=True)
class _Known:
    """The periods one indicator has a figure for in one area, and how."""

    series: Series | None
    own: dict[Span, int] = field(default_factory=dict)  # index in the series
    derived: dict[Span, _Derived] = field(default_factory=dict)  # the roll-up, else the lineage, used
    rollups: dict[Span, _Derived] = field(default_factory=dict)  # every roll-up, for mismatches
    unformed: list[_Derived] = field(default_factory=list)  # periods that could not be formed
    spans: dict[Span, Period] = field(default_factory=dict)  # every period with a figure
    available: list[tuple[date, date]] = field(default_factory=list)  # (end, start), in order
    ends: list[date] = field(default_factory=list)


class Figures:
    """The figures of a project's areas, own and worked out, memoised."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.areas = project.areas
        self.children: dict[str, list[str]] = {}
        self.predecessors: dict[str, list[tuple[str, Decimal | None, int]]] = {}
        for area in project.areas.values():
            if area.parent is not None and area.parent in project.areas:
                self.children.setdefault(area.parent, []).append(area.id)
            for successor in area.became:
                self.predecessors.setdefault(successor.area, []).append((area.id, successor.share, len(area.became)))
        self._lived = {area.id for area in project.areas.values() if area.since or area.until}
        self._lineaged = {
            area.id
            for area in project.areas.values()
            if (area.until is not None and area.became) or (area.since is not None and area.id in self.predecessors)
        }
        self._known: dict[tuple[str, str, str], _Known] = {}
        self._figures: dict[tuple[str, str, str, Span], Figure | None] = {}
        self._busy: set[tuple[str, ...]] = set()
        self._series_of: dict[tuple[str, str], Series | None] = {}
        # For validate's sums: the span of each period object, each value text as integers.
        self._span_of: dict[int, Span] = {}
        self._parsed: dict[str, tuple[int, int]] = {}
        self._base_pairs: dict[tuple[str, str], dict[int, tuple[int, int] | None]] = {}

    # --- what a row asks ---------------------------------------------------------------------

    def plain(self, area: str) -> bool:
        """An area whose figures can only be its own observations."""
        return area not in self.children and area not in self._lived and area not in self.predecessors

    def latest(self, indicator: Indicator, area: str, day: date, warn: Warn | None = None) -> Used | None:
        """SPEC 3 and 7: the figure whose period ends last on or before ``day``, own or worked out;
        ``warn`` hears of a later one that could not be formed, and of an own figure that
        disagrees with its children's."""
        if self.plain(area):
            series = self.project.observations.series(indicator.id, area)
            return series.latest_by(day) if series is not None else None
        known = self.known(indicator, area)
        used: Used | None = None
        for index in range(bisect.bisect_right(known.ends, day) - 1, -1, -1):
            end, start = known.available[index]
            used = self.figure(indicator, area, (start, end))
            if used is not None:
                break
        if warn is not None:
            self._warn_unformed(known, day, [used.period] if used is not None else [], warn, level=True)
            self._warn_figure(indicator, area, used, warn)
        return used

    def ending_by(
        self, indicator: Indicator, area: str, day: date, keep: Callable[[Period], bool], warn: Warn | None = None
    ) -> list[Used]:
        """The figures whose periods end on or before ``day`` and that ``keep`` keeps, own or
        worked out, in the order of their ends (a flow's series)."""
        if self.plain(area):
            series = self.project.observations.series(indicator.id, area)
            return series.ending_by(day, keep) if series is not None else []
        known = self.known(indicator, area)
        found: list[Used] = []
        for end, start in known.available[: bisect.bisect_right(known.ends, day)]:
            if keep(known.spans[(start, end)]):
                figure = self.figure(indicator, area, (start, end))
                if figure is not None:
                    found.append(figure)
        if warn is not None:
            self._warn_unformed(known, day, [item.period for item in found], warn, level=False, keep=keep)
            for item in found:
                self._warn_figure(indicator, area, item, warn)
        return found

    # --- the periods each area has a figure for ------------------------------------------------

    def known(self, indicator: Indicator, area: str, mode: str = FULL) -> _Known:
        if area not in self._lineaged:
            mode = CORE  # no lineage either way: one answer for every question
        key = (indicator.id, area, mode)
        found = self._known.get(key)
        if found is not None:
            return found
        if key in self._busy:  # a cycle (an error of the areas file): no figure comes round it
            return _Known(None)
        self._busy.add(key)
        try:
            found = self._work_out_known(indicator, area, mode)
        finally:
            self._busy.discard(key)
        self._known[key] = found
        return found

    def _work_out_known(self, indicator: Indicator, area: str, mode: str) -> _Known:
        series = self.project.observations.series(indicator.id, area)
        known = _Known(series)
        if series is not None:
            periods = series.periods
            keys = [(period.start, period.end) for period in periods]
            known.own = dict(zip(keys, range(len(keys)), strict=True))
            known.spans = dict(zip(keys, periods, strict=True))
        if self.plain(area):  # asked only for its periods, by a parent: a row of it reads its series
            return known
        level = indicator.kind == "level"
        taken = _Taken(known.spans, level)
        known.rollups = self._rollups(indicator, area)
        lineages = self._lineages(indicator, area, mode) if mode != CORE else {}
        for candidates in (known.rollups, lineages):
            for span, derived in sorted(candidates.items()):
                if derived.reason is not None:
                    known.unformed.append(derived)
                elif not taken.holds(span):
                    taken.add(span)
                    known.derived[span] = derived
                    known.spans[span] = derived.period
        known.available = sorted((end, start) for start, end in known.spans)
        known.ends = [end for end, _ in known.available]
        return known

    def _rollups(self, indicator: Indicator, area: str) -> dict[Span, _Derived]:
        """SPEC 7: each period some child existing on its last day has a figure for, and whether
        every such child has."""
        children = self.children.get(area)
        if not children:
            return {}
        lived = any(child in self._lived for child in children)
        # Counted by the period objects themselves (a store shares them between series): the
        # national root's provinces count some two million of them.
        counted: Counter[int] = Counter()
        objects: dict[int, Period] = {}
        for child in children:
            periods_of = self._periods(indicator, child, CORE)
            if lived:
                child_area = self.areas[child]
                periods_of = [period for period in periods_of if child_area.exists_on(period.end)]
            counted.update(map(id, periods_of))
            objects.update(zip(map(id, periods_of), periods_of, strict=True))
        have: dict[Span, int] = {}
        periods: dict[Span, Period] = {}
        for key, count in counted.items():
            period = objects[key]
            span = (period.start, period.end)
            have[span] = have.get(span, 0) + count
            periods[span] = period
        found: dict[Span, _Derived] = {}
        everyone: tuple[tuple[str, Decimal | None], ...] = tuple((child, None) for child in children)
        for span, count in have.items():
            existing = [child for child in children if self.areas[child].exists_on(span[1])] if lived else children
            contributors = tuple((child, None) for child in existing) if lived else everyone
            derived = _Derived(ROLLUP, periods[span], contributors, CORE)
            if count < len(existing):
                missing = self._missing(indicator, existing, span, CORE)
                text = t("rollup.missing", have=count, of=len(existing), period=periods[span].label, missing=missing)
                derived.reason = RowWarning("rollup-incomplete", text)
            found[span] = derived
        return found

    def _lineages(self, indicator: Indicator, area: str, mode: str) -> dict[Span, _Derived]:
        """SPEC 8: after ``until``, the units it became; before ``since``, the units it came from."""
        unit = self.areas.get(area)
        if unit is None:
            return {}
        found: dict[Span, _Derived] = {}
        if unit.until is not None and unit.became and mode in (FULL, AFTER):
            until = unit.until
            found.update(
                self._lineage(
                    indicator,
                    tuple((successor.area, None) for successor in unit.became),
                    lambda span: span[1] > until,
                    self._after_reason(unit),
                    AFTER,
                )
            )
        before = self.predecessors.get(area)
        if unit.since is not None and before and mode in (FULL, BEFORE):
            since = unit.since
            reason = None
            contributors: list[tuple[str, Decimal | None]] = []
            # A district and its own communes both list the units they became (as official lists
            # do): the communes' parts make up the district's, so the finest units are summed.
            names = {predecessor for predecessor, _share, _listed in before}
            finest = [item for item in before if not any(self._inside(other, item[0]) for other in names)]
            for predecessor, share, listed in finest:
                if share is None and listed > 1 and reason is None:
                    reason = RowWarning("lineage-incomplete", t("lineage.undivided", unit=predecessor, n=listed))
                contributors.append((predecessor, share))
            found.update(self._lineage(indicator, tuple(contributors), lambda span: span[1] < since, reason, BEFORE))
        return found

    def _after_reason(self, unit: Area) -> RowWarning | None:
        """Why the units ``unit`` became cannot stand for it, if they cannot: one took only a share
        of it, or one took territory from another unit too."""
        for successor in unit.became:
            if successor.share is not None:
                return RowWarning(
                    "lineage-incomplete", t("lineage.share", unit=successor.area, share=successor.share, area=unit.id)
                )
        for successor in unit.became:
            # Units inside ``unit`` (its own communes) that list the same successor are part of
            # it, not other territory.
            others = [
                name
                for name, _share, _listed in self.predecessors.get(successor.area, ())
                if name != unit.id and not self._inside(name, unit.id)
            ]
            if others:
                return RowWarning(
                    "lineage-incomplete", t("lineage.shared", unit=successor.area, other=others[0], area=unit.id)
                )
        return None

    def _inside(self, area: str, ancestor: str) -> bool:
        """Whether ``area`` lies within ``ancestor``: ``ancestor`` is up its chain of parents."""
        seen: set[str] = set()
        current = self.areas.get(area)
        while current is not None and current.parent is not None and current.parent not in seen:
            if current.parent == ancestor:
                return True
            seen.add(current.parent)
            current = self.areas.get(current.parent)
        return False

    def _lineage(
        self,
        indicator: Indicator,
        contributors: tuple[tuple[str, Decimal | None], ...],
        inside: Callable[[Span], bool],
        reason: RowWarning | None,
        mode: str,
    ) -> dict[Span, _Derived]:
        have: dict[Span, int] = {}
        periods: dict[Span, Period] = {}
        for contributor, _share in contributors:
            for period in self._periods(indicator, contributor, mode):
                span = (period.start, period.end)
                if inside(span):
                    have[span] = have.get(span, 0) + 1
                    periods[span] = period
        found: dict[Span, _Derived] = {}
        for span, count in have.items():
            derived = _Derived(LINEAGE, periods[span], contributors, mode, reason)
            if reason is None and count < len(contributors):
                missing = self._missing(indicator, [name for name, _share in contributors], span, mode)
                label = periods[span].label
                text = t("lineage.missing", have=count, of=len(contributors), period=label, missing=missing)
                derived.reason = RowWarning("lineage-incomplete", text)
            found[span] = derived
        return found

    def _missing(self, indicator: Indicator, units: list[str], span: Span, mode: str) -> Text | str:
        """The units that lack the figure for ``span``, named for a warning."""
        return _named([unit for unit in units if not self._has(indicator, unit, span, mode)])

    # --- the figures themselves ----------------------------------------------------------------

    def figure(self, indicator: Indicator, area: str, span: Span, mode: str = FULL) -> Used | None:
        """The area's figure for the period ``span``: its own, else worked out."""
        known = self.known(indicator, area, mode)
        index = known.own.get(span)
        if index is not None and known.series is not None:
            return known.series.observation(index)
        derived = known.derived.get(span)
        return self.derived_figure(indicator, area, derived) if derived is not None else None

    def derived_figure(self, indicator: Indicator, area: str, derived: _Derived) -> Figure | None:
        span = (derived.period.start, derived.period.end)
        key = (indicator.id, area, derived.origin, span)
        if key in self._figures:
            return self._figures[key]
        if key in self._busy:
            return None
        self._busy.add(key)
        try:
            figure = self._combine(indicator, area, derived)
        finally:
            self._busy.discard(key)
        self._figures[key] = figure
        return figure

    def _combine(self, indicator: Indicator, area: str, derived: _Derived) -> Figure | None:
        """SPEC 7: counts and flows summed; rates ``Σ counts · s / Σ bases``, each part's count its
        own if given, else ``V · base / s`` exact, its base at the period's date (a part that is
        itself worked out, without a base of its own: the sum of its parts' bases)."""
        span = (derived.period.start, derived.period.end)
        figures: list[tuple[str, Decimal | None, Figure | _Own]] = []
        for contributor, share in derived.contributors:
            figure = self._contribution(indicator, contributor, span, derived.mode)
            if figure is None:
                return None
            figures.append((contributor, share, figure))
        status = least_final(figure.status for _, _, figure in figures)
        if indicator.unit == "count":
            total = sum((_times(share, figure.value) for _, share, figure in figures), Decimal(0))
            parts = tuple(Part(name, share, figure.value, _figure(figure)) for name, share, figure in figures)
            return Figure(indicator.id, area, derived.period, total, None, derived.origin, parts, status=status)
        return self._rate(indicator, area, derived, figures, status)

    def _contribution(self, indicator: Indicator, area: str, span: Span, mode: str) -> Figure | _Own | None:
        """What a part brings to a sum: its own value and count, read straight from the store (a
        roll-up reads thousands), else its figure worked out in turn."""
        own = self._own_index(indicator, area, span, mode)
        if own is not None:
            store, at = own[0].store, own[0].start + own[1]
            count = store.counts[at]
            status = store.statuses.get(store.rows[at], "final")
            return _Own(store.values[at], int(count) if count else None, status)
        derived = self.known(indicator, area, mode).derived.get(span)
        return self.derived_figure(indicator, area, derived) if derived is not None else None

    def _series(self, indicator: str, area: str) -> Series | None:
        """A part's series, looked up once (a roll-up asks for each child's again and again)."""
        key = (indicator, area)
        if key not in self._series_of:
            self._series_of[key] = self.project.observations.series(indicator, area)
        return self._series_of[key]

    def _periods(self, indicator: Indicator, area: str, mode: str) -> Iterable[Period]:
        """The periods ``area`` has a figure for; a plain area's are its series' own."""
        if self.plain(area):
            series = self._series(indicator.id, area)
            return series.periods if series is not None else []
        return self.known(indicator, area, mode).spans.values()

    def _has(self, indicator: Indicator, area: str, span: Span, mode: str) -> bool:
        if self.plain(area):
            return self._own_index(indicator, area, span, mode) is not None
        return span in self.known(indicator, area, mode).spans

    def _own_index(self, indicator: Indicator, area: str, span: Span, mode: str) -> tuple[Series, int] | None:
        """The area's own observation for ``span``: its series and index there. A plain area's
        is found by bisection (a series' periods end in order, one on each day at most)."""
        if not self.plain(area):
            known = self.known(indicator, area, mode)
            index = known.own.get(span)
            return (known.series, index) if index is not None and known.series is not None else None
        series = self._series(indicator.id, area)
        if series is None:
            return None
        periods = series.store.periods
        at = bisect.bisect_left(periods, span[1], series.start, series.end, key=_END)
        if at < series.end and periods[at].end == span[1] and periods[at].start == span[0]:
            return series, at - series.start
        return None

    def _rate(
        self,
        indicator: Indicator,
        area: str,
        derived: _Derived,
        figures: list[tuple[str, Decimal | None, Figure | _Own]],
        status: str,
    ) -> Figure | None:
        assert indicator.base is not None  # a rate has a base (checked with the catalogue)
        day, scale = derived.period.end, indicator.scale
        parts: list[Part] = []
        extrapolated: list[str] = []
        for name, share, figure in figures:
            found = self.project.bases.at(name, indicator.base, day)
            base = found.value if found is not None else figure.base if isinstance(figure, Figure) else None
            if base is None:
                derived.reason = _no_base(derived, name, indicator.base, day)
                return None
            if found is not None and found.extrapolated:
                extrapolated.append(name)
            if isinstance(figure, Figure):
                extrapolated.extend(figure.extrapolated)
                count = figure.exact_count
            else:
                count = Fraction(figure.count) if figure.count is not None else figure.exact * base / scale
            assert count is not None
            if share is None:
                parts.append(Part(name, None, figure.value, _figure(figure), count, base))
            else:
                portion = Fraction(share)
                parts.append(Part(name, share, figure.value, _figure(figure), count * portion, base * portion))
        total_count = sum((part.count for part in parts if part.count is not None), Fraction(0))
        total_base = sum((part.base for part in parts if part.base is not None), Fraction(0))
        if total_base == 0:
            derived.reason = _no_base(derived, area, indicator.base, day)
            return None
        return Figure(
            indicator.id,
            area,
            derived.period,
            total_count * scale / total_base,
            round_half_up(total_count),
            derived.origin,
            tuple(parts),
            exact_count=total_count,
            base=total_base,
            extrapolated=tuple(dict.fromkeys(extrapolated)),
            status=status,
        )

    def rolled_values(
        self, indicator: Indicator, area: str, complete: dict[Span, _Derived]
    ) -> dict[Span, Decimal | Fraction]:
        """The values of the complete roll-ups ``complete`` of ``area``, all at once: each child's
        series read once, its counts and bases summed as integers over their denominators. The
        same arithmetic as ``_combine``, exact; a period that lacks a base is left out (its
        figure cannot be computed)."""
        sums = {span: _Sums() for span in complete}
        groups: dict[int, frozenset[str]] = {}  # the periods of one area mostly share one tuple of children
        members: dict[Span, frozenset[str]] = {}
        for span, derived in complete.items():
            key = id(derived.contributors)
            if key not in groups:
                groups[key] = frozenset(name for name, _ in derived.contributors)
            members[span] = groups[key]
        children = dict.fromkeys(child for derived in complete.values() for child, _ in derived.contributors)
        everyone = len(groups) == 1
        for child in children:
            wanted = sums if everyone else {span: total for span, total in sums.items() if child in members[span]}
            if self.plain(child):
                self._add_series(indicator, child, wanted)
                continue
            for span, total in wanted.items():
                figure = self.figure(indicator, child, span, CORE)
                if figure is None:
                    total.broken = True
                    continue
                total.add_figure(indicator, figure, self.project.bases.at(child, indicator.base or "", span[1]))
        return {span: value for span, total in sums.items() if (value := total.value(indicator)) is not None}

    def _add_series(self, indicator: Indicator, child: str, wanted: dict[Span, _Sums]) -> None:
        """A plain child's series added to the sums of the periods ``wanted``: the loop runs for
        every commune-period of the national root, so it is written out."""
        series = self._series(indicator.id, child)
        if series is None:
            for total in wanted.values():
                total.broken = True
            return
        store, start, end = series.store, series.start, series.end
        spans, parsed = self._span_of, self._parsed
        base_name = indicator.base or ""
        bases = self._base_pairs.setdefault((child, base_name), {})
        counting = indicator.unit == "count"
        columns = (store.periods[start:end], store.values[start:end], store.counts[start:end])
        for period, text, count in zip(*columns, strict=True):
            span = spans.get(id(period))
            if span is None:
                span = spans[id(period)] = (period.start, period.end)
            total = wanted.get(span)
            if total is None:
                continue
            number_decimals = parsed.get(text)
            if number_decimals is None:
                whole, _, decimals = text.partition(".")
                number_decimals = parsed[text] = (int(whole + decimals), len(decimals))
            number, decimals = number_decimals
            if counting:
                total.amounts[decimals] = total.amounts.get(decimals, 0) + number
                continue
            year = period.end.year
            if year not in bases:
                found = self.project.bases.for_year(child, base_name, year)
                bases[year] = (found.value.numerator, found.value.denominator) if found is not None else None
            base = bases[year]
            if base is None:
                total.broken = True
                continue
            numerator, denominator = base
            if count:
                total.whole_counts += int(count)
            else:
                key = (decimals, denominator)
                total.counts[key] = total.counts.get(key, 0) + number * numerator
            total.bases[denominator] = total.bases.get(denominator, 0) + numerator

    # --- warnings -------------------------------------------------------------------------------

    def _warn_unformed(
        self,
        known: _Known,
        day: date,
        used: list[Period],
        warn: Warn,
        *,
        level: bool,
        keep: Callable[[Period], bool] | None = None,
    ) -> None:
        """SPEC 7 and 8: the latest period after the figure used (levels), or beside the figures
        summed (flows), that could not be formed — ``rollup-incomplete`` or
        ``lineage-incomplete`` saying why."""
        latest_used = max((period.end for period in used), default=None)
        candidates = []
        for derived in known.unformed + [item for item in known.derived.values() if item.reason is not None]:
            period = derived.period
            if period.end > day or (keep is not None and not keep(period)):
                continue
            if (period.start, period.end) in known.own:
                continue
            if level and latest_used is not None and period.end <= latest_used:
                continue
            if not level and any(period.overlaps(other) for other in used):
                continue
            candidates.append(derived)
        if candidates:
            reason = max(candidates, key=lambda item: (item.period.end, item.origin == ROLLUP)).reason
            assert reason is not None
            warn(reason.code, reason.text)

    def _warn_figure(self, indicator: Indicator, area: str, used: Used | None, warn: Warn) -> None:
        """An own figure that disagrees with its children's; a worked-out one on extrapolated bases."""
        if isinstance(used, Observation):
            rolled = self.disagreeing(indicator, area, used)
            if rolled is not None:
                warn("rollup-mismatch", mismatch_text(indicator, used, rolled.value, len(rolled.parts)))
        elif used is not None and used.extrapolated:
            warn(
                "extrapolated-base",
                t("warning.rollup_extrapolated", period=used.period.label, units=_named(list(used.extrapolated))),
            )

    def disagreeing(self, indicator: Indicator, area: str, own: Observation) -> Figure | None:
        """SPEC 7: the complete roll-up of the area's children for the period of ``own``, when the
        two disagree beyond the rounding of ``own`` as written."""
        known = self.known(indicator, area)
        derived = known.rollups.get((own.period.start, own.period.end))
        if derived is None or derived.reason is not None:
            return None
        rolled = self.derived_figure(indicator, area, derived)
        if rolled is None:
            return None
        half = half_unit(own.value)
        if Fraction(own.value - half) <= rolled.value <= Fraction(own.value + half):
            return None
        return rolled


def mismatch_text(indicator: Indicator, own: Observation, rolled: Decimal | Fraction, children: int) -> Text:
    """``rollup-mismatch``: both figures named."""
    return t(
        "warning.rollup_mismatch",
        own=rate_text(indicator, own.value),
        period=own.period.label,
        n=children,
        rolled=rate_text(indicator, rolled),  # type: ignore[arg-type]
    )


def _no_base(derived: _Derived, unit: str, base: str, day: date) -> RowWarning:
    text = t("rollup.no_base", unit=unit, base=base, year=str(day.year), period=derived.period.label)
    return RowWarning("rollup-incomplete" if derived.origin == ROLLUP else "lineage-incomplete", text)


class _Own(NamedTuple):
    """A part's own observation, as a sum needs it: its value as written (decimal text)."""

    text: str
    count: int | None
    status: str

    @property
    def value(self) -> Decimal:
        return Decimal(self.text)

    @property
    def exact(self) -> Fraction:
        return Fraction(self.text)

    @property
    def finality(self) -> int:
        return finality(self.status)


def _figure(item: Figure | _Own) -> Figure | None:
    return item if isinstance(item, Figure) else None


def _named(units: list[str]) -> Text | str:
    if len(units) <= _NAMED:
        return ", ".join(units)
    return t("rollup.and_more", units=", ".join(units[:_NAMED]), n=len(units) - _NAMED)


def _times(share: Decimal | None, value: Decimal | Fraction) -> Decimal:
    value = value if isinstance(value, Decimal) else Decimal(value.numerator) / Decimal(value.denominator)
    return value if share is None else _EXACT.multiply(share, value)


class _Sums:
    """A roll-up summed in integers: counts (or amounts) and bases, each kept over its own
    denominator — a value written with ``d`` decimals is ``n / 10^d``, an interpolated base
    ``p / q`` — and made a fraction once, at the end."""

    __slots__ = ("amounts", "bases", "broken", "counts", "whole_counts")

    def __init__(self) -> None:
        self.amounts: dict[int, int] = {}  # decimals -> Σ n (counts and flows)
        self.counts: dict[tuple[int, int], int] = {}  # (decimals, base denominator) -> Σ n · p
        self.whole_counts = 0  # Σ of the counts written with the observations
        self.bases: dict[int, int] = {}  # base denominator -> Σ p
        self.broken = False

    def add_amount(self, number: int, decimals: int) -> None:
        self.amounts[decimals] = self.amounts.get(decimals, 0) + number

    def add_figure(self, indicator: Indicator, figure: Used, found: BaseValue | None) -> None:
        """A child that is itself worked out (or not plain): its figure, as ``_rate`` takes it."""
        if indicator.unit == "count":
            whole, _, decimals = f"{Decimal(figure.value):f}".partition(".")
            self.add_amount(int(whole + decimals), len(decimals))
            return
        base = found.value if found is not None else figure.base if isinstance(figure, Figure) else None
        if base is None:
            self.broken = True
            return
        if isinstance(figure, Figure):
            count = figure.exact_count
        elif figure.count is not None:
            count = Fraction(figure.count)
        else:
            count = Fraction(figure.value) * base / indicator.scale
        assert count is not None
        # Exact fractions join the integer sums over their own denominators.
        self.counts[(0, count.denominator)] = (
            self.counts.get((0, count.denominator), 0) + count.numerator * indicator.scale
        )
        self.bases[base.denominator] = self.bases.get(base.denominator, 0) + base.numerator

    def value(self, indicator: Indicator) -> Decimal | Fraction | None:
        if self.broken:
            return None
        if indicator.unit == "count":
            return sum((Decimal(number).scaleb(-decimals) for decimals, number in self.amounts.items()), Decimal(0))
        base = sum((Fraction(number, denominator) for denominator, number in self.bases.items()), Fraction(0))
        if base == 0:
            return None
        scale = indicator.scale
        # Σ V·base/s: n/10^d · p/q / s, summed over (d, q).
        count = Fraction(self.whole_counts) + sum(
            (
                Fraction(number, 10**decimals * denominator * scale)
                for (decimals, denominator), number in self.counts.items()
            ),
            Fraction(0),
        )
        return count * scale / base


class _Taken:
    """The periods an area already has a figure for: a level's by their last day (two periods
    ending on the same day are one observation, SPEC 1.4), a flow's by overlap."""

    def __init__(self, spans: Iterable[Span], level: bool) -> None:
        self.level = level
        self.spans = list(spans)
        self.ends = {end for _, end in self.spans}

    def holds(self, span: Span) -> bool:
        if self.level:
            return span[1] in self.ends
        return any(start <= span[1] and span[0] <= end for start, end in self.spans)

    def add(self, span: Span) -> None:
        self.spans.append(span)
        self.ends.add(span[1])


_LAST: tuple[Project, Figures] | None = None


def figures_of(project: Project) -> Figures:
    """The memo of ``project``'s figures; the last project's is kept (a command reads one)."""
    global _LAST  # noqa: PLW0603 - one project per command: its memo lives as long as it is used
    if _LAST is None or _LAST[0] is not project:
        _LAST = (project, Figures(project))
    return _LAST[1]


def rollup_mismatches(project: Project) -> list[Problem]:
    """``rollup-mismatch`` for validate: each own observation of an area with children that
    disagrees with their complete roll-up for its period, at the observation's row. Every period
    of every such area is checked, so the sums are made a series at a time, in integers
    (``_Sums``), rather than as figures: the national root has some twenty thousand."""
    figures = figures_of(project)
    problems: list[Problem] = []
    for series in project.observations.all_series():
        indicator = project.indicators.get(series.indicator)
        if indicator is None or series.area not in figures.children:
            continue
        known = figures.known(indicator, series.area)
        complete = {span: known.rollups[span] for span in known.own if span in known.rollups}
        complete = {span: derived for span, derived in complete.items() if derived.reason is None}
        if not complete:
            continue
        rolled = figures.rolled_values(indicator, series.area, complete)
        for span, index in known.own.items():
            value = rolled.get(span)
            if value is None:
                continue
            observation = series.observation(index)
            half = half_unit(observation.value)
            if not Fraction(observation.value - half) <= value <= Fraction(observation.value + half):
                text = mismatch_text(indicator, observation, value, len(complete[span].contributors))
                problems.append(Problem("rollup-mismatch", text, observation.file, observation.line, None, "value"))
    return problems
