"""The arithmetic of SPEC section 3: for each target, as of a date, where it stands.

No I/O and no printing: this module takes a loaded ``Project`` and a date and returns ``Row``
values. Every figure is exact (``Fraction``); rounding happens only where SPEC section 3 says, by
the helpers of ``ansinh.numbers``.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from ansinh.bases import BaseValue
from ansinh.checks.consistency import count_rate_mismatch, extrapolated_base
from ansinh.engine.growth import UN_BANDS, growth
from ansinh.engine.growth import projected as growth_projected
from ansinh.engine.results import Bands, Basis, CountBasis, Current, Figure, Row, RowWarning, Status
from ansinh.engine.rollup import figures_of
from ansinh.models import Indicator, Observation, Plan, PlanTarget, least_final
from ansinh.numbers import Fraction, round_down, round_half_up, round_to_places, round_up
from ansinh.periods import Period, day_before, months_between
from ansinh.project import Project
from ansinh.text import t

# SPEC 3's bands of the progress ratio: on track from, needs acceleration from, off track from.
LINEAR_BANDS = Bands(Fraction(95, 100), Fraction(1, 2), Fraction(0))
STALE_AFTER_MONTHS = 12
WARNING_ORDER = (
    "count-rate-mismatch",
    "target-count-mismatch",
    "extrapolated-base",
    "stale-observation",
    "rollup-mismatch",
    "rollup-incomplete",
    "lineage-incomplete",
)


def compute_rows(
    project: Project,
    as_of: date,
    *,
    indicator: str | None = None,
    area: str | None = None,
    plan: str | None = None,
    method: str = "linear",
) -> list[Row]:
    """Every target of the project (or those matching the filters), in plan-file order; a level
    target's progress read by ``method``, SPEC 3's ``linear`` or SPEC 11's ``cagr``."""
    return [
        compute_row(project, chosen_plan, target, as_of, method)
        for chosen_plan, target in targets_of(project, indicator=indicator, area=area, plan=plan)
    ]


def targets_of(
    project: Project, *, indicator: str | None = None, area: str | None = None, plan: str | None = None
) -> list[tuple[Plan, PlanTarget]]:
    """The targets to compute, in plan-file order, with their plans."""
    chosen: list[tuple[Plan, PlanTarget]] = []
    for plan_id in sorted(project.plans, key=lambda key: project.plan_files.get(key, key)):
        if plan is not None and plan_id != plan:
            continue
        current_plan = project.plans[plan_id]
        for target in current_plan.targets:
            target_area = target.area or current_plan.area
            if (indicator is not None and target.indicator != indicator) or (area is not None and target_area != area):
                continue
            chosen.append((current_plan, target))
    return chosen


def compute_row(project: Project, plan: Plan, target: PlanTarget, as_of: date, method: str = "linear") -> Row:
    """One target's row, dispatched on its kind: a level, a flow total, or a flow per year.
    Flows keep SPEC 3's reading whatever the method (SPEC 11)."""
    indicator = project.indicators[target.indicator]
    if indicator.kind == "level":
        return _Level(project, plan, target, indicator, as_of, method).row()
    if target.target.per_year is not None:
        return _PerYear(project, plan, target, indicator, as_of).row()
    return _Total(project, plan, target, indicator, as_of).row()


class _Target:
    """What every kind of target shares: its identity, deadline, and the row's assembly."""

    def __init__(self, project: Project, plan: Plan, target: PlanTarget, indicator: Indicator, as_of: date) -> None:
        self.project = project
        self.plan = plan
        self.target = target
        self.indicator = indicator
        self.as_of = as_of
        self.area = target.area or plan.area
        self.deadline = target.target.by.end
        self.warnings: list[RowWarning] = []
        self.derived: tuple[Figure, ...] = ()

    def series(self, keep: Callable[[Period], bool]) -> list[Observation]:
        """The observations of this target's indicator and area that end by the report's date,
        those whose periods ``keep`` keeps."""
        # SPEC 7-8: own figures, else roll-ups of the children, else lineage (ansinh.engine.rollup)
        found = figures_of(self.project).ending_by(self.indicator, self.area, self.as_of, keep, self.warn)
        self.derived = tuple(figure for figure in found if isinstance(figure, Figure))
        return found  # type: ignore[return-value]

    def latest(self) -> Observation | None:
        found = figures_of(self.project).latest(self.indicator, self.area, self.as_of, self.warn)
        self.derived = (found,) if isinstance(found, Figure) else ()
        return found  # type: ignore[return-value]

    def months_left(self, t1: date) -> Fraction:
        return months_between(t1, self.deadline) if self.deadline > t1 else Fraction(0)

    def warn(self, code: str, text: object) -> None:
        if text is not None:
            self.warnings.append(RowWarning(code, text))  # type: ignore[arg-type]

    def warn_if_stale(self, t1: date) -> None:
        """SPEC section 4: more than twelve months between the figure and the report's date."""
        months = months_between(t1, self.as_of)
        if months > STALE_AFTER_MONTHS:
            self.warn(
                "stale-observation", t("warning.stale", date=t1, as_of=self.as_of, months=round_to_places(months, 1))
            )

    def status(self, met: bool | None, ratio: Fraction | Decimal | None, bands: Bands = LINEAR_BANDS) -> Status:
        """SPEC section 3: the first matching status wins; the ratio is read by ``bands`` (SPEC
        3's by default)."""
        if met is None:
            return Status.NO_DATA
        if met:
            return Status.ACHIEVED
        if self.deadline < self.as_of:
            return Status.MISSED
        return status_by_ratio(ratio, bands)

    def row(self) -> Row:
        raise NotImplementedError

    def assemble(self, **figures: object) -> Row:
        return Row(
            plan=self.plan.id,
            plan_name=self.plan.name,
            indicator=self.indicator,
            area=self.area,
            lead=self.target.lead,
            target=self.target.target,
            deadline=self.deadline,
            window_start=self.target.target.from_.start if self.target.target.from_ is not None else None,
            declared_count=self.target.count,
            warnings=tuple(sorted(self.warnings, key=lambda warning: WARNING_ORDER.index(warning.code))),
            origin=_origin(self.derived),
            derived=self.derived,
            **figures,  # type: ignore[arg-type]
        )


def _origin(derived: tuple[Figure, ...]) -> str:
    """SPEC 7: ``current.from`` — lineage if any figure used crossed a reorganisation, else rollup
    if any was rolled up, else observation."""
    origins = {figure.origin for figure in derived}
    return "lineage" if "lineage" in origins else "rollup" if origins else "observation"


def status_by_ratio(ratio: Fraction | Decimal | None, bands: Bands = LINEAR_BANDS) -> Status:
    """The statuses of SPEC section 3 that the progress ratio decides, from the unrounded ratio;
    ``bands`` are SPEC 3's, or the UN's with ``--method cagr`` (SPEC 11)."""
    if ratio is None:
        return Status.NO_TREND
    if ratio >= bands.on_track:
        return Status.ON_TRACK
    if ratio >= bands.needs_acceleration:
        return Status.NEEDS_ACCELERATION
    if ratio >= bands.off_track:
        return Status.OFF_TRACK
    return Status.REGRESSING


def _per_year(amount: Fraction | int | None, months_left: Fraction) -> Fraction | None:
    if amount is None or months_left == 0:
        return None
    return Fraction(amount) / (months_left / 12)


class _Level(_Target):
    """A level indicator: a value at a date, against a value by a deadline (SPEC section 3),
    its progress read along the straight path or, with ``cagr``, by growth rates (SPEC 11)."""

    def __init__(
        self, project: Project, plan: Plan, target: PlanTarget, indicator: Indicator, as_of: date, method: str
    ) -> None:
        super().__init__(project, plan, target, indicator, as_of)
        self.method = method

    def row(self) -> Row:
        spec, baseline = self.target.target, self.target.baseline
        assert spec.value is not None and baseline is not None  # validated by the checks
        direction = self.indicator.direction
        target_value, baseline_value = Fraction(spec.value), Fraction(baseline.value)
        t0 = baseline.period.end
        target_count, target_basis = self.target_count()
        observation = self.latest()
        figures: dict[str, object] = {
            "baseline_value": baseline.value,
            "baseline_date": t0,
            "baseline_period": baseline.period.label,
            "target_count": target_count,
            "achieved": None,
            "progress_percent": None,
        }
        if observation is None:
            return self.assemble(
                **figures,
                current=None,
                met=None,
                gap=None,
                years_left=None,
                required_per_year=None,
                current_count=None,
                shortfall=None,
                shortfall_per_year=None,
                progress_ratio=None,
                projected=None,
                status=Status.NO_DATA,
                method=self.method,
                basis=Basis(target_count=target_basis),
            )
        value, t1 = Fraction(observation.value), observation.period.end
        self.warn_count_rate(observation)
        current_count, current_basis = self.current_count(observation)
        met = direction * (value - target_value) >= 0
        gap = max(Fraction(0), direction * (target_value - value))
        months_left = self.months_left(t1)
        shortfall = None
        if target_count is not None and current_count is not None:
            shortfall = max(0, direction * (target_count - current_count))
        shortfall_per_year = _per_year(shortfall, months_left)
        elapsed = months_between(t0, t1) if t1 > t0 else None
        planned = months_between(t0, self.deadline)
        expected = ratio = projected = None
        if elapsed is not None:
            projected = baseline_value + (value - baseline_value) * planned / elapsed
            if target_value != baseline_value:
                expected = baseline_value + (target_value - baseline_value) * elapsed / planned
                ratio = (value - baseline_value) / (expected - baseline_value)
        rates, bands = None, LINEAR_BANDS
        if self.method == "cagr":
            rates = growth(baseline_value, value, target_value, elapsed or Fraction(0), planned)
            expected, bands = None, UN_BANDS
            # As exact fractions of the 40-digit decimals, like every other computed figure: then the
            # one rounding helper serves them in every format (a Decimal is printed as written).
            ratio = Fraction(rates.ratio) if rates is not None and rates.ratio is not None else None
            projected = (
                Fraction(growth_projected(value, rates.observed, months_left / 12)) if rates is not None else None
            )
        self.warn_if_stale(t1)
        return self.assemble(
            **figures,
            current=Current(
                observation.value,
                observation.period.label,
                t1,
                observation.count,
                observation.status,
                observation.file,
                observation.line,
            ),
            met=met,
            gap=gap,
            years_left=months_left / 12,
            required_per_year=_per_year(gap, months_left),
            current_count=current_count,
            shortfall=shortfall,
            shortfall_per_year=round_up(shortfall_per_year) if shortfall_per_year is not None else None,
            progress_ratio=ratio,
            projected=projected,
            status=self.status(met, ratio, bands),
            method=self.method,
            completion=(value - baseline_value) / (target_value - baseline_value)
            if target_value != baseline_value
            else None,
            percent_of_target=100 * value / target_value if direction > 0 and target_value != 0 else None,
            basis=Basis(
                months_left=months_left,
                months_elapsed=elapsed,
                months_planned=planned,
                start=t0,
                expected=expected,
                target_count=target_basis,
                current_count=current_basis,
                growth=rates,
            ),
        )

    def target_count(self) -> tuple[int | None, CountBasis | None]:
        """SPEC section 3: ``T`` for counts, else the declared count, else ``T·base(D)/s``
        rounded up when higher is better and down when lower is."""
        spec = self.target.target
        assert spec.value is not None
        if self.indicator.unit == "count":
            return int(spec.value), CountBasis("unit")
        if self.target.count is not None:
            self.warn(
                "target-count-mismatch",
                count_rate_mismatch(
                    self.indicator,
                    self.area,
                    spec.value,
                    int(self.target.count),
                    self.deadline,
                    self.project.bases,
                    self.project.base_series,
                    key="warning.target_count",
                ),
            )
            return int(self.target.count), CountBasis("declared")
        base = self.base_at(self.deadline)
        if base is None:
            return None, None
        exact = Fraction(spec.value) * base.value / self.indicator.scale
        rounded = round_up(exact) if self.indicator.direction > 0 else round_down(exact)
        return rounded, CountBasis("base", base, exact)

    def current_count(self, observation: Observation) -> tuple[int | None, CountBasis | None]:
        """``V`` for counts, else the observation's count, else ``V·base(t1)/s`` rounded half up."""
        if self.indicator.unit == "count":
            return round_half_up(Fraction(observation.value)), CountBasis("unit")  # a share may leave a part
        if observation.count is not None:
            return observation.count, CountBasis("derived" if isinstance(observation, Figure) else "observed")
        base = self.base_at(observation.period.end)
        if base is None:
            return None, None
        exact = Fraction(observation.value) * base.value / self.indicator.scale
        return round_half_up(exact), CountBasis("base", base, exact)

    def base_at(self, day: date) -> BaseValue | None:
        if self.indicator.base is None:
            return None
        base = self.project.bases.at(self.area, self.indicator.base, day)
        if base is not None and base.extrapolated:
            self.warn(
                "extrapolated-base",
                extrapolated_base(self.indicator, self.area, day, self.project.bases, self.project.base_series),
            )
        return base

    def warn_count_rate(self, observation: Observation) -> None:
        if observation.count is not None and self.indicator.unit != "count" and not isinstance(observation, Figure):
            self.warn(
                "count-rate-mismatch",
                count_rate_mismatch(
                    self.indicator,
                    self.area,
                    observation.value,
                    observation.count,
                    observation.period.end,
                    self.project.bases,
                    self.project.base_series,
                ),
            )


_FLOW_NULLS: dict[str, object] = {
    "baseline_value": None,
    "baseline_date": None,
    "baseline_period": None,
    "target_count": None,
    "current_count": None,
}


class _Total(_Target):
    """A flow with a total over a window ``[from, by]`` (SPEC section 3, flows)."""

    def row(self) -> Row:
        spec = self.target.target
        assert spec.total is not None and spec.from_ is not None
        total = Fraction(spec.total)
        window_start = spec.from_.start
        t_from = day_before(window_start)
        deadline = self.deadline
        summed = self.series(lambda period: window_start <= period.start and period.end <= deadline)
        if not summed:
            return self.assemble(**_no_flow_data())
        achieved = sum((observation.value for observation in summed), Decimal(0))
        latest = max(summed, key=lambda observation: observation.period.end)
        t1 = latest.period.end
        months_left = self.months_left(t1)
        elapsed, planned = months_between(t_from, t1), months_between(t_from, self.deadline)
        expected = total * elapsed / planned
        gap = max(Fraction(0), total - Fraction(achieved))
        met = Fraction(achieved) >= total
        ratio = Fraction(achieved) / expected
        per_year = _per_year(gap, months_left)
        self.warn_if_stale(t1)
        return self.assemble(
            **_FLOW_NULLS,
            current=Current(
                achieved,
                latest.period.label,
                t1,
                None,
                least_final(each.status for each in summed),  # a sum is as final as its least final part
                latest.file,
                latest.line,
            ),
            met=met,
            gap=gap,
            years_left=months_left / 12,
            required_per_year=per_year,
            shortfall=round_up(gap),
            shortfall_per_year=round_up(per_year) if per_year is not None else None,
            achieved=achieved,
            progress_percent=100 * Fraction(achieved) / total if total else None,
            progress_ratio=ratio,
            projected=Fraction(achieved) * planned / elapsed,
            status=self.status(met, ratio),
            completion=Fraction(achieved) / total if total else None,
            basis=Basis(
                months_left=months_left,
                months_elapsed=elapsed,
                months_planned=planned,
                start=t_from,
                expected=expected,
                summed=tuple(sorted(summed, key=lambda observation: observation.period.start)),
            ),
        )


class _PerYear(_Target):
    """A flow with an amount every calendar year: the latest complete year decides (SPEC 3)."""

    def row(self) -> Row:
        spec = self.target.target
        assert spec.per_year is not None
        per_year = Fraction(spec.per_year)
        year, summed = self.latest_complete_year()
        if year is None:
            return self.assemble(**_no_flow_data())
        achieved = sum((observation.value for observation in summed), Decimal(0))
        t1 = date(year, 12, 31)
        months_left = self.months_left(t1)
        met = Fraction(achieved) >= per_year
        gap = max(Fraction(0), per_year - Fraction(achieved))
        ratio = Fraction(achieved) / per_year if per_year else None
        self.warn_if_stale(t1)
        return self.assemble(
            **_FLOW_NULLS,
            # SPEC section 3: the period is the calendar year judged, even when its halves or
            # quarters were summed, since ``achieved`` is that year's total.
            current=Current(achieved, str(year), t1, None, least_final(each.status for each in summed)),
            met=met,
            gap=gap,
            years_left=months_left / 12,
            required_per_year=per_year,
            shortfall=round_up(gap),
            shortfall_per_year=None,
            achieved=achieved,
            progress_percent=100 * Fraction(achieved) / per_year if per_year else None,
            progress_ratio=ratio,
            projected=None,
            status=self.status(met, ratio),
            completion=ratio,
            basis=Basis(months_left=months_left, summed=tuple(summed)),
        )

    def latest_complete_year(self) -> tuple[int | None, list[Observation]]:
        """The latest year from the plan's start to the deadline that observations ending by the
        report's date cover wholly, with those observations."""
        first, last = self.plan.start.start.year, self.deadline.year
        by_year: dict[int, list[Observation]] = {}
        for observation in self.series(
            lambda period: period.start.year == period.end.year and first <= period.start.year <= last
        ):
            by_year.setdefault(observation.period.start.year, []).append(observation)
        for year in sorted(by_year, reverse=True):
            days = 366 if calendar.isleap(year) else 365
            # Periods of a flow never overlap (checked on loading), so days add up to coverage.
            if sum(observation.period.days for observation in by_year[year]) == days:
                return year, sorted(by_year[year], key=lambda observation: observation.period.start)
        return None, []


def _no_flow_data() -> dict[str, object]:
    return {
        **_FLOW_NULLS,
        "current": None,
        "met": None,
        "gap": None,
        "years_left": None,
        "required_per_year": None,
        "shortfall": None,
        "shortfall_per_year": None,
        "achieved": None,
        "progress_percent": None,
        "progress_ratio": None,
        "projected": None,
        "status": Status.NO_DATA,
    }
