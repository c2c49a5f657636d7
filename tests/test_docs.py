"""The documentation and the message catalogue keep up with the code."""

from __future__ import annotations

import re
import string

from ansinh.messages import MESSAGES
from ansinh.problems import CODES
from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
SOURCES = [path.read_text(encoding="utf-8") for path in (REPO / "src" / "ansinh").rglob("*.py")]


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_problem_code_is_documented() -> None:
    for code in CODES:
        assert f"| `{code}` |" in README, code


def test_every_message_exists_in_both_languages_with_the_same_placeholders() -> None:
    for key, forms in MESSAGES.items():
        assert set(forms) == {"en", "vi"}, key
        assert placeholders(forms["vi"]) <= placeholders(forms["en"]), key
        assert forms["vi"].count("|") == forms["en"].count("|") or "|" in forms["en"], key


def test_every_literal_message_key_in_the_code_exists() -> None:
    used = {key for source in SOURCES for key in re.findall(r"\bt\(\s*\"([a-z_.]+)\"", source)}
    assert used, "the scan found no keys"
    missing = sorted(key for key in used if key not in MESSAGES)
    assert not missing


def test_message_families_cover_their_domains() -> None:
    for unit in ("percent", "per_1k", "per_10k", "per_100k", "count"):
        assert f"unit.{unit}" in MESSAGES
    for how in ("census", "estimate", "projection", "derived", "known", "interpolated", "extrapolated"):
        assert f"base.how.{how}" in MESSAGES


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
