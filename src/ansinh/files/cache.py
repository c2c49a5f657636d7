"""A cache of loaded projects, kept outside the project folder.

Reading a national root takes seconds, and most of the time an official runs a command on files
that have not changed since the last one. So the loaded project is kept, pickled, one entry per
project folder, in ``$ANSINH_CACHE_DIR``, else ``$XDG_CACHE_HOME/ansinh``, else
``~/.cache/ansinh``; ``ANSINH_NO_CACHE=1`` turns the cache off.

An entry is used only when its key matches the key of the files as they are now: the SHA-256 of
every file the loader reads, by name and content (a file added, removed, changed or made
unreadable changes it), with ansinh's version and source files, Python's version and the limits
in force. Computing the key reads the files once, at several hundred megabytes a second; it
never serves stale data, and needs none of PyYAML or pydantic.

An entry is written after the command has printed its answer, by a forked process that first
checks that the files did not change while they were read, into a temporary file renamed into
place: a reader sees a whole entry or none. A pickle is code, so the cache is used only in a
directory that belongs to the user and that no one else can write to.
"""

from __future__ import annotations

import contextlib
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
from ansinh.files.listing import AREAS_FILE, INDICATORS_FILE, project_files
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
    for part in (__version__, _source_stamp(), sys.version, repr(limits), str(root)):
        digest.update(part.encode() + b"\0")
    plans, observations, bases = project_files(root)
    for name in (INDICATORS_FILE, AREAS_FILE, *plans, *observations, *bases):
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
        try:  # the child: out of the terminal's session, so that closing it does not stop this
            os.setsid()
            _write_all(work)
        finally:
            os._exit(0)
    _write_all(work)


def _write_all(work: list[tuple[Path, bytes, Path, Limits, Project]]) -> None:
    for entry, key, root, limits, project in work:
        # A cache that cannot be written (a full disk, a read-only home) is only a slower next run.
        with contextlib.suppress(Exception):
            _write(entry, key, root, limits, project)


def _write(entry: Path, key: bytes, root: Path, limits: Limits, project: Project) -> None:
    if files_key(root, limits) != key:
        return  # a file changed while it was being read: what was read matches neither state
    if not project.warnings_checked:  # read for errors only: the entry holds everything
        project = _load_files(root, limits, None)
        if files_key(root, limits) != key:
            return
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
