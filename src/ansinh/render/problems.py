"""Problems from the checks, as text for people, JSON for scripts, or GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import StrEnum
from typing import TextIO

from ansinh.i18n import Lang
from ansinh.problems import Problem, Severity
from ansinh.render.console import make_console
from ansinh.text import t


class ProblemFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


def render_text(problems: list[Problem], files_checked: int, lang: Lang, stream: TextIO) -> None:
    """Problems grouped by file, one aligned line each, then a summary line: easy to scan when
    there are fifty of them."""
    from rich.table import Table
    from rich.text import Text

    console = make_console(stream)
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file or "", []).append(problem)
    for file, found in by_file.items():
        console.print(Text(file or t("problems.no_file").render(lang), style="bold underline"))
        table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0))
        table.add_column(justify="right", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True, style="dim")
        table.add_column(overflow="fold")
        for problem in found:
            is_error = problem.severity is Severity.ERROR
            severity = t("problems.error" if is_error else "problems.warning").render(lang)
            place = f"{problem.line}:{problem.column}" if problem.column else f"{problem.line or ''}"
            message = problem.message(lang)
            if problem.path:
                message = f"{problem.path}: {message}"
            table.add_row(place, Text(severity, style="bold red" if is_error else "yellow"), problem.code, message)
        console.print(table)
        console.print()
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    summary = t(
        "problems.summary",
        errors=t("plural.errors", n=errors),
        warnings=t("plural.warnings", n=warnings),
        files=t("plural.files", n=files_checked),
    ).render(lang)
    mark, style = ("✗", "bold red") if errors else ("!", "yellow") if warnings else ("✓", "green")
    console.print(Text(f"{mark} {summary}", style=style))


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
