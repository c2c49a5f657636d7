"""The problems of reaching a file's text at all: unreadable, or not UTF-8."""

from __future__ import annotations

from ansinh.problems import Problem
from ansinh.text import t


def unreadable(file: str, error: OSError) -> Problem:
    return Problem("file-unreadable", t("file.unreadable", detail=error.strerror or str(error)), file)


def not_utf8(file: str, data: bytes, error: UnicodeDecodeError) -> Problem:
    """The problem of a file that is not UTF-8, at the line and column of its first bad byte."""
    line = data.count(b"\n", 0, error.start) + 1
    column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
    return Problem("file-unreadable", t("file.not_utf8", byte=f"0x{data[error.start]:02x}"), file, line, column)
