"""Anonymous readers and signed-in non-staff users never see unpublished claims, nor anything
derived from them, in the API or on the public pages."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import (
    ActorFactory,
    ClaimFactory,
    ClaimLinkFactory,
    MeasurementFactory,
    PositionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

SECRET = "Zanzibarquux"  # a word only unpublished records carry
HIDDEN = (f"{SECRET} draft", "987654", f"{SECRET} link note", f"{SECRET} conditions")


@pytest.fixture
def secret_world(world):
    """The API world plus unpublished records carrying SECRET everywhere they can."""
    world.draft.summary = f"{SECRET} draft summary"
    world.draft.event = world.event
    world.draft.topic = world.topic
    world.draft.claimant = world.actor
    world.draft.save()
    world.draft.subjects.set([world.subject])
    MeasurementFactory(claim=world.draft, value=987654, text=f"{SECRET} 987654 drones")
    world.hidden_link = ClaimLinkFactory(
        from_claim=world.published,
        to_claim=world.draft,
        relation="contradicts",
        note=f"{SECRET} link note",
    )
    # A position backed by the published claim and by the draft.
    world.mixed = PositionFactory(
        actor=world.subject,
        topic=world.topic,
        evidence=[world.published, world.draft],
        as_of=dt.date(2026, 2, 18),
    )
    # A position backed only by the draft.
    world.hidden_position = PositionFactory(
        actor=world.actor,
        topic=TopicFactory(title="A topic with hidden evidence only"),
        evidence=[world.draft],
        conditions=f"{SECRET} conditions",
    )
    return world


@pytest.fixture(params=["anonymous", "outsider", "staff without a newsroom role"])
def reader(request, outsider_api, staff_api):
    return {"anonymous": APIClient(), "outsider": outsider_api}.get(request.param, staff_api)


API_READS = [
    "/api/v1/claims/",
    "/api/v1/claims/?status=draft",
    "/api/v1/claims/?status=in_review",
    "/api/v1/claims/?q={secret}",
    "/api/v1/claims/?expand=article,claimant,subjects,event,topic",
    "/api/v1/claims/export.csv",
    "/api/v1/claims/export.csv?status=draft",
    "/api/v1/claims/claimreview/",
    "/api/v1/claims/annotations/",
    "/api/v1/claims/annotations/?status=draft",
    "/api/v1/links/",
    "/api/v1/links/?expand=from_claim,to_claim",
    "/api/v1/links/?claim={draft}",
    "/api/v1/links/?to_claim={draft}",
    "/api/v1/links/?q={secret}",
    "/api/v1/positions/",
    "/api/v1/positions/?expand=evidence,actor,topic",
    "/api/v1/positions/?q={secret}",
    "/api/v1/events/{event}/",
    "/api/v1/events/{event}/?expand=participants,series",
    "/api/v1/topics/{topic}/timeline/",
    "/api/v1/actors/{actor}/positions/",
    "/api/v1/actors/{subject}/positions/",
]


@pytest.mark.parametrize("path", API_READS)
def test_api_reads_show_nothing_unpublished(reader, secret_world, path):
    w = secret_world
    url = path.format(
        secret=SECRET,
        draft=w.draft.pk,
        event=w.event.pk,
        topic=w.topic.pk,
        actor=w.actor.pk,
        subject=w.subject.pk,
    )
    response = reader.get(url)
    assert response.status_code == 200
    # Exports stream: their body is read from the stream.
    text = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode()
    for hidden in HIDDEN:
        assert hidden not in text
    for claim in (w.draft, w.in_review):
        assert f"/claims/{claim.pk}/" not in text
    body = json.loads(text) if "json" in response["Content-Type"] else None
    if isinstance(body, dict) and "results" in body:
        for row in body["results"]:
            assert row.get("id") not in (w.hidden_link.pk,) or "links" not in url
            if "evidence" in row:
                shown = [e if isinstance(e, int) else e["id"] for e in row["evidence"]]
                assert w.draft.pk not in shown and w.in_review.pk not in shown
            if "status" in row and "claims" in url:
                assert row["status"] == "published"


@pytest.mark.parametrize("name", ["draft", "in_review", "hidden_link", "hidden_position"])
def test_api_details_of_unpublished_records_answer_404(reader, secret_world, name):
    record = getattr(secret_world, name)
    kind = {"hidden_link": "links", "hidden_position": "positions"}.get(name, "claims")
    response = reader.get(f"/api/v1/{kind}/{record.pk}/")
    assert response.status_code == 404
    # A conditional request must not tell an existing hidden record from a missing one.
    response = reader.get(f"/api/v1/{kind}/{record.pk}/", HTTP_IF_NONE_MATCH="*")
    assert response.status_code == 404


def test_api_counts_leak_nothing(reader, secret_world):
    """List responses only count what the reader may see."""
    response = reader.get("/api/v1/claims/?status=draft")
    body = response.json()
    assert body["results"] == []
    assert body.get("count", 0) == 0
    annotations = json.loads(b"".join(reader.get("/api/v1/claims/annotations/").streaming_content))
    assert annotations["total"] == 2


def test_api_match_finds_published_claims_only(reader, secret_world):
    response = reader.post(
        "/api/v1/claims/match/", {"text": f"{SECRET} draft summary"}, format="json"
    )
    assert response.status_code == 200
    for hidden in HIDDEN:
        assert hidden not in response.content.decode()


def test_api_event_figures_count_published_claims_only(reader, secret_world):
    figures = reader.get(f"/api/v1/events/{secret_world.event.pk}/").json()["figures"]
    claims = {r["claim"] for f in figures for r in f["reports"]}
    assert secret_world.draft.pk not in claims


def test_position_change_ignores_hidden_predecessors(reader, world):
    """A position readers see is not called `reversed` against one they cannot see."""
    actor, topic = ActorFactory(), TopicFactory()
    hidden = ClaimFactory(article=world.article)
    PositionFactory(
        actor=actor, topic=topic, stance="opposes", as_of=dt.date(2026, 1, 1), evidence=[hidden]
    )
    from factcheck.ledger.services.positions import positions_recompute

    shown = PositionFactory(
        actor=actor,
        topic=topic,
        stance="supports",
        as_of=dt.date(2026, 2, 1),
        evidence=[world.published],
    )
    positions_recompute(actor_id=actor.pk, topic_id=topic.pk)
    shown.refresh_from_db()
    assert shown.change == "reversed"  # what the newsroom sees
    row = reader.get(f"/api/v1/positions/{shown.pk}/").json()
    assert row["change"] == "new"
    timeline = reader.get(f"/api/v1/topics/{topic.pk}/timeline/").json()
    assert [p["change"] for t in timeline["tracks"] for p in t["positions"]] == ["new"]


# ---- public pages --------------------------------------------------------------------------


@pytest.fixture(params=["anonymous", "outsider"])
def web_reader(request, client, outsider):
    if request.param == "outsider":
        client.force_login(outsider)
    return client


def _public_urls(w) -> list[str]:
    return [
        reverse("web:home"),
        reverse("web:article", args=[w.article.pk]),
        reverse("web:article", args=[w.other_article.pk]),
        reverse("web:claim", args=[w.published.pk]),
        reverse("web:actor", args=[w.actor.pk]),
        reverse("web:actor", args=[w.subject.pk]),
        reverse("web:actor_positions", args=[w.actor.pk]),
        reverse("web:actor_positions", args=[w.subject.pk]),
        reverse("web:event", args=[w.event.pk]),
        reverse("web:topics"),
        reverse("web:topic", args=[w.topic.pk]),
        reverse("web:topic", args=[w.hidden_position.topic_id]),
        reverse("web:matrix"),
        reverse("web:search") + f"?q={SECRET}",
        reverse("web:search") + "?q=draft",
        reverse("web:feed"),
        reverse("web:sitemap"),
    ]


def test_public_pages_show_nothing_unpublished(web_reader, secret_world):
    w = secret_world
    for url in _public_urls(w):
        response = web_reader.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        for hidden in HIDDEN:
            assert hidden not in text, url
        for claim in (w.draft, w.in_review):
            assert f"/claims/{claim.pk}/" not in text, url
            assert f'data-claims="{claim.pk}"' not in text, url


def test_public_urls_of_unpublished_claims_answer_404(web_reader, secret_world):
    for claim in (secret_world.draft, secret_world.in_review):
        assert web_reader.get(reverse("web:claim", args=[claim.pk])).status_code == 404


def test_etag_does_not_change_when_only_a_draft_changes(client, secret_world):
    """Validators reflect what readers can see: editing a draft must not reveal itself."""
    url = reverse("web:home")
    first = client.get(url)
    from factcheck.ledger.services.claims import claim_update
    from tests.factories import UserFactory

    editor = UserFactory(editor=True, username="etag-editor")
    claim_update(
        claim=secret_world.draft,
        user=editor,
        expected_version=secret_world.draft.version,
        summary="Changed in private",
    )
    second = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 304


def test_etag_changes_when_a_claim_is_published_or_sent_back(client, secret_world, reviewer):
    from factcheck.ledger.services.claims import claim_publish, claim_send_back

    url = reverse("web:home")
    before = client.get(url)["ETag"]
    claim_publish(claim=secret_world.in_review, user=reviewer)
    published = client.get(url)["ETag"]
    assert published != before
    claim_send_back(claim=secret_world.in_review, user=reviewer)
    assert client.get(url)["ETag"] != published
