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

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from ansinh.text import Text, suggest, t

if TYPE_CHECKING:
    from ansinh.engine.results import Row, Status
    from ansinh.files.loader import Progress
    from ansinh.language import Lang
    from ansinh.models import Plan, PlanTarget
    from ansinh.problems import Problem
    from ansinh.project import Project
    from ansinh.render.report_formats import Names, Printed, Printer


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
    problems, files = project.problems, project.files
    if selected:
        problems = [problem for problem in problems if _selected(problem.file, selected)]
        files = [file for file in files if _selected(file, selected)]
    return Validation(problems, files)


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
    project: Project, indicator: str, as_of: date, *, area: str | None = None, plan: str | None = None
) -> list[Row]:
    """Every target of ``indicator`` (in ``area``, of ``plan``) as of ``as_of``."""
    from ansinh.engine import compute_rows

    _known(indicator, project.indicators, "what.indicator")
    _known(area, project.areas, "what.area")
    _known(plan, project.plans, "what.plan")
    return compute_rows(project, as_of, indicator=indicator, area=area, plan=plan)


def report(project: Project, as_of: date, *, area: str | None = None, plan: str | None = None) -> list[Row]:
    """Every target (in ``area``, of ``plan``) as of ``as_of``, in plan-file order."""
    from ansinh.engine import compute_rows

    _known(area, project.areas, "what.area")
    _known(plan, project.plans, "what.plan")
    return compute_rows(project, as_of, area=area, plan=plan)


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
        return [printed(compute_row(project, each, target, as_of), printer, lang) for each, target in part]

    # The parent takes a little more: the second process must also pickle what it printed.
    middle = len(targets) * 52 // 100
    later = Pending(lambda: work(targets[middle:]), parallel=len(targets) >= PARALLEL_TARGETS)
    return work(targets[:middle]) + later.result()


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
