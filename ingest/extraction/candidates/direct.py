"""Direct quotations and who they belong to.

A quote is attributed by a speech verb right after it ("“...,” Flynn said"), right before it
("Flynn said: “...”", "Flynn told reporters, “...”"), or, failing both, by continuity: a quoted
sentence that follows an attributed statement in the same or the next paragraph belongs to the same
speaker (this covers quotes split around the attribution: "“...,” Flynn said. “...”").
"""
from __future__ import annotations

import bisect
import re

from ..quotes import Quote
from ..rules import R
from ..vocabulary import (ABBREVIATED_TITLES, ACOMP, ADVCL, ADVMOD, APPOS, AUX, CCOMP, CONJ, DATIVE, DOBJ, HONORIFICS, NEG,
                          NOT_FOR_QUOTES, NO_HEARER_VERBS, NPADVMOD, NSUBJ, PREP, PRT, PUNCT, QUOTING_VERBS,
                          TITLE_SMALL_WORDS)
from .grammar import cue_extent, cue_ok, find_subject
from .record import Candidate

MIN_WORDS = 3
MAX_TITLE_WORDS = 6
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_SENT_END = re.compile(r"[.!?]\s|\n")
QUOTE_MARKS = frozenset("\"“”„«»'‘’") | {"''", "``"}
_LAST_WORD = re.compile(r"[A-Za-z]+$")


class TokenIndex:
    """Char offset -> token lookups for one Doc."""

    def __init__(self, doc):
        from spacy.attrs import IDX

        self.doc = doc
        self.starts = doc.to_array(IDX).tolist() if len(doc) else []

    def at_or_after(self, pos: int) -> int:
        return bisect.bisect_left(self.starts, pos)

    def tokens_between(self, start: int, end: int):
        i = self.at_or_after(start)
        doc = self.doc
        while i < len(doc) and doc[i].idx < end:
            yield doc[i]
            i += 1


def speaker_of(verb, quote: Quote | None = None):
    # a subject inside the quotation is the parser reading the quote's own clause into the cue's
    def quoted(tok) -> bool:
        return quote is not None and quote.start <= tok.idx < quote.end

    # of two subjects (a quotation's own word read as one: `“That,” he said`), a name or pronoun next to the verb
    subj = sorted((c for c in verb.children if c.dep_ == NSUBJ and not quoted(c)),
                  key=lambda c: (not (c.pos_ in ("PROPN", "PRON") or c.ent_type_ in ("PERSON", "ORG")), abs(c.i - verb.i)))
    subj = subj[0] if subj else (_inverted_name(verb, quote) or find_subject(verb))
    if subj is None or quoted(subj):  # ("..., we will achieve justice," Chief Chuck Jordan said: "said" hung on "achieve")
        return _name_before(verb)
    if subj.pos_ in ("PROPN", "PRON") or subj.ent_type_:
        return subj
    # a misparsed subject ("... made public ― Trump boasted"): the name or pronoun next to the verb
    doc = verb.doc
    for i in (verb.i - 1, verb.i - 2, verb.i + 1):
        if 0 <= i < len(doc) and (doc[i].ent_type_ == "PERSON" or doc[i].tag_ == "PRP") \
                and doc[i].lower_ not in ("it", "you", "me", "him", "her", "them", "us") \
                and not (doc[i].head.dep_ == CCOMP and doc[i].head.head.i == verb.i):  # "Critics said he was “...”"
            return doc[i]
    return subj


def _inverted_name(verb, quote: Quote | None):
    """ "“...,” added Otieno.": the name after a cue that follows the quotation, which the parser may read as the
    verb's object."""
    if quote is None or quote.end > verb.idx or verb.lemma_.lower() not in NO_HEARER_VERBS:
        return None  # "“...,” told AFP": the one told
    obj = next((c for c in verb.children if c.dep_ == DOBJ and c.left_edge.i == verb.i + 1 and c.pos_ == "PROPN"), None)
    if obj is None or obj.ent_type_ in ("PERSON", "ORG"):
        return obj
    # "..., added Ernst and Young's Sanjay Mehta": the firm misread as the object, the person as a conjunct of it
    return next((t for t in obj.subtree if t.ent_type_ == "PERSON" and t.head.i != t.i and t.dep_ in (CONJ, APPOS)),
                None)


def _name_before(verb, reach: int = 15):
    """A verb the parser left without a subject ("Col. Steven Warren, a military spokesman, said, '...'"):
    the last token of the nearest person named before it in its clause, past an apposition."""
    doc = verb.doc
    for i in range(verb.i - 1, max(verb.sent.start, verb.i - reach) - 1, -1):
        t = doc[i]
        if t.pos_ in ("VERB", "AUX") or t.text in QUOTE_MARKS:
            return None
        if t.ent_type_ == "PERSON":
            return t
    return None


def _sentence_end(text: str, pos: int, limit: int) -> int | None:
    """Offset just past the first sentence end in text[pos:limit], not counting the full stop of an
    abbreviated title or an initial ("Ms. Moore said", "John F. Kennedy")."""
    for m in _SENT_END.finditer(text, pos, limit + 1):
        if text[m.start()] == "." and _abbreviation_before(text, m.start(), pos):
            continue
        return m.start() + 1
    return None


def _abbreviation_before(text: str, stop: int, lo: int = 0) -> bool:
    """Does the full stop at `stop` close an abbreviated title ("Ms.") or an initial ("F.")?"""
    word = _LAST_WORD.search(text, max(lo, stop - 12), stop)
    return bool(word) and (word.group().lower() in ABBREVIATED_TITLES or (len(word.group()) == 1 and word.group().isupper()))


def _last_full_stop(window: str) -> int:
    """Index of the last ". " ending a sentence in `window` (not an abbreviated title's), or -1."""
    i = window.rfind(". ")
    while i >= 0:
        if not _abbreviation_before(window, i):
            return i
        i = window.rfind(". ", 0, i)
    return -1


def attribution_after(text, q: Quote, index: TokenIndex, quote_starts):
    """`“...,” Flynn said` / `“...,” said Flynn, ...` / `“...?” Flynn asked` / `“... .” Flynn later recalled.`"""
    inner_end = q.inner[1]
    # the quote's own last punctuation, inside any nested quote that closes with it (‘...help?’”)
    tail = text[max(q.start, inner_end - 4):inner_end].rstrip().rstrip("’‘'").rstrip()
    after = text[q.end:q.end + 3]
    # a quote that closes its own sentence belongs to a speaker after it only when the next sentence is a bare
    # attribution ("Flynn said."); with more after the verb ("Flynn said the vote...") it is a new statement
    closed = tail.endswith(".") and not tail.endswith("..")
    if not (closed or tail.endswith((",", "?", "!", "—", "–", "-", "…", "..."))
            or after.lstrip(" ").startswith((",", "—", "–"))):
        return None
    limit = q.end + 120
    end = _sentence_end(text, q.end + 1, limit)
    if end is not None:
        limit = min(limit, end)
    nxt = quote_starts(q.end)
    if nxt is not None:
        limit = min(limit, nxt)
    for tok in index.tokens_between(q.end, limit):
        lemma = tok.lemma_.lower()
        quoted_one = next((c for c in tok.children if c.dep_ == DOBJ), None) if lemma in QUOTING_VERBS else None
        if quoted_one is not None and tok.pos_ == "VERB":
            # "“...,” the newspaper quotes a source close to the firm": the one quoted said it
            return None if closed else (tok, quoted_one)
        # "ask" names a request ("asked him to leave") except after a question in quotes
        if cue_ok(tok) and (lemma not in NOT_FOR_QUOTES or (lemma == "ask" and tail.endswith("?"))):
            if tok.tag_ == "VBG" and tok.dep_ == ADVCL and cue_ok(tok.head) and tok.head.i > tok.i:
                continue  # "Responding to the criticism, Mr Pugh said": the cue is "said"
            if text[tok.idx + len(tok.text):tok.idx + len(tok.text) + 3].lstrip().startswith(":"):
                return None  # "Mr Pugh said: “...”" introduces a quotation of its own, not the one before
            subj = speaker_of(tok, q)
            if subj is None or q.start <= subj.idx < q.end:
                # the parser lost the subject in a long apposition ("“...,” Mr. Daniloff, now 81 and retired in
                # Cambridge, Mass., said"): the person named right after the quotation
                subj = _name_right_after(q, index)
            if subj is not None and nxt is not None and subj.idx >= nxt:
                # the parser took a word of a later quotation ('... said on “Fox and Friends.”') for the subject
                subj = _name_right_after(q, index)
            if subj is not None and not (q.start <= subj.idx < q.end):
                if closed and not _bare_attribution(tok):
                    return None
                return tok, subj
    return None


def _name_right_after(q: Quote, index: TokenIndex):
    """The person named first thing after a quotation (`“...,” Flynn, a top aide, said`): their last token."""
    toks = [t for t in index.tokens_between(q.end, q.end + 40) if not (t.is_punct or t.is_space)][:4]
    while toks and toks[0].lower_.rstrip(".") in HONORIFICS and not toks[0].ent_type_:
        toks.pop(0)  # "Mr." before the name
    if not toks or toks[0].ent_type_ != "PERSON":
        return None
    last = toks[0]
    for t in toks[1:]:
        if t.ent_type_ != "PERSON" or t.ent_iob_ == "B":
            break
        last = t
    return last


# What a cue may carry in a bare attribution sentence ("Flynn later told reporters on Monday."): no content
_BARE_DEPS = frozenset({NSUBJ, ADVMOD, NPADVMOD, PUNCT, AUX, NEG, PRT, PREP, DATIVE})


def _bare_attribution(verb) -> bool:
    """Whether the verb's sentence is nothing but who said it, to whom, when: "Anna Berg said." """
    return all(
        child.dep_ in _BARE_DEPS or (child.dep_ == DOBJ and verb.lemma_.lower() == "tell")
        for child in verb.children
    ) and verb.sent.end_char <= verb.idx + 80


def _before(text, q: Quote, index: TokenIndex, prev_quote_end: int):
    """`Flynn said: “...”` / `Flynn told reporters that “...”` """
    lo = max(prev_quote_end, q.start - 200)
    window = text[lo:q.start]
    if window.rstrip().endswith(":"):  # "The Times reports:" on the line before the quoted paragraph
        window = window.rstrip()
    cut = max(window.rfind("\n"), window.rfind("? "), window.rfind("! "), _last_full_stop(window))
    if cut >= 0:
        lo = lo + cut + 1
    gap_ok = None
    question = text[q.inner[0]:q.inner[1]].rstrip(" '’”\"").endswith("?")
    for tok in reversed(list(index.tokens_between(lo, q.start))):
        lemma = tok.lemma_.lower()
        # "ask" names a request ("asked him to leave") except before a question in quotes
        if cue_ok(tok) and (lemma not in NOT_FOR_QUOTES or (lemma == "ask" and question)):
            gap = text[tok.idx + len(tok.text):q.start]
            if len(gap) > 80:
                break
            subj = speaker_of(tok)
            if subj is not None:
                gap_ok = (tok, subj)
            break
    if gap_ok is None and window.endswith(":"):
        toks = list(index.tokens_between(lo, q.start))
        gap_ok = _colon(toks) or _name_colon(toks)
    return gap_ok


def _name_colon(toks):
    """`More from Jones: “...”`, `Here’s Clinton in December 1992: “...”`: a person named right before the colon, or
    before a date the words were spoken on, introduces the quotation."""
    colon = next((k for k in range(len(toks) - 1, -1, -1) if toks[k].text == ":"), None)
    if colon is None:
        return None
    k = colon - 1
    while k >= 0 and (toks[k].ent_type_ in ("DATE", "TIME") or toks[k].lower_ in ("in", "on", "at")):
        k -= 1
    if k < 0 or toks[k].ent_type_ != "PERSON" or colon - k > 5:
        return None
    return toks[colon], toks[k]


def _colon(toks):
    """`Jared Potts echoed:` / `The senator released this statement:` right before a quote: the subject of
    the verb the colon closes, whatever the verb."""
    colon = next((t for t in reversed(toks) if t.text == ":"), None)
    if colon is None:
        return None
    head = colon.head
    for _ in range(2):  # "released a statement:" hangs the colon on the object
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    if head.i > colon.i:
        # "Pete Sands put it plainly: “...”", the quotation parsed as the sentence's root: the verb of the words
        # before the colon, hung on the quotation's own, when a name or pronoun is its subject (not "The challenge is
        # exemplified by this finding: “...”")
        head = next((t for t in reversed(toks) if t.i < colon.i and t.pos_ in ("VERB", "AUX")
                     and not toks[0].i <= t.head.i < colon.i), head)
        subj = speaker_of(head) if head.i < colon.i else None
        if subj is None or not (subj.pos_ in ("PROPN", "PRON") or subj.ent_type_ in ("PERSON", "ORG")) \
                or (head.lemma_ == "be" and not _person_was(head)):
            return None
    elif head.lemma_ == "be":
        return None
    if head.pos_ not in ("VERB", "AUX") or head.i > colon.i:
        return None  # "The rationale ... is a blind faith in Obama's word:" introduces no one's words
    subj = speaker_of(head)
    person = next((c for c in head.children if c.dep_ == DOBJ and c.ent_type_ == "PERSON"), None)
    if person is not None and (subj is None or subj.pos_ not in ("PROPN", "PRON")):
        return head, person  # "The timing of the surge doesn't surprise pollster Daron Shaw:"
    if subj is not None and subj.lower_ not in ("it", "this", "that", "there", "what"):
        return head, subj
    return None


def _person_was(verb) -> bool:
    """ "Pete Sands was blunt:": a named person described in the manner of what follows (not "The rationale is ...:")."""
    return any(c.dep_ == NSUBJ and c.ent_type_ == "PERSON" for c in verb.children) \
        and any(c.dep_ == ACOMP for c in verb.children)


def is_sayable(inner: str) -> bool:
    """A quotation someone said, not a title ("The Steve Harvey Morning Show") or a quoted phrase."""
    words = _WORDS.findall(inner)
    if len(words) < MIN_WORDS:
        return False
    # "I" is capitalised in any sentence, so it is no sign of a title ("Yes, I support Ted Cruz")
    content = [w for w in words if w.lower() not in TITLE_SMALL_WORDS and w != "I"] or words
    capitalised = sum(w[0].isupper() for w in content)
    if capitalised >= 0.8 * len(content) and (len(words) <= MAX_TITLE_WORDS or not inner.rstrip().endswith((".", "!", "?"))):
        return False  # a title in title case ("State of the Union"), with or without the punctuation put inside the marks
    first = inner.lstrip(" .…'‘")[:1]
    if first.islower() and len(words) < 8:
        return False  # a phrase quoted inside a sentence; the reported-speech rules cover it
    return True


def _opens_sentence(text: str, q: Quote) -> bool:
    """Does the quotation open its sentence and end as a reply does, on a comma, question or exclamation mark
    (`“Denver,” he answered`), not on the full stop a title or a heading may carry?"""
    a, b = q.inner
    inner = text[a:b].strip()
    before = text[max(0, q.start - 3):q.start].strip()
    return bool(_WORDS.search(inner)) and inner[-1:] in ",?!" and (not before or before[-1] in ".!?:\n")


def _opens_split_quote(text: str, q: Quote, next_start: int | None) -> bool:
    """Is this short quotation the first part of a sentence split around its attribution (`“That, unfortunately,”
    he said, “is part of the reality ...”`), however few its words?"""
    a, b = q.inner
    if not q.closed or next_start is None or not text[a:b].rstrip().endswith(",") or not _WORDS.search(text[a:b]):
        return False
    between = text[q.end:next_start]
    return len(between) <= 60 and between.rstrip().endswith(",") and not any(c in between for c in ".!?\n")


def quote_candidates(text, doc, quotes: list[Quote], is_foreign) -> list[Candidate]:
    index = TokenIndex(doc)
    starts = [q.start for q in quotes]

    def next_quote_start(pos):
        i = bisect.bisect_right(starts, pos)
        return starts[i] if i < len(starts) else None

    out = []
    prev_end = 0
    for q in quotes:
        if is_foreign(q.start):
            prev_end = q.end
            continue
        a, b = q.inner
        sayable = is_sayable(text[a:b])
        # a short quotation may still be a whole reply: `“Denver,” he answered.`, `“But why?” a reporter asked.`
        short = not sayable and (_opens_split_quote(text, q, next_quote_start(q.end)) or _opens_sentence(text, q))
        if not (sayable or short):
            prev_end = q.end
            continue
        found = attribution_after(text, q, index, next_quote_start) or (_before(text, q, index, prev_end) if sayable else None)
        if short and not found:
            prev_end = q.end
            continue
        if found:
            verb, subj = found
            cs, ce = cue_extent(verb)
            out.append(Candidate(a, b, R.QUOTE, cs, ce, cue_token=verb, subject=subj))
        else:
            out.append(Candidate(a, b, R.FOLLOW))
        prev_end = q.end
    return out
