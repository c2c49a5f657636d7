"""``ansinh gap`` and ``ansinh report``: options in, a library call (``ansinh.api``), a renderer,
an exit code out."""

from __future__ import annotations

import sys

from ansinh import api
from ansinh.cli.common import ExitCode, UsageError
from ansinh.engine.results import Status
from ansinh.language import Lang, render
from ansinh.project import Project
from ansinh.render.explain import render_explanations
from ansinh.render.report_formats import PRINTERS, GroupBy, RowFormat, RowReport, ordered, printed
from ansinh.text import t


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
    if explain and output not in (RowFormat.TABLE, RowFormat.MARKDOWN):
        raise UsageError(t("usage.explain_format"))
    day = api.as_of_date(as_of)
    rows = api.gap(project, indicator, day, area=area, plan=plan)
    names = api.names(project)
    printer = PRINTERS[output](lang, names)
    chosen = project.indicators[indicator]
    title = render(t("report.gap_title", name=chosen.name, id=chosen.id, as_of=day), lang)
    printer.write(
        RowReport(day, title, [printed(row, printer, lang) for row in rows], None, names), sys.stdout, sys.stderr
    )
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
    day = api.as_of_date(period)
    names = api.names(project)
    printer = PRINTERS[output](lang, names)
    rows = ordered(api.printed_report(project, day, printer, lang, area=area, plan=plan), group_by)
    printer.write(
        RowReport(day, render(t("report.title", as_of=day), lang), rows, group_by, names), sys.stdout, sys.stderr
    )
    return ExitCode.FAIL_ON if api.fail_on(rows, fail_on) else ExitCode.OK
