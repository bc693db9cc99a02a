"""Likely duplicates at scale: milliseconds and queries of selectors.likely_duplicates() over N live actors.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/st_dup .venv/bin/python bench/duplicates.py --fill 50000

Uses the database DATABASE_URL names: a scratch one (migrated here). With --fill N its actors, aliases and
roles are first REPLACED by N synthetic actors (80 % persons named from 300 first names x 6,000 surnames, so
surnames are shared as in real news; 20 % organisations of 1-5 words), each with its name as an alias and
persons with their surname too, 30 % of persons holding a dated role in an organisation, plus planted
duplicates of every kind the rules look for (acronyms, spelling variants, short forms, party aliases, the
same role at the same time). Prints the time of each run (wall clock, and this process's CPU, which says more on a shared machine), the
pairs found and how many of the planted ones,
and writes bench/results/duplicates.json.
"""
import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

SYLLABLES = ("ba be bi bo ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to "
             "va ve vi vo za ze zi zo dan ber cor del fen gar hal kin lor mar nor per rin sol tor var wen").split()
ORG_WORDS = ("Agency Authority Bank Board Bureau Commission Council Court Department Directorate Federation "
             "Foundation Fund Group Institute League Ministry Office Party Service Society Trust Union").split()
ADJECTIVES = ("National Federal Central Royal Independent United Democratic Popular Regional International "
              "European Northern Southern Eastern Western Green Social Liberal Free Public").split()
TOPICS = ("Audit Energy Health Transport Trade Defence Education Justice Finance Labour Water Science Sport Food "
          "Housing Culture Aviation Fisheries Mining Statistics Weather Veterans Border Police").split()


REASONS = [("same name", "same name"), ("is an alias of", "alias"), ("acronym", "acronym"),
           ("is the start of", "short form"), ("may be short for", "short form"),
           ("similar spelling", "similar spelling"), ("at the same time", "shared role")]


def word(rng, n):
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()


def synthetic(n: int, seed: int):
    """(name, kind) rows, then the planted pairs as (name A, name B, rule)."""
    rng = random.Random(seed)
    first = sorted({word(rng, 2) for _ in range(400)})[:300]
    last = sorted({word(rng, rng.choice((2, 3))) for _ in range(8000)})[:6000]
    rows, seen = [], set()
    while len(rows) < n * 0.8:
        name = f"{rng.choice(first)} {rng.choice(last)}"
        if name not in seen:
            seen.add(name)
            rows.append((name, "person"))
    while len(rows) < n:
        shape = rng.random()
        if shape < 0.4:
            name = f"{rng.choice(ADJECTIVES)} {rng.choice(TOPICS)} {rng.choice(ORG_WORDS)}"
        elif shape < 0.7:
            name = f"{rng.choice(ORG_WORDS)} of {word(rng, 3)}"
        else:
            name = f"{word(rng, 3)} {rng.choice(ORG_WORDS)}"
        name = f"{name} {word(rng, 2)}" if name in seen else name
        if name not in seen:
            seen.add(name)
            rows.append((name, "organization"))
    planted = []
    for i in range(50):  # spelling variants of persons ("Sergey" / "Sergei")
        name = rows[rng.randrange(int(n * 0.8))][0]
        variant = name[:-1] + ("y" if name[-1] != "y" else "i")
        if variant not in seen:
            seen.add(variant)
            rows.append((variant, "person"))
            planted.append((name, variant, "similar spelling"))
    for i in range(50):  # acronyms of organisations
        org = f"{rng.choice(ADJECTIVES)} {word(rng, 3)} {rng.choice(ORG_WORDS)}"
        acronym = "".join(w[0] for w in org.split())
        if org not in seen and acronym not in seen:
            seen.update((org, acronym))
            rows += [(org, "organization"), (acronym, "organization")]
            planted.append((acronym, org, "acronym"))
    return rows, planted


def fill(n: int, seed: int):
    from django.db import connection, transaction

    from actors.models import Actor, ActorAlias, Role
    from actors.normalize import normalize_name

    rows, planted = synthetic(n, seed)
    rng = random.Random(seed + 1)
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE actors_distinctactors, actors_role, actors_actoralias, actors_mergerecord, "
                           "actors_historicalactor, actors_actor RESTART IDENTITY CASCADE")
        actors = Actor.objects.bulk_create(
            [Actor(name=name, slug=f"actor-{i}", kind=kind) for i, (name, kind) in enumerate(rows)], batch_size=5000)
        aliases = []
        for actor in actors:
            aliases.append(ActorAlias(actor=actor, name=actor.name, normalized=normalize_name(actor.name)))
            if actor.kind == "person":
                surname = actor.name.split()[-1]
                aliases.append(ActorAlias(actor=actor, name=surname, normalized=normalize_name(surname)))
        ActorAlias.objects.bulk_create(aliases, batch_size=10000, ignore_conflicts=True)
        orgs = [a for a in actors if a.kind == "organization"]
        persons = [a for a in actors if a.kind == "person"]
        roles = []
        for person in rng.sample(persons, int(len(persons) * 0.3)):
            org = rng.choice(orgs)
            start = 1990 + rng.randrange(30)
            roles.append(Role(actor=person, title=rng.choice(("Chair", "Director", "Spokesman", "Minister", "Member")),
                              organization=org, organization_name=org.name, origin="popolo",
                              start_date=f"{start}-01-01", end_date=f"{start + rng.randrange(1, 8)}-12-31"))
        Role.objects.bulk_create(roles, batch_size=10000, ignore_conflicts=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE actors_actor; ANALYZE actors_actoralias; ANALYZE actors_role")
    return planted


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fill", type=int, metavar="N", help="replace the actors with N synthetic ones first")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=20)
    args = ap.parse_args(argv)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from actors import selectors
    from actors.models import Actor, ActorAlias

    call_command("migrate", verbosity=0)
    planted = []
    if args.fill:
        started = time.perf_counter()
        planted = fill(args.fill, args.seed)
        print(f"filled {args.fill} actors in {time.perf_counter() - started:.1f} s")
    live = Actor.objects.filter(merged_into__isnull=True).count()
    print(f"{live} live actors, {ActorAlias.objects.count()} aliases")
    timings, cpu, pairs, queries = [], [], [], 0
    for _ in range(args.runs):
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            pairs = selectors.likely_duplicates()
            timings.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        queries = len(captured)
        print(f"  {timings[-1] * 1000:.0f} ms ({cpu[-1] * 1000:.0f} ms of this process's CPU), {len(pairs)} pairs, "
              f"{queries} queries")
    names = dict(Actor.objects.values_list("pk", "name"))
    found = {frozenset((names[p.a_id], names[p.b_id])) for p in pairs}
    hits = {rule: [0, 0] for _, _, rule in planted}
    for a, b, rule in planted:
        hits[rule][1] += 1
        hits[rule][0] += frozenset((a, b)) in found
    by_reason = {}
    for pair in pairs:
        for reason in pair.reasons:
            key = next((label for marker, label in REASONS if marker in reason), reason)
            by_reason[key] = by_reason.get(key, 0) + 1
    result = {
        "live_actors": live, "runs_ms": [round(t * 1000) for t in timings],
        "median_ms": round(statistics.median(timings) * 1000), "cpu_ms": [round(t * 1000) for t in cpu],
        "load_average": os.getloadavg()[0], "queries": queries, "pairs": len(pairs),
        "planted_found": {rule: f"{found_}/{total}" for rule, (found_, total) in hits.items()},
        "pairs_by_reason": by_reason,
    }
    print(json.dumps(result, indent=1))
    out = ROOT / "bench" / "results" / "duplicates.json"
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
