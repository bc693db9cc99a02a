"""Fixtures for the extraction core tests: the spaCy model is loaded once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from ingest.extraction.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def run(nlp):
    """extract() with the session's model already loaded."""
    from ingest.extraction import extract

    def _run(text, **kw):
        return extract(text, **kw)

    return _run


@pytest.fixture(scope="session")
def shared():
    if not SHARED.is_dir():
        pytest.skip("../shared is not available")
    return SHARED


def by_cue(extraction, cue):
    return [s for s in extraction.statements if s.cue == cue]


def one(extraction, fragment):
    """The single statement whose content contains `fragment`."""
    found = [s for s in extraction.statements if fragment in s.content]
    assert len(found) == 1, [(s.speaker.name, s.cue, s.content) for s in extraction.statements]
    return found[0]


PARSES = Path(__file__).with_name("parses.txt")


def table(name: str) -> str:
    """The block `## name` of parses.txt: a hand-built parse, one token a line (for `parsed` and `token_rows`)."""
    blocks = {}
    for block in PARSES.read_text(encoding="utf-8").split("\n## ")[1:]:
        head, _, rows = block.partition("\n")
        blocks[head.strip()] = rows
    return blocks[name]


def token_rows(table: str) -> list[tuple]:
    """(word, head, dep, pos, tag, lemma) rows from a table of one token a line, its columns split by spaces."""
    rows = [line.split() for line in table.strip().splitlines()]
    return [(word, int(head), dep, pos, tag, lemma) for word, head, dep, pos, tag, lemma in rows]


def parsed(nlp, rows, ents=None):
    """A Doc as the parser might have read it, from (word, head, dep, pos, tag, lemma) rows or a table of them (see
    token_rows): a space after each word but before punctuation; `ents` as IOB labels ("B-PERSON", "O", ...)."""
    from spacy.tokens import Doc

    if isinstance(rows, str):
        rows = token_rows(rows)
    words, heads, deps, pos, tags, lemmas = map(list, zip(*rows))
    spaces = [nxt not in ",." for nxt in words[1:]] + [False]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
               ents=ents)


def reported_in(nlp, rows, ents=None):
    """The Doc `parsed` builds from the rows, and the reported-speech candidates found in it."""
    from ingest.extraction.candidates.verbs import reported_candidates

    doc = parsed(nlp, rows, ents)
    return doc, reported_candidates(doc, lambda pos: False)
