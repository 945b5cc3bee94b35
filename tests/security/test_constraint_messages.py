"""A change the database refuses is answered in words, never with a constraint's name."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from rest_framework.test import APIRequestFactory

from factcheck.api.exceptions import api_exception_handler
from factcheck.ledger.models import ActorAlias, ClaimLink, Position, Topic
from tests.factories import ActorFactory, ClaimFactory, PositionFactory, TopicFactory

pytestmark = pytest.mark.django_db


def _refusal(make) -> dict:
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        make()
    request = APIRequestFactory().post("/api/v1/")
    response = api_exception_handler(caught.value, {"request": request, "view": None})
    assert response.status_code == 409
    return response.data


def _aliased():
    actor = ActorFactory()
    ActorAlias.objects.create(actor=actor, name="Mr Umerov")
    return lambda: ActorAlias.objects.create(actor=actor, name="mr umerov")


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("topic", "A topic with this proposition already exists."),
        ("alias", "This alias is already used by an actor."),
        ("position", "This actor already has a position on this topic on that day."),
        ("link", "These two claims are already linked."),
        ("self_link", "A claim cannot be linked to itself."),
    ],
)
def test_a_constraint_is_answered_in_words(case, words):
    if case == "topic":
        TopicFactory(title="Ukraine cedes Donetsk")
        make = lambda: Topic.objects.create(title="Ukraine cedes Donetsk")  # noqa: E731
    elif case == "alias":
        make = _aliased()
    elif case == "position":
        position = PositionFactory(as_of=dt.date(2026, 2, 17))
        make = lambda: Position.objects.create(  # noqa: E731
            actor=position.actor, topic=position.topic, as_of=position.as_of, stance="opposes"
        )
    elif case == "link":
        a, b = ClaimFactory(), ClaimFactory()
        ClaimLink.objects.create(from_claim=a, to_claim=b, relation="corroborates")
        make = lambda: ClaimLink.objects.create(  # noqa: E731
            from_claim=b, to_claim=a, relation="context"
        )
    else:
        a = ClaimFactory()
        make = lambda: ClaimLink.objects.create(  # noqa: E731
            from_claim=a, to_claim=a, relation="context"
        )
    data = _refusal(make)
    assert str(data["detail"]) == words
    assert "_" not in str(data["detail"])  # no table, column or constraint name
