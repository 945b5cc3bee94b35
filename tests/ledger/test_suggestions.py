"""Suggestions: stored on import, accepted into records, rejected for good; the suggest command."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from factcheck.ledger.models import Actor, Claim, Suggestion
from factcheck.ledger.services.articles import article_import
from factcheck.ledger.services.catalog import actor_create
from factcheck.ledger.services.suggestions import (
    suggestion_accept,
    suggestion_reject,
    suggestions_refresh,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TEXT = (
    " date 2026-03-02 Overnight, Russia launched almost 300 drones at Ukraine, injuring 14 "
    "people, according to Ukrainian President Volodymyr Zelensky.\n\n"
    "“We will not give up our land,” Mr Zelensky said.\n\n"
    "Kremlin spokesperson Dmitry Peskov declined to comment.\n"
)


def imported(data: bytes, capture) -> object:
    """Import and run what the importer defers until commit (the analysis)."""
    with capture(execute=True):
        return article_import(data=data, origin="fresh.txt").article


@pytest.fixture
def article(django_capture_on_commit_callbacks):
    actor_create(name="Volodymyr Zelensky", aliases=["Mr Zelensky"])
    actor_create(name="Russia", kind="government")
    return imported(TEXT.encode(), django_capture_on_commit_callbacks)


def test_an_imported_article_is_analysed(article):
    kinds = set(article.suggestions.values_list("kind", flat=True))
    assert kinds == {"actor", "statement", "figure", "date"}
    drones = article.suggestions.get(kind="figure", data__quantity="drones")
    assert (drones.data["value"], drones.data["bound"]) == (300, "at_most")
    assert drones.rule


def test_a_rejected_suggestion_does_not_come_back(
    article, editor, django_capture_on_commit_callbacks
):
    drones = article.suggestions.get(kind="figure", data__quantity="drones")
    suggestion_reject(suggestion=drones, user=editor)
    suggestions_refresh(article=article)
    assert article.suggestions.filter(key=drones.key).get().status == "rejected"
    # Nor in a new revision of the same origin.
    revised = article_import(
        data=TEXT.replace("14 people", "15 people").encode(), origin="fresh.txt"
    )
    assert not revised.article.suggestions.filter(key=drones.key).exists()


def test_accepting_a_statement_makes_a_draft_claim_with_its_claimant(article, editor):
    quote = article.suggestions.get(kind="statement", text__contains="our land")
    claim = suggestion_accept(suggestion=quote, user=editor)
    assert isinstance(claim, Claim)
    assert (claim.status, claim.kind, claim.claimant.name) == (
        "draft",
        "quote",
        "Volodymyr Zelensky",
    )
    assert claim.exact == quote.text
    quote.refresh_from_db()
    assert quote.status == "accepted"


def test_accepting_a_figure_makes_a_draft_quantity_claim_with_the_measurement(article, editor):
    figure = article.suggestions.get(kind="figure", data__quantity="drones")
    claim = suggestion_accept(suggestion=figure, user=editor)
    measurement = claim.measurements.get()
    assert (measurement.quantity, measurement.value, measurement.bound) == (
        "drones",
        300,
        "at_most",
    )
    assert figure.text in claim.exact


def test_accepting_a_new_actor_candidate_adds_the_actor(article, editor):
    candidate = article.suggestions.get(kind="actor", data__actor=None, text__contains="Peskov")
    actor = suggestion_accept(suggestion=candidate, user=editor)
    assert isinstance(actor, Actor) and actor.name == "Dmitry Peskov"
    assert "spokesperson" in actor.role.lower()


def test_a_decision_needs_an_editor(article):
    outsider = UserFactory()
    with pytest.raises(PermissionDenied):
        suggestion_reject(suggestion=article.suggestions.first(), user=outsider)
    assert not Suggestion.objects.exclude(status="open").exists()


def test_the_suggest_command_prints_the_contract_and_stores_nothing(tmp_path):
    actor_create(name="Rustem Umerov", aliases=["Mr Umerov"])
    out = StringIO()
    call_command("suggest", str(next(SEEDS.glob("000_*.txt"))), stdout=out)
    items = json.loads(out.getvalue())
    assert not Suggestion.objects.exists()
    by_kind = {
        kind: [i for i in items if i["kind"] == kind]
        for kind in ("actor", "statement", "figure", "date")
    }
    assert all(by_kind.values())
    for item in items:
        assert {"kind", "start", "end", "text"} <= item.keys()
    assert all({"actor", "role"} <= i.keys() for i in by_kind["actor"])
    assert all("claimant" in i for i in by_kind["statement"])
    assert all({"quantity", "value", "bound"} <= i.keys() for i in by_kind["figure"])
    assert all({"start_date", "end_date", "precision"} <= i.keys() for i in by_kind["date"])
    assert any(i["actor"] == "Rustem Umerov" for i in by_kind["actor"])
    drones = next(i for i in by_kind["figure"] if i["quantity"] == "drones")
    assert (drones["value"], drones["bound"]) == (400, "at_most")


def test_the_suggest_command_names_a_bad_file(tmp_path):
    from django.core.management.base import CommandError

    bad = tmp_path / "bad.txt"
    bad.write_text("no header")
    with pytest.raises(CommandError, match="date"):
        call_command("suggest", str(bad), stdout=StringIO())


NEWS = (
    " date 2026-10-14 The Rapid Support Forces (RSF) said on Monday they had taken the town. "
    "The RSF denied attacking civilians.\n\n"
    "Rachel Reeves, the chancellor, said growth was strong. Ms Reeves added that taxes would "
    "not rise.\n"
)


def test_accepting_a_new_body_adds_it_with_its_kind_and_the_acronym_as_alias(
    editor, django_capture_on_commit_callbacks
):
    article = imported(NEWS.encode(), django_capture_on_commit_callbacks)
    named = article.suggestions.get(kind="actor", text="Rapid Support Forces")
    assert named.data["actor"] is None  # a new actor
    actor = suggestion_accept(suggestion=named, user=editor)
    assert (actor.name, actor.kind) == ("Rapid Support Forces", "armed_force")
    assert list(actor.aliases.values_list("name", flat=True)) == ["RSF"]
    # The accepted mention and every open mention of the same actor now link to it.
    acronyms = article.suggestions.filter(kind="actor", text="RSF")
    assert acronyms.count() == 2
    assert {s.data["actor_id"] for s in acronyms} == {actor.pk}
    named.refresh_from_db()
    assert (named.status, named.data["actor_id"]) == ("accepted", actor.pk)
    # Analysed again, the table knows it: no new-actor suggestion is left for it.
    suggestions_refresh(article=article)
    left = article.suggestions.filter(kind="actor", status="open", text__contains="RSF")
    assert left.exists() and not left.filter(data__actor_id=None).exists()


def test_accepting_a_later_mention_adds_the_person_by_full_name_with_the_role(
    editor, django_capture_on_commit_callbacks
):
    article = imported(NEWS.encode(), django_capture_on_commit_callbacks)
    later = article.suggestions.get(kind="actor", text="Ms Reeves")
    actor = suggestion_accept(suggestion=later, user=editor)
    assert (actor.name, actor.kind, actor.role) == ("Rachel Reeves", "person", "chancellor")
    first = article.suggestions.get(kind="actor", text="Rachel Reeves")
    assert (first.status, first.data["actor_id"]) == ("open", actor.pk)


def test_accepting_a_new_actor_that_was_entered_meanwhile_links_it_and_doubles_nothing(
    editor, django_capture_on_commit_callbacks
):
    article = imported(NEWS.encode(), django_capture_on_commit_callbacks)
    named = article.suggestions.get(kind="actor", text="Rapid Support Forces")
    entered = actor_create(name="Rapid Support Forces", kind="armed_force")
    taken = actor_create(name="Royal Society of Friends", kind="organisation", aliases=["RSF"])
    assert suggestion_accept(suggestion=named, user=editor) == entered
    assert Actor.objects.filter(name__iexact="Rapid Support Forces").count() == 1
    assert not entered.aliases.exists()  # "RSF" stays the alias of the actor that had it
    assert taken.aliases.get().name == "RSF"


def test_a_new_actor_gets_its_affiliation_when_the_table_has_it(
    editor, django_capture_on_commit_callbacks
):
    russia = actor_create(name="Russia", kind="government")
    article = imported(TEXT.encode(), django_capture_on_commit_callbacks)
    peskov = article.suggestions.get(kind="actor", text__contains="Peskov")
    assert peskov.data["affiliation"] == "Russia"
    actor = suggestion_accept(suggestion=peskov, user=editor)
    assert actor.affiliation == russia


def test_accepting_a_known_mention_returns_its_actor_and_creates_nothing(article, editor):
    known = article.suggestions.filter(kind="actor", data__actor="Volodymyr Zelensky").first()
    before = Actor.objects.count()
    assert suggestion_accept(suggestion=known, user=editor).name == "Volodymyr Zelensky"
    assert Actor.objects.count() == before


def test_the_actor_table_is_built_once_and_rebuilt_when_it_changes(django_assert_num_queries):
    from factcheck.ledger.services.catalog import actor_update
    from factcheck.ledger.services.suggestions import known_actors

    zelensky = actor_create(name="Volodymyr Zelensky", aliases=["Mr Zelensky"])
    first = known_actors()
    with django_assert_num_queries(1):  # the version only
        assert known_actors() is first
    actor_create(name="Keir Starmer")
    second = known_actors()
    assert {a.name for a in second} == {"Volodymyr Zelensky", "Keir Starmer"}
    actor_update(actor=zelensky, aliases=["President Zelensky"])
    assert "President Zelensky" in next(a for a in known_actors() if a.id == zelensky.pk).aliases
    actor_update(actor=zelensky, name="Volodymyr Zelenskyy")
    assert "Volodymyr Zelenskyy" in {a.name for a in known_actors()}
    Actor.objects.filter(pk=zelensky.pk).delete()
    assert {a.name for a in known_actors()} == {"Keir Starmer"}
