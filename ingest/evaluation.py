"""Scoring extraction against gold annotations: the same matching and figures as shared/eval/score.py.

Pure Python. A prediction matches a gold statement when their content spans overlap with
intersection/union >= 0.5 (against the whole span or one fragment), one-to-one, best overlap first.
A matched statement is attributed correctly when the predicted speaker names the gold speaker (or an
alias of the gold actor) or names the annotated speaker mention.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

TITLES = {"mr", "mrs", "ms", "dr", "president", "minister", "prime", "foreign", "spokesman", "spokeswoman",
          "secretary", "state", "general", "sen", "senator", "rep", "gov", "governor", "the", "ambassador"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "this", "that", "which", "one"}


def name_words(name: str) -> list[str]:
    name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    return [w for w in re.findall(r"[a-z0-9]+", name) if w not in TITLES and w != "s"]


def same_speaker(predicted: str, gold: str, aliases=()) -> bool:
    p = name_words(predicted)
    if not p:
        return False
    for candidate in [gold, *aliases]:
        g = name_words(candidate)
        if not g:
            continue
        if p == g:
            return True
        short, long_ = (p, g) if len(p) <= len(g) else (g, p)
        if short[-1] == long_[-1] and set(short) <= set(long_):
            return True
    return False


def names_mention(predicted: str, mention: str) -> bool:
    m, p = name_words(mention), name_words(predicted)
    return bool(p) and bool(m) and not set(m) <= PRONOUNS and p[-1] in m


def iou(a, b) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def _spans(statement):
    return [(statement["content_start"], statement["content_end"]), *map(tuple, statement.get("content_fragments") or [])]


def overlap(pred, gold) -> float:
    return max(iou((pred["content_start"], pred["content_end"]), span) for span in _spans(gold))


def load_gold(path: str | Path) -> list[dict]:
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = data if isinstance(data, list) else [data]
    for doc in docs:
        if "text" not in doc:
            doc["text"] = (path.parent / doc["text_file"]).read_text(encoding="utf-8")
    return docs


def speech_only(docs: list[dict]) -> list[dict]:
    for doc in docs:
        keep = [s for s in doc["statements"] if s.get("cue_type", "speech") == "speech" and s.get("speaker")
                and not set(name_words(s["speaker"])) <= PRONOUNS]
        doc["acceptable_either_way"] = doc.get("acceptable_either_way", []) + [s for s in doc["statements"] if s not in keep]
        doc["statements"] = keep
    return docs


def score(docs: list[dict], predictions: dict[str, list[dict]]) -> dict:
    """predictions: doc id -> list of {speaker, content_start, content_end}."""
    tp = fp = fn = attributed = 0
    by_kind: dict[str, list[int]] = {}
    for doc in docs:
        gold = doc["statements"]
        either = doc.get("acceptable_either_way", [])
        aliases = {a["name"]: a.get("aliases", []) for a in doc.get("actors", [])}
        pred = [p for p in predictions.get(doc["id"], []) if not any(overlap(p, e) >= 0.5 for e in either)]
        pairs = sorted(((overlap(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)), reverse=True)
        used_p, used_g, extra = set(), set(), set()
        for ov, i, j in pairs:
            if ov < 0.5 or i in used_p:
                continue
            if j in used_g:
                extra.add(i)
                continue
            used_p.add(i)
            used_g.add(j)
            g = gold[j]
            speaker = pred[i].get("speaker") or ""
            attributed += same_speaker(speaker, g["speaker"], aliases.get(g["speaker"], [])) or names_mention(
                speaker, g.get("speaker_mention") or ""
            )
        for j, g in enumerate(gold):
            counts = by_kind.setdefault(g.get("kind", "unknown"), [0, 0])
            counts[1] += 1
            counts[0] += j in used_g
        predicted_n = len(pred) - len(extra - used_p)
        tp += len(used_p)
        fp += predicted_n - len(used_p)
        fn += len(gold) - len(used_g)

    def f1(p, r):
        return 2 * p * r / (p + r) if p + r else 0.0

    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    e_precision = attributed / (tp + fp) if tp + fp else 0.0
    e_recall = attributed / (tp + fn) if tp + fn else 0.0
    return {
        "documents": len(docs), "gold": tp + fn, "predicted": tp + fp,
        "detection": {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1(precision, recall), 3)},
        "attribution_accuracy": round(attributed / tp, 3) if tp else 0.0,
        "who_said_what": {"precision": round(e_precision, 3), "recall": round(e_recall, 3),
                          "f1": round(f1(e_precision, e_recall), 3)},
        "recall_by_kind": {k: round(v[0] / v[1], 3) for k, v in sorted(by_kind.items())},
    }


def evaluate(gold_path: str | Path, *, only_speech: bool = False, extract=None) -> dict:
    """Run the extraction core on every gold document and score it."""
    if extract is None:
        from .extraction import extract
    docs = load_gold(gold_path)
    if only_speech:
        docs = speech_only(docs)
    predictions = {}
    for doc in docs:
        extraction = extract(doc["text"])
        predictions[doc["id"]] = [
            {"speaker": s.speaker.name, "content_start": s.content_start, "content_end": s.content_end}
            for s in extraction.statements
        ]
    return score(docs, predictions)
