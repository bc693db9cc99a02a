"""Full-text search on PostgreSQL: a trigger keeps Statement.search_vector current, a GIN index serves it.

PostgreSQL only; on SQLite (the embedded demo) search falls back to a plain substring match.
"""
from django.db import migrations

FORWARD = """
CREATE TRIGGER statement_search_vector_update
BEFORE INSERT OR UPDATE OF content ON statements_statement
FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger(search_vector, 'pg_catalog.english', content);
UPDATE statements_statement SET search_vector = to_tsvector('pg_catalog.english', content);
CREATE INDEX IF NOT EXISTS statement_search_gin ON statements_statement USING gin (search_vector);
"""
BACKWARD = """
DROP INDEX IF EXISTS statement_search_gin;
DROP TRIGGER IF EXISTS statement_search_vector_update ON statements_statement;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("statements", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
