"""A series' figures: each counted quantity per event of the series, in date order.

Reports on different events of one series are a series, never a discrepancy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..models import Event, Measurement, Series
from .event_figures import QuantityFigures, figure_measurements, figures_by_quantity


@dataclass
class SeriesFigures:
    """Each quantity per event of a series: ``rows[quantity]`` aligns with ``events``."""

    series: Series
    events: list[Event]
    quantities: list[str]
    rows: dict[str, list[QuantityFigures | None]]

    @property
    def table(self) -> list[tuple[str, list[QuantityFigures | None]]]:
        return [(q, self.rows[q]) for q in self.quantities]


def series_figures(
    *, series: Series, events: Iterable[Event] | None = None, published_only: bool = True
) -> SeriesFigures:
    """Figures per quantity per event date of a series (or of some of its events, a page)."""
    if events is None:
        events = list(series.events.order_by("start", "id"))
        measurements = figure_measurements(published_only=published_only).filter(
            claim__event__series=series
        )
    else:
        events = list(events)
        measurements = figure_measurements(published_only=published_only).filter(
            claim__event__in=[event.pk for event in events]
        )
    per_event: dict[int, dict[str, QuantityFigures]] = defaultdict(dict)
    by_event: dict[int, list[Measurement]] = defaultdict(list)
    for m in measurements.select_related("claim__event"):
        by_event[m.claim.event_id].append(m)
    quantities: list[str] = []
    for event_id, ms in by_event.items():
        for group in figures_by_quantity(ms):
            per_event[event_id][group.quantity] = group
            if group.quantity not in quantities:
                quantities.append(group.quantity)
    quantities.sort()
    rows = {q: [per_event[e.pk].get(q) for e in events] for q in quantities}
    return SeriesFigures(series=series, events=events, quantities=quantities, rows=rows)
