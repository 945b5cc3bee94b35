"""Feeds the newsroom follows: each run fetches the feed and queues its new entries as a job."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from factcheck.ingest import ParseError

from ..models import FeedSubscription, ImportJob
from .articles import feed_fetch
from .jobs import feed_targets, import_job_create


def feeds_due(*, now: dt.datetime | None = None) -> QuerySet[FeedSubscription]:
    """Active subscriptions whose next run is due (never run, or its time has come)."""
    now = now or timezone.now()
    return FeedSubscription.objects.filter(active=True).filter(
        Q(next_run_at__isnull=True) | Q(next_run_at__lte=now)
    )


def feed_subscription_run(*, subscription: FeedSubscription) -> ImportJob | None:
    """Fetch the feed and make a job of its new entries (to be started by the caller).

    A feed that cannot be fetched or read records the error on the subscription and the next
    run is scheduled as usual; None is returned.
    """
    now = timezone.now()
    try:
        feed = feed_fetch(subscription.url)
    except ParseError as err:  # FetchError is a ParseError: network, status, not a feed
        _subscription_ran(
            subscription,
            now,
            error=str(err),
            errors_in_a_row=subscription.errors_in_a_row + 1,
            result="failed",
        )
        return None
    with transaction.atomic():
        targets = feed_targets(feed)
        job = import_job_create(
            targets=targets,
            label=f"feed {feed.title or subscription.url}",
            source_name=subscription.source.name if subscription.source_id else "",
            subscription=subscription,
        )
        _subscription_ran(
            subscription,
            now,
            error="",
            errors_in_a_row=0,
            result=f"{len(feed.items)} entries, {len(targets)} new (job {job.pk})",
        )
    return job


def _subscription_ran(
    subscription: FeedSubscription, now, *, error: str, errors_in_a_row: int, result: str
) -> None:
    """Record a run, failed or not, and schedule the next one."""
    subscription.last_run_at = now
    subscription.next_run_at = now + subscription.interval
    subscription.last_error = error
    subscription.errors_in_a_row = errors_in_a_row
    subscription.last_result = result
    subscription.save(
        update_fields=[
            "last_run_at",
            "next_run_at",
            "last_error",
            "errors_in_a_row",
            "last_result",
        ]
    )
