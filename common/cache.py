"""The shared cache: Django's Redis cache, safe to put in the broker's Redis and to lose.

- `clear()` deletes this cache's own keys (those under its KEY_PREFIX) and nothing else: Django's would send
  FLUSHDB, which would also empty Celery's queue when the cache shares the broker's database.
- `sliding_hit(key, allowed, window)`: one request counted in a sliding log (a sorted set), atomically by a Lua
  script timed by the Redis server's clock; what common.throttling's limits count with.
- When Redis cannot be reached, reads miss, writes are dropped and `incr` raises ValueError (as for a missing
  key); after one failure the cache is not tried again for RETRY_AFTER seconds in this process, so a page or
  an upload never waits on a dead Redis more than once. Throttles then let requests through (common.throttling)
  and cached aggregates are computed afresh.
"""
from __future__ import annotations

import functools
import logging
import time
import uuid

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

log = logging.getLogger(__name__)

RETRY_AFTER = 5.0
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


def _tolerant(fallback):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < self._unreachable_until:
                return fallback(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except UNREACHABLE as exc:
                self._unreachable_until = time.monotonic() + RETRY_AFTER
                log.warning("cache unreachable (%s); going without it for %.0f s", exc, RETRY_AFTER)
                return fallback(*args, **kwargs)
        return wrapper
    return decorate


def _missing(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (the cache is unreachable).")


def _default(key, default=None, *args, **kwargs):
    return default


# KEYS[1] the log; ARGV: window (s), allowed, a unique member. Returns {1, 0} when counted, {0, ms to wait}.
SLIDING_HIT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1]) * 1000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tonumber(oldest[2]) + window - now}
"""


class SharedRedisCache(RedisCache):
    def __init__(self, server, params):
        if not params.get("KEY_PREFIX"):
            raise ValueError("SharedRedisCache needs a KEY_PREFIX: clear() deletes only the keys under it.")
        super().__init__(server, params)
        self._unreachable_until = 0.0

    get = _tolerant(_default)(RedisCache.get)
    get_many = _tolerant(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _tolerant(lambda *a, **k: False)(RedisCache.has_key)
    add = _tolerant(lambda *a, **k: False)(RedisCache.add)
    set = _tolerant(lambda *a, **k: None)(RedisCache.set)
    set_many = _tolerant(lambda data, *a, **k: list(data))(RedisCache.set_many)
    touch = _tolerant(lambda *a, **k: False)(RedisCache.touch)
    delete = _tolerant(lambda *a, **k: False)(RedisCache.delete)
    delete_many = _tolerant(lambda *a, **k: None)(RedisCache.delete_many)
    incr = _tolerant(_missing)(RedisCache.incr)

    @_tolerant(lambda *a, **k: None)
    def sliding_hit(self, key: str, allowed: int, window: int) -> tuple[bool, float]:
        """Count one request in the sliding log `key` unless it already holds `allowed` requests of the last
        `window` seconds; (counted, seconds until one of them leaves the window)."""
        key = self.make_and_validate_key(key)
        client = self._cache.get_client(key, write=True)
        counted, wait_ms = client.eval(SLIDING_HIT, 1, key, window, allowed, uuid.uuid4().hex)
        return bool(counted), int(wait_ms) / 1000

    @_tolerant(lambda *a, **k: False)
    def clear(self):
        client = self._cache.get_client(None, write=True)
        pattern = "".join("\\" + c if c in "*?[]\\" else c for c in self.key_prefix) + ":*"
        batch = []
        for key in client.scan_iter(match=pattern, count=500):
            batch.append(key)
            if len(batch) >= 500:
                client.unlink(*batch)
                batch = []
        if batch:
            client.unlink(*batch)
        return True
