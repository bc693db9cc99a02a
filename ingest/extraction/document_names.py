"""A document noun written with a capital as the last word of its name ("a Morning Consult Poll found that ..."): read
by the candidates (a document that finds) and the speakers (its publisher) alike."""
from __future__ import annotations

from .vocabulary import COMPOUND, POLLS, STUDIES


def capitalised_document(tok) -> bool:
    """A poll or study named with a capital after its publisher's name, in a sentence of ordinary case ("a Morning
    Consult Poll found that ..."; not a headline's "New Poll Shows Clinton Ahead")."""
    if tok.pos_ != "PROPN" or tok.lower_ not in POLLS | STUDIES or tok.is_sent_start:
        return False
    if not any(c.dep_ == COMPOUND and c.pos_ == "PROPN" for c in tok.lefts):
        return False
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and doc[tok.i + 2].text[:1].isupper():
        return False  # the name goes on: "the Michigan Survey of Consumers" is a body's name
    words = [t for t in tok.sent if t.is_alpha]
    return sum(t.text.islower() for t in words) * 2 >= len(words)
