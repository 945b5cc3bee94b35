"""The claim matcher reads the quote and summary part (weight A) of the stored search vector
(migration ``0008_search_index``) through its GIN index, so its own expression index on the
same words is dropped: one index fewer to keep on every write of a claim (PostgreSQL only)."""

from django.db import migrations

TEXT_INDEX = (
    "CREATE INDEX IF NOT EXISTS claim_match_text_idx ON ledger_claim USING gin "
    "(to_tsvector('english'::regconfig, COALESCE(exact, '') || ' ' || COALESCE(summary, '')))"
)


def drop_text_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS claim_match_text_idx")


def text_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TEXT_INDEX)


class Migration(migrations.Migration):
    dependencies = [("ledger", "0013_suggestion_match_and_worth")]

    operations = [migrations.RunPython(drop_text_index, text_index)]
