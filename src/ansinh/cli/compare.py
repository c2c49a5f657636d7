"""``ansinh compare``: options in, a library call (``ansinh.api.compare``), a renderer, an exit
code out."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from ansinh import api
from ansinh.cli.common import ExitCode, UsageError, deliver_file, deliver_text
from ansinh.engine.comparison import Comparison
from ansinh.language import Lang
from ansinh.project import Project
from ansinh.render.compare_formats import CompareFormat, write_comparison
from ansinh.render.output_file import Destination
from ansinh.render.report_formats import Names


def run_compare(
    project: Project,
    lang: Lang,
    indicator: str,
    area: str | None,
    level: str | None,
    as_of: str | None,
    target: str | None,
    destination: Destination,
) -> int:
    day = api.as_of_date(as_of)
    comparison = api.compare(project, indicator, day, area=area, level=level, target=target)
    names = api.names(project)
    chosen = CompareFormat(destination.format)
    writer = _FILE_WRITERS.get(chosen)
    if writer is None:
        deliver_text(destination, lang, lambda out: write_comparison(comparison, chosen, lang, names, out, sys.stderr))
    else:
        deliver_file(destination, lang, lambda path: writer(comparison, lang, names, path))
    return ExitCode.OK


def _workbook(comparison: Comparison, lang: Lang, names: Names, path: Path) -> None:
    from ansinh.render.compare_files import write_comparison_workbook

    write_comparison_workbook(comparison, lang, names, path)


def _page(comparison: Comparison, lang: Lang, names: Names, path: Path) -> None:
    from ansinh.render.compare_files import write_comparison_page

    write_comparison_page(comparison, lang, names, path)


def _pdf(comparison: Comparison, lang: Lang, names: Names, path: Path) -> None:
    from ansinh.render.compare_files import write_comparison_pdf
    from ansinh.render.pdf import PdfError

    try:
        write_comparison_pdf(comparison, lang, names, path)
    except PdfError as error:  # no browser to print the page with, or it failed: say what to do
        raise UsageError(error.text) from None


# compare's file formats, written whole (the text formats are compare_formats')
_FILE_WRITERS: dict[CompareFormat, Callable[[Comparison, Lang, Names, Path], None]] = {
    CompareFormat.XLSX: _workbook,
    CompareFormat.HTML: _page,
    CompareFormat.PDF: _pdf,
}
