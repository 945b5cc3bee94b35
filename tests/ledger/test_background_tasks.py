"""Re-analysing many articles and recomputing many claims: idempotent background tasks."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from factcheck.ledger.choices import CorroborationStatus, LinkRelation
from factcheck.ledger.models import Claim, Suggestion
from factcheck.ledger.services.links import link_create
from factcheck.ledger.tasks import CHUNK, in_chunks
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def test_reanalyse_finds_suggestions_once_however_often_it_runs():
    article = ArticleFactory(
        body="Overnight, Russia used almost 400 drones, President Volodymyr Zelensky said."
    )
    out = StringIO()
    call_command("reanalyse", stdout=out)
    assert "1 article(s)" in out.getvalue()
    found = Suggestion.objects.filter(article=article).count()
    assert found > 0
    call_command("reanalyse", str(article.pk), stdout=StringIO())
    assert Suggestion.objects.filter(article=article).count() == found
    article.refresh_from_db()
    assert article.analysed_at is not None


def test_recompute_restores_a_stale_corroboration(editor):
    one = ClaimFactory(article=ArticleFactory(wire_agency="AP"), published=True)
    two = ClaimFactory(article=ArticleFactory(wire_agency="AFP"), published=True)
    link_create(from_claim=one, to_claim=two, relation=LinkRelation.CORROBORATES, user=editor)
    Claim.objects.update(corroboration=CorroborationStatus.SINGLE_SOURCE, independent_origins=1)
    call_command("reanalyse", "--corroboration", stdout=StringIO())
    one.refresh_from_db()
    assert (one.corroboration, one.independent_origins) == (CorroborationStatus.CORROBORATED, 2)


def test_batches_are_split_into_chunks():
    chunks = in_chunks(range(CHUNK * 2 + 1))
    assert [len(c) for c in chunks] == [CHUNK, CHUNK, 1]
