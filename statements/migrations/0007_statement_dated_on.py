"""`Statement.dated_on`: the date lists order by (issue 21), kept by triggers.

dated_on = COALESCE(said_on, the source's published); NULL only for a statement with neither ("undated"), which
lists put last in both directions. Triggers, not application code, keep it right on every write path: a
statement inserted or updated takes it from its own said_on or its source; a source whose publication date
changes passes it to its statements without a said_on. The topic links' copied date (0005) now copies dated_on,
so a topic's list orders by the same date from its own index. Existing rows are filled here.
Runs on PostgreSQL and SQLite (the embedded demo).
"""
from importlib import import_module

from django.db import migrations, models

_MIGRATION_0005 = import_module("statements.migrations.0005_topic_link_said_on")



def _pg_link_copy(column: str) -> list[str]:
    """The link rows' date as a copy of the statement's `column` (0005: said_on; here: dated_on)."""
    return [
        f"""CREATE OR REPLACE FUNCTION statement_topic_said_on_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.said_on := (SELECT {column} FROM statements_statement WHERE id = NEW.statement_id);
    RETURN NEW;
END $$""",
        "DROP TRIGGER IF EXISTS statement_said_on_to_topics ON statements_statement",
        f"""CREATE OR REPLACE FUNCTION statement_said_on_to_topics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE statements_statement_topics SET said_on = NEW.{column} WHERE statement_id = NEW.id;
    RETURN NULL;
END $$""",
    ]


PG_FORWARD = [
    """UPDATE statements_statement s SET dated_on = COALESCE(s.said_on, src.published) FROM statements_source src
WHERE src.id = s.source_id AND COALESCE(s.said_on, src.published) IS NOT NULL""",
    """CREATE OR REPLACE FUNCTION statement_dated_on_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.dated_on := COALESCE(NEW.said_on, (SELECT published FROM statements_source WHERE id = NEW.source_id));
    RETURN NEW;
END $$""",
    # Any UPDATE: Django's save() writes every column (dated_on as the instance holds it), .update() only some.
    """CREATE TRIGGER statement_dated_on_fill BEFORE INSERT OR UPDATE ON statements_statement
FOR EACH ROW EXECUTE FUNCTION statement_dated_on_fill()""",
    """CREATE OR REPLACE FUNCTION source_published_to_statements() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE statements_statement SET dated_on = NEW.published WHERE source_id = NEW.id AND said_on IS NULL;
    RETURN NULL;
END $$""",
    """CREATE TRIGGER source_published_to_statements AFTER UPDATE OF published ON statements_source
FOR EACH ROW WHEN (OLD.published IS DISTINCT FROM NEW.published) EXECUTE FUNCTION source_published_to_statements()""",
    # The links copy dated_on now (0005 copied said_on).
    *_pg_link_copy("dated_on"),
    """CREATE TRIGGER statement_said_on_to_topics
AFTER UPDATE ON statements_statement
FOR EACH ROW WHEN (OLD.dated_on IS DISTINCT FROM NEW.dated_on) EXECUTE FUNCTION statement_said_on_to_topics()""",
    """UPDATE statements_statement_topics l SET said_on = s.dated_on FROM statements_statement s
WHERE s.id = l.statement_id AND l.said_on IS DISTINCT FROM s.dated_on""",
]
PG_BACKWARD = [
    "DROP TRIGGER IF EXISTS source_published_to_statements ON statements_source",
    "DROP FUNCTION IF EXISTS source_published_to_statements()",
    "DROP TRIGGER IF EXISTS statement_dated_on_fill ON statements_statement",
    "DROP FUNCTION IF EXISTS statement_dated_on_fill()",
    *_pg_link_copy("said_on"),
    """CREATE TRIGGER statement_said_on_to_topics
AFTER UPDATE OF said_on ON statements_statement
FOR EACH ROW WHEN (OLD.said_on IS DISTINCT FROM NEW.said_on) EXECUTE FUNCTION statement_said_on_to_topics()""",
    """UPDATE statements_statement_topics l SET said_on = s.said_on FROM statements_statement s
WHERE s.id = l.statement_id AND l.said_on IS DISTINCT FROM s.said_on""",
]
_SQLITE_DATE = "COALESCE(NEW.said_on, (SELECT published FROM statements_source WHERE id = NEW.source_id))"
SQLITE_FORWARD = [
    """UPDATE statements_statement SET dated_on = COALESCE(said_on,
    (SELECT published FROM statements_source WHERE id = statements_statement.source_id))""",
    f"""CREATE TRIGGER statement_dated_on_insert AFTER INSERT ON statements_statement
BEGIN
    UPDATE statements_statement SET dated_on = {_SQLITE_DATE} WHERE id = NEW.id;
END""",
    "DROP TRIGGER IF EXISTS statement_said_on_to_topics",
    f"""CREATE TRIGGER statement_dated_on_update AFTER UPDATE ON statements_statement
BEGIN
    UPDATE statements_statement SET dated_on = {_SQLITE_DATE} WHERE id = NEW.id AND dated_on IS NOT {_SQLITE_DATE};
    UPDATE statements_statement_topics SET said_on = {_SQLITE_DATE} WHERE statement_id = NEW.id;
END""",
    """CREATE TRIGGER source_published_to_statements AFTER UPDATE OF published ON statements_source
WHEN OLD.published IS NOT NEW.published
BEGIN
    UPDATE statements_statement SET dated_on = NEW.published WHERE source_id = NEW.id AND said_on IS NULL;
    UPDATE statements_statement_topics SET said_on = NEW.published WHERE statement_id IN
        (SELECT id FROM statements_statement WHERE source_id = NEW.id AND said_on IS NULL);
END""",
    "DROP TRIGGER IF EXISTS statement_topic_said_on_fill",
    """CREATE TRIGGER statement_topic_said_on_fill AFTER INSERT ON statements_statement_topics
BEGIN
    UPDATE statements_statement_topics SET said_on = (SELECT dated_on FROM statements_statement WHERE id = NEW.statement_id)
    WHERE id = NEW.id;
END""",
    """UPDATE statements_statement_topics
SET said_on = (SELECT dated_on FROM statements_statement WHERE id = statements_statement_topics.statement_id)""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS statement_dated_on_insert",
    "DROP TRIGGER IF EXISTS statement_dated_on_update",
    "DROP TRIGGER IF EXISTS source_published_to_statements",
    "DROP TRIGGER IF EXISTS statement_topic_said_on_fill",
    *_MIGRATION_0005.SQLITE_FORWARD[1:],  # its link refill and its two triggers, as 0005 made them
]


def _apply(schema_editor, forwards: bool):
    postgres = schema_editor.connection.vendor == "postgresql"
    steps = {(True, True): PG_FORWARD, (True, False): PG_BACKWARD, (False, True): SQLITE_FORWARD,
             (False, False): SQLITE_BACKWARD}[(postgres, forwards)]
    for sql in steps:
        schema_editor.execute(sql, params=None)


def forward(apps, schema_editor):
    _apply(schema_editor, True)


def backward(apps, schema_editor):
    _apply(schema_editor, False)


class Migration(migrations.Migration):
    dependencies = [("statements", "0006_topic_link_date_index")]
    operations = [
        migrations.AddField(model_name="statement", name="dated_on", field=models.DateField(editable=False, null=True)),
        migrations.RunPython(forward, backward),
    ]
