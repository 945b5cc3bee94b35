"""`manage.py api_token`: an editor's token for scripts (and the CI contract run)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db


def _token(*args) -> str:
    out = io.StringIO()
    call_command("api_token", *args, stdout=out)
    return out.getvalue().strip()


def test_it_creates_an_editor_once_and_prints_the_same_token():
    first, second = _token(), _token()
    assert first == second
    token = Token.objects.select_related("user").get(key=first)
    assert token.user.username == "api-editor"
    assert token.user.is_staff and not token.user.has_usable_password()
    assert token.user.groups.filter(name="Editor").exists()


def test_the_token_writes_through_the_api(client):
    key = _token("--username", "script")
    response = client.post(
        "/api/v1/topics/",
        {"title": "Kyiv joins NATO"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert response.status_code == 201


def test_unknown_api_paths_answer_json_even_for_writes(client):
    response = client.post("/api/v1/nothing/here/", {}, content_type="application/json")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
