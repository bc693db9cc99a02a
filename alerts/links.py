"""Signed links in alert emails: confirm an alert, leave it, manage an address's alerts. No account needed.

Each is a `django.core.signing` token of its own salt, so a token made for one purpose opens nothing else;
confirmation links expire, unsubscribe and manage links do not (they are in every message sent).
"""
from __future__ import annotations

from django.conf import settings
from django.core import signing

from common.links import reverse_one

CONFIRM_MAX_AGE = 7 * 24 * 3600
_SALTS = {"confirm": "alerts.confirm", "unsubscribe": "alerts.unsubscribe", "manage": "alerts.manage"}


def make_token(purpose: str, value) -> str:
    return signing.dumps(value, salt=_SALTS[purpose], compress=True)


def read_token(purpose: str, token: str):
    """The value a token of this purpose carries, or None when it is forged, for another purpose or expired."""
    max_age = CONFIRM_MAX_AGE if purpose == "confirm" else None
    try:
        return signing.loads(token, salt=_SALTS[purpose], max_age=max_age)
    except signing.BadSignature:  # SignatureExpired is one
        return None


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def confirm_url(alert) -> str:
    return absolute(reverse_one("alerts:confirm", token=make_token("confirm", alert.pk)))


def unsubscribe_url(alert) -> str:
    return absolute(reverse_one("alerts:unsubscribe", token=make_token("unsubscribe", alert.pk)))


def manage_url(email: str) -> str:
    return absolute(reverse_one("alerts:manage", token=make_token("manage", email)))
