"""Incremental cluster assignment in a large database (issue 23): what storing an article costs, in queries and
milliseconds, and how many statements each new one is compared with.

    .venv/bin/python bench/cluster_store.py --db st_perf_hclbench [--new 20] [--repeats 20] [--label after]

The database is one built by bench/scale_data.py (1,000,000 statements with clusters and fingerprints; it is not
changed: every article is stored in a transaction rolled back afterwards). Two kinds of article go through
`ingest.services.process_source` (parse, extract, store, cluster), in process, as bench/store_queries.py does:

- new: BBC politics articles (../shared/corpora/bbc-sample/politics, read in place): utterances nobody said
  before in this database;
- repeats: articles written here that carry utterances already stored (the first statements of clusters of
  synthetic speakers whose full name is one actor's alone), quoted whole or trimmed, as a wire story picked up
  by another outlet: each should join its cluster.

Per article: all queries and milliseconds of process_source, and those of `statements.clustering.services.assign`
and `mark_reprints` (wrapped from here), the candidates the fingerprints found and the `text.match` comparisons.
Writes bench/results/cluster_store-<label>.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "bench"))
PG = os.environ.get("PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432")


def repeat_articles(n: int, seed: int) -> list[tuple[str, str, list[int]]]:
    """(name, text, the clusters it repeats) for n articles of 3-5 stored utterances each."""
    from django.db import connection

    import scale_data

    rng = random.Random(seed)
    with connection.cursor() as cursor:
        # speakers whose full name is theirs alone (resolution can only find them); clusters big and small
        cursor.execute("""
            WITH unique_names AS (
                SELECT min(id) AS id, name FROM actors_actor WHERE kind = 'person' GROUP BY name HAVING count(*) = 1)
            (SELECT c.id, u.name, s.content FROM statements_cluster c JOIN unique_names u ON u.id = c.speaker_id
               JOIN statements_statement s ON s.id = c.first_statement_id
              WHERE c.statement_count >= 2 ORDER BY c.id DESC LIMIT 2000)
            UNION ALL
            (SELECT c.id, u.name, s.content FROM statements_cluster c JOIN unique_names u ON u.id = c.speaker_id
               JOIN statements_statement s ON s.id = c.first_statement_id
              WHERE c.statement_count = 1 ORDER BY c.id DESC LIMIT 2000)""")
        rows = cursor.fetchall()
    np_rng = __import__("numpy").random.default_rng(seed)
    articles = []
    for i in range(n):
        picked = rng.sample(rows, rng.randint(3, 5))
        parts = [f"Leaders repeat their lines, story {i}\n\n"]
        for _, name, content in picked:
            quoted = scale_data.trimmed(np_rng, content) if rng.random() < 0.3 else None
            parts.append(f"The talks went on for a second day. {name} said: \"{quoted or content}\"\n\n")
        articles.append((f"repeat-{i}.txt", "".join(parts), [cluster for cluster, _, _ in picked]))
    return articles


def measure(articles, *, kind: str) -> list[dict]:
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from cluster_ingest import _timed
    from ingest import services
    from statements.clustering import services as clustering
    from statements.clustering import text
    from statements.models import Statement

    parts = {name: ([], []) for name in ("assign", "mark_reprints")}
    originals = {name: getattr(clustering, name) for name in parts}
    for name, (bucket, queries) in parts.items():
        setattr(clustering, name, _timed(originals[name], bucket, queries))
    candidates, comparisons = [], [0]
    find = clustering._candidates
    compare = text.match

    def counting_candidates(*args, **kwargs):
        found = find(*args, **kwargs)
        candidates.append(len(found))
        return found

    def counting_match(a, b):
        comparisons[0] += 1
        return compare(a, b)

    clustering._candidates, clustering.text.match = counting_candidates, counting_match
    results = []
    try:
        for name, raw, repeated in articles:
            for bucket, queries in parts.values():
                bucket.clear(), queries.clear()
            candidates.clear()
            comparisons[0] = 0
            with transaction.atomic():
                source = services.submit_article(raw=raw, filename=name, content_type="text/plain").source
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    services.process_source(source_id=source.pk, force=True)
                    ms = (time.perf_counter() - started) * 1000
                source.refresh_from_db()
                stored = list(Statement.objects.filter(source=source).values("cluster_id", "cluster__statement_count"))
                joined = sum(1 for s in stored if (s["cluster__statement_count"] or 0) > 1)
                rejoined = len({s["cluster_id"] for s in stored} & set(repeated))
                transaction.set_rollback(True)
            results.append({
                "kind": kind, "name": name, "status": source.status, "statements": len(stored),
                "joined_a_cluster": joined, "repeated": len(repeated), "rejoined_its_cluster": rejoined,
                "ms": round(ms, 1), "queries": len(captured.captured_queries),
                "assign_ms": round(sum(parts["assign"][0]) * 1000, 2), "assign_queries": sum(parts["assign"][1]),
                "mark_reprints_ms": round(sum(parts["mark_reprints"][0]) * 1000, 2),
                "mark_reprints_queries": sum(parts["mark_reprints"][1]),
                "candidates": sum(candidates), "comparisons": comparisons[0],
                "slowest_clustering_sql": _slowest(captured.captured_queries),
            })
            r = results[-1]
            print(f"  {kind:7} {name:14} {r['statements']:3} statements ({r['joined_a_cluster']} joined; "
                  f"{r['rejoined_its_cluster']}/{r['repeated']} repeats back in their cluster): {r['ms']:7.1f} ms, "
                  f"{r['queries']} queries; assign {r['assign_ms']:.1f} ms / {r['assign_queries']} q, reprints "
                  f"{r['mark_reprints_ms']:.1f} ms / {r['mark_reprints_queries']} q; {r['candidates']} candidates, "
                  f"{r['comparisons']} comparisons", flush=True)
    finally:
        for name, fn in originals.items():
            setattr(clustering, name, fn)
        clustering._candidates, clustering.text.match = find, compare
    return results


def _slowest(captured) -> dict:
    """The slowest query touching clusters or fingerprints (Django's own timing of it)."""
    rows = [q for q in captured if "cluster" in q["sql"] or "fingerprint" in q["sql"]]
    if not rows:
        return {}
    worst = max(rows, key=lambda q: float(q["time"]))
    return {"ms": round(float(worst["time"]) * 1000, 2), "sql": worst["sql"][:300]}


def summarise(results: list[dict]) -> dict:
    out = {}
    for kind in sorted({r["kind"] for r in results}):
        rows = [r for r in results if r["kind"] == kind]
        statements = sum(r["statements"] for r in rows)

        def med(key):
            return round(statistics.median(r[key] for r in rows), 2)

        def p95(key):
            values = sorted(r[key] for r in rows)
            return round(values[min(len(values) - 1, int(0.95 * len(values)))], 2)

        out[kind] = {
            "articles": len(rows), "statements": statements,
            "failed": sum(r["status"] != "done" for r in rows),
            "process_source_ms_median": med("ms"), "process_source_ms_p95": p95("ms"),
            "queries_median": med("queries"),
            "assign_ms_median": med("assign_ms"), "assign_ms_p95": p95("assign_ms"),
            "assign_queries_median": med("assign_queries"),
            "mark_reprints_ms_median": med("mark_reprints_ms"), "mark_reprints_ms_p95": p95("mark_reprints_ms"),
            "mark_reprints_queries_median": med("mark_reprints_queries"),
            "clustering_share_of_process_source": round(
                sum(r["assign_ms"] + r["mark_reprints_ms"] for r in rows) / sum(r["ms"] for r in rows), 4),
            "candidates_per_statement": round(sum(r["candidates"] for r in rows) / max(statements, 1), 2),
            "comparisons_per_statement": round(sum(r["comparisons"] for r in rows) / max(statements, 1), 2),
            "comparisons_max_per_article": max(r["comparisons"] for r in rows),
            "statements_joining_a_cluster": sum(r["joined_a_cluster"] for r in rows),
        }
        if kind == "repeats":
            out[kind]["repeats_back_in_their_cluster"] = (
                f"{sum(r['rejoined_its_cluster'] for r in rows)}/{sum(r['repeated'] for r in rows)}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="st_perf_hclbench")
    ap.add_argument("--new", type=int, default=20, help="BBC politics articles")
    ap.add_argument("--repeats", type=int, default=20, help="articles repeating stored utterances")
    ap.add_argument("--seed", type=int, default=23)
    ap.add_argument("--label", default="after")
    args = ap.parse_args(argv)
    os.environ.update(DATABASE_URL=f"{PG}/{args.db}", DJANGO_SETTINGS_MODULE="config.settings.local",
                      CELERY_TASK_ALWAYS_EAGER="false", CELERY_BROKER_URL="redis://127.0.0.1:1/0", DEBUG="false")
    import django

    django.setup()
    import ingest.extraction
    from django.core.management import call_command
    from ingest import services
    from statements.models import Statement

    call_command("migrate", verbosity=0)  # a migration of this tree not yet applied to the database
    services.dispatch = lambda source_id: None  # processed here, in process
    corpus = ROOT.parent / "shared" / "corpora" / "bbc-sample" / "politics"
    new = [(p.name, p.read_text(encoding="utf-8"), []) for p in sorted(corpus.glob("*.txt"))[:args.new]]
    repeats = repeat_articles(args.repeats, args.seed)
    ingest.extraction.extract(new[0][1] if new else repeats[0][1])  # load the model before timing
    total = Statement.objects.count()
    load = {"start": os.getloadavg()}
    results = []
    for i in range(max(len(new), len(repeats))):  # interleaved: both kinds see the same machine
        for kind, items in (("new", new), ("repeats", repeats)):
            if i < len(items):
                name, body, repeated = items[i]
                results += measure([(name, body.encode(), repeated)], kind=kind)
    load["end"] = os.getloadavg()
    summary = summarise(results)
    print(json.dumps(summary, indent=1))
    out = ROOT / "bench" / "results" / f"cluster_store-{args.label}.json"
    out.write_text(json.dumps({
        "benchmark": "cluster_store", "when": dt.datetime.now().isoformat(timespec="seconds"), "db": args.db,
        "statements_in_db": total, "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                                               "load_avg": load},
        "summary": summary, "articles": results,
    }, indent=1) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
