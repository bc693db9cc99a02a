"""What clustering (issue 23) adds to ingesting an article: the code before clustering and this tree, side by side.

    .venv/bin/python bench/cluster_ingest.py --before /tmp/before [--rounds 3] [--in-process 2]

`--before` is a checkout of the code before clustering (e.g. `git worktree add /tmp/before db25190`, with
`.venv` linked). Two measurements on the same BBC sample (../shared/corpora/bbc-sample, 195 articles):

- Celery rounds: bench/ingest.py's round (submit every article, one worker process, time from the first submit
  to the last `processed_at`) run on each code in turn, in the order before, after, after, before, ... so that
  both sides see the same drift of a shared machine; each round in its own fresh database cloned from a
  template migrated by that code, its worker started from that code's folder. Broker: INGEST_BENCH_BROKER
  (default redis://127.0.0.1:6379/11).
- In process (`--in-process N` rounds per side, alternating): `ingest.services.process_source` per article as
  bench/store_queries.py does, with the clustering calls of store_extraction timed from here (wrapped, the
  product code untouched): `statements.clustering.services.assign` and `mark_reprints`, their milliseconds and
  queries per article.

Medians of the rounds; writes bench/results/cluster_ingest.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "bbc-sample"
PG = os.environ.get("PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432")
PREFIX = os.environ.get("CLUSTER_INGEST_DB", "st_perf_cluster_ingest")


def articles() -> list[tuple[str, bytes]]:
    paths = sorted(p for p in CORPUS.glob("**/*.txt") if p.name != "README.txt") if CORPUS.is_dir() else []
    return [(p.name, p.read_bytes()) for p in paths]


def _bench_ingest(code: Path, db: str):
    """bench/ingest.py's functions, pointed at `code` (its manage.py, its worker) and at database `db`."""
    spec = importlib.util.spec_from_file_location("bench_ingest", ROOT / "bench" / "ingest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # puts this tree first on sys.path: the code under test goes before it
    sys.path.insert(0, str(code))
    module.ROOT, module.DB, module.TEMPLATE = code, db, f"{db}_tpl"

    return module


def _database_exists(name: str) -> bool:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


def drop_databases(names: list[str]) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        for name in names:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def celery_round(code: Path, db: str) -> dict:
    """One bench/ingest.py round with one worker, on `code`."""
    bench = _bench_ingest(code, db)
    if not _database_exists(bench.TEMPLATE):
        bench.make_template()
    os.environ.update(DATABASE_URL=f"{PG}/{db}", CELERY_BROKER_URL=bench.BROKER, CELERY_TASK_ALWAYS_EAGER="false",
                      DJANGO_SETTINGS_MODULE="config.settings.local", DEBUG="false")
    import django

    bench.fresh_db()
    django.setup()
    log_dir = Path(f"/tmp/{PREFIX}-logs")
    log_dir.mkdir(exist_ok=True)
    result = bench.ingest_round(1, articles(), log_dir)
    from django.db import connections

    connections.close_all()
    bench.admin(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    return result


def _timed(fn, bucket: list, queries: list):
    from django.db import connection

    def wrapper(*args, **kwargs):
        count = [0]

        def counter(execute, sql, params, many, context):
            count[0] += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        try:
            with connection.execute_wrapper(counter):
                return fn(*args, **kwargs)
        finally:
            bucket.append(time.perf_counter() - started)
            queries.append(count[0])
    return wrapper


def in_process_round(code: Path, db: str) -> dict:
    """process_source on every article, in this process, on a fresh database migrated by `code`."""
    bench = _bench_ingest(code, db)
    if not _database_exists(bench.TEMPLATE):
        bench.make_template()
    os.environ.update(DATABASE_URL=f"{PG}/{db}", CELERY_TASK_ALWAYS_EAGER="false",
                      CELERY_BROKER_URL="redis://127.0.0.1:1/0", DJANGO_SETTINGS_MODULE="config.settings.local",
                      DEBUG="false")
    import django

    bench.fresh_db()
    django.setup()
    import ingest.extraction
    from ingest import services

    services.dispatch = lambda source_id: None  # processed below, in process
    parts: dict[str, tuple[list, list]] = {}
    try:
        from statements.clustering import services as clustering
    except ImportError:  # the code before clustering
        clustering = None
    if clustering:
        for name in ("assign", "mark_reprints"):
            parts[name] = ([], [])
            setattr(clustering, name, _timed(getattr(clustering, name), *parts[name]))
    found = articles()
    ingest.extraction.extract(found[0][1].decode("utf-8"))  # load the model before timing
    per_article, statements = [], 0
    per_part: dict[str, tuple[list, list]] = {name: ([], []) for name in parts}
    for name, raw in found:
        for bucket, queries in parts.values():
            bucket.clear(), queries.clear()
        source = services.submit_article(raw=raw, filename=name, content_type="text/plain").source
        started = time.perf_counter()
        services.process_source(source_id=source.pk, force=True)
        per_article.append((time.perf_counter() - started) * 1000)
        for part, (bucket, queries) in parts.items():  # this article's calls (none when it never got there)
            per_part[part][0].append(sum(bucket))
            per_part[part][1].append(sum(queries))
        statements += source.statements.count()
    from django.db import connections

    connections.close_all()
    bench.admin(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    result = {"articles": len(found), "statements": statements,
              "process_source_ms": [round(ms, 2) for ms in per_article]}
    for name, (bucket, queries) in per_part.items():
        result[f"{name}_ms"] = [round(s * 1000, 2) for s in bucket]
        result[f"{name}_queries"] = queries
    return result


def _child(kind: str, code: Path, side: str) -> dict:
    out = Path(f"/tmp/{PREFIX}-{side}-{kind}.json")
    subprocess.run([sys.executable, __file__, "--child", kind, "--code", str(code), "--side", side,
                    "--json", str(out)], check=True, cwd=code)  # Celery's Django fixup puts the cwd first on sys.path
    return json.loads(out.read_text())


def _order(rounds: int) -> list[str]:
    """before, after, after, before, before, after, ...: each side first as often as second."""
    pairs = [("before", "after") if i % 2 == 0 else ("after", "before") for i in range(rounds)]
    return [side for pair in pairs for side in pair]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", help="checkout of the code before clustering")
    ap.add_argument("--also", action="append", default=[], metavar="NAME=PATH",
                    help="another checkout measured in process too (e.g. lead=/tmp/lead)")
    ap.add_argument("--rounds", type=int, default=3, help="Celery rounds per side")
    ap.add_argument("--in-process", type=int, default=2, help="in-process rounds per side")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "cluster_ingest.json"))
    ap.add_argument("--child", choices=["celery", "in_process"], help=argparse.SUPPRESS)
    ap.add_argument("--code", help=argparse.SUPPRESS)
    ap.add_argument("--side", help=argparse.SUPPRESS)
    ap.add_argument("--json", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        db = f"{PREFIX}_{args.side}"
        run = celery_round if args.child == "celery" else in_process_round
        Path(args.json).write_text(json.dumps(run(Path(args.code), db)))
        return 0
    if not articles():
        print(f"skipped: no BBC sample at {CORPUS}")
        return 0
    codes = {"before": Path(args.before).resolve(), "after": ROOT}
    extra = dict(item.split("=", 1) for item in args.also)
    codes.update({name: Path(path).resolve() for name, path in extra.items()})
    drop_databases([f"{PREFIX}_{side}{suffix}" for side in codes for suffix in ("", "_tpl")])
    load = {"start": os.getloadavg()}
    celery = {side: [] for side in ("before", "after")}
    in_process = {side: [] for side in codes}

    def write() -> None:  # after every round: a run cut short keeps what it measured
        load["end"] = os.getloadavg()
        Path(args.out).write_text(json.dumps({
            "benchmark": "cluster_ingest", "when": dt.datetime.now().isoformat(timespec="seconds"),
            "code": {side: _git_head(code) for side, code in codes.items()},
            "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                        "load_avg": load},
            "summary": _summary(celery, in_process), "celery_rounds": celery, "in_process_rounds": in_process,
        }, indent=1) + "\n")

    for side in _order(args.rounds):
        r = _child("celery", codes[side], side)
        celery[side].append(r)
        write()
        print(f"  celery {side:6}: {r['articles']} articles in {r['seconds']} s = {r['rate']} articles/s "
              f"({r['statements']} statements; load {os.getloadavg()[0]:.1f})", flush=True)
    for i in range(args.in_process):
        sides = list(codes) if i % 2 == 0 else list(reversed(codes))
        for side in sides:
            r = _child("in_process", codes[side], side)
            in_process[side].append(r)
            write()
            print(f"  in process {side:6}: process_source median {statistics.median(r['process_source_ms']):.1f} "
                  f"ms (load {os.getloadavg()[0]:.1f})", flush=True)
    drop_databases([f"{PREFIX}_{side}_tpl" for side in codes])
    print(json.dumps(_summary(celery, in_process), indent=1))
    print(f"wrote {args.out}")
    return 0


def _summary(celery: dict, in_process: dict) -> dict:
    med = statistics.median
    out: dict = {}
    if all(celery.values()):
        rate = {side: med(r["rate"] for r in rs) for side, rs in celery.items()}
        out["celery_rate_median"] = {side: round(v, 2) for side, v in rate.items()}
        out["celery_time_added"] = round(rate["before"] / rate["after"] - 1, 4)  # seconds per article, after/before
    if all(in_process.values()):
        # per article: the median over rounds of each article's time, then the median over articles
        def per_article(side, key):
            rounds = [r[key] for r in in_process[side]]
            return [med(values) for values in zip(*rounds)]

        out["in_process_ms_per_article_by_code"] = {
            side: {"median": round(med(per_article(side, "process_source_ms")), 1),
                   "mean": round(statistics.fmean(per_article(side, "process_source_ms")), 1)}
            for side in in_process}
        before, after = per_article("before", "process_source_ms"), per_article("after", "process_source_ms")
        assign, reprints = per_article("after", "assign_ms"), per_article("after", "mark_reprints_ms")
        clustering = [a + b for a, b in zip(assign, reprints)]
        out["in_process_ms_per_article"] = {
            "before_median": round(med(before), 1), "after_median": round(med(after), 1),
            "before_mean": round(statistics.fmean(before), 1), "after_mean": round(statistics.fmean(after), 1),
            "assign_median": round(med(assign), 2), "assign_mean": round(statistics.fmean(assign), 2),
            "mark_reprints_median": round(med(reprints), 2),
            "mark_reprints_mean": round(statistics.fmean(reprints), 2),
            "clustering_share_of_after_mean": round(sum(clustering) / sum(after), 4),
            "time_added_mean": round(sum(after) / sum(before) - 1, 4),
        }
        out["clustering_ms_per_article_mean_by_code"] = {
            side: {"assign": round(statistics.fmean(per_article(side, "assign_ms")), 2),
                   "mark_reprints": round(statistics.fmean(per_article(side, "mark_reprints_ms")), 2),
                   "assign_queries_median": med(in_process[side][-1]["assign_queries"])}
            for side in in_process if "assign_ms" in in_process[side][0]}
        last = in_process["after"][-1]
        out["clustering_queries_per_article_median"] = {
            "assign": med(last["assign_queries"]), "mark_reprints": med(last["mark_reprints_queries"])}
    return out


def _git_head(code: Path) -> str:
    return subprocess.run(["git", "-C", str(code), "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
