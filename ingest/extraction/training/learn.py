"""Learn cue_lexicon.json from the PolNeAR train split.

    .venv/bin/python -m ingest.extraction.training.build_lexicon [../shared/eval/polnear-train.json]

For every verb in the train articles, the construction the rules would read as its content
(reported.complement: a clause, a directive, an object, an infinitive, a prepositional object) is
compared with the annotations: a hit when an attribution with a speech cue has its cue on that verb and
its content overlaps the construction's span with IoU >= 0.5. The file keeps, per lemma and
construction, [hits, uses]; no text of the corpus is stored.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from ..lexicon import LEXICON_PATH
from ..nlp import get_nlp, resolve_model_name
from ..reported import complement

DEFAULT_TRAIN = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "polnear-train.json"


def iou(a, b):
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def learn(docs, nlp) -> dict:
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    texts = [d["text"] for d in docs]
    for d, doc in zip(docs, nlp.pipe(texts, batch_size=16)):
        gold = [s for s in d["statements"] if s.get("cue_type") == "speech" and s.get("cue_start") is not None]
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            found = complement(tok)
            if found is None:
                continue
            span, construction = found
            hit = any(
                g["cue_start"] <= tok.idx < g["cue_end"]
                and max(iou(span, f) for f in [(g["content_start"], g["content_end"]), *map(tuple, g.get("content_fragments") or [])]) >= 0.5
                for g in gold
            )
            c = counts[tok.lemma_.lower()][construction]
            c[0] += hit
            c[1] += 1
    lemmas = {
        lemma: {k: v for k, v in sorted(by.items()) if v[0] > 0}
        for lemma, by in sorted(counts.items())
    }
    return {lemma: by for lemma, by in lemmas.items() if by}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0]) if argv else DEFAULT_TRAIN
    docs = json.loads(path.read_text(encoding="utf-8"))
    nlp = get_nlp()
    lemmas = learn(docs, nlp)
    out = {
        "source": f"PolNeAR train split ({len(docs)} articles), speech attributions",
        "model": resolve_model_name(),
        "format": "lemma -> construction -> [hits, uses]",
        "lemmas": lemmas,
    }
    LEXICON_PATH.write_text(json.dumps(out, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {LEXICON_PATH} ({len(lemmas)} lemmas)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
