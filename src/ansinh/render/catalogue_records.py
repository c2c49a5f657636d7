"""``ansinh list``: the indicators, areas and plans of a project, as a table or JSON."""

from __future__ import annotations

import json
from typing import TextIO

from ansinh.language import Lang, render
from ansinh.project import Project
from ansinh.render.terminal_table import Column, Output, cell, draw
from ansinh.text import t

Record = dict[str, object]


def indicator_records(project: Project, lang: Lang) -> list[Record]:
    return [
        {
            "id": indicator.id,
            "name": indicator.name.get(lang),
            "unit": indicator.unit,
            "better": indicator.better,
            "kind": indicator.kind,
            "counts": indicator.counts.get(lang) if indicator.counts else None,
            "base": indicator.base,
        }
        for indicator in project.indicators.values()
    ]


def area_records(project: Project, lang: Lang) -> list[Record]:
    return [
        {"id": area.id, "name": area.name.get(lang), "level": area.level, "parent": area.parent}
        for area in project.areas.values()
    ]


def plan_records(project: Project, lang: Lang) -> list[Record]:
    return [
        {
            "id": plan.id,
            "name": plan.name.get(lang),
            "area": plan.area,
            "start": plan.start.label,
            "end": plan.end.label,
            "targets": len(plan.targets),
            "file": project.plan_files[plan.id],
        }
        for plan in project.plans.values()
    ]


RECORDS = {"indicators": indicator_records, "areas": area_records, "plans": plan_records}


def render_records(kind: str, records: list[Record], lang: Lang, stream: TextIO, as_json: bool) -> None:
    if as_json:
        stream.write(json.dumps({kind: records}, ensure_ascii=False, indent=2) + "\n")
        return
    output = Output.to(stream)
    output.line(render(t(f"list.{kind}"), lang), "bold")
    names = list(records[0]) if records else ["id"]
    columns = [Column(render(t(f"column.{name}"), lang), right=name == "targets") for name in names]
    rows = [[cell("" if record[name] is None else str(record[name])) for name in names] for record in records]
    draw(output, columns, rows)
