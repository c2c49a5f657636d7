"""Write README.md's generated tables from the code they document, so that they cannot drift.

Each table lives between two markers, ``<!-- NAME:start -->`` and ``<!-- NAME:end -->``; the
lines between them are replaced and nothing else is touched.

    .venv/bin/python scripts/readme_tables.py           # exit 1 and name the stale tables
    .venv/bin/python scripts/readme_tables.py --write   # rewrite them

``tests/test_docs.py`` fails while a table differs from what this writes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
COMMAND = ".venv/bin/python scripts/readme_tables.py --write"


def problem_codes() -> str:
    """The problem catalogue of ``ansinh.problems``: in English, then in Vietnamese, folded."""
    from ansinh.problems import catalogue_markdown

    return (
        f"<!-- generated from src/ansinh/problems.py by {COMMAND}: edit the catalogue, not this table -->\n"
        f"{catalogue_markdown('en')}\n"
        "<details>\n<summary>Bằng tiếng Việt: các mã lỗi và cảnh báo</summary>\n\n"
        f"{catalogue_markdown('vi')}\n"
        "</details>\n"
    )


TABLES: dict[str, Callable[[], str]] = {"problem-codes": problem_codes}


def region(text: str, name: str) -> tuple[int, int]:
    """Where the lines between the markers of ``name`` start and end in ``text``."""
    start, end = f"<!-- {name}:start -->\n", f"<!-- {name}:end -->"
    if text.count(start) != 1 or text.count(end) != 1:
        raise SystemExit(f"README.md must hold '{start.strip()}' and '{end}' once each")
    first = text.index(start) + len(start)
    last = text.index(end)
    if last < first:
        raise SystemExit(f"README.md has '{end}' before '{start.strip()}'")
    return first, last


def current(text: str, name: str) -> str:
    first, last = region(text, name)
    return text[first:last]


def rewritten(text: str) -> str:
    for name, table in TABLES.items():
        first, last = region(text, name)
        text = text[:first] + table() + text[last:]
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--write", action="store_true", help="rewrite the stale tables in README.md")
    options = parser.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    stale = [name for name, table in TABLES.items() if current(text, name) != table()]
    if options.write:
        if stale:
            README.write_text(rewritten(text), encoding="utf-8")
        print(f"README.md: rewrote {', '.join(stale)}" if stale else "README.md: up to date")
        return 0
    if stale:
        print(f"README.md: stale {', '.join(stale)}: run {COMMAND}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
