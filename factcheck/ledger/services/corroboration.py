"""Who else reported a claim, whether they are independent, and whether the figures agree.

The rule (issue 5), in one place:

* An article's **origin** is its wire agency when it has one, else its outlet
  (``Article.origin_key``): two outlets running the same AP copy are one origin.
* A measurement is an **interval** (``measurement_interval``): ``exact`` is the value;
  ``about`` is the value ± ``ABOUT_TOLERANCE`` (10 %); ``at_most`` ("almost 400",
  "nearly", "up to") is from 10 % below the value up to the value; ``less_than`` is
  [0, value); ``at_least`` is [value, ∞); ``more_than`` is (value, ∞).
  Two figures **agree** when their intervals overlap.
* Only figures on the **same event** and the same counted quantity (and unit) are
  compared. Different events of one series are a series, never a discrepancy.
* A claim is **disputed** when it has a ``contradicts`` or ``same_event_different_figure``
  link with a published claim, or a published figure from another origin on the same
  event and quantity that does not overlap its own. Otherwise it is **corroborated** when
  at least two independent origins agree: its own, plus those of published claims
  linked by ``corroborates`` or carrying an overlapping figure for the same event and
  quantity. Otherwise it is **single_source**.
* Only direct links count (no chains); only published counterparts count, so a claim
  sent back or rejected stops corroborating or disputing its neighbours.

The result is stored on ``Claim.corroboration`` / ``Claim.independent_origins`` so
lists stay cheap; ``claims_refresh`` keeps it current and is called by every service
that changes links, claims, measurements or articles.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.db import transaction
from django.db.models import Prefetch, Q

from ..choices import Bound, ClaimStatus, CorroborationStatus, LinkRelation
from ..models import Article, Claim, ClaimLink, Event, Measurement, Series

ABOUT_TOLERANCE = Decimal("0.10")
"""“about / some / around 420” covers 420 ± 10 %; “almost 400” covers 360–400."""

DISPUTING_RELATIONS = frozenset(
    {LinkRelation.CONTRADICTS, LinkRelation.SAME_EVENT_DIFFERENT_FIGURE}
)


# ---- origins and intervals ----------------------------------------------------------------


def origin_key(article: Article) -> str:
    """The independent origin an article counts as: its wire agency, else its outlet."""
    return article.origin_key


def _origin_of(wire_agency: str, source_id: int) -> str:
    return Article(wire_agency=wire_agency or "", source_id=source_id).origin_key


class Interval(NamedTuple):
    """A closed, open or half-open interval; ``None`` is unbounded on that side."""

    low: Decimal | None
    high: Decimal | None
    low_closed: bool = True
    high_closed: bool = True

    def overlaps(self, other: Interval) -> bool:
        """Whether the two intervals share at least one number."""
        return _below(self.low, self.low_closed, other.high, other.high_closed) and _below(
            other.low, other.low_closed, self.high, self.high_closed
        )

    def __str__(self) -> str:
        low = "−∞" if self.low is None else _fmt(self.low)
        high = "∞" if self.high is None else _fmt(self.high)
        if self.low == self.high:
            return low
        return f"{'[' if self.low_closed else '('}{low}–{high}{']' if self.high_closed else ')'}"


def _below(low, low_closed, high, high_closed) -> bool:
    """Whether a lower end lies at or below an upper end (so the two can meet)."""
    if low is None or high is None:
        return True
    return low < high or (low == high and low_closed and high_closed)


def _fmt(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text


def measurement_interval(value, bound: str) -> Interval:
    """The interval a figure as written covers: (low, high, low_closed, high_closed)."""
    value = Decimal(value)
    if bound == Bound.ABOUT:
        return Interval(value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE))
    if bound == Bound.AT_MOST:
        return Interval(value * (1 - ABOUT_TOLERANCE), value)
    if bound == Bound.LESS_THAN:
        return Interval(Decimal(0), value, True, False)
    if bound == Bound.AT_LEAST:
        return Interval(value, None)
    if bound == Bound.MORE_THAN:
        return Interval(value, None, False, True)
    return Interval(value, value)


# ---- the stored status ----------------------------------------------------------------------


@dataclass
class _Figure:
    claim_id: int
    event_id: int
    quantity: str
    unit: str
    interval: Interval
    origin: str


def _figure_rows(qs) -> list[_Figure]:
    return [
        _Figure(
            claim_id=row["claim_id"],
            event_id=row["claim__event_id"],
            quantity=row["quantity"],
            unit=row["unit"],
            interval=measurement_interval(row["value"], row["bound"]),
            origin=_origin_of(row["claim__article__wire_agency"], row["claim__article__source_id"]),
        )
        for row in qs.values(
            "claim_id",
            "claim__event_id",
            "quantity",
            "unit",
            "value",
            "bound",
            "claim__article__wire_agency",
            "claim__article__source_id",
        )
    ]


def corroboration_compute(*, claim_ids: Iterable[int]) -> dict[int, tuple[str, int]]:
    """Status and independent-origin count for each claim, in four queries whatever the size."""
    ids = set(claim_ids)
    if not ids:
        return {}
    claims = {
        row["pk"]: row
        for row in Claim.objects.filter(pk__in=ids).values(
            "pk", "event_id", "article__wire_agency", "article__source_id"
        )
    }
    own_origin = {
        pk: _origin_of(row["article__wire_agency"], row["article__source_id"])
        for pk, row in claims.items()
    }

    origins: dict[int, set[str]] = {pk: {own_origin[pk]} for pk in claims}
    disputed: set[int] = set()

    # Links: a published counterpart corroborates or disputes.
    links = ClaimLink.objects.touching(list(claims)).values(
        "from_claim_id",
        "to_claim_id",
        "relation",
        "from_claim__status",
        "to_claim__status",
        "from_claim__article__wire_agency",
        "from_claim__article__source_id",
        "to_claim__article__wire_agency",
        "to_claim__article__source_id",
    )
    for link in links:
        for me, other in (("from", "to"), ("to", "from")):
            pk = link[f"{me}_claim_id"]
            if pk not in claims or link[f"{other}_claim__status"] != ClaimStatus.PUBLISHED:
                continue
            if link["relation"] in DISPUTING_RELATIONS:
                disputed.add(pk)
            elif link["relation"] == LinkRelation.CORROBORATES:
                origins[pk].add(
                    _origin_of(
                        link[f"{other}_claim__article__wire_agency"],
                        link[f"{other}_claim__article__source_id"],
                    )
                )

    # Figures: the same event and quantity from another origin, overlapping or not.
    event_ids = {row["event_id"] for row in claims.values() if row["event_id"]}
    if event_ids:
        own = _figure_rows(
            Measurement.objects.filter(claim_id__in=list(claims), claim__event__isnull=False)
        )
        others = _figure_rows(
            Measurement.objects.filter(
                claim__event_id__in=event_ids, claim__status=ClaimStatus.PUBLISHED
            )
        )
        by_key: dict[tuple, list[_Figure]] = defaultdict(list)
        for fig in others:
            by_key[(fig.event_id, fig.quantity, fig.unit)].append(fig)
        for fig in own:
            for other in by_key[(fig.event_id, fig.quantity, fig.unit)]:
                if other.claim_id == fig.claim_id or other.origin == fig.origin:
                    continue
                if fig.interval.overlaps(other.interval):
                    origins[fig.claim_id].add(other.origin)
                else:
                    disputed.add(fig.claim_id)

    result = {}
    for pk in claims:
        count = len(origins[pk])
        if pk in disputed:
            status = CorroborationStatus.DISPUTED
        elif count >= 2:
            status = CorroborationStatus.CORROBORATED
        else:
            status = CorroborationStatus.SINGLE_SOURCE
        result[pk] = (status, count)
    return result


def _neighbours(claim_ids: set[int], event_ids: set[int]) -> set[int]:
    """Claims whose status may depend on these: linked ones and figures on the same events."""
    found = set(claim_ids)
    for a, b in ClaimLink.objects.touching(list(claim_ids)).values_list(
        "from_claim_id", "to_claim_id"
    ):
        found.update((a, b))
    events = set(event_ids) | set(
        Claim.objects.filter(pk__in=claim_ids, event__isnull=False).values_list(
            "event_id", flat=True
        )
    )
    if events:
        found.update(
            Measurement.objects.filter(claim__event_id__in=events).values_list(
                "claim_id", flat=True
            )
        )
    return found


@transaction.atomic
def claims_refresh(*, claim_ids: Iterable[int], event_ids: Iterable[int] = ()) -> None:
    """Recompute and store the corroboration of these claims and of every claim they touch.

    Pass ``event_ids`` with the event a claim was moved away from (or whose figures were
    removed), so the claims left on it are recomputed too.
    """
    ids = {int(pk) for pk in claim_ids}
    events = {int(pk) for pk in event_ids if pk}
    if not ids and not events:
        return
    targets = _neighbours(ids, events)
    computed = corroboration_compute(claim_ids=targets)
    if not computed:
        return
    stale = [
        claim
        for claim in Claim.objects.filter(pk__in=list(computed)).only(
            "pk", "corroboration", "independent_origins"
        )
        if (claim.corroboration, claim.independent_origins) != computed[claim.pk]
    ]
    for claim in stale:
        claim.corroboration, claim.independent_origins = computed[claim.pk]
        claim._change_reason = "corroboration recomputed"
        claim.save(update_fields=["corroboration", "independent_origins"])


def article_corroboration_refresh(*, article: Article) -> None:
    """After an article's origin changed (wire agency, outlet): recompute its claims."""
    claims_refresh(claim_ids=article.claims.values_list("pk", flat=True))


# ---- figures side by side (read side) ---------------------------------------------------


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


def _measurements(published_only: bool):
    qs = Measurement.objects.select_related("claim__article__source").order_by(
        "quantity", "claim__article__published", "claim_id", "id"
    )
    if published_only:
        qs = qs.filter(claim__status=ClaimStatus.PUBLISHED)
    return qs


def _group(measurements: Iterable[Measurement]) -> list[QuantityFigures]:
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
    return _group(_measurements(published_only).filter(claim__event=event))


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


def series_figures(*, series: Series, published_only: bool = True) -> SeriesFigures:
    """Figures per quantity per event date of a series: a series, never a discrepancy."""
    events = list(series.events.order_by("start", "id"))
    per_event: dict[int, dict[str, QuantityFigures]] = defaultdict(dict)
    by_event: dict[int, list[Measurement]] = defaultdict(list)
    for m in (
        _measurements(published_only)
        .filter(claim__event__series=series)
        .select_related("claim__event")
    ):
        by_event[m.claim.event_id].append(m)
    quantities: list[str] = []
    for event_id, ms in by_event.items():
        for group in _group(ms):
            per_event[event_id][group.quantity] = group
            if group.quantity not in quantities:
                quantities.append(group.quantity)
    quantities.sort()
    rows = {q: [per_event[e.pk].get(q) for e in events] for q in quantities}
    return SeriesFigures(series=series, events=events, quantities=quantities, rows=rows)


# ---- one night or two ------------------------------------------------------------------------

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _day(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]}"


def describe_dates(
    start: dt.date, end: dt.date | None, *, precision: str = "day", night: bool = False
) -> str:
    """“the night of 16–17 Feb”, “17–18 Feb”, “17 Feb”, “June 2026”, “2026”."""
    end = end or start
    if precision == "year":
        return str(start.year)
    if precision == "month" and start.month == end.month and start.year == end.year:
        return start.strftime("%B %Y")
    if start == end:
        return _day(start)
    if night and end - start == dt.timedelta(days=1):
        if start.month == end.month:
            return f"the night of {start.day}–{_day(end)}"
        return f"the night of {_day(start)}–{_day(end)}"
    if start.month == end.month:
        return f"{start.day}–{_day(end)}"
    return f"{_day(start)}–{_day(end)}"


def _is_night(event: Event) -> bool:
    return (
        event.kind == "strike"
        and event.end is not None
        and event.end - event.start == dt.timedelta(days=1)
    )


def event_mismatch(*, claim: Claim, event: Event) -> str | None:
    """A warning when the days a claim is about do not meet the event's days, else None."""
    if claim.about_start is None:
        return None
    c_start, c_end = claim.about_start, claim.about_end or claim.about_start
    e_start, e_end = event.start, event.last_day
    if event.precision == "month":
        e_start = e_start.replace(day=1)
    if c_start <= e_end and e_start <= c_end:
        return None
    night = _is_night(event)
    about = describe_dates(c_start, c_end, night=night)
    is_ = describe_dates(event.start, event.end, precision=event.precision, night=night)
    return f"this report is about {about}; the event is {is_}"


def event_matching(*, claim: Claim, event: Event) -> Event | None:
    """The event of the same series whose days meet the claim's days (to offer instead)."""
    if claim.about_start is None or event.series_id is None:
        return None
    c_start, c_end = claim.about_start, claim.about_end or claim.about_start
    candidates = (
        Event.objects.filter(series_id=event.series_id, start__lte=c_end)
        .filter(Q(end__gte=c_start) | Q(end__isnull=True, start__gte=c_start))
        .exclude(pk=event.pk)
        .order_by("-start")
    )
    return candidates.first()


def claims_with_figures(*, event: Event):
    """Published claims on an event with their measurements (for pages)."""
    return (
        Claim.objects.published()
        .filter(event=event)
        .select_related("article__source", "claimant")
        .prefetch_related(Prefetch("measurements"))
    )
