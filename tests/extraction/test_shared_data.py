"""Checks against ../shared: the sample article and the installed model files (skipped without it)."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path


def _iou(a, b):
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def test_sample_article_statements_and_speakers(run, shared):
    gold = json.loads((shared / "samples" / "sana-lavrov-peskov.expected.json").read_text(encoding="utf-8"))
    text = (shared / "samples" / gold["text_file"]).read_text(encoding="utf-8")
    ex = run(text)
    either = [(e["content_start"], e["content_end"]) for e in gold["acceptable_either_way"]]
    preds = [s for s in ex.statements if not any(_iou((s.content_start, s.content_end), e) >= 0.5 for e in either)]
    for g in gold["statements"]:
        span = (g["content_start"], g["content_end"])
        match = [s for s in preds if _iou((s.content_start, s.content_end), span) >= 0.5]
        assert len(match) == 1, g["content"]
        assert match[0].speaker.name == g["speaker"], g["content"]
    assert len(preds) == len(gold["statements"])
    for bad in gold["must_not_extract"]:
        at = text.index(bad["text"])
        assert not any(s.content_start < at + len(bad["text"]) and at < s.content_end for s in ex.statements), bad["why"]
    lavrov = next(s for s in ex.speakers if s.name == "Sergey Lavrov")
    assert lavrov.title == "Russian Foreign Minister"


def test_installed_model_matches_official_checksums(nlp, shared):
    manifest = shared / "models" / "en_core_web_sm-3.8.0.sha256"
    expected = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, rel = line.split()
            expected[rel] = digest
    model_dir = Path(nlp.path)
    for rel, digest in expected.items():
        data = (model_dir / rel).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, rel
