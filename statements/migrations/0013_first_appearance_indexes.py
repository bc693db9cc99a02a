"""The indexes the lists of issue 23 are read from: each utterance once (a cluster's first appearance) by default,
and the cluster list, newest first appearance first.

- statement_first_dated (dated_on DESC NULLS LAST, id DESC), listed first appearances: every list's default
  order and its capped count, answered from the index alone as 0008's statement_listed_dated answers every copy.
- statement_first_speaker_dated (speaker_id, dated_on DESC NULLS LAST, id DESC), the same: an actor's list.
- cluster_first_dated (first_dated_on DESC NULLS LAST, id DESC) on clusters: /clusters/ and /api/v1/clusters/.
- cluster_speaker_first_dated (speaker_id, first_dated_on DESC NULLS LAST, id DESC): one speaker's clusters.
- cluster_repeated_first_dated, the same order for clusters carried by two sources or more (`min_sources` >= 2:
  what was repeated, a small part of all clusters, most of them single statements).
A topic's list still walks its link rows (0008's statement_topics_topic_dated) and reads each statement's row for
review status and first appearance alike. PostgreSQL only, built CONCURRENTLY as in 0004, 0008 and 0011.
"""
from django.db import migrations

FIRST_LISTED = "WHERE is_first_appearance AND NOT (review_status = 'rejected')"
INDEXES = {
    "statement_first_dated": f"ON statements_statement (dated_on DESC NULLS LAST, id DESC) {FIRST_LISTED}",
    "statement_first_speaker_dated":
        f"ON statements_statement (speaker_id, dated_on DESC NULLS LAST, id DESC) {FIRST_LISTED}",
    "cluster_first_dated": "ON statements_cluster (first_dated_on DESC NULLS LAST, id DESC)",
    "cluster_speaker_first_dated": "ON statements_cluster (speaker_id, first_dated_on DESC NULLS LAST, id DESC)",
    "cluster_repeated_first_dated":
        "ON statements_cluster (first_dated_on DESC NULLS LAST, id DESC) WHERE source_count >= 2",
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
    dependencies = [("statements", "0012_clusters")]
    operations = [migrations.RunPython(forward, backward)]
