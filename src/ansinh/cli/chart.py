"""``ansinh chart``: options in, the targets ``gap`` selects (``ansinh.api``), each drawn in the
terminal (``ansinh.render.terminal_chart``), an exit code out."""

from __future__ import annotations

import sys

from ansinh import api
from ansinh.cli.common import ExitCode
from ansinh.engine.results import Method
from ansinh.language import Lang, render
from ansinh.project import Project
from ansinh.render.terminal_chart import print_charts
from ansinh.text import t


def run_chart(
    project: Project,
    lang: Lang,
    indicator: str,
    area: str | None,
    plan: str | None,
    as_of: str | None,
    *,
    method: Method = Method.LINEAR,
) -> int:
    day = api.as_of_date(as_of)
    rows = api.gap(project, indicator, day, area=area, plan=plan, method=method)
    chosen = project.indicators[indicator]
    title = render(t("report.gap_title", name=chosen.name, id=chosen.id, as_of=day), lang)
    if not rows:
        sys.stderr.write(render(t("chart.no_targets", id=indicator), lang) + "\n")
        return ExitCode.OK
    print_charts(api.report_document(project, "gap", day, title, rows, method=str(method)), lang, sys.stdout)
    return ExitCode.OK
