"""Every benchmark, one after the other (`make bench`); results in bench/results/*.json.

    .venv/bin/python bench/run_all.py                     # extraction, ingest, 1M-statement scale (~15 min)
    .venv/bin/python bench/run_all.py --small             # a 50,000-statement scale run instead (~3 min)
    .venv/bin/python bench/run_all.py --only web --no-generate   # reuse the filled database

Steps: extraction (bench/extraction.py: extraction core vs bare spaCy parse), ingest (bench/ingest.py:
Redis + Celery + PostgreSQL with 1 and 2 workers vs bare parse), generate (bench/scale_data.py: synthetic
corpus by COPY into --db), web (bench/web.py: p50/p95 of pages, API and export vs the same SQL run raw).
Needs PostgreSQL at 127.0.0.1:5432 (user postgres; PG_ADMIN_URL to change) and Redis (ingest only).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
STEPS = ("extraction", "ingest", "generate", "web")  # and, on request, "indexes", "page_shapes"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="", help=f"comma-separated steps out of {','.join(STEPS)}")
    ap.add_argument("--db", default="", help="the scale database (default st_perf, st_perf_small with --small)")
    ap.add_argument("--small", action="store_true", help="50,000 statements (a quick check of the whole chain)")
    ap.add_argument("--no-generate", action="store_true", help="reuse the database --db as it is")
    ap.add_argument("--n", default="40", help="timed requests per web case")
    ap.add_argument("--indexes", action="store_true", help="also bench/indexes.py and bench/page_shapes.py")
    args = ap.parse_args(argv)
    args.db = args.db or ("st_perf_small" if args.small else "st_perf")
    steps = [s for s in args.only.split(",") if s] or list(STEPS)
    if args.no_generate and "generate" in steps:
        steps.remove("generate")
    size = ["--statements", "50000", "--actors", "5000", "--sources", "10000", "--topics", "200"] if args.small else []
    label = "small" if args.small else "latest"
    commands = {
        "extraction": [PY, "bench/extraction.py"],
        "ingest": [PY, "bench/ingest.py"],
        "generate": [PY, "bench/scale_data.py", "--db", args.db, *size],
        "web": [PY, "bench/web.py", "--db", args.db, "--n", args.n, "--label", label],
        "indexes": [PY, "bench/indexes.py", "--db", args.db],
        "page_shapes": [PY, "bench/page_shapes.py", "--db", args.db],
    }
    if args.indexes and not args.only:
        steps += ["indexes", "page_shapes"]
    failed = []
    for step in steps:
        print(f"\n=== {step}: {' '.join(commands[step][1:])}", flush=True)
        started = time.perf_counter()
        code = subprocess.call(commands[step], cwd=ROOT)
        print(f"=== {step}: exit {code} after {time.perf_counter() - started:.0f} s", flush=True)
        if code:
            failed.append(step)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
