"""A cache of loaded projects, kept outside the project folder.

Reading a national root takes seconds, and most of the time an official runs a command on files
that have not changed since the last one. So the loaded project is kept, pickled, one entry per
project folder, in ``$ANSINH_CACHE_DIR``, else ``$XDG_CACHE_HOME/ansinh``, else
``~/.cache/ansinh``; ``ANSINH_NO_CACHE=1`` turns the cache off.

An entry is used only when its key matches the key of the files as they are now: the SHA-256 of
every file the loader reads, by name and content (a file added, removed, changed or made
unreadable changes it), with the entries it does not read and why (each is a warning), ansinh's
version and source files, the versions of the libraries that shape what is read (pydantic,
pydantic-core, PyYAML and whether it has libyaml, quicktions), Python's version and the limits in
force. Computing the key reads the files once, at several hundred megabytes a second; it never
serves stale data, and imports none of PyYAML or pydantic: their versions come from their
installed metadata.

An entry is written after the command has printed its answer, by a forked process that first
checks that the files did not change while they were read, into a temporary file renamed into
place: a reader sees a whole entry or none. That process lets go of the command's standard
streams at once, so that a pipe's reader (``ansinh report | wc -l``) is not kept waiting for it,
and runs at a low priority. A project read for errors only (``gap``, ``report``) is given its
warnings there (``loader.complete_warnings``), not read again. A pickle is code, so the cache is
used only in a directory that belongs to the user and that no one else can write to.

``ANSINH_CACHE_WRITE_DELAY`` (seconds), for tests, makes that process wait before it writes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import os
import pickle
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ansinh import __version__
from ansinh.files.limits import LIMITS, Limits
from ansinh.files.listing import AREAS_FILE, INDICATORS_FILE, list_project
from ansinh.project import Project

if TYPE_CHECKING:
    from ansinh.files.loader import Progress

_KEY_BYTES = 32
_pending: list[tuple[Path, bytes, Path, Limits, Project]] = []


def directory() -> Path | None:
    """The cache's folder, created if need be; ``None`` when the cache is off or unsafe."""
    if os.environ.get("ANSINH_NO_CACHE", "") not in ("", "0"):
        return None
    chosen = os.environ.get("ANSINH_CACHE_DIR")
    if chosen:
        folder = Path(chosen).expanduser()
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(base) / "ansinh"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return folder if _private(folder.stat()) else None
    except OSError:
        return None


def load(root: Path, limits: Limits = LIMITS, progress: Progress | None = None, *, warnings: bool = True) -> Project:
    """The project at ``root``: from the cache if its files are as they were, else read, and
    cached once the command is done (``write_pending``). ``warnings`` as ``load_project``'s; an
    entry always holds them all."""
    folder = directory()
    if folder is None:
        return _load_files(root, limits, progress, warnings)
    key = files_key(root, limits)
    entry = folder / (hashlib.sha256(str(root).encode()).hexdigest()[:32] + ".pickle")
    project = _read(entry, key)
    if project is None:
        project = _load_files(root, limits, progress, warnings)
        _pending.append((entry, key, root, limits, project))
    return project


def _load_files(root: Path, limits: Limits, progress: Progress | None, warnings: bool = True) -> Project:
    from ansinh.files.loader import load_project  # PyYAML and pydantic: imported only to read

    return load_project(root, limits, progress, warnings=warnings)


def files_key(root: Path, limits: Limits) -> bytes:
    """The key of the project's files as they are now, with everything else that shapes what
    the loader makes of them."""
    digest = hashlib.sha256()
    for part in (__version__, _source_stamp(), _library_stamp(), sys.version, repr(limits), str(root)):
        digest.update(part.encode() + b"\0")
    listing = list_project(root)
    for skipped in listing.skipped:  # each is a problem of the project: a warning, or an error
        digest.update(f"skipped\0{skipped.path}\0{skipped.reason}\0{skipped.detail}\0".encode())
    for name in (INDICATORS_FILE, AREAS_FILE, *listing.plans, *listing.observations, *listing.bases):
        digest.update(name.encode() + b"\0")
        try:
            with open(root / name, "rb") as handle:
                digest.update(hashlib.file_digest(handle, "sha256").digest())
        except OSError as error:  # missing or unreadable: part of the state too
            digest.update(f"{type(error).__name__}:{error.errno}".encode())
    return digest.digest()


def _source_stamp() -> str:
    """ansinh's own files, by name, size and time: an edited ansinh is a new ansinh."""
    package = Path(__file__).resolve().parent.parent
    parts = []
    for path in sorted(package.rglob("*.py")):
        status = path.stat()
        parts.append(f"{path.relative_to(package)}:{status.st_size}:{status.st_mtime_ns}")
    return ";".join(parts)


# The libraries whose versions shape what the loader makes of the files: module, distribution.
_LIBRARIES = (
    ("pydantic", "pydantic"),
    ("pydantic_core", "pydantic_core"),
    ("yaml", "pyyaml"),
    ("quicktions", "quicktions"),
)


@functools.cache
def _library_stamp() -> str:
    """Each library the loaded project depends on, found where Python would import it from but
    not imported (pydantic alone takes longer to import than a warm command takes to run): its
    installed version, with the size and time of its RECORD, the list of its installed files
    that every installation writes anew; for PyYAML, also whether its libyaml extension is
    there. About a millisecond at most, once a command."""
    from importlib.machinery import EXTENSION_SUFFIXES, PathFinder

    parts = []
    installed: dict[str, dict[str, str]] = {}
    for module, distribution in _LIBRARIES:
        spec = PathFinder.find_spec(module)
        if spec is None or not spec.origin:
            parts.append(f"{module}:absent")
            continue
        package = spec.submodule_search_locations
        site = os.path.dirname(os.path.dirname(spec.origin) if package else spec.origin)
        if site not in installed:
            installed[site] = _metadata_folders(site)
        folder = installed[site].get(distribution)
        parts.append(f"{module}:{spec.origin}:{folder}:{_stamp(os.path.join(site, folder or '?', 'RECORD'))}")
        if module == "yaml" and package is not None:
            names = _names(next(iter(package), ""))
            libyaml = any(name.startswith("_yaml.") and name.endswith(tuple(EXTENSION_SUFFIXES)) for name in names)
            parts.append(f"libyaml:{libyaml}")
    return ";".join(parts)


def _metadata_folders(site: str) -> dict[str, str]:
    """The installed distributions of a folder on ``sys.path``, by their normalised names, each
    with its metadata folder (``pyyaml-6.0.2.dist-info``: the name holds the version)."""
    found = {}
    for name in _names(site):
        if name.endswith((".dist-info", ".egg-info")):
            project = name.partition("-")[0].lower().replace("-", "_").replace(".", "_")
            found.setdefault(project, name)
    return found


def _names(folder: str) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []


def _stamp(path: str) -> str:
    try:
        status = os.stat(path)
    except OSError as error:
        return f"{type(error).__name__}:{error.errno}"
    return f"{status.st_size}:{status.st_mtime_ns}"


def _private(status: os.stat_result) -> bool:
    """Owned by this user, and writable by no one else."""
    owner_ok = not hasattr(os, "getuid") or status.st_uid == os.getuid()
    return owner_ok and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(entry: Path, key: bytes) -> Project | None:
    try:
        with open(entry, "rb") as handle:
            if not _private(os.fstat(handle.fileno())) or handle.read(_KEY_BYTES) != key:
                return None
            project = pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, half-written by an older ansinh, unreadable: read the files
        return None
    return project if isinstance(project, Project) else None


def write_pending() -> None:
    """Write the entries of the projects read by this command: in a forked process that
    outlives the command, where there is ``fork``, so that the answer is not kept waiting."""
    if not _pending:
        return
    work = list(_pending)
    _pending.clear()
    if hasattr(os, "fork") and sys.platform != "win32":
        sys.stdout.flush()
        sys.stderr.flush()
        if os.fork() != 0:
            return
        try:
            _detach()
            _write_all(work)
        finally:
            os._exit(0)
    _write_all(work)


def _detach() -> None:
    """In the forked child, before anything else: at a low priority, not to slow the next
    command down; out of the terminal's session, so that closing it does not stop this; and its
    standard streams sent to /dev/null, so that whoever reads the command's output through a
    pipe sees its end as soon as the command ends, not when this process does."""
    with contextlib.suppress(OSError):
        os.nice(10)
    with contextlib.suppress(OSError):
        os.setsid()
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    if devnull > 2:
        os.close(devnull)
    delay = os.environ.get("ANSINH_CACHE_WRITE_DELAY")
    if delay:
        with contextlib.suppress(ValueError):
            time.sleep(float(delay))


def _write_all(work: list[tuple[Path, bytes, Path, Limits, Project]]) -> None:
    for entry, key, root, limits, project in work:
        # A cache that cannot be written (a full disk, a read-only home) is only a slower next run.
        with contextlib.suppress(Exception):
            _write(entry, key, root, limits, project)


def _write(entry: Path, key: bytes, root: Path, limits: Limits, project: Project) -> None:
    if files_key(root, limits) != key:
        return  # a file changed while it was being read: what was read matches neither state
    if not project.warnings_checked:  # read for errors only: the entry holds the warnings too
        # From the project in memory (and the header lines of a few observation files): no need
        # to read the files again, or to check the key once more.
        from ansinh.files.loader import complete_warnings

        project = dataclasses.replace(project)  # the command's own project stays as it was
        complete_warnings(project, limits)
    _remove_stale_temporaries(entry.parent)
    handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".pickle")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(key)
            pickle.dump(project, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _remove_stale_temporaries(folder: Path) -> None:
    """Temporary files left by writers that were stopped (an hour is longer than any write)."""
    for path in folder.glob(".tmp-*.pickle"):
        try:
            if time.time() - path.stat().st_mtime > 3600:
                path.unlink()
        except OSError:
            continue
