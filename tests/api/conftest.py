"""Fixtures for the REST API tests: clients (anonymous, editor with a token, reader without permissions)."""
import datetime as dt

import pytest
from django.contrib.auth.models import Permission, User
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from actors.models import ActorAlias
from tests.factories import (
    ActorFactory,
    SourceFactory,
    StatementFactory,
    TopicFactory,
    token_client,
)

EDITOR_PERMISSIONS = [
    ("statements", "change_statement"),
    ("statements", "add_source"),
    ("statements", "change_source"),
    ("actors", "change_actor"),
]


def make_editor(username: str = "editor") -> User:
    user = User.objects.create_user(username, password="pw-editor-123")
    for app_label, codename in EDITOR_PERMISSIONS:
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def editor(db):
    return make_editor()


@pytest.fixture
def editor_api(editor):
    return token_client(editor)


@pytest.fixture
def reader_api(db):
    """Authenticated (token) but without any editor permission."""
    user = User.objects.create_user("reader", password="pw-reader-123")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def world(db):
    """A small corpus: two speakers, two topics, three sources, five statements (one rejected)."""
    lavrov = ActorFactory(name="Sergey Lavrov", slug="sergey-lavrov", kind="person")
    ActorAlias.objects.create(actor=lavrov, name="Lavrov")
    ministry = ActorFactory(name="Ministry of Foreign Affairs", slug="mfa", kind="organization")
    economy, security = TopicFactory(name="Economy", slug="economy"), TopicFactory(name="Security", slug="security")
    sana = SourceFactory(publisher="SANA", title="Lavrov on the budget", published=dt.date(2024, 5, 1))
    tass = SourceFactory(publisher="TASS", title="Ministry statement", published=dt.date(2024, 6, 1))
    other = SourceFactory(publisher="Reuters", title="Pending one", status="pending", published=None)
    s1 = StatementFactory(source=sana, speaker=lavrov, said_on=dt.date(2024, 5, 1), confidence=0.9, kind="direct")
    s1.topics.add(economy)
    s2 = StatementFactory(
        source=sana, speaker=lavrov, said_on=dt.date(2024, 5, 1), confidence=0.6,
        content_start=sana.text.index("taxes"), content_end=sana.text.index(" rise") + 5,
        content=sana.text[sana.text.index("taxes"):sana.text.index(" rise") + 5],
    )
    s2.topics.add(economy, security)
    s3 = StatementFactory(source=tass, speaker=ministry, said_on=dt.date(2024, 6, 1), confidence=0.4)
    s3.topics.add(security)
    s4 = StatementFactory(source=other, speaker=None, said_on=None, confidence=0.7)
    s5 = StatementFactory(
        source=tass, speaker=ministry, said_on=dt.date(2024, 6, 2), confidence=0.8, review_status="rejected",
        content_start=tass.text.index("taxes"), content_end=tass.text.index(" rise") + 5,
        content=tass.text[tass.text.index("taxes"):tass.text.index(" rise") + 5],
    )
    return {
        "lavrov": lavrov, "ministry": ministry, "economy": economy, "security": security,
        "sana": sana, "tass": tass, "other": other, "statements": [s1, s2, s3, s4, s5],
    }
