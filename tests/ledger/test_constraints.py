"""The database itself refuses records that break the ledger's invariants."""

import pytest
from django.db import IntegrityError, transaction

from factcheck.ledger.models import ActorAlias, Claim, ClaimLink
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    EventFactory,
    MeasurementFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db


def refused(fn):
    with pytest.raises(IntegrityError), transaction.atomic():
        fn()


def test_a_span_past_the_end_of_the_article_is_refused():
    article = ArticleFactory(body="Short text.")
    refused(lambda: Claim.objects.create(article=article, start=0, end=50, exact="Short text."))


def test_a_span_whose_quote_does_not_match_the_text_is_refused():
    article = ArticleFactory(body="Short text.")
    refused(lambda: Claim.objects.create(article=article, start=0, end=5, exact="Other"))


def test_a_span_with_start_not_before_end_is_refused():
    article = ArticleFactory(body="Short text.")
    refused(lambda: Claim.objects.create(article=article, start=5, end=5, exact=""))
    refused(lambda: Claim.objects.create(article=article, start=6, end=5, exact=""))


def test_moving_a_span_outside_the_text_is_refused():
    claim = ClaimFactory()
    claim.end = len(claim.article.body) + 10
    refused(lambda: claim.save(update_fields=["end"]))


def test_offsets_count_characters_not_bytes():
    body = "“Ukraine’s army” – Zelensky said; émigrés 🇺🇦 agreed."
    article = ArticleFactory(body=body)
    start = body.index("émigrés")
    claim = Claim.objects.create(article=article, start=start, end=len(body), exact=body[start:])
    assert claim.pk


def test_a_link_from_a_claim_to_itself_is_refused():
    claim = ClaimFactory()
    refused(lambda: ClaimLink.objects.create(from_claim=claim, to_claim=claim, relation="context"))


def test_the_same_link_twice_is_refused():
    a, b = ClaimFactory(), ClaimFactory()
    ClaimLink.objects.create(from_claim=a, to_claim=b, relation="corroborates")
    refused(lambda: ClaimLink.objects.create(from_claim=a, to_claim=b, relation="corroborates"))


def test_duplicate_aliases_are_refused_whatever_the_case():
    alias = ActorAliasFactory(name="Mr Umerov")
    refused(lambda: ActorAlias.objects.create(actor=alias.actor, name="mr umerov"))
    refused(lambda: ActorAlias.objects.create(actor=ActorFactory(), name="MR UMEROV"))


def test_an_event_cannot_end_before_it_starts():
    import datetime as dt

    refused(lambda: EventFactory(start=dt.date(2026, 2, 17), end=dt.date(2026, 2, 16)))


def test_a_negative_figure_is_refused():
    refused(lambda: MeasurementFactory(value=-1))


def test_one_position_per_actor_topic_and_day():
    position = PositionFactory()
    refused(
        lambda: PositionFactory(actor=position.actor, topic=position.topic, as_of=position.as_of)
    )


def test_an_override_needs_a_reason():
    refused(lambda: PositionFactory(change_override="hardened", override_reason=""))


def test_two_current_revisions_of_one_origin_are_refused():
    article = ArticleFactory(origin="same.txt")
    refused(lambda: ArticleFactory(origin="same.txt", revision=2))
    assert article.is_current


def test_every_editorial_record_keeps_its_history():
    claim = ClaimFactory()
    claim.summary = "changed"
    claim.save(update_fields=["summary"])
    assert claim.history.count() == 2
    assert claim.history.first().summary == "changed"
