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
