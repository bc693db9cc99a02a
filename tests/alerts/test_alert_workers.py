"""Alerts through real Celery processes on Redis: beat schedules, a worker sends; a worker killed mid-digest."""
from __future__ import annotations

import re
import signal

import pytest

from alerts import services
from alerts.filters import AlertFilters
from alerts.models import Alert, AlertMatch
from tests.factories import ActorFactory, StatementFactory
from tests.reliability.conftest import Processes
from tests.workers import broker_mode, wait_for

pytestmark = pytest.mark.celery_worker


@pytest.fixture
def processes(request, transactional_db, smtp_inbox, settings):
    from django.db import connection

    with broker_mode():
        running = Processes("alerts-" + request.node.name[:40])
        running.mail_env = {"EMAIL_URL": f"smtp://{settings.EMAIL_HOST}:{settings.EMAIL_PORT}",
                            "SITE_URL": "http://testserver"}
        try:
            yield running
        finally:
            running.stop_all()
            connection.close()


def live_alert(email: str, actor, frequency: str) -> Alert:
    alert = services.request_alert(email=email, filters=AlertFilters(speaker=actor), frequency=frequency)
    return services.confirm_alert(alert=alert)


def permalinks(inbox, message) -> set[str]:
    return set(re.findall(r"/statements/\d+/", inbox.text(message)))


def test_beat_schedules_and_a_worker_sends_an_immediate_alert(processes, smtp_inbox):
    brown = ActorFactory(name="Gordon Brown", slug="gordon-brown")
    live_alert("brown@example.org", brown, Alert.Frequency.IMMEDIATE)
    said = [StatementFactory(speaker=brown), StatementFactory(speaker=brown)]
    processes.start(tag="worker", **processes.mail_env)
    processes.start("beat", tag="beat", ALERT_IMMEDIATE_SECONDS=1, **processes.mail_env)
    (message,) = smtp_inbox.wait_for(1, timeout=60)
    assert {s.get_absolute_url() for s in said} <= permalinks(smtp_inbox, message)
    assert message["To"] == "brown@example.org"


def test_a_worker_killed_during_a_digest_run_misses_nothing_and_sends_nothing_in_two_messages(processes, smtp_inbox):
    alerts = {}
    for i in range(12):
        actor = ActorFactory()
        alert = live_alert(f"reader{i}@example.org", actor, Alert.Frequency.DAILY)
        alerts[alert.pk] = {StatementFactory(speaker=actor).get_absolute_url() for _ in range(2)}
    services.match_recent()
    assert AlertMatch.objects.count() == 24
    smtp_inbox.delay = 0.4  # the mail server takes its time: the worker is killed while it sends

    doomed = processes.start(tag="doomed", **processes.mail_env)
    from config.celery import app

    app.send_task("alerts.send_digests", args=["daily"])
    smtp_inbox.wait_for(4, timeout=60)
    processes.kill(doomed, signal.SIGKILL)
    assert AlertMatch.objects.filter(sent_at=None).exists(), "the run finished before the kill: nothing tested"

    processes.start(tag="second", **processes.mail_env)
    app.send_task("alerts.send_digests", args=["daily"])
    wait_for(lambda: not AlertMatch.objects.filter(sent_at=None).exists(), timeout=90, what="every alert sent")

    by_message_id: dict[str, set[str]] = {}
    for message in smtp_inbox.messages:
        links = permalinks(smtp_inbox, message)
        assert by_message_id.setdefault(message["Message-ID"], links) == links  # a resend is the same message
    seen_in: dict[str, int] = {}
    for links in by_message_id.values():
        for link in links:
            seen_in[link] = seen_in.get(link, 0) + 1
    assert set(seen_in) == set().union(*alerts.values()), "a statement was missed"
    assert max(seen_in.values()) == 1, "a statement was sent in two different messages"
    assert len(by_message_id) == 12
