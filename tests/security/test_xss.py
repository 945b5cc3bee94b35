"""Script payloads in article text and editors' fields come out escaped everywhere."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from .xss_world import RAW, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def xss(db):
    return build()


def _assert_escaped(text: str, where: str):
    for raw in RAW:
        assert raw not in text, f"{raw!r} unescaped in {where}"


def _public_urls(w) -> list[str]:
    claim = w["claims"][0]
    return [
        reverse("web:home"),
        reverse("web:article", args=[w["article"].pk]),
        reverse("web:claim", args=[claim.pk]),
        reverse("web:claim", args=[w["claims"][1].pk]),
        reverse("web:actor", args=[w["actor"].pk]),
        reverse("web:actor_positions", args=[w["actor"].pk]),
        reverse("web:event", args=[w["event"].pk]),
        reverse("web:series", args=[w["series"].pk]),
        reverse("web:topics"),
        reverse("web:topic", args=[w["topic"].pk]),
        reverse("web:matrix"),
        reverse("web:search") + "?q=drones",
        reverse("web:search") + "?q=%3Cscript%3Ealert(1)%3C/script%3E",
        reverse("web:feed"),
        reverse("web:sitemap"),
    ]


def test_public_pages_escape_every_payload(client, xss):
    for url in _public_urls(xss):
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_escaped(response.content.decode(), url)
    # The payload is still there, as text.
    page = client.get(reverse("web:article", args=[xss["article"].pk])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_claim_review_json_ld_cannot_end_its_script_element(client, xss):
    page = client.get(reverse("web:claim", args=[xss["claims"][0].pk])).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert "<script>alert(1)</script>" in json.dumps(data, ensure_ascii=False)


def test_admin_pages_escape_every_payload(editor_client, xss):
    article, claim = xss["article"], xss["claims"][0]
    for url in [
        reverse("admin:ledger_article_change", args=[article.pk]),
        reverse("admin:ledger_claim_change", args=[claim.pk]),
        reverse("admin:ledger_claim_changelist"),
        reverse("admin:ledger_actor_change", args=[xss["actor"].pk]),
        reverse("admin:ledger_event_change", args=[xss["event"].pk]),
        reverse("admin:ledger_position_changelist"),
        reverse("admin:ledger_claimlink_changelist"),
    ]:
        response = editor_client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        # json_script data blocks are fine; anything else must be escaped.
        text = re.sub(
            r'<script id="[\w-]+" type="application/json">.*?</script>', "", text, flags=re.S
        )
        _assert_escaped(text, url)


def test_browsable_api_escapes_every_payload(editor_client, xss):
    client = editor_client  # the browsable pages are for staff
    for url in [
        "/api/v1/claims/?expand=article,claimant,subjects,event,topic",
        f"/api/v1/articles/{xss['article'].pk}/",
        "/api/v1/links/",
        "/api/v1/positions/",
        f"/api/v1/events/{xss['event'].pk}/",
    ]:
        response = client.get(url, HTTP_ACCEPT="text/html")
        assert response.status_code == 200, url
        _assert_escaped(response.content.decode(), url)
