"""Readers search published claims only: a GIN index over their search vectors alone, so the
search never intersects the whole status index with the words' matches (PostgreSQL only)."""

from django.db import migrations

FORWARD = (
    "CREATE INDEX ledger_claim_search_published_gin ON ledger_claim USING gin (search_vector) "
    "WHERE status = 'published'"
)
REVERSE = "DROP INDEX IF EXISTS ledger_claim_search_published_gin"


def _on_postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("ledger", "0010_count_indexes")]

    operations = [migrations.RunPython(_on_postgres(FORWARD), _on_postgres(REVERSE))]
