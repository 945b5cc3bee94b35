"""A ledger whose every text, from the article or from editors, carries script payloads."""

from __future__ import annotations

import datetime as dt

from factcheck.ledger.models import Article, Claim
from factcheck.ledger.services.articles import article_import
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ClaimFactory,
    ClaimLinkFactory,
    EventFactory,
    MeasurementFactory,
    PositionFactory,
    SeriesFactory,
    TopicFactory,
)

PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</script><script>alert(1)</script>",
)
P = " ".join(PAYLOADS)
# What must never reach a page unescaped (each payload's dangerous part).
RAW = ("<script>alert(1)", "<img src=x", "</script><script>")

ARTICLE = (
    "date 2026-02-17 "
    f"Russia used almost 400 drones {P} to strike 12 regions, officials said.\n\n"
    f"“We have no deadlines {P},” the minister told reporters.\n\n"
    f"A firefighter puts out a fire {P} in Sumy, Ukraine (Ukrainian Emergency Service via AP)\n\n"
    f"Officials said some 20 missiles {P} were also fired.\n"
)


def build() -> dict:
    result = article_import(data=ARTICLE.encode(), origin="xss.txt", source_name=f"Outlet {P}")
    assert result.status == "imported", result.reason
    article = result.article
    Article.objects.filter(pk=article.pk).update(title=f"Title {P}")
    article.refresh_from_db()
    series = SeriesFactory(name=f"Series {P}")
    actor = ActorFactory(name=f"Actor {P}", role=f"Role {P}", description=f"About {P}")
    ActorAliasFactory(actor=actor, name=f"Alias {P}")
    event = EventFactory(name=f"Event {P}", place=f"Place {P}", series=series)
    event.participants.set([actor])
    topic = TopicFactory(title=f"Topic {P}", description=f"Topic text {P}")
    body = article.body
    claims = []
    for sentence, extra in (("Russia used", {"kind": "quantity"}), ("“We have", {})):
        start = body.index(sentence)
        end = body.index("\n\n", start) if "\n\n" in body[start:] else len(body)
        claims.append(
            ClaimFactory(
                article=article,
                start=start,
                end=end,
                published=True,
                summary=f"Summary {P}"[:300],
                claimant=actor,
                claimant_label=f"Label {P}"[:200],
                event=event,
                topic=topic,
                rating="false",
                subjects=[actor],
                **extra,
            )
        )
    MeasurementFactory(claim=claims[0], text=f"almost 400 {P}", quantity="drones")
    ClaimLinkFactory(from_claim=claims[0], to_claim=claims[1], relation="context", note=f"Note {P}")
    PositionFactory(
        actor=actor,
        topic=topic,
        stance="conditional",
        conditions=f"Conditions {P}",
        as_of=dt.date(2026, 2, 1),
        evidence=[claims[0]],
    )
    PositionFactory(
        actor=actor, topic=topic, stance="supports", as_of=dt.date(2026, 2, 17), evidence=claims
    )
    Claim.objects.filter(pk__in=[c.pk for c in claims]).update(status="published")
    return {
        "article": article,
        "actor": actor,
        "event": event,
        "topic": topic,
        "series": series,
        "claims": claims,
    }
