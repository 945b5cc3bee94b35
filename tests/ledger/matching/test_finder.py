"""Finding tracked claims in the database: indexed candidates, the scorer, fixed queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from factcheck.ledger.matching import (
    claims_matching,
    claims_matching_each,
    finder,
    statement_from_text,
)
from factcheck.ledger.matching.finder import (
    PER_LOOKUP,
    _lookup,
    _lookup_values,
    _LookupTemplates,
    statement_from_claim,
)
from factcheck.ledger.matching.probes import probe_statement
from factcheck.ledger.models import Claim
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    EventFactory,
    MeasurementFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def claim_on(text: str, **kwargs) -> Claim:
    return ClaimFactory(article=ArticleFactory(body=text, wire_agency="AP"), **kwargs)


def test_a_paraphrase_is_found_with_its_relation_and_reasons():
    tracked = claim_on("Overnight, Russia launched almost 400 long-range drones at Ukraine.")
    MeasurementFactory(claim=tracked)
    claim_on("The central bank held interest rates on Thursday.")
    probe = statement_from_text(
        "Moscow fired some 390 drones against Ukrainian cities during the night.",
        published=dt.date(2026, 2, 17),
    )
    (match,) = claims_matching(Claim.objects.with_related(), probe)
    assert match.claim == tracked
    assert match.relation == "corroborates"
    assert match.repeat
    assert "another origin: AP" not in match.reasons  # a sentence has no origin of its own


def test_a_claim_sharing_only_an_actor_is_found_through_the_actor():
    russia = ActorFactory(name="Russia")
    tracked = claim_on("Moscow rejects the proposal for a deadline.", subjects=[russia])
    probe = probe_statement("Russia rejects the deadline proposal.", actors=[russia])
    found = claims_matching(Claim.objects.all(), probe)
    assert [m.claim for m in found] == [tracked]
    assert "same actors: Russia" in found[0].reasons


def test_rejected_and_excluded_claims_are_left_out():
    rejected = claim_on("Russia launched 400 drones overnight.", status="rejected")
    kept = claim_on("Russia launched 400 drones overnight, officials said.")
    skipped = claim_on("Russia launched 400 drones overnight, Kyiv said.")
    probe = statement_from_text("Russia launched 400 drones overnight.")
    found = [m.claim for m in claims_matching(Claim.objects.all(), probe, exclude=[skipped.pk])]
    assert kept in found
    assert rejected not in found and skipped not in found


def test_the_queryset_decides_what_is_visible():
    draft = claim_on("Russia launched 400 drones overnight.")
    probe = statement_from_text("Russia launched 400 drones overnight.")
    assert claims_matching(Claim.objects.published(), probe) == []
    assert [m.claim for m in claims_matching(Claim.objects.all(), probe)] == [draft]


def test_newer_drafts_do_not_crowd_out_a_published_match():
    published = claim_on("Russia launched 400 drones overnight.", published=True)
    for _ in range(PER_LOOKUP + 5):
        claim_on("Russia launched 400 drones overnight, officials said.")
    probe = statement_from_text("Russia launched 400 drones overnight.")
    found = claims_matching(Claim.objects.published(), probe)
    assert [m.claim for m in found] == [published]


def test_the_wording_finds_the_newest_matches_inside_or_beyond_the_walk(monkeypatch):
    monkeypatch.setattr(finder, "WALK", 3)
    monkeypatch.setattr(finder, "PER_LOOKUP", 2)
    flooded = "Floods displaced villagers across northern Mozambique."
    probe = statement_from_text("Villagers across northern Mozambique were displaced by floods.")
    scope = Claim.objects.exclude(status="rejected")

    def found() -> set[Claim]:
        lookups = [
            _lookup(scope, kind, values)
            for kind, values in _lookup_values(probe, connection.vendor)
        ]
        return {Claim.objects.get(pk=pk) for lookup in lookups for pk in lookup}

    oldest, older = claim_on(flooded), claim_on(flooded)
    others = [claim_on(f"The central bank held rates for the {n}th time.") for n in range(2)]
    newest = claim_on(flooded)
    # One match among the newest three claims: the index adds the older ones, newest first.
    assert found() == {newest, older}
    newer = [claim_on(flooded), claim_on(flooded)]
    # Three among them: the walk alone answers.
    assert found() == set(newer)
    assert oldest not in found() and not set(others) & found()


@pytest.mark.parametrize("rows", [1, 20])
def test_matching_runs_a_fixed_number_of_queries(rows, django_assert_num_queries):
    for _ in range(rows):
        MeasurementFactory(claim=claim_on("Russia launched almost 400 drones overnight."))
    probe = statement_from_text("Russia launched almost 400 drones overnight.")
    with django_assert_num_queries(4):
        # 1 the candidates' rows (the lookups by wording, figure, actors, event and topic are
        # its subquery), 2 their figures, 3 their subjects, 4 the best claims
        found = claims_matching(Claim.objects.all(), probe, limit=50)
    assert len(found) == rows


def test_many_probes_at_once_find_what_each_finds_alone():
    drones = claim_on("Overnight, Russia launched almost 400 long-range drones at Ukraine.")
    MeasurementFactory(claim=drones)
    rates = claim_on("The central bank held interest rates at 4% on Thursday.")
    probes = [
        statement_from_text("Moscow fired some 390 drones against Ukrainian cities overnight."),
        statement_from_text("The central bank kept interest rates at 4%."),
        statement_from_text("Zebra quartz."),
    ]
    each = claims_matching_each(Claim.objects.all(), probes, limit=3)
    alone = [claims_matching(Claim.objects.all(), probe, limit=3) for probe in probes]
    assert [[m.claim for m in found] for found in each] == [
        [m.claim for m in found] for found in alone
    ]
    assert each[0][0].claim == drones and each[1][0].claim == rates and each[2] == []


@pytest.mark.parametrize("probes", [1, 20])
def test_many_probes_run_a_fixed_number_of_queries(probes, django_assert_num_queries):
    for _ in range(3):
        MeasurementFactory(claim=claim_on("Russia launched almost 400 drones overnight."))
    sentences = [statement_from_text(f"Russia launched {390 + n} drones.") for n in range(probes)]
    with django_assert_num_queries(5):
        # 1 which claims each probe's lookups find, 2 their rows, 3 their figures, 4 their
        # subjects, 5 the best claims
        found = claims_matching_each(Claim.objects.all(), sentences, limit=1)
    assert all(len(matches) == 1 for matches in found)


def test_the_batched_lookups_run_the_sql_the_orm_builds_for_each_probe():
    actors = ActorFactory.create_batch(3)
    tracked = claim_on(
        "Russia launched almost 400 drones at Ukraine's 100%_grid overnight.",
        claimant=actors[0],
        subjects=actors[1:],
        topic=TopicFactory(),
        event=EventFactory(),
    )
    MeasurementFactory(claim=tracked, value=400)
    MeasurementFactory(claim=tracked, quantity="people", value=0)
    probes = [
        statement_from_claim(Claim.objects.with_related().get(pk=tracked.pk)),
        probe_statement("Russia rejects the deadline proposal.", actors=actors[:1]),
        statement_from_text("Kyiv said 12,500 homes lost power after the attack."),
        statement_from_text("Zebra."),
    ]
    scope = Claim.objects.exclude(article__origin="elsewhere").exclude(status="rejected")
    templates = _LookupTemplates(scope)
    kinds = set()
    for probe in probes:
        for kind, values in _lookup_values(probe, connection.vendor):
            kinds.add(kind)
            built = _lookup(scope, kind, values).query.get_compiler(using=scope.db).as_sql()
            assert templates.sql(kind, values) == (built[0], list(built[1]))
    assert kinds >= {"figure", "subjects", "claimant", "topic", "event"}
