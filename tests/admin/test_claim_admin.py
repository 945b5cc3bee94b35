"""The claim admin: plain add form, no lost edits, workflow buttons, marking endpoints."""

from __future__ import annotations

import json

import pytest

from factcheck.ledger.models import Actor, Claim
from factcheck.ledger.services.claims import claim_create, claim_update
from tests.factories import ActorFactory, ArticleFactory, ClaimFactory, TopicFactory

pytestmark = pytest.mark.django_db

BODY = "Intro.\n\n“We have no deadlines,” said Lavrov – in Zürich 🇨🇭 today.\n\nSome 420 drones."


def form_data(claim: Claim, **changes) -> dict:
    """What the change form posts for the claim (all fields, as rendered)."""
    data = {
        "article": claim.article_id,
        "start": claim.start,
        "end": claim.end,
        "quote": claim.exact,
        "claimant": claim.claimant_id or "",
        "claimant_label": claim.claimant_label,
        "event": claim.event_id or "",
        "topic": claim.topic_id or "",
        "kind": claim.kind,
        "summary": claim.summary,
        "about_start": "",
        "about_end": "",
        "expected_version": claim.version,
        "measurements-TOTAL_FORMS": "0",
        "measurements-INITIAL_FORMS": "0",
        "measurements-MIN_NUM_FORMS": "0",
        "measurements-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_the_plain_add_form_marks_a_claim_by_quote(editor_client, editor):
    article = ArticleFactory(body=BODY)
    response = editor_client.get(f"/admin/ledger/claim/add/?article={article.pk}")
    assert response.status_code == 200
    data = {
        "article": article.pk,
        "start": "",
        "end": "",
        "quote": '"We have no deadlines," said',
        "kind": "quote",
        "summary": "No deadlines",
        "claimant_label": "",
        "measurements-TOTAL_FORMS": "1",
        "measurements-INITIAL_FORMS": "0",
        "measurements-MIN_NUM_FORMS": "0",
        "measurements-MAX_NUM_FORMS": "1000",
        "measurements-0-quantity": "deadlines",
        "measurements-0-value": "0",
        "measurements-0-bound": "exact",
    }
    response = editor_client.post("/admin/ledger/claim/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    claim = Claim.objects.get()
    assert claim.exact == "“We have no deadlines,” said" and claim.created_by == editor
    assert claim.measurements.get().quantity == "deadlines"


def test_a_missing_quote_is_shown_on_the_add_form(editor_client):
    article = ArticleFactory(body=BODY)
    data = {
        "article": article.pk,
        "quote": "not in the text",
        "kind": "factual",
        "measurements-TOTAL_FORMS": "0",
        "measurements-INITIAL_FORMS": "0",
    }
    response = editor_client.post("/admin/ledger/claim/add/", data)
    assert response.status_code == 200
    assert "is not in the article" in str(response.context["adminform"].form.errors)
    assert not Claim.objects.exists()


def test_the_change_form_saves_through_the_service(editor_client, editor):
    claim = claim_create(article=ArticleFactory(body=BODY), user=editor, quote="Some 420 drones")
    topic = TopicFactory()
    response = editor_client.post(
        f"/admin/ledger/claim/{claim.pk}/change/",
        form_data(claim, summary="Drones", topic=topic.pk),
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.summary, claim.topic, claim.version) == ("Drones", topic, 2)
    assert claim.history.first().history_user == editor


def test_a_stale_save_is_refused_and_keeps_the_input(editor_client, editor, reviewer):
    claim = claim_create(
        article=ArticleFactory(body=BODY), user=editor, quote="Some 420 drones", summary="original"
    )
    opened = form_data(claim)  # the editor opens the form at version 1
    claim_update(claim=claim, user=reviewer, expected_version=1, summary="reviewer's words")
    response = editor_client.post(
        f"/admin/ledger/claim/{claim.pk}/change/", {**opened, "summary": "my own words"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Not saved: this claim was changed by rev" in html
    assert "reviewer&#x27;s words" in html or "reviewer's words" in html
    form = response.context["adminform"].form
    assert form["summary"].value() == "my own words"  # the input is kept
    assert form["expected_version"].value() == "2"  # a second save knowingly re-applies it
    assert response.context["conflict_rows"] == [("summary", "my own words", "reviewer's words")]
    assert Claim.objects.get(pk=claim.pk).summary == "reviewer's words"
    again = editor_client.post(
        f"/admin/ledger/claim/{claim.pk}/change/",
        {**opened, "summary": "my own words", "expected_version": 2},
    )
    assert again.status_code == 302
    assert Claim.objects.get(pk=claim.pk).summary == "my own words"


def test_workflow_buttons_follow_permissions(editor_client, client, reviewer):
    claim = ClaimFactory()
    page = editor_client.get(f"/admin/ledger/claim/{claim.pk}/change/").content
    assert b"workflow-submit" in page and b"workflow-publish" not in page
    editor_client.post(f"/admin/ledger/claim/{claim.pk}/workflow/submit/", {"version": 1})
    assert Claim.objects.get(pk=claim.pk).status == "in_review"
    response = editor_client.post(
        f"/admin/ledger/claim/{claim.pk}/workflow/publish/", {"version": 2}, follow=True
    )
    assert b"review_claim" in response.content
    assert Claim.objects.get(pk=claim.pk).status == "in_review"
    client.force_login(reviewer)
    assert b"workflow-publish" in client.get(f"/admin/ledger/claim/{claim.pk}/change/").content
    client.post(f"/admin/ledger/claim/{claim.pk}/workflow/publish/", {"version": 2})
    claim = Claim.objects.get(pk=claim.pk)
    assert claim.status == "published"
    page = client.get(f"/admin/ledger/claim/{claim.pk}/change/").content.decode()
    assert "published" in page and "rev" in page  # the log names who did what


def test_marking_by_offsets_returns_json(editor_client):
    article = ArticleFactory(body=BODY)
    lavrov = ActorFactory(name="Sergei Lavrov")
    start = BODY.index("in Zürich")
    end = BODY.index(" today")
    response = editor_client.post(
        f"/admin/ledger/claim/mark/{article.pk}/",
        {
            "start": start,
            "end": end,
            "quote": "",
            "claimant": lavrov.pk,
            "kind": "factual",
            "m-quantity": ["flags", ""],
            "m-value": ["1", ""],
            "m-bound": ["exact", "exact"],
            "m-text": ["🇨🇭", ""],
        },
        HTTP_ACCEPT="application/json",
    )
    payload = json.loads(response.content)
    assert payload["ok"] and payload["exact"] == "in Zürich 🇨🇭"
    claim = Claim.objects.get(pk=payload["id"])
    assert claim.claimant == lavrov and claim.measurements.get().value == 1


def test_marking_errors_are_reported(editor_client):
    article = ArticleFactory(body=BODY)
    response = editor_client.post(
        f"/admin/ledger/claim/mark/{article.pk}/",
        {"quote": "nowhere", "kind": "factual"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400
    assert "is not in the article" in " ".join(json.loads(response.content)["errors"])


def test_reselecting_moves_the_span(editor_client, editor):
    claim = claim_create(article=ArticleFactory(body=BODY), user=editor, quote="Intro.")
    start = BODY.index("Some 420")
    response = editor_client.post(
        f"/admin/ledger/claim/{claim.pk}/span/",
        {"start": start, "end": len(BODY), "version": 1},
        HTTP_ACCEPT="application/json",
    )
    assert json.loads(response.content)["ok"]
    assert Claim.objects.get(pk=claim.pk).exact == "Some 420 drones."


def test_an_actor_is_created_on_the_spot(editor_client):
    response = editor_client.post(
        "/admin/ledger/claim/quick-actor/", {"name": " Kaja  Kallas ", "kind": "person"}
    )
    payload = json.loads(response.content)
    assert payload["ok"] and Actor.objects.get(pk=payload["id"]).name == "Kaja Kallas"


def test_the_article_page_escapes_the_text(editor_client, editor):
    article = ArticleFactory(body="A <script>alert(1)</script> claim & more.")
    claim_create(article=article, user=editor, quote="<script>alert(1)</script>")
    html = editor_client.get(f"/admin/ledger/article/{article.pk}/change/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;</mark>" in html
    assert 'id="suggestions-panel"' in html  # the hook for the suggestions panel


def test_overlapping_claims_nest(editor_client, editor):
    article = ArticleFactory(body=BODY)
    outer = claim_create(article=article, user=editor, quote="We have no deadlines")
    inner = claim_create(article=article, user=editor, quote="no deadlines,” said Lavrov")
    html = editor_client.get(f"/admin/ledger/article/{article.pk}/change/").content.decode()
    nested = (
        f'data-claim="{outer.pk}" title="#{outer.pk} We have no deadlines">'
        f'<mark class="claim-mark claim-c1 depth-1'
    )
    assert nested.replace(" title", ' tabindex="0" title', 0) in html or nested in html
    assert html.count(f'data-claim="{inner.pk}"') == 2  # its second piece is outside `outer`
