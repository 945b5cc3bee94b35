"""An article whose copy names no outlet is marked as needing one: the import says so, editors
choose it, its claims cannot be published meanwhile, and readers never see "Unknown"."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from factcheck.ledger.choices import NO_OUTLET, ClaimStatus
from factcheck.ledger.services.articles import article_import
from factcheck.ledger.services.claims import claim_publish
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db
COPY = b" date 2026-02-27 Talks resumed in Geneva on Thursday, officials said.\n"


def test_the_import_marks_an_article_without_an_outlet_and_says_so():
    result = article_import(data=COPY, origin="no-outlet.txt")
    assert result.needs_outlet
    assert "needs an outlet: the copy names none" in result.line


def test_the_import_page_offers_known_outlets_and_links_to_choose_one(editor_client):
    SourceFactory(name="The Straits Times")
    page = editor_client.get("/admin/ledger/article/import/").content.decode()
    assert '<option value="The Straits Times">' in page
    assert f'<option value="{NO_OUTLET}">' not in page


def test_its_claims_cannot_be_published_and_readers_do_not_see_it(editor_client):
    article = ArticleFactory(source=SourceFactory(name=NO_OUTLET))
    claim = ClaimFactory(article=article, status=ClaimStatus.IN_REVIEW)
    with pytest.raises(ValidationError, match="names no outlet yet"):
        claim_publish(claim=claim, user=UserFactory(reviewer=True))
    assert Client().get(f"/articles/{article.pk}/").status_code == 404
    assert NO_OUTLET not in Client().get("/articles/").content.decode()
    page = editor_client.get(f"/admin/ledger/article/{article.pk}/change/").content.decode()
    assert 'id="needs-outlet"' in page
    listed = editor_client.get("/admin/ledger/article/?outlet=missing").content.decode()
    assert f"/admin/ledger/article/{article.pk}/change/" in listed
