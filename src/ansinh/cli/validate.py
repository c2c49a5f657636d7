"""``ansinh validate``: options in, ``ansinh.api.validate``, a problem renderer, an exit code out."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ansinh import api
from ansinh.cli.common import ExitCode
from ansinh.language import Lang
from ansinh.render.problem_formats import PROBLEM_RENDERERS, ProblemFormat, ProblemReport


def run(root: Path, lang: Lang, paths: list[Path], strict: bool, output: ProblemFormat | None) -> int:
    from ansinh.render.progress import LoadProgress

    progress = LoadProgress(lang)
    try:
        validation = api.validate(root, paths, progress=progress)
    finally:
        progress.close()
    if output is None:
        # As yamllint does: annotations when running in GitHub Actions, text otherwise.
        output = ProblemFormat.GITHUB if os.environ.get("GITHUB_ACTIONS") == "true" else ProblemFormat.TEXT
    report = ProblemReport(validation.problems, len(validation.files), lambda file: _for_github(root, file))
    PROBLEM_RENDERERS[output](report, lang, sys.stdout, sys.stderr)
    return ExitCode.FILE_ERRORS if validation.failed(strict=strict) else ExitCode.OK


def _for_github(root: Path, file: str) -> str:
    """Annotations name files relative to the workspace; fall back to the root-relative path."""
    workspace = Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd()).resolve()
    try:
        return (root / file).resolve().relative_to(workspace).as_posix()
    except ValueError:
        return file
