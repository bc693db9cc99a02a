"""Request limits that hold across processes and machines, and the client's address they are keyed on.

- `client_address(request)`: the address of whoever sent the request, trusting exactly NUM_PROXIES proxies in
  front of the app (0: REMOTE_ADDR, X-Forwarded-For ignored, so a spoofed header changes nothing). DRF's
  throttles, django-axes (login lockout) and the upload page all call it.
- `hit(key, rate)`: count one request against a rate ("60/minute") in Django's cache: in Redis one atomic
  script per request, so two web workers, or two machines on one Redis, share one exact count (at most N in
  any sliding window, refused requests not counted, the time taken from the Redis server's clock).
- DRF throttle classes over it: anonymous use (`anon`), uploads and reprocessing per account.

When the cache cannot be reached the request is let through (logged): a limit is never a reason to refuse
an upload while Redis is down (common.cache does the same for every read and write).
"""
from __future__ import annotations

import logging
import math
import threading
import time

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import BaseThrottle

log = logging.getLogger(__name__)

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def client_address(request) -> str | None:
    """The client's address: REMOTE_ADDR, or the address the NUM_PROXIES-th trusted proxy saw.

    Each proxy appends the address it received the request from to X-Forwarded-For, so with N trusted proxies
    the N-th entry from the right was written by the outermost of them; anything left of it came from the
    client and is not believed.
    """
    meta = request.META
    hops = settings.NUM_PROXIES
    if hops > 0:
        forwarded = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-min(hops, len(forwarded))]
    return meta.get("REMOTE_ADDR") or None  # None: no address (a request made up in code)


def parse_rate(rate: str | None) -> tuple[int, int] | None:
    """'60/minute' -> (60, 60); None or '' -> None (no limit)."""
    if not rate:
        return None
    number, period = rate.split("/")
    return int(number), PERIODS[period.strip()[0].lower()]


def hit(key: str, rate: str | None) -> tuple[bool, float]:
    """Count one request under `key` against `rate`; (allowed, seconds to wait when refused).

    A sliding log, exact like DRF's own throttles: at most N requests in any `window` seconds, refused requests
    not counted. In Redis it is one atomic script (common.cache.SharedRedisCache.sliding_hit); in a local-memory
    cache (one process, the embedded mode) a list under a lock.
    """
    parsed = parse_rate(rate)
    if parsed is None:
        return True, 0.0
    allowed, window = parsed
    sliding_hit = getattr(caches["default"], "sliding_hit", None)
    outcome = sliding_hit(f"rate:{key}", allowed, window) if sliding_hit else _local_hit(f"rate:{key}", allowed, window)
    if outcome is None:  # the cache is unreachable (common.cache): let the request through
        log.warning("rate limit %s not counted: the cache is unreachable", key)
        return True, 0.0
    ok, wait = outcome
    return ok, 0.0 if ok else max(1.0, math.ceil(wait))


_local_lock = threading.Lock()


def _local_hit(key: str, allowed: int, window: int) -> tuple[bool, float]:
    with _local_lock:
        now = time.time()
        recent = [t for t in caches["default"].get(key, []) if t > now - window]
        if len(recent) >= allowed:
            return False, recent[0] + window - now
        caches["default"].set(key, [*recent, now], window)
        return True, 0.0


class SharedRateThrottle(BaseThrottle):
    """A DRF throttle counted by `hit`; the rate is REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"][scope], read per
    request (so a changed setting applies at once)."""

    scope = ""

    def get_ident(self, request):
        return client_address(request) or "unknown"

    def get_key(self, request, view) -> str | None:
        raise NotImplementedError

    def allow_request(self, request, view):
        rate = settings.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {}).get(self.scope)
        key = self.get_key(request, view) if rate else None
        if key is None:
            return True
        allowed, self._wait = hit(f"{self.scope}:{key}", rate)
        return allowed

    def wait(self):
        return getattr(self, "_wait", None)


class AnonThrottle(SharedRateThrottle):
    """Anonymous API use, per client address (API_ANON_RATE)."""

    scope = "anon"

    def get_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.get_ident(request)


class AccountThrottle(SharedRateThrottle):
    """Per signed-in account (by address when anonymous); the account's requests from anywhere share one count."""

    def get_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return account_key(request.user)
        return self.get_ident(request)


class UploadThrottle(AccountThrottle):
    scope = "uploads"


class ReprocessThrottle(AccountThrottle):
    scope = "reprocess"


def account_key(user) -> str:
    return f"user:{user.pk}"


def over_account_rate(request, scope: str) -> float:
    """For pages and admin actions: count one `scope` request by the signed-in user against the same rate
    (and the same count) as the API's; 0 when allowed, else the seconds to wait."""
    rate = settings.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {}).get(scope)
    key = account_key(request.user) if request.user.is_authenticated else client_address(request) or "unknown"
    allowed, wait = hit(f"{scope}:{key}", rate)
    return 0.0 if allowed else wait
