"""Problems from the checks, as text for people, JSON for scripts, or GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import StrEnum
from typing import TextIO

from ansinh.language import Lang
from ansinh.problems import Problem, Severity
from ansinh.render.terminal_table import Output, cell_width
from ansinh.text import t


class ProblemFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


# A broken export should not bury the first problems: past this, a line says how many more.
LISTED_PER_FILE = 200


def render_text(
    problems: list[Problem], files_checked: int, lang: Lang, stream: TextIO, listed_per_file: int = LISTED_PER_FILE
) -> None:
    """Problems grouped by file, one aligned line each — place, severity, code, field and what to
    do — at most ``listed_per_file`` a file, then a summary line that counts every problem."""
    output = Output.to(stream)
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file or "", []).append(problem)
    for file, all_found in by_file.items():
        output.line(file or t("problems.no_file").render(lang), "bold")
        found = all_found[:listed_per_file]
        lines = []
        for problem in found:
            is_error = problem.severity is Severity.ERROR
            severity = t("problems.error" if is_error else "problems.warning").render(lang)
            place = f"{problem.line}:{problem.column}" if problem.column else f"{problem.line or ''}"
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
            output.line("  … " + more.render(lang), "dim")
        output.line()
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    summary = t(
        "problems.summary",
        errors=t("plural.errors", n=errors),
        warnings=t("plural.warnings", n=warnings),
        files=t("plural.files", n=files_checked),
    ).render(lang)
    mark, style = ("✗", "bold red") if errors else ("!", "yellow") if warnings else ("✓", "green")
    output.line(f"{mark} {summary}", style)


def render_json(problems: list[Problem], lang: Lang, stream: TextIO) -> None:
    """``{"ok", "errors", "warnings"}`` as SPEC section 6 gives it."""
    errors = [problem.to_json(lang) for problem in problems if problem.is_error]
    warnings = [problem.to_json(lang) for problem in problems if not problem.is_error]
    document = {"ok": not errors, "errors": errors, "warnings": warnings}
    stream.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def render_github(problems: list[Problem], lang: Lang, stream: TextIO, path_of: Callable[[str], str]) -> None:
    """GitHub Actions workflow commands: ``::error file=F,line=L,col=C::message``."""
    for problem in problems:
        command = "error" if problem.is_error else "warning"
        properties = []
        if problem.file:
            properties.append(f"file={_escape_property(path_of(problem.file))}")
        if problem.line:
            properties.append(f"line={problem.line}")
        if problem.line and problem.column:
            properties.append(f"col={problem.column}")
        head = f"::{command} {','.join(properties)}" if properties else f"::{command}"
        message = problem.message(lang)
        if problem.path:
            message = f"{problem.path}: {message}"
        stream.write(f"{head}::{_escape_data(message)}\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
