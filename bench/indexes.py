"""Each list index justified: the queries the statement lists send, with and without each index, in one run.

    .venv/bin/python bench/indexes.py --db st_perf [--n 15]

The lists are page_shapes.py's (an actor's, a topic's, a period, the whole list at pages 50 and 500, a search) and
the whole list oldest first. For each, the SQL one page sends is captured as the site sends it (selectors and
browse.pagination.CappedPaginator: the capped count, then the page through its id-only subquery), then timed --n
times straight through psycopg with every list index present, then inside a transaction that drops one index (or
all of them) and is rolled back, so the database is left as it was. Medians in ms. The indexes are the ones the
statements migrations build for the lists (0004, 0006, 0008), named from the migrations themselves. Writes
bench/results/indexes.json. Needs the indexes to exist (run `manage.py migrate` on the database first).
"""
from __future__ import annotations

import statistics
import sys
import time
from importlib import import_module

from page_shapes import PG, arguments, setup_django, statement_lists, write_results

LIST_INDEX_MIGRATIONS = ("0004_list_indexes", "0006_topic_link_date_index", "0008_dated_on_indexes")


def list_indexes() -> list[str]:
    names = []
    for name in LIST_INDEX_MIGRATIONS:
        migration = import_module(f"statements.migrations.{name}")
        names += list(getattr(migration, "INDEXES", None) or [migration.NAME])
    return names


def page_queries() -> dict[str, str]:
    """name -> SQL of every query one page of each list sends (count, page, what the page prefetches)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from browse.pagination import CappedPaginator
    from statements import selectors

    lists = {name: (filters, page, "") for name, (filters, page) in statement_lists().items()}
    lists["all, oldest first, page 50"] = (selectors.StatementFilters(), 50, "oldest")
    queries = {}
    for name, (filters, page, order) in lists.items():
        paginator = CappedPaginator(selectors.filter_statements(filters, order=order), 20)
        with CaptureQueriesContext(connection) as captured:
            list(paginator.page(page).object_list)
        labels = ["count", "page", *(f"prefetch {i}" for i in range(1, len(captured.captured_queries)))]
        queries.update({f"{name}: {label}": q["sql"] for label, q in zip(labels, captured.captured_queries)})
    return queries


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
    args = arguments(__doc__, "indexes.json", argv)
    setup_django(args.db)
    import psycopg

    indexes = list_indexes()
    conn = psycopg.connect(f"{PG}/{args.db}")
    cur = conn.cursor()
    cur.execute("SELECT indexname FROM pg_indexes WHERE indexname = ANY(%s)", (indexes,))
    missing = set(indexes) - {r[0] for r in cur.fetchall()}
    if missing:
        sys.exit(f"missing indexes {sorted(missing)}: run manage.py migrate on {args.db} first")
    qs = page_queries()
    conn.rollback()
    variants = ["with all", *[f"without {i}" for i in indexes], "without any of them"]
    results = {name: {} for name in qs}
    for variant in variants:
        dropped = indexes if variant == "without any of them" else [i for i in indexes if variant == f"without {i}"]
        for name in dropped:
            cur.execute(f"DROP INDEX {name}")  # inside the transaction: rolled back below
        for qname, sql in qs.items():
            results[qname][variant] = round(timed(cur, sql, args.n), 2)
        conn.rollback()
        print(f"{variant}: done", flush=True)
    print("| query | " + " | ".join(variants) + " |")
    for qname, row in results.items():
        print(f"| {qname} | " + " | ".join(f"{row[v]}" for v in variants) + " |")
    write_results(args.out, "indexes", args, results, indexes=indexes, queries=qs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
