"""POST /api/v1/articles/import/: the command's importer, as text or as a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db

SEED = sorted(Path(settings.BASE_DIR, "seeds").glob("*.txt"))[0]


def test_a_seed_file_is_imported_then_unchanged(editor_api):
    upload = SimpleUploadedFile(SEED.name, SEED.read_bytes(), content_type="text/plain")
    response = editor_api.post("/api/v1/articles/import/", {"file": upload}, format="multipart")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "imported"
    assert body["article"]["wire_agency"] == "AP"
    again = SimpleUploadedFile(SEED.name, SEED.read_bytes(), content_type="text/plain")
    response = editor_api.post("/api/v1/articles/import/", {"file": again}, format="multipart")
    assert response.status_code == 200
    assert response.json()["status"] == "unchanged"


def test_text_can_be_sent_as_json(editor_api):
    response = editor_api.post(
        "/api/v1/articles/import/",
        {"text": SEED.read_text(encoding="utf-8"), "origin": "pasted.txt"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["article"]["origin"] == "pasted.txt"


def test_a_bad_file_is_a_400_with_the_reason(editor_api):
    upload = SimpleUploadedFile("bad.txt", b"no date line here\n\nJust text.")
    response = editor_api.post("/api/v1/articles/import/", {"file": upload}, format="multipart")
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == "rejected"
    assert body["reason"]
    assert body["article"] is None


def test_neither_file_nor_text_is_a_400(editor_api):
    response = editor_api.post("/api/v1/articles/import/", {}, format="json")
    assert response.status_code == 400
