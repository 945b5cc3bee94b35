"""Load a `backup_ledger` file into an empty, migrated database, history as it was."""

from __future__ import annotations

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from factcheck.ledger.services.clock import public_change_mark


class Command(BaseCommand):
    help = (
        "Restore a backup written by `backup_ledger` into an empty database (run `migrate` "
        "first). All or nothing; ids, history and accounts come back exactly as they were."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A file written by backup_ledger.")
        parser.add_argument("--database", default="default", help="Default: default.")

    def handle(self, *args, path, database, **options):
        ledger = apps.get_app_config("ledger").get_models()
        # The public clock's one row is made by a migration; everything else must be empty.
        filled = [
            m._meta.label
            for m in ledger
            if m._meta.label != "ledger.LedgerClock" and m._base_manager.using(database).exists()
        ]
        if filled:
            raise CommandError(
                "The database is not empty (it has "
                + ", ".join(filled[:5])
                + "): restore into a freshly migrated database."
            )
        # Loading a claim sets its subjects, which would record a second, new history row for
        # it; the backup carries every history row already, so recording is off meanwhile.
        with override_settings(SIMPLE_HISTORY_ENABLED=False), transaction.atomic(using=database):
            call_command("loaddata", path, database=database, verbosity=0)
            # The backup brought the clock as it stood then; move it on, so no page kept under
            # that version and change time (a site whose cache outlived its database) is
            # served for the restored ledger.
            public_change_mark(using=database)
        counts = {
            model._meta.verbose_name_plural: model._base_manager.using(database).count()
            for model in apps.get_app_config("ledger").get_models()
            if not model._meta.label.split(".")[1].startswith("Historical")
        }
        self.stdout.write(
            f"restored {path}: "
            + ", ".join(f"{count} {name}" for name, count in counts.items() if count)
        )
