"""The "Import articles" admin page: several files at once, one result line per file."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from factcheck.ledger.models import Article
from tests.admin.conftest import SEEDS

pytestmark = pytest.mark.django_db
URL = "/admin/ledger/article/import/"


def seed_file():
    path = next(SEEDS.glob("000_*.txt"))
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/plain")


def test_the_page_is_linked_from_the_article_list(editor_client):
    assert URL.encode() in editor_client.get("/admin/ledger/article/").content


def test_a_good_file_is_imported(editor_client):
    response = editor_client.post(URL, {"files": [seed_file()], "source": "The Independent"})
    assert response.status_code == 200
    [result] = response.context["results"]
    assert result.status == "imported" and result.line.startswith("imported 000_")
    assert result.line.encode() in response.content
    article = Article.objects.get()
    assert article.wire_agency == "AP" and article.source.name == "The Independent"


def test_a_bad_file_is_rejected_with_its_reason(editor_client):
    bad = SimpleUploadedFile("no-header.txt", b"Just some text without a date line.\n")
    response = editor_client.post(URL, {"files": [bad]})
    [result] = response.context["results"]
    assert result.status == "rejected" and "no-header.txt" in result.line
    assert b"rejected no-header.txt" in response.content and not Article.objects.exists()


def test_a_mix_imports_the_good_and_names_the_bad(
    editor_client, django_capture_on_commit_callbacks
):
    from factcheck.ledger.models import ImportJob

    files = [
        SimpleUploadedFile("empty.txt", b""),
        seed_file(),
        SimpleUploadedFile("bad-date.txt", b" date 2026-02-30 Text.\n"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(URL, {"files": files})
    assert response.status_code == 302  # a batch is a job, followed on its own page
    job = ImportJob.objects.get()
    statuses = list(job.items.order_by("position").values_list("status", flat=True))
    assert statuses == ["rejected", "imported", "rejected"]
    assert Article.objects.count() == 1
    again = editor_client.post(URL, {"files": [seed_file()]})
    assert [r.status for r in again.context["results"]] == ["unchanged"]


def test_people_outside_the_newsroom_cannot_import(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True))
    assert client.post(URL, {"files": [seed_file()]}).status_code == 403
    assert not Article.objects.exists()
