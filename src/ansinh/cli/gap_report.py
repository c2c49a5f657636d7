"""``ansinh gap`` and ``ansinh report``: options in, a library call (``ansinh.api``), a renderer,
an exit code out."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any, TextIO

from ansinh import api
from ansinh.cli.common import ExitCode, UsageError, deliver_document, deliver_text
from ansinh.engine.results import Method, Row, Status
from ansinh.language import Lang, render
from ansinh.project import Project
from ansinh.render.explain import render_explanations
from ansinh.render.output_file import Destination
from ansinh.render.report_formats import PRINTERS, GroupBy, Printed, RowFormat, RowReport, ordered, printed
from ansinh.render.units import status_text
from ansinh.text import t


def run_gap(
    project: Project,
    lang: Lang,
    indicator: str,
    area: str | None,
    plan: str | None,
    as_of: str | None,
    explain: bool,
    destination: Destination,
    *,
    method: Method = Method.LINEAR,
    detail: int = 0,
) -> int:
    output = RowFormat(destination.format)
    if explain and output not in (RowFormat.TABLE, RowFormat.MARKDOWN):
        raise UsageError(t("usage.explain_format"))
    day = api.as_of_date(as_of)
    rows = api.gap(project, indicator, day, area=area, plan=plan, method=method)
    names = api.names(project)
    chosen = project.indicators[indicator]
    title = render(t("report.gap_title", name=chosen.name, id=chosen.id, as_of=day), lang)
    if destination.is_document:
        document = api.report_document(project, "gap", day, title, rows, method=str(method))
        deliver_document(destination, lang, document)
        return ExitCode.OK
    printer = PRINTERS[output](lang, names)
    pieces = [printed(row, printer, lang) for row in rows]

    def write(out: TextIO) -> None:
        printer.write(RowReport(day, title, pieces, None, names, method, detail), out, sys.stderr)
        if explain:
            render_explanations(rows, day, names, lang, out, api.observation_sources(project, rows))

    deliver_text(destination, lang, write)
    return ExitCode.OK


def run_report(
    project: Project,
    lang: Lang,
    period: str | None,
    area: str | None,
    plan: str | None,
    group_by: GroupBy,
    fail_on: Status | None,
    destination: Destination,
    *,
    method: Method = Method.LINEAR,
    detail: int = 0,
) -> int:
    day = api.as_of_date(period)
    names = api.names(project)
    title = render(t("report.title", as_of=day), lang)
    if destination.is_document:
        computed = ordered(api.report(project, day, area=area, plan=plan, method=method), group_by)  # type: ignore[type-var]
        document = api.report_document(project, "report", day, title, computed, group_by=group_by, method=str(method))
        deliver_document(destination, lang, document)
        return _fail_on(computed, fail_on, lang)
    printer = PRINTERS[RowFormat(destination.format)](lang, names)
    rows = ordered(api.printed_report(project, day, printer, lang, area=area, plan=plan, method=method), group_by)
    report = RowReport(day, title, rows, group_by, names, method, detail)
    deliver_text(destination, lang, lambda out: printer.write(report, out, sys.stderr))
    return _fail_on(rows, fail_on, lang)


# Targets named when --fail-on is triggered, before "and N more".
NAMED_FAILING = 20


def _fail_on(rows: Sequence[Row] | Sequence[Printed[Any]], threshold: Status | None, lang: Lang) -> int:
    """Exit 3 if any target is at ``threshold`` or worse (SPEC 5), naming them on stderr."""
    failing = [(_label(row), row.status) for row in api.fail_on(rows, threshold)]
    if threshold is None or not failing:
        return ExitCode.OK
    heading = t(
        "report.fail_on",
        option=threshold.value,
        targets=t("plural.targets", n=len(failing)),
        status=status_text(threshold, lang),
    )
    lines = [render(heading, lang)]
    lines += [f"  {label}: {status_text(status, lang)}" for label, status in failing[:NAMED_FAILING]]
    if len(failing) > NAMED_FAILING:
        lines.append("  " + render(t("report.and_more", n=len(failing) - NAMED_FAILING), lang))
    sys.stderr.write("\n".join(lines) + "\n")
    return ExitCode.FAIL_ON


def _label(row: Row | Printed[Any]) -> str:
    return row.label if isinstance(row, Printed) else f"{row.plan} · {row.indicator.id} · {row.area}"
