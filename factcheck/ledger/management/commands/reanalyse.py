"""python manage.py reanalyse [--corroboration] [ID...]: redo work for many records at once.

Finds suggestions again in the current articles (after the engine or the actor table changed),
or with --corroboration recomputes every claim's corroboration; in chunks, as background jobs
when a broker is configured, else here.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from factcheck.ledger.models import Claim
from factcheck.ledger.tasks import corroboration_recompute_many, suggestions_reanalyse_all


class Command(BaseCommand):
    help = "Find suggestions again in the current articles, or recompute corroboration."

    def add_arguments(self, parser):
        parser.add_argument(
            "ids", nargs="*", type=int, metavar="ID", help="Only these articles (or claims)."
        )
        parser.add_argument(
            "--corroboration",
            action="store_true",
            help="Recompute the corroboration of claims instead.",
        )

    def handle(self, *args, ids, corroboration, **options):
        if corroboration:
            count = corroboration_recompute_many(
                ids or Claim.objects.values_list("pk", flat=True).order_by("pk")
            )
            self.stdout.write(f"queued corroboration of {count} claim(s)")
        else:
            count = suggestions_reanalyse_all(ids or None)
            self.stdout.write(f"queued suggestions of {count} article(s)")
