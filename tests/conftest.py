"""Shared fixtures. Database tests run on PostgreSQL (config.settings.test); see README."""
from pathlib import Path

import pytest

pytest_plugins = ["tests.browser_support"]

from tests.factories import ActorFactory, SourceFactory, StatementFactory, TopicFactory  # noqa: E402, F401

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "test-output"
SHARED = ROOT.parent / "shared"
DEMO_ARTICLE = ROOT / "demo" / "sana-lavrov-peskov.txt"


@pytest.fixture
def demo_article_bytes() -> bytes:
    return DEMO_ARTICLE.read_bytes()


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present on this machine")
    return SHARED


@pytest.fixture
def actor_factory():
    return ActorFactory


@pytest.fixture
def source_factory():
    return SourceFactory


@pytest.fixture
def statement_factory():
    return StatementFactory


@pytest.fixture
def topic_factory():
    return TopicFactory


@pytest.fixture
def postgres_only(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


@pytest.fixture
def celery_worker(transactional_db):
    """A real worker process consuming from Redis; this process sends tasks there while the test runs."""
    from tests.workers import broker_mode, start_worker, stop_worker

    OUTPUT.mkdir(exist_ok=True)
    with broker_mode() as app:
        process = start_worker("test-worker", OUTPUT / "celery-worker.log")
        try:
            yield app
        finally:
            stop_worker(process)
