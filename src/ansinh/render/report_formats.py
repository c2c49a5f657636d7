"""The rows of ``gap`` and ``report`` as a table, JSON, CSV or Markdown.

Each format prints a row in two steps: ``piece`` turns an engine ``Row`` into its text (a JSON
line, a CSV line, a Markdown line, table cells), and ``write`` puts the pieces of a whole report
together with its headings and summary. The pieces are plain strings and tuples, so that a second
process can compute and print half the rows of a national report (``ansinh.cli.gap_report``). An
output format is an enum member mapped to one printer; a test checks that every member has one.
Printers only format: every figure comes from the engine's rows.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any, ClassVar, Generic, NamedTuple, Protocol, TextIO, TypeVar

from ansinh.engine.results import SUMMARY_ORDER, Row, Status, Summary
from ansinh.language import Lang, render, template
from ansinh.models import FINAL
from ansinh.numbers import round_half_up, round_to_places
from ansinh.problems import CODES
from ansinh.render.json_text import dumps_line, iso
from ansinh.render.json_text import number as json_number
from ansinh.render.sheet_columns import SHEET_COLUMNS, Kind
from ansinh.render.sheet_columns import headings as sheet_headings
from ansinh.render.sheet_columns import values as sheet_values
from ansinh.render.terminal_table import Cell, Column, Output, draw, fits_without_breaking, fold, write_joined
from ansinh.render.units import (
    STATUS_STYLES,
    counted,
    deadline_label,
    difference_text,
    number,
    observation_status_text,
    per_year_text,
    status_text,
    value_text,
)
from ansinh.text import LocalText, t


class RowFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    CSV_EXCEL = "csv-excel"  # the CSV a spreadsheet in the reader's language opens right
    MARKDOWN = "markdown"
    # Files laid out whole from a ReportDocument (ansinh.render.output_file.DOCUMENT_WRITERS)
    XLSX = "xlsx"
    HTML = "html"
    PDF = "pdf"


class GroupBy(StrEnum):
    PLAN = "plan"
    LEAD = "lead"
    AREA = "area"
    STATUS = "status"


@dataclass(frozen=True, slots=True)
class Names:
    """What areas, plans and bases are called, in both languages."""

    areas: dict[str, LocalText] = field(default_factory=dict)
    plans: dict[str, LocalText] = field(default_factory=dict)
    bases: dict[str, LocalText | str] = field(default_factory=dict)

    def area(self, area: str, lang: Lang) -> str:
        name = self.areas.get(area)
        return name.get(lang) if name else area

    def plan(self, plan: str, lang: Lang) -> str:
        name = self.plans.get(plan)
        return name.get(lang) if name else plan

    def base(self, base: str, lang: Lang) -> str:
        name = self.bases.get(base, base)
        return name.get(lang) if isinstance(name, LocalText) else name


P = TypeVar("P")  # what a format prints a row as: a line of text, or a table's cells
P_co = TypeVar("P_co", covariant=True)


class Note(NamedTuple):
    """A row's warning for stderr: its code, the target it concerns, its message."""

    code: str
    plan: str
    indicator: str
    area: str
    text: str

    @property
    def target(self) -> str:
        return f"{self.plan} · {self.indicator} · {self.area}"


class Printed(NamedTuple, Generic[P]):
    """A row as a format prints it, with what ordering, grouping and the summary need."""

    plan: str
    area: str
    lead: str | None
    status: Status
    piece: P  # the format's text for the row
    notes: tuple[Note, ...]  # warnings for stderr (none for formats that hold them in the rows)
    label: str = ""  # plan · indicator · area, for the rows --fail-on names


@dataclass(frozen=True, slots=True)
class RowReport(Generic[P]):
    """Printed rows ready to be written: the date, the title, how to group them, the names."""

    as_of: date
    title: str
    rows: list[Printed[P]]
    group_by: GroupBy | None = None
    names: Names = field(default_factory=Names)
    method: str = "linear"  # SPEC 11: how the level targets' progress was read
    detail: int = 0  # the rows' warnings on stderr: -1 none (-q), 0 grouped by code, 1 each (-v)

    @property
    def summary(self) -> Summary:
        return Summary.of(row.status for row in self.rows)

    def groups(self, lang: Lang) -> list[tuple[str, list[Printed[P]]]]:
        """The rows in groups, each with its heading; one untitled group when not grouped.
        The rows are already in the groups' order (``ordered``)."""
        if self.group_by is None:
            return [("", self.rows)]
        grouped: dict[object, list[Printed[P]]] = {}
        for row in self.rows:
            grouped.setdefault(_group_key(row, self.group_by), []).append(row)
        return [(self._heading(key, rows[0], lang), rows) for key, rows in grouped.items()]

    def _heading(self, key: object, row: Printed[P], lang: Lang) -> str:
        if self.group_by is GroupBy.PLAN:
            return f"{self.names.plan(row.plan, lang)} ({row.plan})"
        if self.group_by is GroupBy.AREA:
            return self.names.area(row.area, lang)
        if self.group_by is GroupBy.STATUS:
            return status_text(row.status, lang)
        return str(key) if key else render(t("report.no_lead"), lang)


def _group_key(row: Printed[Any], group_by: GroupBy) -> object:
    if group_by is GroupBy.PLAN:
        return row.plan
    if group_by is GroupBy.LEAD:
        return row.lead
    if group_by is GroupBy.AREA:
        return row.area
    return row.status


def ordered(rows: list[Printed[P]], group_by: GroupBy | None) -> list[Printed[P]]:
    """Rows in the order their groups are shown, so that JSON and CSV list them as the table
    does: plans and areas in order of first appearance, statuses best first, leads by name."""
    if group_by is GroupBy.STATUS:
        return sorted(rows, key=lambda row: row.status.rank)
    if group_by is GroupBy.LEAD:
        return sorted(rows, key=lambda row: (row.lead is None, row.lead or ""))
    if group_by is GroupBy.AREA:
        first_seen: dict[str, int] = {}
        for row in rows:
            first_seen.setdefault(row.area, len(first_seen))
        return sorted(rows, key=lambda row: first_seen[row.area])
    return rows


class Printer(Protocol[P]):
    """One output format: a row's piece, and the whole report written from the pieces; ``notes``
    says whether the rows' warnings go to stderr (they are in the rows for JSON and CSV)."""

    notes: ClassVar[bool]

    def __init__(self, lang: Lang, names: Names) -> None: ...

    def piece(self, row: Row) -> P: ...

    def write(self, report: RowReport[P], out: TextIO, err: TextIO) -> None: ...


def printed(row: Row, printer: Printer[P], lang: Lang) -> Printed[P]:
    """A row with its piece and, if the format writes them to stderr, its warnings."""
    label = f"{row.plan} · {row.indicator.id} · {row.area}"
    notes = (
        tuple(
            Note(warning.code, row.plan, row.indicator.id, row.area, render(warning.text, lang))
            for warning in row.warnings
        )
        if printer.notes
        else ()
    )
    return Printed(row.plan, row.area, row.lead, row.status, printer.piece(row), notes, label)


# Targets named under each kind of warning before "and N more": the rest are in -v and JSON.
NAMED_PER_CODE = 8


def write_notes(report: RowReport[Any], err: TextIO, lang: Lang) -> None:
    """The rows' warnings on stderr: each kind once, with how many targets it concerns and
    which (``-v``: every warning in full, naming its target; ``-q``: none)."""
    notes = [note for row in report.rows for note in row.notes]
    if not notes or report.detail < 0:
        return
    label = render(t("problems.warning"), lang)
    if report.detail > 0:
        err.write("".join(f"{label}: {note.target}: [{note.code}] {note.text}\n" for note in notes))
        return
    by_code: dict[str, list[Note]] = {}
    for note in notes:
        by_code.setdefault(note.code, []).append(note)
    targets = len({note.target for note in notes})
    counted_notes = t(
        "report.warnings_grouped", warnings=t("plural.warnings", n=len(notes)), targets=t("plural.targets", n=targets)
    )
    err.write(render(counted_notes, lang) + "\n")
    for code, group in sorted(by_code.items(), key=lambda item: (-len(item[1]), item[0])):
        known = CODES.get(code)
        title = known.title.get(lang) if known else code
        listed = _targets_named(group, lang)
        err.write(f"  {title} [{code}] ×{len(group)}: {listed}\n")
        if len(group) == 1:
            err.write(f"    {group[0].text}\n")


def _targets_named(notes: list[Note], lang: Lang) -> str:
    """The targets a kind of warning concerns, by plan: ``plan (area): indicator, indicator``;
    the first ``NAMED_PER_CODE`` of them, then how many more."""
    by_plan: dict[str, dict[tuple[str, str], None]] = {}
    for note in notes:
        by_plan.setdefault(note.plan, {})[(note.indicator, note.area)] = None
    parts, named = [], 0
    for plan, targets in by_plan.items():
        shown = list(targets)[: max(0, NAMED_PER_CODE - named)]
        named += len(shown)
        if not shown:
            continue
        areas = {area for _indicator, area in shown}
        if len(areas) == 1:
            parts.append(f"{plan} ({areas.pop()}): " + ", ".join(indicator for indicator, _area in shown))
        else:
            parts.append(f"{plan}: " + ", ".join(f"{indicator} ({area})" for indicator, area in shown))
    total = sum(map(len, by_plan.values()))
    listed = "; ".join(parts)
    if total > named:
        listed += " " + render(t("report.and_more", n=total - named), lang)
    return listed


# --- JSON (SPEC section 6) -------------------------------------------------------------------


def row_json(row: Row, lang: Lang) -> dict[str, object]:
    """One row with every key of SPEC section 6, ``null`` where a figure does not apply."""
    indicator, current = row.indicator, row.current
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
            "value": json_number(row.target.value),
            "total": json_number(row.target.total),
            "per_year": json_number(row.target.per_year),
            "from": iso(row.window_start),
            "deadline": iso(row.deadline),
            "count": json_number(row.declared_count),
        },
        "current": None
        if current is None
        else {
            "value": json_number(current.value),
            "period": current.period,
            "date": iso(current.date),
            "count": current.count,
            "status": current.status,
            "from": row.origin,  # SPEC 7: observation, rollup or lineage
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
        "percent_of_target": json_number(row.percent_of_target),
        "progress_ratio": json_number(row.progress_ratio),
        "projected": json_number(row.projected),
        "status": row.status.value,
        "warnings": [{"code": warning.code, "message": render(warning.text, lang)} for warning in row.warnings],
    }


def summary_json(summary: Summary) -> dict[str, int]:
    return {"total": summary.total, **{status.value: summary.counts[status] for status in SUMMARY_ORDER}}


class JsonPrinter:
    """The document of SPEC section 6, one row to a line: readable, and quick to write for the
    ninety thousand rows of a national report. Warnings are in the rows."""

    notes: ClassVar[bool] = False

    def __init__(self, lang: Lang, names: Names) -> None:
        self.lang = lang

    def piece(self, row: Row) -> str:
        return dumps_line(row_json(row, self.lang))

    def write(self, report: RowReport[str], out: TextIO, err: TextIO) -> None:
        out.write(f'{{"as_of": "{report.as_of.isoformat()}", "method": "{report.method}", "rows": [')
        if report.rows:
            out.write("\n  ")
            write_joined(out, ",\n  ", [row.piece for row in report.rows])
            out.write("\n")
        out.write('], "summary": ' + dumps_line(summary_json(report.summary)) + "}\n")


# --- CSV -----------------------------------------------------------------------------------------


class CsvPrinter:
    """One line per row with the JSON's keys, nested ones dotted (``target.count``); numbers as
    in JSON, so that scripts read them the same way in both languages. Warnings are a column."""

    notes: ClassVar[bool] = False

    def __init__(self, lang: Lang, names: Names) -> None:
        self.lang = lang
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\n")

    def piece(self, row: Row) -> str:
        flat = _flatten(row_json(row, self.lang))
        return self._line([_csv_cell(value) for value in flat.values()])

    def _line(self, cells: list[str]) -> str:
        self.buffer.seek(0)
        self.buffer.truncate()
        self.writer.writerow(cells)
        return self.buffer.getvalue()

    def write(self, report: RowReport[str], out: TextIO, err: TextIO) -> None:
        out.write(self._line(CSV_KEYS))
        write_joined(out, "", [row.piece for row in report.rows])


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
    "current": ("value", "period", "date", "count", "status", "from"),
}


def _flatten_keys() -> list[str]:
    """The CSV's columns: the keys of ``row_json``, nested ones dotted."""
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
        "percent_of_target",
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


CSV_KEYS = _flatten_keys()


class CsvExcelPrinter:
    """``--format csv-excel``: the CSV a spreadsheet in the reader's language opens right (the CSV
    above is for scripts). The workbook's columns (``ansinh.render.sheet_columns``) under their
    headings in the chosen language, after a byte-order mark (else Excel reads UTF-8 as ANSI),
    with CRLF line ends and the separators Excel expects of that language: in Vietnamese ``;``
    between cells and a decimal comma (27,5), in English ``,`` and a decimal point. Numbers are
    never grouped (Excel would read 22.796 as twenty-two point something), a share of the target
    is a percentage (91,6667%), a date is ISO (2025-12-31). Text that a spreadsheet would take for
    a formula is quoted with an apostrophe. Warnings are a column."""

    notes: ClassVar[bool] = False

    def __init__(self, lang: Lang, names: Names) -> None:
        self.lang = lang
        self.names = names
        self.comma = lang == "vi"
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, delimiter=";" if self.comma else ",", lineterminator="\r\n")
        self.kinds = [column.kind for column in SHEET_COLUMNS]

    def piece(self, row: Row) -> str:
        return self._line(
            [
                self._cell(kind, value)
                for kind, value in zip(self.kinds, sheet_values(row, self.lang, self.names), strict=True)
            ]
        )

    def _cell(self, kind: Kind, value: object) -> str:
        if value is None:
            return ""
        if kind is Kind.TEXT:
            text = str(value)
            return "'" + text if text[:1] in _FORMULA_STARTS else text
        if isinstance(value, date):
            return value.isoformat()
        text = f"{value:f}" if isinstance(value, Decimal) else str(value)
        if self.comma:
            text = text.replace(".", ",")
        return text + "%" if kind is Kind.PERCENT else text

    def _line(self, cells: list[str]) -> str:
        self.buffer.seek(0)
        self.buffer.truncate()
        self.writer.writerow(cells)
        return self.buffer.getvalue()

    def write(self, report: RowReport[str], out: TextIO, err: TextIO) -> None:
        out.write("\ufeff" + self._line(sheet_headings(self.lang)))
        write_joined(out, "", [row.piece for row in report.rows])


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# --- cells shared by the table and Markdown ----------------------------------------------------

COLUMNS = (
    "area",
    "indicator",
    "baseline",
    "target",
    "current",
    "percent_of_target",
    "gap",
    "per_year",
    "shortfall",
    "shortfall_per_year",
    "progress",
    "status",
)
NUMERIC = {"baseline", "current", "percent_of_target", "gap", "per_year", "shortfall", "shortfall_per_year"}
DASH = "—"  # a figure that cannot be computed, or does not apply


def cells(row: Row, lang: Lang, names: Names) -> dict[str, str]:
    """A row's figures as text with units, in the reader's language. (Run for every row of a
    national report: the messages' templates are filled in directly.)"""
    indicator = row.indicator
    if row.target.value is not None:
        target = template("target.level_text", lang).format(
            value=value_text(row.target.value, indicator, lang), by=deadline_label(row.deadline)
        )
    elif row.target.total is not None:
        assert row.window_start is not None
        target = template("target.total_text", lang).format(
            total=counted(row.target.total, indicator, lang), span=_span(row.window_start, row.deadline)
        )
    else:
        assert row.target.per_year is not None
        amount = per_year_text(counted(row.target.per_year, indicator, lang), lang)
        target = template("target.per_year_text", lang).format(amount=amount, by=deadline_label(row.deadline))
    baseline = (
        template("target.from_baseline", lang).format(
            value=value_text(row.baseline_value, indicator, lang), period=row.baseline_period
        )
        if row.baseline_value is not None
        else DASH
    )
    return {
        "area": names.area(row.area, lang),
        "indicator": indicator.name.get(lang),
        "baseline": baseline,
        "target": target,
        "current": _current_text(row, lang),
        "percent_of_target": template("report.percent_of_target", lang).format(
            percent=number(round_to_places(row.percent_of_target, 2), lang)
        )
        if row.percent_of_target is not None
        else DASH,
        "gap": difference_text(row.gap, indicator, lang) if row.gap is not None else DASH,
        # A missed target's deadline has passed: no pace a year can reach it any more (JSON keeps
        # SPEC 3's figures).
        "per_year": per_year_text(difference_text(row.required_per_year, indicator, lang), lang)
        if row.required_per_year is not None and row.status is not Status.MISSED
        else DASH,
        "shortfall": _count_or_dash(row.shortfall, row, lang),
        "shortfall_per_year": per_year_text(counted(row.shortfall_per_year, indicator, lang), lang)
        if row.shortfall_per_year is not None and row.status is not Status.MISSED
        else DASH,
        "progress": _progress_percent(row, lang),
        "status": _status_with_ratio(row, lang),
    }


# The statuses a progress ratio decides: the table shows the ratio beside them.
DECIDED_BY_RATIO = {Status.ON_TRACK, Status.NEEDS_ACCELERATION, Status.OFF_TRACK, Status.REGRESSING}


def _status_with_ratio(row: Row, lang: Lang) -> str:
    """``needs acceleration · 0.81``: the status and the progress ratio that decided it."""
    text = status_text(row.status, lang)
    if row.status in DECIDED_BY_RATIO and row.progress_ratio is not None:
        return f"{text} · {number(round_to_places(row.progress_ratio, 2), lang)}"
    return text


def _current_text(row: Row, lang: Lang) -> str:
    """The latest figure and its period, and its status unless final (SPEC 9): ``27,5/10.000
    (2024, ước tính)``."""
    current = row.current
    if current is None:
        return DASH
    value = value_text(current.value, row.indicator, lang)
    if current.status == FINAL:
        return f"{value} ({current.period})"
    return f"{value} ({current.period}, {observation_status_text(current.status, lang)})"


def _span(start: date, end: date) -> str:
    """A flow's window: ``2021–2023`` when it runs over whole years."""
    if (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31):
        return f"{start.year}–{end.year}" if start.year != end.year else str(start.year)
    return f"{start.isoformat()} – {end.isoformat()}"


def _count_or_dash(count: int | None, row: Row, lang: Lang) -> str:
    return DASH if count is None else count_text(count, row, lang)


def count_text(count: Decimal | int, row: Row, lang: Lang) -> str:
    """A count of the row's indicator: ``4.204 giường bệnh``, or the number alone when the
    indicator does not name what it counts."""
    if row.indicator.unit == "count" or row.indicator.counts is not None:
        return counted(count, row.indicator, lang)
    return number(count, lang)


def _progress_percent(row: Row, lang: Lang) -> str:
    if row.completion is None:
        return DASH
    return f"{number(round_half_up(100 * row.completion), lang)}%"


def summary_text(summary: Summary, lang: Lang) -> str:
    """``Đã đạt 20/27 chỉ tiêu`` / ``Achieved 20 of 27``, then the count in each status."""
    head = render(t("report.summary", achieved=summary.counts[Status.ACHIEVED], total=summary.total), lang)
    parts = [
        f"{status_text(status, lang)} {number(summary.counts[status], lang)}"
        for status in SUMMARY_ORDER
        if status is not Status.ACHIEVED
    ]
    return f"{head} · " + " · ".join(parts)


# --- Markdown ----------------------------------------------------------------------------------


class MarkdownPrinter:
    """A Markdown table per group, then the summary; warnings on stderr."""

    notes: ClassVar[bool] = True

    def __init__(self, lang: Lang, names: Names) -> None:
        self.lang = lang
        self.names = names

    def piece(self, row: Row) -> str:
        values = cells(row, self.lang, self.names)
        return "| " + " | ".join(_md(values[column]) for column in COLUMNS) + " |"

    def write(self, report: RowReport[str], out: TextIO, err: TextIO) -> None:
        headers = [render(t(f"heading.{column}"), self.lang) for column in COLUMNS]
        lines = [f"## {report.title}", ""]
        for heading, rows in report.groups(self.lang):
            if heading:
                lines += [f"### {_md(heading)}", ""]
            lines.append("| " + " | ".join(headers) + " |")
            lines.append("| " + " | ".join("---:" if column in NUMERIC else "---" for column in COLUMNS) + " |")
            lines.extend(row.piece for row in rows)
            lines.append("")
        lines.append(summary_text(report.summary, self.lang))
        out.write("\n".join(lines) + "\n")
        write_notes(report, err, self.lang)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# --- Table ----------------------------------------------------------------------------------------

BAR_WIDTH = 8
# The table pairs figures in cells of two lines so that it fits a normal window:
# (first line, second line, right-aligned)
TABLE_COLUMNS = (
    ("indicator", "area", False),
    ("target", "baseline", False),
    ("current", "percent_of_target", True),
    ("gap", "per_year", True),
    ("shortfall", "shortfall_per_year", True),
)


class TablePrinter:
    """A table per group: numbers right-aligned with their units, figures paired in two-line
    cells to fit a terminal, statuses in words and colour with a bar of progress; warnings on
    stderr."""

    notes: ClassVar[bool] = True

    def __init__(self, lang: Lang, names: Names) -> None:
        self.lang = lang
        self.names = names

    def piece(self, row: Row) -> tuple[Cell, ...]:
        values = cells(row, self.lang, self.names)
        # Every cell has two lines, the second empty where there is nothing to pair: rows of one
        # height draw quickly (``ansinh.render.terminal_table``).
        line: list[Cell] = []
        for first, second, _numeric in TABLE_COLUMNS:
            if second is not None and values[second] != DASH:
                line.append(((values[first], values[second]), ("", "dim")))
            else:
                line.append(((values[first], ""), ()))
        style = STATUS_STYLES[row.status]
        line.append(((values["status"], f"{_bar(row)} {values['progress']}"), (style, style)))
        return tuple(line)

    def write(self, report: RowReport[tuple[Cell, ...]], out: TextIO, err: TextIO) -> None:
        lang = self.lang
        output = Output.to(out)
        output.line(report.title, "bold")
        columns = self._columns()
        if output.width is not None and (
            output.width < COMPACT_BELOW
            or not fits_without_breaking(columns, [row.piece for row in report.rows], output.width)
        ):
            self._cards(report, output)
            write_notes(report, err, lang)
            return
        for title, rows in report.groups(lang):
            if title:
                _say(output, title, "bold")
            draw(output, columns, [row.piece for row in rows], lines=True)
        _say(output, render(t("report.legend"), lang), "dim")
        _say(output, summary_text(report.summary, lang))
        write_notes(report, err, self.lang)

    def _columns(self) -> list[Column]:
        lang = self.lang
        columns = [
            Column("\n".join(render(t(f"heading.{key}"), lang) for key in (first, second) if key), right=numeric)
            for first, second, numeric in TABLE_COLUMNS
        ]
        heading = render(t("heading.status"), lang) + "\n" + render(t("heading.progress"), lang)
        columns.append(Column(heading, foldable=False))
        return columns

    def _cards(self, report: RowReport[tuple[Cell, ...]], output: Output) -> None:
        """Under ``COMPACT_BELOW`` columns a table cannot hold six columns without breaking words:
        each target is a few labelled lines instead, folded between words."""
        lang, width = self.lang, output.width or COMPACT_BELOW
        labels = [render(t(f"heading.{first}"), lang) for first, _second, _numeric in TABLE_COLUMNS[1:]]
        progress = render(t("heading.progress"), lang)
        for title, rows in report.groups(lang):
            if title:
                output.line()
                _say(output, title, "bold")
            for row in rows:
                (names, _), *figures, ((status, bar), (style, _)) = row.piece
                output.line()
                _say(output, " — ".join(part for part in names if part), "bold")
                output.line(f"  {output.styled(status, style)} — {progress}: {bar}")
                for label, ((first, second), _styles) in zip(labels, figures, strict=True):
                    text = " · ".join(part for part in (first, second) if part and part != DASH)
                    if text:
                        for index, line in enumerate(fold(f"{label}: {text}", width - 4)):
                            output.line(("  " if index == 0 else "      ") + line)
        output.line()
        _say(output, render(t("report.legend"), lang), "dim")
        _say(output, summary_text(report.summary, lang))


def _say(output: Output, text: str, style: str = "") -> None:
    """A line of text, folded between words on a terminal."""
    for line in fold(text, output.width) if output.width else [text]:
        output.line(line, style)


# Narrower than this, the table is drawn as one short card per target.
COMPACT_BELOW = 100


def _bar(row: Row) -> str:
    if row.completion is None:
        return "·" * BAR_WIDTH
    share = min(1.0, max(0.0, float(row.completion)))  # a bar's length, not a figure anyone quotes
    filled = round(share * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


PRINTERS: dict[RowFormat, type[Printer[Any]]] = {
    RowFormat.TABLE: TablePrinter,
    RowFormat.JSON: JsonPrinter,
    RowFormat.CSV: CsvPrinter,
    RowFormat.CSV_EXCEL: CsvExcelPrinter,
    RowFormat.MARKDOWN: MarkdownPrinter,
}
