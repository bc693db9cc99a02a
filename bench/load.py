"""Load test: mixed reads and uploads against gunicorn on loopback, with a Celery worker draining the uploads.

Bounded in time and count; reports throughput, latency percentiles, the error rate and how long the worker queue
took to drain after the load stopped. Standard library only (threads + urllib).

    .venv/bin/python bench/load.py [--seconds 60] [--threads 8] [--upload-every 10] [--out bench/results/load.json]

It creates (and drops first) the PostgreSQL database `st_load` on 127.0.0.1:5432, uses Redis db 11, starts
gunicorn (2 workers) and one Celery worker, seeds it with articles, runs the load and writes the JSON figures.
tests/reliability/test_load_smoke.py runs the same load for a few seconds against the test database.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
READS = ["/", "/search/?q=minister", "/search/?q=talks&kind=direct", "/actors/", "/topics/", "/sources/",
         "/api/v1/statements/", "/api/v1/statements/?search=minister", "/api/v1/actors/", "/healthz"]
SENTENCES = [
    "The minister said that talks would resume in {month}.", "\u201cWe will not give up,\u201d the mayor told reporters.",
    "Officials said the bridge over the river {n} would open next year.",
    "The spokesman added that no date had been set for the vote.",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def article(n: int) -> str:
    body = " ".join(s.format(month=random.choice(["May", "June"]), n=n) for s in SENTENCES)
    return f"Load article {n}\n\nReport {n} from the capital. {body}\n"


def start_gunicorn(env: dict, port: int, log: Path, workers: int = 2, extra: tuple = ()) -> subprocess.Popen:
    command = [PY, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
               "--workers", str(workers), "--threads", "2", "--timeout", "60", "--access-logfile", "-", *extra]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT,
                               start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read()
            return process
        except (urllib.error.URLError, ConnectionError, OSError):
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {log}")
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer within 60 s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


def request(base: str, method: str, path: str, token: str | None = None, body: dict | None = None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Token {token}")
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            payload = response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        payload, status = exc.read(), exc.code
    except (urllib.error.URLError, OSError) as exc:
        payload, status = str(exc).encode(), 0
    return status, time.perf_counter() - started, payload


def run_load(base: str, token: str, *, seconds: float, threads: int, upload_every: int, max_requests: int,
             first_article: int = 0) -> dict:
    """Each thread loops: every `upload_every`-th request is an upload, the others reads. Stops at the deadline
    or after max_requests in all."""
    lock = threading.Lock()
    results: list[tuple[str, int, float]] = []
    uploaded: list[int] = []
    counter = iter(range(first_article, first_article + 10**9))
    deadline = time.monotonic() + seconds

    def worker(index: int):
        rnd = random.Random(index)
        i = 0
        while time.monotonic() < deadline:
            with lock:
                if len(results) >= max_requests:
                    return
                n = next(counter)
            i += 1
            if i % upload_every == 0:
                status, took, payload = request(base, "POST", "/api/v1/sources/", token, {"text": article(n)})
                kind = "upload"
                if status in (200, 202):
                    with lock:
                        uploaded.append(json.loads(payload)["id"])
            else:
                status, took, _ = request(base, "GET", rnd.choice(READS))
                kind = "read"
            with lock:
                results.append((kind, status, took))

    started = time.monotonic()
    pool = [threading.Thread(target=worker, args=(k,)) for k in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.monotonic() - started
    return summarize(results, elapsed) | {"uploaded_ids": uploaded}


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summarize(results, elapsed: float) -> dict:
    def stats(rows):
        times = [t for _, _, t in rows]
        return {"requests": len(rows), "p50_ms": round(percentile(times, 50) * 1000, 1),
                "p95_ms": round(percentile(times, 95) * 1000, 1), "p99_ms": round(percentile(times, 99) * 1000, 1),
                "mean_ms": round(statistics.fmean(times) * 1000, 1) if times else 0.0}

    errors = [(k, s) for k, s, _ in results if s not in (200, 202)]
    statuses: dict[str, int] = {}
    for _, s, _ in results:
        statuses[str(s)] = statuses.get(str(s), 0) + 1
    return {
        "seconds": round(elapsed, 2), "requests": len(results),
        "throughput_rps": round(len(results) / elapsed, 1) if elapsed else 0.0,
        "error_rate": round(len(errors) / len(results), 4) if results else 0.0, "statuses": statuses,
        "all": stats(results), "reads": stats([r for r in results if r[0] == "read"]),
        "uploads": stats([r for r in results if r[0] == "upload"]),
    }


def wait_drained(count_open, timeout: float) -> float:
    """Seconds until count_open() (sources pending or processing) is 0."""
    started = time.monotonic()
    while count_open():
        if time.monotonic() - started > timeout:
            raise RuntimeError(f"the queue did not drain within {timeout}s")
        time.sleep(0.5)
    return round(time.monotonic() - started, 1)


# ------------------------------------------------------------------ the full benchmark (own database)

def manage(env, *args, **kw):
    return subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True,
                          **kw)


def fresh_site(database: str, broker: str, log_dir: Path, drop=("CELERY_", "DJANGO_"), **extra) -> dict:
    """A new, migrated PostgreSQL database and the environment of an app on it (env vars starting with `drop`
    left out, `extra` added) with `broker` as its Redis."""
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", database], check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], check=True)
    log_dir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.local", DEBUG="false", LOG_LEVEL="WARNING",
               DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database}", CELERY_BROKER_URL=broker,
               STATEMENT_TRACKER_VAR_DIR=str(log_dir / "var"), **extra)
    manage(env, "migrate", "--noinput")
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--upload-every", type=int, default=10, help="one request in N is an upload")
    parser.add_argument("--max-requests", type=int, default=50_000)
    parser.add_argument("--seed-articles", type=int, default=40)
    parser.add_argument("--database", default="st_load")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/11")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "load.json"))
    args = parser.parse_args()

    log_dir = ROOT / "test-output" / "load"
    env = fresh_site(args.database, args.redis, log_dir, API_ANON_RATE="1000000/minute",
                     UPLOAD_RATE="1000000/minute")
    manage(env, "collectstatic", "--noinput")
    token = manage(env, "shell", "--no-imports", "-c", (
        "from django.contrib.auth.models import User, Permission; from rest_framework.authtoken.models import Token;"
        "u = User.objects.create_user('loader', password='x');"
        "u.user_permissions.add(Permission.objects.get(codename='add_source'));"
        "print(Token.objects.create(user=u).key)")).stdout.strip()
    import redis

    redis.Redis.from_url(args.redis).flushdb()
    worker = subprocess.Popen([PY, "-m", "celery", "-A", "config", "worker", "--loglevel=WARNING", "--pool=prefork",
                               "--concurrency=2", "--without-gossip", "--without-mingle"], cwd=ROOT, env=env,
                              stdout=open(log_dir / "worker.log", "wb"), stderr=subprocess.STDOUT,
                              start_new_session=True)
    port = free_port()
    web = start_gunicorn(env, port, log_dir / "gunicorn.log")
    base = f"http://127.0.0.1:{port}"

    def count_open():
        out = manage(env, "shell", "--no-imports", "-c",
                     "from statements.models import Source; "
                     "print(Source.objects.filter(status__in=['pending','processing']).count())").stdout
        return int(out.strip())

    try:
        for n in range(args.seed_articles):  # something to read
            request(base, "POST", "/api/v1/sources/", token, {"text": article(10**6 + n)})
        wait_drained(count_open, 600)
        result = run_load(base, token, seconds=args.seconds, threads=args.threads, upload_every=args.upload_every,
                          max_requests=args.max_requests)
        uploads = result.pop("uploaded_ids")
        result["drain_seconds"] = wait_drained(count_open, 900)
        done = manage(env, "shell", "--no-imports", "-c",
                      f"from statements.models import Source; print(Source.objects.filter(pk__in={uploads!r}, "
                      "status='done').count())").stdout.strip()
        result.update(uploaded=len(uploads), uploads_done=int(done), threads=args.threads,
                      upload_every=args.upload_every, gunicorn_workers=2, celery_concurrency=2, cpus=os.cpu_count(),
                      machine="loopback, same host as PostgreSQL and Redis")
    finally:
        stop(web)
        stop(worker)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    if result["error_rate"] or result["uploads_done"] != result["uploaded"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
