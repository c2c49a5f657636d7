"""The rows of ``gap`` and ``report`` as a table, JSON, CSV or Markdown.

An output format is an enum member mapped to one renderer; a test checks that every member has
one. Renderers only format: every figure comes from the engine's rows.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TextIO

from ansinh.engine.rows import SUMMARY_ORDER, Row, Status, Summary
from ansinh.i18n import Lang
from ansinh.numbers import round_half_up
from ansinh.render.figures import (
    STATUS_STYLES,
    counted,
    difference_text,
    number,
    per_year_text,
    status_text,
    value_text,
)
from ansinh.render.json_out import dumps_line, iso
from ansinh.render.json_out import number as json_number
from ansinh.render.table import Cell, Column, Output, draw
from ansinh.text import LocalText, t, template


class RowFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


class GroupBy(StrEnum):
    PLAN = "plan"
    LEAD = "lead"
    AREA = "area"
    STATUS = "status"


@dataclass(frozen=True, slots=True)
class RowReport:
    """Rows ready to print: the date, the rows, how to group them and what to call things."""

    as_of: date
    rows: list[Row]
    title: str
    group_by: GroupBy | None = None
    area_names: dict[str, LocalText] = field(default_factory=dict)
    base_names: dict[str, LocalText | str] = field(default_factory=dict)

    @property
    def summary(self) -> Summary:
        return Summary.of(self.rows)

    def groups(self, lang: Lang) -> list[tuple[str, list[Row]]]:
        """The rows in groups, each with its heading; one untitled group when not grouped."""
        if self.group_by is None:
            return [("", self.rows)]
        grouped: dict[object, list[Row]] = {}
        for row in self.rows:
            grouped.setdefault(self._key(row), []).append(row)
        keys = list(grouped)
        if self.group_by is GroupBy.STATUS:
            keys.sort(key=lambda key: key.rank)  # type: ignore[attr-defined]
        elif self.group_by is GroupBy.LEAD:
            keys.sort(key=lambda key: (key is None, key or ""))  # type: ignore[operator]
        return [(self._heading(key, grouped[key][0], lang), grouped[key]) for key in keys]

    def _key(self, row: Row) -> object:
        return {
            GroupBy.PLAN: row.plan,
            GroupBy.LEAD: row.lead,
            GroupBy.AREA: row.area,
            GroupBy.STATUS: row.status,
        }[self.group_by]  # type: ignore[index]

    def _heading(self, key: object, row: Row, lang: Lang) -> str:
        if self.group_by is GroupBy.PLAN:
            return f"{row.plan_name.get(lang)} ({row.plan})"
        if self.group_by is GroupBy.AREA:
            return self.area_name(row.area, lang)
        if self.group_by is GroupBy.STATUS:
            return status_text(row.status, lang)
        return str(key) if key else t("report.no_lead").render(lang)

    def area_name(self, area: str, lang: Lang) -> str:
        name = self.area_names.get(area)
        return name.get(lang) if name else area

    def base_name(self, base: str, lang: Lang) -> str:
        name = self.base_names.get(base, base)
        return name.get(lang) if isinstance(name, LocalText) else name


# --- JSON (SPEC section 6) -------------------------------------------------------------------


def row_json(row: Row, lang: Lang) -> dict[str, object]:
    """One row with every key of SPEC section 6, ``null`` where a figure does not apply."""
    indicator, goal, current = row.indicator, row.goal, row.current
    return {
        "plan": row.plan,
        "indicator": indicator.id,
        "name": indicator.name.get(lang),
        "area": row.area,
        "lead": row.lead,
        "unit": indicator.unit,
        "better": indicator.better,
        "kind": indicator.kind,
        "counts": indicator.counts.get(lang) if indicator.counts else None,
        "baseline": None
        if row.baseline_value is None
        else {"value": json_number(row.baseline_value), "date": iso(row.baseline_date)},
        "target": {
            "value": json_number(goal.value),
            "total": json_number(goal.total),
            "per_year": json_number(goal.per_year),
            "from": iso(goal.start),
            "deadline": iso(goal.deadline),
            "count": json_number(goal.count),
        },
        "current": None
        if current is None
        else {
            "value": json_number(current.value),
            "period": current.period,
            "date": iso(current.date),
            "count": current.count,
        },
        "met": row.met,
        "gap": json_number(row.gap),
        "years_left": json_number(row.years_left),
        "required_per_year": json_number(row.required_per_year),
        "target_count": row.target_count,
        "current_count": row.current_count,
        "shortfall": row.shortfall,
        "shortfall_per_year": row.shortfall_per_year,
        "achieved": json_number(row.achieved),
        "progress_percent": json_number(row.progress_percent),
        "progress_ratio": json_number(row.progress_ratio),
        "projected": json_number(row.projected),
        "status": row.status.value,
        "warnings": [{"code": warning.code, "message": warning.text.render(lang)} for warning in row.warnings],
    }


def summary_json(summary: Summary) -> dict[str, int]:
    return {"total": summary.total, **{status.value: summary.counts[status] for status in SUMMARY_ORDER}}


def render_json(report: RowReport, lang: Lang, out: TextIO, err: TextIO) -> None:
    """The document of SPEC section 6, one row to a line: readable, and quick to write for the
    ninety thousand rows of a national report."""
    out.write(f'{{"as_of": "{report.as_of.isoformat()}", "rows": [')
    for index, row in enumerate(report.rows):
        out.write(("," if index else "") + "\n  " + dumps_line(row_json(row, lang)))
    out.write(("\n" if report.rows else "") + '], "summary": ' + dumps_line(summary_json(report.summary)) + "}\n")


# --- CSV -----------------------------------------------------------------------------------------


def render_csv(report: RowReport, lang: Lang, out: TextIO, err: TextIO) -> None:
    """One line per row with the JSON's keys, nested ones dotted (``target.count``); numbers as
    in JSON, so that scripts read them the same way in both languages."""
    writer = csv.writer(out, lineterminator="\n")
    header: list[str] | None = None
    for row in report.rows:
        flat = _flatten(row_json(row, lang))
        if header is None:
            header = list(flat)
            writer.writerow(header)
        writer.writerow([_csv_cell(flat[key]) for key in header])
    if header is None:
        writer.writerow(_flatten_keys())


def _flatten(document: dict[str, object], prefix: str = "") -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, value in document.items():
        name = f"{prefix}{key}"
        if key in ("baseline", "target", "current"):
            nested = value if isinstance(value, dict) else dict.fromkeys(_NESTED[key])
            flat.update(_flatten(nested, f"{name}."))
        elif key == "warnings":
            flat[name] = "; ".join(f"{item['code']}: {item['message']}" for item in value)  # type: ignore[attr-defined]
        else:
            flat[name] = value
    return flat


_NESTED = {
    "baseline": ("value", "date"),
    "target": ("value", "total", "per_year", "from", "deadline", "count"),
    "current": ("value", "period", "date", "count"),
}


def _flatten_keys() -> list[str]:
    keys = ["plan", "indicator", "name", "area", "lead", "unit", "better", "kind", "counts"]
    for nested, names in _NESTED.items():
        keys += [f"{nested}.{name}" for name in names]
    keys += [
        "met",
        "gap",
        "years_left",
        "required_per_year",
        "target_count",
        "current_count",
        "shortfall",
        "shortfall_per_year",
        "achieved",
        "progress_percent",
        "progress_ratio",
        "projected",
        "status",
        "warnings",
    ]
    return keys


def _csv_cell(value: object) -> str:
    """A cell as the JSON writes it: numbers as JSON numbers, booleans as true and false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)  # the shortest text of this float, which is the rounded decimal
    return f"{value:f}" if isinstance(value, Decimal) else str(value)


# --- cells shared by the table and Markdown ----------------------------------------------------

COLUMNS = (
    "area",
    "indicator",
    "baseline",
    "target",
    "current",
    "gap",
    "per_year",
    "shortfall",
    "shortfall_per_year",
    "progress",
    "status",
)
NUMERIC = {"baseline", "current", "gap", "per_year", "shortfall", "shortfall_per_year"}
_DASH = "—"


def cells(row: Row, lang: Lang, report: RowReport) -> dict[str, str]:
    """A row's figures as text with units, in the reader's language. (Run for every row of a
    national report: the messages' templates are filled in directly.)"""
    indicator, goal, current = row.indicator, row.goal, row.current
    if goal.value is not None:
        target = template("target.level_text", lang).format(
            value=value_text(goal.value, indicator, lang), by=_label(goal.deadline)
        )
    elif goal.total is not None:
        assert goal.start is not None
        target = template("target.total_text", lang).format(
            total=counted(goal.total, indicator, lang), span=_span(goal.start, goal.deadline)
        )
    else:
        assert goal.per_year is not None
        amount = per_year_text(counted(goal.per_year, indicator, lang), lang)
        target = template("target.per_year_text", lang).format(amount=amount, by=_label(goal.deadline))
    baseline = (
        template("target.from_baseline", lang).format(
            value=value_text(row.baseline_value, indicator, lang), period=row.baseline_period
        )
        if row.baseline_value is not None
        else _DASH
    )
    return {
        "area": report.area_name(row.area, lang),
        "indicator": indicator.name.get(lang),
        "baseline": baseline,
        "target": target,
        "current": f"{value_text(current.value, indicator, lang)} ({current.period})" if current else _DASH,
        "gap": difference_text(row.gap, indicator, lang) if row.gap is not None else _DASH,
        "per_year": per_year_text(difference_text(row.required_per_year, indicator, lang), lang)
        if row.required_per_year is not None
        else _DASH,
        "shortfall": _count_or_dash(row.shortfall, row, lang),
        "shortfall_per_year": per_year_text(counted(row.shortfall_per_year, indicator, lang), lang)
        if row.shortfall_per_year is not None
        else _DASH,
        "progress": _progress_percent(row, lang),
        "status": status_text(row.status, lang),
    }


def _label(deadline: date) -> str:
    """A deadline as people write it: the year when it is the year's last day."""
    return str(deadline.year) if (deadline.month, deadline.day) == (12, 31) else deadline.isoformat()


def _span(start: date, end: date) -> str:
    """A flow's window: ``2021–2023`` when it runs over whole years."""
    if (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31):
        return f"{start.year}–{end.year}" if start.year != end.year else str(start.year)
    return f"{start.isoformat()} – {end.isoformat()}"


def _count_or_dash(count: int | None, row: Row, lang: Lang) -> str:
    if count is None:
        return _DASH
    if row.indicator.unit == "count" or row.indicator.counts is not None:
        return counted(count, row.indicator, lang)
    return number(count, lang)


def _progress_percent(row: Row, lang: Lang) -> str:
    if row.completion is None:
        return _DASH
    return f"{number(round_half_up(100 * row.completion), lang)}%"


def summary_text(summary: Summary, lang: Lang) -> str:
    """``Đã đạt 20/27 chỉ tiêu`` / ``Achieved 20 of 27``, then the count in each status."""
    head = t("report.summary", achieved=summary.counts[Status.ACHIEVED], total=summary.total).render(lang)
    parts = [
        f"{status_text(status, lang)} {summary.counts[status]}"
        for status in SUMMARY_ORDER
        if status is not Status.ACHIEVED
    ]
    return f"{head} · " + " · ".join(parts)


def write_warnings(report: RowReport, lang: Lang, err: TextIO) -> None:
    """Row warnings go to stderr, each with the row it concerns."""
    for row in report.rows:
        for warning in row.warnings:
            err.write(
                f"{t('problems.warning').render(lang)}: {row.plan} · {row.indicator.id} · {row.area}: "
                f"[{warning.code}] {warning.text.render(lang)}\n"
            )


# --- Markdown ----------------------------------------------------------------------------------


def render_markdown(report: RowReport, lang: Lang, out: TextIO, err: TextIO) -> None:
    headers = [t(f"heading.{column}").render(lang) for column in COLUMNS]
    lines = [f"## {report.title}", ""]
    for heading, rows in report.groups(lang):
        if heading:
            lines += [f"### {_md(heading)}", ""]
        lines.append("| " + " | ".join(headers) + " |")
        lines.append("| " + " | ".join("---:" if column in NUMERIC else "---" for column in COLUMNS) + " |")
        for row in rows:
            values = cells(row, lang, report)
            lines.append("| " + " | ".join(_md(values[column]) for column in COLUMNS) + " |")
        lines.append("")
    lines.append(summary_text(report.summary, lang))
    out.write("\n".join(lines) + "\n")
    write_warnings(report, lang, err)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# --- Table ----------------------------------------------------------------------------------------

BAR_WIDTH = 8
# The table pairs figures in cells of two lines so that it fits a normal window:
# (first line, second line, right-aligned)
TABLE_COLUMNS = (
    ("indicator", "area", False),
    ("target", "baseline", False),
    ("current", None, True),
    ("gap", "per_year", True),
    ("shortfall", "shortfall_per_year", True),
)


def render_table(report: RowReport, lang: Lang, out: TextIO, err: TextIO) -> None:
    """A table per group: numbers right-aligned with their units, figures paired in two-line
    cells to fit a terminal, statuses in words and colour with a bar of progress."""
    output = Output.to(out)
    output.line(report.title, "bold")
    columns = [
        Column("\n".join(t(f"heading.{key}").render(lang) for key in (first, second) if key), right=numeric)
        for first, second, numeric in TABLE_COLUMNS
    ]
    columns.append(Column(t("heading.status").render(lang) + "\n" + t("heading.progress").render(lang), foldable=False))
    for heading, rows in report.groups(lang):
        if heading:
            output.line(heading, "bold")
        drawn = []
        for row in rows:
            values = cells(row, lang, report)
            line = []
            for first, second, _numeric in TABLE_COLUMNS:
                if second is not None and values[second] != _DASH:
                    line.append(Cell(f"{values[first]}\n{values[second]}", ("", "dim")))
                else:
                    line.append(Cell(values[first]))
            style = STATUS_STYLES[row.status]
            line.append(Cell(f"{values['status']}\n{_bar(row)} {values['progress']}", (style, style)))
            drawn.append(line)
        draw(output, columns, drawn, lines=True)
    output.line(summary_text(report.summary, lang))
    write_warnings(report, lang, err)


def _bar(row: Row) -> str:
    if row.completion is None:
        return "·" * BAR_WIDTH
    share = min(1.0, max(0.0, float(row.completion)))  # a bar's length, not a figure anyone quotes
    filled = round(share * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


Renderer = Callable[[RowReport, Lang, TextIO, TextIO], None]
RENDERERS: dict[RowFormat, Renderer] = {
    RowFormat.TABLE: render_table,
    RowFormat.JSON: render_json,
    RowFormat.CSV: render_csv,
    RowFormat.MARKDOWN: render_markdown,
}
