"""Existing roles classified: a voice (a representative the actor spoke through) or a title held (issue 20, rule 2).

Roles stored before the extraction said which (records.TitleKind) have only their words: the extraction's own test,
`speakers.sources.is_voice_title`, reads them ("through ..." of a person; an organisation's representative noun:
"spokesman", "official", "press secretary", an editor's "spokeswoman for the RAD"). Roles from a Popolo roster are
memberships, held. This migration lives in `ingest` because the word lists are the extraction's and `actors` imports
nothing of `ingest`. Reversing it leaves the kinds (actors 0007, reversed, drops them).
"""
from django.db import migrations

CHUNK = 2000


def classify(apps, schema_editor):
    from ingest.extraction.speakers.sources import is_voice_title

    Role = apps.get_model("actors", "Role")
    voices = [
        pk for pk, title, kind in Role.objects.exclude(origin="popolo").filter(kind="held")
        .values_list("pk", "title", "actor__kind").order_by("pk").iterator(chunk_size=CHUNK)
        if is_voice_title(title, person=kind == "person")
    ]
    for start in range(0, len(voices), CHUNK):
        Role.objects.filter(pk__in=voices[start:start + CHUNK]).update(kind="voice")


class Migration(migrations.Migration):

    dependencies = [
        ("actors", "0007_role_kind"),
    ]

    operations = [
        migrations.RunPython(classify, migrations.RunPython.noop),
    ]
