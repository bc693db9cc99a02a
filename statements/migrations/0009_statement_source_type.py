# Statement.source_type: named / unnamed / document (issue 20).
#
# The column is added with plain SQL, not AddField: on SQLite (the embedded mode) AddField of a NOT NULL column
# rebuilds the whole table, and the triggers of migration 0007 on statements_source, which name
# statements_statement, make that rebuild fail ("no such table: main.statements_statement"). ADD COLUMN with a
# default works on both databases and leaves the triggers alone; the model state is Django's AddField.

from django.db import migrations, models

FIELD = dict(
    choices=[('named', 'Named person or organisation'), ('unnamed', 'Unnamed source or group'),
             ('document', 'Document (report, study, article)')],
    db_index=True, default='named',
    help_text='Who the statement comes from: a named person or organisation, an unnamed source or group, or a document.',
    max_length=16,
)


class Migration(migrations.Migration):

    dependencies = [
        ('statements', '0008_dated_on_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalstatement',
            name='source_type',
            field=models.CharField(**FIELD),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(model_name='statement', name='source_type', field=models.CharField(**FIELD)),
            ],
            database_operations=[
                migrations.RunSQL(
                    sql=[
                        "ALTER TABLE statements_statement ADD COLUMN source_type varchar(16) NOT NULL DEFAULT 'named'",
                        "CREATE INDEX statements_statement_source_type_idx ON statements_statement (source_type)",
                    ],
                    reverse_sql=[
                        "DROP INDEX statements_statement_source_type_idx",
                        "ALTER TABLE statements_statement DROP COLUMN source_type",
                    ],
                ),
            ],
        ),
    ]
