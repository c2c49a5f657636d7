"""Read a YAML file into plain values, remembering where every value and key was written.

PyYAML's loaders keep the last of two equal keys and resolve ``27.50`` to a float; ansinh needs
both to be otherwise (SPEC sections 2 and 4), so this module builds values from libyaml's event
stream itself. It reads YAML 1.2's core schema: ``true``/``false``, ``null``/``~``, and numbers,
which become ``Decimal`` with the digits as written; ``yes``, ``no`` and dates stay text.

Hostile files end in a located error, never a hang: size, flow nesting (libyaml is quadratic in
it) and aliases are checked before or while the events are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml

from ansinh.files.limits import LIMITS, Limits
from ansinh.i18n import Text, t
from ansinh.problems import Problem

try:  # libyaml's parser is many times faster; PyYAML's pure-Python one reads the same events.
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - wheels ship libyaml
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)")
_SPECIAL_FLOATS = {".inf", ".Inf", ".INF", "+.inf", "-.inf", ".nan", ".NaN", ".NAN"}
_STR_TAGS = frozenset({"!", "tag:yaml.org,2002:str"})
_FLOW_BRACKETS = re.compile(r"[\[\]{}]")
_MERGE = "<<"


@dataclass(slots=True)
class Where:
    """Where a value was written (1-based line and column), with the places of what it holds."""

    line: int
    column: int
    items: list[Where] | None = None
    keys: dict[str, tuple[int, int, Where]] | None = None  # key -> (key line, key column, value)

    def locate(self, path: tuple[str | int, ...], *, at_key: bool = False) -> tuple[int, int]:
        """The line and column of ``path``, or of the deepest part of it that exists.
        With ``at_key`` a mapping entry is located at its key rather than its value."""
        here: Where = self
        position = (self.line, self.column)
        for step in path:
            if isinstance(step, str) and here.keys is not None and step in here.keys:
                key_line, key_column, here = here.keys[step]
                position = (key_line, key_column) if at_key else (here.line, here.column)
            elif isinstance(step, int) and here.items is not None and 0 <= step < len(here.items):
                here = here.items[step]
                position = (here.line, here.column)
            else:
                break
        return position


@dataclass(slots=True)
class YamlDocument:
    """A YAML file read into plain values, with their positions and the problems found."""

    file: str
    data: Any = None
    where: Where = field(default_factory=lambda: Where(1, 1))
    problems: list[Problem] = field(default_factory=list)

    readable: bool = True  # False when the text could not be read as YAML at all
    # For lists validated with some items left out: the original index of each item kept.
    kept: dict[str, list[int]] = field(default_factory=dict)

    def indexed(self, name: str, items: list[Any]) -> list[tuple[int, Any]]:
        """The items of a validated list with their index in the file."""
        return list(zip(self.kept.get(name, range(len(items))), items, strict=True))


class _Stop(Exception):
    """Reading cannot go on; the problem has been recorded."""


def read_yaml_text(text: str, file: str, limits: Limits = LIMITS) -> YamlDocument:
    """Build the values of a one-document YAML text, or the problems that prevent it."""
    document = YamlDocument(file)
    depth_line = _excessive_flow_depth(text, limits.yaml_depth)
    if depth_line is not None:
        document.problems.append(
            Problem("yaml-too-deep", t("yaml.too_deep", limit=limits.yaml_depth), file, depth_line, 1)
        )
        document.readable = False
        return document
    builder = _Builder(file, limits, document.problems)
    try:
        builder.run(yaml.parse(text, Loader=_EventLoader))
    except _Stop:
        document.readable = False
        return document
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        detail = " ".join(part for part in (error.context, error.problem) if part)
        if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
            detail += " (a tab)"
        document.problems.append(
            Problem("yaml-syntax", t("yaml.syntax", detail=detail, hint=_syntax_hint(detail)), file, line, column)
        )
        document.readable = False
        return document
    except yaml.YAMLError as error:  # reader errors (control characters) carry a position
        line, column = _reader_position(error, text)
        document.problems.append(
            Problem(
                "yaml-syntax",
                t("yaml.syntax", detail=str(error).split("\n")[0], hint=_syntax_hint(str(error))),
                file,
                line,
                column,
            )
        )
        document.readable = False
        return document
    document.data, document.where = builder.result
    return document


def _char_at(text: str, line: int, column: int) -> str:
    """The character at a 0-based line and column (libyaml counts characters, not bytes)."""
    start = 0
    for _ in range(line):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    return text[start + column : start + column + 1]


def _excessive_flow_depth(text: str, limit: int) -> int | None:
    """The line where ``[`` and ``{`` first nest deeper than ``limit``, checked before libyaml
    sees the text (its flow parser slows quadratically with depth). Brackets inside quoted
    text are counted too; they only matter to files already near the limit."""
    depth = 0
    for match in _FLOW_BRACKETS.finditer(text):
        if match.group() in "[{":
            depth += 1
            if depth > limit:
                return text.count("\n", 0, match.start()) + 1
        elif depth:
            depth -= 1
    return None


_HINTS = (
    ("(a tab)", "yaml.hint.tabs"),
    ("mapping values are not allowed", "yaml.hint.colon"),
    ("could not find expected ':'", "yaml.hint.key_value"),
    ("found unknown escape", "yaml.hint.escape"),
    ("control characters are not allowed", "yaml.hint.control"),
    ("special characters are not allowed", "yaml.hint.control"),
)


def _syntax_hint(detail: str) -> Text | str:
    """What to do about libyaml's commonest complaints; its own words stay in English."""
    for fragment, key in _HINTS:
        if fragment in detail:
            return t(key)
    return ""


def _reader_position(error: yaml.YAMLError, text: str) -> tuple[int | None, int | None]:
    position = getattr(error, "position", None)
    if not isinstance(position, int):
        return None, None
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


@dataclass(slots=True)
class _Frame:
    """A collection being built: its value, positions, and for a mapping the key awaiting a value."""

    value: Any
    where: Where
    anchor: str | None
    size: int = 1
    key: str | None = None
    key_position: tuple[int, int] | None = None
    expecting_key: bool = True
    merges: list[tuple[dict[str, Any], Where]] = field(default_factory=list)


class _Builder:
    """Turns libyaml's events into values, checking duplicates, depth and alias expansion."""

    def __init__(self, file: str, limits: Limits, problems: list[Problem]) -> None:
        self.file = file
        self.limits = limits
        self.problems = problems
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, Where, int]] = {}
        self.aliases = 0
        self.expanded = 0
        self.documents = 0
        self.result: tuple[Any, Where] = (None, Where(1, 1))

    def fail(self, code: str, text: Any, event: Any) -> None:
        mark = event.start_mark
        self.problems.append(Problem(code, text, self.file, mark.line + 1, mark.column + 1))
        raise _Stop

    def run(self, events: Any) -> None:
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self.scalar(event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self.start(event, kind is yaml.MappingStartEvent)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self.end()
            elif kind is yaml.AliasEvent:
                self.alias(event)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self.fail("yaml-unsupported", t("yaml.several_documents"), event)

    def position(self, event: Any) -> Where:
        mark = event.start_mark
        return Where(mark.line + 1, mark.column + 1)

    def check_tag(self, event: Any, allowed: frozenset[str]) -> None:
        tag = event.tag
        if tag is not None and tag not in allowed:
            self.fail("yaml-unsupported", t("yaml.tag", tag=tag), event)

    def scalar(self, event: Any) -> None:
        frame = self.stack[-1] if self.stack else None
        if frame is not None and isinstance(frame.value, dict) and frame.expecting_key:
            self.check_tag(event, _STR_TAGS)
            self.take_key(frame, event.value, event)
            return
        self.check_tag(event, _STR_TAGS)
        plain = event.tag is None and event.style in (None, "")
        value = _resolve_plain(event.value) if plain else event.value
        where = self.position(event)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, where, 1)
        self.add(value, where, 1, event)

    def take_key(self, frame: _Frame, key: Any, event: Any) -> None:
        if not isinstance(key, str):
            self.fail("yaml-unsupported", t("yaml.key_not_text"), event)
        mark = event.start_mark
        frame.key, frame.key_position, frame.expecting_key = key, (mark.line + 1, mark.column + 1), False

    def start(self, event: Any, is_mapping: bool) -> None:
        frame = self.stack[-1] if self.stack else None
        if frame is not None and isinstance(frame.value, dict) and frame.expecting_key:
            self.fail("yaml-unsupported", t("yaml.key_not_text"), event)
        self.check_tag(event, frozenset())
        if len(self.stack) >= self.limits.yaml_depth:
            self.fail("yaml-too-deep", t("yaml.too_deep", limit=self.limits.yaml_depth), event)
        where = self.position(event)
        if is_mapping:
            where.keys = {}
            self.stack.append(_Frame({}, where, event.anchor))
        else:
            where.items = []
            self.stack.append(_Frame([], where, event.anchor))

    def end(self) -> None:
        frame = self.stack.pop()
        if isinstance(frame.value, dict):
            self.apply_merges(frame)
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.value, frame.where, frame.size)
        self.add(frame.value, frame.where, frame.size, None)

    def alias(self, event: Any) -> None:
        self.aliases += 1
        if self.aliases > self.limits.yaml_aliases:
            self.fail("yaml-too-many-aliases", t("yaml.aliases", limit=self.limits.yaml_aliases), event)
        if event.anchor not in self.anchors:
            self.fail("yaml-syntax", t("yaml.unknown_alias", name=event.anchor), event)
        value, where, size = self.anchors[event.anchor]
        frame = self.stack[-1] if self.stack else None
        if frame is not None and isinstance(frame.value, dict) and frame.expecting_key:
            self.take_key(frame, value, event)
            return
        # An alias shares its anchor's value; counting what it would expand to stops alias bombs
        # before a later step walks the shared values over and over.
        self.expanded += size
        if self.expanded > self.limits.yaml_expanded_nodes:
            self.fail("yaml-too-many-aliases", t("yaml.expansion", limit=self.limits.yaml_expanded_nodes), event)
        self.add(value, where, size, event)

    def add(self, value: Any, where: Where, size: int, event: Any) -> None:
        if not self.stack:
            self.result = (value, where)
            return
        frame = self.stack[-1]
        frame.size += size
        if isinstance(frame.value, list):
            frame.value.append(value)
            assert frame.where.items is not None
            frame.where.items.append(where)
            return
        key, key_position = frame.key, frame.key_position
        assert key is not None and key_position is not None and frame.where.keys is not None
        frame.expecting_key, frame.key = True, None
        if key == _MERGE:
            self.take_merge(frame, value, where, key_position)
            return
        if key in frame.value:
            first_line = frame.where.keys[key][0]
            self.problems.append(
                Problem(
                    "duplicate-key",
                    t("yaml.duplicate_key", key=key, first_line=str(first_line)),
                    self.file,
                    key_position[0],
                    key_position[1],
                    _dotted(self.path_of_frame(), key),
                )
            )
            return  # the first value stays: the later one is the error
        frame.value[key] = value
        frame.where.keys[key] = (key_position[0], key_position[1], where)

    def take_merge(self, frame: _Frame, value: Any, where: Where, key_position: tuple[int, int]) -> None:
        sources = value if isinstance(value, list) else [value]
        places = where.items if isinstance(value, list) and where.items is not None else [where]
        for source, place in zip(sources, places, strict=False):
            if not isinstance(source, dict):
                self.problems.append(
                    Problem("wrong-type", t("yaml.merge"), self.file, key_position[0], key_position[1])
                )
                continue
            frame.merges.append((source, place))

    def apply_merges(self, frame: _Frame) -> None:
        """YAML merge keys: a key written in the mapping wins over merged ones; earlier merges win."""
        assert frame.where.keys is not None
        for source, place in frame.merges:
            for key, value in source.items():
                if key not in frame.value:
                    frame.value[key] = value
                    assert place.keys is not None
                    frame.where.keys[key] = place.keys[key]

    def path_of_frame(self) -> str:
        """The field path of the mapping being built, e.g. ``targets[0].baseline``."""
        path = ""
        for parent in self.stack[:-1]:
            if isinstance(parent.value, list):
                path += f"[{len(parent.value)}]"
            else:
                path = f"{path}.{parent.key}" if path else str(parent.key)
        return path


def _dotted(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _resolve_plain(text: str) -> Any:
    """YAML 1.2 core schema, with numbers kept as written."""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if _NUMBER.fullmatch(text):
        return Decimal(text)
    if text in _SPECIAL_FLOATS:
        return Decimal("NaN") if text.lower().endswith("nan") else Decimal("Infinity")
    return text
