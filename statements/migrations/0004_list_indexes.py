"""Indexes for statement lists on millions of rows (issue 8; figures in docs/performance.md).

All four are partial on "not rejected" where the lists are, which is exactly the predicate Django writes for
`.exclude(review_status="rejected")`, so the planner can use them, index-only, for counts and pages:

- statement_listed_date (said_on DESC, id DESC): the default order of every list; the unfiltered list, a
  period and the capped page count walk it in order instead of sorting.
- statement_listed_speaker_date (speaker_id, said_on DESC, id DESC): an actor's list and its capped count
  without visiting the table (the model's statement_speaker_date also holds rejected rows, so every row had
  to be read to check its status).
- statement_listed_id (id) INCLUDE (said_on): joins from the topic links to listed statements, index-only;
  with it a topic's page is "the topic's links, then a top-N sort" (1 s -> 7 ms for a median topic).
- statement_topics_topic_statement (topic_id, statement_id) on the topic links: a topic's statements from
  the index alone, in statement order (the M2M table only had single-column indexes).

PostgreSQL only (built CONCURRENTLY, so a live database keeps taking writes); SQLite keeps what it has.
"""
from django.db import migrations

INDEXES = {
    "statement_listed_date":
        "ON statements_statement (said_on DESC, id DESC) WHERE NOT (review_status = 'rejected')",
    "statement_listed_speaker_date":
        "ON statements_statement (speaker_id, said_on DESC, id DESC) WHERE NOT (review_status = 'rejected')",
    "statement_listed_id":
        "ON statements_statement (id) INCLUDE (said_on) WHERE NOT (review_status = 'rejected')",
    "statement_topics_topic_statement":
        "ON statements_statement_topics (topic_id, statement_id)",
}


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} {definition}")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run inside a transaction
    dependencies = [("statements", "0003_editor_groups")]
    operations = [migrations.RunPython(forward, backward)]
