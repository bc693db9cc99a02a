"""`said_on` on Statement.topics' link table, kept equal to the statement's by triggers (issue 8).

A topic's list is ordered by the statements' date; with the date on the link itself, the newest statements
of any topic come straight from one index (0006) instead of the planner choosing between walking the whole
date index and sorting all of the topic's rows (docs/performance.md, "knife edge"). The table stays the
many-to-many field's own (the admin, django-simple-history and ingest write it through `Statement.topics`);
`TopicLink` is an unmanaged model that reads it. Triggers, not application code, keep the copy right, so
every write path is covered: a link inserted by any means takes its statement's date, and changing a
statement's `said_on` updates its links. Existing rows are filled here. Runs on PostgreSQL and SQLite.
"""
from django.db import migrations, models

PG_FORWARD = [
    "ALTER TABLE statements_statement_topics ADD COLUMN IF NOT EXISTS said_on date NULL",
    # existing links first, before the trigger that would recompute each row it updates
    """UPDATE statements_statement_topics l SET said_on = s.said_on FROM statements_statement s
WHERE s.id = l.statement_id AND s.said_on IS NOT NULL""",
    """CREATE OR REPLACE FUNCTION statement_topic_said_on_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.said_on := (SELECT said_on FROM statements_statement WHERE id = NEW.statement_id);
    RETURN NEW;
END $$""",
    """CREATE TRIGGER statement_topic_said_on_fill
BEFORE INSERT OR UPDATE OF statement_id, said_on ON statements_statement_topics
FOR EACH ROW EXECUTE FUNCTION statement_topic_said_on_fill()""",
    """CREATE OR REPLACE FUNCTION statement_said_on_to_topics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE statements_statement_topics SET said_on = NEW.said_on WHERE statement_id = NEW.id;
    RETURN NULL;
END $$""",
    """CREATE TRIGGER statement_said_on_to_topics
AFTER UPDATE OF said_on ON statements_statement
FOR EACH ROW WHEN (OLD.said_on IS DISTINCT FROM NEW.said_on) EXECUTE FUNCTION statement_said_on_to_topics()""",
]
PG_BACKWARD = [
    "DROP TRIGGER IF EXISTS statement_said_on_to_topics ON statements_statement",
    "DROP FUNCTION IF EXISTS statement_said_on_to_topics()",
    "DROP TRIGGER IF EXISTS statement_topic_said_on_fill ON statements_statement_topics",
    "DROP FUNCTION IF EXISTS statement_topic_said_on_fill()",
    "ALTER TABLE statements_statement_topics DROP COLUMN IF EXISTS said_on",
]
SQLITE_FORWARD = [
    "ALTER TABLE statements_statement_topics ADD COLUMN said_on date NULL",
    """UPDATE statements_statement_topics
SET said_on = (SELECT said_on FROM statements_statement WHERE id = statements_statement_topics.statement_id)""",
    """CREATE TRIGGER statement_topic_said_on_fill AFTER INSERT ON statements_statement_topics
BEGIN
    UPDATE statements_statement_topics SET said_on = (SELECT said_on FROM statements_statement WHERE id = NEW.statement_id)
    WHERE id = NEW.id;
END""",
    """CREATE TRIGGER statement_said_on_to_topics AFTER UPDATE OF said_on ON statements_statement
WHEN OLD.said_on IS NOT NEW.said_on
BEGIN
    UPDATE statements_statement_topics SET said_on = NEW.said_on WHERE statement_id = NEW.id;
END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS statement_said_on_to_topics",
    "DROP TRIGGER IF EXISTS statement_topic_said_on_fill",
    "ALTER TABLE statements_statement_topics DROP COLUMN said_on",
]


def _run(schema_editor, statements):
    for sql in statements:
        schema_editor.execute(sql, params=None)


def forward(apps, schema_editor):
    _run(schema_editor, PG_FORWARD if schema_editor.connection.vendor == "postgresql" else SQLITE_FORWARD)


def backward(apps, schema_editor):
    _run(schema_editor, PG_BACKWARD if schema_editor.connection.vendor == "postgresql" else SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("statements", "0004_list_indexes")]
    operations = [
        migrations.RunPython(forward, backward),
        migrations.CreateModel(  # state only: the model is unmanaged
            name="TopicLink",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("said_on", models.DateField(editable=False, null=True)),
            ],
            options={"db_table": "statements_statement_topics", "managed": False},
        ),
    ]
