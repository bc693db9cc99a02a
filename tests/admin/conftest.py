"""Fixtures for the editors' admin tests: the editor groups, an editor, statement form data."""
import importlib

import pytest

groups_migration = importlib.import_module("statements.migrations.0003_editor_groups")


@pytest.fixture
def editor_groups(db):
    """The groups the data migration creates. Re-created here: transactional tests flush the tables."""
    from django.apps import apps

    groups_migration.create_editor_groups(apps)


def make_user(django_user_model, username, group_name):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username, password="correct-Horse-9", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(editor_groups, django_user_model):
    return make_user(django_user_model, "eddie", "Editors")


@pytest.fixture
def analyst(editor_groups, django_user_model):
    return make_user(django_user_model, "annie", "Analysts")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def statement_form_data(statement, **overrides):
    """What the admin change form posts for `statement`, with `overrides` applied."""
    data = {
        "speaker": statement.speaker_id or "",
        "speaker_role": statement.speaker_role_id or "",
        "speaker_mention": statement.speaker_mention,
        "cue": statement.cue,
        "kind": statement.kind,
        "said_on": statement.said_on.isoformat() if statement.said_on else "",
        "topics": [t.pk for t in statement.topics.all()],
        "mentioned_actors": [a.pk for a in statement.mentioned_actors.all()],
        "content_start": statement.content_start,
        "content_end": statement.content_end,
        "review_status": statement.review_status,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def sign_in(page, user, password="correct-Horse-9"):
    """Sign `user` in to the admin in a Playwright page (users made by make_user have this password)."""
    page.goto("/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
