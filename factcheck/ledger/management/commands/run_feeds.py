"""python manage.py run_feeds [--loop SECONDS]: run the feed subscriptions that are due.

For setups without the Celery scheduler (`celery -A factcheck beat`): call it from cron, or
leave it running with --loop. Each due feed is fetched and its new entries imported as a job
(on the workers when a broker is configured, else here).
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from factcheck.ledger.services.feeds import feed_subscription_run, feeds_due
from factcheck.ledger.tasks import import_job_start


class Command(BaseCommand):
    help = "Run the feed subscriptions that are due (once, or every SECONDS with --loop)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop",
            type=int,
            default=0,
            metavar="SECONDS",
            help="Keep running, looking for due feeds every SECONDS.",
        )

    def handle(self, *args, loop, **options):
        while True:
            self.run_due()
            if loop <= 0:
                return
            time.sleep(loop)

    def run_due(self) -> None:
        for subscription in feeds_due().select_related("source"):
            job = feed_subscription_run(subscription=subscription)
            if job is None:
                self.stdout.write(
                    self.style.ERROR(f"failed {subscription.url}: {subscription.last_error}")
                )
                continue
            import_job_start.delay(job.pk)
            subscription.refresh_from_db(fields=["last_result"])
            self.stdout.write(f"ran {subscription.url}: {subscription.last_result}")
