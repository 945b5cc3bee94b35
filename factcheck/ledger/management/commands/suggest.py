"""python manage.py suggest PATH — the engine's suggestions for one article file, as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from factcheck.ingest import ParseError, parse_article
from factcheck.ledger.services.suggestions import suggestions_find


class Command(BaseCommand):
    help = (
        "Read one seed-format article file and print its suggestions (actors, statements, "
        "figures, dates) as a JSON list, using the current actor table. Stores nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH")

    def handle(self, *args, path, **options):
        try:
            parsed = parse_article(Path(path).read_bytes(), filename=Path(path).name)
        except OSError as err:
            raise CommandError(f"cannot read {path}: {err.strerror}") from err
        except ParseError as err:
            raise CommandError(f"{path}: {err}") from err
        found = suggestions_find(body=parsed.body, published=parsed.published)
        self.stdout.write(
            json.dumps([item.as_dict() for item in found], ensure_ascii=False, indent=1)
        )
