"""API tokens: stored hashed, shown once; from `manage.py api_token` or by signing in at
`/api/v1/auth/token/`, where repeated wrong passwords lock the account out (django-axes)."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.management import call_command
from knox.models import AuthToken

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TOKEN = "/api/v1/auth/token/"
RIGHT = "correct horse battery staple"


def _token(*args) -> str:
    out = io.StringIO()
    call_command("api_token", *args, stdout=out)
    return out.getvalue().strip()


def test_it_creates_an_editor_once_and_each_run_prints_a_new_token():
    first, second = _token(), _token()
    assert first != second
    tokens = AuthToken.objects.select_related("user")
    assert tokens.count() == 2 and {t.user.username for t in tokens} == {"api-editor"}
    user = tokens.first().user
    assert user.is_staff and not user.has_usable_password()
    assert user.groups.filter(name="Editor").exists()


def test_tokens_are_stored_hashed():
    key = _token()
    stored = AuthToken.objects.get()
    assert key not in (stored.digest, stored.token_key)
    assert stored.digest == hashlib.sha512(key.encode()).hexdigest()


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


@pytest.fixture
def account(settings):
    settings.AXES_FAILURE_LIMIT = 5
    user = UserFactory(editor=True, username="target")
    user.set_password(RIGHT)
    user.save()
    return user


def _sign_in(client, password, *, username="target", address="203.0.113.7"):
    return client.post(
        TOKEN,
        {"username": username, "password": password},
        content_type="application/json",
        REMOTE_ADDR=address,
    )


def test_signing_in_gives_a_token_shown_once(client, account):
    response = _sign_in(client, RIGHT)
    assert response.status_code == 201
    key = response.json()["token"]
    assert response.json()["expiry"]
    assert not AuthToken.objects.filter(digest=key).exists()
    topics = client.post(
        "/api/v1/topics/",
        {"title": "Kyiv joins NATO"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert topics.status_code == 201


def test_a_wrong_password_is_a_401(client, account):
    response = _sign_in(client, "wrong")
    assert response.status_code == 401
    assert AuthToken.objects.count() == 0


def test_an_account_outside_the_newsroom_gets_no_token(client):
    reader = UserFactory(username="reader")
    reader.set_password(RIGHT)
    reader.save()
    assert _sign_in(client, RIGHT, username="reader").status_code == 401


def test_repeated_failures_lock_token_sign_in_even_for_the_right_password(client, account):
    codes = [_sign_in(client, "wrong").status_code for _ in range(5)]
    assert codes == [401, 401, 401, 401, 429]  # the fifth failure locks
    response = _sign_in(client, RIGHT)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert "Too many failed sign-ins" in response.json()["detail"]
    assert int(response["Retry-After"]) > 0
    assert AuthToken.objects.count() == 0
    # Another address still signs in.
    assert _sign_in(client, RIGHT, address="198.51.100.9").status_code == 201


def test_failures_at_the_admin_and_the_api_count_together(client, account):
    for _ in range(3):
        client.post(
            "/admin/login/?next=/admin/",
            {"username": "target", "password": "wrong"},
            REMOTE_ADDR="203.0.113.7",
        )
    for _ in range(2):
        _sign_in(client, "wrong")
    assert _sign_in(client, RIGHT).status_code == 429
