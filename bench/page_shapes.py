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


def arguments(doc: str, out: str, argv=None) -> argparse.Namespace:
    """The options the list benchmarks share: --db, --n, --out (bench/results/<out> by default)."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="st_perf")
    ap.add_argument("--n", type=int, default=15)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / out))
    return ap.parse_args(argv)


def setup_django(db: str) -> None:
    os.environ.update(DATABASE_URL=f"{PG}/{db}", DJANGO_SETTINGS_MODULE="config.settings.test", DEBUG="false")
    import django

    django.setup()


def statement_lists() -> dict:
    """The statement lists worth timing on a large database: name -> (StatementFilters, page number)."""
    from django.db.models import Count

    from actors.models import Actor
    from statements.models import Statement, Topic
    from statements.selectors import StatementFilters

    speaker = Actor.objects.annotate(n=Count("statements")).order_by("-n").first()
    topics = list(Topic.objects.annotate(n=Count("statements")).order_by("-n"))
    last = Statement.objects.exclude(dated_on=None).order_by("-dated_on").values_list("dated_on", flat=True).first()
    period = StatementFilters(date_from=last - dt.timedelta(days=90), date_to=last - dt.timedelta(days=60))
    return {
        "speaker (busiest), page 1": (StatementFilters(speaker=speaker), 1),
        "topic (busiest), page 1": (StatementFilters(topic=topics[0]), 1),
        "topic (median), page 1": (StatementFilters(topic=topics[len(topics) // 2]), 1),
        "period (30 days), page 1": (period, 1),
        "all, page 50": (StatementFilters(), 50),
        "all, page 500": (StatementFilters(), 500),
        "search two words, page 1": (StatementFilters(q="oil prices"), 1),
    }


def write_results(path: str, benchmark: str, args, results: dict, **extra) -> None:
    Path(path).write_text(json.dumps({
        "benchmark": benchmark, "db": args.db, "n": args.n, "when": dt.datetime.now().isoformat(timespec="seconds"),
        "load_avg": os.getloadavg(), "unit": "ms (median)", **extra, "results": results,
    }, indent=1) + "\n")


def main(argv=None) -> int:
    args = arguments(__doc__, "page_shapes.json", argv)
    setup_django(args.db)
    import psycopg

    from statements import selectors

    lists = statement_lists()
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
    write_results(args.out, "page_shapes", args, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
