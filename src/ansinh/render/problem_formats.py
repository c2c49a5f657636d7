"""Problems from the checks, as text for people, JSON for scripts, or GitHub annotations.

A format is a member of ``ProblemFormat`` mapped to one renderer in ``PROBLEM_RENDERERS``, each
with the same signature (a test checks every member has one): the data on ``out``, the human
summary on ``err``."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TextIO

from ansinh.language import Lang, render
from ansinh.problems import Problem, Severity
from ansinh.render.terminal_table import Output, cell_width
from ansinh.text import t


class ProblemFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


# A broken export should not bury the first problems: past this, a line says how many more.
LISTED_PER_FILE = 200


def _as_written(file: str) -> str:
    return file


@dataclass(frozen=True, slots=True)
class ProblemReport:
    """What a problem renderer writes: the problems, how many files were checked, and how a
    file is named for GitHub (relative to the workspace)."""

    problems: list[Problem]
    files_checked: int
    path_for_github: Callable[[str], str] = field(default=_as_written)


def render_text(
    report: ProblemReport, lang: Lang, out: TextIO, err: TextIO, listed_per_file: int = LISTED_PER_FILE
) -> None:
    """Problems grouped by file, one aligned line each — place, severity, code, field and what to
    do — at most ``listed_per_file`` a file, then a summary line that counts every problem; all on
    ``err``, as problems are not the command's data."""
    problems, files_checked = report.problems, report.files_checked
    output = Output.to(err)
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file or "", []).append(problem)
    for file, all_found in by_file.items():
        output.line(file or render(t("problems.no_file"), lang), "bold")
        found = all_found[:listed_per_file]
        lines = []
        for problem in found:
            is_error = problem.severity is Severity.ERROR
            severity = render(t("problems.error" if is_error else "problems.warning"), lang)
            place = problem.cell or (f"{problem.line}:{problem.column}" if problem.column else f"{problem.line or ''}")
            message = problem.message(lang)
            if problem.path:
                message = f"{problem.path}: {message}"
            lines.append((place, severity, problem.code, message, "bold red" if is_error else "yellow"))
        place_width = max(cell_width(line[0]) for line in lines)
        severity_width = max(cell_width(line[1]) for line in lines)
        code_width = max(len(line[2]) for line in lines)
        for place, severity, code, message, style in lines:
            output.line(
                "  "
                + " " * (place_width - cell_width(place))
                + place
                + "  "
                + output.styled(severity, style)
                + " " * (severity_width - cell_width(severity))
                + "  "
                + output.styled(code.ljust(code_width), "dim")
                + "  "
                + message
            )
        if len(all_found) > len(found):
            left_out = all_found[len(found) :]
            errors_left = sum(problem.is_error for problem in left_out)
            more = t(
                "problems.more_in_file",
                errors=t("plural.errors", n=errors_left),
                warnings=t("plural.warnings", n=len(left_out) - errors_left),
            )
            output.line("  … " + render(more, lang), "dim")
        output.line()
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    summary = render(
        t(
            "problems.summary",
            errors=t("plural.errors", n=errors),
            warnings=t("plural.warnings", n=warnings),
            files=t("plural.files", n=files_checked),
        ),
        lang,
    )
    mark, style = ("✗", "bold red") if errors else ("!", "yellow") if warnings else ("✓", "green")
    output.line(f"{mark} {summary}", style)


def render_json(report: ProblemReport, lang: Lang, out: TextIO, err: TextIO) -> None:
    """``{"ok", "errors", "warnings"}`` as SPEC section 6 gives it, every problem listed."""
    problems = report.problems
    errors = [problem.to_json(lang) for problem in problems if problem.is_error]
    warnings = [problem.to_json(lang) for problem in problems if not problem.is_error]
    document = {"ok": not errors, "errors": errors, "warnings": warnings}
    out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def render_github(report: ProblemReport, lang: Lang, out: TextIO, err: TextIO) -> None:
    """GitHub Actions workflow commands: ``::error file=F,line=L,col=C::message``. A workbook
    has no lines for GitHub: its file is annotated, and the cell starts the message."""
    path_of = report.path_for_github
    for problem in report.problems:
        command = "error" if problem.is_error else "warning"
        properties = []
        if problem.file:
            properties.append(f"file={_escape_property(path_of(problem.file))}")
        cell = problem.cell
        if problem.line and cell is None:
            properties.append(f"line={problem.line}")
        if problem.line and problem.column and cell is None:
            properties.append(f"col={problem.column}")
        head = f"::{command} {','.join(properties)}" if properties else f"::{command}"
        message = problem.message(lang)
        if problem.path:
            message = f"{problem.path}: {message}"
        if cell is not None:
            message = f"{cell}: {message}"
        out.write(f"{head}::{_escape_data(message)}\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


ProblemRenderer = Callable[[ProblemReport, Lang, TextIO, TextIO], None]

PROBLEM_RENDERERS: dict[ProblemFormat, ProblemRenderer] = {
    ProblemFormat.TEXT: render_text,
    ProblemFormat.JSON: render_json,
    ProblemFormat.GITHUB: render_github,
}
