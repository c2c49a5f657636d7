"""``gap`` and ``report`` as one self-contained HTML page (SPEC 10): to open in a browser, mail,
or print on A4 — Vietnamese first, no network (inline CSS and SVG; no script, font or image
fetched from anywhere).

The page holds the summary ("Đã đạt 1/14 chỉ tiêu …"), each group's table with the figures the
terminal table shows plus the share of the target, and a section per target with every figure of
the JSON, its warnings, its arithmetic (``--explain``) and, for a level target, a chart
(``ansinh.render.svg_chart``) with its data as a table for screen readers.

A report of more than ``FULL_ROWS`` targets (a national root has ninety thousand) would be a page
no browser opens comfortably and nobody reads: it is summarised instead, with the count in each
status for every group (the ``GROUPS`` with most targets behind, if there are more) and the
``WORST`` targets furthest behind in full, with their charts; the page says that
every target is in the JSON, CSV and workbook outputs. Every string from the project's files is
escaped. The same document gives the same bytes: nothing here reads a clock.
"""

from __future__ import annotations

import io
from html import escape

from ansinh import __version__
from ansinh.engine.results import SUMMARY_ORDER, Row, Status, Summary
from ansinh.language import Lang, render, template
from ansinh.numbers import Fraction
from ansinh.render.document import ReportDocument
from ansinh.render.explain import render_explanations
from ansinh.render.report_formats import (
    DASH,
    TABLE_COLUMNS,
    GroupBy,
    Names,
    Printed,
    RowReport,
    cells,
    count_text,
    summary_text,
)
from ansinh.render.svg_chart import chart_of, figure, number_text, observation_status, svg
from ansinh.render.units import deadline_label, number, status_text, value_text, years_text
from ansinh.text import t

FULL_ROWS = 500  # above this many targets the page is a summary (see the module's note)
WORST = 60  # the targets a summarised page shows in full
GROUPS = 100  # the groups whose counts a summarised page lists

# The order in which a summarised page picks the targets furthest behind.
_BEHIND = {
    Status.MISSED: 0,
    Status.REGRESSING: 1,
    Status.OFF_TRACK: 2,
    Status.NEEDS_ACCELERATION: 3,
    Status.NO_TREND: 4,
    Status.NO_DATA: 5,
    Status.ON_TRACK: 6,
    Status.ACHIEVED: 7,
}

_TABLE = [(first, second) for first, second, _numeric in TABLE_COLUMNS]  # paired as the terminal's table


def html_page(document: ReportDocument, lang: Lang) -> str:
    """The whole page, ``<!doctype html>`` to ``</html>``."""
    parts = [_head(document, lang), '<main class="report">', _title(document, lang), _summary(document.summary, lang)]
    if len(document.rows) <= FULL_ROWS:
        document.sources.load(document.rows)  # each figure's source, for its --explain lines
        for index, (heading, rows) in enumerate(_groups(document, document.rows, lang)):
            parts.append(_group(document, heading, rows, lang, f"g{index}"))
    else:
        parts.append(_summarised(document, lang))
    parts.append(f'<footer class="made">{_text("html.made", lang, version=__version__, as_of=document.as_of)}</footer>')
    parts.append("</main></body></html>\n")
    return "".join(parts)


# --- the page's frame ------------------------------------------------------------------------

_CSS = """
@page { size: A4; margin: 16mm 12mm 16mm 12mm;
  @top-left { content: @RUNNING@; font: 7.5pt "DejaVu Sans", sans-serif; color: #444; }
  @bottom-center { content: @PAGE@; font: 8pt "DejaVu Sans", sans-serif; color: #444; } }
:root { color: #1f1f1f; background: #fff; }
body { margin: 0; font-family: "DejaVu Sans", Verdana, "Noto Sans", Arial, sans-serif; font-size: 9.5pt;
  line-height: 1.4; }
main.report { max-width: 186mm; margin: 0 auto; padding: 8mm 0; }
@media print { main.report { max-width: none; padding: 0; } }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 7mm 0 2mm; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 0 0 1mm; }
p { margin: 1mm 0; }
.method, .made, .plan-line { color: #444; font-size: 8.5pt; }
.summary-line { font-size: 11pt; font-weight: bold; margin: 3mm 0 2mm; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr, .figures div { break-inside: avoid; }
th, td { border: 0.6pt solid #9a9a9a; padding: 1.2mm 1.5mm; vertical-align: top; text-align: left;
  overflow-wrap: break-word; }
th { background: #eceff1; font-weight: bold; font-size: 8.5pt; }
td.num, th.num { text-align: right; }
table.targets { table-layout: fixed; font-size: 8.5pt; }
table.targets col.c-indicator { width: 22%; } table.targets col.c-target { width: 17%; }
table.targets col.c-current { width: 15%; } table.targets col.c-gap { width: 16%; }
table.targets col.c-shortfall { width: 17%; } table.targets col.c-status { width: 13%; }
h1, h2, h3 { break-inside: avoid; }
.second { display: block; color: #555; }
table.counts { width: auto; min-width: 60%; font-size: 8.5pt; }
table.groups { table-layout: fixed; font-size: 7.5pt; }
table.groups th { font-size: 7pt; }
.status { font-weight: bold; white-space: normal; }
.s-achieved { background: #e3f1e4; } .s-on_track { background: #eef6ea; }
.s-no_trend { background: #eef3f7; } .s-needs_acceleration { background: #fff4d6; }
.s-off_track { background: #fde6e0; } .s-regressing, .s-missed { background: #f9d6d2; }
.s-no_data { background: #f2f2f2; color: #555; }
td.status::before, span.status::before { font-weight: normal; }
.unfinished { font-style: italic; border-bottom: 0.8pt dashed #555; }
article.target { border-top: 1pt solid #9a9a9a; padding: 3mm 0 2mm; margin-top: 3mm;
  break-inside: avoid; }
article.target h3 .status { font-size: 8.5pt; padding: 0.3mm 1.5mm; border: 0.6pt solid #9a9a9a;
  margin-left: 1mm; }
figure.chart { margin: 1mm 0; }
svg.chart { display: block; width: 100%; height: auto; }
.target-body { display: grid; grid-template-columns: 440px minmax(0, 1fr); gap: 4mm; align-items: start; }
.target-body.flow { grid-template-columns: minmax(0, 1fr); }
@media screen and (max-width: 720px) { .target-body { grid-template-columns: minmax(0, 1fr); } }
dl.figures { margin: 1mm 0; font-size: 8.5pt; }
.flow dl.figures { columns: 2; column-gap: 6mm; }
dl.figures div { margin: 0 0 0.9mm; overflow-wrap: break-word; }
dl.figures dt { display: inline; color: #555; }
dl.figures dt::after { content: ": "; }
dl.figures dd { display: inline; margin: 0; }
ul.warnings { margin: 1mm 0; padding-left: 5mm; font-size: 8pt; color: #5a3b00; }
details { margin: 1mm 0; font-size: 8.5pt; }
details summary { cursor: pointer; color: #0b4f8a; }
details ul { padding-left: 5mm; margin: 1mm 0; }
details table { font-size: 8pt; width: auto; }
@media print { details { display: none; } }
.note { border: 0.8pt solid #9a9a9a; background: #f7f7f7; padding: 2mm 3mm; margin: 3mm 0; }
"""


def _css(title: str, lang: Lang) -> str:
    page = template("html.page", lang)
    before, _, rest = page.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    numbers = f"{_css_string(before)} counter(page) {_css_string(middle)} counter(pages) {_css_string(after)}"
    return _CSS.replace("@RUNNING@", _css_string(f"ansinh · {title}")).replace("@PAGE@", numbers)


def _css_string(text: str) -> str:
    """A CSS string holding ``text``: every character that could end it, or end the style
    element, written as an escape."""
    safe = "".join(char if char.isalnum() or char in " .,:;·()/-–—" else f"\\{ord(char):06x}" for char in text)
    return f'"{safe}"'


def _head(document: ReportDocument, lang: Lang) -> str:
    return page_head(document.title, lang)


def page_head(title: str, lang: Lang) -> str:
    """A page's start to ``<body>``: the language, ansinh's signature (``output_file``), the
    title, and the printable style (A4, page numbers, the title on every page)."""
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="ansinh {escape(__version__)}">'
        f"<title>{escape(title)}</title><style>{_css(title, lang)}</style></head><body>"
    )


def _title(document: ReportDocument, lang: Lang) -> str:
    method = "html.method_cagr" if document.method == "cagr" else "html.method_linear"
    return f'<header><h1>{escape(document.title)}</h1><p class="method">{_text(method, lang)}</p></header>'


def _summary(summary: Summary, lang: Lang) -> str:
    """The summary sentence, and the count in each status as a table."""
    rows = "".join(
        f'<tr><td class="status s-{status.value}">{escape(status_text(status, lang))}</td>'
        f'<td class="num">{number(summary.counts[status], lang)}</td></tr>'
        for status in SUMMARY_ORDER
    )
    return (
        f'<section class="summary"><p class="summary-line">{escape(summary_text(summary, lang))}</p>'
        f'<table class="counts"><thead><tr><th>{_text("heading.status", lang)}</th>'
        f'<th class="num">{_text("html.targets", lang)}</th></tr></thead><tbody>{rows}</tbody></table></section>'
    )


def _groups(document: ReportDocument, rows: list[Row], lang: Lang) -> list[tuple[str, list[Row]]]:
    """The rows in the groups the document asks for, each with its heading (as the tables)."""
    report = RowReport(
        document.as_of,
        document.title,
        [Printed(row.plan, row.area, row.lead, row.status, row, ()) for row in rows],
        document.group_by,
        document.names,
    )
    return [(heading, [each.piece for each in printed]) for heading, printed in report.groups(lang)]


def _group(document: ReportDocument, heading: str, rows: list[Row], lang: Lang, ident: str) -> str:
    # The heading stays on the page of the table's start.
    title = f"<h2>{escape(heading)}</h2>" if heading else ""
    parts = [f'<section class="group"><div class="group-head">{title}{_table(document, rows, lang)}</div>']
    show_plan = document.group_by is not GroupBy.PLAN
    parts.extend(_target(document, row, lang, f"{ident}-{index}", show_plan) for index, row in enumerate(rows))
    parts.append("</section>")
    return "".join(parts)


def _table(document: ReportDocument, rows: list[Row], lang: Lang) -> str:
    """The group's targets, a row each, with the columns of the terminal table."""
    names = ("indicator", "target", "current", "gap", "shortfall", "status")
    heads = ["<br>".join(_text(f"heading.{key}", lang) for key in pair if key) for pair in _TABLE]
    heads.append(_text("heading.status", lang))
    head = "".join(
        f'<th class="num">{text}</th>' if index in (2, 3, 4) else f"<th>{text}</th>" for index, text in enumerate(heads)
    )
    body = "".join(_table_row(document, row, lang) for row in rows)
    cols = "".join(f'<col class="c-{name}">' for name in names)
    return (
        f'<table class="targets"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def _table_row(document: ReportDocument, row: Row, lang: Lang) -> str:
    values = cells(row, lang, document.names)
    out = []
    for index, (first, second) in enumerate(_TABLE):
        numeric = index >= 2
        text = _current(row, lang, breakable=True) if first == "current" else _cell(values[first], numeric)
        if second is not None and values.get(second, DASH) != DASH:
            text += f'<span class="second">{_cell(values[second], numeric)}</span>'
        out.append(f'<td class="num">{text}</td>' if numeric else f"<td>{text}</td>")
    out.append(f'<td class="status s-{row.status.value}">{escape(values["status"])}</td>')
    return "<tr>" + "".join(out) + "</tr>"


def _cell(text: str, numeric: bool) -> str:
    """A cell's text, escaped; a figure may break after a slash ("0,7143/10.000/năm"), where a
    narrow column would otherwise break it inside a word."""
    return escape(text).replace("/", "/<wbr>") if numeric else escape(text)


def _current(row: Row, lang: Lang, *, breakable: bool = False) -> str:
    """The figure the row is judged on, marked when it is an estimate or preliminary (SPEC 9);
    already escaped."""
    current = row.current
    if current is None:
        return DASH
    text = _cell(f"{value_text(current.value, row.indicator, lang)} ({current.period})", breakable)
    word = observation_status(current.status, lang)
    if word:
        text += f' <span class="unfinished">{escape(word)}</span>'
    return text


def _percent(value: Fraction, lang: Lang) -> str:
    return f"{number(value, lang)}%"


# --- a target in full ----------------------------------------------------------------------------


def _target(document: ReportDocument, row: Row, lang: Lang, ident: str, show_plan: bool) -> str:
    names = document.names
    heading = f"{row.indicator.name.get(lang)} — {names.area(row.area, lang)}"
    plan = names.plan(row.plan, lang) if show_plan else None
    plan_line = " · ".join(part for part in (plan, row.lead) if part)
    parts = [
        f'<article class="target" id="{ident}">',
        f'<h3>{escape(heading)} <span class="status s-{row.status.value}">'
        f"{escape(status_text(row.status, lang))}</span></h3>",
        f'<p class="plan-line">{escape(plan_line)} ({escape(row.plan)} · {escape(row.indicator.id)})</p>',
    ]
    chart = chart_of(row, document.points(row), document.method)
    if chart is not None:
        title = render(t("chart.title", indicator=row.indicator.name.get(lang), area=names.area(row.area, lang)), lang)
        parts.append(
            f'<div class="target-body"><div class="visual"><figure class="chart">{svg(chart, lang, ident, title)}'
            f"</figure>{_chart_data(row, document, lang)}</div>{_figures(row, names, lang)}</div>"
        )
    else:
        parts.append(f'<div class="target-body flow">{_figures(row, names, lang)}</div>')
    if row.warnings:
        label = escape(render(t("problems.warning"), lang))
        items = "".join(
            f"<li>{label} [{escape(warning.code)}]: {escape(render(warning.text, lang))}</li>"
            for warning in row.warnings
        )
        parts.append(f'<ul class="warnings">{items}</ul>')
    parts.append(_explanation(document, row, lang))
    parts.append("</article>")
    return "".join(parts)


def _figures(row: Row, names: Names, lang: Lang) -> str:
    """Every figure of the row's JSON, labelled, in the reader's language."""
    items = "".join(
        f"<div><dt>{escape(label)}</dt><dd>{value}</dd></div>" for label, value in _figure_list(row, names, lang)
    )
    return f'<dl class="figures">{items}</dl>'


def _figure_list(row: Row, names: Names, lang: Lang) -> list[tuple[str, str]]:  # noqa: PLR0912 - one branch a figure
    """(label, escaped value) for each figure the row has."""
    indicator = row.indicator
    values = cells(row, lang, names)
    figures: list[tuple[str, str]] = [(template("heading.target", lang), escape(values["target"]))]
    if row.baseline_value is not None:
        baseline = f"{value_text(row.baseline_value, indicator, lang)} ({row.baseline_period})"
        figures.append((template("heading.baseline", lang), escape(baseline)))
    figures.append((template("heading.current", lang), _current(row, lang)))
    if row.declared_count is not None and row.declared_count != row.target_count:
        figures.append((template("html.declared_count", lang), escape(count_text(row.declared_count, row, lang))))
    if row.current is not None and row.current.count is not None and row.current.count != row.current_count:
        figures.append((template("html.reported_count", lang), escape(count_text(row.current.count, row, lang))))
    for key, value in (("gap", row.gap), ("per_year", row.required_per_year)):
        if value is not None:
            figures.append((template(f"heading.{key}", lang), escape(values[key])))
    if row.years_left is not None:
        figures.append((template("html.years_left", lang), escape(years_text(row.years_left, lang))))
    if row.target_count is not None:
        figures.append((template("html.target_count", lang), escape(count_text(row.target_count, row, lang))))
    if row.current_count is not None:
        figures.append((template("html.current_count", lang), escape(count_text(row.current_count, row, lang))))
    for key, value in (("shortfall", row.shortfall), ("shortfall_per_year", row.shortfall_per_year)):
        if value is not None:
            figures.append((template(f"heading.{key}", lang), escape(values[key])))
    if row.percent_of_target is not None:
        figures.append((template("html.percent_of_target", lang), _percent(row.percent_of_target, lang)))
    if row.progress_percent is not None:
        figures.append((template("html.progress_percent", lang), _percent(row.progress_percent, lang)))
    if row.progress_ratio is not None:
        figures.append((template("html.progress_ratio", lang), number(figure(row.progress_ratio), lang)))
    if row.projected is not None:
        label = render(t("html.projected", deadline=deadline_label(row.deadline)), lang)
        figures.append((label, escape(value_text(figure(row.projected), indicator, lang))))
    return figures


def _chart_data(row: Row, document: ReportDocument, lang: Lang) -> str:
    """The chart's figures as a table: its text alternative, beside the ``<desc>``."""
    lines: list[tuple[str, str, str]] = []
    if row.baseline_value is not None:
        lines.append(
            (row.baseline_period or "", number_text(row.baseline_value, lang), template("chart.legend_baseline", lang))
        )
    for point in document.points(row):
        lines.append(
            (
                point.period,
                number_text(point.value, lang),
                observation_status(point.status, lang) or template("chart.legend_observed", lang),
            )
        )
    if row.target.value is not None:
        lines.append(
            (deadline_label(row.deadline), number_text(row.target.value, lang), template("chart.legend_target", lang))
        )
    if row.projected is not None and row.current is not None:
        lines.append(
            (deadline_label(row.deadline), number_text(row.projected, lang), template("chart.legend_trend", lang))
        )
    body = "".join(
        f'<tr><td>{escape(period)}</td><td class="num">{escape(value)}</td><td>{escape(what)}</td></tr>'
        for period, value, what in lines
    )
    head = "".join(f"<th>{_text(key, lang)}</th>" for key in ("html.period", "html.value", "html.what"))
    return (
        f'<details class="chart-data"><summary>{_text("html.chart_data", lang)}</summary>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></details>"
    )


def _explanation(document: ReportDocument, row: Row, lang: Lang) -> str:
    """``--explain``'s lines for the row, folded away on screen and left out of print."""
    out = io.StringIO()
    render_explanations([row], document.as_of, document.names, lang, out, document.sources)
    lines = [line.strip() for line in out.getvalue().splitlines() if line.strip()][1:]  # without the heading
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return f'<details class="explain"><summary>{_text("html.explain", lang)}</summary><ul>{items}</ul></details>'


# --- a large report, summarised ------------------------------------------------------------------


def _summarised(document: ReportDocument, lang: Lang) -> str:
    """The count in each status for every group, then the targets furthest behind in full."""
    worst = sorted(
        range(len(document.rows)),
        key=lambda index: (_BEHIND[document.rows[index].status], _ratio_key(document.rows[index]), index),
    )[:WORST]
    shown = [
        document.rows[index] for index in sorted(worst, key=lambda index: (_BEHIND[document.rows[index].status], index))
    ]
    document.sources.load(shown)
    parts = [
        f'<p class="note">{_text("html.summarised", lang, total=len(document.rows), shown=len(shown))}</p>',
        _group_counts(document, lang),
        f"<h2>{_text('html.worst', lang, n=len(shown))}</h2>",
        _table(document, shown, lang),
    ]
    parts.extend(_target(document, row, lang, f"w-{index}", True) for index, row in enumerate(shown))
    return "".join(parts)


def _ratio_key(row: Row) -> tuple[int, object]:
    return (0, row.progress_ratio) if row.progress_ratio is not None else (1, 0)


def _group_counts(document: ReportDocument, lang: Lang) -> str:
    """A line per group: its targets and how many are at each status; the ``GROUPS`` with the
    most targets behind when there are more."""
    if document.group_by is None:
        return ""
    head = f'<th>{_text("html.group", lang)}</th><th class="num">{_text("html.targets", lang)}</th>' + "".join(
        f'<th class="num">{escape(status_text(status, lang))}</th>' for status in SUMMARY_ORDER
    )
    groups = [
        (heading, Summary.of(row.status for row in rows)) for heading, rows in _groups(document, document.rows, lang)
    ]
    note = ""
    if len(groups) > GROUPS:
        note = f'<p class="method">{_text("html.groups_shown", lang, shown=GROUPS, total=len(groups))}</p>'
        ranked = sorted(range(len(groups)), key=lambda index: (_behind_in(groups[index][1]), index))
        groups = [groups[index] for index in ranked[:GROUPS]]
    body = []
    for heading, summary in groups:
        counts = "".join(f'<td class="num">{number(summary.counts[status], lang)}</td>' for status in SUMMARY_ORDER)
        body.append(f'<tr><td>{escape(heading)}</td><td class="num">{number(summary.total, lang)}</td>{counts}</tr>')
    cols = '<col style="width:28%"><col style="width:8%">' + '<col style="width:8%">' * len(SUMMARY_ORDER)
    return (
        f"<h2>{_text('html.by_group', lang)}</h2>{note}"
        f'<table class="groups"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _behind_in(summary: Summary) -> tuple[int, int]:
    """How a group ranks for a summarised page: most targets missed, regressing or off track
    first, then most that need to speed up."""
    counts = summary.counts
    return (
        -(counts[Status.MISSED] + counts[Status.REGRESSING] + counts[Status.OFF_TRACK]),
        -counts[Status.NEEDS_ACCELERATION],
    )


# --- words ---------------------------------------------------------------------------------------


def _text(key: str, lang: Lang, **args: object) -> str:
    """A message in ``lang``, escaped for the page."""
    return escape(render(t(key, **args), lang))
