"""python manage.py import_articles [--source NAME] PATH_OR_URL...

Files in any format the importer reads (the seeds' text format, saved web pages, RSS/Atom feeds,
IPTC ninjs), folders of them, and URLs of article pages or feeds. One line per item: imported,
unchanged or rejected with the reason; exit status 1 when any was rejected. The items run as an
import job: on the Celery workers when a broker is configured, else here, one after another,
committed ``--chunk`` at a time.
"""

from __future__ import annotations

import argparse
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from factcheck.ledger.choices import ImportItemStatus
from factcheck.ledger.models import ImportJob, ImportJobItem
from factcheck.ledger.services.articles import iter_article_files, read_article_file
from factcheck.ledger.services.jobs import (
    IMPORT_CHUNK,
    ImportTarget,
    import_job_create,
    import_job_progress,
    import_job_run_here,
    targets_from_file,
)
from factcheck.ledger.tasks import import_job_start

POLL_SECONDS = 0.5
BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Import article files, folders of them, or URLs of pages and feeds. One line per item: "
        "imported, unchanged or rejected with the reason. Exit status 1 when any was rejected."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help="Files, folders, or http(s) URLs."
        )
        parser.add_argument(
            "--progress",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="Show a progress bar on standard error (default: when it is a terminal).",
        )
        parser.add_argument(
            "--chunk",
            type=int,
            default=IMPORT_CHUNK,
            metavar="N",
            help=f"Commit every N items when they run here (default {IMPORT_CHUNK}); a failure "
            "keeps the chunks before it.",
        )
        parser.add_argument(
            "--source",
            default="",
            metavar="NAME",
            help="The outlet (default: what the copy names, else the article needs one).",
        )

    def handle(self, *args, paths, source, progress, chunk, **options):
        if chunk < 1:
            raise CommandError(f"--chunk must be at least 1 (got {chunk}).")
        self.bar = sys.stderr.isatty() if progress is None else progress
        rejected = 0
        targets: list[ImportTarget] = []
        files = []
        for raw in paths:
            if raw.startswith(("http://", "https://")):
                targets.append(ImportTarget(target=raw))
            else:
                files.append(raw)
        for path in iter_article_files(files):
            data = read_article_file(path)
            if isinstance(data, bytes):
                targets.extend(targets_from_file(data=data, name=path.name))
            else:
                rejected += 1
                self.stdout.write(self.style.ERROR(data.line))
        if targets:
            job = import_job_create(targets=targets, label=_label(paths), source_name=source)
            if settings.CELERY_TASK_ALWAYS_EAGER:
                rejected += self._run_here(job, chunk)
            else:
                rejected += self._follow(job)
        if rejected:
            raise CommandError(f"{rejected} item(s) rejected", returncode=1)

    def _run_here(self, job: ImportJob, chunk: int) -> int:
        """No broker: run the items here, committing every ``chunk``, printing each chunk's
        lines once it is committed."""
        printed: set[int] = set()
        rejected = 0

        def after_chunk(final: bool) -> None:
            nonlocal rejected
            rejected += self._print_new(job, printed, final=final)

        import_job_run_here(job, chunk=chunk, after_chunk=after_chunk)
        return rejected

    def _follow(self, job: ImportJob) -> int:
        """A broker: start the job on the workers and print each item as it finishes."""
        import_job_start.delay(job.pk)
        printed: set[int] = set()
        rejected = 0
        while True:
            job.refresh_from_db(fields=["status"])
            finished = job.status == "done"
            rejected += self._print_new(job, printed, final=finished)
            if finished:
                return rejected
            time.sleep(POLL_SECONDS)

    def _print_new(self, job: ImportJob, printed: set[int], *, final: bool) -> int:
        rejected = 0
        done = (
            ImportJobItem.objects.filter(job=job)
            .exclude(status=ImportItemStatus.PENDING)
            .exclude(pk__in=printed)
            .order_by("finished_at", "position")
        )
        for item in done:
            printed.add(item.pk)
            rejected += item.status == ImportItemStatus.REJECTED
            self._clear_bar()
            style = {
                ImportItemStatus.REJECTED: self.style.ERROR,
                ImportItemStatus.FEED: self.style.NOTICE,
            }.get(item.status, self.style.SUCCESS)
            self.stdout.write(style(item.line))
        self._draw_bar(job, final=final)
        return rejected

    def _draw_bar(self, job: ImportJob, *, final: bool) -> None:
        if not self.bar:
            return
        progress = import_job_progress(job)
        total = max(progress.total, 1)
        filled = BAR_WIDTH * progress.done // total
        self.stderr.write(
            f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {progress.done} of "
            f"{progress.total}: {progress.imported} imported, {progress.unchanged} unchanged, "
            f"{progress.rejected} rejected",
            ending="\n" if final else "",
        )
        self.stderr.flush()

    def _clear_bar(self) -> None:
        if self.bar:
            self.stderr.write("\r\033[K", ending="")


def _label(paths: list[str]) -> str:
    shown = ", ".join(paths[:3])
    return shown + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
