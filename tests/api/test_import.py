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


def test_a_url_is_accepted_as_a_job_that_reports_its_progress(
    editor_api, django_capture_on_commit_callbacks, monkeypatch
):
    from factcheck.ledger.services import jobs

    def fake_url_import(*, url, source_name="", fallback_published=None):
        from factcheck.ledger.services.articles import rejected

        return [rejected(url, "not found: it answered HTTP 404")]

    monkeypatch.setattr(jobs, "url_import", fake_url_import)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_api.post(
            "/api/v1/articles/import/", {"url": "https://outlet.example/story"}, format="json"
        )
    assert response.status_code == 202, response.content
    body = response.json()
    assert response["Location"] == body["url"]
    assert body["url"].endswith(f"/api/v1/import-jobs/{body['id']}/")
    job = editor_api.get(body["url"]).json()
    assert (job["status"], job["done"], job["total"], job["rejected"]) == ("done", 1, 1, 1)
    assert job["items"][0]["line"] == (
        "rejected https://outlet.example/story: not found: it answered HTTP 404"
    )


def test_a_ninjs_list_is_a_job_with_a_line_per_item(editor_api, django_capture_on_commit_callbacks):
    path = Path(settings.BASE_DIR, "tests/ingest/ninjs/items_2x.json")
    upload = SimpleUploadedFile("wire.json", path.read_bytes(), content_type="application/json")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_api.post("/api/v1/articles/import/", {"file": upload}, format="multipart")
    assert response.status_code == 202, response.content
    job = editor_api.get(response["Location"]).json()
    assert [i["status"] for i in job["items"]] == ["imported", "rejected", "rejected"]
    assert (job["done"], job["total"], job["imported"]) == (3, 3, 1)


def test_jobs_are_not_shown_to_readers(client, editor_api):
    from factcheck.ledger.models import ImportJob

    job = ImportJob.objects.create(label="x")
    assert client.get(f"/api/v1/import-jobs/{job.pk}/").status_code in (401, 403)
