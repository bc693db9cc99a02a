"""Learn noun_df.json: in how many news articles each common noun occurs, from the PolNeAR train split.

    .venv/bin/python -m ingest.extraction.training.noun_frequency [../shared/eval/polnear-train.json]

Topics use it as inverse document frequency: a single noun an article repeats ("pension", "immigration") is a
topic of that article only when it stands out against how often news articles use it at all; "problem",
"decision" or "people" recur everywhere and say nothing about the article. Only lemmas (lower case) with their
document counts are stored, and only those found in at least MIN_DF articles; no text of the corpus is kept.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from ..nlp import get_nlp, resolve_model_name
from ..tables import path as table_path

DEFAULT_TRAIN = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "polnear-train.json"
MIN_DF = 3


def noun_document_frequency(texts, nlp) -> Counter:
    df: Counter = Counter()
    with nlp.select_pipes(disable=["parser", "ner"]):
        for doc in nlp.pipe(texts, batch_size=32):
            df.update({t.lemma_.lower() for t in doc if t.pos_ == "NOUN" and t.is_alpha})
    return df


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv else DEFAULT_TRAIN
    articles = json.loads(path.read_text(encoding="utf-8"))
    df = noun_document_frequency((a["text"] for a in articles), get_nlp())
    kept = {word: n for word, n in sorted(df.items()) if n >= MIN_DF}
    table_path("noun_df").write_text(json.dumps({
        "source": path.name, "model": resolve_model_name(), "documents": len(articles), "min_df": MIN_DF, "df": kept,
    }, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"{len(kept):,} nouns found in at least {MIN_DF} of {len(articles)} articles -> {table_path('noun_df')}")


if __name__ == "__main__":
    main(sys.argv[1:])
