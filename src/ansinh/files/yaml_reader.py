"""Read a YAML file into plain values, and find where its fields were written.

PyYAML's loaders keep the last of two equal keys and resolve ``27.50`` to a float; ansinh needs
both to be otherwise (SPEC sections 2 and 4), so this module builds values from libyaml's event
stream itself. Plain scalars are read as JSON reads them: ``true``, ``false``, ``null`` (and
``~`` or nothing), and numbers, kept as ``PlainNumber`` — their text, digits as written;
``yes``, ``no``, ``True`` and dates stay text.

Hostile files end in a located error, never a hang: size, flow nesting (libyaml is quadratic in
it) and aliases are checked before or while the events are read. Problems of the reading itself
(syntax, duplicate keys) carry their line at once; those found later at a field path are placed
by ``locate_paths``, a second pass made only for files that have problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ansinh.files.limits import LIMITS, Limits
from ansinh.i18n import Text, t
from ansinh.numbers import PlainNumber
from ansinh.problems import Problem

try:  # libyaml's parser is many times faster; PyYAML's pure-Python one reads the same events.
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - wheels ship libyaml
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]

_NULLS = frozenset({"", "~", "null"})
_BOOLS = {"true": True, "false": False}
# Numbers as JSON writes them; other spellings (+5, .5, 0x1F) stay text.
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_STR_TAGS = frozenset({"!", "tag:yaml.org,2002:str"})
_FLOW_BRACKETS = re.compile(r"[\[\]{}]")
_MERGE = "<<"


@dataclass(slots=True)
class YamlDocument:
    """A YAML file read into plain values, and the problems found reading it."""

    file: str
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    readable: bool = True  # False when the text could not be read as YAML at all
    # For lists validated with some items left out: the original index of each item kept.
    kept: dict[str, list[int]] = field(default_factory=dict)


Path = tuple[str | int, ...]


class Positions:
    """Where the fields of one file were written (1-based line and column), for the paths that
    problems were found at: each path is located at its deepest part that exists."""

    def __init__(self, values: dict[Path, tuple[int, int]], keys: dict[Path, tuple[int, int]]) -> None:
        self._values = values
        self._keys = keys

    def locate(self, path: Path, *, at_key: bool = False) -> tuple[int, int]:
        """With ``at_key`` a mapping entry is located at its key rather than its value."""
        for length in range(len(path), 0, -1):
            prefix = path[:length]
            if at_key and length == len(path) and prefix in self._keys:
                return self._keys[prefix]
            if prefix in self._values:
                return self._values[prefix]
        return self._values.get((), (1, 1))


def locate_paths(text: str, paths: list[Path], at_keys: list[Path] | None = None) -> Positions:
    """The positions of ``paths`` (and of the keys of ``at_keys``) in a text that the locating
    reader has read, found in one pass over libyaml's events that builds no values."""
    trie: dict[Any, Any] = {}
    for path in [*paths, *(at_keys or [])]:
        node = trie
        for step in path:
            node = node.setdefault(step, {})
    values: dict[Path, tuple[int, int]] = {}
    keys: dict[Path, tuple[int, int]] = {}
    # A stack of [kind, trie node, path, next index or pending key]; the trie node is None
    # outside the wanted paths, where nothing needs recording.
    stack: list[list[Any]] = []
    root_seen = False
    try:
        for event in yaml.parse(text, Loader=_EventLoader):
            kind = type(event)
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                _advance(stack)
                continue
            if kind not in (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent):
                continue
            mark = event.start_mark
            here = (mark.line + 1, mark.column + 1)
            if not stack:
                if root_seen:
                    break  # a second document: the reader has reported it
                root_seen = True
                node, path = trie, ()
                values[()] = here
            else:
                frame = stack[-1]
                if frame[0] == "map" and frame[3] is None:  # this event is a key
                    key = event.value if kind is yaml.ScalarEvent else None
                    frame[3] = key
                    if frame[1] is not None and key in frame[1]:
                        keys[(*frame[2], key)] = here
                    continue
                step = frame[3]
                parent = frame[1]
                node = parent.get(step) if parent is not None else None
                path = (*frame[2], step) if node is not None else ()
                if node is not None:
                    values[path] = here
            if kind is yaml.MappingStartEvent:
                stack.append(["map", node, path, None])
            elif kind is yaml.SequenceStartEvent:
                stack.append(["seq", node, path, 0])
            else:
                _advance(stack)
    except yaml.YAMLError:
        pass  # positions up to the error are all there is; the reader reported the error
    return Positions(values, keys)


def _advance(stack: list[list[Any]]) -> None:
    """After a value: a sequence moves to its next index, a mapping waits for its next key."""
    if stack:
        frame = stack[-1]
        if frame[0] == "seq":
            frame[3] += 1
        else:
            frame[3] = None


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
    document.data = builder.result
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
    """A collection being built, and for a mapping the key awaiting its value."""

    value: Any
    anchor: str | None
    size: int = 1
    key: str | None = None
    key_position: tuple[int, int] | None = None
    expecting_key: bool = True
    key_lines: dict[str, int] | None = None
    merges: list[dict[str, Any]] | None = None


class _Builder:
    """Turns libyaml's events into values, checking duplicates, depth and alias expansion."""

    def __init__(self, file: str, limits: Limits, problems: list[Problem]) -> None:
        self.file = file
        self.limits = limits
        self.problems = problems
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.aliases = 0
        self.expanded = 0
        self.documents = 0
        self.result: Any = None

    def fail(self, code: str, text: Any, event: Any) -> None:
        mark = event.start_mark
        self.problems.append(Problem(code, text, self.file, mark.line + 1, mark.column + 1))
        raise _Stop

    def run(self, events: Any) -> None:
        scalar, start, end, alias = self.scalar, self.start, self.end, self.alias
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                scalar(event)
            elif kind is yaml.MappingStartEvent:
                start(event, True)
            elif kind is yaml.SequenceStartEvent:
                start(event, False)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                end()
            elif kind is yaml.AliasEvent:
                alias(event)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self.fail("yaml-unsupported", t("yaml.several_documents"), event)

    def check_tag(self, event: Any, allowed: frozenset[str]) -> None:
        tag = event.tag
        if tag is not None and tag not in allowed:
            self.fail("yaml-unsupported", t("yaml.tag", tag=tag), event)

    def scalar(self, event: Any) -> None:
        if event.tag is not None:
            self.check_tag(event, _STR_TAGS)
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.expecting_key and frame.key_lines is not None:
            self.take_key(frame, event.value, event)
            return
        plain = event.tag is None and not event.style
        value = _resolve_plain(event.value) if plain else event.value
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1)
        self.add(value, 1, event)

    def take_key(self, frame: _Frame, key: Any, event: Any) -> None:
        if not isinstance(key, str):
            self.fail("yaml-unsupported", t("yaml.key_not_text"), event)
        mark = event.start_mark
        frame.key, frame.key_position, frame.expecting_key = key, (mark.line + 1, mark.column + 1), False

    def start(self, event: Any, is_mapping: bool) -> None:
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.expecting_key and frame.key_lines is not None:
            self.fail("yaml-unsupported", t("yaml.key_not_text"), event)
        if event.tag is not None:
            self.check_tag(event, frozenset())
        if len(self.stack) >= self.limits.yaml_depth:
            self.fail("yaml-too-deep", t("yaml.too_deep", limit=self.limits.yaml_depth), event)
        if is_mapping:
            self.stack.append(_Frame({}, event.anchor, key_lines={}))
        else:
            self.stack.append(_Frame([], event.anchor))

    def end(self) -> None:
        frame = self.stack.pop()
        if frame.merges:
            self.apply_merges(frame)
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.value, frame.size)
        self.add(frame.value, frame.size, None)

    def alias(self, event: Any) -> None:
        self.aliases += 1
        if self.aliases > self.limits.yaml_aliases:
            self.fail("yaml-too-many-aliases", t("yaml.aliases", limit=self.limits.yaml_aliases), event)
        if event.anchor not in self.anchors:
            self.fail("yaml-syntax", t("yaml.unknown_alias", name=event.anchor), event)
        value, size = self.anchors[event.anchor]
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.expecting_key and frame.key_lines is not None:
            self.take_key(frame, value, event)
            return
        # An alias shares its anchor's value; counting what it would expand to stops alias bombs
        # before a later step walks the shared values over and over.
        self.expanded += size
        if self.expanded > self.limits.yaml_expanded_nodes:
            self.fail("yaml-too-many-aliases", t("yaml.expansion", limit=self.limits.yaml_expanded_nodes), event)
        self.add(value, size, event)

    def add(self, value: Any, size: int, event: Any) -> None:
        if not self.stack:
            self.result = value
            return
        frame = self.stack[-1]
        frame.size += size
        if frame.key_lines is None:
            frame.value.append(value)
            return
        key, key_position = frame.key, frame.key_position
        assert key is not None and key_position is not None
        frame.expecting_key, frame.key = True, None
        if key == _MERGE:
            self.take_merge(frame, value, key_position)
            return
        if key in frame.key_lines:
            self.problems.append(
                Problem(
                    "duplicate-key",
                    t("yaml.duplicate_key", key=key, first_line=str(frame.key_lines[key])),
                    self.file,
                    key_position[0],
                    key_position[1],
                    _dotted(self.path_of_frame(), key),
                )
            )
            return  # the first value stays: the later one is the error
        frame.value[key] = value
        frame.key_lines[key] = key_position[0]

    def take_merge(self, frame: _Frame, value: Any, key_position: tuple[int, int]) -> None:
        for source in value if isinstance(value, list) else [value]:
            if not isinstance(source, dict):
                self.problems.append(
                    Problem("wrong-type", t("yaml.merge"), self.file, key_position[0], key_position[1])
                )
                continue
            frame.merges = [*(frame.merges or []), source]

    def apply_merges(self, frame: _Frame) -> None:
        """YAML merge keys: a key written in the mapping wins over merged ones; earlier merges win."""
        for source in frame.merges or []:
            for key, value in source.items():
                if key not in frame.value:
                    frame.value[key] = value

    def path_of_frame(self) -> str:
        """The field path of the mapping being built, e.g. ``targets[0].baseline``."""
        path = ""
        for parent in self.stack[:-1]:
            if parent.key_lines is None:
                path += f"[{len(parent.value)}]"
            else:
                path = f"{path}.{parent.key}" if path else str(parent.key)
        return path


def _dotted(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def _resolve_plain(text: str) -> Any:
    """A plain scalar: null, a boolean, a number kept as its text, or text."""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if _NUMBER.fullmatch(text):
        return PlainNumber(text)
    return text
