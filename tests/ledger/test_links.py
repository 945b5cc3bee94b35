"""Links between claims: who may link, what is refused, candidates, and cheap claim lists."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from factcheck.ledger.choices import Bound, LinkRelation
from factcheck.ledger.errors import AlreadyExists
from factcheck.ledger.models import Claim, ClaimLink
from factcheck.ledger.reports.link_candidates import link_candidates
from factcheck.ledger.services.links import (
    link_create,
    link_delete,
    link_update,
)
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    EventFactory,
    MeasurementFactory,
    SeriesFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_an_editor_links_two_claims_with_a_note(editor):
    a, b = ClaimFactory(), ClaimFactory()
    link = link_create(
        from_claim=a, to_claim=b, relation="corroborates", note=" AFP too ", user=editor
    )
    assert (link.note, link.created_by) == ("AFP too", editor)
    assert link.history.latest().history_user == editor


def test_a_claim_cannot_be_linked_to_itself(editor):
    a = ClaimFactory()
    with pytest.raises(ValidationError):
        link_create(from_claim=a, to_claim=a, relation="corroborates", user=editor)


def test_a_pair_of_claims_has_one_link_whichever_way_round(editor):
    a, b = ClaimFactory(), ClaimFactory()
    first = link_create(from_claim=a, to_claim=b, relation="corroborates", user=editor)
    for source, target, relation in [
        (a, b, "corroborates"),
        (b, a, "corroborates"),
        (b, a, "contradicts"),
        (b, a, "updates"),
        (a, b, "context"),
    ]:
        with pytest.raises(AlreadyExists) as refused:
            link_create(from_claim=source, to_claim=target, relation=relation, user=editor)
        assert refused.value.existing == first
        assert f"link {first.pk}" in str(refused.value)


def test_the_database_refuses_a_second_link_between_a_pair(editor):
    a, b = ClaimFactory(), ClaimFactory()
    link_create(from_claim=a, to_claim=b, relation="corroborates", user=editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimLink.objects.create(from_claim=b, to_claim=a, relation="updates")


def test_only_editors_link():
    a, b = ClaimFactory(), ClaimFactory()
    for user in (UserFactory(), UserFactory(is_staff=True)):
        with pytest.raises(PermissionDenied):
            link_create(from_claim=a, to_claim=b, relation="corroborates", user=user)


def test_changing_the_relation_recomputes_both_ends(editor):
    a = ClaimFactory(article=ArticleFactory(wire_agency="AP"), published=True)
    b = ClaimFactory(article=ArticleFactory(wire_agency="AFP"), published=True)
    link = link_create(from_claim=a, to_claim=b, relation="corroborates", user=editor)
    link_update(link=link, user=editor, relation=LinkRelation.CONTRADICTS, note="not the same")
    a.refresh_from_db()
    assert a.corroboration == "disputed"
    link_delete(link=link, user=editor)
    a.refresh_from_db()
    assert a.corroboration == "single_source"


def test_candidates_rank_claims_of_other_articles_with_the_reason():
    night = EventFactory()
    russia = ActorFactory(name="Russia")
    topic = TopicFactory()
    mine = ClaimFactory(
        article=ArticleFactory(wire_agency="AP"),
        event=night,
        topic=topic,
        subjects=[russia],
        summary="Russia insists Ukraine cede the Donbas",
    )
    MeasurementFactory(claim=mine, value=400, bound=Bound.AT_MOST)
    strong = ClaimFactory(
        article=ArticleFactory(wire_agency="AFP"),
        event=night,
        topic=topic,
        subjects=[russia],
        summary="Russia insists on the Donbas",
    )
    MeasurementFactory(claim=strong, value=390, bound=Bound.ABOUT)
    weak = ClaimFactory(article=ArticleFactory(wire_agency="AFP"), topic=topic)
    ClaimFactory(article=mine.article, event=night)  # same article: never a candidate
    ClaimFactory(  # nothing in common
        article=ArticleFactory(body="The central bank held interest rates on Thursday."),
        summary="unrelated",
    )
    ClaimFactory(article=ArticleFactory(), event=night, status="rejected")

    found = link_candidates(claim=mine)
    assert [c.claim for c in found] == [strong, weak]
    best = found[0]
    assert best.relation == LinkRelation.CORROBORATES
    assert any(r.startswith("same event") for r in best.reasons)
    assert any(r.startswith("same actors: Russia") for r in best.reasons)
    assert any(r.startswith("similar wording") for r in best.reasons)
    assert any(r.startswith("the figures agree") for r in best.reasons)
    assert "another origin: AFP" in best.reasons


def test_a_claim_on_another_night_of_the_series_is_offered_as_a_different_event():
    strikes = SeriesFactory()
    first, second = EventFactory(series=strikes), EventFactory(series=strikes)
    mine = ClaimFactory(event=first)
    MeasurementFactory(claim=mine)
    other = ClaimFactory(event=second)
    MeasurementFactory(claim=other, value=420, bound=Bound.ABOUT)
    (candidate,) = link_candidates(claim=mine)
    assert candidate.claim == other
    assert candidate.relation == LinkRelation.DIFFERENT_EVENT


def test_already_linked_claims_are_no_candidates(editor):
    topic = TopicFactory()
    a, b = ClaimFactory(topic=topic), ClaimFactory(topic=topic)
    assert [c.claim for c in link_candidates(claim=a)] == [b]
    link_create(from_claim=b, to_claim=a, relation="context", user=editor)
    assert link_candidates(claim=a) == []


def _list_claims():
    return [(c.corroboration, c.independent_origins, str(c)) for c in Claim.objects.with_related()]


@pytest.mark.parametrize("links", [1, 20])
def test_claim_lists_cost_the_same_whatever_the_number_of_links(
    links, editor, django_assert_num_queries
):
    hub = ClaimFactory(article=ArticleFactory(wire_agency="AP"), published=True)
    for _ in range(links):
        other = ClaimFactory(article=ArticleFactory(), published=True)
        link_create(from_claim=hub, to_claim=other, relation="corroborates", user=editor)
    hub.refresh_from_db()
    assert hub.independent_origins == links + 1
    # 1 claims with article, source, claimant, event, series and topic
    # 2 subjects, 3 measurements (prefetches)
    with django_assert_num_queries(3):
        rows = _list_claims()
    assert len(rows) == links + 1
