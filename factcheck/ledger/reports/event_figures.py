"""An event's figures side by side: every source's report of each counted quantity, and
whether they agree (their intervals overlap, between independent origins)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from ..choices import Bound, ClaimStatus
from ..models import Claim, Event, Measurement
from ..querysets import ARTICLE_TEXT
from ..rules import Interval, measurement_interval


@dataclass(frozen=True)
class FigureReport:
    """One source's figure for a quantity."""

    claim: Claim
    measurement: Measurement
    value: Decimal
    bound: str
    text: str
    source: str
    wire_agency: str
    origin_key: str
    origin_label: str
    interval: Interval

    @property
    def bound_label(self) -> str:
        return Bound(self.bound).label


@dataclass
class QuantityFigures:
    """Every report of one counted quantity for one event, and whether they agree."""

    quantity: str
    unit: str
    reports: list[FigureReport] = field(default_factory=list)
    agree: bool = True
    low: Decimal | None = None
    high: Decimal | None = None

    @property
    def spread(self) -> Decimal | None:
        """Highest minus lowest value as written."""
        if self.low is None or self.high is None:
            return None
        return self.high - self.low

    @property
    def origins(self) -> list[str]:
        return sorted({r.origin_label for r in self.reports})

    @property
    def label(self) -> str:
        return self.quantity.replace("_", " ")


def figure_measurements(*, published_only: bool) -> QuerySet:
    """Measurements with their claim's article (without its text, which a report never shows
    and which is most of its bytes) and outlet, in report order."""
    qs = (
        Measurement.objects.select_related("claim__article__source")
        .defer(*(f"claim__article__{name}" for name in ARTICLE_TEXT))
        .order_by("quantity", "claim__article__published", "claim_id", "id")
    )
    if published_only:
        qs = qs.filter(claim__status=ClaimStatus.PUBLISHED)
    return qs


def figures_by_quantity(measurements: Iterable[Measurement]) -> list[QuantityFigures]:
    """Reports grouped per counted quantity (and unit), each group saying whether they agree."""
    groups: dict[tuple[str, str], QuantityFigures] = {}
    for m in measurements:
        article = m.claim.article
        report = FigureReport(
            claim=m.claim,
            measurement=m,
            value=m.value,
            bound=m.bound,
            text=m.text,
            source=article.source.name,
            wire_agency=article.wire_agency,
            origin_key=article.origin_key,
            origin_label=article.origin_label,
            interval=measurement_interval(m.value, m.bound),
        )
        group = groups.setdefault((m.quantity, m.unit), QuantityFigures(m.quantity, m.unit))
        group.reports.append(report)
    for group in groups.values():
        values = [r.value for r in group.reports]
        group.low, group.high = min(values), max(values)
        # Disagreement only counts between independent origins (same rule as the claims).
        group.agree = all(
            a.interval.overlaps(b.interval)
            for i, a in enumerate(group.reports)
            for b in group.reports[i + 1 :]
            if a.origin_key != b.origin_key
        )
    return list(groups.values())


def event_figures(*, event: Event, published_only: bool = True) -> list[QuantityFigures]:
    """Per counted quantity: every report on this event, side by side, and whether they agree."""
    return figures_by_quantity(
        figure_measurements(published_only=published_only).filter(claim__event=event)
    )
