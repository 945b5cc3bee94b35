"""Every response carries a Content-Security-Policy with no inline script, and pages keep to it."""

from __future__ import annotations

import re

import pytest

from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def inline_scripts(html: str) -> list[str]:
    """Script tags that would run code written in the page (not a file, not a JSON data block)."""
    return [
        attrs
        for attrs in SCRIPT_TAG.findall(html)
        if "src=" not in attrs and "application/json" not in attrs
    ]


@pytest.fixture
def claim():
    return ClaimFactory(published=True)


def test_the_policy_allows_no_inline_script(client):
    directives = policy(client.get("/"))
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_pages_carry_the_policy_and_no_inline_script(client, editor, claim, who):
    if who == "editor":
        client.force_login(editor)
    urls = [
        "/",
        f"/articles/{claim.article_id}/",
        f"/claims/{claim.pk}/",
        "/search/?q=the",
        "/api/docs/",
        "/api/v1/claims/",
    ]
    if who == "anonymous":
        urls.append("/admin/login/")
    else:
        urls += [
            "/admin/",
            f"/admin/ledger/article/{claim.article_id}/change/",
            f"/admin/ledger/claim/{claim.pk}/change/",
        ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Content-Security-Policy" in response, url
        if response["Content-Type"].startswith("text/html"):
            assert inline_scripts(response.content.decode()) == [], url


def test_the_usual_headers_are_set(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
