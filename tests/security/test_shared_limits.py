"""Limits hold across processes: real gunicorn with two workers on loopback, counting in Redis (CACHE_URL), answers
429 at the configured count for requests spread over both workers, not at twice it; the cache shares the broker's
Redis (the default when a Redis broker is set) without ever emptying its queue; and with the cache's Redis down, pages, reads and uploads still answer."""
import importlib.util
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import redis
from django.conf import settings
from rest_framework.authtoken.models import Token

from tests.factories import token_client
from tests.test_settings import run_manage
from tests.workers import worker_env

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output" / "security"
CLOSED_PORT_REDIS = "redis://127.0.0.1:6390/0"


def bench(name):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def cache_redis():
    client = redis.Redis.from_url(settings.TEST_CACHE_URL)
    client.flushdb()  # this test's own database (TEST_CACHE_URL)
    yield client
    client.flushdb()


@pytest.mark.django_db(transaction=True)
def test_two_gunicorn_workers_share_one_limit(editor, cache_redis):
    load, probe = bench("load"), bench("limits")  # probe.send spoofs X-Forwarded-For (ignored: NUM_PROXIES=0)
    token = Token.objects.create(user=editor).key
    # As the README's non-Docker steps deploy it: a Redis broker and no CACHE_URL, so the counts go to the
    # broker's Redis (here this test's own database, which also takes the uploads' tasks; no worker runs).
    env = worker_env() | {"CELERY_BROKER_URL": settings.TEST_CACHE_URL, "API_ANON_RATE": "10/hour",
                          "UPLOAD_RATE": "4/hour", "NUM_PROXIES": "0", "DEBUG": "false", "LOG_LEVEL": "WARNING"}
    env.pop("CACHE_URL", None)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    log = OUTPUT / "shared-limits-gunicorn.log"
    port = load.free_port()
    # Sync workers (one request at a time each), both ready at once (--preload), so concurrent requests reach both.
    web = load.start_gunicorn(env, port, log, workers=2, extra=(
        "--threads", "1", "--preload", "--access-logformat", "pid=%(p)s %(s)s %(U)s"))
    base = f"http://127.0.0.1:{port}"
    try:
        with ThreadPoolExecutor(8) as pool:
            reads = list(pool.map(lambda _: probe.send(base, "/api/v1/topics/"), range(40)))
            article = "Talks\n\nThe minister said that talks would resume, number {}."
            uploads = list(pool.map(
                lambda i: probe.send(base, "/api/v1/sources/", token, {"text": article.format(i)}), range(12)))
    finally:
        load.stop(web)
    served = log.read_text()
    for path in ("/api/v1/topics/", "/api/v1/sources/"):
        workers = set(re.findall(rf"pid=<?(\d+)>? \d{{3}} {path}", served))
        assert len(workers) == 2, f"the requests to {path} did not reach both workers: {workers}"
    assert sorted(reads) == [200] * 10 + [429] * 30
    assert sorted(uploads) == [202] * 4 + [429] * 8


def test_the_cache_defaults_to_the_brokers_redis_and_clear_keeps_the_queue(cache_redis):
    code = ("from django.conf import settings; from django.core.cache import cache; import redis; "
            f"r = redis.Redis.from_url({settings.TEST_CACHE_URL!r}); r.lpush('celery', 'a queued task'); "
            "cache.set('probe', 1); print(settings.CACHES['default']['BACKEND'], "
            "any(b'probe' in k for k in r.keys()), end=' '); cache.clear(); "
            "print(r.llen('celery'), cache.get('probe'))")
    result = run_manage("shell", "--no-imports", "-c", code,
                        env_extra={"CELERY_BROKER_URL": settings.TEST_CACHE_URL, "CACHE_URL": ""})
    assert result.stdout.split() == ["common.cache.SharedRedisCache", "True", "1", "None"], result.stderr
    embedded = run_manage("shell", "--no-imports", "-c",
                          "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
                          env_extra={"CACHE_URL": ""})
    assert embedded.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache", embedded.stderr


@pytest.mark.django_db
def test_with_the_cache_down_pages_reads_and_uploads_still_answer(editor, settings, monkeypatch):
    monkeypatch.setattr("ingest.services.dispatch", lambda source_id: None)
    settings.CACHES = {"default": {"BACKEND": "common.cache.SharedRedisCache", "LOCATION": CLOSED_PORT_REDIS,
                                   "KEY_PREFIX": "down", "OPTIONS": {"socket_connect_timeout": 1}}}
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "anon": "2/minute", "uploads": "2/minute"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    from django.test import Client

    assert Client().get("/").status_code == 200
    assert [Client().get("/api/v1/topics/").status_code for _ in range(3)] == [200] * 3  # not counted: let through
    api = token_client(editor)
    response = api.post("/api/v1/sources/", {"text": "Talks\n\nThe minister said that talks would resume."},
                        format="json")
    assert response.status_code == 202, response.content


def test_docker_compose_shares_the_cache_between_its_web_workers():
    import yaml

    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    environment = compose["services"]["web"]["environment"]
    assert environment["CACHE_URL"].startswith("redis://redis:6379/")
    assert environment["CACHE_URL"] != environment["CELERY_BROKER_URL"]
    assert "NUM_PROXIES" in environment


def test_the_redis_log_counts_exactly_and_refusals_do_not_count(cache_redis):
    from common.cache import SharedRedisCache

    shared = SharedRedisCache(settings.TEST_CACHE_URL, {"KEY_PREFIX": "log-test"})
    outcomes = [shared.sliding_hit("k", 3, 60) for _ in range(6)]
    assert [counted for counted, _ in outcomes] == [True] * 3 + [False] * 3
    assert all(0 < wait <= 60 for _, wait in outcomes[3:])
    assert cache_redis.zcard(shared.make_key("k")) == 3
    shared.clear()
    assert not cache_redis.exists(shared.make_key("k"))
