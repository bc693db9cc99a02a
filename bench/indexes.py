"""Each index of migrations 0004 and 0006 justified: the list queries with and without it, side by side, in one run.

    .venv/bin/python bench/indexes.py --db st_perf [--n 15]

For every query the statement lists send (as the ORM writes them: capped counts, id-only page subqueries),
this times --n runs with all the indexes present, then inside a transaction that drops one index (or all
of them) and is rolled back, so the database is left as it was. Alternating order, medians in ms. Writes
bench/results/indexes.json. Needs the indexes to exist (run `manage.py migrate` on the database first).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
PG = os.environ.get("PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432")
INDEXES = ["statement_listed_date", "statement_listed_speaker_date", "statement_listed_id",
           "statement_topics_topic_statement", "statement_topics_topic_date"]
LISTED = "NOT (s.review_status = 'rejected')"


def queries(cur) -> dict[str, str]:
    cur.execute("SELECT speaker_id FROM statements_statement WHERE speaker_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
    speaker = cur.fetchone()[0]
    cur.execute("SELECT topic_id, count(*) FROM statements_statement_topics GROUP BY 1 ORDER BY 2 DESC")
    topics = cur.fetchall()
    busy, median = topics[0][0], topics[len(topics) // 2][0]
    cur.execute("SELECT max(said_on) FROM statements_statement")
    last = cur.fetchone()[0]
    to, frm = last - dt.timedelta(days=60), last - dt.timedelta(days=90)
    topic_join = "FROM statements_statement s JOIN statements_statement_topics l ON s.id = l.statement_id"
    order = "ORDER BY s.said_on DESC, s.id DESC"
    link_order = "ORDER BY l.said_on DESC, s.id DESC"
    return {
        "speaker: count (capped)": f"SELECT count(*) FROM (SELECT s.id FROM statements_statement s WHERE {LISTED} AND s.speaker_id = {speaker} LIMIT 10001) x",
        "speaker: page 1 ids": f"SELECT s.id FROM statements_statement s WHERE {LISTED} AND s.speaker_id = {speaker} {order} LIMIT 20",
        "topic (busiest): count (capped)": f"SELECT count(*) FROM (SELECT s.id {topic_join} WHERE {LISTED} AND l.topic_id = {busy} LIMIT 10001) x",
        "topic (busiest): page 1 ids": f"SELECT s.id {topic_join} WHERE {LISTED} AND l.topic_id = {busy} {order} LIMIT 20",
        "topic (median): count (capped)": f"SELECT count(*) FROM (SELECT s.id {topic_join} WHERE {LISTED} AND l.topic_id = {median} LIMIT 10001) x",
        "topic (median): page 1 ids": f"SELECT s.id {topic_join} WHERE {LISTED} AND l.topic_id = {median} {order} LIMIT 20",
        # since migration 0005 a topic's list is ordered by the link's copy of said_on (statements.selectors)
        "topic (busiest): page 1 ids, link date": f"SELECT s.id {topic_join} WHERE {LISTED} AND l.topic_id = {busy} {link_order} LIMIT 20",
        "topic (median): page 1 ids, link date": f"SELECT s.id {topic_join} WHERE {LISTED} AND l.topic_id = {median} {link_order} LIMIT 20",
        "period (30 days): count (capped)": f"SELECT count(*) FROM (SELECT s.id FROM statements_statement s WHERE {LISTED} AND s.said_on BETWEEN '{frm}' AND '{to}' LIMIT 10001) x",
        "period (30 days): page 1 ids": f"SELECT s.id FROM statements_statement s WHERE {LISTED} AND s.said_on BETWEEN '{frm}' AND '{to}' {order} LIMIT 20",
        "all: page 50 ids": f"SELECT s.id FROM statements_statement s WHERE {LISTED} {order} LIMIT 20 OFFSET 980",
    }


def timed(cur, sql: str, n: int) -> float:
    cur.execute(sql)
    cur.fetchall()
    times = []
    for _ in range(n):
        t = time.perf_counter()
        cur.execute(sql)
        cur.fetchall()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="st_perf")
    ap.add_argument("--n", type=int, default=15)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "indexes.json"))
    args = ap.parse_args(argv)
    conn = psycopg.connect(f"{PG}/{args.db}")
    cur = conn.cursor()
    cur.execute("SELECT indexname FROM pg_indexes WHERE indexname = ANY(%s)", (INDEXES,))
    missing = set(INDEXES) - {r[0] for r in cur.fetchall()}
    if missing:
        sys.exit(f"missing indexes {sorted(missing)}: run manage.py migrate on {args.db} first")
    qs = queries(cur)
    conn.rollback()
    variants = ["with all", *[f"without {i}" for i in INDEXES], "without any of them"]
    results = {name: {} for name in qs}
    for variant in variants:
        dropped = INDEXES if variant == "without any of them" else [v for v in INDEXES if variant == f"without {v}"]
        for name in dropped:
            cur.execute(f"DROP INDEX {name}")  # inside the transaction: rolled back below
        for qname, sql in qs.items():
            results[qname][variant] = round(timed(cur, sql, args.n), 2)
        conn.rollback()
        print(f"{variant}: done", flush=True)
    head = "| query | " + " | ".join(variants) + " |"
    print(head)
    for qname, row in results.items():
        print(f"| {qname} | " + " | ".join(f"{row[v]}" for v in variants) + " |")
    Path(args.out).write_text(json.dumps({
        "benchmark": "indexes", "db": args.db, "n": args.n, "when": dt.datetime.now().isoformat(timespec="seconds"),
        "load_avg": os.getloadavg(), "unit": "ms (median)", "queries": qs, "results": results,
    }, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
