"""The API's browsable HTML pages show to staff only; anyone else asking for HTML gets JSON."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HTML = {"HTTP_ACCEPT": "text/html,application/xhtml+xml"}


@pytest.mark.parametrize("path", ["/api/v1/claims/", "/api/v1/topics/", "/api/v1/claims/999/"])
def test_anonymous_html_requests_get_json(anon, world, path):
    response = anon.get(path, **HTML)
    assert response["Content-Type"] == "application/json"
    response.json()


def test_a_signed_in_reader_without_staff_gets_json(world):
    client = APIClient()
    client.force_login(UserFactory())
    response = client.get("/api/v1/claims/", **HTML)
    assert response["Content-Type"] == "application/json"


def test_an_anonymous_write_refused_in_html_is_json(anon, world):
    response = anon.post("/api/v1/topics/", {"title": "T"}, format="json", **HTML)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"


def test_staff_get_the_browsable_page(editor, world):
    client = APIClient()
    client.force_login(editor)
    response = client.get("/api/v1/claims/", **HTML)
    assert response["Content-Type"].startswith("text/html")
