"""Block quotations: "Limbaugh added:" closing its paragraph, and the next paragraph unquoted."""
from __future__ import annotations

from ..rules import R
from ..vocabulary import QUOTE_OPENERS
from .grammar import cue_ok


def colon_block(tok):
    """ "Limbaugh added:" closing its paragraph and the next paragraph unquoted: a block quotation whose marks were the
    page's layout; that paragraph, or None."""
    doc, text = tok.doc, tok.doc.text
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ":" or not cue_ok(tok):
        return None
    after = doc[tok.i + 1].idx + 1
    newline = text.find("\n", after)
    if newline < 0 or text[after:newline].strip():
        return None
    start = len(text) - len(text[newline:].lstrip())
    if start >= len(text) or text[start] in QUOTE_OPENERS:
        return None  # a quotation: the quote rules' to attribute
    end = text.find("\n", start)
    return (start, len(text) if end < 0 else end), R.BLOCK
