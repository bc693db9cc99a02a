"""Learn cue_lexicon.json and first_names.json from the PolNeAR train split (one parse per article).

    .venv/bin/python -m ingest.extraction.training.learn [../shared/eval/polnear-train.json]

For every verb in the train articles, the construction the rules would read as its content
(reported.complement: a clause, a directive, an object, an infinitive, a prepositional object) is
compared with the annotations: a hit when an attribution with a speech cue has its cue on that verb and
its content overlaps the construction's span with IoU >= 0.5. The file keeps, per lemma and
construction, [hits, uses]; no text of the corpus is stored.

It also counts, for clauses ending in a comma-set aside (", which ...", ", citing ..."), whether the
annotated content leaves the aside out or keeps it ("asides": kind -> [left out, kept]).

first_names.json: the gender pronouns (he/she) refer to for people by first name, from annotations
whose speaker mention is a pronoun and whose speaker is a full name, plus the article-internal guess
of the speaker registry (a person named alone in a sentence with "he" or "she"). Used to keep "she"
from resolving to a man when the article itself gives no clue.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from ..candidates.clausal import clause_complement
from ..candidates.grammar import trailing_aside
from ..candidates.verbs import complement
from ..nlp import get_nlp, resolve_model_name
from ..pipeline import PLAIN_SPACES
from ..records import PERSON
from ..speakers import Registry
from ..tables import path as table_path
from ..vocabulary import CCOMP

DEFAULT_TRAIN = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "polnear-train.json"


def iou(a, b):
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def _first_name(name: str) -> str | None:
    words = [w for w in name.replace(".", ". ").split() if w[:1].isupper()]
    if len(words) < 2 or words[0].endswith(".") or len(words[0]) < 2:
        return None
    return words[0]


def _learn_aside(tok, gold, asides) -> None:
    """Count whether annotated content keeps or leaves out a trailing aside of the verb's clause."""
    spans = {}
    for cut in (False, True):
        found = clause_complement(tok, cut=lambda kind, cut=cut: cut)
        if found is None:
            return
        spans[cut] = found[0]
    if spans[False] == spans[True]:
        return
    comp = [c for c in tok.children if c.dep_ == CCOMP]
    if not comp:  # a clause hung elsewhere ("said in a statement that ..."): no aside of the verb's own
        return
    kind = trailing_aside(comp[-1])
    if kind is None:
        return
    for g in gold:
        if g["cue_start"] <= tok.idx < g["cue_end"]:
            span = (g["content_start"], g["content_end"])
            full, short = iou(spans[False], span), iou(spans[True], span)
            if max(full, short) >= 0.3 and full != short:
                asides[kind[1]][0 if short > full else 1] += 1
            return


def learn(docs, nlp) -> tuple[dict, dict]:
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    genders: dict[str, dict[str, int]] = defaultdict(lambda: {"m": 0, "f": 0})
    asides: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    texts = [d["text"].translate(PLAIN_SPACES) for d in docs]
    for d, doc in zip(docs, nlp.pipe(texts, batch_size=16)):
        for s in d["statements"]:
            g = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}.get((s.get("speaker_mention") or "").lower())
            first = _first_name(s.get("speaker") or "")
            if g and first:
                genders[first][g] += 1
        for actor in Registry(doc).actors:
            first = _first_name(actor.name) if actor.kind == PERSON else None
            if first and actor.gender:
                genders[first][actor.gender] += 1
        gold = [s for s in d["statements"] if s.get("cue_type") == "speech" and s.get("cue_start") is not None]
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            _learn_aside(tok, gold, asides)
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
    names = {}
    for first, c in sorted(genders.items()):
        m, f = c["m"], c["f"]
        if max(m, f) >= 2 and min(m, f) * 4 <= max(m, f):
            names[first] = "m" if m > f else "f"
    return {lemma: by for lemma, by in lemmas.items() if by}, names, dict(sorted(asides.items()))


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0]) if argv else DEFAULT_TRAIN
    docs = json.loads(path.read_text(encoding="utf-8"))
    nlp = get_nlp()
    lemmas, names, asides = learn(docs, nlp)
    out = {
        "source": f"PolNeAR train split ({len(docs)} articles), speech attributions",
        "model": resolve_model_name(),
        "format": "lemma -> construction -> [hits, uses]",
        "asides": asides,
        "lemmas": lemmas,
    }
    table_path("cue_lexicon").write_text(json.dumps(out, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {table_path('cue_lexicon')} ({len(lemmas)} lemmas)")
    table_path("first_names").write_text(json.dumps({"source": out["source"], "format": "first name -> m|f", "names": names},
                                     indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {table_path('first_names')} ({len(names)} first names)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
