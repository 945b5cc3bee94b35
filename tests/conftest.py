"""Shared fixtures: users in each newsroom role, and the browser switch."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _own_export_dir(settings, tmp_path):
    # Kept exports are named by the clock's version, which every test's rollback reuses.
    settings.API_EXPORT_DIR = tmp_path / "exports"


@pytest.fixture(autouse=True)
def _clear_cache(settings, monkeypatch):
    from django.core.cache import cache, caches

    from factcheck.ledger.services import clock

    # Each test reads the clock its own writes left: no clock remembered from an earlier test
    # (whose rolled-back versions are reused), and none remembered unless a test asks.
    settings.PUBLIC_CLOCK_LOCAL_SECONDS = 0
    monkeypatch.setattr(clock, "_remembered", None)
    here = caches["kept-pages-here"]  # this process's copies of kept pages
    cache.clear()
    here.clear()
    yield
    cache.clear()
    here.clear()


@pytest.fixture
def editor(db):
    from tests.factories import UserFactory

    return UserFactory(editor=True, username="ed")


@pytest.fixture
def reviewer(db):
    from tests.factories import UserFactory

    return UserFactory(reviewer=True, username="rev")


@pytest.fixture
def superuser(db):
    from tests.factories import UserFactory

    return UserFactory(is_superuser=True, is_staff=True, username="root")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


# ---- API clients for each role (tests/api, tests/security) -----------------------------


def token_client(user):
    """An API client that authenticates with a fresh token of the user."""
    from knox.models import AuthToken
    from rest_framework.test import APIClient

    _, key = AuthToken.objects.create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def anon():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture
def editor_api(editor):
    return token_client(editor)


@pytest.fixture
def reviewer_api(reviewer):
    return token_client(reviewer)


@pytest.fixture
def outsider(db):
    """Signed in, but not newsroom staff: must be treated as anonymous."""
    from tests.factories import UserFactory

    return UserFactory(username="reader")


@pytest.fixture
def outsider_api(outsider):
    return token_client(outsider)


@pytest.fixture
def staff_without_role(db):
    """Staff (may open the admin) but in neither newsroom group: reads like a reader."""
    from tests.factories import UserFactory

    return UserFactory(username="staffer", is_staff=True)


@pytest.fixture
def staff_api(staff_without_role):
    return token_client(staff_without_role)


@pytest.fixture
def clients(anon, editor_api, reviewer_api, outsider_api):
    return {
        "anonymous": anon,
        "editor": editor_api,
        "reviewer": reviewer_api,
        "outsider": outsider_api,
    }


# ---- every API response the suite sees is checked against the published schema -----------

_SCHEMA = {}


def _openapi():
    """The OpenAPI document /api/schema/ serves, as an openapi-core validator (built once)."""
    if "api" not in _SCHEMA:
        import json

        from drf_spectacular.generators import SchemaGenerator
        from drf_spectacular.renderers import OpenApiJsonRenderer
        from openapi_core import Config, OpenAPI

        document = SchemaGenerator().get_schema(request=None, public=True)
        spec = json.loads(OpenApiJsonRenderer().render(document))
        config = Config(
            extra_media_type_deserializers={
                "application/ld+json": json.loads,
                "text/csv": lambda data, *args, **kwargs: (
                    data.decode() if isinstance(data, bytes) else data
                ),
            }
        )
        _SCHEMA["api"] = OpenAPI.from_dict(spec, config=config)
    return _SCHEMA["api"]


def validate_api_response(response) -> None:
    """Fail unless the response is what the schema documents for its operation and status."""
    from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
    from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound

    class Request(DjangoOpenAPIRequest):
        # Find the operation by the schema's path templates, not Django's route regex; the
        # request itself is not checked here (its body was read by the view already).
        path_pattern = None
        body = b""

    request = response.wsgi_request
    try:
        _openapi().validate_response(Request(request), DjangoOpenAPIResponse(response))
    except (PathNotFound, OperationNotFound):
        return  # a path or method the API does not have (404, 405): nothing documented
    except Exception as error:
        detail = getattr(error, "__cause__", None) or error
        raise AssertionError(
            f"{request.method} {request.get_full_path()} answered {response.status_code}, "
            f"which the schema does not allow: {detail}"
        ) from error


@pytest.fixture(autouse=True)
def _api_responses_match_the_schema(monkeypatch):
    from django.test.client import Client

    send = Client.request

    def request(self, **kwargs):
        response = send(self, **kwargs)
        path = getattr(response, "wsgi_request", None) and response.wsgi_request.path
        content_type = response.get("Content-Type", "")
        if path and path.startswith("/api/v1/") and not content_type.startswith("text/html"):
            validate_api_response(response)
        return response

    monkeypatch.setattr(Client, "request", request)


# ---- background jobs --------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _jobs_run_in_process():
    """Jobs run in the calling process unless a test asks for the real worker (below)."""
    from factcheck.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = True


@pytest.fixture
def job_worker(transactional_db, settings):
    """A real Celery worker on the broker when one is configured (CI sets REDIS_URL), else
    the in-process path; yields "worker" or "in-process". Tasks then see committed data only,
    hence the transactional database."""
    from celery.contrib.testing.worker import start_worker
    from celery.signals import task_postrun
    from django.db import connections

    from factcheck.celery import app

    settings.FETCH_ALLOW_PRIVATE = True
    if not settings.CELERY_BROKER_URL:
        yield "in-process"
        return

    def close_connections(**kwargs):
        # The worker thread's connections must not outlive the test database.
        connections.close_all()

    task_postrun.connect(close_connections, weak=False)
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
            yield "worker"
    finally:
        app.conf.task_always_eager = True
        task_postrun.disconnect(close_connections)
