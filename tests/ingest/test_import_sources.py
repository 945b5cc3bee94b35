"""The importer behind the command, the admin and the API takes pages, feeds, ninjs and text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.ledger.models import Article, ImportJob, Suggestion
from factcheck.ledger.services.articles import article_import, url_import
from factcheck.ledger.services.jobs import (
    ImportTarget,
    import_job_create,
    import_job_item_run,
    import_job_pending,
    import_job_progress,
    targets_from_file,
)

NINJS = Path(__file__).parent / "ninjs"
PAGES = Path(__file__).parent / "pages"
ARTICLE_PATH = "/world/2026/03/04/port-strike-baltic"


@pytest.fixture(autouse=True)
def _loopback(settings):
    """The test server is on 127.0.0.1: open loopback, as only tests do."""
    settings.FETCH_ALLOW_PRIVATE = True
    settings.FETCH_TIMEOUT = 2


def run_job(job: ImportJob) -> None:
    queue = import_job_pending(job)
    while queue:
        queue.extend(import_job_item_run(item_id=queue.pop(0)))


def test_a_pasted_url_becomes_an_article_with_its_suggestions(
    db, site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        [result] = url_import(url=site.url(ARTICLE_PATH))
    assert result.status == "imported", result.line
    article = result.article
    # The page's canonical URL (relative in its markup) is the origin.
    assert article.origin == site.url(ARTICLE_PATH)
    assert article.source.name == "The Harbour Gazette"
    article.refresh_from_db()
    assert article.analysed_at is not None
    assert Suggestion.objects.filter(article=article).exists()


def test_the_same_story_fetched_twice_is_unchanged(db, site):
    url_import(url=site.url(ARTICLE_PATH))
    # Fetched again through a redirect: the same canonical URL and text.
    [again] = url_import(url=site.url("/old-link"))
    assert again.status == "unchanged"
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/nowhere", "not found"),
        ("/", "not an article"),
        ("/premium/operators-offer", "not an article"),
        ("/slow", "timeout"),
        ("/huge", "too large"),
        ("/to-private", "private address"),
        ("/to-file", "not a web address"),
    ],
)
def test_bad_urls_are_rejected_with_the_reason_and_store_nothing(db, site, settings, path, reason):
    settings.FETCH_MAX_BYTES = 200_000
    settings.FETCH_ALLOWED_NETWORKS = []
    if path == "/to-private":
        settings.FETCH_ALLOW_PRIVATE = False
        settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    [result] = url_import(url=site.url(path))
    assert result.status == "rejected"
    assert reason in result.reason
    assert Article.objects.count() == 0


def test_a_loopback_address_is_refused_unless_the_setting_allows_it(db, site, settings):
    settings.FETCH_ALLOW_PRIVATE = False
    [result] = url_import(url=site.url(ARTICLE_PATH))
    assert result.status == "rejected"
    assert "private address" in result.reason and "loopback" in result.reason
    assert Article.objects.count() == 0


def test_an_unreachable_host_is_rejected_as_retriable(db):
    # Port 9 (discard) on loopback: nothing listens there.
    [result] = url_import(url="http://127.0.0.1:9/story")
    assert result.status == "rejected" and result.retriable
    assert "unreachable" in result.reason


def test_an_uploaded_saved_page_is_imported_under_its_canonical_url(db, site):
    data = (PAGES / "article.html").read_text().replace("{base}", site.base).encode()
    result = article_import(data=data, origin="saved.html")
    assert result.status == "imported"
    assert result.article.origin.startswith("https://harbourgazette.example/")


def test_a_ninjs_list_imports_its_story_and_rejects_the_picture_and_the_bodiless_item(db):
    data = (NINJS / "items_2x.json").read_bytes()
    targets = targets_from_file(data=data, name="wire.json")
    assert len(targets) == 3
    job = import_job_create(targets=targets, label="wire.json")
    run_job(job)
    statuses = list(job.items.order_by("position").values_list("status", flat=True))
    assert statuses == ["imported", "rejected", "rejected"]
    reasons = list(job.items.filter(status="rejected").values_list("reason", flat=True))
    assert "a picture, not text" in reasons[0]
    assert reasons[1].startswith("no body")
    assert Article.objects.count() == 1
    assert Article.objects.get().origin == "urn:newsml:wire.example:20260306:ferry-fire-update"
    job.refresh_from_db()
    progress = import_job_progress(job)
    assert (progress.done, progress.total, progress.imported, progress.rejected) == (3, 3, 1, 2)
    assert progress.finished


def test_a_ninjs_item_without_body_is_rejected(db):
    item = json.dumps({"uri": "urn:x:1", "type": "text", "headline": "No body here"}).encode()
    result = article_import(data=item, origin="one.json")
    assert result.status == "rejected"
    assert "body" in result.reason
    assert Article.objects.count() == 0


def test_a_file_of_the_wrong_type_is_rejected(db):
    result = article_import(data=b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", origin="report.pdf")
    assert result.status == "rejected"
    assert "wrong type of file" in result.reason and "PDF" in result.reason


def test_a_feed_url_imports_each_entry_and_skips_them_next_time(db, site):
    job = import_job_create(targets=[ImportTarget(target=site.url("/feed.rss"))], label="feed")
    run_job(job)
    job.refresh_from_db()
    assert job.status == "done"
    lines = {item.status: item.line for item in job.items.all()}
    assert lines["feed"].endswith("3 entries, 3 new")
    by_target = {item.target: item for item in job.items.exclude(status="feed")}
    assert by_target[site.url(ARTICLE_PATH)].status == "imported"
    # The paywalled entry is a login page: rejected, stored nothing.
    assert by_target[site.url("/premium/operators-offer")].status == "rejected"
    count = Article.objects.count()

    again = import_job_create(targets=[ImportTarget(target=site.url("/feed.rss"))], label="feed")
    run_job(again)
    feed_item = again.items.get(status="feed")
    # The two imported entries are skipped; the rejected one is tried again.
    assert feed_item.line.endswith("3 entries, 1 new")
    assert Article.objects.count() == count


def test_a_feed_that_is_not_xml_is_rejected(db, site):
    from factcheck.ingest import ParseError
    from factcheck.ledger.services.articles import feed_fetch

    with pytest.raises(ParseError, match="not a feed"):
        feed_fetch(site.url("/not-a-feed"))


def test_an_editor_pastes_a_url_in_the_admin_and_gets_the_article_with_suggestions(
    site, editor_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/admin/ledger/article/import/", {"url": site.url(ARTICLE_PATH), "source": ""}
        )
    assert response.status_code == 302
    job = ImportJob.objects.get()
    page = editor_client.get(response["Location"]).content.decode()
    assert f"imported {site.url(ARTICLE_PATH)}" in page
    article = Article.objects.get()
    assert job.items.get().article == article
    assert Suggestion.objects.filter(article=article).exists()


def test_a_network_failure_is_retried_then_rejected(db):
    from factcheck.ledger.tasks import import_job_item

    job = import_job_create(targets=[ImportTarget(target="http://127.0.0.1:9/story")], label="x")
    import_job_item.delay(job.items.get().pk)
    item = job.items.get()
    assert (item.status, item.attempts) == ("rejected", 3)
    assert "unreachable" in item.reason
    assert Article.objects.count() == 0


def test_the_command_shows_a_progress_bar_only_when_asked_or_on_a_terminal(db, tmp_path):
    from io import StringIO

    from django.core.management import call_command

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    out, err = StringIO(), StringIO()
    call_command("import_articles", str(seeds), progress=True, stdout=out, stderr=err)
    assert out.getvalue().count("imported ") == 2
    assert "2 of 2: 2 imported, 0 unchanged, 0 rejected" in err.getvalue()
    out, err = StringIO(), StringIO()
    call_command("import_articles", str(seeds), progress=False, stdout=out, stderr=err)
    assert out.getvalue().count("unchanged ") == 2 and err.getvalue() == ""
