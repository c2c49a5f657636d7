"""``ansinh gap`` and ``ansinh report``: resolve the options, compute the rows, pick a renderer,
map the result to an exit code."""

from __future__ import annotations

import sys
from datetime import date

from ansinh.cli.common import ExitCode, UsageError
from ansinh.engine import compute_rows
from ansinh.engine.rows import Row, Status
from ansinh.files.located import suggest
from ansinh.i18n import Lang
from ansinh.periods import Period, PeriodError
from ansinh.project import Project
from ansinh.render.explain import render_explanations
from ansinh.render.rows import RENDERERS, GroupBy, RowFormat, RowReport
from ansinh.text import t


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
    chosen = project.indicators[indicator]
    title = t("report.gap_title", name=chosen.name, id=chosen.id, as_of=day).render(lang)
    report = _report(project, day, rows, title, None)
    RENDERERS[output](report, lang, sys.stdout, sys.stderr)
    if explain:
        render_explanations(report, lang, sys.stdout)
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
    rows = compute_rows(project, day, area=area, plan=plan)
    report = _report(project, day, rows, t("report.title", as_of=day).render(lang), group_by)
    RENDERERS[output](report, lang, sys.stdout, sys.stderr)
    if fail_on is not None and any(row.status.rank >= fail_on.rank for row in rows):
        return ExitCode.FAIL_ON
    return ExitCode.OK


def _report(project: Project, day: date, rows: list[Row], title: str, group_by: GroupBy | None) -> RowReport:
    if group_by is not None:
        rows = _ordered(rows, group_by)
    from ansinh.consistency import base_label

    return RowReport(
        day,
        rows,
        title,
        group_by,
        {area.id: area.name for area in project.areas.values()},
        {base: base_label(base, project.base_series) for base in project.bases.names() | set(project.base_series)},
    )


def _ordered(rows: list[Row], group_by: GroupBy) -> list[Row]:
    """Rows in the order their groups are shown, so JSON and CSV list them as the table does."""
    if group_by is GroupBy.STATUS:
        return sorted(rows, key=lambda row: row.status.rank)
    if group_by is GroupBy.LEAD:
        return sorted(rows, key=lambda row: (row.lead is None, row.lead or ""))
    if group_by is GroupBy.AREA:
        first_seen: dict[str, int] = {}
        for row in rows:
            first_seen.setdefault(row.area, len(first_seen))
        return sorted(rows, key=lambda row: first_seen[row.area])
    return rows
