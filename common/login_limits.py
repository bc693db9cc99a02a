"""Login lockout (django-axes, settings AXES_* and LOGIN_*): which attempts count together, and the page shown
while a sign-in is paused.

Three limits, so that neither a flood, a crowd nor a spray works:
- one account from one address: LOGIN_FAILURE_LIMIT (10) wrong passwords pause that account *at that address*
  for LOGIN_COOLOFF_MINUTES, the right password included. Someone flooding an editor's username from one
  address (or a few) pauses it there only, not for the editor at their own desk.
- one account from everywhere: once LOGIN_ACCOUNT_FAILURE_LIMIT (100) failures from all addresses are counted
  within the cool-off, the account is paused for every address it has not signed in from in the last
  KNOWN_ADDRESS_DAYS; its editor, at an address they used before, still signs in. Guessing from many addresses
  is so bounded to about LOGIN_ACCOUNT_FAILURE_LIMIT guesses per cool-off.
- one address, every account: LOGIN_ADDRESS_FAILURE_LIMIT (50) failures from one address within the cool-off,
  whatever the usernames, pause sign-in from that address (password spraying; and a paused attempt is refused
  before any password is hashed, so one address cannot keep the web workers hashing).
The page says when to retry: the last counted failure plus the cool-off (failures during a pause are not
counted, AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT=False), and sends Retry-After.
"""
from __future__ import annotations

import datetime as dt
import math

from axes.helpers import get_client_ip_address, get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt, AccessBase, AccessLog
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone

KNOWN_ADDRESS_DAYS = 90
PAIR = [["username", "ip_address"]]
ACCOUNT = ["username"]
ADDRESS = ["ip_address"]


def _who(request_or_attempt, credentials) -> tuple[str | None, str | None]:
    if isinstance(request_or_attempt, AccessBase):
        return request_or_attempt.username, request_or_attempt.ip_address
    address = getattr(request_or_attempt, "axes_ip_address", None) or get_client_ip_address(request_or_attempt)
    return get_client_username(request_or_attempt, credentials), address


def _recent_failures(**which) -> int:
    since = timezone.now() - get_cool_off()
    return AccessAttempt.objects.filter(attempt_time__gte=since, **which).aggregate(
        n=Sum("failures_since_start"))["n"] or 0


def address_paused(address: str | None) -> bool:
    limit = settings.LOGIN_ADDRESS_FAILURE_LIMIT
    return bool(address and limit and _recent_failures(ip_address=address) >= limit)


def account_paused(username: str | None, address: str | None) -> bool:
    """The account has too many recent failures from everywhere, and `address` is not one its owner used."""
    limit = settings.LOGIN_ACCOUNT_FAILURE_LIMIT
    if not username or not limit:
        return False
    if _recent_failures(username=username) < limit:
        return False
    known_since = timezone.now() - dt.timedelta(days=KNOWN_ADDRESS_DAYS)
    return not AccessLog.objects.filter(username=username, ip_address=address, attempt_time__gte=known_since).exists()


def pause(username: str | None, address: str | None) -> list:
    """Which failures count together for this attempt: by account and address; by address alone or by account
    alone (all their failures summed, so over LOGIN_FAILURE_LIMIT) while the address or the account is paused."""
    if address_paused(address):
        return ADDRESS
    return ACCOUNT if account_paused(username, address) else PAIR


def lockout_parameters(request_or_attempt, credentials=None):
    """AXES_LOCKOUT_PARAMETERS."""
    return pause(*_who(request_or_attempt, credentials))


def locked_out(request, original_response=None, credentials=None):
    username, address = _who(request, credentials)
    cool_off = get_cool_off(request)
    paused = pause(username, address)
    if paused is ADDRESS:
        which, limit = {"ip_address": address}, settings.LOGIN_ADDRESS_FAILURE_LIMIT
    elif paused is ACCOUNT:
        which, limit = {"username": username}, settings.LOGIN_ACCOUNT_FAILURE_LIMIT
    else:
        which, limit = {"username": username, "ip_address": address}, get_failure_limit(request, credentials)
    last = (AccessAttempt.objects.filter(**which).order_by("-attempt_time")
            .values_list("attempt_time", flat=True).first())
    now = timezone.now()
    retry_at = (last or now) + cool_off
    seconds = max(1, math.ceil((retry_at - now).total_seconds()))
    context = {
        "username": username or "", "account_wide": paused is ACCOUNT, "address_wide": paused is ADDRESS,
        "failure_limit": limit,
        "retry_at": retry_at, "minutes": max(1, math.ceil(seconds / 60)),
    }
    response = render(request, "registration/locked_out.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response
