"""Queries and milliseconds per article for process_source (parse + extract + store), in process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/st_q .venv/bin/python bench/store_queries.py [N] [--profile]
    DATABASE_URL=... .venv/bin/python bench/store_queries.py 40 --actors 50000 --fresh
    DATABASE_URL=... .venv/bin/python bench/store_queries.py 40 --actors 50000 --compare main

Uses the database DATABASE_URL names (migrated here; use a scratch one) and the BBC politics sample (read in
place). Prints queries and ms per article (mean and median), split into extraction, store_extraction and the rest
of process_source (parsing, source row, lock, status). --profile adds a cProfile of process_source.

--fresh drops and creates the database first. --actors N first fills it with N synthetic actors (80 % persons,
20 % organisations; names from bench/scale_data.py's word lists and made-up surnames, seeded) with the aliases
the resolution of the code under test gives a name (full name, and a person's surname) and a role for ~30 %,
so that the articles' names are looked up among that many. --compare REF runs the same measurement twice on a
fresh database each (implies --fresh), first with the code of git REF (exported with `git archive` to a
temporary folder: nothing in the work tree changes), then with the work tree, and prints them side by side.
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _timed(fn, bucket: list):
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            bucket.append(time.perf_counter() - started)
    return wrapper


def _setup(code: Path) -> None:
    sys.path.insert(0, str(code))  # the apps of the code under test, first
    sys.path.insert(1, str(ROOT / "bench"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "false"
    os.environ["CELERY_BROKER_URL"] = "redis://127.0.0.1:1/0"  # nothing queued: this script processes in process
    import django

    django.setup()


def _recreate_database() -> None:
    import psycopg

    base, _, name = os.environ["DATABASE_URL"].rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def seed_actors(n: int, *, seed: int = 7) -> None:
    """N synthetic actors with the aliases resolution gives their names, and roles for ~30 %, in bulk."""
    import scale_data
    from actors.models import Actor, ActorAlias, Role
    try:
        from actors.resolution import person_alias_forms
    except ImportError:  # code from before actors/resolution.py
        from actors.services import person_alias_forms
    from actors.normalize import normalize_name

    rng = random.Random(seed)
    syllables = "ka ren mo lu vi sa ter don bel fi gor an ell ric has tov ski ova ez ber".split()

    def surname() -> str:
        if rng.random() < 0.2:
            return rng.choice(scale_data.LAST)
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).title()

    names, seen = [], set()
    while len(names) < n:
        if rng.random() < 0.8:
            name, kind = f"{rng.choice(scale_data.FIRST)} {surname()}", Actor.Kind.PERSON
        else:
            name = f"{rng.choice(scale_data.PLACES + [surname()])} {rng.choice(scale_data.ORG_HEADS)}"
            kind = Actor.Kind.ORGANIZATION
        if name not in seen:
            seen.add(name)
            names.append((name, kind))
    actors = Actor.objects.bulk_create(
        [Actor(name=name, kind=kind, slug=f"seed-{i}") for i, (name, kind) in enumerate(names)], batch_size=5000)
    aliases = []
    for actor in actors:
        forms = person_alias_forms(actor.name) if actor.kind == Actor.Kind.PERSON else [actor.name]
        aliases += [ActorAlias(actor=actor, name=form, normalized=normalize_name(form)) for form in forms]
    ActorAlias.objects.bulk_create(aliases, batch_size=5000, ignore_conflicts=True)
    Role.objects.bulk_create([Role(actor=actor, title=rng.choice(scale_data.TITLES)) for actor in actors
                              if rng.random() < 0.3], batch_size=5000)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure(args) -> dict:
    _setup(Path(args.code) if args.code else ROOT)
    if args.fresh:
        _recreate_database()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    import ingest.extraction
    from ingest import services

    call_command("migrate", verbosity=0)
    if args.actors:
        started = time.perf_counter()
        seed_actors(args.actors)
        print(f"seeded {args.actors} actors in {time.perf_counter() - started:.0f} s", flush=True)
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
    per_article = {"queries": [], "ms": [], "store_ms": [], "extract_ms": []}
    for path in files:
        source = services.submit_article(raw=path.read_bytes(), filename=path.name).source
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            services.process_source(source_id=source.pk, force=True)
            if profiler:
                profiler.disable()
            seconds = time.perf_counter() - started
        per_article["queries"].append(len(captured.captured_queries))
        per_article["ms"].append(seconds * 1000)
        per_article["store_ms"].append(store_times[-1] * 1000 if store_times else 0.0)
        per_article["extract_ms"].append(extract_times[-1] * 1000 if extract_times else 0.0)
    if profiler:
        import pstats

        if args.profile_out:
            profiler.dump_stats(args.profile_out)
        stats = pstats.Stats(profiler).sort_stats("cumulative")
        stats.print_stats(30)
        stats.print_callees("_process_locked|store_extraction|process_source")
    return per_article


def summary(per_article: dict) -> str:
    n = len(per_article["queries"])
    mean = {key: statistics.fmean(values) for key, values in per_article.items()}
    median = {key: statistics.median(values) for key, values in per_article.items()}
    return (f"{n} articles: {mean['queries']:.0f} queries and {mean['ms']:.0f} ms per article (parse + extract + "
            f"store): extract {mean['extract_ms']:.0f} ms, store_extraction {mean['store_ms']:.0f} ms, rest "
            f"{mean['ms'] - mean['extract_ms'] - mean['store_ms']:.0f} ms; medians: {median['queries']:.0f} queries, "
            f"store_extraction {median['store_ms']:.1f} ms, all {median['ms']:.0f} ms")


def compare(args, argv) -> None:
    """The measurement for git REF and for the work tree, one after the other, each on a fresh database."""
    passed = [a for a in argv if a not in ("--fresh",)]
    i = passed.index("--compare")
    passed = passed[:i] + passed[i + 2:]
    results = {}
    with tempfile.TemporaryDirectory(prefix="store_queries_") as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.compare], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        for label, code in ((args.compare, tmp), ("work tree", str(ROOT))):
            out = Path(tmp) / f"result-{len(results)}.json"
            print(f"--- {label}", flush=True)
            subprocess.run([sys.executable, __file__, *passed, "--fresh", "--code", code, "--json", str(out)],
                           check=True)
            results[label] = json.loads(out.read_text())
    print(f"\nmedians per article ({args.n} BBC politics articles, {args.actors} actors seeded):")
    print(f"{'':12} {'queries':>8} {'store_extraction ms':>20} {'process_source ms':>18}")
    for label, per_article in results.items():
        print(f"{label[:12]:12} {statistics.median(per_article['queries']):8.0f} "
              f"{statistics.median(per_article['store_ms']):20.1f} {statistics.median(per_article['ms']):18.0f}")


def main(argv=None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", nargs="?", type=int, default=15, help="articles (BBC politics, in name order)")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of process_source")
    ap.add_argument("--profile-out", help="also write the profile there (pstats file)")
    ap.add_argument("--fresh", action="store_true", help="drop and create the database first")
    ap.add_argument("--actors", type=int, default=0, help="seed this many synthetic actors first")
    ap.add_argument("--compare", metavar="REF", help="measure git REF and the work tree, side by side")
    ap.add_argument("--code", help=argparse.SUPPRESS)  # the folder whose apps are measured (for --compare)
    ap.add_argument("--json", help=argparse.SUPPRESS)  # write the per-article figures there (for --compare)
    args = ap.parse_args(argv)
    if args.compare:
        compare(args, argv)
        return
    per_article = measure(args)
    print(summary(per_article))
    if args.json:
        Path(args.json).write_text(json.dumps(per_article))


if __name__ == "__main__":
    main()
