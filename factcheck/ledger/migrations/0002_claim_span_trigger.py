"""The database itself refuses a claim span outside its article's text or not matching its quote.

A CHECK constraint cannot read another table, so this is a trigger, written for both engines.
"""

from django.db import migrations

SQLITE = [
    """
    CREATE TRIGGER ledger_claim_span_insert BEFORE INSERT ON ledger_claim
    FOR EACH ROW WHEN
        NEW."end" > (SELECT length(body) FROM ledger_article WHERE id = NEW.article_id)
        OR substr((SELECT body FROM ledger_article WHERE id = NEW.article_id),
                  NEW.start + 1, NEW."end" - NEW.start) IS NOT NEW.exact
    BEGIN
        SELECT RAISE(ABORT, 'claim span lies outside its article text or does not match its quote');
    END;
    """,
    """
    CREATE TRIGGER ledger_claim_span_update BEFORE UPDATE OF start, "end", exact, article_id
    ON ledger_claim
    FOR EACH ROW WHEN
        NEW."end" > (SELECT length(body) FROM ledger_article WHERE id = NEW.article_id)
        OR substr((SELECT body FROM ledger_article WHERE id = NEW.article_id),
                  NEW.start + 1, NEW."end" - NEW.start) IS NOT NEW.exact
    BEGIN
        SELECT RAISE(ABORT, 'claim span lies outside its article text or does not match its quote');
    END;
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS ledger_claim_span_insert;",
    "DROP TRIGGER IF EXISTS ledger_claim_span_update;",
]

POSTGRES = [
    """
    CREATE FUNCTION ledger_claim_check_span() RETURNS trigger AS $$
    DECLARE article_body text;
    BEGIN
        SELECT a.body INTO article_body FROM ledger_article a WHERE a.id = NEW.article_id;
        -- Test the bounds first: substr() refuses a negative length with its own error.
        IF article_body IS NULL OR NEW."end" <= NEW.start OR NEW."end" > char_length(article_body)
        THEN
            RAISE EXCEPTION 'claim span lies outside its article text'
                USING ERRCODE = 'check_violation';
        END IF;
        IF substr(article_body, NEW.start + 1, NEW."end" - NEW.start) IS DISTINCT FROM NEW.exact
        THEN
            RAISE EXCEPTION 'claim span does not match its quote in the article text'
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER ledger_claim_span BEFORE INSERT OR UPDATE OF start, "end", exact, article_id
    ON ledger_claim FOR EACH ROW EXECUTE FUNCTION ledger_claim_check_span();
    """,
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS ledger_claim_span ON ledger_claim;",
    "DROP FUNCTION IF EXISTS ledger_claim_check_span();",
]


def forwards(apps, schema_editor):
    statements = POSTGRES if schema_editor.connection.vendor == "postgresql" else SQLITE
    for sql in statements:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    statements = (
        POSTGRES_REVERSE if schema_editor.connection.vendor == "postgresql" else SQLITE_REVERSE
    )
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
