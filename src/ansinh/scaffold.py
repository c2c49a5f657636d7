"""``ansinh init``: write a small, commented example project that passes ``ansinh validate``.

It never overwrites a file, and it is all or nothing: the files are written in full to a staging
folder first and then linked into place, and an interruption removes what was placed so far.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from importlib import resources
from pathlib import Path

from ansinh.render.json_schema import KINDS, schema_of
from ansinh.render.json_text import dumps

SCHEMA_FOLDER = ".ansinh/schema"


class ScaffoldError(Exception):
    """The example cannot be written; ``existing`` lists the files that are in the way."""

    def __init__(self, existing: list[str]) -> None:
        super().__init__(", ".join(existing))
        self.existing = existing


# The template's files that name its area, and the id they name it by.
_NAMING_THE_AREA = ("targets/example-plan.yaml", "data/observations.csv", "data/bases/population.csv")
_TEMPLATE_AREA = "hanoi"


def example_files(province: str | None = None) -> dict[str, bytes]:
    """The example project: the template shipped with ansinh, and the editors' schemas. With
    ``province`` (a name or GSO code, as ``ansinh areas`` takes it), its areas file is that
    province's official units, and the example plan is set for that province."""
    files: dict[str, bytes] = {}
    template = resources.files("ansinh") / "template"
    stack = [(template, "")]
    while stack:
        folder, prefix = stack.pop()
        for entry in folder.iterdir():
            name = f"{prefix}{entry.name}"
            if entry.is_dir():
                stack.append((entry, f"{name}/"))
            elif not entry.name.startswith((".", "__")):
                files[name] = entry.read_bytes()
    for kind in KINDS:
        files[f"{SCHEMA_FOLDER}/{kind}.json"] = (dumps(schema_of(kind)) + "\n").encode()
    if province is not None:
        _official_areas(files, province)
    return dict(sorted(files.items()))


def _official_areas(files: dict[str, bytes], province: str) -> None:
    """The province's official areas in place of the template's one area (an unknown name is a
    ``UsageError``), and the example's rows moved to the province the plan is for."""
    import re
    import shlex

    from ansinh.api import official_province
    from ansinh.official_units import areas_yaml, plan_area

    match = official_province(province)
    command = f"ansinh init --province {shlex.quote(province)}"
    files["targets/areas.yaml"] = areas_yaml(match, "both", command).encode("utf-8")
    area = plan_area(match).encode("ascii")
    for name in _NAMING_THE_AREA:
        files[name] = re.sub(rb"\b" + _TEMPLATE_AREA.encode() + rb"\b", area, files[name])


def create_project(target: Path, province: str | None = None) -> list[str]:
    """Write the example into ``target`` (created if needed), with ``province``'s official areas
    if one is named; the relative paths written."""
    files = example_files(province)
    existing = sorted(name for name in files if (target / name).exists())
    if existing:
        raise ScaffoldError(existing)
    target.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".ansinh-init-", dir=target))
    placed: list[Path] = []
    try:
        for name, data in files.items():
            staged = staging / name
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_bytes(data)
        for name in files:
            final = target / name
            final.parent.mkdir(parents=True, exist_ok=True)
            _place(staging / name, final)
            placed.append(final)
    except BaseException:
        for path in placed:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return list(files)


def _place(staged: Path, final: Path) -> None:
    """Link a complete file into place; linking fails rather than overwrite."""
    try:
        os.link(staged, final)
    except FileExistsError:
        raise ScaffoldError([str(final)]) from None
    except OSError:  # a file system without hard links
        if final.exists():
            raise ScaffoldError([str(final)]) from None
        os.replace(staged, final)
