"""Import seeds/*.txt and load the editorial layer (what `make run` does); idempotent."""

from __future__ import annotations

import tomllib
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from factcheck.ledger.models import Article
from factcheck.ledger.seeding import editorial_layer_load
from factcheck.ledger.services.articles import articles_import_paths
from factcheck.ledger.services.suggestions import suggestions_refresh


class Command(BaseCommand):
    help = "Import the seed articles and load their editorial layer. Running it twice adds nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--folder", default=str(settings.BASE_DIR / "seeds"), help="The seeds folder."
        )

    @staticmethod
    def outlets(path: Path) -> dict[str, str]:
        """The outlet each seed file ran in, as the editorial layer records it."""
        if not path.exists():
            return {}
        try:
            rows = tomllib.loads(path.read_text(encoding="utf-8")).get("articles", [])
        except tomllib.TOMLDecodeError as err:
            raise CommandError(f"{path.name}: {err}") from err
        return {row["origin"]: row["source"] for row in rows if row.get("source")}

    def handle(self, *args, folder, **options):
        root = Path(folder)
        articles = sorted(root.glob("*.txt"))
        if not articles:
            raise CommandError(f"no seed articles (*.txt) in {root}")
        outlets = self.outlets(root / "editorial" / "articles.toml")
        for path in articles:
            for result in articles_import_paths([path], source_name=outlets.get(path.name, "")):
                self.stdout.write(result.line)
                if result.status == "rejected":
                    raise CommandError(f"seed article rejected: {result.line}")
        try:
            created = editorial_layer_load(root / "editorial")
        except ValidationError as err:
            raise CommandError(f"editorial layer: {'; '.join(err.messages)}") from err
        self.stdout.write(f"editorial layer: {len(created)} record(s) created")
        # Articles were analysed on import, before the actor table was loaded: look again.
        for article in Article.objects.current():
            suggestions_refresh(article=article)
