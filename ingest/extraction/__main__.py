"""python -m ingest.extraction --format jsonl FILE... : one JSON line of statements per file."""
from __future__ import annotations

import argparse
import datetime
import json
import sys

from . import extract, to_jsonl_record


def main(argv: list[str] | None = None, stdout=None) -> int:
    stdout = stdout or sys.stdout
    ap = argparse.ArgumentParser(prog="python -m ingest.extraction", description=__doc__)
    ap.add_argument("files", nargs="+", metavar="FILE")
    ap.add_argument("--format", choices=["jsonl"], default="jsonl")
    ap.add_argument("--published", type=datetime.date.fromisoformat, default=None,
                    help="publication date (YYYY-MM-DD) to resolve 'on Monday'")
    ap.add_argument("--model", default=None, help="spaCy pipeline name (default: $SPACY_MODEL or en_core_web_sm)")
    args = ap.parse_args(argv)
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        record = to_jsonl_record(path, extract(text, published=args.published, model=args.model))
        stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
