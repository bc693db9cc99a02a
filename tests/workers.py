"""A real Celery worker process on the Redis test broker, working on the test database."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def worker_env() -> dict[str, str]:
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CELERY_")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.local",
        DATABASE_URL=url,
        CELERY_BROKER_URL=settings.TEST_BROKER_URL,
        CELERY_TASK_ALWAYS_EAGER="false",
        PYTHONUNBUFFERED="1",
    )
    return env


def start_worker(name: str, log_path: Path, concurrency: int = 1) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel=INFO", f"--hostname={name}@%h",
        "--pool=prefork" if concurrency > 1 else "--pool=solo", f"--concurrency={concurrency}",
        "--without-gossip", "--without-mingle",
    ]
    log = open(log_path, "ab")
    return subprocess.Popen(command, cwd=ROOT, env=worker_env(), stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop_worker(process: subprocess.Popen, sig=signal.SIGTERM, timeout: float = 20) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, sig)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout)


@contextmanager
def broker_mode():
    """Make this test process send tasks to the Redis test broker instead of running them in process."""
    from config.celery import app

    old = {"broker_url": app.conf.broker_url, "task_always_eager": app.conf.task_always_eager}
    app.conf.update(broker_url=settings.TEST_BROKER_URL, task_always_eager=False)
    _reset_connections(app)
    with app.connection_for_write() as conn:
        conn.default_channel.client.flushdb()  # nothing left over from an earlier run
    try:
        yield app
    finally:
        app.conf.update(**old)
        _reset_connections(app)


def _reset_connections(app) -> None:
    """Forget pooled broker connections so the next send connects to the broker configured now.

    The pools are not closed: kombu keeps them in a global registry, and a closed one would be reused.
    """
    app._pool = None
    app.amqp._producer_pool = None


def wait_for(predicate, timeout: float = 90, interval: float = 0.25, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")
