"""python manage.py import_articles [--source NAME] PATH...  (the contract in DESIGN.md)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from factcheck.ledger.services.articles import articles_import_paths


class Command(BaseCommand):
    help = (
        "Import seed-format article files or folders of them. One line per file: imported, "
        "unchanged or rejected with the reason. Exit status 1 when any file was rejected."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Files or folders.")
        parser.add_argument(
            "--source",
            default="",
            metavar="NAME",
            help="The outlet (default: what the copy names, else the article needs one).",
        )

    def handle(self, *args, paths, source, **options):
        rejected = 0
        for result in articles_import_paths(paths, source_name=source):
            rejected += result.status == "rejected"
            style = self.style.ERROR if result.status == "rejected" else self.style.SUCCESS
            self.stdout.write(style(result.line))
        if rejected:
            raise CommandError(f"{rejected} file(s) rejected", returncode=1)
