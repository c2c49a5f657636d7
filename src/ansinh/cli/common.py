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
from ansinh.text import t

if TYPE_CHECKING:
    from collections.abc import Callable
    from enum import StrEnum
    from typing import TextIO

    from ansinh.project import Project
    from ansinh.render.document import ReportDocument
    from ansinh.render.output_file import Destination


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


# --- where a report goes: -o FILE, --force (gap, report, compare) -----------------------------


def output_destination(
    given: StrEnum | None, output: str | None, force: bool, lang: Lang, offered: type[StrEnum]
) -> Destination:
    """The format (``given``, a member of the command's format enum ``offered``) and destination of
    ``--format``, ``-o FILE`` and ``--force``, settled before the project is loaded; a usage error
    (a binary format on a terminal, a suffix that contradicts ``--format``, a file ansinh did not
    write) exits 2 at once. ``destination.format`` is then a value of ``offered``."""
    from ansinh.render.output_file import OutputError, choose

    try:
        return choose(given, output, force, terminal=sys.stdout.isatty(), offered=[each.value for each in offered])
    except OutputError as error:
        fail(UsageError(error.text), lang)


def deliver_text(destination: Destination, lang: Lang, write: Callable[[TextIO], None]) -> None:
    """A text format: ``write`` prints it to stdout, or into FILE whole or not at all."""
    from ansinh.render.output_file import write_text

    _delivered(destination, lang, lambda: write_text(destination, write))


def deliver_document(destination: Destination, lang: Lang, document: ReportDocument) -> None:
    """A workbook, page or PDF of ``document`` into FILE, whole or not at all (or down ``-o -``)."""
    from ansinh.render.output_file import DOCUMENT_WRITERS
    from ansinh.render.report_formats import RowFormat

    writer = DOCUMENT_WRITERS[RowFormat(destination.format)]
    deliver_file(destination, lang, lambda path: writer(document, lang, path))


def deliver_file(destination: Destination, lang: Lang, write: Callable[[Path], None]) -> None:
    """Any file format: ``write`` makes the file at the path it is given (``compare``'s own)."""
    from ansinh.render.output_file import write_file

    _delivered(destination, lang, lambda: write_file(destination, write))


def _delivered(destination: Destination, lang: Lang, deliver: Callable[[], None]) -> None:
    """Deliver, a problem with FILE being a usage error (exit 2); then say where it went."""
    from ansinh.render.output_file import OutputError

    try:
        deliver()
    except OutputError as error:
        raise UsageError(error.text) from None
    _wrote(destination, lang)


def _wrote(destination: Destination, lang: Lang) -> None:
    if destination.path is not None:
        sys.stderr.write(render(t("output.wrote", file=destination.shown), lang) + "\n")
