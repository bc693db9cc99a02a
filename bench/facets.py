"""Cost of the search page's facets alone (statements.selectors.statement_facets), on a large database.

    .venv/bin/python bench/facets.py --db st_perf [--n 20]

For a few representative lists (no filter, a common word, a prefix, the busiest speaker and topic), the facets
are computed --n times without the cache (the page caches those slower than LIST_AGGREGATE_SLOW_MS): wall-clock p50
and p95 in ms, this process's CPU time (p50), and `sql`: the execution time PostgreSQL reports (EXPLAIN ANALYZE,
TIMING OFF: timing every node doubled the figure of the one-statement facets)
for the facets' queries, added up: the database's own work, least moved by other load on a shared machine. Then
how many statements were counted (at most FACET_WINDOW; "+" when the list holds more).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from web import pct, setup  # noqa: E402  (bench/web.py: the same Django set-up)


def server_ms(sql: str) -> float:
    """PostgreSQL's own execution time for one statement (EXPLAIN ANALYZE), in ms."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + sql)  # per-node timing would inflate it
        return cur.fetchone()[0][0]["Execution Time"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="st_perf")
    ap.add_argument("--n", type=int, default=20)
    args = ap.parse_args()
    setup(args.db)
    from django.db import connection
    from django.db.models import Count
    from django.test.utils import CaptureQueriesContext

    from actors.models import Actor
    from browse.forms import period_starts
    from statements import selectors
    from statements.models import Statement, Topic, TopicLink

    by_speaker = Statement.objects.exclude(speaker=None).values("speaker").annotate(n=Count("id")).order_by("-n")
    speaker = by_speaker.first()["speaker"]
    topic = TopicLink.objects.values("topic").annotate(n=Count("statement_id")).order_by("-n").first()["topic"]

    lists = {
        "all statements": selectors.StatementFilters(),
        "one word (government)": selectors.StatementFilters(q="government"),
        "prefix (govern*)": selectors.StatementFilters(q="govern*"),
        "busiest speaker": selectors.StatementFilters(speaker=Actor.objects.get(pk=speaker)),
        "busiest topic": selectors.StatementFilters(topic=Topic.objects.get(pk=topic)),
    }
    print(f"{'list':28} {'p50':>7} {'p95':>7} {'cpu':>6} {'sql':>6}  counted")
    for name, filters in lists.items():
        times, cpu = [], []
        for _ in range(args.n + 2):
            statements = selectors.filter_statements(filters)
            started, started_cpu = time.perf_counter(), time.process_time()
            with CaptureQueriesContext(connection) as queries:
                facets = selectors.statement_facets(statements, periods=period_starts())
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        times, cpu = times[2:], cpu[2:]  # warm-up
        sql = sum(server_ms(q["sql"]) for q in queries.captured_queries)
        counted = f"{facets.window:,}+" if facets.window else "all"
        print(f"{name:28} {statistics.median(times):7.1f} {pct(times, 0.95):7.1f} {statistics.median(cpu):6.1f} {sql:6.1f}  {counted} "
              f"({len(facets.topics)} topics, {len(facets.publishers)} publishers, {len(facets.speakers)} speakers)")


if __name__ == "__main__":
    main()
