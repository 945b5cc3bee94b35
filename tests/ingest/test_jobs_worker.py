"""Jobs on the queue: a feed of 200 entries imported in the background, item by item.

With a broker configured (REDIS_URL) this runs a real Celery worker; without one the same
tasks run in-process, as in the demo.
"""

from __future__ import annotations

import time

import pytest

from factcheck.ledger.models import Article, FeedSubscription, ImportJob
from factcheck.ledger.services.jobs import ImportTarget, import_job_create, import_job_progress
from factcheck.ledger.tasks import feed_run, import_job_start
from tests.ingest.conftest import BIG_FEED_ITEMS

WAIT_SECONDS = 300


def wait_for(check):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("timed out waiting for the worker")


def wait_until_done(job: ImportJob) -> ImportJob:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status == "done":
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job.pk} not done: {import_job_progress(job)}")


def test_a_feed_of_200_entries_is_imported_in_the_background(job_worker, site):
    job = import_job_create(targets=[ImportTarget(target=site.url("/big-feed.rss"))], label="f")
    import_job_start.delay(job.pk)
    job = wait_until_done(job)
    progress = import_job_progress(job)
    assert (progress.done, progress.total) == (BIG_FEED_ITEMS, BIG_FEED_ITEMS)
    assert progress.imported == BIG_FEED_ITEMS, list(
        job.items.filter(status="rejected").values_list("line", flat=True)[:3]
    )
    assert Article.objects.count() == BIG_FEED_ITEMS
    assert job.items.get(status="feed").line.endswith(f"{BIG_FEED_ITEMS} new")


def test_a_subscription_run_skips_what_it_imported_and_records_failures(job_worker, site):
    feed = FeedSubscription.objects.create(url=site.url("/feed.rss"))
    feed_run.delay(feed.pk)
    job = wait_until_done(wait_for(ImportJob.objects.filter(subscription=feed).first))
    feed.refresh_from_db()
    assert feed.last_run_at is not None and feed.next_run_at > feed.last_run_at
    assert feed.last_error == "" and feed.errors_in_a_row == 0
    assert "3 new: 2 imported, 0 unchanged, 1 rejected" in feed.last_result
    assert job.items.filter(status="imported").count() == 2

    feed_run.delay(feed.pk)  # the rejected (paywalled) entry is the only one tried again
    second = wait_for(ImportJob.objects.filter(subscription=feed).exclude(pk=job.pk).first)
    wait_until_done(second)
    assert second.items.count() == 1
    assert Article.objects.count() == 2

    broken = FeedSubscription.objects.create(url=site.url("/not-a-feed"))
    feed_run.delay(broken.pk)
    broken = wait_for(FeedSubscription.objects.filter(pk=broken.pk).exclude(last_error="").first)
    assert "not a feed" in broken.last_error and broken.errors_in_a_row == 1
    assert not ImportJob.objects.filter(subscription=broken).exists()


@pytest.mark.django_db
def test_run_feeds_runs_the_due_subscriptions_only(site, settings):
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    settings.FETCH_ALLOW_PRIVATE = True
    due = FeedSubscription.objects.create(url=site.url("/feed.rss"))
    later = FeedSubscription.objects.create(
        url=site.url("/feed.atom"), next_run_at=timezone.now() + timezone.timedelta(hours=1)
    )
    out = StringIO()
    call_command("run_feeds", stdout=out)
    due.refresh_from_db()
    later.refresh_from_db()
    assert due.last_run_at is not None and later.last_run_at is None
    assert site.url("/feed.rss") in out.getvalue()
