"""Server-rendered SVG charts for the read side: a series' figures per event, and stances over
time (one row per actor or per topic).

Pure functions over what the read side assembles (``series_figures``, ``topic_timeline``,
``tracks_from``); they know nothing of pages or the admin, which both embed their output.
Every piece of text that came from an editor or an article is escaped by ``format_html``;
nothing here is ``mark_safe``d.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from .reports.series_figures import SeriesFigures
from .reports.timelines import Track
from .rules import describe_dates

STANCE_COLOURS = {
    "supports": "#1a7f37",
    "opposes": "#b42318",
    "conditional": "#b54708",
    "ambiguous": "#667085",
}
CHANGE_SYMBOLS = {
    "new": "●",
    "unchanged": "=",
    "hardened": "▲",
    "softened": "▼",
    "reversed": "⇄",
}
SOURCE_COLOURS = ["#1f5fbf", "#c2410c", "#15803d", "#7e22ce", "#0f766e", "#a16207"]


def _join(parts: Iterable[SafeString | str]) -> SafeString:
    """Concatenate markup pieces; plain strings among them are escaped."""
    return format_html_join("", "{}", ((p,) for p in parts))


def _num(value: float) -> str:
    return f"{value:.1f}"


def _fmt(value: Decimal) -> str:
    return f"{value.normalize():,f}"


@dataclass(frozen=True)
class Chart:
    """One quantity's chart and its accessible title."""

    quantity: str
    title: str
    svg: SafeString


def series_charts(figures: SeriesFigures, *, width: int = 520, height: int = 300) -> list[Chart]:
    """One SVG per counted quantity: each report's figure per event date, by origin."""
    charts = []
    events = figures.events
    origins = sorted(
        {r.origin_label for row in figures.rows.values() for g in row if g for r in g.reports}
    )
    colour = {o: SOURCE_COLOURS[i % len(SOURCE_COLOURS)] for i, o in enumerate(origins)}
    for quantity, row in figures.table:
        charts.append(
            Chart(
                quantity=quantity,
                title=f"{quantity.replace('_', ' ')} per event of {figures.series.name}",
                svg=_series_svg(quantity, events, row, colour, width, height),
            )
        )
    return charts


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """Round axis ticks from 0 to at least `top`: steps of 1, 2, 2.5 or 5 times a power of 10."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    ticks = [0.0]
    while ticks[-1] < top:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _tick_label(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def _series_svg(quantity, events, row, colour, width, height) -> SafeString:
    # Margins hold the axis labels (left), the dates (bottom) and the legend (below them); the
    # plot is inset so the first and last events' dots and labels stay inside the picture.
    left, right, top, bottom = 56, 20, 18, 74
    inset = 40
    plot_w, plot_h = width - left - right, height - top - bottom
    highs = [
        r.interval.high if r.interval.high is not None else r.value
        for g in row
        if g
        for r in g.reports
    ]
    ticks = nice_ticks(float(max(highs)) * 1.1 if highs else 1.0)
    top_value = ticks[-1]
    dates = [e.start for e in events]
    first, last = (min(dates), max(dates)) if dates else (dt.date.min, dt.date.min)
    span = max((last - first).days, 1)

    def x(event) -> float:
        if len(events) == 1:
            return left + plot_w / 2
        return left + inset + (plot_w - 2 * inset) * (event.start - first).days / span

    def y(value) -> float:
        return top + plot_h * (1 - float(value) / top_value)

    label = quantity.replace("_", " ")
    # Only as many dates and values as fit side by side: every k-th event, k from the widest
    # label (about 9 px a character at these sizes). Values are counted from the newest, whose
    # label runs left, so it gets twice the room. Every dot keeps its figure in its <title>,
    # the <desc> lists them all, and the table beside the chart shows every report.
    dates_said = [describe_dates(e.start, e.end, precision=e.precision) for e in events]
    values_said = [" / ".join(_fmt(r.value) for r in g.reports) if g else "" for g in row]
    room = (plot_w - 2 * inset) / max(len(events) - 1, 1)

    def step(widest: int) -> int:
        return max(1, math.ceil(widest / room))

    date_step = step(9 * max(map(len, dates_said), default=0) + 12)
    value_step = step(2 * 9 * max(map(len, values_said), default=0) + 40)
    described = []
    for event, group in zip(events, row, strict=True):
        when = describe_dates(event.start, event.end, precision=event.precision)
        if group:
            said = "; ".join(f"{r.text or _fmt(r.value)} ({r.origin_label})" for r in group.reports)
            described.append(f"{when}: {said}")
    parts: list[SafeString] = [
        format_html("<title>{}</title>", f"{label} per event date"),
        format_html("<desc>{}</desc>", ". ".join(described) or "No figures."),
    ]
    for v in ticks:
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" class="grid" stroke="#e4e7ec"/>'
                '<text x="{}" y="{}" text-anchor="end" font-size="15" fill="#475467">{}</text>',
                left,
                width - right,
                _num(y(v)),
                _num(y(v)),
                left - 6,
                _num(y(v) + 4),
                _tick_label(v),
            )
        )
    line_points = []
    for index, (event, group) in enumerate(zip(events, row, strict=True)):
        ex = x(event)
        if index % date_step == 0:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" font-size="15" '
                    'fill="#344054">{}</text>',
                    _num(ex),
                    height - bottom + 20,
                    dates_said[index],
                )
            )
        if not group:
            continue
        n = len(group.reports)
        for i, report in enumerate(group.reports):
            rx = ex + (i - (n - 1) / 2) * 12
            low = report.interval.low if report.interval.low is not None else 0
            high = report.interval.high if report.interval.high is not None else Decimal(top_value)
            col = colour.get(report.origin_label, "#1f5fbf")
            parts.append(
                format_html(
                    '<g class="report"><title>{}</title>'
                    '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="2" '
                    'opacity="0.5"/>'
                    '<circle cx="{}" cy="{}" r="5" fill="{}"/></g>',
                    f"{report.origin_label} ({report.source}): {report.text or _fmt(report.value)}",
                    _num(rx),
                    _num(rx),
                    _num(y(low)),
                    _num(y(high)),
                    col,
                    _num(rx),
                    _num(y(report.value)),
                    col,
                )
            )
        first_report = group.reports[0]
        line_points.append(f"{_num(ex)},{_num(y(first_report.value))}")
        # Values sit beside the dots, towards the middle: the newest event's to its left, so
        # nothing runs off the right edge.
        newest = index == len(events) - 1 and len(events) > 1
        if (len(events) - 1 - index) % value_step:
            continue
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="{}" font-size="16" fill="#101828">{}</text>',
                _num(ex - 10 - 6 * (n - 1) if newest else ex + 10 + 6 * (n - 1)),
                _num(y(first_report.value) - 8),
                "end" if newest else "start",
                values_said[index],
            )
        )
    if len(line_points) > 1:
        parts.insert(
            2,
            format_html(
                '<polyline points="{}" fill="none" stroke="#98a2b3" stroke-dasharray="4 3"/>',
                " ".join(line_points),
            ),
        )
    # The legend: one colour per origin, below the dates.
    legend_x = left
    for origin, col in colour.items():
        parts.append(
            format_html(
                '<g class="legend"><circle cx="{}" cy="{}" r="5" fill="{}"/>'
                '<text x="{}" y="{}" font-size="15" fill="#344054">{}</text></g>',
                legend_x + 5,
                height - 16,
                col,
                legend_x + 14,
                height - 11,
                origin,
            )
        )
        legend_x += 28 + 9 * len(origin)
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" '
        'role="img" aria-label="{}" class="chart">{}</svg>',
        width,
        height,
        f"{label} per event date: " + (". ".join(described) or "no figures"),
        _join(parts),
    )


def timeline_svg(
    tracks: Sequence[Track], *, label: str = "track", width: int = 720, row_height: int = 56
) -> SafeString:
    """Each track as a row of dated steps, coloured by stance, marked with the change and linked
    to the first evidence claim; readable without JavaScript."""
    steps = [s for t in tracks for s in t.steps]
    if not steps:
        return SafeString("")
    left, right, top = 170, 90, 28
    height = top + row_height * len(tracks) + 24
    first = min(s.as_of for s in steps)
    last = max(s.as_of for s in steps)
    span = max((last - first).days, 1)
    plot_w = width - left - right

    def x(day: dt.date) -> float:
        if first == last:
            return left + plot_w / 2
        return left + plot_w * (day - first).days / span

    parts: list[SafeString] = [format_html("<title>{}</title>", "Stances over time")]
    days = sorted({s.as_of for s in steps})
    for day in days:
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#eaecf0"/>'
                '<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="#475467">{}</text>',
                _num(x(day)),
                _num(x(day)),
                top - 6,
                height - 20,
                _num(x(day)),
                height - 6,
                describe_dates(day, None),
            )
        )
    for index, track in enumerate(tracks):
        cy = top + row_height * index + row_height / 2
        name = track.actor.name if label == "actor" else track.topic.title
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" font-size="13" fill="#101828">{}</text>',
                left - 12,
                _num(cy + 4),
                name if len(name) <= 26 else name[:25] + "…",
            )
        )
        if len(track.steps) > 1:
            parts.append(
                format_html(
                    '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#d0d5dd" stroke-width="2"/>',
                    _num(x(track.steps[0].as_of)),
                    _num(x(track.steps[-1].as_of)),
                    _num(cy),
                    _num(cy),
                )
            )
        for step in track.steps:
            evidence = list(step.evidence.all())
            href = evidence[0].get_absolute_url() if evidence else ""
            title = (
                f"{name}, {describe_dates(step.as_of, None)} {step.as_of.year}: "
                f"{step.get_stance_display().lower()}, {step.get_change_display().lower()}"
                + (f" — {step.conditions}" if step.conditions else "")
            )
            mark = format_html(
                '<g class="step"><title>{}</title>'
                '<circle cx="{}" cy="{}" r="9" fill="{}"/>'
                '<text x="{}" y="{}" text-anchor="middle" font-size="10" fill="#fff">{}</text>'
                '<text x="{}" y="{}" text-anchor="middle" font-size="10" fill="#344054">{}</text>'
                "</g>",
                title,
                _num(x(step.as_of)),
                _num(cy),
                STANCE_COLOURS.get(step.stance, "#667085"),
                _num(x(step.as_of)),
                _num(cy + 3.5),
                CHANGE_SYMBOLS.get(step.change, ""),
                _num(x(step.as_of)),
                _num(cy + 22),
                f"{step.get_stance_display()} · {step.get_change_display()}",
            )
            if href:
                mark = format_html('<a href="{}">{}</a>', href, mark)
            parts.append(mark)
    return format_html(
        # Not an image: its steps are links to the evidence (axe: nested-interactive). The svg's
        # own role (graphics-document) keeps them reachable; its <title> names it.
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" '
        'aria-label="{}" class="timeline">{}</svg>',
        width,
        height,
        "Stances over time",
        _join(parts),
    )


def repeats_svg(by_day: Sequence[tuple[dt.date, int]], *, width: int = 480, height: int = 120):
    """A small bar chart of how many times a claim was told on each day (empty for one day)."""
    if len(by_day) < 2:
        return SafeString("")
    left, right, top, bottom = 24, 12, 12, 24
    first, last = by_day[0][0], by_day[-1][0]
    span = max((last - first).days, 1)
    most = max(count for _, count in by_day)
    plot_w, plot_h = width - left - right, height - top - bottom
    bar = max(4.0, min(24.0, plot_w / (span + 1) * 0.8))
    total = sum(count for _, count in by_day)
    parts: list[SafeString] = [
        format_html("<title>{}</title>", f"Told {total} times over {span + 1} days")
    ]
    for day, count in by_day:
        x = left + plot_w * (day - first).days / span - bar / 2
        h = plot_h * count / most
        label = f"{describe_dates(day, None)} {day.year}: {count}"
        parts.append(
            format_html(
                '<g><title>{}</title><rect x="{}" y="{}" width="{}" height="{}" fill="{}"/></g>',
                label,
                _num(max(x, 0)),
                _num(top + plot_h - h),
                _num(bar),
                _num(h),
                SOURCE_COLOURS[0],
            )
        )
    for day in (first, last):
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="#475467">{}</text>',
                _num(left + plot_w * (day - first).days / span),
                height - 6,
                describe_dates(day, None),
            )
        )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="{}" height="{}" '
        'role="img" class="repeats-chart">{}</svg>',
        width,
        height,
        width,
        height,
        _join(parts),
    )
