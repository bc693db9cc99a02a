"""How one copy's wording differs from another's, word by word: pure Python, no Django.

Words are compared as `text.words` sees them (case, quotation marks and punctuation aside), so "sanctions," and
"Sanctions" are the same word, while the words shown are the copy's own, as written.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from html import escape

from . import text

EQUAL, INSERTED, DELETED = "equal", "inserted", "deleted"


@dataclass(frozen=True)
class Piece:
    """A run of words: in both (equal), only in the copy (inserted) or only in the canonical wording (deleted)."""

    op: str
    words: str


def _key(token: str) -> str:
    return " ".join(text.words(token)) or token


def word_diff(canonical: str, copy: str) -> list[Piece]:
    """`copy` against `canonical`: equal runs as the copy writes them, what it adds, what it leaves out."""
    old, new = canonical.split(), copy.split()
    matcher = difflib.SequenceMatcher(None, [_key(t) for t in old], [_key(t) for t in new], autojunk=False)
    pieces = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(Piece(EQUAL, " ".join(new[b1:b2])))
            continue
        if a2 > a1:
            pieces.append(Piece(DELETED, " ".join(old[a1:a2])))
        if b2 > b1:
            pieces.append(Piece(INSERTED, " ".join(new[b1:b2])))
    return pieces


def is_unchanged(pieces: list[Piece]) -> bool:
    return all(piece.op == EQUAL for piece in pieces)


TAGS = {INSERTED: "ins", DELETED: "del"}


def to_html(pieces: list[Piece]) -> str:
    """The pieces as HTML: every word escaped, insertions in <ins>, deletions in <del>."""
    out = []
    for piece in pieces:
        words = escape(piece.words)
        tag = TAGS.get(piece.op)
        out.append(f"<{tag}>{words}</{tag}>" if tag else words)
    return " ".join(out)
