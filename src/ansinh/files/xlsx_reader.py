"""Read the sheets of an ``.xlsx`` workbook as Excel means its cells (SPEC section 10).

A workbook is a zip of XML parts; this module reads them with the standard library alone — the
zip, the sheet list, the shared strings, the number formats of ``styles.xml`` and each sheet's
cells, streamed — and gives each sheet as a header and rows of text cells, each row with its
Excel row number, so that the rows go through the very checks a CSV file's rows go through. A
cell becomes the text a person sees in Excel, never a silent reading of what is stored:

- a number is the shortest decimal that gives back the stored double, at most 15 significant
  digits as Excel shows (0.1+0.2 stored is 0.3; 22796.0 is 22796); formatted as a percentage it
  is written with its sign (0.989 is ``98.9%``: 98.9 for a percent indicator, an error for any
  other unit, as a CSV cell ``98.9%`` is);
- a date (a number formatted as one) in the ``period`` column is the day it shows (2022-06-30),
  never guessed into a half-year; in a number column it is an error;
- an error value (``#DIV/0!``, ``#N/A``), a TRUE/FALSE, a formula that was never calculated is an
  error at its cell, never an empty cell;
- a text cell is read as a ``;`` CSV file reads its text: ``27,5`` is 27.5, ``22.796`` and
  ``22,796`` may hide a thousands separator and are errors.

Sheets are read with a quick pass for the cells Excel and most writers produce (a value in ``<v>``,
a shared string), checked to have accounted for every cell of each block of rows; a block with
anything else (inline strings, formulas, namespace prefixes, entities) is read by expat. Parts
are refused past the limits of ``ansinh.files.limits`` before they are inflated.
"""

from __future__ import annotations

import codecs
import math
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path, PurePosixPath

from ansinh.files.csv_reader import CsvTable
from ansinh.files.limits import Limits
from ansinh.models import BaseFigure
from ansinh.problems import SHEET_MARK, Problem, column_letters
from ansinh.text import Text, composed, t

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MAX_COLUMN = 16_384  # XFD
_MAX_ROW = 1_048_576
_BLOCK = 1 << 22  # characters of sheet XML read at a time
_OLE = b"\xd0\xcf\x11\xe0"  # an encrypted workbook, or an old .xls renamed

# Excel's built-in number formats that show a percentage or a date (ECMA-376 18.8.30).
_PERCENT_FORMATS = frozenset({9, 10})
_DATE_FORMATS = frozenset({*range(14, 23), 45, 46, 47, 27, 30, 36, 50, 57})

NUMBER, PERCENT, DATE = 0, 1, 2  # what a cell style shows a number as

_PLAIN_NUMBER = re.compile(r"(?:0|[1-9]\d{0,14})(?:\.\d*[1-9])?")
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_DATE_TOKENS = re.compile(r"[dmyhs]", re.IGNORECASE)
_GROUPED_POINT = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_GROUPED_COMMA = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+")
_SHEET_DATA = re.compile(r"<(\w+:)?sheetData\b[^>]*?(/?)>")
_ROW_START = re.compile(r'<row r="(\d+)"[^>]*?(?<!/)>')
_FAST_CELLS = re.compile(r'<c r="([A-Z]{1,3})\d+"(?: s="(\d+)")?(?: t="([a-z]+)")?(?:/>|><v>([^<]*)</v></c>)')


class WorkbookError(Exception):
    """The workbook cannot be read at all; ``text`` says why and what to do."""

    def __init__(self, code: str, text: Text) -> None:
        super().__init__(text.key)
        self.code = code
        self.text = text


# What reading a damaged zip can raise besides ``WorkbookError``: said as a corrupt workbook.
READ_ERRORS = (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile, zlib.error)


def place(file: str, sheet: str) -> str:
    """The "file" of a sheet's rows: ``ansinh.problems.SHEET_MARK`` says how it is reported."""
    return f"{file}{SHEET_MARK}{sheet}"


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


_LETTERS: dict[str, int] = {}


def _column_index(letters: str) -> int:
    """A column's position from 0, from its letters (cached: a sheet repeats a few)."""
    found = _LETTERS.get(letters)
    if found is None:
        found = _LETTERS[letters] = _column_number(letters) - 1
    return found


# --- what a cell shows ----------------------------------------------------------------------------


def number_text(stored: str) -> str:
    """A stored number as Excel shows it at full precision: the shortest decimal that gives back
    the double, at most 15 significant digits, whole numbers without a fraction, never in
    exponent form. Raises ``ValueError`` for text that is not a number."""
    if _PLAIN_NUMBER.fullmatch(stored) and len(stored) <= 16:
        return stored
    from decimal import Decimal

    value = float(stored)
    if not math.isfinite(value):
        raise ValueError(stored)
    text = repr(value)
    shown = Decimal(text)
    if len(shown.as_tuple().digits) > 15:
        shown = Decimal(f"{value:.15g}")
    if shown == shown.to_integral_value():
        return f"{shown.quantize(Decimal(1)):f}"
    return f"{shown.normalize():f}"


def percent_text(stored: str) -> str:
    """A number formatted as a percentage, written as Excel shows it but at full precision:
    0.989 -> ``98.9%``."""
    from decimal import Decimal

    hundred = Decimal(number_text(stored)).scaleb(2)
    text = f"{hundred.quantize(Decimal(1)):f}" if hundred == hundred.to_integral_value() else f"{hundred.normalize():f}"
    return text + "%"


def _style_kind(code: str) -> int:
    """What a number format code shows a number as: a percentage, a date, or a number."""
    if code.lower() == "general" or code == "@":
        return NUMBER
    bare = _QUOTED.sub("", code)
    if "%" in bare:
        return PERCENT
    if _DATE_TOKENS.search(bare.replace("General", "").replace("general", "")):
        return DATE
    return NUMBER


def serial_date(stored: str, date1904: bool) -> str | None:
    """An Excel date serial as ``YYYY-MM-DD``; ``None`` when it holds a time of day too or is
    not a day Excel can show."""
    from datetime import date, timedelta

    value = float(stored)
    if value != int(value) or not 0 < value < 2_958_466:
        return None
    start = date(1904, 1, 1) if date1904 else date(1899, 12, 30)
    if not date1904 and value < 61:  # Excel counts a 29 February 1900 that never was
        value += 1
    return (start + timedelta(days=int(value))).isoformat()


# --- the workbook ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Workbook:
    """A workbook's parts as needed to read its sheets: their names and XML parts, the shared
    strings, what each cell style shows a number as, and its date system."""

    archive: zipfile.ZipFile
    sheets: list[tuple[str, str]]  # name, part
    strings: list[str] = field(default_factory=list)
    styles: list[int] = field(default_factory=list)
    date1904: bool = False
    plain_styles: frozenset[str] = frozenset({""})  # the styles that show a number as a number


def open_workbook(path: Path, limits: Limits) -> Workbook:
    """The workbook at ``path``, its small parts read; ``WorkbookError`` if it cannot be."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        key = "xlsx.encrypted" if magic == _OLE else "xlsx.corrupt"
        raise WorkbookError("file-unreadable", t(key, detail=str(error))) from None
    except (OSError, ValueError, EOFError) as error:
        raise WorkbookError("file-unreadable", t("xlsx.corrupt", detail=str(error))) from None
    try:
        _check_sizes(archive, limits)
        names = set(archive.namelist())
        workbook_part = _main_part(archive, names)
        root = _small_xml(archive, workbook_part, limits)
        relations = _relations(archive, workbook_part, names, limits)
        book = Workbook(archive, _sheet_parts(root, relations, names))
        properties = root.find(f"{{{MAIN}}}workbookPr")
        book.date1904 = properties is not None and properties.get("date1904", "0") in ("1", "true")
        for target, kind in relations.values():
            if kind.endswith("/sharedStrings"):
                book.strings = _shared_strings(archive, target, limits)
            elif kind.endswith("/styles"):
                book.styles = _styles(archive, target, limits)
        book.plain_styles = frozenset({"", *(str(index) for index, shows in enumerate(book.styles) if shows == NUMBER)})
    except WorkbookError:
        archive.close()
        raise
    except (*READ_ERRORS, SyntaxError) as error:
        archive.close()
        raise WorkbookError("file-unreadable", t("xlsx.corrupt", detail=str(error))) from None
    return book


def _check_sizes(archive: zipfile.ZipFile, limits: Limits) -> None:
    """Refuse a zip whose parts would inflate beyond the limits (a zip bomb), from what its
    directory declares — zipfile never inflates a part beyond its declared size."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio_too_high = info.file_size > limits.xlsx_ratio_floor and info.file_size > limits.xlsx_ratio * max(
            info.compress_size, 1
        )
        if total > limits.xlsx_expanded_bytes or ratio_too_high:
            raise WorkbookError(
                "file-too-large",
                t(
                    "xlsx.too_large",
                    part=info.filename,
                    size=str(info.file_size),
                    limit=str(limits.xlsx_expanded_bytes),
                ),
            )


def _main_part(archive: zipfile.ZipFile, names: set[str]) -> str:
    if "xl/workbook.xml" in names:
        return "xl/workbook.xml"
    if "_rels/.rels" in names:
        from xml.etree import ElementTree

        rels = ElementTree.fromstring(_guarded(archive.read("_rels/.rels")))
        for relation in rels:
            if relation.get("Type", "").endswith("/officeDocument"):
                target = relation.get("Target", "").lstrip("/")
                if target in names:
                    return target
    raise WorkbookError("file-unreadable", t("xlsx.corrupt", detail="no xl/workbook.xml"))


def _guarded(data: bytes) -> bytes:
    """An XML part without a document type: entity definitions are how XML bombs are made."""
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise WorkbookError("file-unreadable", t("xlsx.corrupt", detail="a DOCTYPE in a part"))
    return data


def _small_xml(archive: zipfile.ZipFile, part: str, limits: Limits):  # type: ignore[no-untyped-def]
    from xml.etree import ElementTree

    return ElementTree.fromstring(_guarded(archive.read(part)))


def _relations(archive: zipfile.ZipFile, part: str, names: set[str], limits: Limits) -> dict[str, tuple[str, str]]:
    """A part's relationships: id -> (target part, type)."""
    folder = PurePosixPath(part).parent
    rels = str(folder / "_rels" / (PurePosixPath(part).name + ".rels"))
    if rels not in names:
        return {}
    found = {}
    for relation in _small_xml(archive, rels, limits):
        target = relation.get("Target", "")
        resolved = target.lstrip("/") if target.startswith("/") else _normalised(folder / target)
        found[relation.get("Id", "")] = (resolved, relation.get("Type", ""))
    return found


def _normalised(path: PurePosixPath) -> str:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def _sheet_parts(root, relations: dict[str, tuple[str, str]], names: set[str]) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    sheets = []
    listed = root.find(f"{{{MAIN}}}sheets")
    for sheet in listed if listed is not None else ():
        relation = relations.get(sheet.get(f"{{{_RELATIONSHIPS}}}id", ""))
        if relation is None or not relation[1].endswith("/worksheet") or relation[0] not in names:
            continue  # a chart sheet or a dialog sheet holds no cells
        sheets.append((sheet.get("name", ""), relation[0]))
    return sheets


def _text_of(item, main: str) -> str:  # type: ignore[no-untyped-def]
    """The text of a shared string or an inline string: its ``t``, or its runs' ``t`` (the
    phonetic runs ``rPh`` are not shown)."""
    direct = item.find(f"{main}t")
    if direct is not None:
        return direct.text or ""
    return "".join(run.findtext(f"{main}t") or "" for run in item.findall(f"{main}r"))


def _shared_strings(archive: zipfile.ZipFile, part: str, limits: Limits) -> list[str]:
    from xml.etree import ElementTree

    strings: list[str] = []
    main = f"{{{MAIN}}}"
    with archive.open(part) as stream:
        head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
        _guarded(head)
        for _event, element in ElementTree.iterparse(stream):
            if element.tag == f"{main}si":
                strings.append(composed(_text_of(element, main)).strip())  # as a CSV cell is read
                element.clear()
    return strings


def _styles(archive: zipfile.ZipFile, part: str, limits: Limits) -> list[int]:
    """What each cell style (``s``, an index of ``cellXfs``) shows a number as."""
    root = _small_xml(archive, part, limits)
    main = f"{{{MAIN}}}"
    codes: dict[int, str] = {}
    formats = root.find(f"{main}numFmts")
    for item in formats if formats is not None else ():
        try:
            codes[int(item.get("numFmtId", ""))] = item.get("formatCode", "")
        except ValueError:
            continue
    kinds = []
    cells = root.find(f"{main}cellXfs")
    for xf in cells if cells is not None else ():
        try:
            number = int(xf.get("numFmtId", "0"))
        except ValueError:
            number = 0
        if number in codes:
            kinds.append(_style_kind(codes[number]))
        else:
            kinds.append(PERCENT if number in _PERCENT_FORMATS else DATE if number in _DATE_FORMATS else NUMBER)
    return kinds


# --- a sheet's cells -------------------------------------------------------------------------------

# A cell as stored: its column's letters, its style, its type and its value ("" for none; None
# for a formula without a calculated value).
RawCell = tuple[str, str, str, "str | None"]


def raw_rows(book: Workbook, part: str, limits: Limits) -> Iterator[tuple[int, list[RawCell]]]:
    """The rows of a sheet part that hold cells, each with its row number, in order."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with book.archive.open(part) as stream:
        pending, prefix = "", None
        previous = 0
        while True:
            data = stream.read(_BLOCK)
            pending += decoder.decode(data, final=not data)
            if prefix is None:
                opened = _sheet_data(pending, more=bool(data))
                if opened is None:
                    continue
                prefix, pending = opened
                if prefix == "/":  # <sheetData/>, or none: no cells
                    return
            end = pending.find(f"</{prefix}sheetData>")
            if end >= 0:
                block, pending = pending[:end], ""
            elif data:
                cut = pending.rfind(f"</{prefix}row>")
                if cut < 0:
                    continue
                cut += len(prefix) + 6
                block, pending = pending[:cut], pending[cut:]
            else:
                block, pending = pending, ""
            for number, cells in _block_rows(block, prefix):
                previous = max(number, previous + 1)  # rows are in order in any file Excel can open
                yield previous, cells
            if end >= 0 or not data:
                return


def _sheet_data(text: str, *, more: bool) -> tuple[str, str] | None:
    """Where the cells of a sheet part begin: the namespace prefix of its elements and the text
    after ``<sheetData>``; ``("/", "")`` when it has none; ``None`` to read on."""
    found = _SHEET_DATA.search(text)
    before = text if found is None else text[: found.start()]
    if "<!DOCTYPE" in before or "<!ENTITY" in before:
        raise WorkbookError("file-unreadable", t("xlsx.corrupt", detail="a DOCTYPE in a part"))
    if found is None:
        return None if more else ("/", "")
    if found.group(2):
        return "/", ""
    return found.group(1) or "", text[found.end() :]


def _block_rows(block: str, prefix: str) -> list[tuple[int, list[RawCell]]]:
    """The rows of a stretch of ``sheetData`` made of whole rows: by the quick pattern when it
    accounts for every row and cell, else by expat."""
    if not prefix and "&" not in block:
        rows = _fast_rows(block)
        if rows is not None:
            return rows
    return _expat_rows(block, prefix)


def _fast_rows(block: str) -> list[tuple[int, list[RawCell]]] | None:
    """The rows of ``block`` by two patterns, rows then their cells; ``None`` unless they account
    for every row and every cell (a formula, an inline string, another order of attributes)."""
    rows = []
    start, cells = _ROW_START.search, _FAST_CELLS.findall
    for part in block.split("</row>"):
        found = start(part)
        if found is not None:
            rows.append((int(found.group(1)), cells(part, found.end())))
    if len(rows) != block.count("<row") or sum(map(len, map(itemgetter(1), rows))) != block.count("<c"):
        return None  # a row written <row/>, a cell of another form: expat reads the block
    return rows


def _expat_rows(block: str, prefix: str) -> list[tuple[int, list[RawCell]]]:
    """Any well-formed stretch of rows, by expat: inline strings, formulas, rich text, entities."""
    from xml.parsers import expat

    rows = _ExpatRows()
    parser = expat.ParserCreate()
    parser.StartElementHandler = rows.start
    parser.EndElementHandler = rows.end
    parser.CharacterDataHandler = rows.characters
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    try:
        parser.Parse(f"<{prefix}sheetData>{block}</{prefix}sheetData>", True)
    except expat.ExpatError as error:
        raise WorkbookError("file-unreadable", t("xlsx.corrupt", detail=str(error))) from None
    return rows.rows


class _ExpatRows:
    """The rows of a stretch of ``sheetData`` as expat's events give them. A row or a cell
    without its reference follows the one before it, as Excel reads it."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, list[RawCell]]] = []
        self.column = -1
        self.cell: tuple[int, str, str] | None = None  # column, style, type
        self.value: str | None = None
        self.formula = False
        self.text: list[str] | None = None  # the characters of a <v> or <t> being read
        self.skipped = 0  # depth inside an element whose text is not shown (rPh, extLst)

    def start(self, name: str, attributes: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        if self.skipped or tag in ("rPh", "extLst"):
            self.skipped += 1
        elif tag == "row":
            number = attributes.get("r", "")
            previous = self.rows[-1][0] if self.rows else 0
            self.rows.append((int(number) if number.isdigit() else previous + 1, []))
            self.column = -1
        elif tag == "c":
            letters = attributes.get("r", "").rstrip("0123456789")
            ok = letters.isascii() and letters.isalpha() and letters.isupper() and len(letters) <= 3
            self.column = _column_index(letters) if ok else self.column + 1
            self.cell = (self.column, attributes.get("s", ""), attributes.get("t", ""))
            self.value, self.formula = None, False
            if not self.rows:
                self.rows.append((1, []))
        elif self.cell is not None and tag in ("v", "t"):
            self.text = []
        elif self.cell is not None and tag == "f":
            self.formula = True

    def end(self, name: str) -> None:
        tag = name.rpartition(":")[2]
        if self.skipped:
            self.skipped -= 1
        elif tag in ("v", "t") and self.text is not None:
            text = "".join(self.text)
            self.value = text if tag == "v" else (self.value or "") + text
            self.text = None
        elif tag == "c" and self.cell is not None:
            self._cell_done()

    def _cell_done(self) -> None:
        column, style, kind = self.cell  # type: ignore[misc]
        value = self.value
        self.cell = None
        if self.formula and not value and kind != "str":
            value = None  # a formula whose result was never stored
        elif not value and kind not in ("inlineStr", "str"):
            return  # an empty cell, perhaps styled
        if value is None and not self.formula:
            value = ""  # an inline string without its text
        self.rows[-1][1].append((column_letters(column + 1), style, kind, value))

    def characters(self, data: str) -> None:
        if self.text is not None and not self.skipped:
            self.text.append(data)


def _refuse_doctype(*_arguments: object) -> None:
    raise WorkbookError("file-unreadable", t("xlsx.corrupt", detail="a DOCTYPE in a part"))


# --- a sheet as a table ----------------------------------------------------------------------------

TEXT_COLUMN, NUMBER_COLUMN, PERIOD_COLUMN = 0, 1, 2
HEADER_SEARCH = 20  # non-empty rows in which a sheet's header is looked for


@dataclass(slots=True)
class SheetCells:
    """Turns a sheet's stored cells into the text a person sees, by the kind of their column;
    a cell that cannot be one is a problem at its cell, and its row is left blank."""

    book: Workbook
    file: str  # the sheet's place (``place``)
    kinds: list[int] = field(default_factory=list)
    width: int = 0
    names: list[str] = field(default_factory=list)  # the header's column names, lowercase
    problems: list[Problem] = field(default_factory=list)
    # Excel row -> the columns (from 1) of its cells in error: the row is checked, never kept.
    poisoned: dict[int, set[int]] = field(default_factory=dict)
    _numbers: dict[str, str] = field(default_factory=dict)

    def header(self, cells: list[RawCell]) -> list[str]:
        """A header row as text, up to its last cell that is not empty."""
        texts: dict[int, str] = {}
        for letters, style, kind, value in cells:
            text = self._plain(style, kind, value)
            if text:
                texts[_column_index(letters)] = text
        width = max(texts, default=-1) + 1
        return [texts.get(column, "") for column in range(width)]

    def _plain(self, style: str, kind: str, value: str | None) -> str:
        """A cell's text whatever its column, for a header and for a value beyond it."""
        if not value:
            return ""
        if kind == "s":
            return self._shared(value)
        if kind in ("inlineStr", "str"):
            return composed(value).strip()
        if kind in ("n", ""):
            try:
                return number_text(value)
            except ValueError:
                return value
        return value

    def _shared(self, value: str) -> str:
        try:
            return self.book.strings[int(value)]
        except (ValueError, IndexError):
            raise WorkbookError("file-unreadable", t("xlsx.corrupt", detail=f"no shared string {value}")) from None

    def row(self, number: int, cells: list[RawCell]) -> list[str]:
        """A row's cells as text, ``width`` of them. A cell that is an error is said at its cell
        and left empty, its row noted in ``poisoned``: the row goes through every other check and
        is never kept. A value beyond the header blanks the row, as in a CSV file. The common
        cells — a shared string in a text column, a plain number — are read inline."""
        width, kinds, strings, numbers, index = self.width, self.kinds, self.book.strings, self._numbers, _LETTERS
        plain_styles = self.book.plain_styles
        texts = [""] * width
        for letters, style, kind, value in cells:
            if value == "":
                continue
            column = index.get(letters)
            if column is None:
                column = _column_index(letters)
            if column >= width:
                if self._beyond(number, column, style, kind, value):
                    return [""] * width
                continue  # nothing shown, or an error noted
            column_kind = kinds[column]
            if kind == "s" and column_kind != NUMBER_COLUMN and value is not None:
                try:
                    texts[column] = strings[int(value)]
                except (ValueError, IndexError):
                    self._shared(value)
                continue
            if not kind and style in plain_styles and value in numbers:
                texts[column] = numbers[value]
                continue
            text = self._cell(number, column, column_kind, style, kind, value)
            if text is not None:
                texts[column] = text
        return texts

    def _beyond(self, number: int, column: int, style: str, kind: str, value: str | None) -> bool:
        """A cell right of the header's last column: an error when it shows anything."""
        if kind == "e" or value is None:
            self._cell(number, column, TEXT_COLUMN, style, kind, value)  # an error: noted, the row poisoned
            return False
        shown = self._plain(style, kind, value)
        if not shown:
            return False
        text = t("csv.unnamed_value", column=column_letters(column + 1), text=shown)
        self._problem("csv-row-length", text, number, column, "")
        return True

    def _cell(self, number: int, column: int, column_kind: int, style: str, kind: str, value: str | None) -> str | None:
        """A cell's text by its type and its column's kind; ``None`` when it is an error (then
        said at the cell): an error value, a formula never calculated, a TRUE/FALSE."""
        if kind in ("n", "") and value is not None:
            return self._number(number, column, column_kind, style, value)
        if kind in ("s", "inlineStr", "str") and value is not None:
            text = self._shared(value) if kind == "s" else composed(value).strip()
            return self._written(number, column, text) if column_kind == NUMBER_COLUMN else text
        if kind == "d" and value is not None:
            return self._date(number, column, column_kind, value)
        if value is not None and kind not in ("e", "b"):
            return value.strip()
        self._refused(number, column, kind, value)
        return None

    def _refused(self, number: int, column: int, kind: str, value: str | None) -> None:
        """A cell that is never a figure: an error value, a formula never calculated, TRUE/FALSE."""
        if value is None:
            self._problem("excel-error-cell", t("xlsx.no_cached_value"), number, column)
        elif kind == "e":
            self._problem("excel-error-cell", t("xlsx.error_cell", value=value), number, column)
        else:
            shown = "TRUE" if value.strip() in ("1", "true") else "FALSE"
            self._problem("excel-cell-type", t("xlsx.boolean", value=shown), number, column)

    def _date(self, number: int, column: int, column_kind: int, value: str) -> str | None:
        """A cell of type ``d`` (ISO 8601, as some programs write a date)."""
        day, _, time = value.partition("T")
        if column_kind == NUMBER_COLUMN:
            self._problem("excel-cell-type", t("xlsx.date_in_number", date=day), number, column)
            return None
        if column_kind == PERIOD_COLUMN and time.strip("0:.Z"):
            self._problem("excel-cell-type", t("xlsx.date_time", date=value), number, column)
            return None
        return day

    def _number(self, number: int, column: int, column_kind: int, style: str, value: str) -> str | None:
        styles = self.book.styles
        shows = styles[int(style)] if style and style.isdigit() and int(style) < len(styles) else NUMBER
        try:
            if shows == NUMBER:
                text = self._numbers.get(value)
                if text is None:
                    if len(self._numbers) > 1 << 20:
                        self._numbers.clear()
                    text = self._numbers[value] = number_text(value)
                return text
            if shows == PERCENT:
                return percent_text(value)
            day = serial_date(value, self.book.date1904)
        except ValueError:
            self._problem("excel-cell-type", t("xlsx.not_number", value=value), number, column)
            return None
        if column_kind == NUMBER_COLUMN or (day is None and column_kind == PERIOD_COLUMN):
            shown = day or number_text(value)
            key = "xlsx.date_in_number" if column_kind == NUMBER_COLUMN else "xlsx.date_time"
            self._problem("excel-cell-type", t(key, date=shown), number, column)
            return None
        return day if day is not None else number_text(value)

    def _written(self, number: int, column: int, text: str) -> str | None:
        """A text cell of a number column, read as a ``;`` CSV file reads its cells: a decimal
        comma is a decimal point; a point before three digits may be a thousands separator."""
        if "," not in text and "." not in text:
            return text
        body = text[:-1].rstrip() if text.endswith("%") else text
        if _GROUPED_POINT.fullmatch(body):
            from ansinh.numbers import grouped_text

            self._problem("ambiguous-number", grouped_text(body), number, column)
            return None
        if "," in body and "." in body:
            self._problem("bad-number", t("number.mixed", text=body), number, column)
            return None
        if "," in body and not _GROUPED_COMMA.fullmatch(body):
            return text.replace(",", ".")
        return text  # 22,796 may hide a thousands separator: the CSV checks say so

    def _problem(self, code: str, text: Text, number: int, column: int, path: str | None = None) -> None:
        name = path if path is not None else self.name_of(column)
        self.problems.append(Problem(code, text, self.file, number, column + 1, name))
        if code != "csv-row-length":
            self.poisoned.setdefault(number, set()).add(column + 1)

    def name_of(self, column: int) -> str:
        return self.names[column] if column < len(self.names) else ""


@dataclass(slots=True)
class Sheet:
    """One sheet of a workbook whose first non-empty row holds the required columns: its header,
    the row it stands on, and its rows after it, one for every row number (blank where the sheet
    has none), as text."""

    name: str
    file: str  # the place of its problems (``place``)
    header: list[str]
    header_row: int
    rows: Iterator[list[str]]
    cells: SheetCells

    @property
    def problems(self) -> list[Problem]:
        return self.cells.problems


@dataclass(frozen=True, slots=True)
class RowsAfter:
    """The Excel row of a sheet's rows numbered from 0 after its header: a picklable mapping,
    as ``ansinh.project.Locations`` keeps one a file."""

    first: int

    def __call__(self, row: int) -> int:
        return self.first + row


def read_sheets(
    book: Workbook,
    file: str,
    limits: Limits,
    required: tuple[str, ...],
    kinds: dict[str, int],
    skipped: Callable[[str, list[str]], None],
) -> Iterator[Sheet]:
    """The sheets of ``book`` that hold the ``required`` columns, in order; each other sheet is
    given to ``skipped`` with the required columns its first non-empty row lacks. The header is
    the first row that holds them all, among a sheet's first ``HEADER_SEARCH`` non-empty rows:
    the rows above it are a title, a date, never figures. A sheet's rows are streamed: read each
    before asking for the next sheet."""
    for name, part in book.sheets:
        rows = raw_rows(book, part, limits)
        cells = SheetCells(book, place(file, name))
        header: list[str] | None = None
        header_row = 0
        missing: list[str] | None = None
        seen = 0
        for number, raw in rows:
            found = cells.header(raw)
            if not any(found):
                continue
            present = {cell.strip().lower() for cell in found}
            lacking = [column for column in required if column not in present]
            if missing is None:
                missing = lacking
            if not lacking:
                header, header_row = found, number
                break
            seen += 1
            if seen >= HEADER_SEARCH:
                break
        if header is None:
            rows.close()
            skipped(name, missing if missing is not None else list(required))
            continue
        cells.width = len(header)
        cells.names = [cell.strip().lower() for cell in header]
        cells.kinds = [kinds.get(cell, TEXT_COLUMN) for cell in cells.names]
        yield Sheet(name, cells.file, header, header_row, _filled(rows, header_row, cells), cells)


def _filled(rows: Iterator[tuple[int, list[RawCell]]], header_row: int, cells: SheetCells) -> Iterator[list[str]]:
    """Every row after the header, a blank one for each row number the sheet leaves out."""
    expected = header_row + 1
    blank = [""] * cells.width
    for number, raw in rows:
        if number > _MAX_ROW:
            raise WorkbookError("file-unreadable", t("xlsx.corrupt", detail=f"row {number} is past Excel's last row"))
        while expected < number:
            yield list(blank)
            expected += 1
        yield cells.row(number, raw) if raw else list(blank)
        expected = number + 1


# --- sheets as the tables of CSV files -------------------------------------------------------------

OBSERVATION_KINDS = {"value": NUMBER_COLUMN, "count": NUMBER_COLUMN, "period": PERIOD_COLUMN}
BASE_KINDS = {"value": NUMBER_COLUMN, "year": NUMBER_COLUMN}


def sheet_not_read(file: str, sheet: str, missing: list[str]) -> Problem:
    return Problem("sheet-not-read", t("xlsx.sheet_not_read", sheet=sheet, names=missing), place(file, sheet))


def sheet_table(sheet: Sheet, required: tuple[str, ...], optional: tuple[str, ...]) -> CsvTable:
    """The table of a sheet's header, as a CSV file's header line makes it, its problems on the
    header's row."""
    from dataclasses import replace

    from ansinh.files.csv_reader import table_of_header

    table = table_of_header(sheet.file, sheet.header, required, optional)
    table.problems = [replace(problem, line=sheet.header_row) for problem in table.problems]
    return table


@dataclass(slots=True)
class SheetTable:
    """A sheet read whole as a CSV table, each row with its Excel row as its line, and the rows
    that hold a cell in error (``SheetCells.poisoned``)."""

    table: CsvTable
    poisoned: dict[int, set[int]]


def base_figures_of(sheet: SheetTable, areas: set[str] | None) -> tuple[list[BaseFigure], list[Problem]]:
    """The base figures of a sheet, by the checks of a base CSV file; a row with a cell in error
    is checked, and its problems said, but it is not kept."""
    from ansinh.files.csv_cells import base_figures_from

    figures, problems = base_figures_from(sheet.table, areas)
    if not sheet.poisoned:
        return figures, problems
    poisoned = sheet.poisoned
    kept = [problem for problem in problems if problem.column not in poisoned.get(problem.line or 0, ())]
    return [figure for figure in figures if figure.line not in poisoned], kept


def read_tables(
    path: Path, file: str, limits: Limits, required: tuple[str, ...], optional: tuple[str, ...], kinds: dict[str, int]
) -> tuple[list[SheetTable], list[Problem], bool]:
    """Every sheet of the workbook at ``path`` that holds the ``required`` columns, read whole as
    a CSV table (for base files, which are small), each row with its Excel row; the problems
    found; and whether all of it could be read."""
    problems: list[Problem] = []
    tables: list[SheetTable] = []
    try:
        book = open_workbook(path, limits)
    except WorkbookError as error:
        return [], [Problem(error.code, error.text, file)], False
    complete = True
    try:
        for sheet in read_sheets(
            book,
            file,
            limits,
            required,
            kinds,
            lambda name, missing: problems.append(sheet_not_read(file, name, missing)),
        ):
            table = sheet_table(sheet, required, optional)
            problems.extend(table.problems)
            if not table.ok:
                complete = False
                continue
            for number, cells in enumerate(sheet.rows, sheet.header_row + 1):
                if any(cells):
                    table.rows.append(cells)
                    table.lines.append(number)
            problems.extend(sheet.problems)
            tables.append(SheetTable(table, sheet.cells.poisoned))
    except WorkbookError as error:
        return [], [Problem(error.code, error.text, file)], False
    except READ_ERRORS as error:
        return [], [Problem("file-unreadable", t("xlsx.corrupt", detail=str(error)), file)], False
    finally:
        book.archive.close()
    return tables, problems, complete


def header_columns(
    path: Path, sheet_name: str, limits: Limits, required: tuple[str, ...], optional: tuple[str, ...]
) -> dict[str, int] | None:
    """The columns of one sheet's header, as ``sheet_table`` reads them; ``None`` if it cannot
    be read."""
    try:
        book = open_workbook(path, limits)
    except WorkbookError:
        return None
    try:
        for sheet in read_sheets(book, str(path), limits, required, {}, lambda name, missing: None):
            if sheet.name == sheet_name:
                return sheet_table(sheet, required, optional).columns
    except (WorkbookError, *READ_ERRORS):
        return None
    finally:
        book.archive.close()
    return None
