"""Search on an index (PostgreSQL only; SQLite keeps its word-by-word fallback).

* ``ledger_article.search_vector``: a stored generated column, the title (weight A) above the
  body (B), with a GIN index.
* ``ledger_claim.search_vector``: the quote and the summary (A) above the article's title (C),
  kept by a trigger on every insert and on updates of those columns (and, from the article
  side, of the title), with a GIN index.
* ``pg_trgm`` trigram GIN indexes on the claim's quote and summary, for fragments and
  misspelled names.

The columns are not model fields: Django never loads them with a row, only the search
queries name them (``factcheck.ledger.querysets.StoredSearchVector``).
"""

from django.db import migrations

CONFIG = "english"

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"""
    ALTER TABLE ledger_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('{CONFIG}', coalesce(title, '')), 'A')
        || setweight(to_tsvector('{CONFIG}', coalesce(body, '')), 'B')
    ) STORED
    """,
    "CREATE INDEX ledger_article_search_gin ON ledger_article USING gin (search_vector)",
    "ALTER TABLE ledger_claim ADD COLUMN search_vector tsvector",
    f"""
    CREATE FUNCTION ledger_claim_search_vector(quote text, summary text, article bigint)
    RETURNS tsvector AS $$
        SELECT setweight(to_tsvector('{CONFIG}', coalesce(quote, '')), 'A')
            || setweight(to_tsvector('{CONFIG}', coalesce(summary, '')), 'A')
            || setweight(to_tsvector('{CONFIG}', coalesce(
                   (SELECT title FROM ledger_article WHERE id = article), '')), 'C')
    $$ LANGUAGE sql STABLE
    """,
    """
    CREATE FUNCTION ledger_claim_search_vector_keep() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector := ledger_claim_search_vector(NEW.exact, NEW.summary, NEW.article_id);
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER ledger_claim_search_vector_keep
    BEFORE INSERT OR UPDATE OF exact, summary, article_id ON ledger_claim
    FOR EACH ROW EXECUTE FUNCTION ledger_claim_search_vector_keep()
    """,
    """
    CREATE FUNCTION ledger_article_title_to_claims() RETURNS trigger AS $$
    BEGIN
        UPDATE ledger_claim
        SET search_vector = ledger_claim_search_vector(exact, summary, article_id)
        WHERE article_id = NEW.id;
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER ledger_article_title_to_claims
    AFTER UPDATE OF title ON ledger_article
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title)
    EXECUTE FUNCTION ledger_article_title_to_claims()
    """,
    "UPDATE ledger_claim SET search_vector = ledger_claim_search_vector(exact, summary, article_id)",
    "CREATE INDEX ledger_claim_search_gin ON ledger_claim USING gin (search_vector)",
    "CREATE INDEX ledger_claim_exact_trgm ON ledger_claim USING gin (exact gin_trgm_ops)",
    "CREATE INDEX ledger_claim_summary_trgm ON ledger_claim USING gin (summary gin_trgm_ops)",
]

REVERSE = [
    "DROP INDEX IF EXISTS ledger_claim_summary_trgm",
    "DROP INDEX IF EXISTS ledger_claim_exact_trgm",
    "DROP TRIGGER IF EXISTS ledger_article_title_to_claims ON ledger_article",
    "DROP FUNCTION IF EXISTS ledger_article_title_to_claims()",
    "DROP TRIGGER IF EXISTS ledger_claim_search_vector_keep ON ledger_claim",
    "DROP FUNCTION IF EXISTS ledger_claim_search_vector_keep()",
    "DROP FUNCTION IF EXISTS ledger_claim_search_vector(text, text, bigint)",
    "ALTER TABLE ledger_claim DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE ledger_article DROP COLUMN IF EXISTS search_vector",
]


def _on_postgres(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("ledger", "0007_ledger_clock")]

    operations = [migrations.RunPython(_on_postgres(FORWARD), _on_postgres(REVERSE))]
