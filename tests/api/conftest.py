"""API clients for each role, and a small published ledger to read and write."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    ClaimLinkFactory,
    EventFactory,
    MeasurementFactory,
    PositionFactory,
    TopicFactory,
)

# Queries for claim rows (factcheck/api/serializers/claim_rows.py): on PostgreSQL 1, the claims
# with their subjects and figures as arrays beside them; elsewhere 3, the claims (with the joins
# the expansions need), their subjects, their figures.
ROW_QUERIES = 1 if connection.vendor == "postgresql" else 3


class World:
    """One of everything: a published and a draft claim, a position, a link."""

    def __init__(self):
        self.article = ArticleFactory(wire_agency="AP")
        self.other_article = ArticleFactory(wire_agency="AFP")
        self.actor = ActorFactory(name="Sergei Lavrov")
        self.subject = ActorFactory(name="Ukraine", kind="government")
        self.event = EventFactory(name="Overnight strikes 16-17 Feb")
        self.topic = TopicFactory(title="A settlement must be reached by June")
        self.published = ClaimFactory(
            published=True,
            article=self.article,
            claimant=self.actor,
            event=self.event,
            topic=self.topic,
            kind="quantity",
            subjects=[self.subject],
            summary="Russia launched almost 400 drones",
        )
        MeasurementFactory(claim=self.published)
        self.other = ClaimFactory(
            published=True,
            article=self.other_article,
            event=self.event,
            summary="Drones overnight",
        )
        self.draft = ClaimFactory(article=self.article, summary="A draft about deadlines")
        self.in_review = ClaimFactory(in_review=True, article=self.other_article)
        self.position = PositionFactory(
            actor=self.actor, topic=self.topic, evidence=[self.published]
        )
        self.link = ClaimLinkFactory(
            from_claim=self.published, to_claim=self.other, relation="corroborates"
        )


@pytest.fixture
def world(db):
    return World()


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def ids(response) -> list[int]:
    return [row["id"] for row in results(response)]
