"""The documentation and the message catalogue keep up with the code."""

from __future__ import annotations

import ast
import re
import runpy
import string

from ansinh.messages import MESSAGES
from ansinh.problems import CODES
from ansinh.render.report_formats import COLUMNS
from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
SOURCE_FILES = sorted((REPO / "src" / "ansinh").rglob("*.py"))
SOURCES = [path.read_text(encoding="utf-8") for path in SOURCE_FILES]

# Message keys built at run time from a prefix and a value, with every value they are built with.
DYNAMIC_FAMILIES: dict[str, tuple[str, ...]] = {
    # render/units.py: a row's status, an ansinh.engine.Status
    "status.": (
        "achieved",
        "on_track",
        "no_trend",
        "needs_acceleration",
        "off_track",
        "regressing",
        "missed",
        "no_data",
    ),
    # render/explain.py: the status a growth ratio decided, with the UN's bands (SPEC 11)
    "why.growth_": ("on_track", "needs_acceleration", "off_track", "regressing"),
    # render/units.py: how final an observation is (SPEC 9)
    "observation_status.": ("estimate", "preliminary", "final"),
    # render/report_formats.py: the columns of the table and of Markdown
    "heading.": COLUMNS,
    # checks/consistency.py: a value in its indicator's unit
    "unit.": ("percent", "per_1k", "per_10k", "per_100k", "count"),
    # render/units.py: a rate's suffix in tables
    "unit.suffix.": ("percent", "per_1k", "per_10k", "per_100k"),
    # checks/consistency.py and render/explain.py: a base figure's kind, or how it was obtained
    "base.how.": ("census", "estimate", "projection", "derived", "known", "interpolated", "extrapolated"),
    # checks/consistency.py: what the usual bases count
    "base.noun.": ("population", "households", "labour_force", "communes"),
    # files/listing.py: why an entry of a folder is not read (the others are written whole)
    "file.not_read.": ("excel", "not_yaml", "dangling_link", "special"),
    # render/catalogue_records.py: ansinh list's kinds and columns
    "list.": ("indicators", "areas", "plans"),
    "column.": (
        "id",
        "name",
        "unit",
        "better",
        "kind",
        "counts",
        "base",
        "level",
        "parent",
        "area",
        "start",
        "end",
        "targets",
        "file",
    ),
}

# Vietnamese leaves out an English placeholder where what it holds is English only: a field's
# description in the schema.
VIETNAMESE_LEAVES_OUT = {"field.missing": {"what"}}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_problem_code_is_documented() -> None:
    for code in CODES:
        assert f"| `{code}` |" in README, code


def test_the_readme_table_of_problem_codes_is_the_catalogue() -> None:
    """README's table is written from ``ansinh.problems.CODES`` by ``scripts/readme_tables.py``."""
    tables = runpy.run_path(str(REPO / "scripts" / "readme_tables.py"))
    for name, table in tables["TABLES"].items():
        assert tables["current"](README, name) == table(), (
            f"README.md's {name} table differs from the code: run {tables['COMMAND']}"
        )


def test_every_message_exists_in_both_languages_with_the_same_placeholders() -> None:
    for key, forms in MESSAGES.items():
        assert set(forms) == {"en", "vi"}, key
        left_out = VIETNAMESE_LEAVES_OUT.get(key, set())
        assert placeholders(forms["vi"]) == placeholders(forms["en"]) - left_out, key
        assert forms["vi"].count("|") == forms["en"].count("|") or "|" in forms["en"], key
    for key, names in VIETNAMESE_LEAVES_OUT.items():
        assert names <= placeholders(MESSAGES[key]["en"]), key


def _strings_and_prefixes() -> tuple[set[str], set[str]]:
    """Every string constant of the source but the messages and the problem catalogue's lists,
    and the constant beginnings of f-strings such as ``f"status.{status.value}"``."""
    strings: set[str] = set()
    prefixes: set[str] = set()
    for path in SOURCE_FILES:
        if path.name == "messages.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = {
            id(node)
            for call in ast.walk(tree)
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "Code"
            for node in ast.walk(call)
        }
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                prefixes.add(str(node.values[0].value))
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
    return strings, prefixes


def test_every_message_is_used() -> None:
    """A key is used when the source holds it as a string (in ``t("key")``, or passed on and
    chosen: ``key = "a" if c else "b"``), or when it is a member of a family the source builds
    at run time (DYNAMIC_FAMILIES). An unused key is dead: delete it from ansinh.messages."""
    strings, prefixes = _strings_and_prefixes()
    families = {prefix for prefix in prefixes if re.fullmatch(r"[a-z_]+(\.[a-z_]+)*\.", prefix)}
    assert families <= DYNAMIC_FAMILIES.keys(), (
        f"keys built at run time from {sorted(families - DYNAMIC_FAMILIES.keys())}: list them in DYNAMIC_FAMILIES"
    )
    built = {prefix + member for prefix, members in DYNAMIC_FAMILIES.items() for member in members}
    unused = sorted(key for key in MESSAGES if key not in strings and key not in built)
    assert not unused, f"no source uses these messages: {unused}"


def test_every_literal_message_key_in_the_code_exists() -> None:
    used = {key for source in SOURCES for key in re.findall(r"\bt\(\s*\"([a-z_.]+)\"", source)}
    assert used, "the scan found no keys"
    missing = sorted(key for key in used if key not in MESSAGES)
    assert not missing


def test_message_families_cover_their_domains() -> None:
    from ansinh.engine import Status

    assert set(DYNAMIC_FAMILIES["status."]) == {status.value for status in Status}
    for prefix, members in DYNAMIC_FAMILIES.items():
        for member in members:
            assert f"{prefix}{member}" in MESSAGES, f"{prefix}{member}"


def test_every_command_and_option_is_in_the_readme() -> None:
    from typer.main import get_command

    from ansinh.cli.app import app

    group = get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert f"ansinh {name}" in README, name
        for parameter in command.params:
            for option in parameter.opts:
                if option.startswith("--"):
                    assert option in README, f"{name} {option}"
