"""The article page: its text with published claims highlighted, escaped, in fixed queries."""

from __future__ import annotations

import pytest

from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def test_it_highlights_published_claims_as_links_to_their_pages(client):
    claim = ClaimFactory(published=True)
    response = client.get(f"/articles/{claim.article_id}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<a class="hl" href="/claims/{claim.pk}/" data-claims="{claim.pk}">' in html
    assert claim.article.title in html


def test_it_does_not_highlight_unpublished_claims(client):
    article = ArticleFactory()
    for status in ("suggested", "draft", "in_review", "rejected"):
        ClaimFactory(article=article, status=status, summary=f"secret {status} summary")
    html = client.get(f"/articles/{article.pk}/").content.decode()
    assert 'class="hl' not in html
    assert "secret" not in html
    assert "Overnight, Russia used almost 400" in html


def test_it_hides_old_revisions_from_readers(client):
    article = ArticleFactory(is_current=False)
    assert client.get(f"/articles/{article.pk}/").status_code == 404


def test_it_escapes_markup_in_the_article_and_the_summary(client):
    body = "Officials said <script>alert(1)</script> & more.\n\nSecond <b>para</b>."
    article = ArticleFactory(body=body, title="<i>Title</i>")
    ClaimFactory(
        article=article,
        start=0,
        end=body.index("&") - 1,
        published=True,
        summary="<img src=x onerror=alert(2)>",
    )
    html = client.get(f"/articles/{article.pk}/").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;para&lt;/b&gt;" in html
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<i>Title</i>" not in html


def test_overlapping_claims_split_into_segments_carrying_both_ids(client):
    body = "Alpha beta gamma delta epsilon."
    article = ArticleFactory(body=body)
    outer = ClaimFactory(article=article, start=0, end=len("Alpha beta gamma"), published=True)
    inner = ClaimFactory(
        article=article, start=len("Alpha "), end=len("Alpha beta gamma delta"), published=True
    )
    html = client.get(f"/articles/{article.pk}/").content.decode()
    assert f'<a class="hl" href="/claims/{outer.pk}/" data-claims="{outer.pk}">Alpha </a>' in html
    both = f"{outer.pk} {inner.pk}"
    assert (
        f'<a class="hl hl-overlap" href="/claims/{outer.pk}/" data-claims="{both}">beta gamma</a>'
        in html
    )
    assert f'<a class="hl" href="/claims/{inner.pk}/" data-claims="{inner.pk}"> delta</a>' in html
    assert "</a> epsilon.</p>" in html


def test_the_card_of_each_claim_is_on_the_page_for_readers_without_javascript(client):
    claim = ClaimFactory(published=True, rating="corroborated", summary="Russia launched drones")
    html = client.get(f"/articles/{claim.article_id}/").content.decode()
    assert f'id="claim-card-{claim.pk}"' in html
    assert "Russia launched drones" in html
    assert "Single source · 1 independent origin" in html


@pytest.mark.parametrize("rows", [1, 20])
def test_it_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, published_claims, rows
):
    claims = published_claims(rows)
    with django_assert_num_queries(5):
        # 1. the public ledger clock (Last-Modified / ETag)
        # 2. the article with its source
        # 3. its published claims with article, source, claimant, event, series, topic
        # 4. their subject actors
        # 5. their measurements
        response = client.get(f"/articles/{claims[0].article_id}/")
    assert response.status_code == 200
    assert response.content.decode().count('class="hl"') == rows
