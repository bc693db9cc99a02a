"""Writes to alerts: asking for an alert, confirming it, leaving it, matching new statements, sending what matched.

Matching reads the statements stored since the last run (with a look-back, because an ingest transaction may
commit a little after its rows were stamped) and queues one AlertMatch per (alert, statement); the unique
constraint makes a second run over the same statements queue nothing new. Sending takes one alert at a time,
locked (two workers never send the same alert), and sends its queued statements in one message; before marking them sent, it claims them for the message's Message-ID (see send_alert): none is missed when a
worker is killed, and a message interrupted is sent again whole, under the same Message-ID.
"""
from __future__ import annotations

import datetime as dt
import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.message import make_msgid
from django.db import connection, transaction
from django.utils import timezone

from statements import selectors as statement_selectors
from statements.models import Statement

from .filters import AlertFilters
from .models import Alert, AlertMatch, MatchingCursor, Subscriber, WebhookDelivery

log = logging.getLogger(__name__)

# How far before the last run matching looks again: a statement stamped before the last run but committed after it
# (an ingest transaction still open then) is found by the next run. Ingest transactions last seconds.
MATCH_LOOKBACK = dt.timedelta(minutes=10)
MAX_FAILURES_IN_A_ROW = 3  # a mail server that fails this often in a row is down: the run stops there
DIGEST_PERIODS = {Alert.Frequency.DAILY: dt.timedelta(days=1), Alert.Frequency.WEEKLY: dt.timedelta(days=7)}


def normalize_email(email: str) -> str:
    return email.strip().lower()


def tsquery_of(q: str) -> str:
    """The tsquery PostgreSQL makes of search words (the search page's websearch syntax); "" elsewhere."""
    q = " ".join(q.split())
    if not q or connection.vendor != "postgresql":
        return ""
    with connection.cursor() as cursor:
        cursor.execute("SELECT websearch_to_tsquery(%s::regconfig, %s)::text", [statement_selectors.SEARCH_CONFIG, q])
        return cursor.fetchone()[0]


@transaction.atomic
def request_alert(*, email: str, filters: AlertFilters, frequency: str) -> Alert:
    """A new, unconfirmed alert for the address; nothing is sent for it until its link is followed."""
    subscriber, _ = Subscriber.objects.get_or_create(email=normalize_email(email))
    return Alert.objects.create(
        subscriber=subscriber, speaker=filters.speaker, topic=filters.topic, q=" ".join(filters.q.split()),
        tsquery=tsquery_of(filters.q), publisher=filters.publisher.strip(), kind=filters.kind,
        source_type=filters.source_type, frequency=frequency,
    )


def confirm_alert(*, alert: Alert) -> Alert:
    """Start the alert (idempotent): statements stored from now on are sent."""
    if alert.confirmed_at is None:
        alert.confirmed_at = timezone.now()
        alert.save(update_fields=["confirmed_at"])
    return alert


def unsubscribe(*, alert: Alert) -> Alert:
    if alert.unsubscribed_at is None:
        alert.unsubscribed_at = timezone.now()
        alert.save(update_fields=["unsubscribed_at"])
        AlertMatch.objects.filter(alert=alert, sent_at=None).delete()
    return alert


def resubscribe(*, alert: Alert) -> Alert:
    """Undo a stop: statements stored from now on are sent again (those stored while it was stopped are not)."""
    if alert.unsubscribed_at is not None:
        alert.unsubscribed_at = None
        alert.confirmed_at = timezone.now()  # matching takes statements stored after this
        alert.save(update_fields=["unsubscribed_at", "confirmed_at"])
    return alert


def set_frequency(*, alert: Alert, frequency: str) -> Alert:
    alert.frequency = frequency
    alert.save(update_fields=["frequency"])
    return alert


# --- Matching -------------------------------------------------------------------------------------------------------

# Driven from the new statements (a handful) to the alerts that could match them through an index: those
# following the statement's speaker, those following one of its topics, and those following neither (words,
# publisher, kind or everything), whose tsquery is cast once per call. Every candidate then meets all its filters.
_MATCH_SQL = """
WITH s AS MATERIALIZED (
    SELECT st.id, st.speaker_id, st.kind, st.source_type, st.search_vector, st.created_at,
           lower(src.publisher) AS publisher
    FROM statements_statement st JOIN statements_source src ON src.id = st.source_id
    WHERE st.id = ANY(%(ids)s) AND st.review_status <> 'rejected' AND st.is_first_appearance
), live AS MATERIALIZED (
    SELECT id, speaker_id, topic_id, kind, source_type, confirmed_at, lower(publisher) AS publisher,
           CASE WHEN tsquery <> '' THEN tsquery::tsquery END AS query
    FROM alerts_alert
    WHERE confirmed_at IS NOT NULL AND unsubscribed_at IS NULL AND disabled_at IS NULL
      AND (speaker_id = ANY(ARRAY(SELECT speaker_id FROM s WHERE speaker_id IS NOT NULL))
           OR topic_id IN (SELECT topic_id FROM statements_statement_topics WHERE statement_id IN (SELECT id FROM s))
           OR (speaker_id IS NULL AND topic_id IS NULL))
)
INSERT INTO alerts_alertmatch (alert_id, statement_id, matched_at, message_id)
SELECT a.id, s.id, now(), ''
FROM live a JOIN s ON s.created_at >= a.confirmed_at
WHERE (a.speaker_id IS NULL OR a.speaker_id = s.speaker_id)
  AND (a.topic_id IS NULL OR EXISTS (
        SELECT 1 FROM statements_statement_topics t WHERE t.statement_id = s.id AND t.topic_id = a.topic_id))
  AND (a.publisher = '' OR s.publisher = a.publisher)
  AND (a.kind = '' OR s.kind = a.kind)
  AND (a.source_type = '' OR s.source_type = a.source_type)
  AND (a.query IS NULL OR s.search_vector @@ a.query)
ON CONFLICT (alert_id, statement_id) DO NOTHING
"""


def match_new(statement_ids: list[int]) -> int:
    """Queue these statements for every live alert they match; the number of matches queued.

    Only first appearances: another outlet carrying an utterance already stored (a copy in its cluster,
    statements.clustering) is not news to the alert's reader.

    On PostgreSQL one statement for all alerts at once (the alert's filters are columns, its search a stored
    tsquery); elsewhere (the embedded SQLite demo) alert by alert through the statement selector.
    """
    if not statement_ids:
        return 0
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            # The planner's estimate for the alerts x statements join is large enough to start JIT compilation,
            # which alone took 140 ms of a 4 ms query (bench/alerts.py).
            cursor.execute("SET LOCAL jit = off")
            cursor.execute(_MATCH_SQL, {"ids": list(statement_ids)})
            return cursor.rowcount
    return _match_alert_by_alert(statement_ids)


def _match_alert_by_alert(statement_ids: list[int]) -> int:
    queued = 0
    for alert in live_alerts():
        found = statement_selectors.filter_statements(statement_selectors.StatementFilters(
            speaker=alert.speaker, topic=alert.topic, q=alert.q, publisher=alert.publisher, kind=alert.kind,
            source_type=alert.source_type,
        )).filter(pk__in=statement_ids, created_at__gte=alert.confirmed_at, is_first_appearance=True)
        new = [AlertMatch(alert=alert, statement_id=pk) for pk in found.values_list("pk", flat=True)]
        queued += len(AlertMatch.objects.bulk_create(new, ignore_conflicts=True))
    return queued


def match_recent(*, now: dt.datetime | None = None) -> int:
    """Match every statement stored since the last run (less MATCH_LOOKBACK); the matches queued."""
    now = now or timezone.now()
    with transaction.atomic():
        cursor, _ = MatchingCursor.objects.select_for_update().get_or_create(pk=1)
        since = (cursor.scanned_until - MATCH_LOOKBACK) if cursor.scanned_until else None
        statements = Statement.objects.filter(created_at__lte=now)
        if since is not None:
            statements = statements.filter(created_at__gt=since)
        queued = 0
        ids = list(statements.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), 5000):
            queued += match_new(ids[start:start + 5000])
        cursor.scanned_until = now
        cursor.save(update_fields=["scanned_until"])
    return queued


# --- Sending --------------------------------------------------------------------------------------------------------


def live_alerts():
    return Alert.objects.filter(confirmed_at__isnull=False, unsubscribed_at=None, disabled_at=None)


def due_alerts(*, frequency: str, now: dt.datetime | None = None) -> list[int]:
    """Ids of live alerts of this frequency with queued statements and whose period has passed (webhooks: whose
    back-off after a failure has passed)."""
    now = now or timezone.now()
    alerts = live_alerts().filter(frequency=frequency, matches__sent_at=None).exclude(next_attempt_at__gt=now)
    if frequency in DIGEST_PERIODS:
        # a little slack, so that a digest run a few seconds earlier than the last one still sends
        last = now - DIGEST_PERIODS[frequency] + dt.timedelta(minutes=5)
        alerts = alerts.exclude(last_sent_at__gt=last)
    return list(alerts.values_list("pk", flat=True).distinct().order_by("pk"))


@contextmanager
def _sending(alert_ids: list[int]):
    """The alerts of these that this worker may send now: PostgreSQL session locks on them, taken without waiting
    (one query) and held until their messages are sent and marked; a killed worker's locks go with its connection."""
    if connection.vendor != "postgresql" or not alert_ids:
        yield list(alert_ids)  # the embedded demo: one process
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM unnest(%s::bigint[]) AS id WHERE pg_try_advisory_lock(%s, id::int)",
                       [list(alert_ids), _LOCK_SPACE])
        held = [row[0] for row in cursor.fetchall()]
    try:
        yield held
    finally:
        if held:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, id::int) FROM unnest(%s::bigint[]) AS id",
                               [_LOCK_SPACE, held])


_LOCK_SPACE = 25  # the first key of alerts' two-key advisory locks (one-key locks, as actors' are, never clash)
SEND_CHUNK = 50  # alerts claimed together: a few queries per chunk, one per alert sent


@transaction.atomic
def _claim(alert_ids: list[int]) -> list[tuple[Alert, str, list[AlertMatch]]]:
    """(alert, Message-ID, queued matches with their statements) for each of these live alerts with statements to
    send: the statements claimed for the Message-ID and committed before anything is sent.

    Statements claimed by a run that did not finish (a killed worker) keep their claim: the next run sends the
    same message again under the same Message-ID, which mail systems treat as one message."""
    alerts = {a.pk: a for a in live_alerts().select_related("subscriber").filter(pk__in=alert_ids)}
    queued: dict[int, list[AlertMatch]] = {}
    for match in (AlertMatch.objects.filter(alert_id__in=list(alerts), sent_at=None)
                  .select_related("statement__speaker", "statement__source")
                  .defer("statement__search_vector", "statement__source__text", "statement__source__original")
                  .order_by("alert_id", "statement_id")):
        queued.setdefault(match.alert_id, []).append(match)
    claims, new_ids, new_message_ids = [], [], []
    for alert_id, matches in queued.items():
        interrupted = next((m.message_id for m in matches if m.message_id), "")
        if interrupted:
            claims.append((alerts[alert_id], interrupted, [m for m in matches if m.message_id == interrupted]))
            continue
        message_id = make_msgid(domain=settings.ALERT_MESSAGE_ID_DOMAIN)
        claimed = matches[:settings.ALERT_MAX_STATEMENTS_PER_MESSAGE]
        new_ids += [m.pk for m in claimed]
        new_message_ids += [message_id] * len(claimed)
        claims.append((alerts[alert_id], message_id, claimed))
    if new_ids:
        _set_message_ids(new_ids, new_message_ids)
    return claims


def _set_message_ids(match_ids: list[int], message_ids: list[str]) -> None:
    if connection.vendor == "postgresql":  # one statement for the chunk
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE alerts_alertmatch m SET message_id = v.message_id "
                "FROM unnest(%s::bigint[], %s::text[]) AS v(id, message_id) WHERE m.id = v.id",
                [match_ids, message_ids])
        return
    for match_id, message_id in zip(match_ids, message_ids):
        AlertMatch.objects.filter(pk=match_id).update(message_id=message_id)


def _mark_sent(alert: Alert, matches: list[AlertMatch], now: dt.datetime) -> int:
    with transaction.atomic():
        sent = AlertMatch.objects.filter(pk__in=[m.pk for m in matches]).update(sent_at=now)
        Alert.objects.filter(pk=alert.pk).update(last_sent_at=now)
    return sent


def send_alert(*, alert_id: int, now: dt.datetime | None = None, mail=None) -> int:
    """Send one alert's queued statements in one message; the number sent (0 when another worker holds it)."""
    return send_alerts([alert_id], now=now, mail=mail)


def _deliver(alert: Alert, statements: list, delivery_id: str, now: dt.datetime) -> bool:
    """POST to the webhook and log the attempt; after a failure, try again later (doubling the wait), and turn the
    webhook off after ALERT_WEBHOOK_MAX_FAILURES in a row, with the reason kept for its owner."""
    from . import webhooks

    started = time.monotonic()
    status, error = None, ""
    try:
        status = webhooks.post(alert, webhooks.payload(alert, statements, delivery_id), delivery_id)
    except webhooks.DeliveryFailed as exc:
        status, error = exc.status_code, str(exc)
    WebhookDelivery.objects.create(alert=alert, delivery_id=delivery_id, statements=len(statements),
                                   status_code=status, error=error,
                                   duration_ms=int((time.monotonic() - started) * 1000))
    if not error:
        Alert.objects.filter(pk=alert.pk).update(failures=0, next_attempt_at=None)
        return True
    failures = alert.failures + 1
    changes = {"failures": failures,
               "next_attempt_at": now + dt.timedelta(seconds=settings.ALERT_WEBHOOK_RETRY_SECONDS * 2 ** (failures - 1))}
    if failures >= settings.ALERT_WEBHOOK_MAX_FAILURES:
        changes.update(disabled_at=now, next_attempt_at=None, disabled_reason=(
            f"Turned off after {failures} failed deliveries in a row; the last: {error} Fix the receiver, then "
            "turn the webhook on again (PATCH it with \"enabled\": true)."))
    Alert.objects.filter(pk=alert.pk).update(**changes)
    log.warning("webhook %s delivery %s failed (%s of %s in a row): %s", alert.pk, delivery_id, failures,
                settings.ALERT_WEBHOOK_MAX_FAILURES, error)
    return False


@transaction.atomic
def register_webhook(*, owner, url: str, filters: AlertFilters) -> Alert:
    """A webhook for an API token holder: live at once (the owner is known), sent as statements come."""
    from . import webhooks

    webhooks.check_url(url)
    return Alert.objects.create(
        channel=Alert.Channel.WEBHOOK, owner=owner, url=url, secret=webhooks.new_secret(),
        speaker=filters.speaker, topic=filters.topic, q=" ".join(filters.q.split()), tsquery=tsquery_of(filters.q),
        publisher=filters.publisher.strip(), kind=filters.kind, source_type=filters.source_type,
        frequency=Alert.Frequency.IMMEDIATE, confirmed_at=timezone.now(),
    )


def remove_webhook(*, alert: Alert) -> None:
    """A removed webhook stops at once; its delivery log stays (admin) until the row is deleted."""
    unsubscribe(alert=alert)


def enable_webhook(*, alert: Alert) -> Alert:
    """Turn a webhook on again after it was turned off: its failures are forgotten, queued statements go next run."""
    alert.disabled_at, alert.disabled_reason, alert.failures, alert.next_attempt_at = None, "", 0, None
    alert.save(update_fields=["disabled_at", "disabled_reason", "failures", "next_attempt_at"])
    return alert


def send_due(*, frequency: str, now: dt.datetime | None = None) -> int:
    """Send every due alert of this frequency in this process; the statements sent (tasks split the work)."""
    return send_alerts(due_alerts(frequency=frequency, now=now), now=now)


def send_alerts(alert_ids, *, now: dt.datetime | None = None, mail=None) -> int:
    """Send these alerts' queued statements, one message each, over one mail connection; the statements sent.

    Three steps, each committed: claim an alert's statements for a Message-ID (a chunk of alerts at a time), send,
    mark them sent. A worker killed before the claim leaves them queued; after it, the next run sends the same
    message again (same Message-ID and statements). None is missed, and none reaches the address in two different
    messages. A mail server that fails MAX_FAILURES_IN_A_ROW times stops the run (the rest stay queued).
    """
    from . import emails

    now = now or timezone.now()
    alert_ids = list(alert_ids)
    sent, failures = 0, 0
    own_connection = mail is None
    mail = mail or get_connection()  # opened by the first message: a server that is down fails one alert at a time
    try:
        for start in range(0, len(alert_ids), SEND_CHUNK):
            with _sending(alert_ids[start:start + SEND_CHUNK]) as held:
                for alert, message_id, matches in _claim(held):
                    statements = [m.statement for m in matches]
                    if alert.channel == Alert.Channel.WEBHOOK:
                        if _deliver(alert, statements, message_id, now):
                            sent += _mark_sent(alert, matches, now)
                        continue
                    try:
                        emails.send_alert_message(alert=alert, statements=statements, message_id=message_id,
                                                  mail=mail)
                    except OSError as exc:  # refused or down: the statements stay claimed for the next run
                        log.warning("alert %s not sent (%s: %s); its statements stay queued", alert.pk,
                                    type(exc).__name__, exc)
                        mail.close()  # the next message opens a fresh connection
                        failures += 1
                        if failures >= MAX_FAILURES_IN_A_ROW:
                            log.warning("mail server failing: run stopped, the other alerts wait for the next run")
                            return sent
                        continue
                    failures = 0
                    sent += _mark_sent(alert, matches, now)
    finally:
        if own_connection:
            mail.close()
    return sent
