"""The chart of one level target, as the HTML report draws it in SVG (SPEC 10) and ``ansinh chart``
in characters: the observations (estimates hollow), the baseline, the straight path from the
baseline to the target, the trend to the deadline, the target line and the deadline.

``chart_of`` says what a chart draws, from a row and its observations; ``svg`` writes it by hand,
deterministically (the same row gives the same bytes), readable in black and white: every line
has its own dash pattern and every point its own marker shape. Nothing here computes a figure:
the trend's end is the engine's ``projected``; coordinates and axis ticks are only drawing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import escape

from ansinh.engine.results import Row
from ansinh.language import Lang, format_number, render, template
from ansinh.models import Indicator
from ansinh.numbers import OUTPUT_PLACES, Fraction
from ansinh.render.document import Point
from ansinh.render.units import deadline_label, observation_status_text
from ansinh.text import t

Number = Decimal | Fraction | int
UNFINISHED = ("estimate", "preliminary")  # SPEC 9: drawn hollow


@dataclass(frozen=True, slots=True)
class Chart:
    """What a level target's chart shows, in the target's own values and dates."""

    indicator: Indicator
    target: Decimal
    deadline: date
    baseline: tuple[date, Decimal] | None
    baseline_period: str | None
    points: tuple[Point, ...]  # oldest first
    projected: Fraction | None  # the value at the deadline if the trend goes on
    trend_from: tuple[date, Decimal] | None  # where the trend line starts: the latest figure used
    growth: bool = False  # SPEC 11's cagr: the trend grows by a constant rate, a curve

    @property
    def first_day(self) -> date:
        days = [self.deadline] + [point.date for point in self.points]
        if self.baseline is not None:
            days.append(self.baseline[0])
        return min(days)

    @property
    def last_day(self) -> date:
        return max([self.deadline] + [point.date for point in self.points])

    def values(self) -> list[Number]:
        values: list[Number] = [self.target, *(point.value for point in self.points)]
        if self.baseline is not None:
            values.append(self.baseline[1])
        if self.projected is not None:
            values.append(self.projected)
        return values

    @property
    def has_unfinished(self) -> bool:
        return any(point.status in UNFINISHED for point in self.points)


def chart_of(row: Row, points: tuple[Point, ...], method: str = "linear") -> Chart | None:
    """The chart of a level target; ``None`` for a flow (its figures are sums, not a path)."""
    if row.indicator.kind != "level" or row.target.value is None:
        return None
    baseline = (
        (row.baseline_date, row.baseline_value)
        if row.baseline_date is not None and row.baseline_value is not None
        else None
    )
    trend_from = (row.current.date, row.current.value) if row.current is not None else None
    return Chart(
        row.indicator,
        row.target.value,
        row.deadline,
        baseline,
        row.baseline_period,
        points,
        row.projected if trend_from is not None else None,
        trend_from,
        method == "cagr",
    )


def trend_line(chart: Chart, steps: int = 24) -> list[tuple[date, float]]:
    """Points of the trend from the latest figure to the projected value at the deadline: a
    straight line, or under ``cagr`` the curve of a constant rate of growth between the two
    (drawing only: its ends are the engine's figures)."""
    if chart.trend_from is None or chart.projected is None:
        return []
    start, value = chart.trend_from
    end, projected = chart.deadline, float(chart.projected)
    if not chart.growth or float(value) <= 0 or projected <= 0 or end <= start:
        return [(start, float(value)), (end, projected)]
    span = end.toordinal() - start.toordinal()
    ratio = projected / float(value)
    return [
        (date.fromordinal(start.toordinal() + round(span * step / steps)), float(value) * ratio ** (step / steps))
        for step in range(steps + 1)
    ]


def value_ticks(values: list[Number], count: int = 5) -> list[Decimal]:
    """Round values for a value axis that spans ``values``: steps of 1, 2, 2.5 or 5 times a power
    of ten, about ``count`` of them."""
    low, high = float(min(values)), float(max(values))
    never_negative = low >= 0
    if high - low < 1e-9:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / max(1, count - 1)
    power = math.floor(math.log10(raw))
    step = next(
        Decimal(f"{mantissa}E{power}")
        for mantissa in ("1", "2", "2.5", "5", "10")
        if float(f"{mantissa}E{power}") >= raw
    )
    first = math.floor(Decimal(repr(low)) / step)
    last = math.ceil(Decimal(repr(high)) / step)
    if never_negative and first < 0:  # rates and counts do not go below zero
        first = 0
    return [(step * index).normalize() + 0 for index in range(first, last + 1)]


def year_ticks(first: date, last: date, most: int = 8) -> list[int]:
    """The years whose middle (2 July) lies in [first, last], thinned to at most ``most``: each
    is named under its own span, so a deadline at a year's end sits at the end of its name."""
    years = [year for year in range(first.year, last.year + 1) if first <= date(year, 7, 2) <= last]
    step = 1
    while len(years[::step]) > most:
        step += 1
    return years[::step]


def figure(value: Number) -> Number:
    """A computed figure as the outputs round it: ``cagr`` works in decimals of 28 digits
    (SPEC 11), which are shown, like every computed figure, to four places."""
    if isinstance(value, Decimal) and value.as_tuple().exponent < -OUTPUT_PLACES:  # type: ignore[operator]
        return Fraction(value)
    return value


def number_text(value: Number, lang: Lang) -> str:
    """A value for a chart's label: as the tables write it, without the unit."""
    return format_number(figure(value), lang)


def unit_text(indicator: Indicator, lang: Lang) -> str:
    """What the value axis measures: ``%``, ``trên 10.000``, ``giường bệnh``."""
    if indicator.unit == "count":
        return indicator.counts.get(lang) if indicator.counts else ""
    return template(f"unit.{indicator.unit}", lang).format(value="").strip()


# --- SVG ---------------------------------------------------------------------------------------

WIDTH = 440  # px: the chart column of an A4 page, drawn at its printed size
FONT = 10.5  # px, the labels' size
CHAR = 0.62 * FONT  # a generous average width of a DejaVu Sans character at FONT
PLOT_HEIGHT = 150
TOP = 32  # room for the unit and the deadline's label
LEGEND_ROW = 17

# Lines and markers, told apart by dash pattern and shape as well as by colour.
INK = "#1f1f1f"
OBSERVED = "#0b4f8a"
TARGET = "#1b5e20"
PATH = "#5a5a5a"
TREND = "#a14a00"
DEADLINE = "#8b1a1a"
GRID = "#d9d9d9"
STYLE = {
    "observed": f'stroke="{OBSERVED}" stroke-width="1.6" fill="none"',
    "target": f'stroke="{TARGET}" stroke-width="2.6"',
    "path": f'stroke="{PATH}" stroke-width="1.6" stroke-dasharray="8 4" fill="none"',
    "trend": f'stroke="{TREND}" stroke-width="2" stroke-dasharray="2 3" fill="none"',
    "deadline": f'stroke="{DEADLINE}" stroke-width="1.3" stroke-dasharray="10 3 2 3"',
}


def _f(value: float) -> str:
    """A coordinate, to a tenth of a pixel: short, and the same text on every machine."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


@dataclass(frozen=True, slots=True)
class _Frame:
    """Where the plot lies in the picture, and how dates and values map onto it."""

    left: float
    right: float
    top: float
    bottom: float
    first: int  # ordinal days
    last: int
    low: float
    high: float

    def x(self, day: date) -> float:
        return self.left + (self.right - self.left) * (day.toordinal() - self.first) / (self.last - self.first)

    def y(self, value: Number) -> float:
        return self.bottom - (self.bottom - self.top) * (float(value) - self.low) / (self.high - self.low)


SideLabel = tuple[Number, str, str]  # value, text, colour


def _frame(chart: Chart, ticks: list[Decimal], lang: Lang, side: list[SideLabel]) -> _Frame:
    first, last = chart.first_day, chart.last_day
    span = max(last.toordinal() - first.toordinal(), 365)
    pad = span // 25  # the first and last points off the axes
    label_width = max(len(number_text(tick, lang)) for tick in ticks) * CHAR
    right = 14 + max(len(text) for _, text, _ in side) * CHAR
    return _Frame(
        10 + label_width,
        WIDTH - right,
        TOP,
        TOP + PLOT_HEIGHT,
        first.toordinal() - pad,
        first.toordinal() + span + pad,
        float(ticks[0]),
        float(ticks[-1]),
    )


def svg(chart: Chart, lang: Lang, ident: str, title: str) -> str:
    """The chart as an inline ``<svg>``, labelled for screen readers by ``title`` and a
    description of what it shows; ``ident`` makes its element ids unique in the page."""
    ticks = value_ticks(chart.values())
    side = _side_labels(chart, lang)
    frame = _frame(chart, ticks, lang, side)
    body: list[str] = []
    body += _axes(chart, frame, ticks, lang)
    body += _lines(chart, frame)
    body += _markers(chart, frame)
    body += _labels(chart, frame, side, lang)
    legend, height = _legend(chart, lang, frame.bottom + 36)
    body += legend
    head = (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {_f(height)}" '
        f'width="{WIDTH}" height="{_f(height)}" role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'font-family="DejaVu Sans, Verdana, sans-serif" font-size="{FONT}">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(description(chart, lang))}</desc>'
    )
    return head + "".join(body) + "</svg>"


def description(chart: Chart, lang: Lang) -> str:
    """The chart in words, for those who cannot see it."""
    target = render(t("chart.target", value=number_text(chart.target, lang)), lang)
    parts = [f"{target} ({deadline_label(chart.deadline)})"]
    if chart.baseline is not None:
        baseline = render(t("chart.baseline", value=number_text(chart.baseline[1], lang)), lang)
        parts.append(f"{baseline} ({chart.baseline_period})")
    if chart.points:
        observed = ", ".join(_point_text(point, lang) for point in chart.points)
        parts.append(render(t("chart.observed_list", points=observed), lang))
    else:
        parts.append(render(t("chart.no_points"), lang))
    if chart.projected is not None:
        parts.append(render(t("chart.projected", value=number_text(chart.projected, lang)), lang))
    unit = unit_text(chart.indicator, lang)
    return "; ".join(parts) + (f" ({unit})" if unit else "") + "."


def _point_text(point: Point, lang: Lang) -> str:
    text = f"{number_text(point.value, lang)} ({point.period})"
    word = observation_status(point.status, lang)
    return f"{text} [{word}]" if word else text


def observation_status(status: str, lang: Lang) -> str:
    """SPEC 9's word for a figure that is not final yet; nothing for a final one."""
    return observation_status_text(status, lang) if status in UNFINISHED else ""


def _axes(chart: Chart, frame: _Frame, ticks: list[Decimal], lang: Lang) -> list[str]:
    """Value ticks with grid lines; the years along the bottom, each named under its span."""
    left, right, bottom = _f(frame.left), _f(frame.right), _f(frame.bottom)
    out = ['<g class="axes">']
    for tick in ticks:
        y = _f(frame.y(tick))
        out.append(f'<line x1="{left}" x2="{right}" y1="{y}" y2="{y}" stroke="{GRID}"/>')
        out.append(
            f'<text x="{_f(frame.left - 5)}" y="{y}" dy="0.35em" text-anchor="end" fill="{INK}">'
            f"{escape(number_text(tick, lang))}</text>"
        )
    unit = unit_text(chart.indicator, lang)
    if unit:
        out.append(f'<text x="4" y="{_f(frame.top - 20)}" fill="{INK}">{escape(unit)}</text>')
    out.append(f'<line x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="{INK}"/>')
    out.append(f'<line x1="{left}" x2="{left}" y1="{_f(frame.top)}" y2="{bottom}" stroke="{INK}"/>')
    first, last = date.fromordinal(frame.first), date.fromordinal(frame.last)
    for year in range(first.year + 1, last.year + 1):  # a tick where each year begins
        x = _f(frame.x(date(year, 1, 1)))
        out.append(f'<line x1="{x}" x2="{x}" y1="{bottom}" y2="{_f(frame.bottom + 5)}" stroke="{INK}"/>')
    for year in year_ticks(first, last, most=max(2, int((frame.right - frame.left) // (7 * CHAR)))):
        middle = frame.x(date(year, 7, 2))
        out.append(
            f'<text x="{_f(middle)}" y="{_f(frame.bottom + 16)}" text-anchor="middle" fill="{INK}">{year}</text>'
        )
    out.append("</g>")
    return out


def _lines(chart: Chart, frame: _Frame) -> list[str]:
    out: list[str] = []
    y = _f(frame.y(chart.target))
    out.append(
        f'<line class="target" x1="{_f(frame.left)}" x2="{_f(frame.right)}" y1="{y}" y2="{y}" {STYLE["target"]}/>'
    )
    x = _f(frame.x(chart.deadline))
    out.append(
        f'<line class="deadline" x1="{x}" x2="{x}" y1="{_f(frame.top - 4)}" y2="{_f(frame.bottom)}" '
        f"{STYLE['deadline']}/>"
    )
    if chart.baseline is not None:
        day, value = chart.baseline
        out.append(
            _polyline("path", [(frame.x(day), frame.y(value)), (frame.x(chart.deadline), frame.y(chart.target))])
        )
    trend = trend_line(chart)
    if trend:
        out.append(_polyline("trend", [(frame.x(day), frame.y(value)) for day, value in trend]))
    if len(chart.points) > 1:
        out.append(_polyline("observed", [(frame.x(point.date), frame.y(point.value)) for point in chart.points]))
    return out


def _polyline(kind: str, points: list[tuple[float, float]]) -> str:
    coordinates = " ".join(f"{_f(x)},{_f(y)}" for x, y in points)
    return f'<polyline class="{kind}" points="{coordinates}" {STYLE[kind]}/>'


def _markers(chart: Chart, frame: _Frame) -> list[str]:
    """Observations as circles (hollow when not final), the projection as a hollow triangle and
    the baseline as a diamond drawn around whatever point shares its place."""
    out: list[str] = []
    if chart.projected is not None:
        out.append(_triangle(frame.x(chart.deadline), frame.y(chart.projected), 6))
    out.extend(
        _circle(frame.x(point.date), frame.y(point.value), hollow=point.status in UNFINISHED) for point in chart.points
    )
    if chart.baseline is not None:
        out.append(_diamond(frame.x(chart.baseline[0]), frame.y(chart.baseline[1]), 8))
    return out


def _diamond(x: float, y: float, size: float) -> str:
    return (
        f'<path class="baseline" d="M{_f(x)},{_f(y - size)} L{_f(x + size)},{_f(y)} L{_f(x)},{_f(y + size)} '
        f'L{_f(x - size)},{_f(y)} Z" fill="none" stroke="{INK}" stroke-width="1.6"/>'
    )


def _triangle(x: float, y: float, size: float) -> str:
    return (
        f'<path class="projected" d="M{_f(x)},{_f(y - size)} L{_f(x + size)},{_f(y + size * 0.8)} '
        f'L{_f(x - size)},{_f(y + size * 0.8)} Z" fill="#ffffff" stroke="{TREND}" stroke-width="1.8"/>'
    )


def _circle(x: float, y: float, *, hollow: bool) -> str:
    kind = "estimate" if hollow else "observation"
    fill = "#ffffff" if hollow else OBSERVED
    return (
        f'<circle class="{kind}" cx="{_f(x)}" cy="{_f(y)}" r="4" fill="{fill}" stroke="{OBSERVED}" stroke-width="1.8"/>'
    )


def _side_labels(chart: Chart, lang: Lang) -> list[SideLabel]:
    """The labels right of the plot: the target's value, and where the trend ends."""
    side: list[SideLabel] = [
        (chart.target, render(t("chart.target", value=number_text(chart.target, lang)), lang), TARGET)
    ]
    if chart.projected is not None:
        text = render(t("chart.projected", value=number_text(chart.projected, lang)), lang)
        side.append((chart.projected, text, TREND))
    return side


def _labels(chart: Chart, frame: _Frame, side: list[SideLabel], lang: Lang) -> list[str]:
    """The target's and the projection's values beside the plot, kept apart; the baseline's and
    the latest observation's beside their markers; the deadline above its line."""
    out: list[str] = []
    deadline = render(t("chart.deadline", by=deadline_label(chart.deadline)), lang)
    x = frame.x(chart.deadline)
    width = len(deadline) * CHAR
    start = min(max(x - width / 2, frame.left), WIDTH - width - 2)
    out.append(f'<text x="{_f(start)}" y="{_f(frame.top - 8)}" fill="{DEADLINE}">{escape(deadline)}</text>')
    placed_side = [(frame.y(value), text, colour) for value, text, colour in side]
    for y, text, colour in _apart(placed_side, FONT + 3):
        out.append(f'<text x="{_f(frame.right + 8)}" y="{_f(y)}" dy="0.35em" fill="{colour}">{escape(text)}</text>')
    placed: list[tuple[float, float, float]] = []
    if chart.baseline is not None:
        day, value = chart.baseline
        text = render(t("chart.baseline", value=number_text(value, lang)), lang)
        out.append(_beside(frame.x(day), frame.y(value), text, frame, placed, frame.y(chart.target)))
    if chart.points:
        latest = chart.points[-1]
        if chart.baseline is None or (latest.date, latest.value) != chart.baseline:
            label = _point_text(latest, lang)
            out.append(
                _beside(frame.x(latest.date), frame.y(latest.value), label, frame, placed, frame.y(chart.target))
            )
    return out


def _apart(labels: list[tuple[float, str, str]], gap: float) -> list[tuple[float, str, str]]:
    """Labels moved down so that none overlaps the one above it."""
    result: list[tuple[float, str, str]] = []
    for wanted, text, colour in sorted(labels):
        y = max(wanted, result[-1][0] + gap) if result else wanted
        result.append((y, text, colour))
    return result


def _beside(
    x: float, y: float, text: str, frame: _Frame, placed: list[tuple[float, float, float]], avoid: float
) -> str:
    """A marker's label: above it, else below it, else to its left — the first place clear of
    the plot's edges, of the labels already placed and of the target line (at ``avoid``)."""
    width = len(text) * CHAR
    centred = min(max(x - width / 2, frame.left + 2), frame.right - width)
    candidates = [(centred, y - 13), (centred, y + 13 + FONT), (max(frame.left + 2, x - 10 - width), y + FONT / 2 - 1)]

    def clear(start: float, baseline: float) -> bool:
        top = baseline - FONT
        if top < frame.top - 2 or baseline > frame.bottom - 1 or top - 2 <= avoid <= baseline + 2:
            return False
        return not any(
            abs(baseline - other_y) < FONT + 2 and start < other_start + other_width and other_start < start + width
            for other_start, other_y, other_width in placed
        )

    start, chosen = next((spot for spot in candidates if clear(*spot)), candidates[0])
    placed.append((start, chosen, width))
    return f'<text x="{_f(start)}" y="{_f(chosen)}" fill="{INK}">{escape(text)}</text>'


def _legend(chart: Chart, lang: Lang, top: float) -> tuple[list[str], float]:
    """Each line and marker with its meaning, in rows that fit the picture's width."""
    items = [("observed", render(t("chart.legend_observed"), lang))] if chart.points else []
    if chart.has_unfinished:
        items.append(("estimate", render(t("chart.legend_unfinished"), lang)))
    if chart.baseline is not None:
        items += [
            ("baseline", render(t("chart.legend_baseline"), lang)),
            ("path", render(t("chart.legend_path"), lang)),
        ]
    if chart.projected is not None:
        items.append(("trend", render(t("chart.legend_trend"), lang)))
    items += [
        ("target", render(t("chart.legend_target"), lang)),
        ("deadline", render(t("chart.legend_deadline"), lang)),
    ]
    out = ['<g class="legend">']
    x, y = 4.0, top
    for kind, text in items:
        width = 28 + len(text) * CHAR + 12
        if x + width > WIDTH and x > 4:
            x, y = 4.0, y + LEGEND_ROW
        out.append(_sample(kind, x, y))
        out.append(f'<text x="{_f(x + 28)}" y="{_f(y)}" dy="0.35em" fill="{INK}">{escape(text)}</text>')
        x += width
    out.append("</g>")
    return out, y + LEGEND_ROW - 4


def _sample(kind: str, x: float, y: float) -> str:
    if kind == "observed":
        return _polyline("observed", [(x, y), (x + 22, y)]) + _circle(x + 11, y, hollow=False)
    if kind == "estimate":
        return _circle(x + 11, y, hollow=True)
    if kind == "baseline":
        return _diamond(x + 11, y, 6)
    if kind == "trend":
        return _polyline("trend", [(x, y), (x + 16, y)]) + _triangle(x + 19, y, 4.5)
    if kind == "deadline":
        return f'<line x1="{_f(x + 11)}" x2="{_f(x + 11)}" y1="{_f(y - 7)}" y2="{_f(y + 7)}" {STYLE["deadline"]}/>'
    return f'<line x1="{_f(x)}" x2="{_f(x + 22)}" y1="{_f(y)}" y2="{_f(y)}" {STYLE[kind]}/>'
