"""PostgreSQL restarted while a worker processes a batch: the tasks retry and every source ends done.

This restarts the machine's cluster (one short restart, a few seconds; other sessions see their connections
drop once). Set RELIABILITY_SKIP_PG_RESTART=1 to skip it, e.g. on a shared database server.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from django.db import connection

from ingest import services
from statements.models import Source

from .conftest import articles, assert_each_done_once, expected_counts, wait_until

pytestmark = pytest.mark.celery_worker


def cluster() -> tuple[str, str] | None:
    versions = sorted(Path("/etc/postgresql").glob("*/main")) if Path("/etc/postgresql").is_dir() else []
    if not versions or not shutil.which("pg_ctlcluster") or os.geteuid() != 0:
        return None
    return versions[-1].parent.name, "main"


def pg_ready() -> bool:
    return subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432"]).returncode == 0


def restart(version: str, name: str) -> float:
    started = time.monotonic()
    try:
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "restart", "-m", "fast"],
                       check=True, capture_output=True, timeout=60)
    finally:
        # Whatever happened, leave the cluster up for everyone else on the machine.
        if not pg_ready():
            subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start"],
                           capture_output=True, timeout=60)
        wait_until(pg_ready, 60, "PostgreSQL to accept connections again")
    return time.monotonic() - started


def statuses(ids):
    while True:
        try:
            return list(Source.objects.filter(pk__in=ids).values_list("status", flat=True))
        except Exception:  # noqa: BLE001 - the database is restarting under this process too
            connection.close()
            time.sleep(0.2)


def test_tasks_retry_through_a_postgres_restart(procs):
    found = cluster()
    if found is None or os.environ.get("RELIABILITY_SKIP_PG_RESTART"):
        pytest.skip("needs root, pg_ctlcluster and a local cluster (or RELIABILITY_SKIP_PG_RESTART is set)")
    if connection.settings_dict["HOST"] not in ("127.0.0.1", "localhost", ""):
        pytest.skip("the test database is not on this machine's cluster")
    processes, app = procs
    raws = articles(10, repeat=2)
    processes.start(tag="w")
    ids = [services.submit_article(raw=raw, filename=f"{i}.txt").source.pk for i, raw in enumerate(raws)]
    wait_until(lambda: statuses(ids).count("done") >= 2 and "processing" in statuses(ids), 120,
               "the worker to be in the middle of the batch", interval=0.02)
    connection.close()
    took = restart(*found)
    connection.close()
    wait_until(lambda: statuses(ids).count("done") == len(ids), 240, "every source done after the restart")
    assert_each_done_once(ids, expected_counts(raws))
    log = (Path(__file__).resolve().parents[2] / "test-output" / "reliability"
           / "test_tasks_retry_through_a_postgres_restart-w.log").read_text(errors="replace")
    print(f"restart took {took:.1f}s; retries logged: {log.count('Retry in')}")
