"""Write the whole ledger, history and accounts included, to one file."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

# Rebuilt by `migrate` on the target, or not worth keeping: content types and permissions
# (referred to by natural key), sessions and django-axes' failure counters.
NOT_BACKED_UP = ["contenttypes", "auth.permission", "sessions", "axes"]


class Command(BaseCommand):
    help = (
        "Back up the whole ledger (articles, claims, links, positions, their history, users, "
        "groups, API token digests, the admin's log) to a YAML fixture that `restore_ledger` "
        "loads into an empty database of either engine (SQLite or PostgreSQL)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to write, e.g. ledger-2026-03-01.yaml.")
        parser.add_argument("--database", default="default", help="Default: default.")

    def handle(self, *args, path, database, **options):
        if not path.endswith((".yaml", ".yml")):
            raise CommandError("Name the backup file ….yaml: restore_ledger reads it by its name.")
        call_command(
            "dumpdata",
            *[f"--exclude={label}" for label in NOT_BACKED_UP],
            natural_foreign=True,
            natural_primary=True,
            use_base_manager=True,
            # Django's JSON encoder cuts datetimes to milliseconds and its XML reader strips
            # leading and trailing whitespace from text; YAML keeps both exactly, so
            # timestamps, quotes with their context and API output come back identical.
            format="yaml",
            database=database,
            output=path,
            verbosity=0,
        )
        self.stdout.write(f"backed up to {path}")
