"""What the claim's admin page shows besides its form: its links seen from this claim, the tools
to link it and record a position, and the warning when its event's days miss the claim's days
(one night or two), with the matching event of the series or a prefilled new one."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html

from ..choices import DatePrecision
from ..models import Claim, ClaimLink, Event
from ..reports.event_matching import event_matching
from ..rules import describe_dates, event_mismatch


def claim_links(claim: Claim) -> list[dict]:
    """The claim's links in both directions, seen from this claim (one query)."""
    rows = []
    links = (
        ClaimLink.objects.touching([claim.pk])
        .select_related("from_claim__article__source", "to_claim__article__source")
        .order_by("id")
    )
    for link in links:
        outgoing = link.from_claim_id == claim.pk
        other = link.to_claim if outgoing else link.from_claim
        rows.append(
            {
                "link": link,
                "outgoing": outgoing,
                "relation": link.get_relation_display(),
                "other": other,
                "other_url": reverse("admin:ledger_claim_change", args=[other.pk]),
                "source": other.article.source.name,
                "origin": other.article.origin_label,
                "wire_agency": other.article.wire_agency,
                "published": other.article.published,
            }
        )
    return rows


def new_event_url(claim: Claim, event: Event) -> str | None:
    """The add-event form prefilled with the claim's days, in the event's series; once saved,
    the new event is attached to the claim (``for_claim`` at the version the warning saw)."""
    if claim.about_start is None:
        return None
    end = claim.about_end or claim.about_start
    params = {
        "kind": event.kind,
        "start": claim.about_start.isoformat(),
        "end": end.isoformat(),
        "precision": DatePrecision.SPAN if end != claim.about_start else DatePrecision.DAY,
        "for_claim": claim.pk,
        "claim_version": claim.version,
    }
    if event.series_id:
        params["series"] = event.series_id
        params["name"] = f"{event.series.name}: {describe_dates(claim.about_start, end)}"
    return reverse("admin:ledger_event_add") + "?" + urlencode(params)


def event_warning(claim: Claim) -> dict | None:
    """When the days a claim is about miss its event's days: the warning, the matching event
    of the same series (if any) and a prefilled new-event link; else None."""
    event = claim.event
    if event is None:
        return None
    mismatch = event_mismatch(claim=claim, event=event)
    if not mismatch:
        return None
    matching = event_matching(claim=claim, event=event)
    create_url = new_event_url(claim, event)
    claim_url = reverse("admin:ledger_claim_change", args=[claim.pk])
    if matching is not None:
        offer = format_html(
            'The matching event of the series is “{}”: <a href="{}#event-mismatch">switch to '
            "it</a>.",
            matching.name,
            claim_url,
        )
    elif create_url:
        offer = format_html(
            'No event of the series matches: <a href="{}">create a new one</a>.', create_url
        )
    else:
        offer = ""
    return {
        "message": mismatch[:1].upper() + mismatch[1:],
        "message_html": format_html("Warning: {}. {}", mismatch, offer),
        "event": event,
        "matching": matching,
        "create_url": create_url,
    }


def claim_page_context(request, claim: Claim) -> dict:
    """What the claim's change page shows besides the form: tools, links, event warning."""
    user = request.user
    return {
        "link_url": reverse("admin:ledger_claimlink_from_claim", args=[claim.pk])
        if user.has_perm("ledger.add_claimlink")
        else None,
        "position_url": reverse("admin:ledger_position_from_claim", args=[claim.pk])
        if user.has_perm("ledger.add_position")
        else None,
        "claim_links": claim_links(claim),
        "event_warning": event_warning(claim),
    }
