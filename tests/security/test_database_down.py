"""With the database unreachable the API answers JSON 503 and pages a plain 503, both with
Retry-After, instead of a 500."""

from __future__ import annotations

import pytest
from django.db import InterfaceError, OperationalError, connection
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def _down(error):
    def refuse(execute, sql, params, many, context):
        raise error("could not connect to server: Connection refused")

    return refuse


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
@pytest.mark.parametrize("path", ["/api/v1/claims/", "/api/v1/claims/1/", "/api/v1/events/"])
def test_the_api_answers_json_503(world, error, path):
    client = APIClient(raise_request_exception=False)
    with connection.execute_wrapper(_down(error)):
        response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"] == "application/json"
    assert "unavailable" in response.json()["detail"]


def test_an_api_write_answers_json_503(editor_api, world):
    with connection.execute_wrapper(_down(OperationalError)):
        response = editor_api.post("/api/v1/topics/", {"title": "T"}, format="json")
    assert response.status_code == 503
    assert "unavailable" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/", "/claims/1/", "/search/?q=drones"])
def test_pages_answer_a_plain_503(client, world, path):
    client.raise_request_exception = False
    with connection.execute_wrapper(_down(OperationalError)):
        response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Temporarily unavailable" in response.content.decode()


def test_other_errors_are_not_hidden_as_503(client, world):
    client.raise_request_exception = False
    with connection.execute_wrapper(_down(ValueError)):
        response = client.get("/")
    assert response.status_code == 500
