"""How many actors the BBC sample makes, and how many of the speaking ones look like duplicates (issue 20, item 6).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/st_ids .venv/bin/python bench/actor_identity.py ingest
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/st_ids .venv/bin/python bench/actor_identity.py report \\
        [--label after] [--names]

ingest  Drops and creates the database DATABASE_URL names and ingests in process (as `speaker_audit.py prepare`
        does) the BBC sample's articles that are NOT held out for the speaker audit
        (bench/results/speaker_audit_sample.json lists those; they are not read here), in name order.
report  Live actors, actors that speak, and the likely-duplicate groups among the speaking actors: the pairs
        actors.duplicates.find_pairs suggests (the admin's "Likely duplicates" list) with both actors speaking,
        joined into groups (connected pairs). --names prints each group's names; --label saves the figures
        under that label to bench/results/actor_identity.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import speaker_audit  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "actor_identity.json"


def cmd_ingest(database_url: str) -> None:
    held_out = set(json.loads(speaker_audit.AUDIT_SETS["bbc"].sample_file.read_text())["articles"])
    rels = [rel for rel in speaker_audit.corpus_articles() if rel not in held_out]
    print(f"{len(rels)} articles (held out and left alone: {len(held_out)})", flush=True)
    speaker_audit.ingest_in_process(database_url, [(rel, speaker_audit.CORPUS / rel) for rel in rels])


def groups_of(pairs) -> list[set[int]]:
    """Connected components of the pairs (union-find), largest first."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    components: dict[int, set[int]] = {}
    for x in parent:
        components.setdefault(find(x), set()).add(x)
    return sorted(components.values(), key=lambda g: (-len(g), min(g)))


def cmd_report(database_url: str, *, label: str, names: bool) -> None:
    speaker_audit.setup_django(database_url)
    from actors.duplicates import find_pairs
    from actors.models import Actor
    from statements.models import Statement

    live = Actor.objects.filter(merged_into__isnull=True)
    speaking = set(Statement.objects.filter(speaker__isnull=False).values_list("speaker_id", flat=True).distinct())
    pairs = [p for p in find_pairs() if p.a_id in speaking and p.b_id in speaking]
    groups = groups_of((p.a_id, p.b_id) for p in pairs)
    figures = {
        "date": dt.date.today().isoformat(),
        "actors": live.count(),
        "speaking_actors": len(speaking),
        "statements": Statement.objects.count(),
        "statements_without_actor": Statement.objects.filter(speaker__isnull=True).count(),
        "duplicate_pairs_speaking": len(pairs),
        "duplicate_groups_speaking": len(groups),
        "actors_in_duplicate_groups": sum(len(g) for g in groups),
    }
    for key, value in figures.items():
        print(f"{key}: {value}")
    if names:
        by_id = dict(Actor.objects.filter(pk__in={x for g in groups for x in g}).values_list("pk", "name"))
        reasons = {}
        for p in pairs:
            reasons.setdefault(p.a_id, []).append(p.reasons[0])
        for group in groups:
            print("  " + " | ".join(sorted(by_id[x] for x in group)) + "   (" + "; ".join(
                sorted({r for x in group for r in reasons.get(x, [])})) + ")")
    if label:
        saved = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        saved[label] = figures
        RESULTS.write_text(json.dumps(saved, indent=2, sort_keys=True) + "\n")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("ingest", help="fresh database, ingest the BBC articles not held out")
    p = sub.add_parser("report", help="actors and likely-duplicate groups among speaking actors")
    p.add_argument("--label", default="")
    p.add_argument("--names", action="store_true")
    args = ap.parse_args(argv)
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        sys.exit("set DATABASE_URL to a scratch PostgreSQL database (ingest drops and creates it)")
    if args.command == "ingest":
        cmd_ingest(database_url)
    else:
        cmd_report(database_url, label=args.label, names=args.names)


if __name__ == "__main__":
    main()
