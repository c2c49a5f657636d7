"""``ansinh compare``: options in, a library call (``ansinh.api.compare``), a renderer, an exit
code out."""

from __future__ import annotations

import sys

from ansinh import api
from ansinh.cli.common import ExitCode
from ansinh.language import Lang
from ansinh.project import Project
from ansinh.render.compare_formats import CompareFormat, write_comparison


def run_compare(
    project: Project,
    lang: Lang,
    indicator: str,
    area: str | None,
    level: str | None,
    as_of: str | None,
    target: str | None,
    output: CompareFormat,
) -> int:
    day = api.as_of_date(as_of)
    comparison = api.compare(project, indicator, day, area=area, level=level, target=target)
    write_comparison(comparison, output, lang, api.names(project), sys.stdout, sys.stderr)
    return ExitCode.OK
