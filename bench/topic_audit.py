"""Topic quality (issue 21): the busiest topics of the BBC sample, listed for judging by hand.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/st_topics .venv/bin/python bench/topic_audit.py prepare
    DATABASE_URL=... .venv/bin/python bench/topic_audit.py top [--n 100] [--label after]
    .venv/bin/python bench/topic_audit.py score [--label after]

prepare  Drops and creates the database DATABASE_URL names, migrates it and ingests all of the BBC sample plus
         ../shared/samples/*.txt in process (as bench/speaker_audit.py prepare does).
top      Writes the N busiest topics (listed statements per topic, as /topics/ orders them) to
         bench/results/topic_audit_<label>.csv with an empty `verdict` column (keep / drop) and a `reason`;
         verdicts of a topic of the same name in an earlier label's file are carried over as `previous`.
score    Counts the verdicts of a judged file: how many of the first N (default 100) an editor would keep (issue
         21's goal: >= 95 of 100), and apart from them the ranks a longer list (top --n 150) goes on to.
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from speaker_audit import AUDIT_SETS, ingest_everything, setup_django  # noqa: E402

RESULTS = ROOT / "bench" / "results"
FIELDS = ("rank", "topic", "statements", "verdict", "reason", "previous")


def _results_file(label: str) -> Path:
    return RESULTS / f"topic_audit_{label}.csv"


def cmd_prepare(args) -> None:
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        sys.exit("set DATABASE_URL to a scratch PostgreSQL database (it is dropped and created)")
    ingest_everything(database_url, AUDIT_SETS["bbc"])


def _previous_verdicts(label: str) -> dict[str, str]:
    verdicts = {}
    for path in sorted(RESULTS.glob("topic_audit_*.csv")):
        if path != _results_file(label):
            with path.open(newline="") as f:
                verdicts.update({row["topic"]: row["verdict"] for row in csv.DictReader(f) if row["verdict"]})
    return verdicts


def cmd_top(args) -> None:
    setup_django(os.environ.get("DATABASE_URL", ""))
    from statements import selectors

    previous = _previous_verdicts(args.label)
    rows = [
        {"rank": i, "topic": t.name, "statements": t.n, "verdict": "", "reason": "", "previous": previous.get(t.name, "")}
        for i, t in enumerate(selectors.topics_with_counts()[: args.n], 1)
    ]
    out = _results_file(args.label)
    with out.open("w", newline="") as f:
        writer = csv.DictWriter(f, FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} topics -> {out.relative_to(ROOT)}")


def cmd_score(args) -> None:
    with _results_file(args.label).open(newline="") as f:
        rows = list(csv.DictReader(f))
    # the measure is the first N; ranks beyond (top --n 150) show whether junk only moved down a notch
    parts = ((rows[: args.n], f"top {args.n}", "; goal >= 95 of 100"), (rows[args.n:], f"ranks {args.n + 1}-{len(rows)}", ""))
    for part, name, goal in parts:
        if not part:
            continue
        verdicts = Counter(row["verdict"] or "unjudged" for row in part)
        print(f"{args.label}, {name}: {verdicts['keep']} of {len(part)} topics kept ({dict(verdicts)}){goal}")
        for row in part:
            if row["verdict"] != "keep":
                print(f"  {row['rank']:>3} {row['topic']!r} ({row['statements']}): {row['verdict']} {row['reason']}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("prepare", help="fresh database, ingest the BBC sample")
    for name in ("top", "score"):
        p = sub.add_parser(name)
        p.add_argument("--label", default="before")
        p.add_argument("--n", type=int, default=100)
    args = parser.parse_args(argv)
    {"prepare": cmd_prepare, "top": cmd_top, "score": cmd_score}[args.command](args)


if __name__ == "__main__":
    main()
