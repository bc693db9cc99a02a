"""End-to-end expectations as one golden file: invented sentences -> the statements they must give.

golden.json holds, for every invented text of the extraction tests, each statement as one line
[speaker, kind, cue, content]; a parser upgrade or a rule change shows up as one readable diff of that file.

    .venv/bin/python tests/extraction/test_golden.py   # rewrite golden.json from the current extractor; read the diff

A new construction gets its row by adding {"id": ..., "text": ..., "statements": []} to golden.json, running the line
above and checking that the statements it wrote are the ones the text should give (docs/extraction-design.md).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

GOLDEN = Path(__file__).with_name("golden.json")
CASES = json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else []


def statements(extraction) -> list[list[str]]:
    return [[s.speaker.name, s.kind, s.cue, s.content] for s in extraction.statements]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden(run, case):
    assert statements(run(case["text"])) == case["statements"]


def dump(cases: list[dict]) -> str:
    """golden.json's layout: one case per block, one statement per line (so diffs read line by line)."""
    blocks = []
    for c in cases:
        rows = ",\n".join("   " + json.dumps(r, ensure_ascii=False) for r in c["statements"])
        blocks.append(" {\"id\": %s,\n  \"text\": %s,\n  \"statements\": [%s]}" % (
            json.dumps(c["id"]), json.dumps(c["text"], ensure_ascii=False), "\n" + rows + "\n  " if rows else ""))
    return "[\n" + ",\n".join(blocks) + "\n]\n"


def regenerate(cases: list[dict], path: Path = GOLDEN) -> None:
    from ingest.extraction import extract

    path.write_text(dump([{**c, "statements": statements(extract(c["text"]))} for c in cases]), encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    regenerate(CASES)
    print(f"wrote {GOLDEN} ({len(CASES)} cases)")
