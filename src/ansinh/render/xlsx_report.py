"""``--format xlsx``: a report as a workbook that offices open, print and compute with.

A summary sheet first (the date, the method, the count in each status, and each plan's counts
with a link to its sheet), then one sheet per plan with the columns of ``sheet_columns``. Every
figure is a number cell with a number format (``#,##0`` for counts, the decimals a figure has
for the others, ``0.00%`` for the share of the target done), so that Excel and LibreOffice show
it in the reader's own convention (22.796 and 27,5 in Vietnamese) and can add it up; dates are
date cells; a status is its word in the chosen language (the colour of its cell only adds to it).
Each sheet has its header row frozen, filters on it, and prints on A4 landscape, one page wide,
the header repeated on every page, with page numbers.

xlsxwriter writes the workbook's frame — styles, the summary, each plan's sheet with its widths,
panes, filters and print set-up, but no cells — in memory; each plan's header row and rows are
then written into its sheet as XML text while the frame is copied into the file, a chunk at a
time: a national report (90,585 rows on 3,355 sheets) takes seconds instead of the half minute
xlsxwriter takes cell by cell, and little more memory than its rows. The creation date is the
report's date, so that the same report is the same bytes. The document properties name ansinh
as the creator: ``output_file`` recognises its own workbooks by them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ansinh.engine.results import SUMMARY_ORDER, Row, Status
from ansinh.language import Lang, render, template
from ansinh.problems import column_letters
from ansinh.render.output_file import CREATOR  # how ansinh knows its own workbooks
from ansinh.render.sheet_columns import SHEET_COLUMNS, STATUS_COLUMN, Kind, values
from ansinh.render.units import status_text
from ansinh.text import t

if TYPE_CHECKING:
    from ansinh.render.document import ReportDocument

MAX_ROWS = 1_048_576  # Excel's rows a sheet, the header's included
SHEET_NAME_LENGTH = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
RESERVED_SHEET_NAMES = {"history"}  # Excel keeps it for tracked changes

A4 = 9  # xlsxwriter's paper code
DATE_FORMATS: dict[Lang, str] = {"vi": "dd/mm/yyyy", "en": "yyyy-mm-dd"}
PERCENT_FORMAT = "0.00%"
# A status's cell: a light fill of the colour the terminal shows it in (the word says it all).
STATUS_FILLS = {
    Status.ACHIEVED: "#C6EFCE",
    Status.ON_TRACK: "#E2F0D9",
    Status.NO_TREND: "#DDEBF7",
    Status.NEEDS_ACCELERATION: "#FFEB9C",
    Status.OFF_TRACK: "#FCE4D6",
    Status.REGRESSING: "#FFC7CE",
    Status.MISSED: "#FFC7CE",
    Status.NO_DATA: "#EDEDED",
}
METHODS = {"linear": "sheet.method_linear", "cagr": "sheet.method_cagr"}
TEXT_LIMIT = 32_767  # characters a cell holds
# zlib's fastest level: a national workbook is 22 MB instead of 19 MB, written 1.3 s sooner.
ZIP_LEVEL = 1
MAX_PLACES = 15  # decimals a number format shows at most (a double holds about 15 digits)


class TooManyRows(ValueError):
    """A plan with more targets than a sheet has rows."""

    def __init__(self, plan: str, rows: int) -> None:
        super().__init__(f"plan {plan} has {rows:,} targets: a sheet holds {MAX_ROWS - 1:,}")
        self.plan = plan
        self.rows = rows


def write_workbook(document: ReportDocument, lang: Lang, path: Path) -> None:
    """The report ``document`` as a workbook at ``path`` (which is replaced)."""
    import io
    import zipfile

    import xlsxwriter

    by_plan: dict[str, list[Row]] = {}
    for row in document.rows:
        by_plan.setdefault(row.plan, []).append(row)
    for plan, rows in by_plan.items():
        if len(rows) >= MAX_ROWS:
            raise TooManyRows(plan, len(rows))

    # The frame: everything but the plans' rows, by xlsxwriter, in memory (it is small).
    class Workbook(xlsxwriter.Workbook):  # type: ignore[misc]
        def _check_sheetname(self, sheetname: str, is_chartsheet: bool = False) -> str:
            # The names come from ``_sheet_names``, valid and unique already: xlsxwriter's own
            # check compares each new name with every earlier one (seconds for 3,356 sheets).
            self.sheetname_count += 1
            return sheetname

    frame = io.BytesIO()
    workbook = Workbook(frame, {"in_memory": True, "strings_to_numbers": False})
    created = datetime(document.as_of.year, document.as_of.month, document.as_of.day)
    workbook.set_properties({"title": document.title, "author": CREATOR, "comments": CREATOR, "created": created})
    styles = _Styles(workbook, lang)
    names = _sheet_names([render(t("sheet.summary"), lang), *by_plan])
    plan_names = dict(zip(by_plan, names[1:], strict=True))
    _summary(workbook.add_worksheet(names[0]), document, lang, styles, by_plan, plan_names)
    for plan, rows in by_plan.items():
        _plan_frame(workbook.add_worksheet(plan_names[plan]), document, lang, styles, plan, len(rows))
    # The styles of the rows to come must be in the workbook's list of styles when it is closed:
    # ``_get_xf_index`` puts a format there (xlsxwriter does it as a cell is written with one).
    cells = _Cells(styles, lang, document)
    workbook.close()
    # The plans' rows go into their sheets as the frame is copied into the file, a chunk at a
    # time: xlsxwriter takes ten microseconds a cell and much longer a sheet (a national report
    # has 2.4 million cells on 3,355 sheets), a row written here as text a fraction of that.
    plans = {f"xl/worksheets/sheet{index}.xml": rows for index, rows in enumerate(by_plan.values(), start=2)}
    with (
        zipfile.ZipFile(frame) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            rows = plans.get(info.filename)
            if rows is None:
                target.writestr(_entry(info), data)
                continue
            with target.open(_entry(info), "w") as stream:
                _fill(stream, data.decode("utf-8"), rows, cells)


def _entry(info: Any) -> Any:
    """A new entry like ``info`` (its name, date and compression), to be written as a stream."""
    import zipfile

    entry = zipfile.ZipInfo(info.filename, info.date_time)
    entry.compress_type = info.compress_type
    entry.external_attr = info.external_attr
    # The level of a ZipInfo's compression: ``compress_level`` from Python 3.13, before it
    # ``_compresslevel`` (a ZipInfo given to ``writestr`` or ``open`` does not take the archive's).
    slots = getattr(zipfile.ZipInfo, "__slots__", ())
    setattr(entry, "compress_level" if "compress_level" in slots else "_compresslevel", ZIP_LEVEL)
    return entry


_DIMENSION = re.compile(r'<dimension ref="[^"]*"/>')


def _fill(stream: Any, sheet: str, rows: Sequence[Row], cells: _Cells) -> None:
    """A plan's sheet: the frame's XML (which has no cells) with the header row and the rows."""
    head, tail = sheet.split("<sheetData/>", 1)
    last = column_letters(len(SHEET_COLUMNS))
    head = _DIMENSION.sub(f'<dimension ref="A1:{last}{len(rows) + 1}"/>', head, count=1)
    stream.write((head + "<sheetData>" + cells.header).encode("utf-8"))
    chunk: list[str] = []
    for number, row in enumerate(rows, start=2):
        chunk.append(cells.row(number, row))
        if len(chunk) == 512:
            stream.write("".join(chunk).encode("utf-8"))
            chunk.clear()
    stream.write(("".join(chunk) + "</sheetData>" + tail).encode("utf-8"))


class _Styles:
    """The workbook's cell formats, each made once."""

    def __init__(self, workbook: Any, lang: Lang) -> None:
        self.workbook = workbook
        self.header = workbook.add_format(
            {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#D9D9D9", "bottom": 1}
        )
        self.title = workbook.add_format({"bold": True, "font_size": 14})
        self.bold = workbook.add_format({"bold": True})
        self.text = workbook.add_format({"valign": "top"})
        self.wrapped = workbook.add_format({"valign": "top", "text_wrap": True})
        self.link = workbook.add_format({"valign": "top", "font_color": "blue", "underline": 1})
        self.date = workbook.add_format({"valign": "top", "num_format": DATE_FORMATS[lang]})
        self.count = workbook.add_format({"valign": "top", "num_format": "#,##0"})
        self.percent = workbook.add_format({"valign": "top", "num_format": PERCENT_FORMAT})
        self.statuses = {
            status: workbook.add_format({"valign": "top", "bg_color": fill}) for status, fill in STATUS_FILLS.items()
        }
        self._numbers: dict[int, Any] = {}

    def number(self, places: int) -> Any:
        """``#,##0`` with ``places`` decimals: a figure shown with the decimals it has."""
        chosen = self._numbers.get(places)
        if chosen is None:
            code = "#,##0" + ("." + "0" * places if places else "")
            chosen = self._numbers[places] = self.workbook.add_format({"valign": "top", "num_format": code})
        return chosen


_ESCAPED_ESCAPE = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")
_NEEDS_ESCAPE = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_EPOCH = date(1899, 12, 30)  # Excel's day 0 (its 1900 leap year included)


def _text(value: str) -> str:
    """Text for a cell's XML, escaped as Excel escapes it: &, <, > as entities, control
    characters as ``_xHHHH_`` (and a literal ``_xHHHH_`` by escaping its underscore); with
    ``xml:space`` when it begins or ends with a space."""
    value = value[:TEXT_LIMIT]
    if value[:1].isspace() or value[-1:].isspace():
        return '<t xml:space="preserve">' + _escaped(value) + "</t>"
    return "<t>" + _escaped(value) + "</t>"


def _escaped(value: str) -> str:
    if not _NEEDS_ESCAPE.search(value):
        return value
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _ESCAPED_ESCAPE.sub(r"_x005F\1", value)
    value = _CONTROL.sub(lambda match: f"_x{ord(match.group(1)):04X}_", value)
    return value.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")


class _Cells:
    """A plan's rows as the XML of a sheet's rows: a number cell with its number format for a
    figure, a date cell for a date, an inline string for text, never a number as text."""

    def __init__(self, styles: _Styles, lang: Lang, document: ReportDocument) -> None:
        self.lang = lang
        self.names = document.names
        self.kinds = [column.kind for column in SHEET_COLUMNS]
        self.letters = [column_letters(index + 1) for index in range(len(SHEET_COLUMNS))]
        self.styles = styles
        self.text = styles.text._get_xf_index()
        self.wrapped = styles.wrapped._get_xf_index()
        self.date = styles.date._get_xf_index()
        self.count = styles.count._get_xf_index()
        self.percent = styles.percent._get_xf_index()
        self.statuses = {status: style._get_xf_index() for status, style in styles.statuses.items()}
        self.numbers = {places: styles.number(places)._get_xf_index() for places in range(MAX_PLACES + 1)}
        self.texts: dict[str, str] = {}
        style = styles.header._get_xf_index()
        self.header = (
            '<row r="1" ht="45" customHeight="1">'
            + "".join(
                f'<c r="{letter}1" s="{style}" t="inlineStr"><is>{_text(template(column.heading, lang))}</is></c>'
                for letter, column in zip(self.letters, SHEET_COLUMNS, strict=True)
            )
            + "</row>"
        )

    def row(self, number: int, row: Row) -> str:
        """One row's XML. (Run for each of a national report's 2.4 million cells: the kinds are
        compared by identity and the values by their type, without a call a cell.)"""
        at = f"{number}"
        parts = ['<row r="', at, '">']
        text_kind, date_kind, percent_kind = Kind.TEXT, Kind.DATE, Kind.PERCENT
        for index, (letter, kind, value) in enumerate(
            zip(self.letters, self.kinds, values(row, self.lang, self.names), strict=True)
        ):
            if value is None:
                continue
            if kind is text_kind:
                if not value:
                    continue
                text = str(value)
                if index == STATUS_COLUMN:
                    style = self.statuses[row.status]
                else:
                    style = self.wrapped if len(text) > 40 else self.text
                escaped = self.texts.get(text)
                if escaped is None:
                    escaped = _text(text)
                    if len(self.texts) < 65_536:  # names, units and statuses, met again and again
                        self.texts[text] = escaped
                parts.append(f'<c r="{letter}{at}" s="{style}" t="inlineStr"><is>{escaped}</is></c>')
            elif type(value) is int and kind is not percent_kind:
                parts.append(f'<c r="{letter}{at}" s="{self.count}"><v>{value}</v></c>')
            elif kind is date_kind:
                parts.append(f'<c r="{letter}{at}" s="{self.date}"><v>{(value - _EPOCH).days}</v></c>')  # type: ignore[operator]
            elif kind is percent_kind:
                parts.append(f'<c r="{letter}{at}" s="{self.percent}"><v>{Decimal(value) / 100:f}</v></c>')  # type: ignore[arg-type]
            else:
                written = f"{value:f}"
                places = len(written) - written.index(".") - 1 if "." in written else 0  # 27.50 keeps 2
                style = self.numbers[places if places <= MAX_PLACES else MAX_PLACES]
                parts.append(f'<c r="{letter}{at}" s="{style}"><v>{written}</v></c>')
        parts.append("</row>")
        return "".join(parts)


def _page_setup(sheet: Any, header: str, repeated_row: int) -> None:
    """A4 landscape, one page wide, the header row on every page, page numbers at the foot."""
    sheet.set_paper(A4)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(repeated_row)
    sheet.set_header("&L" + _header_text(header))
    sheet.set_footer("&C&P / &N")


def _header_text(text: str) -> str:
    """Text for a printed page's header: ``&`` is a code there, and a header holds 255 characters."""
    return text.replace("&", "&&")[:240]


def _plan_frame(sheet: Any, document: ReportDocument, lang: Lang, styles: _Styles, plan: str, count: int) -> None:
    """A plan's sheet but its rows: the column widths, the header row, frozen, with filters on
    the rows to come, and set up to print."""
    plan_name = document.names.plan(plan, lang)
    for index, column in enumerate(SHEET_COLUMNS):
        sheet.set_column(index, index, column.width)
    # The header row is written with the rows (``_Cells.header``): a cell costs xlsxwriter ten
    # microseconds, and a national report has 3,355 header rows.
    sheet.freeze_panes(1, 2)
    sheet.autofilter(0, 0, count, len(SHEET_COLUMNS) - 1)
    _page_setup(sheet, f"{plan_name} ({plan}) · {document.title}", 0)


def _summary(
    sheet: Any,
    document: ReportDocument,
    lang: Lang,
    styles: _Styles,
    by_plan: dict[str, list[Row]],
    plan_names: dict[str, str],
) -> None:
    """The report on one sheet: its date and method, the count in each status, then a line a plan
    with its counts and a link to its sheet."""
    summary = document.summary
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 36)
    sheet.set_column(2, 2 + len(SUMMARY_ORDER), 12)
    sheet.write_string(0, 0, document.title, styles.title)
    sheet.write_string(2, 0, render(t("sheet.as_of"), lang), styles.bold)
    as_of = document.as_of
    sheet.write_datetime(2, 1, datetime(as_of.year, as_of.month, as_of.day), styles.date)
    sheet.write_string(3, 0, render(t("sheet.method"), lang), styles.bold)
    method = METHODS.get(document.method)
    sheet.write_string(3, 1, template(method, lang) if method else document.method, styles.text)
    sheet.write_string(4, 0, render(t("column.targets"), lang), styles.bold)
    sheet.write_number(4, 1, summary.total, styles.count)
    achieved = summary.counts[Status.ACHIEVED]
    sheet.write_string(5, 0, render(t("report.summary", achieved=achieved, total=summary.total), lang), styles.text)
    sheet.write_string(7, 0, template("heading.status", lang), styles.header)
    sheet.write_string(7, 1, render(t("column.targets"), lang), styles.header)
    for offset, status in enumerate(SUMMARY_ORDER, start=8):
        sheet.write_string(offset, 0, status_text(status, lang), styles.statuses[status])
        sheet.write_number(offset, 1, summary.counts[status], styles.count)
    first = 9 + len(SUMMARY_ORDER)
    headings = [
        template("sheet.plan", lang),
        render(t("column.name"), lang),
        render(t("column.targets"), lang),
        *(status_text(status, lang) for status in SUMMARY_ORDER),
    ]
    sheet.set_row(first, 30)
    for index, heading in enumerate(headings):
        sheet.write_string(first, index, heading, styles.header)
    for number, (plan, rows) in enumerate(by_plan.items(), start=first + 1):
        quoted = plan_names[plan].replace("'", "''")
        sheet.write_url(number, 0, f"internal:'{quoted}'!A1", styles.link, plan)
        sheet.write_string(number, 1, document.names.plan(plan, lang), styles.text)
        sheet.write_number(number, 2, len(rows), styles.count)
        counts = dict.fromkeys(SUMMARY_ORDER, 0)
        for row in rows:
            counts[row.status] += 1
        for index, status in enumerate(SUMMARY_ORDER, start=3):
            sheet.write_number(number, index, counts[status], styles.count)
    sheet.autofilter(first, 0, first + len(by_plan), len(headings) - 1)
    _page_setup(sheet, document.title, first)


def _sheet_names(wanted: Sequence[str]) -> list[str]:
    """Names Excel takes, each unique (case aside): at most 31 characters, none of ``[]:*?/\\``,
    no apostrophe at either end, not a reserved name."""
    taken: set[str] = set()
    names: list[str] = []
    for each in wanted:
        base = _NOT_IN_SHEET_NAMES.sub("_", each).strip("'") or "_"
        if base.lower() in RESERVED_SHEET_NAMES:
            base += "_"
        name, count = _cut(base, SHEET_NAME_LENGTH), 1
        while name.lower() in taken:
            count += 1
            suffix = f"~{count}"
            name = _cut(base, SHEET_NAME_LENGTH - len(suffix)).rstrip("'") + suffix
        taken.add(name.lower())
        names.append(name)
    return names


def _cut(text: str, length: int) -> str:
    """The longest start of ``text`` of at most ``length`` UTF-16 units (Excel's measure)."""
    while len(text.encode("utf-16-le")) // 2 > length:
        text = text[:-1]
    return text.rstrip("'")
