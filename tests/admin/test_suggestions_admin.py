"""The suggestions panel on the article page: accept, edit or reject what the engine found."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from factcheck.ledger.choices import ClaimKind, ClaimStatus, SuggestionStatus
from factcheck.ledger.models import Actor, Claim, Suggestion
from factcheck.ledger.services.articles import article_import
from factcheck.ledger.services.suggestions import suggestions_refresh
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    MeasurementFactory,
    SuggestionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def analysed(seed_article):
    """The AP seed with its suggestions (the import's on-commit analysis, run directly)."""
    suggestions_refresh(article=seed_article)
    return seed_article


def panel_url(article) -> str:
    return f"/admin/ledger/article/{article.pk}/change/"


def open_suggestion(article, kind: str, text: str) -> Suggestion:
    return Suggestion.objects.get(
        article=article, kind=kind, status=SuggestionStatus.OPEN, text__contains=text
    )


def test_the_panel_groups_open_suggestions_with_what_they_propose_and_their_rule(
    editor_client, analysed
):
    html = editor_client.get(panel_url(analysed)).content.decode()
    for title in ("Statements", "Figures", "Actors", "Dates"):
        assert f"<strong>{title}</strong>" in html
    figure = open_suggestion(analysed, "figure", "almost 400 long-range drones")
    item = html[html.index(f'id="suggestion-{figure.pk}"') :]
    item = item[: item.index("</li>")]
    assert f'data-start="{figure.start}" data-end="{figure.end}"' in item
    assert "drones: at most 400" in item and "about the night of 16–17 Feb" in item
    assert f"found by: {figure.rule}" in item.replace("&#x27;", "'")
    assert f'action="/admin/ledger/suggestion/{figure.pk}/accept/"' in item
    assert f'action="/admin/ledger/suggestion/{figure.pk}/reject/"' in item
    assert item.count("csrfmiddlewaretoken") == 2
    actor = open_suggestion(analysed, "actor", "Rustem Umerov")
    item = html[html.index(f'id="suggestion-{actor.pk}"') :]
    item = item[: item.index("</li>")]
    assert (
        "<strong>new person: Rustem Umerov</strong> · The head of the Ukrainian delegation"
        " · Ukraine" in item
    )
    assert 'id="suggestions-refresh"' in html


def test_accepting_a_statement_opens_its_new_draft_claim(editor_client, editor, analysed):
    suggestion = open_suggestion(analysed, "statement", "The agenda includes security")
    response = editor_client.post(f"/admin/ledger/suggestion/{suggestion.pk}/accept/")
    claim = Claim.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/ledger/claim/{claim.pk}/change/"
    assert claim.status == ClaimStatus.DRAFT and claim.kind == ClaimKind.QUOTE
    assert (claim.start, claim.end) == (suggestion.start, suggestion.end)
    assert claim.claimant_label == "Rustem Umerov" and claim.created_by == editor
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED and suggestion.decided_by == editor
    page = editor_client.get(response["Location"]).content.decode()
    assert f"Draft claim #{claim.pk} made from the suggestion" in page


def test_accepting_a_figure_makes_a_quantity_claim_with_its_measurement(editor_client, analysed):
    suggestion = open_suggestion(analysed, "figure", "almost 400 long-range drones")
    response = editor_client.post(f"/admin/ledger/suggestion/{suggestion.pk}/accept/")
    claim = Claim.objects.get()
    assert response["Location"] == f"/admin/ledger/claim/{claim.pk}/change/"
    assert claim.kind == ClaimKind.QUANTITY and claim.status == ClaimStatus.DRAFT
    assert claim.start <= suggestion.start and suggestion.end <= claim.end
    assert str(claim.about_start) == "2026-02-16" and str(claim.about_end) == "2026-02-17"
    m = claim.measurements.get()
    assert (m.quantity, m.value, m.bound) == ("drones", 400, "at_most")
    assert m.text == "almost 400 long-range drones"
    # The claim page shows the figure in its inline, ready to edit.
    page = editor_client.get(response["Location"]).content.decode()
    assert 'value="almost 400 long-range drones"' in page


def test_accepting_a_new_actor_adds_it_and_names_it(editor_client, analysed):
    suggestion = open_suggestion(analysed, "actor", "Rustem Umerov")
    response = editor_client.post(f"/admin/ledger/suggestion/{suggestion.pk}/accept/", follow=True)
    actor = Actor.objects.get(name="Rustem Umerov")
    assert actor.role == "The head of the Ukrainian delegation"
    assert response.redirect_chain[-1][0] == panel_url(analysed) + "#suggestions-panel"
    html = response.content.decode()
    assert f'Actor added: <a href="/admin/ledger/actor/{actor.pk}/change/">Rustem Umerov</a>' in (
        html
    )
    assert f'id="suggestion-{suggestion.pk}"' not in html


def test_a_rejected_suggestion_leaves_the_panel_and_stays_away_after_reanalysis(
    editor_client, analysed
):
    suggestion = open_suggestion(analysed, "figure", "roughly 750-mile")
    response = editor_client.post(f"/admin/ledger/suggestion/{suggestion.pk}/reject/", follow=True)
    assert "it will not come back" in response.content.decode()
    assert f'id="suggestion-{suggestion.pk}"' not in response.content.decode()
    response = editor_client.post(f"/admin/ledger/suggestion/refresh/{analysed.pk}/", follow=True)
    html = response.content.decode()
    assert "Analysed again: 0 new suggestions." in html
    assert "roughly 750-mile" not in html.split('id="suggestions-panel"')[1].split("</section>")[0]
    assert not analysed.suggestions.filter(text="roughly 750-mile", status="open").exists()
    assert Suggestion.objects.get(pk=suggestion.pk).status == SuggestionStatus.REJECTED


def test_reanalysis_adds_what_is_new(editor_client, seed_article):
    assert not seed_article.suggestions.exists()
    response = editor_client.post(f"/admin/ledger/suggestion/refresh/{seed_article.pk}/")
    assert response.status_code == 302
    assert seed_article.suggestions.filter(status="open").count() > 20


def test_a_decided_suggestion_cannot_be_decided_again(editor_client, analysed):
    suggestion = open_suggestion(analysed, "figure", "29 missiles")
    editor_client.post(f"/admin/ledger/suggestion/{suggestion.pk}/reject/")
    response = editor_client.post(f"/admin/ledger/suggestion/{suggestion.pk}/accept/", follow=True)
    assert "Not accepted: This suggestion was already rejected." in response.content.decode()
    assert not Claim.objects.exists()


def test_a_get_changes_nothing(editor_client, analysed):
    suggestion = open_suggestion(analysed, "figure", "29 missiles")
    response = editor_client.get(f"/admin/ledger/suggestion/{suggestion.pk}/accept/")
    assert response.status_code == 302 and not Claim.objects.exists()
    assert Suggestion.objects.get(pk=suggestion.pk).status == SuggestionStatus.OPEN


def test_staff_without_the_permission_are_refused_and_nothing_changes(client, analysed):
    intern = UserFactory(is_staff=True, username="intern")
    intern.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="ledger", codename__in=["view_article", "view_suggestion"]
        )
    )
    client.force_login(intern)
    page = client.get(panel_url(analysed)).content.decode()
    assert "suggestion-accept" not in page and 'id="suggestions-refresh"' not in page
    figure = open_suggestion(analysed, "figure", "29 missiles")
    actor = open_suggestion(analysed, "actor", "Rustem Umerov")
    before = set(analysed.suggestions.values_list("pk", "status"))

    response = client.post(f"/admin/ledger/suggestion/{figure.pk}/accept/", follow=True)
    assert "Only editors can accept or reject suggestions." in response.content.decode()
    client.post(f"/admin/ledger/suggestion/{actor.pk}/accept/")
    client.post(f"/admin/ledger/suggestion/{figure.pk}/reject/")
    analysed.suggestions.filter(kind="figure").delete()  # re-analysis would bring them back
    response = client.post(f"/admin/ledger/suggestion/refresh/{analysed.pk}/", follow=True)
    assert "Only editors can analyse an article again." in response.content.decode()

    assert not Claim.objects.exists() and not Actor.objects.filter(name="Rustem Umerov").exists()
    assert not analysed.suggestions.filter(kind="figure").exists()
    assert set(analysed.suggestions.values_list("pk", "status")) <= before


def test_suggestion_text_is_escaped(editor_client):
    article = ArticleFactory(body="Intro. <script>alert(1)</script> said the source.")
    SuggestionFactory(
        article=article,
        kind="statement",
        start=7,
        end=32,
        rule="<b>rule</b>",
        data={"claimant": "<i>x</i>"},
    )
    html = editor_client.get(panel_url(article)).content.decode()
    panel = html.split('id="suggestions-panel"')[1].split("</section>")[0]
    assert "<script>" not in panel and "&lt;script&gt;alert(1)&lt;/script&gt;" in panel
    assert "&lt;b&gt;rule&lt;/b&gt;" in panel and "claimant: &lt;i&gt;x&lt;/i&gt;" in panel


@pytest.mark.parametrize("rows", [1, 20])
def test_the_marking_page_runs_the_same_queries_for_1_and_20_suggestions(
    rows, editor_client, django_assert_num_queries
):
    article = ArticleFactory()
    MeasurementFactory(claim=ClaimFactory(article=article))  # so the claim prefetches run
    kinds = [
        ("figure", {"quantity": "drones", "value": 400.0, "bound": "at_most"}),
        ("statement", {"claimant": "Zelensky", "claim_kind": "quote"}),
        ("actor", {"actor": None, "role": "spokesperson", "affiliation": "Russia"}),
        ("date", {"start_date": "2026-02-16", "end_date": "2026-02-17", "precision": "span"}),
    ]
    for n in range(rows):
        kind, data = kinds[n % 4]
        SuggestionFactory(article=article, kind=kind, data=data)
    SuggestionFactory(article=article, status="rejected")  # not shown
    url = panel_url(article)
    assert editor_client.get(url).status_code == 200
    # 1 session, 2 user, 3 the article with its source, 4 its claims (joined), 5 their
    # subjects, 6 their measurements, 7 claims waiting for re-anchoring, 8 the other
    # revisions, 9-10 the user's and their groups' permissions, 11 the open suggestions,
    # 12 the article again with its source (the admin's get_object), 13 the selected source
    # (autocomplete widget), 14 the article's copies
    with django_assert_num_queries(14):
        response = editor_client.get(url)
    assert response.content.decode().count('class="button suggestion-accept"') == rows


def test_accepting_a_known_actor_or_a_date_records_the_decision_only(editor_client):
    article = ArticleFactory()
    actor = ActorFactory(name="Volodymyr Zelensky")
    mention = SuggestionFactory(
        article=article, kind="actor", data={"actor": actor.name, "actor_id": actor.pk}
    )
    date = SuggestionFactory(
        article=article,
        kind="date",
        data={"start_date": "2026-02-16", "end_date": "2026-02-17", "precision": "span"},
    )
    html = editor_client.get(panel_url(article)).content.decode()
    assert "actor: Volodymyr Zelensky" in html and "16–17 Feb · span precision" in html
    response = editor_client.post(f"/admin/ledger/suggestion/{mention.pk}/accept/", follow=True)
    assert (
        f'Accepted the mention of <a href="/admin/ledger/actor/{actor.pk}/change/">'
        "Volodymyr Zelensky</a>." in response.content.decode()
    )
    response = editor_client.post(f"/admin/ledger/suggestion/{date.pk}/accept/", follow=True)
    assert f"Accepted “{date.text}”." in response.content.decode()
    assert Actor.objects.count() == 1 and not Claim.objects.exists()
    assert not article.suggestions.filter(status="open").exists()


def test_a_repeat_shows_the_tracked_claim_and_makes_the_claim_and_link_in_one_step(
    editor_client, django_capture_on_commit_callbacks
):
    russia = ActorFactory(name="Russia", kind="government")
    tracked = ClaimFactory(
        article=ArticleFactory(
            body="Overnight, Russia launched almost 400 long-range drones at Ukraine.",
            wire_agency="AP",
        ),
        subjects=[russia],
        published=True,
    )
    MeasurementFactory(claim=tracked, value=400, bound="at_most")
    copy = b" date 2026-02-17 Russia fired some 390 drones at Ukraine overnight, officials said.\n"
    with django_capture_on_commit_callbacks(execute=True):
        article = article_import(data=copy, origin="repeat.txt").article
    figure = open_suggestion(article, "figure", "390 drones")
    html = editor_client.get(panel_url(article)).content.decode()
    item = html[html.index(f'id="suggestion-{figure.pk}"') :]
    item = item[: item.index("</li>")]
    link = f'<a href="/admin/ledger/claim/{tracked.pk}/change/">claim {tracked.pk}</a>'
    assert f"Already tracked as {link}" in item
    assert "Suggested link: <strong>corroborates</strong>" in item
    assert "the figures agree" in item
    assert "Worth checking:" in item
    action = f"/admin/ledger/suggestion/{figure.pk}/accept-link/"
    assert f'action="{action}"' in item
    response = editor_client.post(action)
    claim = Claim.objects.get(article=article)
    assert response.status_code == 302 and response.url == f"/admin/ledger/claim/{claim.pk}/change/"
    assert claim.links_out.get().to_claim == tracked
