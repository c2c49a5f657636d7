"""``ansinh compare`` as a table, JSON, CSV or Markdown (SPEC 7): the areas best first, each with
its value, period, count, whether it meets the value compared with, and where its figure came
from; then "18 of 30 districts have no poor households". Nothing here computes a figure."""

from __future__ import annotations

import csv
from decimal import Decimal
from enum import StrEnum
from typing import TextIO

from ansinh.engine.comparison import ComparedArea, Comparison
from ansinh.language import Lang, render
from ansinh.render.json_text import dumps, iso
from ansinh.render.json_text import number as json_number
from ansinh.render.report_formats import DASH, Names
from ansinh.render.terminal_table import Column, Output, cell, draw
from ansinh.render.units import counted, number, value_text
from ansinh.text import Text, t


class CompareFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    # Files laid out whole (``ansinh.render.compare_files``), written with -o
    XLSX = "xlsx"
    HTML = "html"
    PDF = "pdf"


JSON_ROW_KEYS = ("area", "name", "value", "period", "date", "count", "meets", "from")


def comparison_json(comparison: Comparison, lang: Lang) -> dict[str, object]:
    """The document of SPEC 7: ``{as_of, indicator, area, level, target, rows, summary}``."""
    summary = comparison.summary
    return {
        "as_of": iso(comparison.as_of),
        "indicator": comparison.indicator.id,
        "area": comparison.area,
        "level": comparison.level,
        "target": json_number(comparison.target),
        "rows": [_row_json(row, lang) for row in comparison.rows],
        "summary": {
            "total": summary.total,
            "with_data": summary.with_data,
            "meet": summary.meet,
            "no_data": summary.no_data,
        },
    }


def _row_json(row: ComparedArea, lang: Lang) -> dict[str, object]:
    return {
        "area": row.area.id,
        "name": row.area.name.get(lang),
        "value": json_number(row.value),
        "period": row.period,
        "date": iso(row.date),
        "count": row.count,
        "meets": row.meets,
        "from": row.origin,
    }


# The words for the areas compared, by level: literal keys, so that every one is seen used.
_LEVEL_WORDS = {
    "country": t("compare.level.country"),
    "province": t("compare.level.province"),
    "district": t("compare.level.district"),
    "commune": t("compare.level.commune"),
}
ORIGIN_WORDS = {
    "observation": t("compare.from.observation"),
    "rollup": t("compare.from.rollup"),
    "lineage": t("compare.from.lineage"),
}


def summary_text(comparison: Comparison, lang: Lang) -> str:
    """ "18 of 30 districts have no poor households" (a value of 0 where lower is better), else
    "k of n districts meet 2%"; then how many have no data."""
    summary, indicator = comparison.summary, comparison.indicator
    areas = _LEVEL_WORDS.get(comparison.level or "", t("compare.level.area"))
    if comparison.target == 0 and indicator.better == "lower" and indicator.counts is not None:
        text: Text = t(
            "compare.summary_none", meet=summary.meet, total=summary.total, areas=areas, what=indicator.counts
        )
    else:
        target = value_text(comparison.target, indicator, lang)
        text = t("compare.summary", meet=summary.meet, total=summary.total, areas=areas, target=target)
    line = render(text, lang)
    if summary.no_data:
        line += " · " + render(t("compare.no_data", n=summary.no_data), lang)
    return line


def comparison_title(comparison: Comparison, names: Names, lang: Lang) -> str:
    indicator = comparison.indicator
    where = names.area(comparison.area, lang) if comparison.area is not None else t("compare.tops")
    return render(
        t(
            "compare.title",
            name=indicator.name,
            id=indicator.id,
            area=where,
            as_of=comparison.as_of,
            target=value_text(comparison.target, indicator, lang),
        ),
        lang,
    )


def comparison_cells(row: ComparedArea, comparison: Comparison, lang: Lang) -> dict[str, str]:
    indicator = comparison.indicator
    if row.value is None:
        return {
            "area": row.area.name.get(lang),
            "value": DASH,
            "period": DASH,
            "count": DASH,
            "meets": DASH,
            "from": DASH,
        }
    meets = render(t("compare.meets.yes" if row.meets else "compare.meets.no"), lang)
    origin = render(ORIGIN_WORDS[row.origin or "observation"], lang)
    count = DASH
    if row.count is not None:
        count = counted(row.count, indicator, lang) if indicator.counts is not None else number(row.count, lang)
    return {
        "area": row.area.name.get(lang),
        "value": value_text(row.value, indicator, lang),
        "period": row.period or DASH,
        "count": count,
        "meets": meets,
        "from": origin,
    }


COLUMNS = ("area", "value", "period", "count", "meets", "from")
NUMERIC = {"value", "count"}
HEADINGS = {
    "area": t("compare.heading.area"),
    "value": t("compare.heading.value"),
    "period": t("compare.heading.period"),
    "count": t("compare.heading.count"),
    "meets": t("compare.heading.meets"),
    "from": t("compare.heading.from"),
}


def write_comparison(
    comparison: Comparison, output: CompareFormat, lang: Lang, names: Names, out: TextIO, err: TextIO
) -> None:
    """The comparison in ``output`` on ``out``; the rows' warnings on ``err``."""
    if output is CompareFormat.JSON:
        out.write(dumps(comparison_json(comparison, lang)) + "\n")
    elif output is CompareFormat.CSV:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(JSON_ROW_KEYS)
        for row in comparison.rows:
            writer.writerow([_csv_cell(value) for value in _row_json(row, lang).values()])
    elif output is CompareFormat.MARKDOWN:
        _markdown(comparison, lang, names, out)
    else:
        _table(comparison, lang, names, out)
    label = render(t("problems.warning"), lang)
    for row in comparison.rows:
        for warning in row.warnings:
            err.write(f"{label}: {row.area.id}: [{warning.code}] {render(warning.text, lang)}\n")


def _table(comparison: Comparison, lang: Lang, names: Names, out: TextIO) -> None:
    output = Output.to(out)
    output.line(comparison_title(comparison, names, lang), "bold")
    columns = [Column("#", right=True)] + [Column(render(HEADINGS[key], lang), right=key in NUMERIC) for key in COLUMNS]
    rows = []
    for rank, row in enumerate(comparison.rows, 1):
        values = comparison_cells(row, comparison, lang)
        style = "" if row.meets is None else "green" if row.meets else "red"
        rows.append(
            [cell(str(rank) if row.value is not None else "")]
            + [cell(values[key], style if key == "meets" else "") for key in COLUMNS]
        )
    draw(output, columns, rows)
    output.line(summary_text(comparison, lang))


def _markdown(comparison: Comparison, lang: Lang, names: Names, out: TextIO) -> None:
    lines = [f"## {_md(comparison_title(comparison, names, lang))}", ""]
    lines.append("| # | " + " | ".join(render(HEADINGS[key], lang) for key in COLUMNS) + " |")
    lines.append("| ---: | " + " | ".join("---:" if key in NUMERIC else "---" for key in COLUMNS) + " |")
    for rank, row in enumerate(comparison.rows, 1):
        values = comparison_cells(row, comparison, lang)
        first = str(rank) if row.value is not None else ""
        lines.append(f"| {first} | " + " | ".join(_md(values[key]) for key in COLUMNS) + " |")
    lines += ["", summary_text(comparison, lang)]
    out.write("\n".join(lines) + "\n")


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return f"{value:f}" if isinstance(value, Decimal) else str(value)
