"""How often each "not a statement" construction occurs in PolNeAR and how often its annotators count it as speech.

    .venv/bin/python bench/unsaid_counts.py ../shared/eval/polnear-dev.json
    .venv/bin/python bench/unsaid_counts.py ../shared/eval/polnear-train.json --first 300

For every verb whose content the rules would read as a noun phrase, infinitive or prepositional object (a verb and
construction the learned lexicon accepts, as in candidates/verbs.py), each construction that matches it is
counted with whether an annotation has its cue on that verb and content overlapping the span (IoU >= 0.5), and
whether that annotation's cue is "speech" (the only ones `score.py --only-speech` scores). The constructions are
the rules of candidates/unsaid.py and three that were measured and not kept (refusals, decisions, names taken):
docs/extraction.md, tenth session. Prints counts only, no text of the corpus.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest.extraction.candidates import unsaid  # noqa: E402
from ingest.extraction.candidates.verbs import complement  # noqa: E402
from ingest.extraction.lexicon import accepts, candidate_lemmas  # noqa: E402
from ingest.extraction.nlp import get_nlp  # noqa: E402
from ingest.extraction.pipeline import PLAIN_SPACES  # noqa: E402
from ingest.extraction.rules import R  # noqa: E402
from ingest.extraction.vocabulary import DOBJ, UNDONE, XCOMP  # noqa: E402

REFLEXIVES = frozenset("himself herself itself themselves".split())
NOT_KEPT = {
    "refusal (declined to comment)": lambda tok, rule: tok.lemma_.lower() in UNDONE and rule in (R.DOBJ, R.XCOMP),
    "decision (agreed to introduce)": lambda tok, rule: tok.lemma_.lower() == "agree" and rule == R.XCOMP,
    "name taken (calls himself a)": lambda tok, rule: tok.lemma_.lower() == "call" and rule == R.DOBJ and any(
        c.dep_ == DOBJ and c.lower_ in REFLEXIVES for c in tok.children),
}
KEPT = {
    "no comment / no object (unanswered)": lambda tok, rule: unsaid.unanswered(tok),
    "ruling (ruled)": unsaid.ruled,
    "only tried, meant or due (only_intended)": unsaid.only_intended,
    "deed repeated (repeated_deed)": unsaid.repeated_deed,
}


def _iou(a, b):
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def count(docs, nlp) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    texts = [d["text"].translate(PLAIN_SPACES) for d in docs]
    for d, doc in zip(docs, nlp.pipe(texts, batch_size=16)):
        gold = [s for s in d["statements"] if s.get("cue_start") is not None]
        for tok in doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in candidate_lemmas():
                continue
            found = complement(tok)
            if found is None:
                continue
            span, rule = found
            nominal = rule in (R.DOBJ, R.XCOMP) or rule.startswith(R.PREP + ":")
            if not nominal or not accepts(tok.lemma_.lower(), rule):
                continue
            names = [n for n, test in {**KEPT, **NOT_KEPT}.items() if test(tok, rule)]
            if not names:
                continue
            hits = [g for g in gold if g["cue_start"] <= tok.idx < g["cue_end"] and max(
                _iou(span, f) for f in [(g["content_start"], g["content_end"]),
                                        *map(tuple, g.get("content_fragments") or [])]) >= 0.5]
            for n in names:
                c = counts[n]
                c[0] += 1
                c[1] += bool(hits)
                c[2] += any(g.get("cue_type") == "speech" for g in hits)
    return counts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--first", type=int, default=None, help="only the first N articles")
    args = ap.parse_args(argv)
    docs = json.loads(Path(args.gold).read_text(encoding="utf-8"))[: args.first]
    counts = count(docs, get_nlp())
    print(f"{args.gold} ({len(docs)} articles): construction, occurrences, annotated (any cue), annotated as speech")
    for group, names in (("kept", KEPT), ("not kept", NOT_KEPT)):
        for n in names:
            occ, ann, speech = counts.get(n, [0, 0, 0])
            print(f"  [{group}] {n:45s} {occ:4d} {ann:4d} {speech:4d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
