"""``ansinh validate``: check the files, as a person or a CI job wants to read the result."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ansinh.cli.common import ExitCode, UsageError
from ansinh.language import Lang
from ansinh.render.problem_formats import ProblemFormat, render_github, render_json, render_text
from ansinh.text import t


def run(root: Path, lang: Lang, paths: list[Path], strict: bool, output: ProblemFormat | None) -> int:
    from ansinh.files import cache
    from ansinh.render.progress import LoadProgress

    selected = [_inside(root, path) for path in paths]
    progress = LoadProgress(lang)
    try:
        project = cache.load(root, progress=progress)
    finally:
        progress.close()
    problems = project.problems
    files = project.files
    if selected:
        problems = [problem for problem in problems if _selected(problem.file, selected)]
        files = [file for file in files if _selected(file, selected)]
    if output is None:
        # As yamllint does: annotations when running in GitHub Actions, text otherwise.
        output = ProblemFormat.GITHUB if os.environ.get("GITHUB_ACTIONS") == "true" else ProblemFormat.TEXT
    if output is ProblemFormat.JSON:
        render_json(problems, lang, sys.stdout)
    elif output is ProblemFormat.GITHUB:
        render_github(problems, lang, sys.stdout, lambda file: _for_github(root, file))
    else:
        render_text(problems, len(files), lang, sys.stderr)
    has_errors = any(problem.is_error for problem in problems)
    has_warnings = any(not problem.is_error for problem in problems)
    return ExitCode.FILE_ERRORS if has_errors or (strict and has_warnings) else ExitCode.OK


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


def _for_github(root: Path, file: str) -> str:
    """Annotations name files relative to the workspace; fall back to the root-relative path."""
    workspace = Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd()).resolve()
    try:
        return (root / file).resolve().relative_to(workspace).as_posix()
    except ValueError:
        return file
