"""``ansinh chart``: the HTML report's chart drawn in a terminal (SPEC 10) — the observations,
the baseline, the straight path to the target, the trend to the deadline, the target line and the
deadline — one chart per target, in characters that tell the lines apart without colour
(``NO_COLOR``), within the terminal's width (80 columns and up).

What a chart shows is ``ansinh.render.svg_chart.chart_of``'s, so the page and the terminal draw
the same things; a flow target, a sum and not a path, gets a bar of how much is done.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TextIO

from ansinh.engine.results import Row
from ansinh.language import Lang, render
from ansinh.render.document import ReportDocument
from ansinh.render.report_formats import cells
from ansinh.render.svg_chart import (
    UNFINISHED,
    Chart,
    Number,
    chart_of,
    number_text,
    observation_status,
    trend_line,
    unit_text,
    value_ticks,
    year_ticks,
)
from ansinh.render.terminal_table import fold
from ansinh.render.units import deadline_label, number, status_text
from ansinh.text import t

HEIGHT = 11  # rows of the plot
MAX_WIDTH = 110  # wider than this a chart is no easier to read
BAR = 30

# What each element is drawn with, and its colour where the terminal has colour.
OBSERVED, UNFINISHED_MARK, BASELINE, PROJECTED = "●", "○", "◆", "△"
PATH, TREND, TARGET, DEADLINE = "·", "-", "═", "│"
STYLES = {
    OBSERVED: "bold blue",
    UNFINISHED_MARK: "bold blue",
    BASELINE: "bold",
    PROJECTED: "bold yellow",
    PATH: "",
    TREND: "yellow",
    TARGET: "green",
    DEADLINE: "red",
}

Segment = tuple[str, str]  # text, Rich style
Line = list[Segment]


def print_charts(document: ReportDocument, lang: Lang, out: TextIO) -> None:
    """Every row's chart, one after another, at the terminal's width."""
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, highlight=False, soft_wrap=False)
    width = max(40, min(console.width, MAX_WIDTH))
    for index, row in enumerate(document.rows):
        if index:
            console.print()
        for line in chart_lines(document, row, lang, width):
            console.print(Text.assemble(*line), no_wrap=True, overflow="ignore", crop=False)


def chart_lines(document: ReportDocument, row: Row, lang: Lang, width: int) -> list[Line]:
    """A row's heading and chart (or bar), as lines of styled text at most ``width`` long."""
    names = document.names
    values = cells(row, lang, names)
    heading = f"{row.indicator.name.get(lang)} — {names.area(row.area, lang)} ({row.plan})"
    lines: list[Line] = [[(part, "bold")] for part in fold(heading, width)]
    lines += [[(part, "")] for part in fold(f"{values['target']} · {status_text(row.status, lang)}", width)]
    chart = chart_of(row, document.points(row), document.method)
    if chart is None:
        lines += _bar(row, values, lang, width)
        return lines
    lines += _plot(chart, lang, width)
    lines += _legend(chart, lang, width)
    return lines


def _bar(row: Row, values: dict[str, str], lang: Lang, width: int) -> list[Line]:
    """A flow target: a bar of how much of it is done, then the figures."""
    if row.progress_percent is None:
        return [[(render(t("chart.no_points"), lang), "dim")]]
    share = min(1.0, max(0.0, float(row.progress_percent) / 100))  # a bar's length, not a figure
    size = min(BAR, width - 2)
    filled = round(share * size)
    text = render(t("chart.flow_done", done=values["current"], percent=number(row.progress_percent, lang)), lang)
    bar: Line = [("[", ""), ("█" * filled, "green"), ("░" * (size - filled), "dim"), ("]", "")]
    return [bar] + [[(part, "")] for part in fold(text, width)]


@dataclass(frozen=True, slots=True)
class _Grid:
    """The plot's character cells and how dates and values map onto them."""

    columns: int
    first: int  # ordinal days at the left and right edges
    last: int
    low: float
    high: float

    def column(self, day: date) -> int:
        share = (day.toordinal() - self.first) / (self.last - self.first)
        return min(self.columns - 1, max(0, round(share * (self.columns - 1))))

    def row(self, value: Number) -> int:
        share = (self.high - float(value)) / (self.high - self.low)
        return min(HEIGHT - 1, max(0, round(share * (HEIGHT - 1))))


def _plot(chart: Chart, lang: Lang, width: int) -> list[Line]:
    ticks = value_ticks(chart.values())
    labels = _axis_labels(chart, ticks, lang)
    label_width = max(len(text) for text in labels.values())
    first, last = chart.first_day.toordinal(), chart.last_day.toordinal()
    span = max(last - first, 365)
    pad = span // 25
    grid = _Grid(width - label_width - 2, first - pad, first + span + pad, float(ticks[0]), float(ticks[-1]))
    rows = _rows_of(labels, grid)
    cells = [[" "] * grid.columns for _ in range(HEIGHT)]
    _draw(chart, grid, cells)
    lines: list[Line] = []
    for index, row in enumerate(cells):
        label = rows.get(index, "")
        line: Line = [(f"{label:>{label_width}} ", ""), ("┤" if label else "│", "")]
        line += [(char, STYLES.get(char, "")) for char in row]
        lines.append(_merged(line))
    lines += _time_axis(grid, label_width)
    unit = unit_text(chart.indicator, lang)
    if unit:
        lines.insert(0, [(f"{unit:>{label_width}}", "dim")])
    return lines


def _axis_labels(chart: Chart, ticks: list[Decimal], lang: Lang) -> dict[Number, str]:
    """The values named on the axis: the top and bottom ticks, the target, the baseline, the
    latest figure and where the trend ends; later ones give way to earlier ones on a shared row."""
    wanted: list[Number] = [chart.target]
    if chart.baseline is not None:
        wanted.append(chart.baseline[1])
    if chart.points:
        wanted.append(chart.points[-1].value)
    if chart.projected is not None:
        wanted.append(chart.projected)
    wanted += [ticks[-1], ticks[0]]
    return {value: number_text(value, lang) for value in wanted}


def _rows_of(labels: dict[Number, str], grid: _Grid) -> dict[int, str]:
    rows: dict[int, str] = {}
    for value, text in labels.items():
        rows.setdefault(grid.row(value), text)
    return rows


def _draw(chart: Chart, grid: _Grid, cells: list[list[str]]) -> None:
    """The lines first, then the deadline, then the points over them."""
    target_row = grid.row(chart.target)
    cells[target_row] = [TARGET] * grid.columns
    if chart.baseline is not None:
        _line(cells, grid, chart.baseline, (chart.deadline, chart.target), PATH)
    trend = trend_line(chart)
    for start, end in itertools.pairwise(trend):
        _line(cells, grid, start, end, TREND)
    deadline = grid.column(chart.deadline)
    for row in cells:
        if row[deadline] in (" ", PATH, TREND):
            row[deadline] = DEADLINE
    if chart.projected is not None:
        cells[grid.row(chart.projected)][deadline] = PROJECTED
    for point in chart.points:
        cells[grid.row(point.value)][grid.column(point.date)] = (
            UNFINISHED_MARK if point.status in UNFINISHED else OBSERVED
        )
    if chart.baseline is not None:
        cells[grid.row(chart.baseline[1])][grid.column(chart.baseline[0])] = BASELINE


def _line(
    cells: list[list[str]], grid: _Grid, start: tuple[date, Number | float], end: tuple[date, Number | float], mark: str
) -> None:
    """A straight line, a mark in every column it crosses (and every row, where it is steep)."""
    first, last = grid.column(start[0]), grid.column(end[0])
    top, bottom = grid.row(start[1]), grid.row(end[1])
    steps = max(abs(last - first), abs(bottom - top), 1)
    for step in range(steps + 1):
        column = round(first + (last - first) * step / steps)
        row = round(top + (bottom - top) * step / steps)
        if cells[row][column] in (" ", PATH):
            cells[row][column] = mark


def _time_axis(grid: _Grid, label_width: int) -> list[Line]:
    """The bottom axis with a tick where each year begins and the year under its span."""
    first, last = date.fromordinal(grid.first), date.fromordinal(grid.last)
    axis = ["─"] * grid.columns
    for year in range(first.year + 1, last.year + 1):
        axis[grid.column(date(year, 1, 1))] = "┬"
    names = [" "] * grid.columns
    end = -1
    for year in year_ticks(first, last, most=grid.columns // 6):
        text = str(year)
        start = grid.column(date(year, 7, 2)) - len(text) // 2
        start = max(0, min(start, grid.columns - len(text)))
        if start > end:
            names[start : start + len(text)] = list(text)
            end = start + len(text)
    pad = " " * (label_width + 1)
    return [[(pad + "└" + "".join(axis), "")], [(pad + " " + "".join(names), "")]]


def _legend(chart: Chart, lang: Lang, width: int) -> list[Line]:
    """What each character stands for, with the values it marks, in lines that fit."""
    items: list[Segment] = []
    if chart.points:
        items.append((f"{OBSERVED} {render(t('chart.legend_observed'), lang)}", STYLES[OBSERVED]))
    if chart.has_unfinished:
        items.append((f"{UNFINISHED_MARK} {render(t('chart.legend_unfinished'), lang)}", STYLES[UNFINISHED_MARK]))
    if chart.baseline is not None:
        baseline = render(t("chart.baseline", value=number_text(chart.baseline[1], lang)), lang)
        items.append((f"{BASELINE} {baseline} ({chart.baseline_period})", STYLES[BASELINE]))
        items.append((f"{PATH * 3} {render(t('chart.legend_path'), lang)}", STYLES[PATH]))
    if chart.points:
        latest = chart.points[-1]
        word = observation_status(latest.status, lang)
        text = f"{number_text(latest.value, lang)} ({latest.period}{', ' + word if word else ''})"
        items.append((f"{render(t('chart.latest', value=text), lang)}", ""))
    if chart.projected is not None:
        projected = render(t("chart.projected", value=number_text(chart.projected, lang)), lang)
        items.append((f"{TREND * 3}{PROJECTED} {render(t('chart.legend_trend'), lang)}: {projected}", STYLES[TREND]))
    target = render(t("chart.target", value=number_text(chart.target, lang)), lang)
    items.append((f"{TARGET * 3} {target} ({deadline_label(chart.deadline)})", STYLES[TARGET]))
    deadline = render(t("chart.deadline", by=deadline_label(chart.deadline)), lang)
    items.append((f"{DEADLINE} {deadline}", STYLES[DEADLINE]))
    lines: list[Line] = []
    line: Line = []
    used = 0
    for whole, style in items:
        text = whole[:width]
        if line and used + 3 + len(text) > width:
            lines.append(line)
            line, used = [], 0
        if line:
            line.append(("   ", ""))
            used += 3
        line.append((text, style))
        used += len(text)
    if line:
        lines.append(line)
    return lines


def _merged(line: Line) -> Line:
    """Neighbouring segments of one style as one: fewer pieces for Rich to style."""
    merged: Line = []
    for text, style in line:
        if merged and merged[-1][1] == style:
            merged[-1] = (merged[-1][0] + text, style)
        else:
            merged.append((text, style))
    return merged
