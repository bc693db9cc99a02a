"""Cluster quality (issue 23): are a cluster's members one utterance of one speaker, and are one speaker's copies
of an utterance left apart? Judged by hand on PolNeAR and the BBC sample ingested together.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/st_clusters .venv/bin/python bench/cluster_audit.py prepare
    DATABASE_URL=... .venv/bin/python bench/cluster_audit.py sample --seed 1 [--out /tmp/cluster_audit-1]
    .venv/bin/python bench/cluster_audit.py score /tmp/cluster_audit-1 [--label round1]
    DATABASE_URL=... .venv/bin/python manage.py cluster_statements --rebuild    # after a change to text.py

prepare  Drops and creates the database DATABASE_URL names, migrates it, and ingests in process (tasks eager, as
         the embedded mode runs them) every PolNeAR article (../shared/eval/polnear-dev.json and
         polnear-train.json: seven outlets on the 2016 campaign, with their publisher, publication date and title)
         in publication-date order, then the BBC sample (../shared/corpora/bbc-sample) and
         ../shared/samples/*.txt, all read in place. Clusters are built as each article is stored.
sample   Writes two judging sheets OUTSIDE the repository (they quote the articles), with empty `verdict` columns:
           clusters.csv / clusters.md   --clusters clusters drawn at random (seeded) from those with two or more
                                        members: each member's id, speaker, publisher, date and content.
                                        verdict: one (every member is one utterance of one speaker) / mixed (at
                                        least one member is not); `wrong_members` lists the statement ids that do
                                        not belong with the first member (for the per-member figure).
           apart.csv / apart.md         --pairs pairs drawn at random (seeded) from the CANDIDATE APART PAIRS: two
                                        statements of the same speaker key, in different clusters, in different
                                        sources, sharing a DISTINCTIVE PHRASE = a run of at least PHRASE_STEMS (4)
                                        consecutive content stems (text.stems: stop words out, Snowball stems) in
                                        both. verdict: one (should have been one cluster) / apart (rightly apart).
         Also counts the pairs inside clusters (same-cluster, different-source pairs) and the candidate apart
         pairs, and saves them with the seed in the sheets' directory (counts.json).
score    Reads the judged sheets and writes the figures under --label to bench/results/cluster_audit.json (with
         the date, the commit, the seed, the counts) and the verdicts keyed by statement ids and (source name,
         content offsets), never article text, to bench/results/cluster_audit_<label>.json.

Figures.
  precision          = clusters judged "one" / clusters judged (per cluster; every member one utterance of one
                       speaker); per member: members judged wrong / members of the judged clusters.
  recall (estimated) = T / (T + M), where
                       T = pairs inside clusters, counted as same-cluster different-source pairs of statements,
                           each weighted by the cluster's judged precision (T = P_in x precision),
                       M = candidate apart pairs x share of the judged apart pairs that should have been one
                           (M = C x m / n).
                       Pairs are the unit on both sides, so a missed copy of an utterance carried 30 times counts
                       as many misses as it leaves pairs apart. What this cannot see: copies that share no run of
                       four content stems (a loose paraphrase), which the candidate definition leaves out; the
                       docs say so. The 95% interval comes from the Wilson interval of m / n (the larger
                       uncertainty), with T held fixed.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from speaker_audit import (  # noqa: E402
    _commit, _read_csv, corpus_articles, recreate_database, setup_django, wilson,
)

SHARED = ROOT.parent / "shared"
POLNEAR = (SHARED / "eval" / "polnear-dev.json", SHARED / "eval" / "polnear-train.json")
CORPUS = SHARED / "corpora" / "bbc-sample"
SAMPLES = SHARED / "samples"
RESULTS = ROOT / "bench" / "results"
RESULT_FILE = RESULTS / "cluster_audit.json"
PHRASE_STEMS = 4  # a distinctive phrase: this many consecutive content stems shared by both statements
GOALS = {"precision": 0.95, "recall": 0.85}  # issue 23, "What it must show"


# -- what is ingested ------------------------------------------------------------------------------------------

def articles_to_ingest() -> list[dict]:
    """Every article, as submit_text's keyword arguments: PolNeAR by publication date (then id), then the BBC
    sample and the samples in name order."""
    polnear = []
    for path in POLNEAR:
        polnear += json.loads(path.read_text(encoding="utf-8"))
    polnear.sort(key=lambda a: (a["publication_date"], a["id"]))
    found = [{"text": a["text"], "filename": f"polnear/{a['id']}.txt", "publisher": a["publisher"],
              "published": a["publication_date"], "title": a["title"]} for a in polnear]
    for rel in corpus_articles(CORPUS):
        found.append({"text": (CORPUS / rel).read_text(encoding="utf-8"), "filename": f"bbc/{rel}",
                      "publisher": "bbc"})
    for path in sorted(SAMPLES.glob("*.txt")):
        found.append({"text": path.read_text(encoding="utf-8"), "filename": f"samples/{path.name}"})
    return found


def cmd_prepare(args) -> None:
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        sys.exit("set DATABASE_URL to a scratch PostgreSQL database (it is dropped and created)")
    articles = articles_to_ingest()
    recreate_database(database_url)
    setup_django(database_url)
    from django.core.management import call_command

    from ingest import services
    from ingest.validation import ArticleRejected

    call_command("migrate", verbosity=0)
    rejected = 0
    for i, article in enumerate(articles, 1):
        try:
            services.submit_text(**article)
        except ArticleRejected as exc:
            rejected += 1
            print(f"rejected {article['filename']}: {exc}", flush=True)
        if i % 25 == 0 or i == len(articles):
            print(f"ingested {i}/{len(articles)}", flush=True)
    print(f"{len(articles) - rejected} articles stored, {rejected} rejected")


# -- pairs (pure) ---------------------------------------------------------------------------------------------

def phrases(content: str, n: int = PHRASE_STEMS) -> set[tuple[str, ...]]:
    """Every run of n consecutive content stems of a statement (its distinctive phrases)."""
    from statements.clustering import text

    found = text.stems(content)
    return {tuple(found[i:i + n]) for i in range(len(found) - n + 1)}


def pairs_inside(members: dict[int, list[tuple[int, int]]]) -> int:
    """Pairs of statements in one cluster and in different sources, from {cluster: [(statement, source)]}."""
    total = 0
    for rows in members.values():
        per_source = defaultdict(int)
        for _, source in rows:
            per_source[source] += 1
        n = len(rows)
        total += n * (n - 1) // 2 - sum(k * (k - 1) // 2 for k in per_source.values())
    return total


def candidate_apart_pairs(rows: list[dict]) -> list[tuple[int, int]]:
    """Pairs (lower id first) of statements with the same speaker key, in different clusters and sources, that
    share a distinctive phrase. rows: dicts with id, key, cluster, source, content."""
    by_phrase: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        if not row["key"]:
            continue
        for phrase in phrases(row["content"]):
            by_phrase[(row["key"], phrase)].append(row)
    found = set()
    for group in by_phrase.values():
        for a, b in combinations(group, 2):
            if a["cluster"] != b["cluster"] and a["source"] != b["source"]:
                found.add((min(a["id"], b["id"]), max(a["id"], b["id"])))
    return sorted(found)


def estimate(*, clusters_judged: int, clusters_one: int, members_judged: int, members_wrong: int,
             pairs_in: int, candidates: int, apart_judged: int, apart_one: int) -> dict:
    """Precision and the recall estimate of the module docstring, with 95% intervals."""
    precision = clusters_one / clusters_judged if clusters_judged else 0.0
    missed_share = apart_one / apart_judged if apart_judged else 0.0
    together = pairs_in * precision

    def recall(share: float) -> float:
        missed = candidates * share
        return together / (together + missed) if together + missed else 0.0

    low, high = wilson(apart_one, apart_judged)
    figures = {
        "clusters_judged": clusters_judged, "clusters_one": clusters_one,
        "precision": round(precision, 4), "precision_interval_95": list(wilson(clusters_one, clusters_judged)),
        "members_judged": members_judged, "members_wrong": members_wrong,
        "member_precision": round(1 - members_wrong / members_judged, 4) if members_judged else 0.0,
        "pairs_inside_clusters": pairs_in, "candidate_apart_pairs": candidates,
        "apart_judged": apart_judged, "apart_should_be_one": apart_one,
        "apart_share_should_be_one": round(missed_share, 4),
        "together_pairs_estimated": round(together, 1), "missed_pairs_estimated": round(candidates * missed_share, 1),
        "recall": round(recall(missed_share), 4),
        "recall_interval_95": [round(recall(high), 4), round(recall(low), 4)],
    }
    figures["goals"] = {name: {"figure": figures[name], "target": target, "met": figures[name] >= target}
                        for name, target in GOALS.items()}
    return figures


# -- sample ----------------------------------------------------------------------------------------------------

def _statement_rows() -> list[dict]:
    from statements.models import Statement

    rows = Statement.objects.exclude(cluster=None).values(
        "id", "cluster_id", "cluster__speaker_key", "source_id", "source__original_name", "source__publisher",
        "source__published", "dated_on", "content", "content_start", "content_end", "speaker_mention",
        "speaker__name")
    return [{"id": r["id"], "cluster": r["cluster_id"], "key": r["cluster__speaker_key"], "source": r["source_id"],
             "file": r["source__original_name"], "publisher": r["source__publisher"] or "",
             "date": str(r["dated_on"] or r["source__published"] or ""), "content": r["content"],
             "start": r["content_start"], "end": r["content_end"],
             "speaker": r["speaker__name"] or f"(no actor) {r['speaker_mention']}"} for r in rows]


def _place(row: dict) -> dict:
    """A statement without its text: id, source name and content offsets."""
    return {"id": row["id"], "file": row["file"], "start": row["start"], "end": row["end"]}


def _one_line(content: str) -> str:
    return " ".join(content.split())


def cmd_sample(args) -> None:
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        sys.exit("set DATABASE_URL to the measurement database")
    setup_django(database_url)
    rows = _statement_rows()
    by_id = {r["id"]: r for r in rows}
    members: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        members[row["cluster"]].append(row)
    for group in members.values():
        group.sort(key=lambda r: (r["date"] == "", r["date"], r["id"]))
    multi = sorted(c for c, group in members.items() if len(group) >= 2)
    rng = random.Random(args.seed)
    chosen = sorted(rng.sample(multi, min(args.clusters, len(multi))))
    candidates = candidate_apart_pairs(rows)
    pairs = sorted(rng.sample(candidates, min(args.pairs, len(candidates))))
    counts = {
        "seed": args.seed, "statements": len(rows), "clusters": len(members), "clusters_2plus": len(multi),
        "statements_in_2plus": sum(len(members[c]) for c in multi),
        "pairs_inside_clusters": pairs_inside({c: [(r['id'], r['source']) for r in g] for c, g in members.items()}),
        "candidate_apart_pairs": len(candidates), "phrase_stems": PHRASE_STEMS,
        "clusters_sampled": len(chosen), "pairs_sampled": len(pairs),
        "cluster_members": {str(c): [_place(r) for r in members[c]] for c in chosen},
        "pairs": [[_place(by_id[a]), _place(by_id[b])] for a, b in pairs],
    }
    out = Path(args.out or f"/tmp/cluster_audit-{args.seed}")
    if out.resolve().is_relative_to(ROOT):
        sys.exit("the sheets quote the articles: write them outside the repository")
    out.mkdir(parents=True, exist_ok=True)
    (out / "counts.json").write_text(json.dumps(counts, indent=1) + "\n")
    with open(out / "clusters.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["cluster", "members", "speaker", "verdict", "wrong_members", "reason"])
        for c in chosen:
            w.writerow([c, len(members[c]), members[c][0]["speaker"], "", "", ""])
    with open(out / "clusters.md", "w", encoding="utf-8") as f:
        for i, c in enumerate(chosen, 1):
            f.write(f"## {i}. cluster {c} ({len(members[c])} members, key {members[c][0]['key']})\n")
            for r in members[c]:
                f.write(f"- [{r['id']}] {r['speaker']} | {r['publisher']} {r['date']} {r['file']}\n"
                        f"  {_one_line(r['content'])}\n")
            f.write("\n")
    with open(out / "apart.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["pair", "a", "b", "speaker", "verdict", "reason"])
        for i, (a, b) in enumerate(pairs, 1):
            w.writerow([i, a, b, by_id[a]["speaker"], "", ""])
    with open(out / "apart.md", "w", encoding="utf-8") as f:
        for i, (a, b) in enumerate(pairs, 1):
            ra, rb = by_id[a], by_id[b]
            shared = sorted(phrases(ra["content"]) & phrases(rb["content"]))
            f.write(f"## {i}. {ra['key']}  (shared: {' '.join(shared[0])})\n")
            for r in (ra, rb):
                f.write(f"- [{r['id']}] c{r['cluster']} {r['speaker']} | {r['publisher']} {r['date']} {r['file']}\n"
                        f"  {_one_line(r['content'])}\n")
            f.write("\n")
    print(json.dumps({k: v for k, v in counts.items() if k not in ("cluster_members", "pairs")}))
    print(f"sheets in {out}: judge clusters.csv (one / mixed) and apart.csv (one / apart)")


# -- score -----------------------------------------------------------------------------------------------------

def cmd_score(args) -> None:
    judged = Path(args.judged_dir)
    counts = json.loads((judged / "counts.json").read_text())
    clusters, apart = _read_csv(judged / "clusters.csv"), _read_csv(judged / "apart.csv")
    for row in clusters:
        if row["verdict"] not in ("one", "mixed"):
            sys.exit(f"cluster {row['cluster']}: verdict {row['verdict']!r} is not one / mixed")
        if row["verdict"] == "mixed" and not row["wrong_members"].split():
            sys.exit(f"cluster {row['cluster']}: mixed, but no wrong_members")
    for row in apart:
        if row["verdict"] not in ("one", "apart"):
            sys.exit(f"pair {row['pair']}: verdict {row['verdict']!r} is not one / apart")
    figures = estimate(
        clusters_judged=len(clusters), clusters_one=sum(r["verdict"] == "one" for r in clusters),
        members_judged=sum(int(r["members"]) for r in clusters),
        members_wrong=sum(len(r["wrong_members"].split()) for r in clusters),
        pairs_in=counts["pairs_inside_clusters"], candidates=counts["candidate_apart_pairs"],
        apart_judged=len(apart), apart_one=sum(r["verdict"] == "one" for r in apart))
    figures.update({"label": args.label, "date": dt.date.today().isoformat(), "commit": _commit(),
                    "seed": counts["seed"], "statements": counts["statements"], "clusters": counts["clusters"],
                    "clusters_2plus": counts["clusters_2plus"], "phrase_stems": counts["phrase_stems"],
                    "errors": {
                        "mixed": [r["reason"] for r in clusters if r["verdict"] == "mixed"],
                        "should_be_one": [r["reason"] for r in apart if r["verdict"] == "one"]}})
    results = json.loads(RESULT_FILE.read_text()) if RESULT_FILE.exists() else {}
    results[args.label] = figures
    RESULT_FILE.write_text(json.dumps(results, indent=1) + "\n")
    members = counts["cluster_members"]
    verdicts = {
        "seed": counts["seed"],
        "clusters": [{"cluster": r["cluster"], "verdict": r["verdict"], "wrong_members": r["wrong_members"].split(),
                      "reason": r["reason"], "members": members[r["cluster"]]} for r in clusters],
        "pairs": [{"pair": r["pair"], "verdict": r["verdict"], "reason": r["reason"],
                   "statements": counts["pairs"][int(r["pair"]) - 1]} for r in apart],
    }
    (RESULTS / f"cluster_audit_{args.label}.json").write_text(json.dumps(verdicts, indent=1) + "\n")
    print(json.dumps({k: v for k, v in figures.items() if k != "errors"}, indent=1))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare", help="fresh database, ingest PolNeAR + BBC + samples")
    p.set_defaults(fn=cmd_prepare)
    p = sub.add_parser("sample", help="judging sheets: random clusters and random candidate apart pairs")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--clusters", type=int, default=100)
    p.add_argument("--pairs", type=int, default=100)
    p.add_argument("--out", default="")
    p.set_defaults(fn=cmd_sample)
    p = sub.add_parser("score", help="precision and estimated recall from judged sheets")
    p.add_argument("judged_dir")
    p.add_argument("--label", required=True)
    p.set_defaults(fn=cmd_score)
    args = ap.parse_args(argv)
    args.fn(args)


if __name__ == "__main__":
    main()
