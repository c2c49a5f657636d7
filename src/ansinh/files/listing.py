"""Where a project's files are: its folder, found from the options or upwards, and the files of
each kind in it. Kept free of heavy imports: every command starts here, and the cache decides
from this listing whether the files need reading at all.

Every entry of ``targets/``, ``data/`` and ``data/bases/`` is either read or named in the
listing's ``skipped`` with the reason, so that no file is left out without a word — except the
files people do not put there themselves: hidden files (``.gitkeep``, ``.DS_Store``), office
lock files (``.~lock.x.csv#``, ``~$x.xlsx``), editors' backups (``x.csv~``, ``#x.csv#``) and
Windows' ``Thumbs.db`` and ``desktop.ini``. A folder that cannot be listed is skipped as
``unreadable``, with the system's reason, never raised."""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ansinh.problems import Problem
    from ansinh.text import Text

INDICATORS_FILE = "targets/indicators.yaml"
AREAS_FILE = "targets/areas.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
CSV_SUFFIXES = (".csv",)
WORKBOOK_SUFFIXES = (".xlsx",)  # read as CSV files are (``ansinh.files.xlsx_reader``)
DATA_SUFFIXES = CSV_SUFFIXES + WORKBOOK_SUFFIXES
EXCEL_SUFFIXES = (".xlsm", ".xls", ".ods", ".xlsb")  # other spreadsheets: not read, with what to do
BASES_FOLDER = "data/bases"
SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini"})


class RootError(Exception):
    """No project folder could be found; ``text`` says where ansinh looked, in either language."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.key)  # the words are rendered where the language is known
        self.text = text


def find_root(option: str | None, cwd: Path, environ: Mapping[str, str] | None = None) -> Path:
    """``--root``, else ``ANSINH_ROOT``, else the nearest folder upwards holding ``targets/``."""
    env = os.environ if environ is None else environ
    for chosen, origin in ((option, "--root"), (env.get("ANSINH_ROOT"), "ANSINH_ROOT")):
        if chosen:
            root = Path(chosen).expanduser()
            if not (root / "targets").is_dir():
                from ansinh.text import t

                raise RootError(t("root.not_there", origin=origin, folder=chosen))
            return root.resolve()
    for folder in (cwd, *cwd.parents):
        if (folder / "targets").is_dir():
            return folder
    from ansinh.text import t

    raise RootError(t("root.none", folder=str(cwd)))


@dataclass(frozen=True, slots=True)
class Skipped:
    """An entry of the project folder that is not read, and why. ``path`` is root-relative
    POSIX, a folder's ending in ``/``; ``detail`` is the system's reason, if any. The reasons:
    ``unreadable`` (a folder that cannot be listed: an error, its files cannot be checked),
    ``no-data-folder``, ``folder`` (a folder where files are expected), ``excel`` (a spreadsheet
    other than ``.xlsx``), ``not-csv``,
    ``not-yaml`` (a file of another kind), ``dangling-link``, ``special`` (a pipe, socket or
    device) and ``unknown`` (the system cannot say what the entry is)."""

    path: str
    reason: str
    detail: str = ""


@dataclass(slots=True)
class Listing:
    """The plan, observation and base files of a root, as root-relative POSIX paths, and the
    entries that are not read."""

    plans: list[str] = field(default_factory=list)
    observations: list[str] = field(default_factory=list)
    bases: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def list_project(root: Path) -> Listing:
    """Every file of the root that ansinh reads, and every entry that it does not."""
    listing = Listing()
    skipped, folders = listing.skipped, set[str]()
    listing.plans = _listed(root, "targets", YAML_SUFFIXES, skipped, folders, {INDICATORS_FILE, AREAS_FILE}) or []
    observations = _listed(root, "data", DATA_SUFFIXES, skipped, folders)
    if observations is None:
        skipped.append(Skipped("data/", "no-data-folder"))
    listing.observations = observations or []
    if BASES_FOLDER in folders:
        listing.bases = _listed(root, "data/bases", DATA_SUFFIXES, skipped, set()) or []
    return listing


def is_workbook(file: str) -> bool:
    """Whether a listed data file is an ``.xlsx`` workbook (else a CSV file)."""
    return file.lower().endswith(WORKBOOK_SUFFIXES)


def _ignored(name: str) -> bool:
    """Files nobody puts in a project on purpose: hidden, lock, backup and system files."""
    return name.startswith((".", "~")) or name.endswith(("~", "#")) or name.lower() in SYSTEM_FILES


def _listed(
    root: Path,
    folder: str,
    suffixes: tuple[str, ...],
    skipped: list[Skipped],
    folders: set[str],
    exclude: frozenset[str] | set[str] = frozenset(),
) -> list[str] | None:
    """The files of ``folder`` with one of ``suffixes``, the rest added to ``skipped``; ``None``
    when there is no such folder. ``data/bases/``, read on its own, is added to ``folders``."""
    try:
        with os.scandir(root / folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        skipped.append(Skipped(f"{folder}/", "unreadable", error.strerror or str(error)))
        return []
    names = []
    for entry in entries:
        if _ignored(entry.name):
            continue
        relative = f"{folder}/{entry.name}"
        if relative in exclude:
            continue
        if relative == BASES_FOLDER and _is_folder(entry):  # listed on its own
            folders.add(relative)
            continue
        found = _classified(entry, relative, os.path.splitext(entry.name)[1].lower() in suffixes, suffixes)
        if found is None:
            names.append(relative)
        else:
            skipped.append(found)
    return names


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _classified(entry: os.DirEntry[str], relative: str, wanted: bool, suffixes: tuple[str, ...]) -> Skipped | None:
    """``None`` for a file to read (a file that exists but cannot be read is read, and its reader
    says why); else why it is not read."""
    try:
        if entry.is_dir():
            return Skipped(f"{relative}/", "folder")
        is_file = entry.is_file()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Skipped(relative, "dangling-link")
        return None if wanted else Skipped(relative, "unknown", error.strerror or str(error))
    if is_file:
        return None if wanted else Skipped(relative, _other_kind(entry.name, suffixes))
    # A link to nothing (its target does not exist), or a pipe, socket or device.
    return Skipped(relative, "special" if os.path.exists(entry.path) else "dangling-link")


def _other_kind(name: str, suffixes: tuple[str, ...]) -> str:
    if suffixes == YAML_SUFFIXES:
        return "not-yaml"
    return "excel" if os.path.splitext(name)[1].lower() in EXCEL_SUFFIXES else "not-csv"


def skipped_problems(skipped: list[Skipped]) -> list[Problem]:
    """The problem of each entry that is not read: an error for a folder that cannot be listed,
    a warning for the rest, each saying why and what to do."""
    from ansinh.problems import Problem
    from ansinh.text import t

    problems = []
    for entry in skipped:
        if entry.reason == "unreadable":
            problems.append(Problem("file-unreadable", t("file.folder_unreadable", detail=entry.detail), entry.path))
        elif entry.reason == "no-data-folder":
            problems.append(Problem("no-data-folder", t("file.no_data_folder"), entry.path))
        else:
            problems.append(Problem("file-not-read", _why_not_read(entry), entry.path))
    return problems


# The message of each reason an entry is not read; a folder or another kind of file is said by
# where it stands.
_WHY_NOT_READ = {"excel": "excel", "not-yaml": "not_yaml", "dangling-link": "dangling_link", "special": "special"}


def _why_not_read(entry: Skipped) -> Text:
    from ansinh.text import t

    if entry.reason == "folder":
        return t("file.not_read.plans_folder" if entry.path.startswith("targets/") else "file.not_read.data_folder")
    if entry.reason == "not-csv":
        in_bases = entry.path.startswith(BASES_FOLDER + "/")
        return t("file.not_read.not_bases" if in_bases else "file.not_read.not_observations")
    if entry.reason in _WHY_NOT_READ:
        return t(f"file.not_read.{_WHY_NOT_READ[entry.reason]}")
    return t("file.not_read.unknown", detail=entry.detail)
