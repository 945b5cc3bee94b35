"""Recompute what the ledger derives from its records, for every record at once.

Everyday writes recompute only what they touch (a claim's neighbours, one actor's chain on one
topic). After a rule changes (what corroborates, how a position's change is classified), this
recomputes the whole ledger in bulk: a few reads, then batched UPDATEs with their history rows.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from factcheck.ledger.services.corroboration import corroboration_recompute_all
from factcheck.ledger.services.positions import positions_recompute_all


class Command(BaseCommand):
    help = __doc__.split("\n\n")[0]

    def add_arguments(self, parser):
        parser.add_argument(
            "--only",
            choices=("corroboration", "positions"),
            help="Recompute one of them (default: both).",
        )
        parser.add_argument("--batch-size", type=int, default=2000, help="Rows per UPDATE.")

    def handle(self, *args, only=None, batch_size=2000, **options):
        steps = {
            "corroboration": ("claims", corroboration_recompute_all),
            "positions": ("positions", positions_recompute_all),
        }
        for name, (noun, recompute) in steps.items():
            if only and only != name:
                continue
            started = time.monotonic()
            moved = recompute(batch_size=batch_size)
            self.stdout.write(
                f"{name}: {moved} {noun} changed in {time.monotonic() - started:.1f} s"
            )
