"""Learn acceptor.json, the logistic model behind each statement's confidence (see confidence.py).

    .venv/bin/python -m ingest.extraction.training.train_acceptor [../shared/eval/polnear-train.json]

Runs the extraction rules over the PolNeAR train split and labels every candidate statement: 1 when
its content overlaps an annotated speech attribution (IoU >= 0.5 with the span or a fragment) and its
speaker names the annotated speaker (last name word shared with the speaker or the mention), 0 when
the speaker is wrong or it overlaps no annotation at all; candidates that match only a non-speech
attribution (beliefs, polls, documents) are left out. Fits an L2-regularised logistic regression with numpy and writes the
weights (a few dozen numbers; no text of the corpus is stored). Run after training/learn.py.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np

from ..boilerplate import find_layout
from ..nlp import get_nlp
from ..pipeline import analyse, parser_input
from ..tables import path as table_path
from .learn import DEFAULT_TRAIN, iou


def _best(c, statements):
    best, match = 0.0, None
    for g in statements:
        for span in [(g["content_start"], g["content_end"]), *map(tuple, g.get("content_fragments") or [])]:
            v = iou((c.start, c.end), span)
            if v > best:
                best, match = v, g
    return best, match


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (name or "").lower()) if len(w) > 1}


def _speaker_ok(name: str, gold: dict) -> bool:
    words = re.findall(r"[a-z0-9]+", name.lower())
    return bool(words) and words[-1] in (_words(gold.get("speaker")) | _words(gold.get("speaker_mention")))


def collect(docs, nlp):
    rows, labels = [], []
    layouts = [find_layout(d["text"]) for d in docs]
    texts = [parser_input(d["text"], lay, nlp) for d, lay in zip(docs, layouts)]
    for d, lay, doc in zip(docs, layouts, nlp.pipe(texts, batch_size=16)):
        speech = [g for g in d["statements"] if g.get("cue_type") == "speech"]
        other = [g for g in d["statements"] if g.get("cue_type") != "speech"]
        scored, _, _ = analyse(doc, d["text"], lay)
        for s in scored:
            best, gold = _best(s.candidate, speech)
            if best >= 0.5:
                label = int(_speaker_ok(s.speaker.actor.name, gold))
            elif _best(s.candidate, other)[0] >= 0.5:
                continue
            else:
                label = 0
            rows.append(s.features)
            labels.append(label)
    return rows, labels


def fit(rows, labels, l2=1.0, steps=3000, lr=0.5):
    names = sorted({k for r in rows for k in r})
    index = {k: i for i, k in enumerate(names)}
    X = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for k, v in r.items():
            X[i, index[k]] = v
    y = np.asarray(labels, dtype=float)
    w = np.zeros(len(names))
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-X @ w))
        grad = X.T @ (p - y) / len(y) + l2 * w / len(y)
        w -= lr * grad
    p = 1.0 / (1.0 + np.exp(-X @ w))
    loss = float(-np.mean(y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9)))
    return {k: round(float(w[index[k]]), 4) for k in names}, loss


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0]) if argv else DEFAULT_TRAIN
    docs = json.loads(path.read_text(encoding="utf-8"))
    rows, labels = collect(docs, get_nlp())
    weights, loss = fit(rows, labels)
    table_path("acceptor").write_text(json.dumps({
        "source": f"PolNeAR train split ({len(docs)} articles): {len(labels)} candidates, {sum(labels)} positive",
        "log_loss": round(loss, 4),
        "weights": weights,
    }, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {table_path('acceptor')}: {len(labels)} candidates, {sum(labels)} positive, log loss {loss:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
