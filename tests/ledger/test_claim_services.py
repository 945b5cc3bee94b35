"""claim_create / claim_update: anchoring a span, describing it, measurement validation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from factcheck.ledger.models import Claim
from factcheck.ledger.services.claims import claim_create, claim_update
from factcheck.ledger.text import anchor_selectors
from tests.factories import ActorFactory, ArticleFactory, EventFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db

TRICKY = (
    "Intro line.\n\n"
    "“We have no deadlines,” said Sergei Lavrov – Russia’s minister 🇷🇺 in Zürich.\n\n"
    "Some 420 drones 🛩️ and 39 missiles hit at least six regions."
)


def test_anchor_selectors_take_32_characters_of_context():
    body = "a" * 40 + "QUOTE" + "b" * 40
    sel = anchor_selectors(body=body, start=40, end=45)
    assert sel == {"exact": "QUOTE", "prefix": "a" * 32, "suffix": "b" * 32}


def test_it_anchors_a_span_by_offsets_with_selectors(editor):
    article = ArticleFactory(body=TRICKY)
    start = TRICKY.index("Some 420")
    end = TRICKY.index(" hit")
    claim = claim_create(article=article, user=editor, start=start, end=end, kind="quantity")
    assert claim.exact == "Some 420 drones 🛩️ and 39 missiles"
    assert claim.prefix == TRICKY[start - 32 : start]
    assert claim.suffix == TRICKY[end : end + 32]
    assert claim.status == "draft" and claim.version == 1 and claim.created_by == editor


def test_offsets_are_code_points_after_curly_quotes_dashes_and_emoji(editor):
    article = ArticleFactory(body=TRICKY)
    start = TRICKY.index("in Zürich")
    claim = claim_create(article=article, user=editor, start=start, end=start + 9)
    assert claim.exact == "in Zürich"


def test_it_finds_the_span_by_its_quote_even_with_straight_quotes(editor):
    article = ArticleFactory(body=TRICKY)
    claim = claim_create(article=article, user=editor, quote='"We have no deadlines," said')
    assert claim.exact == "“We have no deadlines,” said"
    assert TRICKY[claim.start : claim.end] == claim.exact


def test_a_missing_quote_is_refused_by_name(editor):
    article = ArticleFactory(body=TRICKY)
    with pytest.raises(ValidationError, match="We have deadlines"):
        claim_create(article=article, user=editor, quote="We have deadlines")


def test_an_ambiguous_quote_is_refused_by_name(editor):
    article = ArticleFactory(body="Ten drones. Ten drones.")
    with pytest.raises(ValidationError, match="occurs 2 times"):
        claim_create(article=article, user=editor, quote="Ten drones")


def test_white_space_around_a_selection_is_trimmed(editor):
    article = ArticleFactory(body="One.\n\nTwo things. Three.")
    claim = claim_create(article=article, user=editor, start=4, end=17)
    assert claim.exact == "Two things."


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 5), (10, 5), (0, 10_000)])
def test_a_span_outside_the_text_is_refused(editor, start, end):
    article = ArticleFactory()
    with pytest.raises(ValidationError, match="not inside"):
        claim_create(article=article, user=editor, start=start, end=end)


def test_it_stores_the_description_and_measurements(editor):
    article = ArticleFactory(body=TRICKY)
    lavrov, russia = ActorFactory(name="Sergei Lavrov"), ActorFactory(name="Russia")
    event, topic = EventFactory(), TopicFactory()
    claim = claim_create(
        article=article,
        user=editor,
        quote="Some 420 drones",
        claimant=lavrov,
        subjects=[russia],
        event=event,
        topic=topic,
        kind="quantity",
        summary="  420  drones ",
        about_start=dt.date(2026, 2, 25),
        about_end=dt.date(2026, 2, 26),
        measurements=[{"quantity": "drones", "value": 420, "bound": "about", "text": "Some 420"}],
    )
    claim = Claim.objects.with_related().get(pk=claim.pk)
    assert claim.summary == "420 drones"
    assert list(claim.subjects.all()) == [russia]
    [m] = claim.measurements.all()
    assert (m.quantity, m.value, m.bound, m.text) == ("drones", Decimal(420), "about", "Some 420")
    last = claim.history.first()
    assert last.history_user == editor and [s.actor_id for s in last.subjects.all()] == [russia.pk]


@pytest.mark.parametrize(
    "row,message",
    [
        ({"quantity": "drones", "value": 4, "bound": "roughly"}, "bound “roughly” is not one of"),
        ({"quantity": "Drones launched", "value": 4}, "quantity “Drones launched”"),
        ({"quantity": "drones", "value": "many"}, "value “many” is not a number"),
        ({"quantity": "drones", "value": -3}, "is negative"),
        ({"quantity": "drones", "value": 4, "colour": "red"}, "unknown field"),
    ],
)
def test_bad_measurements_are_refused_with_the_row_named(editor, row, message):
    article = ArticleFactory()
    with pytest.raises(ValidationError) as err:
        claim_create(article=article, user=editor, start=0, end=9, measurements=[row])
    assert "measurement 1" in str(err.value) and message in str(err.value)
    assert not Claim.objects.exists()


@pytest.mark.parametrize(
    "bound", ["exact", "about", "at_least", "at_most", "more_than", "less_than"]
)
def test_every_contract_bound_is_accepted(editor, bound):
    claim = claim_create(
        article=ArticleFactory(),
        user=editor,
        start=0,
        end=9,
        measurements=[{"quantity": "drones", "value": "1,000", "bound": bound}],
    )
    assert claim.measurements.get().value == 1000


def test_anonymous_and_plain_users_cannot_mark(client):
    from django.contrib.auth.models import AnonymousUser

    article = ArticleFactory()
    for user in (AnonymousUser(), UserFactory(), UserFactory(is_staff=True)):
        with pytest.raises(PermissionDenied, match="mark claims"):
            claim_create(article=article, user=user, start=0, end=9)


def test_an_editor_cannot_create_a_published_claim_but_the_system_can(editor):
    article = ArticleFactory()
    with pytest.raises(PermissionDenied):
        claim_create(article=article, user=editor, start=0, end=9, status="published")
    claim = claim_create(article=article, user=None, start=0, end=9, status="published")
    assert claim.status == "published" and claim.published_at is not None


def test_update_changes_fields_and_raises_the_version(editor):
    claim = claim_create(article=ArticleFactory(body=TRICKY), user=editor, quote="Intro line.")
    topic = TopicFactory()
    updated = claim_update(
        claim=claim,
        user=editor,
        expected_version=1,
        summary="New words",
        topic=topic,
        measurements=[{"quantity": "regions", "value": 6, "bound": "at_least"}],
    )
    assert updated.version == 2 and updated.summary == "New words" and updated.topic == topic
    assert Claim.objects.get(pk=claim.pk).version == 2
    assert updated.measurements.get().bound == "at_least"
    assert updated.history.first().history_user == editor


def test_update_changes_the_span_by_reselection(editor):
    claim = claim_create(article=ArticleFactory(body=TRICKY), user=editor, quote="Intro line.")
    start = TRICKY.index("39 missiles")
    claim = claim_update(claim=claim, user=editor, expected_version=1, start=start, end=start + 11)
    assert claim.exact == "39 missiles" and claim.prefix.endswith("and ")


def test_update_refuses_status_and_rating(editor):
    claim = claim_create(article=ArticleFactory(), user=editor, start=0, end=9)
    for field in ("status", "rating"):
        with pytest.raises(ValidationError, match="only through the workflow"):
            claim_update(claim=claim, user=editor, expected_version=1, **{field: "published"})


def test_measurements_are_replaced_in_order(editor):
    claim = claim_create(
        article=ArticleFactory(),
        user=editor,
        start=0,
        end=9,
        measurements=[{"quantity": "drones", "value": 400}, {"quantity": "missiles", "value": 29}],
    )
    claim = claim_update(
        claim=claim,
        user=editor,
        expected_version=1,
        measurements=[{"quantity": "drones", "value": 400, "bound": "at_most"}],
    )
    assert [(m.quantity, m.bound) for m in claim.measurements.all()] == [("drones", "at_most")]
