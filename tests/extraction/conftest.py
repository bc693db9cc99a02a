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


def parsed(nlp, rows, ents=None):
    """A Doc as the parser might have read it, from (word, head, dep, pos, tag, lemma) rows: a space after each word
    but before punctuation; `ents` as IOB labels ("B-PERSON", "O", ...)."""
    from spacy.tokens import Doc

    words, heads, deps, pos, tags, lemmas = map(list, zip(*rows))
    spaces = [nxt not in ",." for nxt in words[1:]] + [False]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
               ents=ents)
