"""Redis down (or silent) when an article is uploaded: the upload is stored and answered within seconds through
every door (page, admin, API, CLI), stays pending, and the beat sweep queues it once Redis is back."""
from __future__ import annotations

import importlib
import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.db import connection
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ingest import services
from ingest.tasks import sweep_pending_task
from statements.models import Source, Statement
from tests.workers import ROOT, _reset_connections, broker_mode, worker_env

from .conftest import Processes, articles, wait_until

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]

CLOSED_PORT = "redis://127.0.0.1:6390/0"
ANSWER_WITHIN = 8.0  # seconds: connect timeout 2 s, socket timeout 3 s, one quick publish retry


@contextmanager
def broker_at(url: str):
    from config.celery import app

    old = {"broker_url": app.conf.broker_url, "task_always_eager": app.conf.task_always_eager}
    app.conf.update(broker_url=url, task_always_eager=False)
    _reset_connections(app)
    try:
        yield app
    finally:
        app.conf.update(**old)
        _reset_connections(app)


@contextmanager
def silent_broker():
    """A TCP port on loopback that accepts connections and never answers (a hung or half-open Redis)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held = []

    def accept():
        while True:
            try:
                held.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    finally:
        server.close()
        for conn in held:
            conn.close()


@pytest.fixture
def editor():
    importlib.import_module("statements.migrations.0003_editor_groups").create_editor_groups(apps)
    user = User.objects.create_user("eddie", password="correct-Horse-9", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def timed(call):
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def test_uploads_while_redis_is_down_are_kept_and_swept_when_it_is_back(client, editor, tmp_path):
    raws = [raw.decode() for raw in articles(4)]
    client.force_login(editor)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    (tmp_path / "cli.txt").write_text(raws[3])
    with broker_at(CLOSED_PORT):
        page, page_s = timed(lambda: client.post("/ingest/upload/", {"text": raws[0]}, follow=True))
        assert page.status_code == 200 and "Pending" in page.content.decode()
        admin, admin_s = timed(lambda: client.post("/admin/statements/source/add/", {"pasted_text": raws[1]},
                                                   follow=True))
        assert admin.status_code == 200 and "Stored; it is being processed" in admin.content.decode()
        api_response, api_s = timed(lambda: api.post("/api/v1/sources/", {"text": raws[2]}, format="json"))
        assert api_response.status_code == 202 and api_response.json()["status"] == "pending"
        out = StringIO()
        started = time.monotonic()
        with pytest.raises(CommandError) as deferred:  # stored, processing deferred: exit status 75
            call_command("ingest", str(tmp_path / "cli.txt"), stdout=out, stderr=StringIO())
        cli_s = time.monotonic() - started
        assert deferred.value.returncode == os.EX_TEMPFAIL
        assert "1 new" in out.getvalue() and "pending 1" in out.getvalue()
    for door, seconds in {"page": page_s, "admin": admin_s, "api": api_s, "cli": cli_s}.items():
        assert seconds < ANSWER_WITHIN, f"the {door} upload took {seconds:.1f}s with Redis down"
    sources = list(Source.objects.all())
    assert len(sources) == 4 and {s.status for s in sources} == {Source.Status.PENDING}
    assert all(bytes(s.original) for s in sources)  # stored first: nothing lost
    assert client.get("/").status_code == 200  # the app keeps serving

    worker_and_sweep_until(lambda: Source.objects.filter(status=Source.Status.DONE).count() == 4,
                           "every article held while Redis was down to be processed")
    assert all(s.statements.exists() for s in Source.objects.all())


def test_a_silent_broker_does_not_hold_an_upload(editor):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    with silent_broker() as url, broker_at(url):
        response, seconds = timed(lambda: api.post("/api/v1/sources/", {"text": articles(1)[0].decode()},
                                                   format="json"))
    assert response.status_code == 202, response.content
    assert seconds < ANSWER_WITHIN, f"the upload waited {seconds:.1f}s on a broker that never answers"
    assert Source.objects.get().status == Source.Status.PENDING


def worker_and_sweep_until(done, what: str) -> None:
    """Redis is back: a worker runs, and beat's sweep (the task and arguments beat sends) queues what is pending."""
    with broker_mode():
        processes = Processes("broker-back")
        try:
            processes.start(tag="w")
            sweep_pending_task.delay(older_than_seconds=0)
            wait_until(done, 120, what)
        finally:
            processes.stop_all()
            connection.close()


def test_reprocess_asked_while_redis_is_down_is_stored_and_done_once_it_is_back(editor):
    source = services.submit_article(raw=articles(1)[0], filename="a.txt").source  # processed in process
    source.refresh_from_db()
    assert source.status == Source.Status.DONE
    first_run = source.processed_at
    verified = source.statements.order_by("content_start").first()
    Statement.objects.filter(pk=verified.pk).update(review_status="verified")
    count = source.statements.count()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    with broker_at(CLOSED_PORT):
        response, seconds = timed(lambda: api.post(f"/api/v1/sources/{source.pk}/reprocess/"))
    assert seconds < ANSWER_WITHIN
    # The answer says what happened: the request is stored, the source waits as pending.
    assert response.status_code == 202, response.content
    body = response.json()
    assert body["queued"] == 1 and body["source"]["status"] == "pending"
    assert body["source"]["error"].startswith("Reprocessing requested by eddie at ")
    source.refresh_from_db()
    assert source.status == Source.Status.PENDING and source.processed_at == first_run

    worker_and_sweep_until(
        lambda: Source.objects.filter(pk=source.pk, status=Source.Status.DONE, processed_at__gt=first_run).exists(),
        "the reprocessing asked while Redis was down to run",
    )
    source.refresh_from_db()
    assert source.error == "" and source.statements.count() == count  # one clean run's worth
    assert Statement.objects.get(pk=verified.pk).review_status == "verified"  # editors win
    print(f"reprocess with Redis down answered 202 pending in {seconds:.2f}s; done once Redis was back")


def test_the_ingest_command_with_redis_down_says_so_in_one_line(tmp_path):
    """The real command in its own process: no traceback, the article stored pending, exit status 75."""
    (tmp_path / "a.txt").write_bytes(articles(1)[0])
    env = {**worker_env(), "CELERY_BROKER_URL": CLOSED_PORT}
    run = subprocess.run([sys.executable, "manage.py", "ingest", str(tmp_path / "a.txt")], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert "Traceback" not in run.stdout + run.stderr, run.stderr
    assert run.returncode == os.EX_TEMPFAIL, (run.returncode, run.stderr)
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    # The cache lives in the broker's Redis too, so one warning that it is unreachable may come first.
    assert all(line.startswith("cache unreachable") for line in lines[:-1]), run.stderr
    assert lines[-1].startswith("CommandError: The task queue could not be reached ("), run.stderr
    assert "1 article is stored as pending" in lines[-1]
    assert "1 new" in run.stdout and "pending 1" in run.stdout
    assert Source.objects.get().status == Source.Status.PENDING

    worker_and_sweep_until(lambda: Source.objects.filter(status=Source.Status.DONE).count() == 1,
                           "the article the command stored while Redis was down to be processed")
