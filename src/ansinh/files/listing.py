"""Where a project's files are: its folder, found from the options or upwards, and the files of
each kind in it. Kept free of heavy imports: every command starts here, and the cache decides
from this listing whether the files need reading at all."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

INDICATORS_FILE = "targets/indicators.yaml"
AREAS_FILE = "targets/areas.yaml"
YAML_SUFFIXES = (".yaml", ".yml")


class RootError(Exception):
    """No project folder could be found; the message says where ansinh looked."""


def find_root(option: str | None, cwd: Path, environ: Mapping[str, str] | None = None) -> Path:
    """``--root``, else ``ANSINH_ROOT``, else the nearest folder upwards holding ``targets/``."""
    env = os.environ if environ is None else environ
    for chosen, origin in ((option, "--root"), (env.get("ANSINH_ROOT"), "ANSINH_ROOT")):
        if chosen:
            root = Path(chosen).expanduser()
            if not (root / "targets").is_dir():
                raise RootError(f"{origin} {chosen}: no targets/ folder there")
            return root.resolve()
    for folder in (cwd, *cwd.parents):
        if (folder / "targets").is_dir():
            return folder
    raise RootError(f"no project folder: no targets/ in {cwd} or above (use --root DIR or ANSINH_ROOT)")


def project_files(root: Path) -> tuple[list[str], list[str], list[str]]:
    """The plan, observation and base files of a root, as root-relative POSIX paths."""
    plans = _listed(root / "targets", YAML_SUFFIXES, exclude={INDICATORS_FILE, AREAS_FILE}, root=root)
    observations = _listed(root / "data", (".csv",), exclude=set(), root=root)
    bases = _listed(root / "data" / "bases", (".csv",), exclude=set(), root=root)
    return plans, observations, bases


def _listed(folder: Path, suffixes: tuple[str, ...], exclude: set[str], root: Path) -> list[str]:
    if not folder.is_dir():
        return []
    names = []
    for entry in sorted(folder.iterdir()):
        # Skip editors' and office suites' lock and backup files (.~lock.x.csv#, ~$x.csv).
        if entry.name.startswith((".", "~")) or not entry.is_file():
            continue
        if entry.suffix.lower() in suffixes:
            relative = entry.relative_to(root).as_posix()
            if relative not in exclude:
                names.append(relative)
    return names
