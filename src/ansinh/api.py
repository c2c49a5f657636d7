"""ansinh as a library: one call per command, as the command line uses them.

``load`` reads a project (through the cache), ``validate`` checks one and selects the problems of
some of its files, ``gap`` and ``report`` compute rows of figures as of a date, ``printed_report``
does what ``report`` does and prints each row in the same pass (in two processes on a large
project), and ``fail_on`` names the rows that make ``--fail-on`` exit 3. The command line
(``ansinh.cli``) only turns options into these calls, their results into a renderer and an exit
code. Nothing here prints or exits; a request the project cannot answer raises ``UsageError``.

Every call imports what it needs when it runs: ``import ansinh.api`` is as light as the CLI's
start.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar, cast

from ansinh.text import Text, suggest, t

if TYPE_CHECKING:
    from decimal import Decimal

    from ansinh.engine.comparison import Comparison
    from ansinh.engine.results import Row, Status
    from ansinh.files.loader import Progress
    from ansinh.language import Lang
    from ansinh.models import Plan, PlanTarget
    from ansinh.official_units import Match, Units
    from ansinh.problems import Problem
    from ansinh.project import Project
    from ansinh.render.document import ReportDocument
    from ansinh.render.report_formats import GroupBy, Names, Printed, Printer


class _Judged(Protocol):
    """A row, computed or printed: it has a status."""

    @property
    def status(self) -> Status: ...


P = TypeVar("P")  # what a format prints a row as
R = TypeVar("R", bound=_Judged)


class UsageError(Exception):
    """A request the project cannot answer: an unknown id, a bad period, a path outside the
    project (SPEC section 5: exit 2)."""

    def __init__(self, text: Text | str) -> None:
        super().__init__(text if isinstance(text, str) else text.key)
        self.text = text


def load(root: Path, *, warnings: bool = True, progress: Progress | None = None) -> Project:
    """The project at ``root`` with every problem of its files; ``warnings=False`` leaves out
    the checks that can find only warnings (for commands that stop on errors alone)."""
    from ansinh.files import cache

    return cache.load(root, progress=progress, warnings=warnings)


@dataclass(frozen=True, slots=True)
class Validation:
    """The problems of a project, or of the named files of it, and how many files they cover."""

    problems: list[Problem]
    files: list[str]

    def failed(self, *, strict: bool) -> bool:
        """Errors fail; with ``strict``, warnings too (SPEC section 5)."""
        return any(strict or problem.is_error for problem in self.problems)


def validate(root: Path, paths: Sequence[Path] = (), *, progress: Progress | None = None) -> Validation:
    """Check the whole project — a change to one file can break another — and report on the
    named files and folders only (all of them when ``paths`` is empty)."""
    selected = [_inside(root, path) for path in paths]
    project = load(root, progress=progress)
    problems, files = _with_derived_warnings(project), project.files
    if selected:
        problems = [problem for problem in problems if _selected(problem.file, selected)]
        files = [file for file in files if _selected(file, selected)]
    return Validation(problems, files)


def _with_derived_warnings(project: Project) -> list[Problem]:
    """The project's problems with the warnings of SPEC 7-8 that compare observations with the
    areas' tree and lifetimes (``rollup-mismatch``, ``outside-lifetime``), in their places."""
    if project.derived_problems is None:  # once per project: the cache keeps them with it
        project.derived_problems = _derived_problems(project)
    if not project.derived_problems:
        return project.problems
    return sorted(
        [*project.problems, *project.derived_problems], key=lambda problem: (problem.file or "", problem.sort_key())
    )


def _derived_problems(project: Project) -> list[Problem]:
    from ansinh.checks.lifetimes import outside_lifetime
    from ansinh.engine.rollup import rollup_mismatches

    found = outside_lifetime(project.observations, project.areas, project.indicators)
    if not project.errors:  # no figure is worked out from files in error
        found += rollup_mismatches(project)
    from ansinh.files.observations import header_columns

    # A problem's column, from its file's (or sheet's) header, as the loader finds it.
    columns: dict[tuple[str, str], dict[str, int] | None] = {}
    for index, problem in enumerate(found):
        if problem.file is None:
            continue
        where = (problem.file, problem.sheet or "")
        if where not in columns:
            columns[where] = header_columns(project.root, *where)
        header = columns[where]
        if header is not None and problem.path in header:
            found[index] = dataclasses.replace(problem, column=header[problem.path] + 1)
    return found


def as_of_date(period: str | None) -> date:
    """The last day of ``period``, or today (SPEC section 5)."""
    from ansinh.periods import Period, PeriodError

    if period is None:
        return date.today()
    try:
        return Period.parse(period).end
    except PeriodError as error:
        raise UsageError(error.text) from None


def gap(
    project: Project,
    indicator: str,
    as_of: date,
    *,
    area: str | None = None,
    plan: str | None = None,
    method: str = "linear",
) -> list[Row]:
    """Every target of ``indicator`` (in ``area``, of ``plan``) as of ``as_of``, level targets
    read by ``method`` (SPEC 11)."""
    from ansinh.engine import compute_rows

    _known(indicator, project.indicators, "what.indicator")
    _known(area, project.areas, "what.area")
    _known(plan, project.plans, "what.plan")
    return compute_rows(project, as_of, indicator=indicator, area=area, plan=plan, method=method)


def report(
    project: Project, as_of: date, *, area: str | None = None, plan: str | None = None, method: str = "linear"
) -> list[Row]:
    """Every target (in ``area``, of ``plan``) as of ``as_of``, in plan-file order."""
    from ansinh.engine import compute_rows

    _known(area, project.areas, "what.area")
    _known(plan, project.plans, "what.plan")
    return compute_rows(project, as_of, area=area, plan=plan, method=method)


# Below this many targets a second process costs more than it saves.
PARALLEL_TARGETS = 4000


def printed_report(
    project: Project,
    as_of: date,
    printer: Printer[P],
    lang: Lang,
    *,
    area: str | None = None,
    plan: str | None = None,
    method: str = "linear",
) -> list[Printed[P]]:
    """``report``'s rows, each printed by ``printer`` as it is computed. A national report has
    ninety thousand: a forked process, which has the loaded project already, takes the second
    half and hands back only the printed text (``tests/test_fast_paths.py`` holds this to
    ``report`` printed row by row)."""
    from ansinh.engine import compute_row, targets_of
    from ansinh.parallel import Pending
    from ansinh.render.report_formats import printed

    _known(area, project.areas, "what.area")
    _known(plan, project.plans, "what.plan")
    targets = targets_of(project, area=area, plan=plan)

    def work(part: list[tuple[Plan, PlanTarget]]) -> list[Printed[P]]:
        return [printed(compute_row(project, each, target, as_of, method), printer, lang) for each, target in part]

    # The parent takes a little more: the second process must also pickle what it printed.
    middle = len(targets) * 52 // 100
    later = Pending(lambda: work(targets[middle:]), parallel=len(targets) >= PARALLEL_TARGETS)
    return work(targets[:middle]) + later.result()


def observation_sources(project: Project, rows: Sequence[Row]) -> dict[tuple[str, int], str]:
    """The ``source`` cell of the figure each row is judged on, by file and line, read back from
    the files (the loaded project keeps the figures, not their sources)."""
    from ansinh.files.sources import source_cells

    wanted = [
        (row.current.file, row.current.line)
        for row in rows
        if row.current is not None and row.current.file is not None and row.current.line is not None
    ]
    return source_cells(project.root, wanted)


class _History(dict):  # type: ignore[type-arg]
    """Each series' observations up to a date, read when a chart first asks for them: a national
    report's page draws a hundred of its ninety thousand rows, and reading them all costs
    seconds."""

    def __init__(self, project: Project, as_of: date) -> None:
        super().__init__()
        self.project, self.as_of = project, as_of

    def __missing__(self, key: tuple[str, str]) -> tuple[object, ...]:
        from ansinh.render.document import Point

        series = self.project.observations.series(*key)
        observations = series.ending_by(self.as_of) if series is not None else []
        points = tuple(Point(str(each.period), each.period.end, each.value, each.status) for each in observations)
        self[key] = points
        return points

    def get(self, key: tuple[str, str], default: object = None) -> object:
        return self[key]


def report_document(
    project: Project,
    command: str,
    as_of: date,
    title: str,
    rows: list[Row],
    *,
    group_by: GroupBy | None = None,
    method: str = "linear",
) -> ReportDocument:
    """``gap``'s or ``report``'s rows laid out for a workbook or a page, with each row's
    observations up to ``as_of`` for its chart."""
    from ansinh.render.document import ReportDocument, SourceCells

    class Sources(SourceCells):
        def load(self, shown: Sequence[Row]) -> None:
            self.update(observation_sources(project, shown))

    history = _History(project, as_of)
    return ReportDocument(
        command,  # type: ignore[arg-type]
        as_of,
        title,
        rows,
        names(project),
        group_by,
        history,
        method,
        Sources(),
    )


@dataclass(frozen=True, slots=True)
class OfficialAreas:
    """A province's areas file from the official lists (``ansinh areas``), and what it is of."""

    text: str
    province: str  # the official name of the province of 2025
    named_old: str | None  # the old province the request named, when it is not the new one itself


def official_areas(province: str, units: str = "both", command: str = "") -> OfficialAreas:
    """The areas file of ``province`` (a name, written any common way, or a GSO code; an old
    province's finds the province of 2025 it became part of): its old units, its new units or
    both. An unknown name is a ``UsageError`` naming the closest province."""
    from ansinh.official_units import UNITS, areas_yaml

    if units not in UNITS:
        raise UsageError(t("usage.choice", value=units, choices=list(UNITS)))
    match = official_province(province)
    text = areas_yaml(match, cast("Units", units), command)
    return OfficialAreas(text, match.province.name, match.old.name if match.old else None)


def official_province(query: str) -> Match:
    """The province of 2025 that ``query`` names (see ``official_areas``), or a ``UsageError``."""
    from ansinh.official_units import UnknownProvince, find_province

    try:
        return find_province(query)
    except UnknownProvince as error:
        if error.suggestion:
            raise UsageError(t("areas.unknown_guess", query=query, guess=error.suggestion)) from None
        raise UsageError(t("areas.unknown", query=query)) from None


def compare(
    project: Project,
    indicator: str,
    as_of: date,
    *,
    area: str | None = None,
    level: str | None = None,
    target: str | None = None,
) -> Comparison:
    """SPEC 7: the areas at ``level`` under ``area`` with their latest figures of ``indicator``
    by ``as_of``, against ``target`` — else the one target of that indicator in ``area``'s plans
    (without ``area``: the plans of the areas without a parent)."""
    from ansinh.engine.comparison import compare as compared
    from ansinh.models import LEVELS
    from ansinh.numbers import NumberError, parse_decimal

    _known(indicator, project.indicators, "what.indicator")
    _known(area, project.areas, "what.area")
    if level is not None and level not in LEVELS:
        raise UsageError(t("usage.choice", value=level, choices=list(LEVELS)))
    chosen = project.indicators[indicator]
    if target is not None:
        try:
            value = parse_decimal(target)
        except NumberError as error:
            raise UsageError(t("usage.compare_target", value=target, detail=error.text)) from None
    else:
        value = _plan_target(project, indicator, area)
    return compared(project, chosen, as_of, value, area=area, level=level)


def _plan_target(project: Project, indicator: str, area: str | None) -> Decimal:
    """The value of the one target of ``indicator`` in ``area``'s plans; a usage error when
    there is none, or more than one (SPEC 7: exit 2, give --target)."""
    from ansinh.engine import targets_of

    tops = {each.id for each in project.areas.values() if each.parent is None}
    found = [
        target
        for plan, target in targets_of(project, indicator=indicator)
        if (target.area or plan.area) == area or (area is None and (target.area or plan.area) in tops)
    ]
    where = area if area is not None else t("compare.tops")
    if len(found) != 1:
        key = "usage.compare_no_target" if not found else "usage.compare_targets"
        raise UsageError(t(key, indicator=indicator, area=where, n=len(found)))
    spec = found[0].target
    value = spec.value if spec.value is not None else spec.per_year
    if value is None:  # a total over a window is not a value an area's figure can meet
        raise UsageError(t("usage.compare_total", indicator=indicator))
    return value


def fail_on(rows: Sequence[R], threshold: Status | None) -> list[R]:
    """The rows (computed or printed) at ``threshold`` or worse, in the order ``--fail-on``
    ranks statuses."""
    if threshold is None:
        return []
    return [row for row in rows if row.status.rank >= threshold.rank]


def names(project: Project) -> Names:
    """What the project calls its areas, plans and bases, for the renderers."""
    from ansinh.checks.consistency import base_label
    from ansinh.render.report_formats import Names

    return Names(
        {area.id: area.name for area in project.areas.values()},
        {each.id: each.name for each in project.plans.values()},
        {base: base_label(base, project.base_series) for base in project.bases.names() | set(project.base_series)},
    )


def _known(value: str | None, known: dict[str, object], what: str) -> None:
    """A filter naming an id the project does not have is a usage error, with the likely id."""
    if value is None or value in known:
        return
    guess = suggest(value, sorted(known))
    if guess:
        raise UsageError(t("reference.unknown_guess", what=t(what), id=value, guess=guess))
    raise UsageError(t("reference.unknown", what=t(what), id=value))


def _inside(root: Path, path: Path) -> str:
    """A named path as root-relative POSIX text, or a usage error if it is not in the root."""
    resolved = path.resolve()
    if not resolved.exists():
        raise UsageError(t("usage.no_such_path", path=str(path)))
    try:
        return resolved.relative_to(root).as_posix()
    except ValueError:
        raise UsageError(t("usage.outside_root", path=str(path), root=str(root))) from None


def _selected(file: str | None, selected: list[str]) -> bool:
    if file is None:
        return True  # problems of the project as a whole concern every file
    return any(name in (file, ".") or file.startswith(name.rstrip("/") + "/") for name in selected)
