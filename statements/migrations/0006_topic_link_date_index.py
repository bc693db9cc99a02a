"""The index a topic's list is read from, newest first (issue 8; figures in docs/performance.md).

statement_topics_topic_date (topic_id, said_on DESC, statement_id DESC) on Statement.topics' link table,
whose said_on migration 0005 keeps equal to the statement's: the first page of any topic, small or busy, is
the first rows of one index range, each checked against statement_listed_id (not rejected) by an index-only
probe. PostgreSQL only (built CONCURRENTLY, so a live database keeps taking writes), as in 0004.
"""
from django.db import migrations

NAME = "statement_topics_topic_date"
DEFINITION = "ON statements_statement_topics (topic_id, said_on DESC, statement_id DESC)"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {NAME} {DEFINITION}")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {NAME}")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run inside a transaction
    dependencies = [("statements", "0005_topic_link_said_on")]
    operations = [migrations.RunPython(forward, backward)]
