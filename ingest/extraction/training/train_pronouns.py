"""Learn pronoun.json, the ranker that picks which actor a speaker pronoun ("he said") refers to.

    .venv/bin/python -m ingest.extraction.training.train_pronouns [../shared/eval/polnear-train.json]
        [--skip N] [--out PATH]

Runs the extraction over the PolNeAR train split (skipping its first N articles with --skip, to keep
them held out) and records every pronoun the speaker resolution looks up (speakers.Registry.trace):
the candidate actors mentioned in the sentences before it, each with its features (sentence
distance, recency rank, subject / main subject / earlier speaker, inside a quotation, same paragraph,
first in its sentence, depth in the parse, ...). Where the pronoun is the annotated speaker mention
of an attribution, the candidates whose name matches the annotated speaker are the right answers.
Fits a conditional logit (softmax over each pronoun's candidates, L2-regularised) with numpy and
writes the weights (a few dozen numbers; no text of the corpus is stored).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

from ..boilerplate import find_layout
from ..nlp import get_nlp
from ..pipeline import analyse, parser_input
from ..speakers import Registry
from ..tables import path as table_path
from .learn import DEFAULT_TRAIN

PRONOUN_MENTIONS = {"he", "she", "they", "it", "we"}
TITLES = {"mr", "mrs", "ms", "dr", "president", "senator", "sen", "rep", "gov", "governor", "the", "s"}


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", (name or "").lower()) if w not in TITLES]


def _names(actor, gold_speaker: str) -> bool:
    """Does one of the actor's names name the annotated speaker (same last word, words contained)?"""
    g = _words(gold_speaker)
    for name in [actor.name, *actor.aliases]:
        p = _words(name)
        if p and g:
            short, long_ = (p, g) if len(p) <= len(g) else (g, p)
            if short[-1] == long_[-1] and set(short) <= set(long_):
                return True
    return False


def groups_of(doc_json, doc, layout) -> list[tuple[list[dict], list[int]]]:
    """(candidate features, labels) for each pronoun of an annotated speaker mention the rules resolve."""
    gold = {s["speaker_start"]: s["speaker"] for s in doc_json["statements"]
            if s.get("speaker_start") is not None and (s.get("speaker_mention") or "").lower() in PRONOUN_MENTIONS
            and set(_words(s.get("speaker"))) - PRONOUN_MENTIONS - {"i", "you", "who", "this", "that", "which", "one"}}
    Registry.trace = []
    try:
        analyse(doc, doc_json["text"], layout)
        trace = Registry.trace
    finally:
        Registry.trace = None
    out = []
    for pos, cands, _ in trace:
        speaker = gold.get(pos)
        if speaker is None or not cands:
            continue
        labels = [int(_names(actor, speaker)) for actor, _ in cands]
        if any(labels):
            out.append(([f for _, f in cands], labels))
    return out


def collect(docs, nlp) -> list:
    groups = []
    layouts = [find_layout(d["text"]) for d in docs]
    texts = [parser_input(d["text"], lay, nlp) for d, lay in zip(docs, layouts)]
    for d, lay, doc in zip(docs, layouts, nlp.pipe(texts, batch_size=16)):
        groups += groups_of(d, doc, lay)
    return groups


def fit(groups, l2=3.0, steps=500, lr=0.5) -> dict[str, float]:
    """Conditional logit: maximise, per pronoun, the softmax probability of its right candidates."""
    names = sorted({k for feats, _ in groups for f in feats for k in f})
    index = {k: i for i, k in enumerate(names)}
    data = []
    for feats, labels in groups:
        X = np.zeros((len(feats), len(names)))
        for i, f in enumerate(feats):
            for k, v in f.items():
                X[i, index[k]] = v
        data.append((X, np.asarray(labels, dtype=float)))
    w = np.zeros(len(names))
    for _ in range(steps):
        grad = l2 * w
        for X, y in data:
            s = X @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = p * y
            grad += X.T @ (p - q / q.sum())
        w -= lr * grad / max(1, len(data))
    return {k: round(float(w[index[k]]), 4) for k in names}


def accuracy(groups, weights) -> float:
    right = 0
    for feats, labels in groups:
        scores = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in feats]
        right += labels[int(np.argmax(scores))]
    return right / max(1, len(groups))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", nargs="?", default=str(DEFAULT_TRAIN))
    ap.add_argument("--skip", type=int, default=0, help="leave out the first N articles (held out)")
    ap.add_argument("--out", default=str(table_path("pronoun")))
    args = ap.parse_args(sys.argv[1:] if argv is None else argv)
    docs = json.loads(Path(args.train).read_text(encoding="utf-8"))[args.skip:]
    groups = collect(docs, get_nlp())  # recorded under the hand-set salience (see Registry.resolve_pronoun)
    weights = fit(groups)
    acc = accuracy(groups, weights)
    Path(args.out).write_text(json.dumps({
        "source": f"PolNeAR train split ({len(docs)} articles, first {args.skip} left out): {len(groups)} speaker pronouns",
        "train_accuracy": round(acc, 4),
        "weights": weights,
    }, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(groups)} pronouns, right on train {acc:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
