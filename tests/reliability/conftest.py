"""Real processes for the fault tests: Celery workers and beat with their own environment, killed at will."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.workers import ROOT, broker_mode, wait_for, worker_env

OUTPUT = ROOT / "test-output" / "reliability"
DEMO = ROOT / "demo" / "sana-lavrov-peskov.txt"


def celery_command(kind: str, name: str, concurrency: int = 1, schedule: Path | None = None) -> list[str]:
    base = [sys.executable, "-m", "celery", "-A", "config"]
    if kind == "beat":
        return base + ["beat", "--loglevel=INFO", f"--schedule={schedule}", "--max-interval=1"]
    return base + [
        "worker", "--loglevel=INFO", f"--hostname={name}@%h", f"--concurrency={concurrency}",
        "--pool=prefork" if concurrency > 1 else "--pool=solo", "--without-gossip", "--without-mingle",
        "--without-heartbeat",
    ]


class Processes:
    """Start celery workers/beat in their own process groups; everything still running is stopped at the end."""

    def __init__(self, name: str):
        OUTPUT.mkdir(parents=True, exist_ok=True)
        self.name = name
        self.running: list[subprocess.Popen] = []

    def start(self, kind: str = "worker", tag: str = "w", concurrency: int = 1, **env_extra) -> subprocess.Popen:
        env = worker_env()
        env.update({k: str(v) for k, v in env_extra.items()})
        schedule = OUTPUT / f"{self.name}-{tag}-beat-schedule"
        for leftover in OUTPUT.glob(schedule.name + "*"):
            leftover.unlink()
        log = open(OUTPUT / f"{self.name}-{tag}.log", "wb")
        process = subprocess.Popen(
            celery_command(kind, f"{self.name}-{tag}", concurrency, schedule), cwd=ROOT, env=env, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True,
        )
        self.running.append(process)
        return process

    def kill(self, process: subprocess.Popen, sig=signal.SIGKILL) -> None:
        if process.poll() is None:
            os.killpg(process.pid, sig)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(20)

    def stop_all(self) -> None:
        for process in self.running:
            if process.poll() is None:
                self.kill(process, signal.SIGTERM)


@pytest.fixture
def procs(request, transactional_db):
    """Processes on the Redis test broker; this test process sends its tasks there too."""
    with broker_mode() as app:
        processes = Processes(request.node.name.replace("/", "_")[:60])
        try:
            yield processes, app
        finally:
            processes.stop_all()
            connection.close()


def articles(n: int, *, repeat: int = 1) -> list[bytes]:
    """n different articles (distinct headline and first paragraph) built from the demo article."""
    body = DEMO.read_text(encoding="utf-8")
    made = []
    for i in range(n):
        text = f"Report number {i} on the talks\n\nThis is dispatch {i} of the series, filed on day {i}.\n\n"
        made.append((text + "\n\n".join([body] * repeat)).encode("utf-8"))
    return made


def wait_until(predicate, timeout: float, what: str, interval: float = 0.2):
    return wait_for(predicate, timeout=timeout, interval=interval, what=what)


def expected_counts(raws: list[bytes]) -> list[int]:
    """What one clean run extracts from each article (the extraction core, in this process)."""
    from ingest import parsing
    from ingest.extraction import extract

    return [len(extract(parsing.parse(raw, filename="a.txt").text).statements) for raw in raws]


def assert_each_done_once(ids, expected):
    from statements.models import Source, Statement

    sources = {s.pk: s for s in Source.objects.filter(pk__in=ids)}
    assert {s.status for s in sources.values()} == {Source.Status.DONE}, {s.pk: s.error for s in sources.values()}
    spans = list(Statement.objects.filter(source_id__in=ids).values_list("source_id", "content_start", "content_end"))
    assert len(spans) == len(set(spans)), "a passage stored twice"
    for source_id, count in zip(ids, expected):
        assert Statement.objects.filter(source_id=source_id).count() == count, f"source {source_id} half stored"
    assert not Statement.objects.filter(source_id__in=ids, speaker__isnull=True, kind="direct",
                                        content="").exists()
