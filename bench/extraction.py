"""Throughput of the extraction core against a bare spaCy parse with the same pipeline.

    .venv/bin/python bench/extraction.py [--rounds 5]

Texts: the SANA sample article and the BBC sample (../shared/corpora/bbc-sample/**/*.txt; skipped if
absent). Each round times `nlp(text)` (the bare parse) and `extract(text)` (one parse of the
article's own text plus all rule steps) on every text, the two back to back per text and in
alternating order, so that both paths see the same machine load; a round's rate is its number of
articles over the summed time of each path. Reports medians over rounds in articles per second and
their ratio, and writes bench/results/extraction.json.
"""
from __future__ import annotations

import argparse
import datetime
import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from ingest.extraction import EXTRACTOR_VERSION, extract  # noqa: E402
from ingest.extraction.nlp import get_nlp, resolve_model_name  # noqa: E402


def load_texts() -> list[str]:
    paths = [SHARED / "samples" / "sana-lavrov-peskov.txt", *sorted((SHARED / "corpora" / "bbc-sample").glob("**/*.txt"))]
    texts = [p.read_text(encoding="utf-8") for p in paths if p.is_file() and p.name != "README.txt"]
    if not texts:
        sys.exit(f"no texts under {SHARED}")
    return texts


def one_round(nlp, texts, flip: bool) -> tuple[float, float]:
    spent = {"bare": 0.0, "extract": 0.0}
    for i, t in enumerate(texts):
        order = [("bare", nlp), ("extract", extract)]
        if (i + flip) % 2:
            order.reverse()
        for name, fn in order:
            start = time.perf_counter()
            fn(t)
            spent[name] += time.perf_counter() - start
    return len(texts) / spent["bare"], len(texts) / spent["extract"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "extraction.json"))
    args = ap.parse_args(argv)
    texts = load_texts()
    nlp = get_nlp()
    for t in texts[:5]:  # warm up both paths
        nlp(t)
        extract(t)
    bare, full = [], []
    for r in range(args.rounds):
        b, f = one_round(nlp, texts, bool(r % 2))
        bare.append(b)
        full.append(f)
        print(f"round {r + 1}: bare {bare[-1]:.1f}/s, extract {full[-1]:.1f}/s", flush=True)
    result = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "extractor_version": EXTRACTOR_VERSION,
        "model": resolve_model_name(),
        "pipeline": nlp.pipe_names,
        "articles": len(texts),
        "characters": sum(map(len, texts)),
        "rounds": args.rounds,
        "bare_parse_articles_per_s": {"median": round(statistics.median(bare), 2), "all": [round(x, 2) for x in bare]},
        "extract_articles_per_s": {"median": round(statistics.median(full), 2), "all": [round(x, 2) for x in full]},
        "ratio": round(statistics.median(full) / statistics.median(bare), 3),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    print(f"bare parse {result['bare_parse_articles_per_s']['median']}/s, extract {result['extract_articles_per_s']['median']}/s, "
          f"ratio {result['ratio']} over {len(texts)} articles x {args.rounds} rounds")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
