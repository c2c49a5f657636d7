"""``ansinh compare`` as files (SPEC 10): a workbook, a printable page, and that page as PDF.

The same areas, figures and words as the text formats of ``ansinh.render.compare_formats``; the
workbook holds real numbers with number formats, the page is self-contained (no network) and
prints on A4 with its title and page numbers on every page.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any

from ansinh.engine.comparison import Comparison
from ansinh.language import Lang, render
from ansinh.numbers import Fraction
from ansinh.render.compare_formats import (
    COLUMNS,
    HEADINGS,
    NUMERIC,
    ORIGIN_WORDS,
    comparison_cells,
    comparison_title,
    summary_text,
)
from ansinh.render.output_file import CREATOR
from ansinh.render.report_formats import Names
from ansinh.render.sheet_columns import figure
from ansinh.render.xlsx_report import DATE_FORMATS, MAX_PLACES
from ansinh.text import t

# --- the workbook ---------------------------------------------------------------------------------

# The comparison sheet's columns: (heading key, width)
_SHEET_COLUMNS = (
    ("compare.heading.rank", 5),
    ("sheet.area_id", 18),
    ("compare.heading.area", 30),
    ("compare.heading.value", 12),
    ("compare.heading.period", 12),
    ("compare.heading.date", 12),
    ("compare.heading.count", 12),
    ("compare.heading.meets", 10),
    ("compare.heading.from", 16),
    ("sheet.warnings", 60),
)


def write_comparison_workbook(comparison: Comparison, lang: Lang, names: Names, path: Path) -> None:
    """A summary sheet (what was compared, with what, ``k of n meet T``), then the areas best
    first: real numbers with number formats, a frozen header with filters, printable on A4."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    title = comparison_title(comparison, names, lang)
    created = datetime(comparison.as_of.year, comparison.as_of.month, comparison.as_of.day)
    # A fixed date: the same comparison gives the same bytes, and output_file knows its own file.
    workbook.set_properties({"title": title, "author": CREATOR, "comments": CREATOR, "created": created})
    formats = {
        "bold": workbook.add_format({"bold": True}),
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "header": workbook.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#D9D9D9"}),
        "date": workbook.add_format({"num_format": DATE_FORMATS[lang]}),
        "whole": workbook.add_format({"num_format": "#,##0"}),
    }
    # A figure shows the decimals it has, as in the report's workbook (``sheet_columns.figure``):
    # a format a number of places, since "#,##0.####" would leave "12." on a whole number.
    for places in range(MAX_PLACES + 1):
        formats[f"places{places}"] = workbook.add_format(
            {"num_format": "#,##0" + ("." + "0" * places if places else "")}
        )
    _summary_sheet(workbook.add_worksheet(render(t("sheet.summary"), lang)), comparison, title, lang, formats)
    sheet = workbook.add_worksheet(render(t("compare.sheet"), lang))
    _areas_sheet(sheet, comparison, lang, formats)
    for each in workbook.worksheets():
        each.set_paper(9)  # A4
        each.set_landscape()
        each.fit_to_pages(1, 0)
        each.set_footer("&C&P / &N")
    sheet.repeat_rows(0)
    workbook.close()


def _summary_sheet(sheet: Any, comparison: Comparison, title: str, lang: Lang, formats: dict[str, Any]) -> None:
    summary, indicator = comparison.summary, comparison.indicator
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 60)
    sheet.write_string(0, 0, title, formats["title"])
    sheet.write_string(1, 0, summary_text(comparison, lang), formats["bold"])
    day = comparison.as_of
    rows: list[tuple[str, str | Decimal | int | datetime]] = [
        ("sheet.as_of", datetime(day.year, day.month, day.day)),
        ("compare.heading.indicator", f"{indicator.name.get(lang)} ({indicator.id})"),
        ("compare.heading.target", comparison.target),
        ("compare.total", summary.total),
        ("compare.with_data", summary.with_data),
        ("compare.meet", summary.meet),
        ("compare.without_data", summary.no_data),
    ]
    for index, (label, value) in enumerate(rows, start=3):
        sheet.write_string(index, 0, render(t(label), lang), formats["bold"])
        if isinstance(value, str):
            sheet.write_string(index, 1, value)
        elif isinstance(value, datetime):
            sheet.write_datetime(index, 1, value, formats["date"])
        else:
            number, places = _cell_number(value)
            sheet.write_number(index, 1, number, formats[f"places{places}"])


def _areas_sheet(sheet: Any, comparison: Comparison, lang: Lang, formats: dict[str, Any]) -> None:
    for column, (key, width) in enumerate(_SHEET_COLUMNS):
        sheet.set_column(column, column, width)
        sheet.write_string(0, column, render(t(key), lang), formats["header"])
    yes, no = render(t("compare.meets.yes"), lang), render(t("compare.meets.no"), lang)
    rank = 0
    for line, row in enumerate(comparison.rows, start=1):
        sheet.write_string(line, 1, row.area.id)
        sheet.write_string(line, 2, row.area.name.get(lang))
        if row.value is not None:
            rank += 1
            sheet.write_number(line, 0, rank)
            number, places = _cell_number(row.value)
            sheet.write_number(line, 3, number, formats[f"places{places}"])
            sheet.write_string(line, 4, row.period or "")
            if row.date is not None:
                sheet.write_datetime(line, 5, datetime(row.date.year, row.date.month, row.date.day), formats["date"])
            if row.count is not None:
                sheet.write_number(line, 6, row.count, formats["whole"])
            sheet.write_string(line, 7, yes if row.meets else no)
            sheet.write_string(line, 8, render(ORIGIN_WORDS[row.origin or "observation"], lang))
        if row.warnings:
            sheet.write_string(line, 9, "; ".join(f"{each.code}: {render(each.text, lang)}" for each in row.warnings))
    sheet.freeze_panes(1, 3)
    sheet.autofilter(0, 0, max(len(comparison.rows), 1), len(_SHEET_COLUMNS) - 1)


def _cell_number(value: Decimal | Fraction | int) -> tuple[float | int, int]:
    """A figure for a cell, as the report's workbook writes one — read from the files with the
    decimals it was written with (30.0 stays 30.0), computed ones rounded as JSON — and its
    number of decimals, for its format."""
    shown = figure(value)
    if isinstance(shown, int):
        return shown, 0
    written = f"{shown:f}"
    places = len(written) - written.index(".") - 1 if "." in written else 0
    return (float(shown) if places else int(shown)), min(places, MAX_PLACES)


# --- the page ---------------------------------------------------------------------------------


def comparison_page(comparison: Comparison, lang: Lang, names: Names) -> str:
    """The comparison as one self-contained page: the title, ``k of n meet T``, the table."""
    from ansinh import __version__
    from ansinh.render.html_report import page_head

    title = comparison_title(comparison, names, lang)
    kinds = {key: ' class="num"' if key in NUMERIC else "" for key in COLUMNS}
    headings = "".join(f"<th{kinds[key]}>{escape(render(HEADINGS[key], lang))}</th>" for key in COLUMNS)
    rows, rank = [], 0
    for row in comparison.rows:
        cells = comparison_cells(row, comparison, lang)
        rank += row.value is not None
        shown = str(rank) if row.value is not None else ""
        rows.append(
            f'<tr><td class="num">{shown}</td>'
            + "".join(f"<td{kinds[key]}>{escape(cells[key])}</td>" for key in COLUMNS)
            + "</tr>"
        )
    made = render(t("html.made", version=__version__, as_of=comparison.as_of), lang)
    return (
        page_head(title, lang)
        + f'<main class="report"><header><h1>{escape(title)}</h1></header>'
        + f'<p class="summary-line">{escape(summary_text(comparison, lang))}</p>'
        + f'<table class="compare"><thead><tr><th class="num">#</th>{headings}</tr></thead>'
        + f"<tbody>{''.join(rows)}</tbody></table>"
        + f'<footer class="made">{escape(made)}</footer></main></body></html>\n'
    )


def write_comparison_page(comparison: Comparison, lang: Lang, names: Names, path: Path) -> None:
    path.write_text(comparison_page(comparison, lang, names), encoding="utf-8")


def write_comparison_pdf(comparison: Comparison, lang: Lang, names: Names, path: Path) -> None:
    """The page printed by Chromium; ``PdfError`` (no browser, or it failed) is the caller's."""
    from ansinh.render.pdf import pdf_bytes

    path.write_bytes(pdf_bytes(comparison_page(comparison, lang, names)))
