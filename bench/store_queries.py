"""Queries and milliseconds per article for process_source (parse + extract + store), in process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/st_q .venv/bin/python bench/store_queries.py [N] [--profile]

Uses the database DATABASE_URL names (migrated here; use a scratch one) and the BBC politics sample (read in
place). Prints queries and ms per article, split into extraction, store_extraction and the rest of
process_source (parsing, source row, lock, status). --profile adds a cProfile of process_source.
"""
import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "false"
os.environ["CELERY_BROKER_URL"] = "redis://127.0.0.1:1/0"  # nothing queued: this script processes in process


def _timed(fn, bucket: list):
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            bucket.append(time.perf_counter() - started)
    return wrapper


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=15, help="articles (BBC politics, in name order)")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of process_source")
    ap.add_argument("--profile-out", help="also write the profile there (pstats file)")
    args = ap.parse_args(argv)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    import ingest.extraction
    from ingest import services

    call_command("migrate", verbosity=0)
    corpus = ROOT.parent / "shared" / "corpora" / "bbc-sample" / "politics"
    files = sorted(corpus.glob("*.txt"))[:args.n]
    if not files:
        sys.exit(f"no articles under {corpus}")
    services.dispatch = lambda source_id: None  # processed below, in process
    extract_times, store_times = [], []
    ingest.extraction.extract = _timed(ingest.extraction.extract, extract_times)
    services.store_extraction = _timed(services.store_extraction, store_times)
    ingest.extraction.extract(files[0].read_text(encoding="utf-8"))  # load the model before timing
    extract_times.clear()
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
    queries = seconds = 0.0
    for path in files:
        source = services.submit_article(raw=path.read_bytes(), filename=path.name).source
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            services.process_source(source_id=source.pk, force=True)
            if profiler:
                profiler.disable()
            seconds += time.perf_counter() - started
        queries += len(captured.captured_queries)
    n = len(files)
    ms = 1000 / n
    print(f"{n} articles: {queries / n:.0f} queries and {seconds * ms:.0f} ms per article (parse + extract + store): "
          f"extract {sum(extract_times) * ms:.0f} ms, store_extraction {sum(store_times) * ms:.0f} ms, "
          f"rest {(seconds - sum(extract_times) - sum(store_times)) * ms:.0f} ms")
    if profiler:
        import pstats

        if args.profile_out:
            profiler.dump_stats(args.profile_out)
        stats = pstats.Stats(profiler).sort_stats("cumulative")
        stats.print_stats(30)
        stats.print_callees("_process_locked|store_extraction|process_source")


if __name__ == "__main__":
    main()
