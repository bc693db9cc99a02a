"""The page shown while a sign-in is paused by the login lockout (django-axes, settings AXES_*).

Lockout is keyed on the account and the client's address together (AXES_LOCKOUT_PARAMETERS): someone flooding
an editor's username with wrong passwords from one address pauses that username at that address only, not the
editor at their own desk; guessing from many addresses costs LOGIN_FAILURE_LIMIT guesses per address per
LOGIN_COOLOFF_MINUTES. The page says when the pause ends (the last counted failure plus the cool-off; failures
during the pause are not counted, AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT=False) and sends Retry-After.
"""
from __future__ import annotations

import math

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.shortcuts import render
from django.utils import timezone


def locked_out(request, original_response=None, credentials=None):
    username = get_client_username(request, credentials) or ""
    cool_off = get_cool_off(request)
    last = (
        AccessAttempt.objects.filter(username=username, ip_address=getattr(request, "axes_ip_address", None))
        .order_by("-attempt_time").values_list("attempt_time", flat=True).first()
    )
    now = timezone.now()
    retry_at = (last or now) + cool_off
    seconds = max(1, math.ceil((retry_at - now).total_seconds()))
    context = {
        "username": username, "failure_limit": get_failure_limit(request, credentials),
        "retry_at": retry_at, "minutes": max(1, math.ceil(seconds / 60)),
    }
    response = render(request, "registration/locked_out.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response
