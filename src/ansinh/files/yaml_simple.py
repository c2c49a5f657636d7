"""A quick reader for the plain YAML that most project files are written in.

libyaml hands Python one event object per token, with two position objects each; for the
thousands of plan files of a national root that is most of the time spent reading them. Files
written the usual way — block mappings and sequences, one-line flow mappings, plain and simply
quoted scalars, comments, and a key's folded or literal block of lines (``note: >-``) — are read
here line by line instead, into exactly the values the full reader (``ansinh.files.yaml_reader``)
builds.

Anything outside that subset makes ``read_simple`` return ``None``, and the full reader reads the
file: anchors, tags, blocks with empty or more-indented lines (or ``|+``, ``>2``), multi-line or
escaped scalars, tabs, odd indentation, duplicate keys, characters YAML does not allow, anything
doubtful. The subset is a promise that the two readers agree, tested on generated documents and
their mutations (``tests/test_fast_paths.py``); the full reader alone reports problems.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ansinh.numbers import PlainNumber
from ansinh.problems import Path

# Characters the subset allows: printable, no tab, no carriage return, no byte-order mark, none of
# the line breaks YAML 1.1 knows besides \n (NEL, LS, PS). Classes are written as the few small
# ranges they leave out: a class spanning the whole of Unicode costs milliseconds to compile.
_OUTSIDE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
# A key as YAML reads it plainly (at most 1,024 characters, libyaml's limit for a simple key),
# followed by the ': ' or ':' at the end of the line that makes it a key.
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,200}):(?: +|$)")
_SINGLE = re.compile(r"'((?:[^']|'')*)'(?: +(?:#.*)?)?")
_DOUBLE = re.compile(r'"([^"\\]*)"(?: +(?:#.*)?)?')
# A plain scalar's first character: a letter, digit or any character past ASCII; '-' only before a
# digit. Everything else YAML gives a meaning to, or may.
_LETTER_OR_DIGIT = r"[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x9f]"  # A-Z, a-z, 0-9 or past \x9f
_PLAIN_START = re.compile(rf"{_LETTER_OR_DIGIT}|-[0-9]")
# One-line flow mappings of plain or quoted scalars: {value: 27.5, period: 2022H1}.
_FLOW_VALUE = rf"""'(?:[^']|'')*'|"[^"\\]*"|(?:{_LETTER_OR_DIGIT}|-[0-9])(?:[^,\[\]{{}}:#'"]*[^,\[\]{{}}:#'" ])?"""
_FLOW_ITEM = rf"([A-Za-z_][A-Za-z0-9_-]{{0,200}}): +({_FLOW_VALUE}) *"
_FLOW = re.compile(rf"\{{ *{_FLOW_ITEM}(?:, *{_FLOW_ITEM})* *\}}(?: +(?:#.*)?)?")
_FLOW_ITEMS = re.compile(_FLOW_ITEM)
# A key whose value is a block of the lines after it: folded (>) or literal (|), its last line
# break kept (clip) or not (-). No indentation indicator, no keeping (+).
_BLOCK_HEADER = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,200}: +[>|]-?(?: +#.*)?")


_NULLS = frozenset({"", "~", "null"})
_BOOLS = {"true": True, "false": False}
# Numbers as JSON writes them; other spellings (+5, .5, 0x1F) stay text.
_NUMBER_START = frozenset("-0123456789")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def resolve_plain(text: str) -> Any:
    """A plain scalar: null, a boolean, a number kept as its text, or text — for both readers."""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if text and text[0] in _NUMBER_START and _NUMBER.fullmatch(text):
        return PlainNumber(text)
    return text


class _Outside(Exception):
    """The text is not in the subset."""


# An entry: a line's indentation, its content, whether it is what followed a "- ", its line (from 0).
_Entry = tuple[int, str, bool, int]
Place = tuple[int, int]  # line and column, from 1


def read_simple(text: str, max_depth: int) -> dict[str, Any] | None:
    """The mapping a YAML text holds, if the text is in the subset; else ``None``."""
    parser = _Parser.of(text, max_depth, record=False)
    return parser.document() if parser is not None else None


def places_simple(text: str, max_depth: int) -> tuple[dict[Path, Place], dict[Path, Place]] | None:
    """Where each value and each key of a text in the subset starts, as libyaml's marks place
    them (``ansinh.files.yaml_reader.locate_paths``); ``None`` outside the subset."""
    parser = _Parser.of(text, max_depth, record=True)
    if parser is None or parser.document() is None:
        return None
    return parser.values, parser.keys


class _Parser:
    """The subset's grammar, over the lines of one text. With ``record``, it also notes where
    each value and key starts: a second pass made only for files with problems to place."""

    def __init__(self, entries: list[_Entry], blocks: dict[int, str], max_depth: int, record: bool) -> None:
        self.entries = entries
        self.blocks = blocks  # the text of each block, by the line of its key (from 0)
        self.max_depth = max_depth
        self.record = record
        self.values: dict[Path, Place] = {}
        self.keys: dict[Path, Place] = {}

    @classmethod
    def of(cls, text: str, max_depth: int, *, record: bool) -> _Parser | None:
        if _OUTSIDE.search(text):
            return None
        entries: list[_Entry] = []
        blocks: dict[int, str] = {}
        lines = text.split("\n")
        following = 0
        for number, line in enumerate(lines):
            if number < following:
                continue  # a line of a block, read with its key
            content = line.lstrip(" ")
            if not content or content[0] == "#":
                continue
            indent = len(line) - len(content)
            after_dash = False
            # "- item" is two entries: the dash, and the item at the column where it starts.
            while content[0] == "-" and (len(content) == 1 or content[1] == " "):
                entries.append((indent, "-", False, number))
                rest = content[1:].lstrip(" ")
                if not rest or rest[0] == "#":
                    return None  # the item is on the next lines: not in the subset
                indent += len(content) - len(rest)
                content = rest
                after_dash = True
            entries.append((indent, content, after_dash, number))
            if (content[-1] in ">|-" or "#" in content) and _BLOCK_HEADER.fullmatch(content):
                block = _block(lines, number, indent, content)
                if block is None:
                    return None
                blocks[number], following = block
        if not entries or entries[0][0] != 0 or entries[0][1] == "-":
            return None
        return cls(entries, blocks, max_depth, record)

    def document(self) -> dict[str, Any] | None:
        try:
            value, index = self.mapping(0, 0, 1, ())
        except _Outside:
            return None
        return value if index == len(self.entries) else None

    def mapping(self, index: int, indent: int, depth: int, path: Path) -> tuple[dict[str, Any], int]:
        if depth >= self.max_depth:
            raise _Outside
        entries, record = self.entries, self.record
        if record:
            self.values[path] = (entries[index][3] + 1, indent + 1)
        result: dict[str, Any] = {}
        count = len(entries)
        while index < count:
            line_indent, content, _, number = entries[index]
            if line_indent != indent:
                break
            match = _KEY.match(content)
            if match is None:
                raise _Outside
            key = match.group(1)
            if key in result:
                raise _Outside  # the full reader reports the duplicate
            rest = content[match.end() :]
            index += 1
            if record:
                self.keys[(*path, key)] = (number + 1, indent + 1)
            if rest and rest[0] != "#":
                result[key] = self.scalar(rest, depth, (*path, key), number, indent + match.end())
                if index < count and entries[index][0] > indent:
                    raise _Outside  # a continuation line
            elif index < count and entries[index][0] > indent:
                result[key], index = self.block(index, depth + 1, (*path, key))
            elif index < count and entries[index][0] == indent and entries[index][1] == "-":
                result[key], index = self.sequence(index, indent, depth + 1, (*path, key))  # "key:\n- a"
            else:
                result[key] = None
                if record:  # libyaml places an empty value just after the colon
                    self.values[(*path, key)] = (number + 1, indent + len(key) + 2)
        return result, index

    def block(self, index: int, depth: int, path: Path) -> tuple[Any, int]:
        indent, content, _, _ = self.entries[index]
        if content == "-":
            return self.sequence(index, indent, depth, path)
        return self.mapping(index, indent, depth, path)

    def sequence(self, index: int, indent: int, depth: int, path: Path) -> tuple[list[Any], int]:
        if depth >= self.max_depth:
            raise _Outside
        entries = self.entries
        if self.record:
            self.values[path] = (entries[index][3] + 1, indent + 1)
        result: list[Any] = []
        count = len(entries)
        while index < count and entries[index][0] == indent and entries[index][1] == "-":
            index += 1
            if index == count or not entries[index][2]:
                raise _Outside  # "- - item", or an item on the lines after its dash
            item_indent, content, _, number = entries[index]
            if _KEY.match(content):
                value, index = self.mapping(index, item_indent, depth + 1, (*path, len(result)))
            else:
                value = self.scalar(content, depth, (*path, len(result)), number, item_indent)
                index += 1
                if index < count and entries[index][0] > indent:
                    raise _Outside
            result.append(value)
        return result, index

    def scalar(self, text: str, depth: int, path: Path, number: int, column: int) -> Any:
        """A value written on one line: a flow mapping, a quoted scalar or a plain one; or the
        header of a block, whose lines were read with it."""
        if self.record:
            self.values[path] = (number + 1, column + 1)
        if text[0] in ">|":
            if number not in self.blocks:
                raise _Outside
            return self.blocks[number]
        if text[0] != "{":
            return _one_line(text)
        if depth + 1 >= self.max_depth:
            raise _Outside
        value = dict(_one_line(text))  # a copy: the remembered value must not change
        if self.record:
            for match in _FLOW_ITEMS.finditer(text, 0, text.rindex("}")):
                self.keys[(*path, match.group(1))] = (number + 1, column + match.start(1) + 1)
                self.values[(*path, match.group(1))] = (number + 1, column + match.start(2) + 1)
        return value


def _block(lines: list[str], number: int, indent: int, header: str) -> tuple[str, int] | None:
    """The text of the block whose header (``key: >-``, at ``indent``) is line ``number``, and
    the line after the block; ``None`` unless its lines all start at one column, deeper than the
    key's, right after the header, with no empty line between them and no space at their end:
    then YAML's folding joins them by spaces (``>``) or keeps their line breaks (``|``). Empty
    lines after the block are dropped by both chompings."""
    style = header.split(":", 1)[1].lstrip(" ")
    texts: list[str] = []
    column = 0
    last = number
    after = number + 1
    while after < len(lines):
        line = lines[after]
        if not line:
            after += 1
            continue
        content = line.lstrip(" ")
        start = len(line) - len(content)
        if not content or start <= indent:
            if not content:
                return None  # a line of spaces: content or not, by its width
            break
        if (texts and start != column) or last != after - 1:
            return None  # a more-indented line, or an empty line before or within the lines
        if line[-1] == " ":
            return None
        column = start
        texts.append(content)
        last = after
        after += 1
    if not texts:
        return None
    value = (" " if style[0] == ">" else "\n").join(texts)
    if not style.startswith((">-", "|-")) and last + 1 < len(lines):
        value += "\n"  # clip: the block's last line break, where it has one
    return value, after


@functools.lru_cache(maxsize=65536)
def _one_line(text: str) -> Any:
    """The value of a one-line scalar or flow mapping. Remembered: a national root writes the
    same periods, ids and small mappings thousands of times."""
    first = text[0]
    if first == "{":
        if _FLOW.fullmatch(text) is None:
            raise _Outside
        result: dict[str, Any] = {}
        for key, value in _FLOW_ITEMS.findall(text[: text.rindex("}")]):
            if key in result:
                raise _Outside
            result[key] = _flow_scalar(value)
        return result
    if first == "'":
        match = _SINGLE.fullmatch(text)
        if match is None:
            raise _Outside
        return match.group(1).replace("''", "'")
    if first == '"':
        match = _DOUBLE.fullmatch(text)
        if match is None:
            raise _Outside
        return match.group(1)
    if _PLAIN_START.match(text) is None:
        raise _Outside
    comment = text.find(" #")
    value = (text if comment < 0 else text[:comment]).rstrip(" ")
    if ": " in value or value.endswith(":"):
        raise _Outside  # libyaml's "mapping values are not allowed here"
    return resolve_plain(value)


def _flow_scalar(text: str) -> Any:
    if text[0] == "'":
        return text[1:-1].replace("''", "'")
    if text[0] == '"':
        return text[1:-1]
    return resolve_plain(text.rstrip(" "))
