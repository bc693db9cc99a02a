"""A short load (bench/load.py's) against gunicorn on loopback with a real worker: no errors, p95 reported,
and the worker queue drains afterwards with every upload processed."""
import importlib.util
import json
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from rest_framework.authtoken.models import Token

from statements.models import Source
from tests.workers import worker_env

from .conftest import OUTPUT

pytestmark = pytest.mark.celery_worker
ROOT = Path(__file__).resolve().parents[2]


def load_module():
    spec = importlib.util.spec_from_file_location("bench_load", ROOT / "bench" / "load.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_mixed_load_has_no_errors_and_the_queue_drains(procs):
    processes, app = procs
    load = load_module()
    user = User.objects.create_user("loader", password="x")
    user.user_permissions.add(Permission.objects.get(codename="add_source"))
    token = Token.objects.create(user=user).key
    env = worker_env() | {"API_ANON_RATE": "1000000/minute", "UPLOAD_RATE": "1000000/minute", "DEBUG": "false",
                          "LOG_LEVEL": "WARNING"}
    processes.start(tag="w")
    port = load.free_port()
    web = load.start_gunicorn(env, port, OUTPUT / "load-smoke-gunicorn.log")
    try:
        result = load.run_load(f"http://127.0.0.1:{port}", token, seconds=8, threads=4, upload_every=8,
                               max_requests=2000)
    finally:
        load.stop(web)
    uploads = result.pop("uploaded_ids")
    started = time.monotonic()
    open_sources = Source.objects.filter(status__in=["pending", "processing"])
    while open_sources.exists() and time.monotonic() - started < 120:
        time.sleep(0.5)
    result["drain_seconds"] = round(time.monotonic() - started, 1)
    (OUTPUT / "load-smoke.json").write_text(json.dumps(result, indent=2))
    print(json.dumps({k: result[k] for k in ("requests", "throughput_rps", "error_rate", "drain_seconds")}),
          "p95 ms", result["all"]["p95_ms"])
    assert result["requests"] >= 20 and uploads
    assert result["error_rate"] == 0, result["statuses"]
    assert not open_sources.exists(), "the queue did not drain"
    assert Source.objects.filter(pk__in=uploads, status="done").count() == len(uploads)
