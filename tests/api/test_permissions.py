"""Who may do what: anonymous, a signed-in reader, an editor and a reviewer × every endpoint."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "outsider", "editor", "reviewer")
READ = dict.fromkeys(ROLES, 200)
NEWSROOM_ONLY = {"anonymous": 404, "outsider": 404, "editor": 200, "reviewer": 200}


def write(editor: int, reviewer: int | None = None) -> dict[str, int]:
    return {
        "anonymous": 401,
        "outsider": 403,
        "editor": editor,
        "reviewer": editor if reviewer is None else reviewer,
    }


ARTICLE_TEXT = " date 2026-03-01 \n\nKyiv said talks would resume in March, officials said.\n"

# (name, method, path template, body, expected status per role)
CASES = [
    ("articles list", "get", "/api/v1/articles/", None, READ),
    ("article detail", "get", "/api/v1/articles/{w.article.pk}/", None, READ),
    (
        "article import",
        "post",
        "/api/v1/articles/import/",
        {"text": ARTICLE_TEXT, "origin": "matrix.txt", "source": "Matrix Times"},
        write(201),
    ),
    ("claims list", "get", "/api/v1/claims/", None, READ),
    ("published claim", "get", "/api/v1/claims/{w.published.pk}/", None, READ),
    ("draft claim", "get", "/api/v1/claims/{w.draft.pk}/", None, NEWSROOM_ONLY),
    ("claims csv", "get", "/api/v1/claims/export.csv", None, READ),
    ("claimreview feed", "get", "/api/v1/claims/claimreview/", None, READ),
    ("annotations", "get", "/api/v1/claims/annotations/", None, READ),
    ("claim match", "post", "/api/v1/claims/match/", {"text": "almost 400 drones"}, READ),
    (
        "claim create",
        "post",
        "/api/v1/claims/",
        {"article": "{w.article.pk}", "start": 0, "end": 9, "summary": "Overnight"},
        write(201),
    ),
    ("claim patch", "patch", "/api/v1/claims/{w.draft.pk}/", {"summary": "Changed"}, write(200)),
    ("claim put", "put", "/api/v1/claims/{w.draft.pk}/", {"summary": "Changed"}, write(405)),
    ("claim delete", "delete", "/api/v1/claims/{w.draft.pk}/", None, write(204)),
    ("claim submit", "post", "/api/v1/claims/{w.draft.pk}/submit/", {}, write(200)),
    ("claim publish", "post", "/api/v1/claims/{w.in_review.pk}/publish/", {}, write(403, 200)),
    ("claim send back", "post", "/api/v1/claims/{w.published.pk}/send-back/", {}, write(403, 200)),
    ("claim reject", "post", "/api/v1/claims/{w.in_review.pk}/reject/", {}, write(403, 200)),
    (
        "claim rate",
        "post",
        "/api/v1/claims/{w.published.pk}/rate/",
        {"rating": "accurate"},
        write(403, 200),
    ),
    ("actors list", "get", "/api/v1/actors/", None, READ),
    ("actor detail", "get", "/api/v1/actors/{w.actor.pk}/", None, READ),
    ("actor positions", "get", "/api/v1/actors/{w.actor.pk}/positions/", None, READ),
    ("actor create", "post", "/api/v1/actors/", {"name": "Kaja Kallas"}, write(201)),
    (
        "actor patch",
        "patch",
        "/api/v1/actors/{w.actor.pk}/",
        {"role": "Foreign minister"},
        write(200),
    ),
    ("actor delete", "delete", "/api/v1/actors/{w.actor.pk}/", None, write(405)),
    ("events list", "get", "/api/v1/events/", None, READ),
    ("event detail", "get", "/api/v1/events/{w.event.pk}/", None, READ),
    (
        "event create",
        "post",
        "/api/v1/events/",
        {"name": "Geneva talks", "start": "2026-02-17", "kind": "talks"},
        write(201),
    ),
    ("event patch", "patch", "/api/v1/events/{w.event.pk}/", {"place": "Geneva"}, write(200)),
    ("event put", "put", "/api/v1/events/{w.event.pk}/", {"place": "Geneva"}, write(405)),
    ("topics list", "get", "/api/v1/topics/", None, READ),
    ("topic detail", "get", "/api/v1/topics/{w.topic.pk}/", None, READ),
    ("topic timeline", "get", "/api/v1/topics/{w.topic.pk}/timeline/", None, READ),
    ("topic create", "post", "/api/v1/topics/", {"title": "Kyiv joins NATO"}, write(201)),
    ("topic patch", "patch", "/api/v1/topics/{w.topic.pk}/", {"title": "Reworded"}, write(200)),
    ("topic delete", "delete", "/api/v1/topics/{w.topic.pk}/", None, write(405)),
    ("positions list", "get", "/api/v1/positions/", None, READ),
    ("position detail", "get", "/api/v1/positions/{w.position.pk}/", None, READ),
    (
        "position create",
        "post",
        "/api/v1/positions/",
        {
            "actor": "{w.subject.pk}",
            "topic": "{w.topic.pk}",
            "as_of": "2026-02-26",
            "stance": "opposes",
            "evidence": ["{w.other.pk}"],
        },
        write(201),
    ),
    ("position patch", "patch", "/api/v1/positions/{w.position.pk}/", {"strength": 3}, write(200)),
    ("position delete", "delete", "/api/v1/positions/{w.position.pk}/", None, write(204)),
    ("links list", "get", "/api/v1/links/", None, READ),
    ("link detail", "get", "/api/v1/links/{w.link.pk}/", None, READ),
    (
        "link create",
        "post",
        "/api/v1/links/",
        {"from_claim": "{w.other.pk}", "to_claim": "{w.in_review.pk}", "relation": "context"},
        write(201),
    ),
    ("link patch", "patch", "/api/v1/links/{w.link.pk}/", {"note": "Same AP copy"}, write(200)),
    ("link delete", "delete", "/api/v1/links/{w.link.pk}/", None, write(204)),
]


def _fill(value, world):
    if isinstance(value, str) and value.startswith("{w."):
        return int(value.format(w=world))
    if isinstance(value, list):
        return [_fill(v, world) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, world) for k, v in value.items()}
    return value


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("method", "path", "body", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_permission_matrix(clients, world, role, method, path, body, expected):
    client = clients[role]
    kwargs = {"format": "json"} if method != "get" else {}
    if method in ("patch", "put", "delete") or path.endswith(
        ("/submit/", "/publish/", "/send-back/", "/reject/", "/rate/")
    ):
        kwargs["HTTP_IF_MATCH"] = "*"
    response = getattr(client, method)(path.format(w=world), _fill(body, world), **kwargs)
    assert response.status_code == expected[role], response.content
    if response.status_code == 401:
        assert response["WWW-Authenticate"] == "Token"


def test_the_matrix_covers_every_route():

    from factcheck.api.urls import router

    covered = {(case[1], case[2].split("{")[0]) for case in CASES}
    assert len(CASES) >= len(router.urls) + 10
    assert ("post", "/api/v1/claims/") in covered


def test_a_session_write_needs_the_csrf_token(editor, world):
    from django.middleware.csrf import _get_new_csrf_string
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(
        "/api/v1/topics/", {"title": "Kyiv joins NATO"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    token = _get_new_csrf_string()
    client.cookies["csrftoken"] = token
    response = client.post(
        "/api/v1/topics/",
        {"title": "Kyiv joins NATO"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 201, response.content


def test_a_revoked_token_is_refused(editor, world):
    from knox.models import AuthToken

    from tests.conftest import token_client

    client = token_client(editor)
    AuthToken.objects.filter(user=editor).delete()
    response = client.get("/api/v1/claims/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_tokens_are_revoked_in_the_admin():
    from django.contrib import admin
    from knox.models import AuthToken

    assert AuthToken in admin.site._registry
