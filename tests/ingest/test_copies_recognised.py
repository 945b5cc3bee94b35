"""Copies of one story are recognised on import and count as one origin for corroboration."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.ledger.choices import CorroborationStatus, LinkRelation
from factcheck.ledger.models import Article, ArticleCopyKey
from factcheck.ledger.services.articles import article_import
from factcheck.ledger.services.copies import article_copies
from factcheck.ledger.services.links import link_create
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def ap_story() -> Article:
    data = next(SEEDS.glob("000_*.txt")).read_bytes()
    article = article_import(data=data, origin="000.txt", source_name="Outlet A").article
    assert article.wire_agency == "AP"
    return article


def uncredited_copy(article: Article) -> bytes:
    """The story as another outlet runs it: no picture credits, a new lede, the end cut."""
    paragraphs = [article.body[a:b] for a, b in article.paragraphs]
    paragraphs[0] = "In Geneva this week, " + paragraphs[0][0].lower() + paragraphs[0][1:]
    text = "\n\n".join(paragraphs[:-2])
    return f" date {article.published.isoformat()} {text}\n".encode()


def test_an_uncredited_copy_of_an_ap_story_is_recognised_and_counts_as_ap(editor):
    ap = ap_story()
    result = article_import(data=uncredited_copy(ap), origin="copy.txt", source_name="Outlet B")
    copy = result.article
    assert result.status == "imported"
    assert copy.wire_agency == ""
    assert f"a copy of article {ap.pk}" in result.line
    assert copy.copy_of_id == ap.pk
    assert copy.origin_key == ap.origin_key == "agency:AP"
    assert [a.pk for a in article_copies(article=ap)] == [copy.pk]
    assert ArticleCopyKey.objects.filter(article=copy).count() > 50

    one = ClaimFactory(article=ap, published=True)
    two = ClaimFactory(article=copy, published=True)
    link_create(from_claim=one, to_claim=two, relation=LinkRelation.CORROBORATES, user=editor)
    for claim in (one, two):
        claim.refresh_from_db()
        assert (claim.corroboration, claim.independent_origins) == (
            CorroborationStatus.SINGLE_SOURCE,
            1,
        )


def test_an_earlier_uncredited_copy_takes_the_agency_a_later_copy_credits():
    ap_data = next(SEEDS.glob("000_*.txt")).read_bytes()
    ap_preview = article_import(data=ap_data, origin="probe.txt").article
    copy_data = uncredited_copy(ap_preview)
    Article.objects.all().delete()

    copy = article_import(data=copy_data, origin="copy.txt", source_name="Outlet B").article
    assert copy.origin_key == f"source:{copy.source_id}"
    ap = article_import(data=ap_data, origin="000.txt", source_name="Outlet A").article
    copy.refresh_from_db()
    assert ap.copy_of_id == copy.pk
    assert copy.origin_key == "agency:AP"


def test_a_different_story_on_the_same_event_is_not_a_copy():
    ap_story()
    other = (Path(__file__).parent / "copies" / "same_event_geneva_talks.txt").read_bytes()
    result = article_import(data=other, origin="other.txt", source_name="Outlet C")
    assert result.status == "imported"
    assert result.article.copy_of_id is None
    assert "copy" not in result.line


def test_a_new_revision_of_the_same_origin_is_not_its_own_copy():
    ap = ap_story()
    changed = next(SEEDS.glob("000_*.txt")).read_bytes().replace(b"Geneva", b"Geneve", 1)
    result = article_import(data=changed, origin="000.txt")
    assert result.article.revision == 2
    assert result.article.copy_of_id is None
    assert ap.pk != result.article.pk
