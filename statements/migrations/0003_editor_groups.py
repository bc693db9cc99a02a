"""The "Editors" and "Analysts" groups, with exactly the permissions each needs (see docs/editors.md).

Editors correct what extraction got wrong: they review and change statements (not add or delete them),
keep actors, aliases, roles and topics right (merging duplicates is a change), upload and reprocess
sources, and read every history (reverting is a change of the object). Removing a wrong alias or role is
part of keeping actors right, so those two may be deleted. Nothing else: no users, groups, or deletions of
statements, sources, actors or topics.

Analysts read everything editorial (view permissions only). Running this again makes both groups exactly
this (`create_editor_groups` is also what the tests and `createeditor` use to restore them).
"""
from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEW_ONLY = [
    ("actors", "actor"), ("actors", "actoralias"), ("actors", "role"), ("actors", "mergerecord"),
    ("actors", "historicalactor"),
    ("statements", "statement"), ("statements", "source"), ("statements", "topic"),
    ("statements", "historicalstatement"), ("statements", "historicalsource"), ("statements", "historicaltopic"),
]
EDITOR = [
    ("statements", "view_statement"), ("statements", "change_statement"),
    ("actors", "view_actor"), ("actors", "add_actor"), ("actors", "change_actor"),
    ("actors", "view_actoralias"), ("actors", "add_actoralias"), ("actors", "change_actoralias"),
    ("actors", "delete_actoralias"),
    ("actors", "view_role"), ("actors", "add_role"), ("actors", "change_role"), ("actors", "delete_role"),
    ("actors", "view_mergerecord"),
    ("statements", "view_topic"), ("statements", "add_topic"), ("statements", "change_topic"),
    ("statements", "view_source"), ("statements", "add_source"), ("statements", "change_source"),
    ("actors", "view_historicalactor"), ("statements", "view_historicalstatement"),
    ("statements", "view_historicalsource"), ("statements", "view_historicaltopic"),
]
ANALYST = [(app, f"view_{model}") for app, model in VIEW_ONLY]
GROUPS = {"Editors": EDITOR, "Analysts": ANALYST}


def create_editor_groups(apps, schema_editor=None):
    # Permissions are normally created after all migrations ran; create them now so the groups can use them.
    for app_config in apps.get_app_configs():
        original = getattr(app_config, "models_module", None)
        app_config.models_module = original or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = original
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in GROUPS.items():
        permissions = []
        for app_label, codename in wanted:
            permissions.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


def remove_editor_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0002_search_vector_trigger"),
        ("actors", "0002_mergerecord"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editor_groups, remove_editor_groups)]
