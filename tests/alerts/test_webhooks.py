"""Webhooks through a real HTTP receiver on loopback: registered by API token, signed, retried, turned off."""
import datetime as dt
import hashlib
import hmac
import json

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from alerts import services
from alerts.models import Alert, AlertMatch, WebhookDelivery
from tests.factories import ActorFactory, StatementFactory, token_client

pytestmark = pytest.mark.django_db
WEBHOOKS = "/api/v1/webhooks/"


@pytest.fixture
def api():
    return token_client(get_user_model().objects.create_user("tool", password="x" * 20))


def register(api, **body):
    return api.post(WEBHOOKS, body, format="json")


def verify(secret: str, request: dict) -> dict:
    """What a receiver does: check the signature over "<timestamp>.<body>", then read the body."""
    headers = request["headers"]
    timestamp = headers["X-Statement-Tracker-Timestamp"]
    expected = "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + request["body"],
                                    hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["X-Statement-Tracker-Signature"], expected)
    assert abs(int(timestamp) - timezone.now().timestamp()) < 60
    return json.loads(request["body"])


def test_a_registered_webhook_receives_new_matching_statements_signed(api, receiver):
    brown = ActorFactory(name="Gordon Brown", slug="gordon-brown")
    response = register(api, url=receiver.url, speaker="gordon-brown")
    assert response.status_code == 201, response.content
    secret = response.json()["secret"]
    assert response.json()["follows"] == "Statements by Gordon Brown" and response.json()["enabled"] is True
    said = StatementFactory(speaker=brown)
    StatementFactory()  # someone else
    services.match_recent()
    assert services.send_due(frequency=Alert.Frequency.IMMEDIATE) == 1
    (request,) = receiver.wait_for(1)
    body = verify(secret, request)
    assert [s["id"] for s in body["statements"]] == [said.pk]
    statement = body["statements"][0]
    assert statement["speaker"]["name"] == "Gordon Brown"
    assert statement["html_url"] == f"http://testserver{said.get_absolute_url()}"
    assert statement["content"] == said.content
    assert request["headers"]["X-Statement-Tracker-Delivery"] == body["delivery"]
    # never sent twice
    services.match_recent()
    assert services.send_due(frequency=Alert.Frequency.IMMEDIATE) == 0
    assert len(receiver.requests) == 1
    # the secret is shown once: not in the list
    assert "secret" not in api.get(WEBHOOKS).json()["results"][0]


def test_a_failing_receiver_is_retried_later_with_the_same_delivery_then_succeeds(api, receiver):
    brown = ActorFactory(name="Gordon Brown", slug="gordon-brown")
    register(api, url=receiver.url, speaker="gordon-brown")
    StatementFactory(speaker=brown)
    services.match_recent()
    receiver.answers = [500]
    now = timezone.now()
    assert services.send_due(frequency=Alert.Frequency.IMMEDIATE, now=now) == 0
    webhook = Alert.objects.get()
    assert webhook.failures == 1 and webhook.next_attempt_at > now
    # before the back-off has passed: not tried
    assert services.send_due(frequency=Alert.Frequency.IMMEDIATE, now=now + dt.timedelta(seconds=5)) == 0
    assert len(receiver.requests) == 1
    assert services.send_due(frequency=Alert.Frequency.IMMEDIATE, now=webhook.next_attempt_at) == 1
    first, second = receiver.wait_for(2)
    assert first["headers"]["X-Statement-Tracker-Delivery"] == second["headers"]["X-Statement-Tracker-Delivery"]
    webhook.refresh_from_db()
    assert webhook.failures == 0 and webhook.next_attempt_at is None
    assert [(d.status_code, bool(d.error)) for d in WebhookDelivery.objects.order_by("id")] == [(500, True), (200, False)]


def test_a_receiver_that_keeps_failing_turns_the_webhook_off_with_the_reason_and_it_can_be_turned_on(
        api, receiver, settings):
    settings.ALERT_WEBHOOK_MAX_FAILURES = 3
    brown = ActorFactory(name="Gordon Brown", slug="gordon-brown")
    pk = register(api, url=receiver.url, speaker="gordon-brown").json()["id"]
    StatementFactory(speaker=brown)
    services.match_recent()
    receiver.answers = [503, 503, 503]
    now = timezone.now()
    for _ in range(3):
        services.send_due(frequency=Alert.Frequency.IMMEDIATE, now=now)
        now += dt.timedelta(hours=2)
    shown = api.get(f"{WEBHOOKS}{pk}/").json()
    assert shown["enabled"] is False and "3 failed deliveries" in shown["disabled_reason"]
    assert "HTTP 503" in shown["disabled_reason"]
    assert len(shown["recent_deliveries"]) == 3
    assert services.send_due(frequency=Alert.Frequency.IMMEDIATE, now=now) == 0  # off: not tried
    assert len(receiver.requests) == 3
    assert api.patch(f"{WEBHOOKS}{pk}/", {"enabled": True}, format="json").json()["enabled"] is True
    assert services.send_due(frequency=Alert.Frequency.IMMEDIATE, now=now) == 1
    assert AlertMatch.objects.filter(sent_at=None).count() == 0


def test_an_unreachable_receiver_counts_as_a_failure(api, receiver):
    brown = ActorFactory(name="Gordon Brown", slug="gordon-brown")
    register(api, url=receiver.url, speaker="gordon-brown")
    receiver.stop()
    StatementFactory(speaker=brown)
    services.match_recent()
    assert services.send_due(frequency=Alert.Frequency.IMMEDIATE) == 0
    (delivery,) = WebhookDelivery.objects.all()
    assert delivery.status_code is None and "Could not reach the receiver" in delivery.error


@pytest.mark.parametrize("body, field", [
    ({"url": "ftp://example.org/hook"}, "url"),
    ({"url": "javascript:alert(1)"}, "url"),
    ({"url": "https://example.org/hook", "colour": "red"}, "colour"),
    ({"url": "https://example.org/hook", "speaker": "nobody-known"}, "speaker"),
    ({"url": "https://example.org/hook", "kind": "shouted"}, "kind"),
    ({}, "url"),
])
def test_a_bad_registration_is_refused_with_the_field_named(api, body, field):
    response = register(api, **body)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert Alert.objects.count() == 0


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/hook", "http://localhost/hook", "http://10.1.2.3/hook",
                                 "http://[::1]/hook", "http://169.254.169.254/latest/meta-data"])
def test_in_production_settings_private_and_loopback_addresses_are_refused(api, settings, url):
    settings.ALERT_WEBHOOK_ALLOW_PRIVATE = False
    response = register(api, url=url)
    assert response.status_code == 400
    assert "private, loopback or reserved" in response.json()["error"]["fields"]["url"][0]


def test_webhooks_need_a_token_and_each_holder_sees_only_their_own(api, client, receiver):
    assert client.get(WEBHOOKS).status_code in (401, 403)
    assert client.post(WEBHOOKS, {"url": receiver.url}, content_type="application/json").status_code in (401, 403)
    pk = register(api, url=receiver.url, q="budget").json()["id"]
    other = token_client(get_user_model().objects.create_user("other", password="y" * 20))
    assert other.get(f"{WEBHOOKS}{pk}/").status_code == 404
    assert other.delete(f"{WEBHOOKS}{pk}/").status_code == 404
    assert api.delete(f"{WEBHOOKS}{pk}/").status_code == 204
    assert api.get(WEBHOOKS).json()["results"] == []
