"""Webhooks: where they may point, and one signed POST of an alert's new statements.

The body is JSON: {"delivery": id, "alert": id, "follows": "...", "statements": [the API's representation]}. It is
signed with the webhook's secret: `X-Statement-Tracker-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`
with the Unix time in `X-Statement-Tracker-Timestamp` (a receiver checks both, and refuses old timestamps so that
a captured request cannot be replayed). `X-Statement-Tracker-Delivery` is the same on every retry of the same
statements: a receiver that saw it already can ignore the retry.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import secrets
import socket
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest

SIGNATURE_HEADER = "X-Statement-Tracker-Signature"
TIMESTAMP_HEADER = "X-Statement-Tracker-Timestamp"
DELIVERY_HEADER = "X-Statement-Tracker-Delivery"


class WebhookURLRefused(ValueError):
    """A URL a webhook may not point to; the message says why and what to do."""


class DeliveryFailed(Exception):
    def __init__(self, message: str, status_code: int | None = None):
        super().__init__(message)
        self.status_code = status_code


def new_secret() -> str:
    return secrets.token_hex(32)


def sign(secret: str, timestamp: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def check_url(url: str) -> None:
    """Refuse what a webhook may not call: other schemes than http(s), and (unless ALERT_WEBHOOK_ALLOW_PRIVATE, as in
    development and tests) hosts that are or resolve to private, loopback, link-local or reserved addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebhookURLRefused("A webhook URL must start with http:// or https:// and name a host.")
    if settings.ALERT_WEBHOOK_ALLOW_PRIVATE:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError) as exc:
        raise WebhookURLRefused(f"The host {parts.hostname!r} could not be resolved ({exc}); check the URL.") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise WebhookURLRefused(
                f"The host {parts.hostname!r} resolves to {address}, a private, loopback or reserved address; "
                "webhooks must point to a public address.")


class _SiteRequest(HttpRequest):
    """A request for SITE_URL, so that the API's serializer writes the same absolute links in a worker."""

    def __init__(self):
        super().__init__()
        parts = urlsplit(settings.SITE_URL)
        self._site_scheme = parts.scheme or "http"
        self.META.update(HTTP_HOST=parts.netloc, SERVER_NAME=parts.hostname or "localhost",
                         SERVER_PORT=str(parts.port or (443 if self._site_scheme == "https" else 80)))

    def _get_scheme(self):
        return self._site_scheme


def payload(alert, statements, delivery_id: str) -> bytes:
    from rest_framework.request import Request

    from statements.selectors import with_refs
    from statements.serializers import StatementSerializer

    request = Request(_SiteRequest())
    data = StatementSerializer(with_refs(statements), many=True, context={"request": request}).data
    return json.dumps({"delivery": delivery_id, "alert": alert.pk, "follows": alert.describe(),
                       "statements": data}, ensure_ascii=False).encode("utf-8")


def post(alert, body: bytes, delivery_id: str) -> int:
    """POST the body to the webhook; its HTTP status. Raises DeliveryFailed for anything but a 2xx answer."""
    try:
        check_url(alert.url)  # again at delivery: the host may resolve elsewhere now
    except WebhookURLRefused as exc:
        raise DeliveryFailed(str(exc)) from exc
    timestamp = str(int(time.time()))
    request = urllib.request.Request(alert.url, data=body, method="POST", headers={
        "Content-Type": "application/json", "User-Agent": "StatementTracker-Webhook/1",
        SIGNATURE_HEADER: sign(alert.secret, timestamp, body), TIMESTAMP_HEADER: timestamp,
        DELIVERY_HEADER: delivery_id,
    })
    try:
        with _opener.open(request, timeout=settings.ALERT_WEBHOOK_TIMEOUT) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        raise DeliveryFailed(f"The receiver answered HTTP {exc.code} {exc.reason}.", exc.code) from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DeliveryFailed(f"Could not reach the receiver: {reason}.") from exc


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is not followed (it could lead to an address check_url refuses): it counts as a failure."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirects)
