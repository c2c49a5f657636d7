"""``ansinh gap`` and ``ansinh report``: resolve the options, compute the rows, pick a renderer,
map the result to an exit code."""

from __future__ import annotations

import sys
from datetime import date

from ansinh.cli.common import ExitCode, UsageError
from ansinh.engine import compute_row, compute_rows, targets_of
from ansinh.engine.results import Status
from ansinh.language import Lang
from ansinh.models import Plan, PlanTarget
from ansinh.parallel import Pending
from ansinh.periods import Period, PeriodError
from ansinh.project import Project
from ansinh.render.explain import render_explanations
from ansinh.render.report_formats import (
    PRINTERS,
    GroupBy,
    Names,
    Printed,
    Printer,
    RowFormat,
    RowReport,
    ordered,
    printed,
)
from ansinh.text import suggest, t


def as_of_date(period: str | None) -> date:
    """The end of ``period``, or today (SPEC section 5)."""
    if period is None:
        return date.today()
    try:
        return Period.parse(period).end
    except PeriodError as error:
        raise UsageError(error.text) from None


def check_choice(value: str | None, known: dict[str, object], what: str) -> None:
    """A filter naming an id the project does not have is a usage error, with the likely id."""
    if value is None or value in known:
        return
    guess = suggest(value, sorted(known))
    if guess:
        raise UsageError(t("reference.unknown_guess", what=t(what), id=value, guess=guess))
    raise UsageError(t("reference.unknown", what=t(what), id=value))


def run_gap(
    project: Project,
    lang: Lang,
    indicator: str,
    area: str | None,
    plan: str | None,
    as_of: str | None,
    explain: bool,
    output: RowFormat,
) -> int:
    check_choice(indicator, project.indicators, "what.indicator")
    check_choice(area, project.areas, "what.area")
    check_choice(plan, project.plans, "what.plan")
    if explain and output not in (RowFormat.TABLE, RowFormat.MARKDOWN):
        raise UsageError(t("usage.explain_format"))
    day = as_of_date(as_of)
    rows = compute_rows(project, day, indicator=indicator, area=area, plan=plan)
    names = _names(project)
    printer = PRINTERS[output](lang, names)
    chosen = project.indicators[indicator]
    title = t("report.gap_title", name=chosen.name, id=chosen.id, as_of=day).render(lang)
    report = RowReport(day, title, [printed(row, printer, lang, notes=printer.notes) for row in rows], None, names)
    printer.write(report, sys.stdout, sys.stderr)
    if explain:
        render_explanations(rows, day, names, lang, sys.stdout)
    return ExitCode.OK


def run_report(
    project: Project,
    lang: Lang,
    period: str | None,
    area: str | None,
    plan: str | None,
    group_by: GroupBy,
    fail_on: Status | None,
    output: RowFormat,
) -> int:
    check_choice(area, project.areas, "what.area")
    check_choice(plan, project.plans, "what.plan")
    day = as_of_date(period)
    names = _names(project)
    printer = PRINTERS[output](lang, names)
    rows = ordered(printed_rows(project, day, printer, lang, targets_of(project, area=area, plan=plan)), group_by)
    report = RowReport(day, t("report.title", as_of=day).render(lang), rows, group_by, names)
    printer.write(report, sys.stdout, sys.stderr)
    if fail_on is not None and any(row.status.rank >= fail_on.rank for row in rows):
        return ExitCode.FAIL_ON
    return ExitCode.OK


# Below this many targets a second process costs more than it saves.
PARALLEL_TARGETS = 4000


def printed_rows(
    project: Project, day: date, printer: Printer, lang: Lang, targets: list[tuple[Plan, PlanTarget]]
) -> list[Printed]:
    """Each target computed and printed. A national report has ninety thousand: a forked
    process, which has the loaded project already, takes the second half, and hands back only
    the printed text."""

    def work(part: list[tuple[Plan, PlanTarget]]) -> list[Printed]:
        return [
            printed(compute_row(project, plan, target, day), printer, lang, notes=printer.notes)
            for plan, target in part
        ]

    # The parent takes a little more: the second process must also pickle what it printed.
    middle = len(targets) * 52 // 100
    later = Pending(lambda: work(targets[middle:]), parallel=len(targets) >= PARALLEL_TARGETS)
    return work(targets[:middle]) + later.result()


def _names(project: Project) -> Names:
    from ansinh.checks.consistency import base_label

    return Names(
        {area.id: area.name for area in project.areas.values()},
        {plan.id: plan.name for plan in project.plans.values()},
        {base: base_label(base, project.base_series) for base in project.bases.names() | set(project.base_series)},
    )
