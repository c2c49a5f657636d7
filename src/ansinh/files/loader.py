"""Find a project folder and read all of it into a ``Project``, with every problem located.

Files are read in the order their references need: the indicator catalogue and the areas, then
the bases, then the plans (checked against all three), then the observations.
"""

from __future__ import annotations

import dataclasses
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ansinh.bases import BaseTable
from ansinh.checks.definitions import CheckContext, check_areas, check_catalogue, check_plan
from ansinh.checks.observations import check_observation_counts, check_windows
from ansinh.files.access import not_utf8, unreadable
from ansinh.files.csv_cells import BASE_COLUMNS, base_figures_from
from ansinh.files.csv_reader import CsvTable, read_csv_text
from ansinh.files.document_schema import FileKind, area_of, base_series_of, indicator_of, plan_of
from ansinh.files.limits import LIMITS, Limits
from ansinh.files.listing import AREAS_FILE, INDICATORS_FILE, is_workbook, list_project, skipped_problems
from ansinh.files.observations import ObservationReader, header_columns
from ansinh.files.schema_errors import validate_document
from ansinh.files.yaml_reader import locate_paths, read_yaml_text
from ansinh.models import BaseFigure, Plan
from ansinh.parallel import Pending
from ansinh.problems import SHEET_MARK, Finding, Findings, Problem
from ansinh.project import ObservationStore, Project
from ansinh.text import composed, t


class Progress(Protocol):
    """Told what has been read, for a display of a long load (``ansinh.render.progress``)."""

    def plans_read(self, done: int, total: int) -> None: ...

    def rows_read(self, files_done: int, files_total: int, rows: int) -> None: ...

    def tick(self) -> None: ...


class _Silent:
    def plans_read(self, done: int, total: int) -> None:
        pass

    def rows_read(self, files_done: int, files_total: int, rows: int) -> None:
        pass

    def tick(self) -> None:
        pass


def load_project(
    root: Path, limits: Limits = LIMITS, progress: Progress | None = None, *, warnings: bool = True
) -> Project:
    """Read every file of the project at ``root``; problems are collected, never raised. Without
    ``warnings``, checks that can find only warnings are left out, for the commands that stop on
    errors and print no warnings of the files (``gap``, ``report``, ``list``)."""
    progress = progress or _Silent()
    project = Project(root, warnings_checked=warnings)
    reader = _Reader(root, limits, project)
    # Every entry that is not read is named, whichever the command: the problems cost nothing.
    listing = list_project(root)
    plan_files, observation_files, base_files = listing.plans, listing.observations, listing.bases
    reader.problems(skipped_problems(listing.skipped))

    catalogue = reader.yaml(INDICATORS_FILE, FileKind.INDICATORS, required=True)
    areas = reader.yaml(AREAS_FILE, FileKind.AREAS, required=True)
    declared_indicators = _declared_ids(catalogue, "indicators")
    declared_areas = _declared_ids(areas, "areas")
    indicators = [indicator_of(data) for data in catalogue.data["indicators"]] if catalogue and catalogue.data else []
    series = [base_series_of(data) for data in catalogue.data.get("bases", ())] if catalogue and catalogue.data else []
    project.indicators = {indicator.id: indicator for indicator in indicators}
    project.base_series = {base.id: base for base in series}
    if areas is not None and areas.data is not None:
        area_list = [area_of(data) for data in areas.data["areas"]]
        project.areas = {area.id: area for area in area_list}
        reader.findings(areas, check_areas(area_list, areas.kept, declared_areas))

    figures: list[BaseFigure] = []
    # A base file or folder that could not be read may hold the figures that declare a base:
    # references to bases are then not checked, so its one error is not followed by others.
    bases_all_read = not any(
        entry.reason == "unreadable" and entry.path.startswith("data/") for entry in listing.skipped
    )
    for file in base_files:
        found, complete = reader.bases(file, declared_areas)
        figures.extend(found)
        bases_all_read = bases_all_read and complete
    reader.problems(_conflicting_bases(figures))
    project.bases = BaseTable(figures)

    if catalogue is not None and catalogue.data is not None:
        declared_bases = (
            project.bases.names() | (_declared_ids(catalogue, "bases") or set()) if bases_all_read else None
        )
        found, broken = check_catalogue(indicators, series, catalogue.kept, declared_bases)
        reader.findings(catalogue, found)
        # An indicator in error is declared, so references to it are not errors too, but no
        # figure is checked or computed against its broken definition.
        project.indicators = {key: value for key, value in project.indicators.items() if key not in broken}

    context = CheckContext(project.indicators, declared_indicators, declared_areas, project.bases, project.base_series)
    # The plans and the observations do not depend on each other: on a large root a second
    # process reads the observations while this one reads the plans.
    observations_work = Pending(
        lambda: _read_observations(root, limits, observation_files, context, progress, warnings),
        parallel=_worth_a_worker(root, observation_files),
    )
    plans = _read_plans(root, limits, plan_files, context, progress)
    observations = observations_work.result(waiting=progress.tick)
    project.observations = store = observations.store
    project.files.extend(observations.files)
    reader.columns.update(observations.columns)
    reader.problems(observations.problems)
    project.plans, project.plan_files = plans.plans, plans.plan_files
    project.files.extend(plans.files)
    reader.problems(plans.problems)
    reader.problems(check_windows(project.plans, project.plan_files, project.indicators, store))
    project.problems = reader.finish()
    return project


@dataclass(slots=True)
class PlansRead:
    """The plans of a root, read and checked, with the problems found in them."""

    plans: dict[str, Plan] = field(default_factory=dict)
    plan_files: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ObservationsRead:
    """The observations of a root, read and checked, with the problems found in them."""

    store: ObservationStore
    columns: dict[str, dict[str, int]]
    problems: list[Problem]
    files: list[str]


def _read_observations(
    root: Path, limits: Limits, files: list[str], context: CheckContext, progress: Progress, warnings: bool
) -> ObservationsRead:
    """Every observation file read into one store and checked against the bases — a job
    complete in itself, so that another process can do it."""
    reader = _Reader(root, limits, Project(root))
    observation_reader = ObservationReader(context.indicators, context.declared_indicators, context.areas, root)
    for number, file in enumerate(files):
        observation_reader.on_block = lambda rows, done=number: progress.rows_read(done, len(files), rows)
        path = reader.checked_path(file, limits.xlsx_bytes if is_workbook(file) else limits.csv_bytes, required=False)
        if path is not None:
            observation_reader.read(file, path, limits)
    progress.rows_read(len(files), len(files), len(observation_reader.row))
    store = observation_reader.store()
    problems = [*reader.collected, *observation_reader.problems]
    if warnings:
        problems += check_observation_counts(store, context.indicators, context.bases, context.base_series)
    return ObservationsRead(store, observation_reader.columns_of, problems, reader.project.files)


def complete_warnings(project: Project, limits: Limits = LIMITS) -> None:
    """Give a project read without ``warnings`` the problems of the checks it left out, in the
    order and places a full read gives them: what the cache keeps, without reading the files
    again — only the header line of an observation file with such a warning, for the column."""
    if project.warnings_checked:
        return
    found = check_observation_counts(project.observations, project.indicators, project.bases, project.base_series)
    if found:
        reader = _Reader(project.root, limits, Project(project.root))
        reader.collected = [*project.problems, *found]  # those already found keep their order
        for file, sheet in sorted({(problem.file, problem.sheet or "") for problem in found if problem.file}):
            columns = header_columns(project.root, file, sheet, limits)
            if columns is not None:
                reader.columns[f"{file}{SHEET_MARK}{sheet}" if sheet else file] = columns
        project.problems = reader.finish()
    project.warnings_checked = True


def _read_plans(root: Path, limits: Limits, files: list[str], context: CheckContext, progress: Progress) -> PlansRead:
    """Every plan file read, validated, checked against the catalogue, and its problems placed
    on their lines — a job complete in itself, so that another process can do it."""
    result = PlansRead()
    reader = _Reader(root, limits, Project(root))
    for number, file in enumerate(files, 1):
        if number % 64 == 0:
            progress.plans_read(number, len(files))
        read = reader.yaml(file, FileKind.PLAN, required=False)
        if read is None or read.data is None:
            continue
        plan = plan_of(read.data)
        if plan.id in result.plans:
            other = result.plan_files[plan.id]
            reader.problems([Problem("duplicate-id", t("plan.duplicate", id=plan.id, other=other), file, 1, 1, "id")])
            continue
        reader.findings(read, check_plan(plan, read.kept, Path(file).stem, context))
        result.plans[plan.id] = plan
        result.plan_files[plan.id] = file
    progress.plans_read(len(files), len(files))
    for yaml_file in reader.yaml_files:
        reader.collected.extend(yaml_file.problems())
    reader.yaml_files.clear()
    result.problems = reader.collected
    result.files = reader.project.files
    return result


# A second process costs a few milliseconds to start and its result time to hand back: worth it
# from some tens of thousands of observation rows on.
WORKER_THRESHOLD_BYTES = 2 * 1024 * 1024


def _worth_a_worker(root: Path, files: list[str]) -> bool:
    total = 0
    for file in files:
        try:
            total += (root / file).stat().st_size
        except OSError:
            continue
        if total > WORKER_THRESHOLD_BYTES:
            return True
    return False


def _declared_ids(read: YamlFile | None, field: str) -> set[str] | None:
    """Ids declared in a catalogue file, even in items with errors, so that one mistake in an
    item is reported once rather than at every reference to it; ``None`` when the file itself
    cannot be read, and references to it cannot be checked."""
    if read is None or not isinstance(read.raw, dict):
        return None
    items = read.raw.get(field)
    if not isinstance(items, list):
        return None
    return {str(item["id"]) for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _conflicting_bases(figures: list[BaseFigure]) -> list[Problem]:
    first: dict[tuple[str, str, int], BaseFigure] = {}
    problems: list[Problem] = []
    kept: list[BaseFigure] = []
    for figure in figures:
        key = (figure.area, figure.base, figure.year)
        earlier = first.get(key)
        if earlier is None:
            first[key] = figure
            kept.append(figure)
        elif earlier.value != figure.value:
            problems.append(
                Problem(
                    "conflicting-base",
                    t(
                        "base.conflict",
                        base=figure.base,
                        area=figure.area,
                        year=str(figure.year),
                        value=figure.value,
                        other_value=earlier.value,
                        other=f"{earlier.file}:{earlier.line}",
                    ),
                    figure.file,
                    figure.line,
                    None,
                    "value",
                )
            )
    figures[:] = kept
    return problems


@dataclass(slots=True)
class YamlFile:
    """A YAML file as read: its values, what validated of them, and the problems found at its
    field paths, placed on lines once all checks are done."""

    file: str
    text: str
    raw: Any
    data: dict[str, Any] | None
    kept: dict[str, list[int]] = field(default_factory=dict)
    findings: Findings = field(default_factory=Findings)

    def problems(self) -> list[Problem]:
        """The findings on their lines: one pass over the file, for the paths concerned."""
        if not self.findings:
            return []
        paths = [path for finding in self.findings for path in finding.paths()]
        at_keys = [finding.path for finding in self.findings if finding.at_key]
        positions = locate_paths(self.text, paths, at_keys)
        return [finding.located(self.file, positions) for finding in self.findings]


class _Reader:
    """Reads files of one root, collecting problems with a cap per file."""

    def __init__(self, root: Path, limits: Limits, project: Project) -> None:
        self.root = root
        self.limits = limits
        self.project = project
        self.collected: list[Problem] = []
        self.columns: dict[str, dict[str, int]] = {}
        self.yaml_files: list[YamlFile] = []

    def problems(self, problems: list[Problem]) -> None:
        self.collected.extend(problems)

    def checked_path(self, file: str, limit: int, *, required: bool) -> Path | None:
        """The file's path if it is a file within ``limit``; else the problem is collected: the
        file missing (when ``required``), or unreadable with the system's reason — a file in a
        folder that cannot be looked into is there, not missing."""
        path = self.root / file
        try:
            status = path.stat()
        except (FileNotFoundError, NotADirectoryError):
            status = None
        except OSError as error:
            self.project.files.append(file)
            self.collected.append(unreadable(file, error))
            return None
        if status is None or not stat.S_ISREG(status.st_mode):
            if required:
                self.collected.append(Problem("file-missing", t("file.missing", file=file), file))
            return None
        self.project.files.append(file)
        size = status.st_size
        if size > limit:
            self.collected.append(Problem("file-too-large", t("file.too_large", size=size, limit=limit), file, 1, 1))
            return None
        return path

    def text(self, file: str, limit: int, *, required: bool) -> str | None:
        path = self.checked_path(file, limit, required=required)
        if path is None:
            return None
        try:
            data = path.read_bytes()
        except OSError as error:
            self.collected.append(unreadable(file, error))
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            self.collected.append(not_utf8(file, data, error))
            return None

    def yaml(self, file: str, kind: FileKind, *, required: bool) -> YamlFile | None:
        """The file read and validated as ``kind``; problems at field paths are placed on their
        lines when all checks are done."""
        text = self.text(file, self.limits.yaml_bytes, required=required)
        if text is None:
            return None
        text = composed(text)
        document = read_yaml_text(text, file, self.limits)
        self.collected.extend(document.problems)
        read = YamlFile(file, text, document.data, None)
        read.data = validate_document(document, kind, read.findings)
        read.kept = document.kept
        self.yaml_files.append(read)
        return read

    def findings(self, read: YamlFile, findings: list[Finding]) -> None:
        read.findings.extend(findings)

    def csv(self, file: str, columns: tuple[tuple[str, ...], tuple[str, ...]]) -> CsvTable | None:
        text = self.text(file, self.limits.csv_bytes, required=False)
        if text is None:
            return None
        table = read_csv_text(composed(text), file, *columns)
        self.collected.extend(table.problems)
        self.columns[file] = table.columns
        return table if table.ok else None

    def bases(self, file: str, areas: set[str] | None) -> tuple[list[BaseFigure], bool]:
        """The figures of a base file, CSV or workbook, and whether it could all be read."""
        if is_workbook(file):
            return self._workbook_bases(file, areas)
        table = self.csv(file, BASE_COLUMNS)
        if table is None:
            return [], False
        found, problems = base_figures_from(table, areas)
        self.collected.extend(problems)
        return found, True

    def _workbook_bases(self, file: str, areas: set[str] | None) -> tuple[list[BaseFigure], bool]:
        """The base figures of every sheet of a workbook that holds the base columns, as a base
        CSV file's rows give them (SPEC 10); and whether the workbook could all be read."""
        path = self.checked_path(file, self.limits.xlsx_bytes, required=False)
        if path is None:
            return [], False
        from ansinh.files.xlsx_reader import BASE_KINDS, base_figures_of, read_tables

        sheets, problems, complete = read_tables(path, file, self.limits, *BASE_COLUMNS, BASE_KINDS)
        self.collected.extend(problems)
        figures: list[BaseFigure] = []
        for sheet in sheets:
            self.columns[sheet.table.file] = sheet.table.columns
            found, problems = base_figures_of(sheet, areas)
            figures.extend(found)
            self.collected.extend(problems)
        return figures, complete

    def finish(self) -> list[Problem]:
        """Every problem, sorted by place, each with its CSV column (a sheet's, in a workbook).
        All are kept, however many: the summary and JSON count them truly; the text output lists
        a limited number a file."""
        for read in self.yaml_files:
            self.collected.extend(read.problems())
        by_file: dict[str, list[Problem]] = {}
        for collected in self.collected:
            problem = collected
            table = problem.file if problem.sheet is None else f"{problem.file}{SHEET_MARK}{problem.sheet}"
            if problem.column is None and table in self.columns and problem.path:
                position = self.columns[table].get(problem.path)
                if position is not None:
                    problem = dataclasses.replace(problem, column=position + 1)
            by_file.setdefault(problem.file or "", []).append(problem)
        result: list[Problem] = []
        for file in sorted(by_file):
            result.extend(sorted(by_file[file], key=Problem.sort_key))
        return result
