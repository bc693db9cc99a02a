from pathlib import Path

import pytest

from tests.workers import broker_mode, start_worker, stop_worker

OUTPUT = Path(__file__).resolve().parent.parent.parent / "test-output"


@pytest.fixture
def celery_worker(transactional_db):
    """A real worker process consuming from Redis; this process sends tasks there while the test runs."""
    OUTPUT.mkdir(exist_ok=True)
    with broker_mode() as app:
        process = start_worker("test-worker", OUTPUT / "celery-worker.log")
        try:
            yield app
        finally:
            stop_worker(process)
