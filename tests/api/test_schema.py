"""The OpenAPI document generates cleanly; the docs page loads nothing from a CDN."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command


def test_the_schema_validates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))


@pytest.mark.django_db
def test_the_schema_documents_errors_and_headers(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    patch = schema["paths"]["/api/v1/claims/{id}/"]["patch"]
    assert {"200", "400", "401", "403", "404", "409", "412", "428", "429"} <= set(
        patch["responses"]
    )
    assert any(p["name"] == "If-Match" and p["required"] for p in patch["parameters"])
    assert "Retry-After" in patch["responses"]["429"]["headers"]
    listing = schema["paths"]["/api/v1/claims/"]["get"]
    names = {p["name"] for p in listing["parameters"]}
    assert {
        "article",
        "actor",
        "event",
        "topic",
        "kind",
        "status",
        "q",
        "expand",
        "ordering",
        "page",
    } <= names


@pytest.mark.django_db
def test_the_docs_page_uses_no_external_url(client):
    html = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in html
    urls = re.findall(r"""(?:src|href)=["']([^"']+)""", html)
    assert urls and all(not u.startswith(("http:", "https:", "//")) for u in urls), urls
    assert "cdn" not in html.lower()


@pytest.mark.django_db
def test_the_schema_documents_claim_matching_and_repeats(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    match = schema["paths"]["/api/v1/claims/match/"]["post"]
    request = match["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    fields = schema["components"]["schemas"][request.rsplit("/", 1)[1]]["properties"]
    assert {"text", "limit", "actors", "event", "quantity", "value", "bound", "published"} <= set(
        fields
    )
    item = schema["components"]["schemas"]["ClaimMatchItem"]["properties"]
    assert {"score", "relation", "repeat", "reasons", "claim"} <= set(item)
    repeats = schema["paths"]["/api/v1/claims/{id}/repeats/"]["get"]
    body = repeats["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    shape = schema["components"]["schemas"][body.rsplit("/", 1)[1]]["properties"]
    assert {"count", "outlets", "independent_origins", "by_day", "tellings"} <= set(shape)
