"""One speaker's clusters carried by two sources or more (the actor page's link to what was repeated,
`/clusters/?actor=...&min_sources=2`), read from a partial index: with 0013's (speaker_id, first_dated_on) index
PostgreSQL walked all the speaker's clusters, most of them single statements, to keep the repeated ones (38 ms
p95 for the busiest speaker at 1,000,000 statements; bench/web.py "clusters: speaker (busiest), 2+ sources").
PostgreSQL only, built CONCURRENTLY as in 0013.
"""
from django.db import migrations

NAME = "cluster_speaker_repeated_first_dated"
DEFINITION = "ON statements_cluster (speaker_id, first_dated_on DESC NULLS LAST, id DESC) WHERE source_count >= 2"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {NAME} {DEFINITION}")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {NAME}")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run inside a transaction
    dependencies = [("statements", "0013_first_appearance_indexes")]
    operations = [migrations.RunPython(forward, backward)]
