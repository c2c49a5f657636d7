"""The ``ansinh`` command: options are parsed here, the work is done below.

Every command imports what it needs when it runs, so ``ansinh --help`` loads neither pydantic
nor PyYAML nor Rich.
"""

from __future__ import annotations

import gc
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional, TextIO, TypeVar

import typer

from ansinh import __version__
from ansinh.cli.common import ExitCode, UsageError, fail, language, load_checked, output_destination, settings
from ansinh.language import Lang, Language, render
from ansinh.text import Text, t

if TYPE_CHECKING:
    from collections.abc import Callable


E = TypeVar("E", bound=Enum)

app = typer.Typer(
    name="ansinh",
    help="Gap calculator for social-security and health targets (an sinh xã hội).",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

RootOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads the annotation at run time
    typer.Option(
        "--root",
        help="The project folder (default: ANSINH_ROOT, else the nearest folder upwards with targets/).",
        file_okay=False,
        show_default=False,
    ),
]
LangOption = Annotated[
    Optional[Language],  # noqa: UP045
    typer.Option(
        "--lang", help="vi or en (default: ANSINH_LANG, else vi when LANG starts with vi).", show_default=False
    ),
]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"ansinh {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    root: RootOption = None,
    lang: LangOption = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Gap calculator for social-security and health targets (an sinh xã hội)."""


@app.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Argument(help="Files or folders to report on (default: the whole project).", show_default=False),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 1) on warnings too.")] = False,
    output: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--format",
            help="text, json or github (default: github when GITHUB_ACTIONS=true, else text).",
            show_default=False,
        ),
    ] = None,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Check the project's files (SPEC section 4); exit 1 on errors."""
    from ansinh.cli.validate import run
    from ansinh.render.problem_formats import ProblemFormat

    project_root, chosen = settings(ctx, root, lang)
    chosen_format = _choice(ProblemFormat, output, chosen)
    _finish(chosen, lambda: run(project_root, chosen, paths or [], strict, chosen_format))


FormatOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--format",
        help="table, json, csv, csv-excel (the CSV for a spreadsheet in --lang's language), markdown, "
        "xlsx, html or pdf (default: from -o FILE's suffix, else table).",
        metavar="FORMAT",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--output",
        "-o",
        help="Write to FILE, whole or not at all, instead of stdout ('-': stdout, for xlsx and pdf down a pipe). "
        "The format follows FILE's suffix (.txt .json .csv .md .xlsx .html .pdf) unless --format is given.",
        metavar="FILE",
        show_default=False,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace FILE even if it is not a report ansinh wrote.")]
AreaOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--area", help="Only the targets of this area.", show_default=False),
]
PlanOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--plan", help="Only the targets of this plan.", show_default=False),
]


VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="Each row's warnings in full (default: grouped by kind).")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No warnings on stderr (they stay in JSON and CSV).")]


def _detail(verbose: bool, quiet: bool, lang: Lang) -> int:
    """-1 (quiet), 0 or 1 (verbose): how the rows' warnings are written on stderr."""
    if verbose and quiet:
        fail(UsageError(t("usage.verbose_and_quiet")), lang)
    return 1 if verbose else -1 if quiet else 0


MethodOption = Annotated[
    str,
    typer.Option(
        "--method",
        help="How a level target's progress is read: linear (the straight path, SPEC 3) "
        "or cagr (growth rates, the UN's method).",
        metavar="linear|cagr",
    ),
]


@app.command()
def gap(
    ctx: typer.Context,
    indicator: Annotated[str, typer.Argument(help="The indicator's id, e.g. beds-per-10k.", show_default=False)],
    area: AreaOption = None,
    plan: PlanOption = None,
    as_of: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--as-of", help="A period: figures as of its last day (default: today).", show_default=False),
    ] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show each figure's arithmetic.")] = False,
    method: MethodOption = "linear",
    output: FormatOption = None,
    output_file: OutputOption = None,
    force: ForceOption = False,
    verbose: VerboseOption = False,
    quiet: QuietOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Every target of one indicator: how far it is, in the indicator's unit and in counts."""
    from ansinh.engine.results import Method
    from ansinh.render.report_formats import RowFormat

    project_root, chosen = settings(ctx, root, lang)
    chosen_method = _choice(Method, method, chosen)
    assert chosen_method is not None
    detail = _detail(verbose, quiet, chosen)
    destination = output_destination(_choice(RowFormat, output, chosen), output_file, force, chosen, RowFormat)
    project = load_checked(project_root, chosen)
    from ansinh.cli.gap_report import run_gap

    _finish(
        chosen,
        lambda: run_gap(
            project, chosen, indicator, area, plan, as_of, explain, destination, method=chosen_method, detail=detail
        ),
    )


@app.command()
def chart(
    ctx: typer.Context,
    indicator: Annotated[str, typer.Argument(help="The indicator's id, e.g. beds-per-10k.", show_default=False)],
    area: AreaOption = None,
    plan: PlanOption = None,
    as_of: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--as-of", help="A period: figures as of its last day (default: today).", show_default=False),
    ] = None,
    method: MethodOption = "linear",
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Draw each target of one indicator in the terminal: observations, baseline, path, trend, target."""
    from ansinh.engine.results import Method

    project_root, chosen = settings(ctx, root, lang)
    chosen_method = _choice(Method, method, chosen)
    assert chosen_method is not None
    project = load_checked(project_root, chosen)
    from ansinh.cli.chart import run_chart

    _finish(chosen, lambda: run_chart(project, chosen, indicator, area, plan, as_of, method=chosen_method))


@app.command()
def report(
    ctx: typer.Context,
    period: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--period", help="Report as of the end of this period (default: today).", show_default=False),
    ] = None,
    area: AreaOption = None,
    plan: PlanOption = None,
    by: Annotated[
        str, typer.Option("--by", help="Group by plan, lead, area or status.", metavar="plan|lead|area|status")
    ] = "plan",
    fail_on: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--fail-on",
            help="Exit 3 if any target is at this status or worse "
            "(achieved, on_track, no_trend, needs_acceleration, off_track, regressing, missed, no_data).",
            show_default=False,
        ),
    ] = None,
    method: MethodOption = "linear",
    output: FormatOption = None,
    output_file: OutputOption = None,
    force: ForceOption = False,
    verbose: VerboseOption = False,
    quiet: QuietOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Every target as of a date, grouped, with a summary: achieved N of M."""
    from ansinh.engine.results import Method, Status
    from ansinh.render.report_formats import GroupBy, RowFormat

    project_root, chosen = settings(ctx, root, lang)
    group_by = _choice(GroupBy, by, chosen)
    threshold = _choice(Status, fail_on, chosen)
    chosen_method = _choice(Method, method, chosen)
    assert group_by is not None and chosen_method is not None
    detail = _detail(verbose, quiet, chosen)
    destination = output_destination(_choice(RowFormat, output, chosen), output_file, force, chosen, RowFormat)
    project = load_checked(project_root, chosen)
    from ansinh.cli.gap_report import run_report

    _finish(
        chosen,
        lambda: run_report(
            project, chosen, period, area, plan, group_by, threshold, destination, method=chosen_method, detail=detail
        ),
    )


@app.command()
def compare(
    ctx: typer.Context,
    indicator: Annotated[str, typer.Argument(help="The indicator's id, e.g. poor-household-rate.", show_default=False)],
    area: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--area", help="Compare the areas under this one (default: the areas without a parent).", show_default=False
        ),
    ] = None,
    level: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--level",
            help="country, province, district or commune: the areas at this level under --area "
            "(default: its children).",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--as-of", help="A period: figures as of its last day (default: today).", show_default=False),
    ] = None,
    target: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--target",
            help="The value to meet (default: the one target of the indicator in --area's plans).",
            show_default=False,
        ),
    ] = None,
    output: FormatOption = None,
    output_file: OutputOption = None,
    force: ForceOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Areas side by side: each one's latest figure of an indicator, best first, and how many meet a
    value."""
    from ansinh.render.compare_formats import CompareFormat

    project_root, chosen = settings(ctx, root, lang)
    destination = output_destination(_choice(CompareFormat, output, chosen), output_file, force, chosen, CompareFormat)
    project = load_checked(project_root, chosen)
    from ansinh.cli.compare import run_compare

    _finish(chosen, lambda: run_compare(project, chosen, indicator, area, level, as_of, target, destination))


@app.command("list")
def list_(
    ctx: typer.Context,
    what: Annotated[str, typer.Argument(help="indicators, areas or plans.", metavar="indicators|areas|plans")],
    output: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """List the project's catalogue: indicators, areas or plans."""
    project_root, chosen = settings(ctx, root, lang)
    if what not in ("indicators", "areas", "plans"):
        fail(UsageError(_not_one_of(what, ["indicators", "areas", "plans"])), chosen)
    if output not in ("table", "json"):
        fail(UsageError(_not_one_of(output, ["table", "json"])), chosen)
    from ansinh.render.catalogue_records import RECORDS, render_records

    project = load_checked(project_root, chosen)
    render_records(what, RECORDS[what](project, chosen), chosen, sys.stdout, output == "json")


@app.command()
def schema(
    ctx: typer.Context,
    what: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(help="indicators, areas or plan (default: all three).", metavar="[indicators|areas|plan]"),
    ] = None,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Print the JSON Schema of a file kind, for editors (no project folder needed)."""
    from ansinh.render.json_schema import KINDS, schema_of
    from ansinh.render.json_text import dumps

    chosen = language(ctx, lang)
    if what is not None and what not in KINDS:
        fail(UsageError(_not_one_of(what, list(KINDS))), chosen)
    document = schema_of(what) if what else {kind: schema_of(kind) for kind in KINDS}
    sys.stdout.write(dumps(document) + "\n")


ProvinceOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--province",
        help='A province\'s name (any common spelling) or GSO code: "Hà Nội", "quang ninh", 22. '
        "Its official units, before and after 2025-07-01, are the areas file.",
        show_default=False,
    ),
]


@app.command()
def areas(
    ctx: typer.Context,
    province: ProvinceOption = None,
    units: Annotated[
        str,
        typer.Option("--units", help="both, old (until 2025-06-30) or new (since 2025-07-01).", metavar="both|old|new"),
    ] = "both",
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write this file (never overwritten) instead of stdout.", dir_okay=False),
    ] = None,
    listing: Annotated[
        bool, typer.Option("--list", help="List the 34 provinces and those they were formed from.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Print a province's areas file from the official GSO lists (no project folder needed)."""
    from ansinh.cli.official_areas import run

    chosen = language(ctx, lang)
    _finish(chosen, lambda: run(chosen, province, units, output, listing))


@app.command()
def init(
    ctx: typer.Context,
    folder: Annotated[
        Path, typer.Argument(help="Where to create the example project (default: here).", file_okay=False)
    ] = Path("."),
    province: ProvinceOption = None,
    lang: LangOption = None,
) -> None:
    """Create a small, commented example project that passes validate; never overwrites a file."""
    from ansinh.scaffold import ScaffoldError, create_project

    chosen = language(ctx, lang)
    try:
        written = create_project(folder, province)
    except UsageError as error:  # an unknown province
        fail(error, chosen)
    except ScaffoldError as error:
        fail(UsageError(t("init.exists", files=error.existing)), chosen)
    except OSError as error:
        fail(UsageError(t("init.failed", detail=str(error))), chosen)
    for name in written:
        sys.stdout.write(f"{folder / name}\n")
    sys.stderr.write(render(t("init.done", folder=str(folder)), chosen) + "\n")


def _choice(enum: type[E], value: str | None, lang: Lang) -> E | None:
    """An option's value as ``enum``, or a usage error listing the choices."""
    if value is None:
        return None
    choices = [member.value for member in enum]
    if value not in choices:
        fail(UsageError(_not_one_of(value, choices)), lang)
    return enum(value)


def _finish(lang: Lang, work: Callable[[], int]) -> NoReturn:
    """Do a command's work and exit with its code; a usage error it finds exits 2."""
    try:
        code = work()
    except UsageError as error:
        fail(error, lang)
    raise typer.Exit(code)


def _not_one_of(value: str, choices: list[str]) -> Text:
    return t("usage.choice", value=value, choices=choices)


def run() -> None:
    """The console script: typer's app, with a last line of defence so that no input ever ends
    in a Python traceback (a bug shows as one line and exit 70 instead)."""
    # A command is one short process that builds millions of objects and keeps them to the end:
    # the cyclic garbage collector would scan them over and over (a third of the time of loading
    # a national root) to find almost nothing. Reference counting still frees what is dropped.
    gc.disable()
    # A reader that stops reading (``ansinh report | head -1``) is not an error of the files:
    # the command ends with the code its answer has (0, or 3 for --fail-on), not click's 1.
    sys.stdout = _ReaderMayLeave(sys.stdout, 1)  # type: ignore[assignment]
    sys.stderr = _ReaderMayLeave(sys.stderr, 2)  # type: ignore[assignment]
    code = _run_app()
    # The answer is written: leave without freeing, one by one, the objects a national root
    # made (a tenth of a second or more), as the end of the process frees them all at once.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # the reader has gone (| head): nothing more to say
        pass
    os._exit(code)


class _ReaderMayLeave:
    """A standard stream that, once its reader has gone, drops what is written to it instead of
    raising ``BrokenPipeError`` into the command."""

    def __init__(self, stream: TextIO, fd: int) -> None:
        self._stream = stream
        self._fd = fd
        self._gone = False

    def write(self, text: str) -> int:
        if not self._gone:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._leave()
        return len(text)

    def flush(self) -> None:
        if not self._gone:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._leave()

    def _leave(self) -> None:
        self._gone = True
        # What the stream still buffers would fail again when flushed at exit: send it nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, self._fd)
        os.close(devnull)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def _run_app() -> int:
    try:
        try:
            app()
        finally:
            cache = sys.modules.get("ansinh.files.cache")
            if cache is not None:  # the answer is out: keep what was read for the next command
                cache.write_pending()
    except SystemExit as done:
        return _exit_code(done)
    except KeyboardInterrupt:
        sys.stderr.write("ansinh: interrupted\n")
        return 130
    except Exception as error:
        if os.environ.get("ANSINH_DEBUG"):
            raise
        sys.stderr.write(
            f"ansinh: internal error ({type(error).__name__}: {error}). "
            "This is a bug in ansinh: please report it with the command you ran "
            "(set ANSINH_DEBUG=1 to see where it happened).\n"
        )
        return ExitCode.INTERNAL
    return ExitCode.OK


def _exit_code(done: SystemExit) -> int:
    """The status ``sys.exit`` would give: 0 for None, the number, else 1 with the text on stderr."""
    if done.code is None:
        return 0
    if isinstance(done.code, int):
        return done.code
    sys.stderr.write(f"{done.code}\n")
    return 1
