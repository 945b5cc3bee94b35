"""Newsroom staff preview unpublished claims and articles in the readers' design, under a
"not published" banner; readers still get 404 and nothing of a preview is cached publicly."""

from __future__ import annotations

import pytest
from django.test import Client

from factcheck.ledger.choices import ClaimStatus
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def test_staff_preview_a_draft_claim_with_a_banner_and_no_public_caching(editor_client):
    claim = ClaimFactory(status=ClaimStatus.DRAFT, summary="Draft summary in the works")
    response = editor_client.get(f"/claims/{claim.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="preview-banner"' in html and "<strong>Not published.</strong>" in html
    assert "this claim is draft; readers cannot see it until it is published." in html
    assert "Draft summary in the works" in html
    assert "application/ld+json" not in html  # no ClaimReview for what is not published
    cache_control = response.headers["Cache-Control"]
    assert (
        "private" in cache_control and "no-store" in cache_control and "public" not in cache_control
    )


def test_readers_still_get_404_for_a_draft_claim(client):
    claim = ClaimFactory(status=ClaimStatus.DRAFT)
    assert client.get(f"/claims/{claim.pk}/").status_code == 404
    assert client.head(f"/claims/{claim.pk}/").status_code == 404


def test_a_published_claim_has_no_banner(editor_client):
    claim = ClaimFactory(published=True)
    assert "preview-banner" not in editor_client.get(f"/claims/{claim.pk}/").content.decode()
    assert "preview-banner" not in Client().get(f"/claims/{claim.pk}/").content.decode()


def test_staff_see_an_article_with_its_unpublished_claims_highlighted(editor_client):
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW)
    rejected = ClaimFactory(article=claim.article, status=ClaimStatus.REJECTED, start=0, end=3)
    url = f"/articles/{claim.article_id}/"
    html = editor_client.get(url).content.decode()
    assert "1 highlighted claim is not published yet" in html
    assert f'data-claims="{claim.pk}"' in html and f'data-claims="{rejected.pk}"' not in html
    public = Client().get(url).content.decode()  # editor_client is the signed-in `client`
    assert "preview-banner" not in public and f'data-claims="{claim.pk}"' not in public
