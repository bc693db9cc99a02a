"""The admin's review queue (extracted statements, least confident first, 50 to a page) read from an index
(issue 21): statement_review_queue (confidence, id) WHERE review_status = 'extracted'. Without it PostgreSQL
sorted every extracted statement for each page (650 ms at 200,000 statements). PostgreSQL only, built
CONCURRENTLY as in 0004 and 0008.
"""
from django.db import migrations

NAME = "statement_review_queue"
DEFINITION = "ON statements_statement (confidence, id) WHERE review_status = 'extracted'"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {NAME} {DEFINITION}")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {NAME}")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run inside a transaction

    dependencies = [("statements", "0010_unresolved_speakers")]

    operations = [migrations.RunPython(forward, backward)]
