"""The synthetic newsroom: valid spans, history for every record, the ledger's own rules."""

from __future__ import annotations

import random
from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from factcheck.ledger import synthetic
from factcheck.ledger.choices import ClaimStatus, CorroborationStatus
from factcheck.ledger.models import (
    Actor,
    ActorAlias,
    Article,
    Claim,
    ClaimLink,
    Event,
    Measurement,
    Position,
    Series,
    Source,
    Topic,
)
from factcheck.ledger.services.corroboration import claims_refresh, corroboration_compute
from factcheck.ledger.services.positions import positions_recompute
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SIZE = {"claims": 300, "articles": 30, "actors": 60, "events": 20, "series": 3, "links": 80}


def build(**options) -> str:
    out = StringIO()
    call_command("build_corpus", stdout=out, **{**SIZE, **options})
    return out.getvalue()


def test_it_builds_the_sizes_asked_for():
    output = build(positions=40)
    assert Claim.objects.count() == 300
    assert Article.objects.count() == 30
    assert Actor.objects.count() == 60
    assert Event.objects.count() == 20
    assert Series.objects.count() == 3
    assert ClaimLink.objects.count() == 80
    assert Position.objects.count() == 40
    assert ActorAlias.objects.count() >= 60
    assert Measurement.objects.exists()
    assert "built" in output


def test_every_span_matches_its_article_text_with_its_context():
    build()
    for claim in Claim.objects.select_related("article"):
        body = claim.article.body
        assert body[claim.start : claim.end] == claim.exact
        assert claim.prefix == body[max(0, claim.start - 32) : claim.start]
        assert claim.suffix == body[claim.end : claim.end + 32]


def test_articles_read_like_articles():
    build()
    article = Article.objects.first()
    assert 700 <= len(article.body.split()) <= 1100
    start, end = article.paragraphs[0]
    assert article.body[start:end].strip() == article.body[start:end]
    sentences = {s for a in Article.objects.all() for s in a.body.split(". ")}
    assert len(sentences) > 500  # varied sentences, not one paragraph repeated


def test_most_claims_are_published_and_every_status_occurs():
    build()
    statuses = Counter(Claim.objects.values_list("status", flat=True))
    assert statuses[ClaimStatus.PUBLISHED] > 300 / 2
    assert set(statuses) == set(ClaimStatus.values)
    assert not Claim.objects.filter(status=ClaimStatus.PUBLISHED, published_at=None).exists()


def test_some_wire_copy_runs_in_two_outlets_as_one_origin():
    build(claims=1000, articles=120)
    origins = Counter(
        (a.content_hash, a.wire_agency) for a in Article.objects.exclude(wire_agency="")
    )
    assert any(count > 1 for count in origins.values())


def test_every_record_has_its_history():
    build(positions=40)
    for model in (Source, Actor, ActorAlias, Series, Event, Topic, Article, Claim, Measurement):
        assert model.history.values("id").distinct().count() == model.objects.count(), model
    assert ClaimLink.history.count() == ClaimLink.objects.count()
    assert Position.history.count() == Position.objects.count()
    # The many-to-many relations are in the history too.
    subjects = Claim.subjects.through.objects.count()
    assert (
        Claim.history.model._meta.get_field(
            "historicalclaim_subjects"
        ).related_model.objects.count()
        == subjects
    )
    claim = Claim.objects.filter(subjects__isnull=False).first()
    assert set(claim.history.first().subjects.values_list("actor_id", flat=True)) == set(
        claim.subjects.values_list("pk", flat=True)
    )


def test_stored_corroboration_is_what_the_rule_computes():
    build()
    stored = {
        pk: (status, count)
        for pk, status, count in Claim.objects.values_list(
            "pk", "corroboration", "independent_origins"
        )
    }
    assert corroboration_compute(claim_ids=stored) == stored
    assert {status for status, _ in stored.values()} == set(CorroborationStatus.values)


def test_recomputing_a_sample_changes_nothing():
    build()
    sample = random.Random(5).sample(list(Claim.objects.values_list("pk", flat=True)), 30)
    before = Claim.history.count()
    claims_refresh(claim_ids=sample)
    assert Claim.history.count() == before  # nothing was stale, so nothing was saved


def test_position_changes_follow_the_rule():
    build(positions=60)
    stored = dict(Position.objects.values_list("pk", "change"))
    assert Position.objects.filter(change="new").count() < len(stored)
    for actor_id, topic_id in set(Position.objects.values_list("actor_id", "topic_id")):
        for position in positions_recompute(actor_id=actor_id, topic_id=topic_id):
            assert position.change == stored[position.pk]
    assert Position.objects.filter(evidence__isnull=False).exists()


def test_it_refuses_a_database_that_has_articles():
    ArticleFactory()
    with pytest.raises(CommandError, match="already has 1 articles"):
        build()
    assert not Claim.objects.exists()


def test_append_adds_a_corpus_beside_the_existing_one():
    build(claims=100, articles=10)
    build(claims=100, articles=10, append=True)
    assert Claim.objects.count() == 200
    assert Article.objects.filter(is_current=True).count() == 20


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"claims": 0}, "--claims must be at least 1"),
        ({"links": -1}, "--links must not be negative"),
        ({"series": 30, "events": 5}, "--series cannot exceed --events"),
    ],
)
def test_bad_sizes_are_refused_and_nothing_is_stored(options, message):
    with pytest.raises(CommandError, match=message):
        build(**options)
    assert not Source.objects.exists()


def test_the_same_seed_writes_the_same_text():
    def body(seed: int) -> synthetic.Body:
        rng = random.Random(seed)
        plan = synthetic.ClaimPlan(kind="quote", claimant=0, claimant_name="Anna Novak")
        return synthetic.write_body(rng, [plan], 800)

    assert body(3).text == body(3).text
    assert body(3).text != body(4).text
    placed = body(3)
    span = placed.claims[0]
    assert "Anna Novak told reporters" in placed.text[span.start : span.end]
