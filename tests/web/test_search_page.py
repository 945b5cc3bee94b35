"""Search over published claims and current articles (full text on PostgreSQL, icontains else)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.ledger.choices import ClaimStatus
from tests.factories import ActorFactory, ArticleFactory, ClaimFactory, EventFactory, TopicFactory

pytestmark = pytest.mark.django_db

DONETSK = "Russia will not budge from its demand for full control of Donetsk, officials said."


@pytest.fixture
def donetsk():
    article = ArticleFactory(title="Talks in Geneva", body=DONETSK + "\n\nOther words here.")
    end = DONETSK.index(",") + 1
    return ClaimFactory(
        article=article, start=0, end=end, published=True, summary="Russia demands Donetsk"
    )


def test_an_empty_search_shows_the_form_only(client):
    html = client.get("/search/").content.decode()
    assert '<form class="search-form"' in html
    assert 'id="claim-results"' not in html


def test_it_finds_published_claims_and_articles_with_marked_snippets(client, donetsk):
    ClaimFactory(
        article=donetsk.article,
        start=0,
        end=10,
        status=ClaimStatus.DRAFT,
        summary="Draft about Donetsk",
    )
    html = client.get("/search/", {"q": "Donetsk"}).content.decode()
    claims = html[html.index('id="claim-results"') : html.index('id="article-results"')]
    articles = html[html.index('id="article-results"') :]
    assert f'href="/claims/{donetsk.pk}/"' in claims
    assert "<mark>Donetsk</mark>" in claims
    assert "Draft about Donetsk" not in html
    assert f'href="/articles/{donetsk.article_id}/"' in articles
    assert "<mark>Donetsk</mark>" in articles


def test_it_finds_nothing_for_words_not_in_the_ledger(client, donetsk):
    html = client.get("/search/", {"q": "zanzibar"}).content.decode()
    assert "No published claim matches." in html
    assert "No article matches." in html


def test_snippets_escape_article_markup(client):
    body = "The <script>alert(1)</script> Donetsk demand stands."
    article = ArticleFactory(body=body)
    ClaimFactory(article=article, start=0, end=len(body), published=True)
    html = client.get("/search/", {"q": "Donetsk"}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_filters_narrow_the_claims(client, donetsk):
    russia, event, topic = ActorFactory(), EventFactory(), TopicFactory()
    other = ClaimFactory(
        published=True,
        claimant=russia,
        event=event,
        topic=topic,
        rating="disputed",
        article=ArticleFactory(published=dt.date(2026, 2, 27)),
    )
    about = ClaimFactory(published=True, subjects=[russia])

    def found(**params):
        html = client.get("/search/", params).content.decode()
        section = html[html.index('id="claim-results"') : html.index('id="article-results"')]
        return {pk for pk in (donetsk.pk, other.pk, about.pk) if f'href="/claims/{pk}/"' in section}

    assert found(actor=russia.pk) == {other.pk, about.pk}
    assert found(actor=russia.name.upper()) == {other.pk, about.pk}
    assert found(event=event.name) == {other.pk}
    assert found(event=event.pk) == {other.pk}
    assert found(topic=topic.pk) == {other.pk}
    assert found(rating="disputed") == {other.pk}
    assert found(date_from="2026-02-20") == {other.pk}
    assert found(date_to="2026-02-20") == {donetsk.pk, about.pk}
    assert found(q="Donetsk", actor=russia.pk) == set()


def test_the_topic_filter_lists_every_topic_escaped_with_the_chosen_one_selected(client):
    chosen = TopicFactory(title='Aid <convoys> & "corridors"')
    TopicFactory(title="Energy")
    html = client.get("/search/", {"topic": chosen.pk}).content.decode()
    select = html[
        html.index('<select name="topic"') : html.index("</select>", html.index('name="topic"'))
    ]
    assert '<option value="">---------</option>' in select
    label = "Aid &lt;convoys&gt; &amp; &quot;corridors&quot;"
    assert f'<option value="{chosen.pk}" selected>{label}</option>' in select
    assert ">Energy</option>" in select
    assert 'id="id_topic"' in select


def test_invalid_filters_are_reported_not_crashed_on(client):
    response = client.get("/search/", {"actor": "nope", "date_from": "yesterday"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error"' in html
    assert "No actor is named “nope”." in html


@pytest.mark.parametrize("rows", [1, 20])
def test_it_runs_a_fixed_number_of_queries(client, django_assert_num_queries, rows):
    actor = ActorFactory()
    for _ in range(rows):
        ClaimFactory(published=True, claimant=actor, subjects=[ActorFactory()], summary="Drones")
        EventFactory()
        TopicFactory()
    with django_assert_num_queries(7):
        # 1. the public ledger clock (Last-Modified / ETag)
        # 2. the actor filter's value
        # 3. matching published claims with article, source, claimant, event, series, topic
        # 4. their subject actors
        # 5. their measurements
        # 6. matching current articles with their source
        # 7. the topic choices of the filter form (actors and events are typed, not listed)
        response = client.get("/search/", {"q": "overnight", "actor": actor.pk})
    assert response.status_code == 200
    # Each claim and its own article.
    assert response.content.decode().count('class="claim-row"') == 2 * rows


def test_the_empty_form_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    for _ in range(20):
        ActorFactory()
    with django_assert_num_queries(2):
        # 1. the public ledger clock (Last-Modified / ETag)
        # 2. the topic choices of the filter form (actors and events are typed, not listed)
        client.get("/search/")


def _claim_ids(client, q):
    html = client.get("/search/", {"q": q}).content.decode()
    section = html[html.index('id="claim-results"') : html.index('id="article-results"')]
    return section


@pytest.mark.django_db
def test_a_fragment_or_a_misspelled_name_finds_the_claim_on_postgres(client, donetsk):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("trigram similarity is PostgreSQL's")
    assert f'href="/claims/{donetsk.pk}/"' in _claim_ids(client, "Donetks")
    assert f'href="/claims/{donetsk.pk}/"' in _claim_ids(client, "Donets")
    assert f'href="/claims/{donetsk.pk}/"' not in _claim_ids(client, "zanzibar")
    # words the full-text search drops are not searched by their letters either
    body = "The harbour reopened on Monday, the minister said."
    harbour = ClaimFactory(
        article=ArticleFactory(body=body), start=0, end=len(body), published=True
    )
    assert f'href="/claims/{harbour.pk}/"' in _claim_ids(client, "harbou")
    assert f'href="/claims/{harbour.pk}/"' not in _claim_ids(client, "on")
    assert f'href="/claims/{harbour.pk}/"' not in _claim_ids(client, "the")


@pytest.mark.django_db
def test_the_stored_vectors_follow_edits_on_postgres(client, donetsk):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the stored search vectors are PostgreSQL's")
    from factcheck.ledger.models import Article, Claim

    Claim.objects.filter(pk=donetsk.pk).update(summary="Kremlin wants the whole region")
    assert set(Claim.objects.containing(["kremlin"])) == {donetsk}
    Article.objects.filter(pk=donetsk.article_id).update(title="Talks in Lausanne")
    assert set(Claim.objects.containing(["lausanne"], article_title=True)) == {donetsk}
    assert set(Claim.objects.containing(["geneva"], article_title=True)) == set()
    assert (
        f'href="/articles/{donetsk.article_id}/"'
        in client.get("/search/", {"q": "Lausanne"}).content.decode()
    )


def test_results_come_a_page_at_a_time(client):
    from factcheck.web.search import LIMIT

    body = "The minister said the harbour reopened on Monday."
    article = ArticleFactory(body=body)
    for _ in range(LIMIT + 3):
        ClaimFactory(article=article, start=0, end=len(body), published=True, summary="Harbour")
    first = client.get("/search/", {"q": "harbour"}).content.decode()
    claims = first[first.index('id="claim-results"') : first.index('id="article-results"')]
    assert claims.count('class="claim-row"') == LIMIT
    assert 'rel="next"' in first and 'rel="prev"' not in first
    assert "page=2" in first and "q=harbour" in first
    second = client.get("/search/", {"q": "harbour", "page": 2}).content.decode()
    claims = second[second.index('id="claim-results"') : second.index('id="article-results"')]
    assert claims.count('class="claim-row"') == 3
    assert 'rel="prev"' in second and 'rel="next"' not in second


@pytest.mark.parametrize("page", ["0", "x", "-1"])
def test_a_page_that_is_not_one_is_404(client, donetsk, page):
    assert client.get("/search/", {"q": "Donetsk", "page": page}).status_code == 404
