"""How many actors the BBC sample makes, and how many of the speaking ones look like duplicates (issue 20, item 6).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/st_ids .venv/bin/python bench/actor_identity.py ingest
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/st_ids .venv/bin/python bench/actor_identity.py report \\
        [--label after] [--names]

ingest  Drops and creates the database DATABASE_URL names and ingests in process (as `speaker_audit.py prepare`
        does) the BBC sample's articles that are NOT held out for the speaker audit
        (bench/results/speaker_audit_sample.json lists those; they are not read here), in name order.
        --corpus analyst: first PolNeAR dev (all) and train[:300] (written as plain files under
        /tmp/actor_identity_polnear, as speaker_audit.write_polnear_corpus writes train[300:]), then those BBC
        articles: the corpus an analyst builds from everything the builders may read (never train[300:]).
report  Live actors, actors that speak, and the likely-duplicate groups among the speaking actors: the pairs
        actors.duplicates.find_pairs suggests (the admin's "Likely duplicates" list) with both actors speaking,
        joined into groups (connected pairs). --names prints each group's names; --label saves the figures
        under that label to bench/results/actor_identity.json. With --judged, also the groups of
        bench/results/actor_identity_judged.json (duplicate records found by reading the analyst corpus) still
        split: two or more live speaking actors named by one group's names.
dump    Writes each statement's actor ({article name: {content start: [actor id, actor name]}}) to --out, for
compare BEFORE.json AFTER.json: the statements that changed actor, grouped as merges (an actor after holding the
        statements of several actors before: each must be one entity, judge them) and splits.
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
JUDGED = ROOT / "bench" / "results" / "actor_identity_judged.json"


POLNEAR_OUT = Path("/tmp/actor_identity_polnear")


def polnear_paths() -> list[tuple[str, Path]]:
    """PolNeAR dev and train[:300] (never train[300:], the held-out split) as (name stored, file) pairs."""
    paths = []
    for part, source, stop in (("dev", speaker_audit.SHARED / "eval" / "polnear-dev.json", None),
                               ("train", speaker_audit.POLNEAR_FILE, speaker_audit.POLNEAR_FROM)):
        out = POLNEAR_OUT / part
        speaker_audit.write_polnear_corpus(out, source, 0, stop)
        paths += [(f"polnear-{part}/{rel}", out / rel) for rel in speaker_audit.corpus_articles(out)]
    return paths


def cmd_ingest(database_url: str, corpus: str = "bbc") -> None:
    held_out = set(json.loads(speaker_audit.AUDIT_SETS["bbc"].sample_file.read_text())["articles"])
    rels = [rel for rel in speaker_audit.corpus_articles() if rel not in held_out]
    paths = polnear_paths() if corpus == "analyst" else []
    paths += [(rel, speaker_audit.CORPUS / rel) for rel in rels]
    print(f"{len(paths)} articles (BBC held out and left alone: {len(held_out)})", flush=True)
    speaker_audit.ingest_in_process(database_url, paths)


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


def judged_left(speaking_names: dict[int, str]) -> list[list[str]]:
    """The judged groups still split: for each, the names of the live speaking actors its names name (two or more)."""
    from actors.normalize import normalize_name

    by_name: dict[str, set[int]] = {}
    for pk, name in speaking_names.items():
        by_name.setdefault(normalize_name(name), set()).add(pk)
    left = []
    for group in json.loads(JUDGED.read_text())["groups"]:
        ids = set().union(*(by_name.get(normalize_name(n), set()) for n in group["names"]))
        if len(ids) > 1:
            left.append(sorted(speaking_names[i] for i in ids))
    return left


def cmd_report(database_url: str, *, label: str, names: bool, judged: bool = False) -> None:
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
    if judged:
        left = judged_left(dict(live.filter(pk__in=speaking).values_list("pk", "name")))
        figures["judged_groups"] = len(json.loads(JUDGED.read_text())["groups"])
        figures["judged_groups_still_split"] = len(left)
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
    if judged and names:
        print("judged groups still split:")
        for names_left in left:
            print("  " + " | ".join(names_left))
    if label:
        saved = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        saved[label] = figures
        RESULTS.write_text(json.dumps(saved, indent=2, sort_keys=True) + "\n")


def cmd_dump(database_url: str, out: str) -> None:
    speaker_audit.setup_django(database_url)
    from statements.models import Statement

    dump: dict[str, dict[str, list]] = {}
    for row in Statement.objects.values("source__original_name", "content_start", "speaker_id", "speaker__name"):
        dump.setdefault(row["source__original_name"], {})[str(row["content_start"])] = [
            row["speaker_id"], row["speaker__name"]]
    Path(out).write_text(json.dumps(dump, sort_keys=True), encoding="utf-8")
    print(f"{sum(map(len, dump.values()))} statements of {len(dump)} articles -> {out}")


def compare_dumps(before: dict, after: dict) -> dict:
    """Statements at the same place in both runs whose actor changed, as merges ({after actor: its before actors,
    when several}) and splits ({before actor: its after actors, when several}); actors as "name #id"."""
    held_after: dict[str, set[str]] = {}
    held_before: dict[str, set[str]] = {}
    moved = 0
    for article, statements in before.items():
        for start, (b_id, b_name) in statements.items():
            a = after.get(article, {}).get(start)
            if a is None or b_id is None or a[0] is None:
                continue
            b_key, a_key = f"{b_name} #{b_id}", f"{a[1]} #{a[0]}"
            held_after.setdefault(a_key, set()).add(b_key)
            held_before.setdefault(b_key, set()).add(a_key)
            moved += b_name != a[1]
    return {"statements_renamed_or_moved": moved,
            "merges": {k: sorted(v) for k, v in sorted(held_after.items()) if len(v) > 1},
            "splits": {k: sorted(v) for k, v in sorted(held_before.items()) if len(v) > 1}}


def cmd_compare(before_file: str, after_file: str) -> None:
    result = compare_dumps(json.loads(Path(before_file).read_text()), json.loads(Path(after_file).read_text()))
    print(f"statements whose actor's name changed: {result['statements_renamed_or_moved']}")
    print(f"merges ({len(result['merges'])}): an actor after holding statements of several actors before")
    for after_actor, before_actors in result["merges"].items():
        print(f"  {after_actor}  <-  " + " | ".join(before_actors))
    print(f"splits ({len(result['splits'])}): an actor before whose statements went to several actors after")
    for before_actor, after_actors in result["splits"].items():
        print(f"  {before_actor}  ->  " + " | ".join(after_actors))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="fresh database, ingest the BBC articles not held out")
    p.add_argument("--corpus", choices=("bbc", "analyst"), default="bbc",
                   help="analyst: PolNeAR dev + train[:300] first, then the BBC articles")
    p = sub.add_parser("report", help="actors and likely-duplicate groups among speaking actors")
    p.add_argument("--label", default="")
    p.add_argument("--names", action="store_true")
    p.add_argument("--judged", action="store_true", help="also the judged duplicate groups still split")
    p = sub.add_parser("dump", help="each statement's actor, to compare two runs")
    p.add_argument("--out", required=True)
    p = sub.add_parser("compare", help="merges and splits between two dumps")
    p.add_argument("before")
    p.add_argument("after")
    args = ap.parse_args(argv)
    if args.command == "compare":
        cmd_compare(args.before, args.after)
        return
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        sys.exit("set DATABASE_URL to a scratch PostgreSQL database (ingest drops and creates it)")
    if args.command == "ingest":
        cmd_ingest(database_url, args.corpus)
    elif args.command == "dump":
        cmd_dump(database_url, args.out)
    else:
        cmd_report(database_url, label=args.label, names=args.names, judged=args.judged)


if __name__ == "__main__":
    main()
