"""Users for the security tests: an editor (group Editors, as `createeditor` makes), a superuser."""
import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User

from tests.factories import token_client


@pytest.fixture
def editor(db):
    importlib.import_module("statements.migrations.0003_editor_groups").create_editor_groups(apps)
    user = User.objects.create_user("eddie", password="correct-Horse-9", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_api(editor):
    return token_client(editor)


@pytest.fixture
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield cache
    cache.clear()
