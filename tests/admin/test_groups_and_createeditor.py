"""The Editors and Analysts groups (data migration) and `manage.py createeditor`."""
import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.db.migrations.recorder import MigrationRecorder
from django.urls import reverse

from .conftest import groups_migration

pytestmark = pytest.mark.django_db


def perms(group_name):
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def test_the_data_migration_is_applied(db):
    assert MigrationRecorder.Migration.objects.filter(app="statements", name="0003_editor_groups").exists()


def test_editors_have_exactly_what_editing_needs(editor_groups):
    editor = perms("Editors")
    assert editor == {f"{app}.{codename}" for app, codename in groups_migration.EDITOR}
    assert {"statements.view_statement", "statements.change_statement", "actors.change_actor", "actors.add_actor",
            "statements.add_source", "statements.change_topic", "statements.view_historicalstatement"} <= editor
    for forbidden in ["statements.delete_statement", "statements.add_statement", "statements.delete_source",
                      "actors.delete_actor", "statements.delete_topic", "auth.change_user", "auth.add_user",
                      "auth.delete_user", "auth.change_group", "actors.change_mergerecord"]:
        assert forbidden not in editor


def test_analysts_can_only_view(editor_groups):
    analyst = perms("Analysts")
    assert analyst and all(p.split(".")[1].startswith("view_") for p in analyst)
    assert {"statements.view_statement", "actors.view_actor", "statements.view_historicalstatement"} <= analyst


def test_running_the_migration_again_resets_the_groups_exactly(editor_groups):
    from django.apps import apps
    from django.contrib.auth.models import Permission

    Group.objects.get(name="Analysts").permissions.add(Permission.objects.get(codename="delete_user"))
    groups_migration.create_editor_groups(apps)
    assert "auth.delete_user" not in perms("Analysts")


def test_an_editor_cannot_manage_users(editor_client):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:statements_statement_changelist")).status_code == 200


def test_an_analyst_reads_but_cannot_change(client, analyst, statement_factory):
    statement = statement_factory()
    client.force_login(analyst)
    change = reverse("admin:statements_statement_change", args=[statement.pk])
    assert client.get(change).status_code == 200
    assert client.get(reverse("admin:statements_statement_history", args=[statement.pk])).status_code == 200
    client.post(reverse("admin:statements_statement_changelist"),
                {"action": "verify_selected", "_selected_action": [statement.pk]})
    statement.refresh_from_db()
    assert statement.review_status == "extracted"
    assert client.post(change, {"speaker": ""}).status_code == 403
    index = client.get(reverse("admin:index")).content.decode()
    assert "review-queue-link" not in index


def test_createeditor_with_password_from_env(editor_groups, monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "a-Long-enough-pass-42")
    out = io.StringIO()
    call_command("createeditor", "ed", "--email", "ed@example.org", "--password-from-env", stdout=out)
    user = User.objects.get(username="ed")
    assert (user.is_staff, user.is_superuser, user.email) == (True, False, "ed@example.org")
    assert [g.name for g in user.groups.all()] == ["Editors"]
    assert user.check_password("a-Long-enough-pass-42")
    assert "Created 'ed'" in out.getvalue()


def test_createeditor_analyst_and_update_existing(editor_groups, monkeypatch):
    monkeypatch.setenv("ANA_PW", "another-Good-pass-7")
    call_command("createeditor", "ana", "--password-from-env", "ANA_PW", stdout=io.StringIO())
    out = io.StringIO()
    call_command("createeditor", "ana", "--analyst", "--password-from-env", "ANA_PW", stdout=out)
    user = User.objects.get(username="ana")
    assert [g.name for g in user.groups.all()] == ["Analysts"]
    assert "Updated 'ana'" in out.getvalue()


def test_createeditor_refuses_missing_or_weak_passwords(editor_groups, monkeypatch):
    monkeypatch.delenv("EDITOR_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="EDITOR_PASSWORD"):
        call_command("createeditor", "ed", "--password-from-env")
    monkeypatch.setenv("EDITOR_PASSWORD", "123")
    with pytest.raises(CommandError, match="Password refused"):
        call_command("createeditor", "ed", "--password-from-env")
    assert not User.objects.filter(username="ed").exists()


def test_createeditor_prompts_for_the_password(editor_groups, monkeypatch):
    from statements.management.commands import createeditor

    answers = iter(["a-Long-enough-pass-42", "a-Long-enough-pass-42"])
    monkeypatch.setattr(createeditor.getpass, "getpass", lambda prompt: next(answers))
    monkeypatch.setattr(createeditor.sys.stdin, "isatty", lambda: True, raising=False)
    call_command("createeditor", "promptee", stdout=io.StringIO())
    assert User.objects.get(username="promptee").check_password("a-Long-enough-pass-42")
