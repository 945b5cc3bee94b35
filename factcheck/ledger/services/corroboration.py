"""Who else reported a claim, whether they are independent, and whether the figures agree.

The rules (origin, figure intervals, the status) are in ``factcheck.ledger.rules``; this
module applies them to the stored claims:

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

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from simple_history.utils import bulk_update_with_history

from ..choices import ClaimStatus, LinkRelation
from ..models import Article, Claim, ClaimLink, Measurement
from ..rules import (
    DISPUTING_RELATIONS,
    Interval,
    corroboration_status,
    measurement_interval,
    origin_of,
)
from .clock import public_change_mark

log = logging.getLogger(__name__)


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
            origin=origin_of(
                wire_agency=row["claim__article__wire_agency"],
                source_id=row["claim__article__source_id"],
                copy_origin=row["claim__article__copy_origin"],
            ),
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
            "claim__article__copy_origin",
        )
    ]


def corroboration_compute(*, claim_ids: Iterable[int] | None) -> dict[int, tuple[str, int]]:
    """Status and independent-origin count for each claim, in four queries whatever the size.

    ``claim_ids=None`` computes every claim of the ledger (no id lists in the queries)."""
    everything = claim_ids is None
    ids = set() if everything else set(claim_ids)
    if not everything and not ids:
        return {}
    chosen = Claim.objects.all() if everything else Claim.objects.filter(pk__in=ids)
    claims = {
        row["pk"]: row
        for row in chosen.order_by().values(
            "pk", "event_id", "article__wire_agency", "article__source_id", "article__copy_origin"
        )
    }
    own_origin = {
        pk: origin_of(
            wire_agency=row["article__wire_agency"],
            source_id=row["article__source_id"],
            copy_origin=row["article__copy_origin"],
        )
        for pk, row in claims.items()
    }

    origins: dict[int, set[str]] = {pk: {own_origin[pk]} for pk in claims}
    disputed: set[int] = set()

    # Links: a published counterpart corroborates or disputes.
    links = (
        ClaimLink.objects.all() if everything else ClaimLink.objects.touching(list(claims))
    ).values(
        "from_claim_id",
        "to_claim_id",
        "relation",
        "from_claim__status",
        "to_claim__status",
        "from_claim__article__wire_agency",
        "from_claim__article__source_id",
        "to_claim__article__wire_agency",
        "to_claim__article__source_id",
        "from_claim__article__copy_origin",
        "to_claim__article__copy_origin",
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
                    origin_of(
                        wire_agency=link[f"{other}_claim__article__wire_agency"],
                        source_id=link[f"{other}_claim__article__source_id"],
                        copy_origin=link[f"{other}_claim__article__copy_origin"],
                    )
                )

    # Figures: the same event and quantity from another origin, overlapping or not.
    event_ids = {row["event_id"] for row in claims.values() if row["event_id"]}
    if event_ids:
        own_rows = Measurement.objects.filter(claim__event__isnull=False)
        own = _figure_rows(own_rows if everything else own_rows.filter(claim_id__in=list(claims)))
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
        status = corroboration_status(disputed=pk in disputed, independent_origins=count)
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
            "pk", "status", "corroboration", "independent_origins"
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


def corroboration_refresh_on_commit(
    claim_ids: Iterable[int], event_ids: Iterable[int] = ()
) -> None:
    """Recompute these claims (and the claims left on events a claim moved away from) once the
    write that changed them is committed; a failing recompute never undoes that write."""
    ids = sorted({i for i in claim_ids if i})
    events = sorted({i for i in event_ids if i})
    if not ids and not events:
        return

    def run() -> None:
        try:
            claims_refresh(claim_ids=ids, event_ids=events)
        except Exception:  # the write is committed; a failing recompute must not undo it
            log.exception("corroboration refresh failed for claims %s", ids)

    transaction.on_commit(run)


@transaction.atomic
def corroboration_recompute_all(*, batch_size: int = 2000) -> int:
    """Recompute every claim's corroboration at once (after a rule changed): four reads for the
    whole ledger, then one bulk UPDATE and one bulk history INSERT per ``batch_size`` claims
    that moved. Returns how many moved."""
    computed = corroboration_compute(claim_ids=None)
    moved = []
    for claim in Claim.objects.order_by().iterator(chunk_size=batch_size):
        if (claim.corroboration, claim.independent_origins) != computed[claim.pk]:
            claim.corroboration, claim.independent_origins = computed[claim.pk]
            moved.append(claim)
    if moved:
        bulk_update_with_history(
            moved,
            Claim,
            ["corroboration", "independent_origins"],
            batch_size=batch_size,
            default_change_reason="corroboration recomputed",
        )
        public_change_mark()  # bulk writes send no history signal
    return len(moved)
