"""Background tasks (Celery). Each is idempotent: running one twice does no harm.

With a broker they run on `celery -A factcheck worker`; without one (no REDIS_URL) Celery
runs them in the calling process (CELERY_TASK_ALWAYS_EAGER), so the code path is the same.
"""

from __future__ import annotations

from collections.abc import Iterable

from celery import shared_task
from django.db import transaction

from .models import Article, FeedSubscription, ImportJob
from .services.articles import article_analyse
from .services.corroboration import claims_refresh
from .services.feeds import feed_subscription_run, feeds_due
from .services.jobs import (
    MAX_ATTEMPTS,
    RetryLater,
    import_job_finish_if_done,
    import_job_item_run,
    import_job_pending,
)

RETRY_SECONDS = 30
# Articles or claims handled per task when a batch is split.
CHUNK = 200


@shared_task(bind=True, max_retries=MAX_ATTEMPTS - 1)
def import_job_item(self, item_id: int) -> None:
    """Run one item of an import job; retry a network failure later (with back-off)."""
    try:
        added = import_job_item_run(
            item_id=item_id, final_attempt=self.request.retries >= self.max_retries
        )
    except RetryLater as err:
        if self.request.is_eager:
            # In-process there is no queue to come back to later: try again now.
            self.apply(args=(item_id,), retries=self.request.retries + 1)
            return
        raise self.retry(countdown=RETRY_SECONDS * 2**self.request.retries, exc=err) from None
    for pk in added:
        import_job_item.delay(pk)


@shared_task
def import_job_start(job_id: int) -> None:
    """Queue every pending item of a job (a job of no items is done at once)."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None:
        return
    pending = import_job_pending(job)
    if not pending:
        import_job_finish_if_done(job_id=job_id)
    for pk in pending:
        import_job_item.delay(pk)


def job_start_on_commit(job: ImportJob) -> None:
    """Start the job once the transaction that created it is committed."""
    transaction.on_commit(lambda: import_job_start.delay(job.pk))


@shared_task
def feed_run(subscription_id: int) -> None:
    """Run one feed subscription now: fetch it and import its new entries."""
    subscription = (
        FeedSubscription.objects.select_related("source").filter(pk=subscription_id).first()
    )
    if subscription is None:
        return
    job = feed_subscription_run(subscription=subscription)
    if job is not None:
        import_job_start.delay(job.pk)


@shared_task
def feeds_run_due() -> None:
    """The scheduler's tick: run every subscription that is due."""
    for pk in feeds_due().values_list("pk", flat=True):
        feed_run.delay(pk)


@shared_task
def suggestions_reanalyse(article_ids: list[int]) -> None:
    """Find suggestions again in these articles (after the engine or the actor table changed)."""
    for pk in article_ids:
        article_analyse(article_id=pk)


@shared_task
def corroboration_recompute(claim_ids: list[int]) -> None:
    """Recompute the corroboration of these claims and of every claim they touch."""
    claims_refresh(claim_ids=claim_ids)


def in_chunks(ids: Iterable[int]) -> list[list[int]]:
    ids = list(ids)
    return [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]


def suggestions_reanalyse_all(article_ids: Iterable[int] | None = None) -> int:
    """Queue a re-analysis of these articles (all current ones by default); return how many."""
    if article_ids is None:
        article_ids = Article.objects.current().values_list("pk", flat=True)
    chunks = in_chunks(article_ids)
    for chunk in chunks:
        suggestions_reanalyse.delay(chunk)
    return sum(map(len, chunks))


def corroboration_recompute_many(claim_ids: Iterable[int]) -> int:
    """Queue a recompute of these claims' corroboration; return how many."""
    chunks = in_chunks(claim_ids)
    for chunk in chunks:
        corroboration_recompute.delay(chunk)
    return sum(map(len, chunks))
