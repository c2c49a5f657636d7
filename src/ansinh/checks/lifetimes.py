"""``outside-lifetime`` (SPEC 8): an observation of an area dated before its ``since`` or after its
``until`` — a level by its period's last day (a commune created on 2025-07-01 may report its level
for "2025": that figure is dated 2025-12-31), a flow by its whole period."""

from __future__ import annotations

from ansinh.models import Area, Indicator
from ansinh.problems import Problem
from ansinh.project import ObservationStore
from ansinh.text import Text, t


def outside_lifetime(
    store: ObservationStore, areas: dict[str, Area], indicators: dict[str, Indicator]
) -> list[Problem]:
    """A warning at each observation outside its area's lifetime (the figure is still used)."""
    problems: list[Problem] = []
    for series in store.all_series():
        area = areas.get(series.area)
        indicator = indicators.get(series.indicator)
        if area is None or indicator is None or (area.since is None and area.until is None):
            continue
        level = indicator.kind == "level"
        for index, period in enumerate(series.periods):
            inside = area.exists_on(period.end) and (level or area.exists_on(period.start))
            if not inside:
                observation = series.observation(index)
                if level:
                    text = t(
                        "observation.outside_lifetime",
                        area=area.id,
                        lifetime=lifetime_text(area),
                        period=period.label,
                        date=period.end,
                    )
                else:
                    text = t(
                        "observation.outside_lifetime_flow",
                        area=area.id,
                        lifetime=lifetime_text(area),
                        period=period.label,
                        start=period.start,
                        end=period.end,
                    )
                problems.append(Problem("outside-lifetime", text, observation.file, observation.line, None, "period"))
    return problems


def lifetime_text(area: Area) -> Text:
    """When ``area`` existed: from ... until ..., from ... on, until ..., at all times."""
    if area.since is not None and area.until is not None:
        return t("area.lifetime_between", since=area.since, until=area.until)
    if area.since is not None:
        return t("area.lifetime_since", since=area.since)
    if area.until is not None:
        return t("area.lifetime_until", until=area.until)
    return t("area.lifetime_always")
