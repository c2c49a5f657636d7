"""``-o FILE``: where a report goes, in which format, and a file written whole or not at all.

``choose`` settles the format and the destination from ``--format``, ``-o`` and ``--force``
before the project is loaded, so that a mistyped option costs nothing. ``write_text`` and
``write_file`` write the report aside (a hidden temporary file in FILE's folder), then rename
it onto FILE: a reader never sees half a report, and a failure, Ctrl-C or ``kill`` leaves neither
a partial file nor the temporary one.

A file is replaced only if ansinh wrote it (``written_by_ansinh``), so that re-running the same
command every day replaces yesterday's report and nothing else: each format carries a signature
ansinh recognises — a workbook's document properties, a page's ``generator`` meta tag, a PDF's
creator, the way JSON, CSV, Markdown and the table text begin. A workbook that Excel or
LibreOffice has saved since is no longer ansinh's (someone may have added to it); ``--force``
replaces any file.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys
import tempfile
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from ansinh.render.report_formats import RowFormat
from ansinh.text import Text, t

if TYPE_CHECKING:
    from ansinh.language import Lang
    from ansinh.render.document import ReportDocument

# Formats are named by their ``--format`` value (a member of a command's StrEnum is one), so
# that ``gap``, ``report`` and ``compare`` share this module, each offering its own formats.

# FILE's suffix -> the format written when --format is not given.
SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "table",
    ".json": "json",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
# A format that may also be written under another format's suffix: the CSV for Excel is a .csv.
ALSO_UNDER = {"csv-excel": ".csv"}
# Formats that are no text: refused on a terminal, and only with -o (``-o -``: down a pipe).
BINARY = frozenset({"xlsx", "pdf"})
# Formats that are files: never printed without -o (SPEC 10 requires it for xlsx and html).
FILE_ONLY = frozenset({"xlsx", "html", "pdf"})
STDOUT = "-"


class OutputError(Exception):
    """A destination that cannot be written, with what to do: the command line's exit 2."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.key)
        self.text = text


@dataclass(frozen=True, slots=True)
class Destination:
    """Where a report goes, in which format (a ``--format`` value); ``path`` None is stdout;
    ``shown`` is FILE as the user wrote it."""

    format: str
    path: Path | None = None
    shown: str = STDOUT
    force: bool = False

    @property
    def is_document(self) -> bool:
        """Whether the format is a file laid out whole (xlsx, html, pdf), else printed text."""
        return self.format in FILE_ONLY


def choose(
    given: str | None,
    output: str | None,
    force: bool,
    *,
    terminal: bool,
    offered: Collection[str],
    default: str = "table",
) -> Destination:
    """The format and destination of ``--format`` (``given``, one of ``offered``), ``-o`` and
    ``--force``; ``terminal`` says whether stdout is one. Raises ``OutputError`` for a usage
    problem: a file format without ``-o``, a binary one on a terminal, a suffix that names no
    format the command offers or another one than ``--format``, a file that must not be replaced."""
    if output is None or output == STDOUT:
        chosen = given or default
        if output is None and chosen in FILE_ONLY:
            raise OutputError(t("output.needs_file", format=str(chosen)))
        if chosen in BINARY and terminal:
            raise OutputError(t("output.not_to_terminal", format=str(chosen)))
        return Destination(chosen)
    path = Path(output)
    suffix = path.suffix.lower()
    implied = SUFFIX_FORMATS.get(suffix)
    if implied is not None and implied not in offered:
        implied = None
    if given is None:
        if implied is None:
            suffixes = [each for each, format_ in SUFFIX_FORMATS.items() if format_ in offered]
            raise OutputError(t("output.unknown_suffix", file=output, suffixes=suffixes))
        given = implied
    elif implied is not None and implied != given and ALSO_UNDER.get(given) != suffix:
        raise OutputError(t("output.suffix_conflict", format=str(given), file=output, implied=implied))
    destination = Destination(given, path, output, force)
    check(destination)
    return destination


def check(destination: Destination) -> None:
    """Refuse, before any work, a destination that cannot be written or must not be replaced."""
    path = destination.path
    assert path is not None
    if path.is_dir():
        raise OutputError(t("output.is_folder", file=destination.shown))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(t("output.no_folder", file=destination.shown, folder=str(folder)))
    if destination.force or not path.exists():
        return
    kind = written_by_ansinh(path)
    if kind is Signature.SAVED_SINCE:
        raise OutputError(t("output.saved_since", file=destination.shown))
    if kind is not Signature.ANSINH:
        raise OutputError(t("output.not_ours", file=destination.shown))


# --- writing ----------------------------------------------------------------------------------


def write_text(destination: Destination, write: Callable[[TextIO], None]) -> None:
    """``write`` the report's text to stdout, or to FILE whole or not at all (UTF-8; the line
    ends the printer writes, untranslated)."""
    if destination.path is None:
        write(sys.stdout)
        return

    def into(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8", newline="") as stream:
            write(stream)

    replace(destination, into)


def write_file(destination: Destination, write: Callable[[Path], None]) -> None:
    """A file format: ``write`` makes the file at the path it is given; that file is renamed onto
    FILE, or copied down the pipe of ``-o -``."""
    if destination.path is not None:
        replace(destination, write)
        return
    with tempfile.TemporaryDirectory(prefix="ansinh-") as folder:
        temporary = Path(folder) / f"ansinh-report.{destination.format}"
        _written(destination, lambda: write(temporary))
        _copy(temporary, _binary_stdout())


def replace(destination: Destination, write: Callable[[Path], None]) -> None:
    """Call ``write`` with a new temporary path beside FILE, then rename it onto FILE. Whatever
    stops it — an error, Ctrl-C, SIGTERM — the temporary file is removed and FILE is untouched."""
    path = destination.path
    assert path is not None
    target = Path(os.path.realpath(path))  # a symbolic link's file is replaced, not the link
    fd, name = _temporary_beside(destination, target)
    os.close(fd)
    temporary = Path(name)
    try:
        with _stopped_by_signals():
            _written(destination, lambda: write(temporary))
            _written(destination, lambda: _commit(destination, temporary, target))
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _temporary_beside(destination: Destination, target: Path) -> tuple[int, str]:
    try:
        return tempfile.mkstemp(prefix=f".{target.name}.", suffix=".ansinh-part", dir=target.parent)
    except OSError as error:
        raise OutputError(_failure(destination, error)) from None


def _commit(destination: Destination, temporary: Path, target: Path) -> None:
    with temporary.open("rb+") as stream:
        os.fsync(stream.fileno())
    check(destination)  # a file may have appeared there while the report was being written
    os.chmod(temporary, _mode(target))
    os.replace(temporary, target)


def _mode(target: Path) -> int:
    """The permissions FILE has, or a new file's (as ``open`` would make it, after the umask):
    ``mkstemp`` makes its files private."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _written(destination: Destination, action: Callable[[], None]) -> None:
    """``action``, with a failure of the file system as one line that names FILE."""
    try:
        action()
    except OutputError:
        raise
    except OSError as error:
        raise OutputError(_failure(destination, error)) from None


def _failure(destination: Destination, error: OSError) -> Text:
    reason = error.strerror or str(error)
    return t("output.failed", file=destination.shown, reason=reason)


@contextlib.contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP end the command as Ctrl-C does, by an exception, so that the temporary
    file is removed on the way out (the default action would end the process on the spot)."""
    if sys.platform == "win32" or not _main_thread():
        yield
        return

    def stop(number: int, frame: object) -> None:
        raise SystemExit(128 + number)

    chosen = (signal.SIGTERM, signal.SIGHUP)
    previous = {number: signal.signal(number, stop) for number in chosen}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _binary_stdout() -> BinaryIO:
    sys.stdout.flush()
    return sys.stdout.buffer


def _copy(source: Path, out: BinaryIO) -> None:
    with source.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            out.write(chunk)
    out.flush()


# --- the writers of the document formats ----------------------------------------------------


def _xlsx(document: ReportDocument, lang: Lang, path: Path) -> None:
    from ansinh.render.xlsx_report import MAX_ROWS, TooManyRows, write_workbook

    try:
        write_workbook(document, lang, path)
    except TooManyRows as error:
        raise OutputError(t("output.too_many_rows", plan=error.plan, rows=error.rows, limit=MAX_ROWS - 1)) from None


def _html(document: ReportDocument, lang: Lang, path: Path) -> None:
    from ansinh.render.html_report import html_page

    path.write_text(html_page(document, lang), encoding="utf-8")


def _pdf(document: ReportDocument, lang: Lang, path: Path) -> None:
    from ansinh.render.html_report import html_page
    from ansinh.render.pdf import PdfError, pdf_bytes

    try:
        data = pdf_bytes(html_page(document, lang))
    except PdfError as error:  # no browser to print the page with (NoBrowser), or it failed
        raise OutputError(error.text) from None
    path.write_bytes(data)


# gap's and report's file formats (compare writes its own through ``write_file``)
DOCUMENT_WRITERS: dict[RowFormat, Callable[[ReportDocument, Lang, Path], None]] = {
    RowFormat.XLSX: _xlsx,
    RowFormat.HTML: _html,
    RowFormat.PDF: _pdf,
}


# --- recognising ansinh's own files --------------------------------------------------------


class Signature(Enum):
    ANSINH = "ansinh"  # written by ansinh, unchanged since as far as can be seen
    SAVED_SINCE = "saved since"  # ansinh's workbook, saved since by a spreadsheet
    OTHER = "other"


CREATOR = "ansinh"
HTML_GENERATOR = re.compile(rb"""<meta\s+name=["']?generator["']?\s+content=["']?ansinh""", re.IGNORECASE)
PDF_CREATOR = re.compile(rb"/(?:Creator|Producer)\s*\(ansinh")
# SPEC 6's object as ansinh writes it: the date first, then plain keys ("method"), then the rows.
JSON_START = re.compile(rb'\{"as_of": "\d{4}-\d{2}-\d{2}", (?:"[a-z_]+": "[a-z_]*", )*"rows": \[')
# compare's object (SPEC 7), as ansinh writes it: the date, then the indicator.
COMPARE_JSON_START = re.compile(rb'\{\s*"as_of": "\d{4}-\d{2}-\d{2}",\s*"indicator": "')
# The first columns of the CSV for scripts, which later versions keep (they add columns after).
CSV_START = b"plan,indicator,name,area,lead,"
COMPARE_CSV_START = b"area,name,value,period,date,count,meets,from"
BOM = b"\xef\xbb\xbf"
_HEAD = 64 * 1024  # what is read of a file to recognise it


def written_by_ansinh(path: Path) -> Signature:
    """Whether ``path`` holds a report ansinh wrote, whatever its format (a report may be
    written again in another format under the same name)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD)
    except OSError:
        return Signature.OTHER
    if head.startswith(b"PK\x03\x04"):
        return _workbook_signature(path)
    if head.startswith(b"%PDF-"):
        return Signature.ANSINH if _pdf_signature(path) else Signature.OTHER
    if _text_signature(head):
        return Signature.ANSINH
    text = head.removeprefix(BOM).decode("utf-8", errors="replace")
    first = text.split("\n", 1)[0].rstrip("\r")
    if _excel_csv_heading(first) or _title(first.removeprefix("## ")):
        return Signature.ANSINH
    return Signature.OTHER


def _text_signature(head: bytes) -> bool:
    """The page, JSON or CSV ansinh writes, by its first bytes."""
    if HTML_GENERATOR.search(head) or JSON_START.match(head) or COMPARE_JSON_START.match(head):
        return True
    return head.startswith((CSV_START, COMPARE_CSV_START))


def _workbook_signature(path: Path) -> Signature:
    """ansinh's workbook: creator "ansinh", modified when created. Excel and LibreOffice keep
    the creator when they save, but set the time modified (and who modified it)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("docProps/core.xml")
            if info.file_size > _HEAD:
                return Signature.OTHER
            core = archive.read(info).decode("utf-8", errors="replace")
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError, EOFError):
        return Signature.OTHER
    if _element(core, "dc:creator") != CREATOR:
        return Signature.OTHER
    untouched = _element(core, "dcterms:modified") == _element(core, "dcterms:created") and _element(
        core, "cp:lastModifiedBy"
    ) in (CREATOR, None)
    return Signature.ANSINH if untouched else Signature.SAVED_SINCE


def _element(xml: str, name: str) -> str | None:
    match = re.search(rf"<{name}(?:\s[^>]*)?>([^<]*)</{name}>", xml)
    return match.group(1).strip() if match else None


def _pdf_signature(path: Path) -> bool:
    """A PDF's document information names ansinh as its creator or producer; it is near the
    end of a PDF, or anywhere in a small one."""
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            if size > 4 * _HEAD:
                head = stream.read(_HEAD)
                stream.seek(size - 2 * _HEAD)
                return bool(PDF_CREATOR.search(head + stream.read()))
            return bool(PDF_CREATOR.search(stream.read()))
    except OSError:
        return False


def _excel_csv_heading(line: str) -> bool:
    """The heading line of the CSV for Excel, in either language."""
    from ansinh.language import LANGS
    from ansinh.render.sheet_columns import headings

    if ";" not in line and "," not in line:
        return False
    return any(line.startswith(separator.join(headings(lang)[:3])) for lang in LANGS for separator in ";,")


def _title(line: str) -> bool:
    """The title line of the table text and of Markdown: ``report``'s or ``gap``'s, in either
    language."""
    from ansinh.language import LANGS, template

    for lang in LANGS:
        for key in ("report.title", "report.gap_title", "compare.title"):
            pattern = re.escape(template(key, lang))
            pattern = re.sub(r"\\\{as_of\\\}", r"\\d{4}-\\d{2}-\\d{2}", pattern)
            pattern = re.sub(r"\\\{[a-z_]+\\\}", ".+", pattern)
            if re.fullmatch(pattern, line):
                return True
    return False
