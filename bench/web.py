"""Server-side latency of pages, API and exports on a large database (see bench/scale_data.py).

    .venv/bin/python bench/web.py --db st_perf [--n 40] [--label after]

Requests go through Django's test Client in this process (URL routing, middleware, views, selectors,
templates or serializers; no network, no web server), against the filled database, DEBUG off. Each case
is warmed up, then requested --n times: p50 and p95 in ms. The SQL of one request is captured
(CaptureQueriesContext) and the same statements are then run --n times straight through psycopg on their
own connection: `raw` is that time, and `ratio` = request p50 / raw p50 (the cost of the ORM, the view and
rendering on top of the database work). `db` is the median time the request itself spent inside its SQL
(Django's cursor.execute, timed by an execute wrapper), and `db/raw` compares it with the same statements
run raw: how much the ORM's way of issuing the queries costs over raw SQL, rendering left out. `cpu` is the median CPU time this process spent per request (Python:
routing, ORM, templates, serializers; not PostgreSQL's work, not time waiting for a CPU), the figure least moved
by other load on a shared machine. The CSV export of ~100,000 rows is streamed and timed once, with
the process's resident memory sampled while it streams (growth after the first 10,000 rows shows whether
memory stays flat). Results go to bench/results/web-<label>.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PG = os.environ.get("PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432")


def rss_kb() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def setup(db: str, tune_gc: bool = True):
    os.environ["DATABASE_URL"] = f"{PG}/{db}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DEBUG"] = "false"
    import django

    django.setup()
    if tune_gc:
        from config.runtime import tune_garbage_collector

        tune_garbage_collector()  # as config/wsgi.py does in every web worker


def pick_cases(cur) -> dict:
    """Representative ids from the filled database: the busiest speaker and topic, a median one, etc."""
    cur.execute("""SELECT a.id, a.slug, count(*) n, a.name FROM statements_statement s JOIN actors_actor a ON a.id = s.speaker_id
                   GROUP BY a.id ORDER BY n DESC LIMIT 200""")
    speakers = cur.fetchall()
    cur.execute("""SELECT t.id, t.slug, count(*) n FROM statements_statement_topics l JOIN statements_topic t
                   ON t.id = l.topic_id GROUP BY t.id ORDER BY n DESC""")
    topics = cur.fetchall()
    cur.execute("SELECT max(said_on) FROM statements_statement")
    last = cur.fetchone()[0]
    cur.execute("SELECT count(*) FROM statements_statement")
    total = cur.fetchone()[0]
    # the export: the most recent statements, about 100,000 of them (or a tenth of a small corpus)
    want = min(100_000, max(total // 10, 1000))
    cur.execute("SELECT said_on FROM statements_statement ORDER BY said_on DESC NULLS LAST OFFSET %s LIMIT 1", (want,))
    row = cur.fetchone()
    export_from = row[0] if row else last
    cur.execute("SELECT source_id FROM statements_statement GROUP BY source_id HAVING count(*) BETWEEN 5 AND 8 LIMIT 1")
    source = cur.fetchone()[0]
    cur.execute("SELECT id FROM statements_statement ORDER BY id DESC LIMIT 1 OFFSET %s", (total // 2,))
    statement = cur.fetchone()[0]
    cur.execute("SELECT id FROM statements_cluster ORDER BY statement_count DESC, id LIMIT 1")
    largest = cur.fetchone()
    cur.execute("SELECT id FROM statements_cluster WHERE statement_count = 3 ORDER BY id LIMIT 1")
    small = cur.fetchone()
    return {
        "heavy_speaker": speakers[0], "mid_speaker": speakers[min(len(speakers) - 1, 150)],
        "heavy_topic": topics[0], "mid_topic": topics[len(topics) // 2], "last_day": last,
        "export_from": export_from, "source": source, "statement": statement, "total": total,
        "largest_cluster": largest[0] if largest else None, "small_cluster": small[0] if small else None,
    }


def cases(c: dict) -> list[tuple[str, str, str, float | None]]:
    """(name, group, url, p95 target in ms)."""
    month_to = c["last_day"] - dt.timedelta(days=60)
    month_from = month_to - dt.timedelta(days=30)
    hs, ms, ht, mt = c["heavy_speaker"][1], c["mid_speaker"][1], c["heavy_topic"][1], c["mid_topic"][1]
    return [
        ("list: speaker (busiest)", "list", f"/search/?actor={hs}", 30),
        ("list: speaker (150th)", "list", f"/search/?actor={ms}", 30),
        ("list: topic (busiest)", "list", f"/search/?topic={ht}", 30),
        ("list: topic (median)", "list", f"/search/?topic={mt}", 30),
        ("list: period (30 days)", "list", f"/search/?date_from={month_from}&date_to={month_to}", 30),
        ("list: all, page 50", "list", "/search/?page=50", 30),
        ("list: speaker (busiest), every copy", "list", f"/search/?actor={hs}&copies=all", 30),
        ("clusters: list", "list", "/clusters/", 30),
        ("clusters: speaker (busiest), 2+ sources", "list", f"/clusters/?actor={hs}&min_sources=2", 30),
        ("search: one word", "search", "/search/?q=government", 80),
        ("search: two words", "search", "/search/?q=oil+prices", 80),
        ("search: word + speaker", "search", f"/search/?q=government&actor={hs}", 80),
        ("search: speaker's name + word", "search", "/search/?" + urlencode({"q": f"{c['mid_speaker'][3]} government"}), 80),
        ("search: prefix", "search", "/search/?q=govern*", 80),
        ("actor page (busiest)", "page", f"/actors/{hs}/", 100),
        ("actor page (150th)", "page", f"/actors/{ms}/", 100),
        ("topic page (busiest)", "page", f"/topics/{ht}/", 100),
        ("topic page (median)", "page", f"/topics/{mt}/", 100),
        ("source page", "page", f"/sources/{c['source']}/", 100),
        ("cluster page (largest)", "page", f"/clusters/{c['largest_cluster']}/", 100),
        ("cluster page (3 copies)", "page", f"/clusters/{c['small_cluster']}/", 100),
        ("home (30 days)", "page", "/?period=30d", None),
        ("actors list", "page", "/actors/", None),
        ("topics list", "page", "/topics/", None),
        ("sources list", "page", "/sources/", None),
        ("api: statements", "api", "/api/v1/statements/", 30),
        ("api: statements by speaker", "api", f"/api/v1/statements/?speaker={hs}", 30),
        ("api: statements by topic", "api", f"/api/v1/statements/?topic={ht}", 30),
        ("api: statements in period", "api", f"/api/v1/statements/?date_from={month_from}&date_to={month_to}", 30),
        ("api: search", "api", "/api/v1/statements/?q=government", 80),
        ("api: search, speaker's name + word", "api", "/api/v1/statements/?" + urlencode({"q": f"{c['mid_speaker'][3]} government"}), 80),
        ("api: statement detail", "api", f"/api/v1/statements/{c['statement']}/", 30),
        ("api: actor detail", "api", f"/api/v1/actors/{hs}/", 30),
    ]


def time_raw(raw_conn, sqls: list[str], n: int) -> list[float]:
    times = []
    with raw_conn.cursor() as cur:
        for _ in range(2):
            for sql in sqls:
                cur.execute(sql)
                if cur.description:
                    cur.fetchall()
        for _ in range(n):
            t = time.perf_counter()
            for sql in sqls:
                cur.execute(sql)
                if cur.description:
                    cur.fetchall()
            times.append((time.perf_counter() - t) * 1000)
    return times


def _timed_sql(total: list[float]):
    """An execute wrapper adding the time each statement of the request spends in the database to total[0]."""
    def wrapper(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            total[0] += time.perf_counter() - started
    return wrapper


def run_case(client, raw_conn, name, group, url, target, n, warmup):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    t = time.perf_counter()
    response = client.get(url)
    cold = (time.perf_counter() - t) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{name}: {url} answered {response.status_code}")
    for _ in range(warmup):
        client.get(url)
    times, cpu, db = [], [], []
    for _ in range(n):
        in_sql = [0.0]
        with connection.execute_wrapper(_timed_sql(in_sql)):
            t, c = time.perf_counter(), time.process_time()
            client.get(url)
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        db.append(in_sql[0] * 1000)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    sqls = [q["sql"] for q in ctx.captured_queries]
    raw = time_raw(raw_conn, sqls, n)
    p50, p95, r50, db50 = statistics.median(times), pct(times, 0.95), statistics.median(raw), statistics.median(db)
    return {
        "name": name, "group": group, "url": url, "target_p95_ms": target, "cold_ms": round(cold, 1),
        "p50_ms": round(p50, 1), "p95_ms": round(p95, 1), "queries": len(sqls),
        "cpu_p50_ms": round(statistics.median(cpu), 1),
        "raw_p50_ms": round(r50, 1), "raw_p95_ms": round(pct(raw, 0.95), 1),
        "ratio": round(p50 / r50, 2) if r50 else None,
        "db_p50_ms": round(db50, 1), "db_ratio": round(db50 / r50, 2) if r50 else None,
        "meets_target": (p95 <= target) if target else None,
        "sql": sqls,
    }


def run_export(client, date_from) -> dict:
    url = f"/statements/export.csv?date_from={date_from}"
    client.get(url + "&kind=mixed")  # warm the code path
    base = rss_kb()
    t = time.perf_counter()
    response = client.get(url)
    rows, samples, first_byte = 0, [], None
    for chunk in response.streaming_content:
        if first_byte is None:
            first_byte = (time.perf_counter() - t) * 1000
        rows += chunk.count(b"\n") if isinstance(chunk, bytes) else chunk.count("\n")
        if rows % 5000 == 0:
            samples.append((rows, rss_kb()))
    seconds = time.perf_counter() - t
    after_10k = next((kb for r, kb in samples if r >= 10_000), samples[0][1] if samples else base)
    peak = max([kb for _, kb in samples] + [rss_kb()])
    return {
        "url": url, "rows": rows - 1, "seconds": round(seconds, 2), "rows_per_s": round((rows - 1) / seconds),
        "first_byte_ms": round(first_byte or 0, 1), "rss_start_mb": round(base / 1024, 1),
        "rss_peak_growth_mb": round((peak - base) / 1024, 1),
        "rss_growth_after_10k_rows_mb": round((peak - after_10k) / 1024, 1),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="st_perf")
    ap.add_argument("--n", type=int, default=40, help="timed requests per case")
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--label", default="latest")
    ap.add_argument("--only", default="", help="run only cases whose name contains this (or one of these, '|' between)")
    ap.add_argument("--no-export", action="store_true")
    ap.add_argument("--out", default="")
    ap.add_argument("--no-gc-tuning", action="store_true",
                    help="leave Python's garbage collector as it is (to measure what config.runtime changes)")
    args = ap.parse_args(argv)
    setup(args.db, tune_gc=not args.no_gc_tuning)
    import psycopg
    from django.db import OperationalError, connections
    from django.test import Client

    raw_conn = psycopg.connect(f"{PG}/{args.db}", autocommit=True)
    with raw_conn.cursor() as cur:
        picked = pick_cases(cur)
    print(f"{picked['total']:,} statements in {args.db}; busiest speaker {picked['heavy_speaker'][1]} "
          f"({picked['heavy_speaker'][2]:,}), busiest topic {picked['heavy_topic'][1]} ({picked['heavy_topic'][2]:,})")
    client = Client()
    results = []
    print(f"{'case':34} {'p50':>7} {'p95':>7} {'target':>6} {'raw p50':>8} {'ratio':>6} {'db':>5} {'db/raw':>6} {'cpu':>6} {'q':>3} {'cold':>7}")
    for name, group, url, target in cases(picked):
        if args.only and not any(part in name for part in args.only.split("|")):
            continue
        for attempt in range(3):  # a shared machine's PostgreSQL may be restarted under us: retry the case
            try:
                r = run_case(client, raw_conn, name, group, url, target, args.n, args.warmup)
                break
            except (OperationalError, psycopg.OperationalError) as exc:
                print(f"{name}: {exc.__class__.__name__}: {str(exc).strip()[:80]}; retrying", flush=True)
                time.sleep(5)
                connections.close_all()
                raw_conn = psycopg.connect(f"{PG}/{args.db}", autocommit=True)
        else:
            continue
        results.append(r)
        flag = "" if r["meets_target"] is None else (" ok" if r["meets_target"] else " MISS")
        write(args, picked, results, None)
        print(f"{name:34} {r['p50_ms']:7.1f} {r['p95_ms']:7.1f} {target or '':>6} {r['raw_p50_ms']:8.1f} "
              f"{r['ratio'] or 0:6.2f} {r['db_p50_ms']:5.1f} {r['db_ratio'] or 0:6.2f} {r['cpu_p50_ms']:6.1f} {r['queries']:3d} {r['cold_ms']:7.1f}{flag}", flush=True)
    export = None
    if not args.no_export and not args.only:
        export = run_export(client, picked["export_from"])
        print(f"CSV export: {export['rows']:,} rows in {export['seconds']} s ({export['rows_per_s']:,}/s), first byte "
              f"{export['first_byte_ms']} ms, RSS growth {export['rss_peak_growth_mb']} MB "
              f"({export['rss_growth_after_10k_rows_mb']} MB after the first 10,000 rows)")
    out = write(args, picked, results, export)
    print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


def write(args, picked, results, export) -> Path:
    out = Path(args.out or ROOT / "bench" / "results" / f"web-{args.label}.json")
    out.write_text(json.dumps({
        "benchmark": "web", "label": args.label, "db": args.db, "when": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "n": args.n, "picked": {k: (list(v) if isinstance(v, tuple) else str(v)) for k, v in picked.items()},
        "pgoptions": os.environ.get("PGOPTIONS", ""), "load_avg": os.getloadavg(), "gc_tuned": not args.no_gc_tuning,
        "cases": results, "export": export,
    }, indent=1, default=str) + "\n")
    return out


if __name__ == "__main__":
    sys.exit(main())
