"""The import page starts a job for a batch; the job page and its JSON follow it."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from factcheck.ledger.models import Article, FeedSubscription, ImportJob
from tests.admin.conftest import SEEDS
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
URL = "/admin/ledger/article/import/"


def seed_files():
    return [
        SimpleUploadedFile(p.name, p.read_bytes(), content_type="text/plain")
        for p in sorted(SEEDS.glob("*.txt"))
    ]


def test_several_files_become_a_job_whose_page_shows_each_line(
    editor_client, django_capture_on_commit_callbacks
):
    files = [*seed_files(), SimpleUploadedFile("bad.txt", b"no date here\n")]
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(URL, {"files": files})
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/ledger/importjob/{job.pk}/change/"
    page = editor_client.get(response["Location"])
    assert page.status_code == 200
    content = page.content.decode()
    assert '3</span> of <span class="job-total">3' in content
    assert "rejected bad.txt: no date header" in content
    assert content.count("imported 00") == 2
    assert "ledger/import_job.js" in content and "<script>" not in content
    assert Article.objects.count() == 2


def test_the_progress_json_reports_the_same_in_fixed_queries(
    editor_client, django_capture_on_commit_callbacks, django_assert_num_queries
):
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(URL, {"files": seed_files()})
    job = ImportJob.objects.get()
    url = f"/admin/ledger/importjob/{job.pk}/progress.json"
    editor_client.get(url)  # the session and user, cached for the counted request
    # session, user, user permissions, group permissions, job, items, progress counts
    with django_assert_num_queries(7):
        data = editor_client.get(url).json()
    assert (data["done"], data["total"], data["imported"], data["finished"]) == (2, 2, 2, True)
    assert [i["status"] for i in data["items"]] == ["imported", "imported"]
    assert data["items"][0]["article"].startswith("/admin/ledger/article/")


def test_people_who_cannot_import_do_not_see_jobs(client, editor_client):
    from tests.factories import UserFactory

    job = ImportJob.objects.create(label="x")
    client.force_login(UserFactory(is_staff=True))
    assert client.get(f"/admin/ledger/importjob/{job.pk}/change/").status_code == 403
    assert client.get(f"/admin/ledger/importjob/{job.pk}/progress.json").status_code == 403


def test_an_article_page_lists_its_copies(editor_client):
    one = ArticleFactory(title="First copy")
    two = ArticleFactory(title="Second copy", copy_of=one)
    content = editor_client.get(f"/admin/ledger/article/{one.pk}/change/").content.decode()
    assert f"/admin/ledger/article/{two.pk}/change/" in content and "Second copy" in content


def test_an_editor_subscribes_to_a_feed(editor_client):
    response = editor_client.post(
        "/admin/ledger/feedsubscription/add/",
        {"url": "https://outlet.example/feed.rss", "interval": "00:30:00", "active": "on"},
    )
    assert response.status_code == 302, response.content
    feed = FeedSubscription.objects.get()
    assert feed.interval.total_seconds() == 1800
    listing = editor_client.get("/admin/ledger/feedsubscription/").content.decode()
    assert "outlet.example/feed.rss" in listing


@pytest.mark.parametrize("count", [1, 20])
def test_the_job_page_runs_the_same_queries_for_1_or_20_items(
    editor_client, django_assert_num_queries, count
):
    from factcheck.ledger.services.jobs import ImportTarget, import_job_create

    targets = [
        ImportTarget(target=f"f{i}.txt", payload=b" date 2026-03-01 x") for i in range(count)
    ]
    job = import_job_create(targets=targets, label="batch")
    url = f"/admin/ledger/importjob/{job.pk}/change/"
    editor_client.get(url)
    # session, user, user and group permissions, job, items, progress counts
    with django_assert_num_queries(7):
        assert editor_client.get(url).status_code == 200


@pytest.mark.parametrize("count", [1, 20])
def test_the_job_list_runs_the_same_queries_for_1_or_20_jobs(
    editor_client, django_assert_num_queries, count
):
    from factcheck.ledger.services.jobs import ImportTarget, import_job_create

    for n in range(count):
        import_job_create(targets=[ImportTarget(target=f"{n}.txt", payload=b"x")], label="b")
    editor_client.get("/admin/ledger/importjob/")
    # session, user, user and group permissions, count, page of jobs with progress
    with django_assert_num_queries(6):
        response = editor_client.get("/admin/ledger/importjob/")
    assert response.status_code == 200
    assert response.content.decode().count("0 of 1") == count
