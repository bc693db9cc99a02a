"""extract(): one spaCy parse per article, then the stages over the Doc, in order (docs/extraction-design.md):

layout (boilerplate.find_layout) -> parse (nlp.get_nlp, parser_input) -> name repair (speakers.relabel_people)
-> candidates (candidates.find_candidates) -> merge (merge.merge) -> speakers (speakers.resolve_speakers)
-> scoring (scoring.score) -> output with dates and topics (output.build).
"""
from __future__ import annotations

import bisect
import datetime

from .boilerplate import find_layout
from .candidates import find_candidates
from .merge import merge
from .nlp import get_nlp
from .output import build
from .quotes import find_quotes
from .records import Extraction, Scored
from .scoring import score
from .speakers import Registry, relabel_people, resolve_speakers

# Only this much of a text is parsed (the parser needs about 1 GB per 100,000 characters); news
# articles are far shorter, and a longer upload is most likely not an article.
MAX_CHARS = 300_000
# No-break and other horizontal spaces are parsed as plain spaces: the tagger and parser read "suspected\xa0Crutcher"
# as one odd token run. One character for one, so every offset stays the same.
PLAIN_SPACES = str.maketrans({c: " " for c in "\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                              "\u2008\u2009\u200a\u202f\u205f\u3000"})


def extract(text: str, *, published: datetime.date | None = None, model: str | None = None) -> Extraction:
    """Statements (who said what, when, about what) found in one article's plain text."""
    if not text or not text.strip():
        return Extraction()
    nlp = get_nlp(model)
    layout = find_layout(text)
    parsed = parser_input(text, layout, nlp)
    if not parsed.strip():
        return Extraction()
    return extract_from_doc(nlp(parsed), text, published=published, layout=layout)


def parser_input(text: str, layout, nlp) -> str:
    """What of the text the parser reads, as it reads it: the article's own part, capped, plain spaces."""
    return text[:min(layout.end, nlp.max_length - 1, MAX_CHARS)].translate(PLAIN_SPACES)


def extract_from_doc(doc, text: str, *, published=None, layout=None) -> Extraction:
    """The stages over an already parsed Doc of a prefix of `text` (offsets are shared)."""
    layout = layout or find_layout(text)
    scored, registry, quotes = analyse(doc, text, layout)
    return build(scored, text, doc, registry, published, layout.is_foreign)


def analyse(doc, text: str, layout) -> tuple[list[Scored], Registry, list]:
    """Every candidate statement with its resolved speaker, kind and confidence, before acceptance; the article's
    registry of actors and its quotations."""
    foreign = layout.is_foreign
    relabel_people(doc)
    body_end = doc[-1].idx + len(doc[-1].text) if len(doc) else 0
    quotes = find_quotes(text, body_end)
    q_starts = [q.start for q in quotes]

    def quote_at(pos):
        i = bisect.bisect_right(q_starts, pos) - 1
        return quotes[i] if i >= 0 and quotes[i].start < pos < quotes[i].end else None

    registry = Registry(doc, foreign, quote_at=quote_at)
    cands = merge(find_candidates(doc, text, quotes, quote_at, body_end, foreign), text)
    scored = score(resolve_speakers(cands, registry, doc, text), text, quotes)
    # what states nothing (candidates/unstated.py) went through speaker resolution only for what follows it
    return [s for s in scored if not s.candidate.unstated], registry, quotes
