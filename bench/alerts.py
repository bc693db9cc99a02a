"""What alerts cost: matching an article's new statements against many alerts, beside ingesting that article; and
a digest run for every alert, through a real SMTP server on loopback.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/st_bench_alerts .venv/bin/python bench/alerts.py \
        [--alerts 10000] [--warmup 60] [--articles 30]

Uses the database DATABASE_URL names (migrated here; use a scratch one: it is emptied of alerts). In process:
1. `--warmup` BBC articles are ingested (parse, extract, store) so that actors and topics exist;
2. `--alerts` confirmed alerts are made: 40% follow an actor, 25% a topic, 25% search words (a word drawn from
   the stored statements), 10% words and a topic; a third are immediate, the rest daily;
3. `--articles` further BBC articles are ingested one by one, each timed, and right after each its new statements
   are matched against every alert (`alerts.services.match_new`), timed too: the ratio matching / ingest per
   article is the cost the issue bounds (at most 10%), reported as the median of the per-article ratios;
4. every alert is given three queued statements and the digest run sends them all: `alerts.send_digests` (daily,
   then immediate) sent to `--workers` real Celery worker processes (on ALERTS_BENCH_BROKER, default
   redis://127.0.0.1:6379/12), mailing an aiosmtpd sink process; seconds from sending the tasks until every
   statement is marked sent (the issue: within a minute).
Writes bench/results/alerts.json.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import signal
import subprocess
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "false"
os.environ["DEBUG"] = "false"
CORPUS = ROOT.parent / "shared" / "corpora" / "bbc-sample"
BROKER = os.environ.get("ALERTS_BENCH_BROKER", "redis://127.0.0.1:6379/12")
os.environ["CELERY_BROKER_URL"] = BROKER  # the digest run's tasks; articles are processed in process (dispatch off)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(command: list[str], env: dict, log: Path, ready: bytes | None) -> subprocess.Popen:
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    while ready and ready not in log.read_bytes():
        if time.monotonic() > deadline or process.poll() is not None:
            raise SystemExit(f"{command[:4]} did not start; see {log}")
        time.sleep(0.2)
    return process


def stop(processes) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(30)


def ingest(path: Path) -> list[int]:
    from ingest import services
    from statements.models import Statement

    source = services.submit_article(raw=path.read_bytes(), filename=path.name).source
    services.process_source(source_id=source.pk)
    return list(Statement.objects.filter(source_id=source.pk).values_list("pk", flat=True))


def make_alerts(n: int, rng: random.Random) -> None:
    from django.utils import timezone

    from actors.models import Actor
    from alerts.models import Alert, Subscriber
    from alerts.services import tsquery_of
    from statements.models import Statement, Topic

    actors = list(Actor.objects.filter(statements__isnull=False).distinct().values_list("pk", flat=True))
    topics = list(Topic.objects.filter(statements__isnull=False).distinct().values_list("pk", flat=True))
    words = [w.strip(".,;:\"'()").lower() for text in Statement.objects.values_list("content", flat=True)[:3000]
             for w in text.split() if len(w) > 6 and w.isalpha()]
    words = sorted(set(words))
    subscribers = Subscriber.objects.bulk_create([Subscriber(email=f"reader{i}@example.org") for i in range(n)])
    tsqueries: dict[str, str] = {}
    alerts = []
    now = timezone.now()
    for i, subscriber in enumerate(subscribers):
        roll = rng.random()
        alert = Alert(subscriber=subscriber, confirmed_at=now,
                      frequency=Alert.Frequency.IMMEDIATE if i % 3 == 0 else Alert.Frequency.DAILY)
        if roll < 0.40:
            alert.speaker_id = rng.choice(actors)
        elif roll < 0.65:
            alert.topic_id = rng.choice(topics)
        else:
            alert.q = rng.choice(words)
            if roll >= 0.90:
                alert.topic_id = rng.choice(topics)
        if alert.q:
            alert.tsquery = tsqueries.setdefault(alert.q, tsquery_of(alert.q))
        alerts.append(alert)
    Alert.objects.bulk_create(alerts, batch_size=2000)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--alerts", type=int, default=10000)
    ap.add_argument("--warmup", type=int, default=60, help="articles ingested before the alerts are made")
    ap.add_argument("--articles", type=int, default=30, help="articles timed: ingest, then matching")
    ap.add_argument("--seed", type=int, default=25)
    ap.add_argument("--workers", type=int, default=2, help="Celery worker processes for the digest run")
    args = ap.parse_args(argv)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from alerts import services
    from alerts.models import Alert, AlertMatch, MatchingCursor, Subscriber
    from ingest import services as ingest_services
    from statements.models import Statement

    if connection.vendor != "postgresql":
        sys.exit("set DATABASE_URL to a scratch PostgreSQL database")
    call_command("migrate", verbosity=0)
    AlertMatch.objects.all().delete()
    Alert.objects.all().delete()
    Subscriber.objects.all().delete()
    MatchingCursor.objects.all().delete()
    ingest_services.dispatch = lambda source_id: None  # processed in process, below
    rng = random.Random(args.seed)
    files = sorted(CORPUS.glob("*/*.txt"))
    if len(files) < args.warmup + args.articles:
        sys.exit(f"needs {args.warmup + args.articles} articles under {CORPUS}")
    rng.shuffle(files)
    from statements.models import Source

    stored = set(Source.objects.values_list("original_name", flat=True))
    files = [f for f in files if f.name not in stored] + [f for f in files if f.name in stored]
    for path in files[:args.warmup]:
        ingest(path)
    make_alerts(args.alerts, rng)

    ingest_seconds, match_seconds, ratios, queued = [], [], [], 0
    for path in files[args.warmup:args.warmup + args.articles]:
        started = time.perf_counter()
        ids = ingest(path)
        took = time.perf_counter() - started
        started = time.perf_counter()
        queued += services.match_new(ids)
        matched = time.perf_counter() - started
        if not ids:
            continue
        ingest_seconds.append(took)
        match_seconds.append(matched)
        ratios.append(matched / took)

    # the digest run: three queued statements for every alert
    statement_ids = list(Statement.objects.values_list("pk", flat=True))
    AlertMatch.objects.all().delete()
    AlertMatch.objects.bulk_create([
        AlertMatch(alert_id=alert_id, statement_id=pk)
        for alert_id in Alert.objects.values_list("pk", flat=True) for pk in rng.sample(statement_ids, 3)
    ], batch_size=5000)
    # the run as beat starts it: alerts.send_digests on a real worker pool, mail to an SMTP sink process
    port = free_port()
    logs = ROOT / "test-output"
    logs.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CELERY_")}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.local", DATABASE_URL=os.environ["DATABASE_URL"],
               CELERY_BROKER_URL=BROKER, CELERY_TASK_ALWAYS_EAGER="false", EMAIL_URL=f"smtp://127.0.0.1:{port}",
               DEBUG="false", PYTHONUNBUFFERED="1")
    processes = [start([sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}",
                        "-c", "aiosmtpd.handlers.Sink"], env, logs / "bench-alerts-smtp.log", None)]
    try:
        for i in range(args.workers):
            processes.append(start(
                [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", f"--hostname=alerts{i}@%h",
                 "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=INFO"],
                env, logs / f"bench-alerts-worker-{i}.log", b"ready."))
        from config.celery import app

        with app.connection_for_write() as conn:
            conn.default_channel.client.flushdb()
        started = time.perf_counter()
        for frequency in (Alert.Frequency.DAILY, Alert.Frequency.IMMEDIATE):
            app.send_task("alerts.send_digests", args=[frequency])
        while AlertMatch.objects.filter(sent_at=None).exists():
            if time.perf_counter() - started > 1800:
                raise SystemExit("the digest run did not finish in 30 minutes")
            time.sleep(0.5)
        digest_seconds = time.perf_counter() - started
    finally:
        stop(processes)
    sent = AlertMatch.objects.exclude(sent_at=None).count()
    messages = AlertMatch.objects.values("message_id").distinct().count()

    result = {
        "alerts": args.alerts, "articles_timed": len(ratios), "matches_queued": queued,
        "ingest_ms_median": round(statistics.median(ingest_seconds) * 1000, 1),
        "match_ms_median": round(statistics.median(match_seconds) * 1000, 2),
        "match_over_ingest_median": round(statistics.median(ratios), 4),
        "match_over_ingest_max": round(max(ratios), 4),
        "digest_run_seconds": round(digest_seconds, 1), "digest_workers": args.workers,
        "digest_messages": messages, "digest_statements": sent,
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"), "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "load_avg": os.getloadavg(),
    }
    print(json.dumps(result, indent=1))
    out = ROOT / "bench" / "results" / "alerts.json"
    out.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
