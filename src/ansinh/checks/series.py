"""Observations grouped into series, one per indicator and area, with the cross-row rules of
SPEC section 1.4: rows about the same thing at the same time are one observation when they agree
and an error when they differ, and the periods of a flow must not overlap. Rows of different
statuses (SPEC 9) are not a conflict: the most final one stands for that time."""

from __future__ import annotations

from ansinh.models import Observation
from ansinh.problems import Problem
from ansinh.text import t


def merge_series(observations: list[Observation], is_flow: bool) -> tuple[list[Observation], list[Problem]]:
    """One series' observations in period order, agreeing duplicates merged; the problems of
    those that conflict, and for a flow of periods that overlap."""
    problems: list[Problem] = []
    rows = sorted(observations, key=lambda row: (row.period.end, row.period.start, row.file, row.line))
    kept = _merge_duplicates(rows, is_flow, problems)
    if is_flow:
        _check_overlaps(kept, problems)
    return kept, problems


def _merge_duplicates(rows: list[Observation], is_flow: bool, problems: list[Problem]) -> list[Observation]:
    """One observation per period (per end day, for a level): of rows at the same time, the most
    final; rows of the same status that differ are an error."""
    kept: list[Observation] = []
    group: dict[str, Observation] = {}  # the first row of each status at the current time
    for row in rows:
        previous = kept[-1] if kept else None
        same_time = previous is not None and (
            previous.period.end == row.period.end and (not is_flow or previous.period.start == row.period.start)
        )
        if previous is None or not same_time:
            kept.append(row)
            group = {row.status: row}
            continue
        if row.status in group:
            _merge_same_status(kept, row, group, problems)
        else:
            group[row.status] = row
            if row.finality > previous.finality:
                kept[-1] = row
    return kept


def _merge_same_status(
    kept: list[Observation], row: Observation, group: dict[str, Observation], problems: list[Problem]
) -> None:
    """A second row of one status at one time: an error if it differs from the first, else the
    two are one figure, and the one with a count stands for it."""
    previous = group[row.status]
    counts_differ = previous.count is not None and row.count is not None and previous.count != row.count
    if previous.value != row.value or counts_differ:
        problems.append(
            Problem(
                "conflicting-observation",
                t(
                    "observation.conflict",
                    indicator=row.indicator,
                    area=row.area,
                    period=row.period.label,
                    value=row.value,
                    other_period=previous.period.label,
                    other_value=previous.value,
                    other=f"{previous.file}:{previous.line}",
                ),
                row.file,
                row.line,
                None,
                "value",
            )
        )
    elif previous.count is None and row.count is not None:
        group[row.status] = row
        if kept[-1] is previous:
            kept[-1] = row


def _check_overlaps(rows: list[Observation], problems: list[Problem]) -> None:
    """Flow periods are summed, so two that overlap would count the same days twice."""
    by_start = sorted(rows, key=lambda row: (row.period.start, row.period.end))
    reach: Observation | None = None  # the row reaching furthest so far
    for row in by_start:
        if reach is not None and row.period.start <= reach.period.end:
            # Report at the row written later, naming the one written first.
            later, earlier = (row, reach) if (row.file, row.line) > (reach.file, reach.line) else (reach, row)
            problems.append(
                Problem(
                    "overlapping-periods",
                    t(
                        "observation.overlap",
                        indicator=later.indicator,
                        area=later.area,
                        period=later.period.label,
                        other_period=earlier.period.label,
                        other=f"{earlier.file}:{earlier.line}",
                    ),
                    later.file,
                    later.line,
                    None,
                    "period",
                )
            )
        if reach is None or row.period.end > reach.period.end:
            reach = row
