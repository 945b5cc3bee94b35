"""API clients for each role, and a small published ledger to read and write."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    ClaimLinkFactory,
    EventFactory,
    MeasurementFactory,
    PositionFactory,
    TopicFactory,
    UserFactory,
)


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def anon():
    return APIClient()


@pytest.fixture
def editor_api(editor):
    return token_client(editor)


@pytest.fixture
def reviewer_api(reviewer):
    return token_client(reviewer)


@pytest.fixture
def outsider(db):
    """Signed in, but not newsroom staff."""
    return UserFactory(username="reader")


@pytest.fixture
def outsider_api(outsider):
    return token_client(outsider)


@pytest.fixture
def clients(anon, editor_api, reviewer_api, outsider_api):
    return {
        "anonymous": anon,
        "editor": editor_api,
        "reviewer": reviewer_api,
        "outsider": outsider_api,
    }


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
