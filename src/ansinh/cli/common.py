"""What every command shares: the project folder, the language, exit codes, usage errors.

Kept free of heavy imports: ``ansinh --help`` must start faster than its dependencies load.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from ansinh.api import UsageError
from ansinh.language import Lang, Language, LanguageError, render, resolve_lang

if TYPE_CHECKING:
    from ansinh.project import Project


class ExitCode:
    """SPEC section 5."""

    OK = 0
    FILE_ERRORS = 1
    USAGE = 2
    FAIL_ON = 3
    INTERNAL = 70  # a bug in ansinh itself: never an answer to any input


def fail(error: UsageError, lang: Lang) -> NoReturn:
    """One line on stderr, exit 2."""
    message = error.text if isinstance(error.text, str) else render(error.text, lang)
    sys.stderr.write(f"ansinh: {message}\n")
    raise typer.Exit(ExitCode.USAGE)


def settings(ctx: typer.Context, root: Path | None, lang: Language | None) -> tuple[Path, Lang]:
    """The project folder and language, from the command's options, else the global ones,
    else the environment (SPEC sections 1 and 5)."""
    from ansinh.files.listing import RootError, find_root

    chosen_lang = language(ctx, lang)
    root = root or _global_options(ctx).get("root")
    try:
        return find_root(str(root) if root else None, Path.cwd()), chosen_lang
    except RootError as error:
        fail(UsageError(error.text), chosen_lang)


def language(ctx: typer.Context, lang: Language | None) -> Lang:
    """The language from the command's ``--lang``, else the global one, else the environment;
    a language ansinh does not speak is a usage error, said in English."""
    # The global option reaches here as click left it: the text, not yet the enum.
    option = lang or _global_options(ctx).get("lang")
    try:
        return resolve_lang(Language(option).value if option else None)
    except LanguageError as error:
        fail(UsageError(str(error)), "en")


def _global_options(ctx: typer.Context) -> dict[str, Any]:
    """The options given before the command (``ansinh --lang en report``)."""
    return ctx.find_root().params if ctx.parent is not None else {}


def load_checked(root: Path, lang: Lang) -> Project:
    """The project, or its errors on stderr and exit 1: no figure is computed from broken files."""
    from ansinh import api
    from ansinh.render.problem_formats import ProblemReport, render_text
    from ansinh.render.progress import LoadProgress

    progress = LoadProgress(lang)
    try:
        project = api.load(root, progress=progress, warnings=False)  # only errors stop a command
    finally:
        progress.close()
    if project.errors:
        render_text(ProblemReport(project.errors, len(project.files)), lang, sys.stdout, sys.stderr)
        raise typer.Exit(ExitCode.FILE_ERRORS)
    return project
