"""Two ways to read one page of a statement list, side by side in one run (the SQL the ORM writes for each).

    .venv/bin/python bench/page_shapes.py --db st_perf [--n 15]

- plain: `queryset[bottom:top]`, full rows with speaker, role and source joined, ORDER BY ... LIMIT/OFFSET;
- deferred join (browse.pagination.CappedPaginator.page): `queryset.filter(pk__in=queryset.values("pk")[bottom:top])`,
  the page's ids chosen by an id-only subquery, then only those rows read in full.
Medians in ms over --n runs, alternating which goes first. Writes bench/results/page_shapes.json.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PG = os.environ.get("PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432")


def sql_of(qs, cursor) -> str:
    sql, params = qs.query.sql_with_params()
    return cursor.mogrify(sql, params)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="st_perf")
    ap.add_argument("--n", type=int, default=15)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "page_shapes.json"))
    args = ap.parse_args(argv)
    os.environ.update(DATABASE_URL=f"{PG}/{args.db}", DJANGO_SETTINGS_MODULE="config.settings.test", DEBUG="false")
    import django

    django.setup()
    import psycopg
    from django.db.models import Count

    from actors.models import Actor
    from statements import selectors
    from statements.models import Statement, Topic
    from statements.selectors import StatementFilters

    speaker = Actor.objects.annotate(n=Count("statements")).order_by("-n").first()
    topics = list(Topic.objects.annotate(n=Count("statements")).order_by("-n"))
    last = Statement.objects.order_by("-said_on").values_list("said_on", flat=True).first()
    period = StatementFilters(date_from=last - dt.timedelta(days=90), date_to=last - dt.timedelta(days=60))
    lists = {
        "speaker (busiest), page 1": (StatementFilters(speaker=speaker), 1),
        "topic (busiest), page 1": (StatementFilters(topic=topics[0]), 1),
        "topic (median), page 1": (StatementFilters(topic=topics[len(topics) // 2]), 1),
        "period (30 days), page 1": (period, 1),
        "all, page 50": (StatementFilters(), 50),
        "all, page 500": (StatementFilters(), 500),
        "search two words, page 1": (StatementFilters(q="oil prices"), 1),
    }
    conn = psycopg.connect(f"{PG}/{args.db}", autocommit=True)
    cur = psycopg.ClientCursor(conn)
    results = {}
    for name, (filters, page) in lists.items():
        qs = selectors.filter_statements(filters, order="")
        bottom, top = (page - 1) * 20, page * 20
        shapes = {"plain": sql_of(qs[bottom:top], cur),
                  "deferred join": sql_of(qs.filter(pk__in=qs.prefetch_related(None).values("pk")[bottom:top]), cur)}
        times = {k: [] for k in shapes}
        for sql in shapes.values():
            cur.execute(sql)
            cur.fetchall()
        for i in range(args.n):
            for k in (list(shapes) if i % 2 else list(shapes)[::-1]):
                t = time.perf_counter()
                cur.execute(shapes[k])
                cur.fetchall()
                times[k].append((time.perf_counter() - t) * 1000)
        results[name] = {k: round(statistics.median(v), 2) for k, v in times.items()}
        print(f"{name:28} plain {results[name]['plain']:8.2f} ms   deferred join {results[name]['deferred join']:8.2f} ms",
              flush=True)
    Path(args.out).write_text(json.dumps({
        "benchmark": "page_shapes", "db": args.db, "n": args.n, "when": dt.datetime.now().isoformat(timespec="seconds"),
        "load_avg": os.getloadavg(), "unit": "ms (median)", "results": results,
    }, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
