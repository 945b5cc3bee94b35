"""Import jobs: a batch of files, URLs or a feed's entries, imported item by item.

A job is created with its items (``import_job_create``); each item is then run on its own
(``import_job_item_run``) by a Celery worker or, without a broker, in the process that asked.
Running an item is idempotent: an item that has its result is never run again. A failed item
stores nothing of itself and never stops the others. A URL that serves a feed adds the feed's
new entries to the job as items.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from factcheck.ingest import ParseError
from factcheck.ingest.documents import detect_format
from factcheck.ingest.feeds import Feed

from ..choices import ImportItemStatus, ImportJobStatus
from ..models import Article, FeedSubscription, ImportJob, ImportJobItem
from .articles import ImportResult, file_import, rejected, url_import

# What counts as done for an item, and what a feed entry already imported looks like.
DONE_STATUSES = (ImportItemStatus.IMPORTED, ImportItemStatus.UNCHANGED, ImportItemStatus.REJECTED)
# Tries of a URL item whose fetch failed for a reason that may pass (network, 5xx, 429).
MAX_ATTEMPTS = 3
# Items a job run in one process commits together (one transaction instead of one each).
IMPORT_CHUNK = 50


@dataclass(frozen=True)
class ImportTarget:
    """One thing to import: a file's bytes, or a URL (payload None)."""

    target: str
    payload: bytes | None = None
    content_type: str = ""
    feed_key: str = ""
    published_hint: dt.date | None = None  # from a feed entry


@dataclass(frozen=True)
class JobProgress:
    """How far a job is: items done of items, and the totals by result."""

    done: int
    total: int
    imported: int
    unchanged: int
    rejected: int
    finished: bool

    def as_dict(self) -> dict:
        return {
            "done": self.done,
            "total": self.total,
            "imported": self.imported,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "finished": self.finished,
        }


def targets_from_file(*, data: bytes, name: str, content_type: str = "") -> list[ImportTarget]:
    """Split an uploaded file into items: a ninjs list item by item, any other file as itself
    (its errors are reported when it runs; a feed adds its entries then)."""
    try:
        kind = detect_format(data, filename=name, content_type=content_type)
    except ParseError:
        kind = ""
    if kind == "ninjs":
        try:
            items = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            items = None
        if isinstance(items, list) and len(items) > 1:
            return [
                ImportTarget(
                    target=f"{name}#{position}",
                    payload=json.dumps(item).encode("utf-8"),
                    content_type="application/json",
                )
                for position, item in enumerate(items, start=1)
            ]
    return [ImportTarget(target=name, payload=data, content_type=content_type)]


def feed_targets(feed: Feed) -> list[ImportTarget]:
    """A feed's entries not imported before, as URL items (entries without a link included, so
    they are reported)."""
    keys = [entry.key for entry in feed.items if entry.key]
    links = [entry.link for entry in feed.items if entry.link]
    seen = set(
        ImportJobItem.objects.filter(
            feed_key__in=keys,
            status__in=[ImportItemStatus.IMPORTED, ImportItemStatus.UNCHANGED],
        ).values_list("feed_key", flat=True)
    ) | set(Article.objects.filter(origin__in=links).values_list("origin", flat=True))
    targets, queued = [], set()
    for entry in feed.items:
        if entry.key in seen or entry.link in seen or (entry.key and entry.key in queued):
            continue
        queued.add(entry.key)
        targets.append(
            ImportTarget(
                target=entry.link or entry.key or feed.title or "(feed entry)",
                feed_key=entry.key,
                published_hint=entry.published.date() if entry.published else None,
            )
        )
    return targets


@transaction.atomic
def import_job_create(
    *,
    targets: Iterable[ImportTarget],
    label: str,
    source_name: str = "",
    user=None,
    subscription: FeedSubscription | None = None,
) -> ImportJob:
    """A queued job with one item per target, in order."""
    job = ImportJob.objects.create(
        label=label[:300],
        source_name=source_name[:200],
        created_by=user if user is not None and user.is_authenticated else None,
        subscription=subscription,
    )
    _items_add(job, targets, start=1)
    return job


def _items_add(job: ImportJob, targets: Iterable[ImportTarget], *, start: int) -> list[int]:
    items = ImportJobItem.objects.bulk_create(
        [
            ImportJobItem(
                job=job,
                position=position,
                target=t.target[:1000],
                payload=t.payload,
                content_type=t.content_type[:200],
                feed_key=t.feed_key[:1000],
                published_hint=t.published_hint,
            )
            for position, t in enumerate(targets, start=start)
        ]
    )
    if not any(item.pk is None for item in items):
        return [item.pk for item in items]
    # Databases that do not return ids from bulk inserts: read them back.
    return list(
        job.items.filter(position__gte=start).order_by("position").values_list("pk", flat=True)
    )


def import_job_pending(job: ImportJob) -> list[int]:
    """Ids of the job's items without a result, in order."""
    return list(
        job.items.filter(status=ImportItemStatus.PENDING)
        .order_by("position")
        .values_list("pk", flat=True)
    )


class RetryLater(Exception):
    """The item's fetch failed for a reason that may pass; the queue tries it again."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def import_job_item_run(*, item_id: int, final_attempt: bool = True) -> list[int]:
    """Run one item (idempotent): store its article and its result line; return the ids of
    items it added (a feed's entries).

    A retriable network failure raises RetryLater unless final_attempt: the item stays pending,
    stores nothing, and counts the attempt.
    """
    added: list[int] = []
    with transaction.atomic():
        item = (
            ImportJobItem.objects.select_for_update()
            .select_related("job")
            .filter(pk=item_id)
            .first()
        )
        if item is None or item.status != ImportItemStatus.PENDING:
            return []
        job = item.job
        if job.status == ImportJobStatus.QUEUED:
            ImportJob.objects.filter(pk=job.pk, status=ImportJobStatus.QUEUED).update(
                status=ImportJobStatus.RUNNING
            )
        item.attempts += 1
        outcome = _item_import(item)
        if isinstance(outcome, Feed):
            added = _feed_expand(item, outcome)
        elif _retry_later(outcome, item=item, final_attempt=final_attempt):
            item.save(update_fields=["attempts"])
            retry_reason = outcome[0].reason
        else:
            _record(item, outcome)
        if item.status != ImportItemStatus.PENDING:
            item.payload = None
            item.finished_at = timezone.now()
            fields = ["status", "line", "reason", "article", "payload", "attempts", "finished_at"]
            item.save(update_fields=fields)
    if item.status == ImportItemStatus.PENDING:
        raise RetryLater(retry_reason)
    import_job_finish_if_done(job_id=item.job_id)
    return added


def import_job_run_here(
    job: ImportJob, *, chunk: int = IMPORT_CHUNK, after_chunk: Callable[[bool], None] | None = None
) -> None:
    """Run the job's pending items in this process, committing every ``chunk`` items.

    Each item is its own savepoint inside the chunk's transaction: a rejected item stores
    nothing of itself, as before, and the others go on. An item that raises (a bug, the
    database gone) is rolled back alone; the items before it in its chunk are committed, then
    the error goes up and the rest stay pending for the next run. Suggestions are found once
    the chunk commits (``on_commit``), one article after another. ``after_chunk(final)`` runs
    after each commit (the command prints the chunk's lines).
    """
    if chunk < 1:
        raise ValueError(f"chunk must be at least 1 (got {chunk}).")
    queue = import_job_pending(job)
    if not queue:
        import_job_finish_if_done(job_id=job.pk)
    while queue:
        failure = None
        with transaction.atomic():
            for _ in range(min(chunk, len(queue))):
                try:
                    queue.extend(import_job_item_run(item_id=queue.pop(0)))
                except Exception as error:  # the chunk so far is committed, then it goes up
                    failure = error
                    break
        if after_chunk is not None:
            after_chunk(failure is None and not queue)
        if failure is not None:
            raise failure


def _item_import(item: ImportJobItem) -> list[ImportResult] | Feed:
    """Import what the item names: an uploaded file's bytes, or a URL."""
    source_name = item.job.source_name
    if item.payload is not None:
        return file_import(
            data=bytes(item.payload),
            name=item.target,
            source_name=source_name,
            content_type=item.content_type,
        )
    if item.target.startswith(("http://", "https://")):
        return url_import(
            url=item.target, source_name=source_name, fallback_published=item.published_hint
        )
    return [rejected(item.target, "the feed entry has no link to fetch")]


def _feed_expand(item: ImportJobItem, feed: Feed) -> list[int]:
    """A feed read by an item: its new entries become the job's next items."""
    if item.feed_key:  # a feed's entry must be a page, not another feed
        _record(item, [rejected(item.target, "the entry links to another feed, not a page")])
        return []
    targets = feed_targets(feed)
    last = item.job.items.aggregate(last=Max("position"))["last"] or 0
    item.status = ImportItemStatus.FEED
    item.line = f"feed {item.target}: {len(feed.items)} entries, {len(targets)} new"
    return _items_add(item.job, targets, start=last + 1)


def _retry_later(results: list[ImportResult], *, item: ImportJobItem, final_attempt: bool) -> bool:
    return (
        not final_attempt
        and item.attempts < MAX_ATTEMPTS
        and len(results) == 1
        and results[0].retriable
    )


def _record(item: ImportJobItem, results: list[ImportResult]) -> None:
    """Put an item's results on it: a file of several articles reports each on its line."""
    if not results:
        item.status, item.reason = ImportItemStatus.REJECTED, "nothing to import"
        item.line = f"rejected {item.target}: nothing to import"
        return
    order = ("rejected", "imported", "unchanged")
    worst = min((r.status for r in results), key=order.index)
    item.status = worst
    item.line = "\n".join(r.line for r in results)
    item.reason = "; ".join(r.reason for r in results if r.reason)
    item.article = next((r.article for r in results if r.article is not None), None)


def import_job_progress(job: ImportJob) -> JobProgress:
    """The job's totals, in one query whatever its size."""
    counts = job.items.exclude(status=ImportItemStatus.FEED).aggregate(
        total=Count("pk"),
        imported=Count("pk", filter=Q(status=ImportItemStatus.IMPORTED)),
        unchanged=Count("pk", filter=Q(status=ImportItemStatus.UNCHANGED)),
        rejected=Count("pk", filter=Q(status=ImportItemStatus.REJECTED)),
        pending=Count("pk", filter=Q(status=ImportItemStatus.PENDING)),
    )
    done = counts["imported"] + counts["unchanged"] + counts["rejected"]
    return JobProgress(
        done=done,
        total=counts["total"],
        imported=counts["imported"],
        unchanged=counts["unchanged"],
        rejected=counts["rejected"],
        finished=job.status == ImportJobStatus.DONE,
    )


def import_job_finish_if_done(*, job_id: int) -> bool:
    """Mark the job done once no item is pending (once, whichever worker gets there first)."""
    if ImportJobItem.objects.filter(job_id=job_id, status=ImportItemStatus.PENDING).exists():
        return False
    finished = (
        ImportJob.objects.filter(pk=job_id)
        .exclude(status=ImportJobStatus.DONE)
        .update(status=ImportJobStatus.DONE, finished_at=timezone.now())
    )
    if finished:
        job = ImportJob.objects.select_related("subscription").get(pk=job_id)
        if job.subscription is not None:
            progress = import_job_progress(job)
            job.subscription.last_result = (
                f"{progress.total} new: {progress.imported} imported, "
                f"{progress.unchanged} unchanged, {progress.rejected} rejected (job {job.pk})"
            )
            job.subscription.save(update_fields=["last_result"])
    return bool(finished)
