"""Queries and milliseconds per article for process_source (parse + extract + store), in process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/st_q .venv/bin/python bench/store_queries.py [N]

Uses the database DATABASE_URL names (migrated here; use a scratch one) and the BBC politics sample.
"""
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "false"
os.environ["CELERY_BROKER_URL"] = "redis://127.0.0.1:1/0"  # nothing queued: this script processes in process


def main(n: int = 15) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ingest import services
    from ingest.extraction import extract

    call_command("migrate", verbosity=0)
    corpus = ROOT.parent / "shared" / "corpora" / "bbc-sample" / "politics"
    files = sorted(corpus.glob("*.txt"))[:n]
    if not files:
        sys.exit(f"no articles under {corpus}")
    extract(files[0].read_text(encoding="utf-8"))  # load the model before timing
    queries = seconds = 0.0
    for path in files:
        source = services.submit_article(raw=path.read_bytes(), filename=path.name).source
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            services.process_source(source_id=source.pk, force=True)
            seconds += time.perf_counter() - started
        queries += len(captured.captured_queries)
    print(f"{len(files)} articles: {queries / len(files):.0f} queries and {1000 * seconds / len(files):.0f} ms "
          "per article (parse + extract + store)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
