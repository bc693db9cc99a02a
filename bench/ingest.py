"""End-to-end ingest throughput through Redis, Celery and PostgreSQL, against a bare spaCy parse.

    .venv/bin/python bench/ingest.py [--rounds 2] [--workers 1,2]

The BBC sample (../shared/corpora/bbc-sample, 195 articles; read in place, skipped cleanly when absent) is
submitted through `ingest.services.submit_article` (store first, queue on commit, as every upload path
does) into a fresh database (cloned from a migrated template for every round), with N Celery worker
processes (`--pool=solo`, one article at a time each) started by this script on its own Redis database
(redis://127.0.0.1:6379/11 unless INGEST_BENCH_BROKER says otherwise). A round's time runs from the first
submit to the last `processed_at`; rate = articles / time. The bare spaCy parse rate (`nlp(text)` over the
same texts, one process) is measured in the same run, between rounds. Rounds alternate 1, 2, 1, 2 workers;
medians are reported with the ratios the targets ask for: ingest rate per process / bare parse rate
(target >= 0.6) and 2 processes / 1 process (target >= 1.8). Writes bench/results/ingest.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "bbc-sample"
sys.path.insert(0, str(ROOT))

PG = os.environ.get("PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432")
BROKER = os.environ.get("INGEST_BENCH_BROKER", "redis://127.0.0.1:6379/11")
DB = "st_perf_ingest"
TEMPLATE = "st_perf_ingest_tpl"


def admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def make_template() -> None:
    admin(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')
    admin(f'CREATE DATABASE "{TEMPLATE}"')
    env = dict(os.environ, DATABASE_URL=f"{PG}/{TEMPLATE}", DJANGO_SETTINGS_MODULE="config.settings.local")
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)


def fresh_db() -> None:
    from django.db import connections

    connections.close_all()
    admin(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
    admin(f'CREATE DATABASE "{DB}" TEMPLATE "{TEMPLATE}"')


def start_workers(n: int, log_dir: Path) -> list[subprocess.Popen]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CELERY_")}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.local", DATABASE_URL=f"{PG}/{DB}", CELERY_BROKER_URL=BROKER,
               CELERY_TASK_ALWAYS_EAGER="false", PYTHONUNBUFFERED="1", DEBUG="false")
    procs = []
    for i in range(n):
        log = open(log_dir / f"ingest-worker-{i}.log", "wb")
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel=INFO", f"--hostname=bench{i}@%h",
             "--pool=solo", "--concurrency=1", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
    deadline = time.monotonic() + 120
    for i in range(n):
        while b"ready." not in (log_dir / f"ingest-worker-{i}.log").read_bytes():
            if time.monotonic() > deadline or procs[i].poll() is not None:
                stop_workers(procs)
                raise SystemExit(f"worker {i} did not start; see {log_dir / f'ingest-worker-{i}.log'}")
            time.sleep(0.2)
    return procs


def stop_workers(procs) -> None:
    for p in procs:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGTERM)
    for p in procs:
        try:
            p.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()


def warm_workers(procs, text: bytes) -> None:
    """One throw-away article per worker so spaCy and the extraction rules are loaded before the clock runs."""
    from ingest import services
    from statements.models import Source

    for i in range(len(procs)):
        services.submit_article(raw=text + f"\n\nWarm-up {i}.".encode(), filename=f"warm{i}.txt",
                                content_type="text/plain")
    deadline = time.monotonic() + 120
    while Source.objects.filter(status__in=["pending", "processing"]).exists():
        if time.monotonic() > deadline:
            raise SystemExit("warm-up articles were not processed")
        time.sleep(0.1)


def ingest_round(n_workers: int, articles: list[tuple[str, bytes]], log_dir: Path) -> dict:
    import redis
    from django.db.models import Max

    from ingest import services
    from statements.models import Source

    redis.Redis.from_url(BROKER).flushdb()
    fresh_db()
    procs = start_workers(n_workers, log_dir)
    try:
        warm_workers(procs, articles[0][1])
        warm_ids = set(Source.objects.values_list("pk", flat=True))
        start_wall = time.time()
        ids = set()
        for name, raw in articles:
            ids.add(services.submit_article(raw=raw, filename=name, content_type="text/plain").source.pk)
        submitted = time.time() - start_wall
        deadline = time.monotonic() + 900
        while Source.objects.filter(pk__in=ids, status__in=["pending", "processing"]).exists():
            if time.monotonic() > deadline:
                raise SystemExit("ingest round timed out")
            time.sleep(0.05)
        done = Source.objects.filter(pk__in=ids)
        last = done.aggregate(m=Max("processed_at"))["m"].timestamp()
        statuses = {s: done.filter(status=s).count() for s in ("done", "failed", "duplicate")}
        from statements.models import Statement

        statements = Statement.objects.exclude(source_id__in=warm_ids).count()
    finally:
        stop_workers(procs)
    seconds = last - start_wall
    return {"workers": n_workers, "articles": len(ids), "seconds": round(seconds, 2),
            "rate": round(len(ids) / seconds, 2), "submit_seconds": round(submitted, 2), "statuses": statuses,
            "statements": statements}


def bare_parse_rate(texts: list[str], rounds: int = 3) -> list[float]:
    from ingest.extraction.nlp import get_nlp

    nlp = get_nlp()
    for t in texts[:5]:
        nlp(t)
    rates = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for t in texts:
            nlp(t)
        rates.append(len(texts) / (time.perf_counter() - t0))
    return rates


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=2, help="rounds per worker count")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "ingest.json"))
    args = ap.parse_args(argv)
    paths = sorted(p for p in CORPUS.glob("**/*.txt") if p.name != "README.txt") if CORPUS.is_dir() else []
    if not paths:
        print(f"ingest benchmark skipped: no BBC sample at {CORPUS}")
        return 0
    articles = [(p.name, p.read_bytes()) for p in paths]
    texts = [raw.decode("utf-8", errors="replace") for _, raw in articles]
    counts = [int(x) for x in args.workers.split(",")]

    make_template()
    fresh_db_url = f"{PG}/{DB}"
    os.environ.update(DATABASE_URL=fresh_db_url, CELERY_BROKER_URL=BROKER, CELERY_TASK_ALWAYS_EAGER="false",
                      DJANGO_SETTINGS_MODULE="config.settings.local", DEBUG="false")
    import django

    fresh_db()
    django.setup()
    log_dir = ROOT / "var" / "bench"
    log_dir.mkdir(parents=True, exist_ok=True)

    from django.db import OperationalError, connections

    rounds, bare = [], []
    print(f"{len(articles)} BBC articles; workers {counts}, {args.rounds} round(s) each; broker {BROKER}")
    bare += bare_parse_rate(texts, 2)
    print(f"bare spaCy parse: {statistics.median(bare):.1f} articles/s", flush=True)
    for _ in range(args.rounds):
        for n in counts:
            for attempt in range(3):  # a shared machine's PostgreSQL may be restarted under us: redo the round
                try:
                    r = ingest_round(n, articles, log_dir)
                    break
                except OperationalError as exc:
                    print(f"  round with {n} worker(s) interrupted ({str(exc).strip()[:60]}); again", flush=True)
                    connections.close_all()
                    time.sleep(5)
            else:
                raise SystemExit("PostgreSQL kept going away")
            rounds.append(r)
            print(f"  {n} worker(s): {r['articles']} articles in {r['seconds']} s = {r['rate']} articles/s "
                  f"({r['statuses']}, {r['statements']} statements)", flush=True)
        bare += bare_parse_rate(texts, 1)
    connections.close_all()
    admin(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
    bare_rate = statistics.median(bare)
    by_n = {n: statistics.median(r["rate"] for r in rounds if r["workers"] == n) for n in counts}
    summary = {"bare_parse_rate": round(bare_rate, 2), "rate_by_workers": {str(k): round(v, 2) for k, v in by_n.items()}}
    if 1 in by_n:
        summary["per_process_vs_bare"] = round(by_n[1] / bare_rate, 3)
        print(f"1 worker: {by_n[1]:.2f} articles/s = {summary['per_process_vs_bare']:.2f} of the bare parse "
              f"({bare_rate:.1f}/s; target >= 0.6)")
    if 1 in by_n and 2 in by_n:
        summary["scaling_2_vs_1"] = round(by_n[2] / by_n[1], 3)
        summary["per_process_vs_bare_2"] = round(by_n[2] / 2 / bare_rate, 3)
        print(f"2 workers: {by_n[2]:.2f} articles/s = {summary['scaling_2_vs_1']:.2f} x one worker (target >= 1.8); "
              f"per process {summary['per_process_vs_bare_2']:.2f} of the bare parse")
    Path(args.out).write_text(json.dumps({
        "benchmark": "ingest", "when": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "load_avg_at_end": os.getloadavg()},
        "articles": len(articles), "broker": BROKER, "bare_parse_rates": [round(b, 2) for b in bare],
        "rounds": rounds, "summary": summary,
    }, indent=1) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
