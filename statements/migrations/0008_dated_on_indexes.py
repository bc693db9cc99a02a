"""The indexes lists are read from in the order of `dated_on` (0007), undated last (issue 21).

- statement_listed_dated (dated_on DESC NULLS LAST, id DESC), not rejected: every list's default order.
- statement_listed_dated_asc (dated_on ASC NULLS LAST, id), not rejected: "oldest", undated still last (the
  index above read backwards gives NULLs first, so it cannot serve it).
- statement_listed_speaker_dated (speaker_id, dated_on DESC NULLS LAST, id DESC), not rejected: an actor's list.
- statement_topics_topic_dated (topic_id, said_on DESC NULLS LAST, statement_id DESC) on the topic links, whose
  said_on copies dated_on since 0007: a topic's list.
The said_on indexes of 0004 and 0006 stay (period and date filters on said_on use them).
PostgreSQL only, built CONCURRENTLY as in 0004.
"""
from django.db import migrations

LISTED = "WHERE NOT (review_status = 'rejected')"
INDEXES = {
    "statement_listed_dated": f"ON statements_statement (dated_on DESC NULLS LAST, id DESC) {LISTED}",
    "statement_listed_dated_asc": f"ON statements_statement (dated_on ASC NULLS LAST, id) {LISTED}",
    "statement_listed_speaker_dated":
        f"ON statements_statement (speaker_id, dated_on DESC NULLS LAST, id DESC) {LISTED}",
    "statement_topics_topic_dated":
        "ON statements_statement_topics (topic_id, said_on DESC NULLS LAST, statement_id DESC)",
}


def _each_index(schema_editor, template: str):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(template.format(name=name, definition=definition))


def forward(apps, schema_editor):
    _each_index(schema_editor, "CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} {definition}")


def backward(apps, schema_editor):
    _each_index(schema_editor, "DROP INDEX CONCURRENTLY IF EXISTS {name}")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run inside a transaction
    dependencies = [("statements", "0007_statement_dated_on")]
    operations = [migrations.RunPython(forward, backward)]
