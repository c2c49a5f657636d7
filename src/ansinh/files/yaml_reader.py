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
from ansinh.files.yaml_simple import places_simple, read_simple, resolve_plain
from ansinh.problems import Path, Problem
from ansinh.text import Text, t

try:  # libyaml's parser is many times faster; PyYAML's pure-Python one reads the same events.
    from yaml import CSafeLoader as _EventLoader
    from yaml._yaml import CParser as _EventParser
except ImportError:  # pragma: no cover - wheels ship libyaml
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]

    def _EventParser(text: str) -> Any:  # type: ignore[no-redef]
        return _EventLoader(text)


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


def locate_paths(text: str, paths: list[Path], at_keys: list[Path] | None = None, *, quick: bool = True) -> Positions:
    """The positions of ``paths`` (and of the keys of ``at_keys``) in a text that the locating
    reader has read, found in one pass over libyaml's events that builds no values — or by the
    quick reader, for a text in its subset."""
    simple = places_simple(text, LIMITS.yaml_depth) if quick else None
    if simple is not None:
        return Positions(*simple)
    trie: dict[Any, Any] = {}
    for path in [*paths, *(at_keys or [])]:
        node = trie
        for step in path:
            node = node.setdefault(step, {})
    values: dict[Path, tuple[int, int]] = {}
    keys: dict[Path, tuple[int, int]] = {}
    # A stack of [trie node, path, sequence index or mapping key, a mapping awaits its value];
    # the trie node is None outside the wanted paths, where nothing needs recording.
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
            node: Any = None
            path: Path = ()
            if not stack:
                if root_seen:
                    break  # a second document: the reader has reported it
                root_seen = True
                node = trie
                values[()] = here
            else:
                frame = stack[-1]
                if isinstance(frame[2], str | None) and frame[3] is False:  # this event is a key
                    if kind is yaml.ScalarEvent:
                        frame[2] = event.value
                        if frame[0] is not None and event.value in frame[0]:
                            keys[(*frame[1], event.value)] = here
                    else:
                        frame[2] = None  # a key that is not text: the reader has reported it
                    if kind is yaml.ScalarEvent or kind is yaml.AliasEvent:
                        frame[3] = True
                    else:
                        stack.append([None, (), None, None])  # the key's own collection
                    continue
                step = frame[2]
                parent = frame[0]
                node = parent.get(step) if parent is not None else None
                if node is not None:
                    path = (*frame[1], step)
                    values[path] = here
            if kind is yaml.MappingStartEvent:
                stack.append([node, path, None, False])
            elif kind is yaml.SequenceStartEvent:
                stack.append([node, path, 0, None])
            else:
                _advance(stack)
    except yaml.YAMLError:
        pass  # positions up to the error are all there is; the reader reported the error
    return Positions(values, keys)


def _advance(stack: list[list[Any]]) -> None:
    """After a whole value: a sequence moves to its next index; a mapping whose key was a
    collection now awaits the value, and one that had its value awaits the next key."""
    if not stack:
        return
    frame = stack[-1]
    if frame[3] is None and isinstance(frame[2], int):  # a sequence
        frame[2] += 1
    elif frame[3] is False:  # the key was a collection
        frame[3] = True
    elif frame[3] is True:
        frame[2], frame[3] = None, False


class _Stop(Exception):
    """Reading cannot go on; the problem has been recorded."""


def read_yaml_text(text: str, file: str, limits: Limits = LIMITS, *, quick: bool = True) -> YamlDocument:
    """Build the values of a one-document YAML text, or the problems that prevent it. With
    ``quick`` a text in the quick reader's subset is read by it (the tests compare both ways)."""
    document = YamlDocument(file)
    simple = read_simple(text, limits.yaml_depth) if quick else None
    if simple is not None:  # the usual file, read quickly into the same values
        document.data = simple
        return document
    depth_line = _excessive_flow_depth(text, limits.yaml_depth)
    if depth_line is not None:
        document.problems.append(
            Problem("yaml-too-deep", t("yaml.too_deep", limit=limits.yaml_depth), file, depth_line, 1)
        )
        document.readable = False
        return document
    builder = _Builder(file, limits, document.problems)
    try:
        builder.run(text)
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


# A collection being built is a list, for speed: these are its slots.
_VALUE, _KEYS, _KEY, _KEY_MARK, _ANCHOR, _SIZE, _MERGES = range(7)


class _Builder:
    """Turns libyaml's events into values, checking duplicates, depth and alias expansion.

    This loop runs once per event of every file (a national root has millions), so its common
    path — a scalar or a collection with no anchor, tag or merge — is written inline."""

    def __init__(self, file: str, limits: Limits, problems: list[Problem]) -> None:
        self.file = file
        self.limits = limits
        self.problems = problems
        self.stack: list[list[Any]] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.aliases = 0
        self.expanded = 0
        self.result: Any = None

    def fail(self, code: str, text: Any, event: Any) -> None:
        mark = event.start_mark
        self.problems.append(Problem(code, text, self.file, mark.line + 1, mark.column + 1))
        raise _Stop

    def run(self, text: str) -> None:
        parser = _EventParser(text)
        get, stack, resolve, depth = parser.get_event, self.stack, resolve_plain, self.limits.yaml_depth
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        str_tags, merge = _STR_TAGS, _MERGE
        documents = 0
        # Frames are lists indexed by literals in this loop, which is measurably faster than named
        # constants: 0 value, 1 keys seen (None for a sequence), 2 pending key, 3 its mark, 4 anchor,
        # 5 size, 6 merges. See _VALUE... above.
        while True:
            event = get()
            kind = type(event)
            if kind is scalar_event:
                tag = event.tag
                if tag is not None and tag not in str_tags:
                    self.fail("yaml-unsupported", t("yaml.tag", tag=tag), event)
                if not stack:
                    self.add(event.value if event.style or tag is not None else resolve(event.value), 1)
                    continue
                frame = stack[-1]
                keys = frame[1]
                if keys is not None and frame[3] is None:
                    frame[2] = event.value  # a key
                    frame[3] = event.start_mark
                    continue
                value = event.value if event.style or tag is not None else resolve(event.value)
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1)
                    self.add(value, 1)
                elif keys is None:
                    frame[0].append(value)
                    frame[5] += 1
                else:
                    key = frame[2]
                    if key in keys or key == merge:
                        self.add(value, 1)
                    else:
                        frame[0][key] = value
                        keys[key] = frame[3]
                        frame[2] = frame[3] = None
                        frame[5] += 1
            elif kind is mapping_start or kind is sequence_start:
                if stack and stack[-1][1] is not None and stack[-1][3] is None:
                    self.fail("yaml-unsupported", t("yaml.key_not_text"), event)
                if event.tag is not None:
                    self.fail("yaml-unsupported", t("yaml.tag", tag=event.tag), event)
                if len(stack) >= depth:
                    self.fail("yaml-too-deep", t("yaml.too_deep", limit=depth), event)
                if kind is mapping_start:
                    stack.append([{}, {}, None, None, event.anchor, 1, None])
                else:
                    stack.append([[], None, None, None, event.anchor, 1, None])
            elif kind is mapping_end or kind is sequence_end:
                frame = stack.pop()
                if frame[6]:
                    _apply_merges(frame)
                if frame[4] is not None:
                    self.anchors[frame[4]] = (frame[0], frame[5])
                self.add(frame[0], frame[5])
            elif kind is alias_event:
                self.alias(event)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.fail("yaml-unsupported", t("yaml.several_documents"), event)
            elif kind is yaml.StreamEndEvent:
                return

    def alias(self, event: Any) -> None:
        self.aliases += 1
        if self.aliases > self.limits.yaml_aliases:
            self.fail("yaml-too-many-aliases", t("yaml.aliases", limit=self.limits.yaml_aliases), event)
        if event.anchor not in self.anchors:
            self.fail("yaml-syntax", t("yaml.unknown_alias", name=event.anchor), event)
        value, size = self.anchors[event.anchor]
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame[_KEYS] is not None and frame[_KEY_MARK] is None:
            if not isinstance(value, str):
                self.fail("yaml-unsupported", t("yaml.key_not_text"), event)
            frame[_KEY], frame[_KEY_MARK] = value, event.start_mark
            return
        # An alias shares its anchor's value; counting what it would expand to stops alias bombs
        # before a later step walks the shared values over and over.
        self.expanded += size
        if self.expanded > self.limits.yaml_expanded_nodes:
            self.fail("yaml-too-many-aliases", t("yaml.expansion", limit=self.limits.yaml_expanded_nodes), event)
        self.add(value, size)

    def add(self, value: Any, size: int) -> None:
        """Put a finished value into the collection being built, or make it the document."""
        stack = self.stack
        if not stack:
            self.result = value
            return
        frame = stack[-1]
        frame[_SIZE] += size
        keys = frame[_KEYS]
        if keys is None:
            frame[_VALUE].append(value)
            return
        key, mark = frame[_KEY], frame[_KEY_MARK]
        frame[_KEY] = frame[_KEY_MARK] = None
        if key == _MERGE:
            self.take_merge(frame, value, mark)
        elif key in keys:
            first = keys[key]
            self.problems.append(
                Problem(
                    "duplicate-key",
                    t("yaml.duplicate_key", key=key, first_line=str(first.line + 1)),
                    self.file,
                    mark.line + 1,
                    mark.column + 1,
                    _dotted(self.path_of_frame(), key),
                )
            )  # the first value stays: the later one is the error
        else:
            frame[_VALUE][key] = value
            keys[key] = mark

    def take_merge(self, frame: list[Any], value: Any, mark: Any) -> None:
        for source in value if isinstance(value, list) else [value]:
            if isinstance(source, dict):
                frame[_MERGES] = [*(frame[_MERGES] or []), source]
            else:
                self.problems.append(Problem("wrong-type", t("yaml.merge"), self.file, mark.line + 1, mark.column + 1))

    def path_of_frame(self) -> str:
        """The field path of the mapping being built, e.g. ``targets[0].baseline``."""
        path = ""
        for parent in self.stack[:-1]:
            if parent[_KEYS] is None:
                path += f"[{len(parent[_VALUE])}]"
            else:
                path = f"{path}.{parent[_KEY]}" if path else str(parent[_KEY])
        return path


def _apply_merges(frame: list[Any]) -> None:
    """YAML merge keys: a key written in the mapping wins over merged ones; earlier merges win."""
    for source in frame[_MERGES]:
        for key, value in source.items():
            if key not in frame[_VALUE]:
                frame[_VALUE][key] = value


def _dotted(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key
