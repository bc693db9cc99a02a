"""extract(): one spaCy parse per article, then the rule steps over the Doc, in order:

layout (boilerplate) -> actors registry -> candidates (reported speech, quotes, headlines)
-> merge (overlaps, nesting, follow-up quotes) -> speaker resolution -> statements with
kind, date, topics, mentioned actors and confidence.
"""
from __future__ import annotations

import bisect
import datetime

from spacy.tokens import Span

from . import dates
from .boilerplate import find_layout
from .candidates import Candidate, find_candidates
from .confidence import ACCEPT, features, probability
from .nlp import get_nlp
from .quotes import find_quotes, word_count
from .records import ExtractedStatement, Extraction
from .rules import ALWAYS_DIRECT, KEEPS_THAT, QUOTATIONS, R, rule
from .speakers import Actor, Registry, ent_name, relabel_people, role_modifiers
from .spans import trim
from .titles import split_honorifics
from .topics import TopicIndex
from .vocabulary import DOCUMENT_NOUNS, FIRST_PERSON, HONORIFICS, NP_RIGHT_PREPS, ORG_ROLES, PERSON_PRONOUNS, PERSON_ROLES, POSTNOMINALS, QUANTIFIERS, QUOTE_CHARS, SPOKESPERSONS, TIME_NOUNS
from .records import ORG, PERSON, UNKNOWN

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
    """The rule steps over an already parsed Doc of a prefix of `text` (offsets are shared)."""
    layout = layout or find_layout(text)
    cands, registry, quotes = analyse(doc, text, layout)
    return _build(cands, text, doc, registry, quotes, published, layout.is_foreign)


def analyse(doc, text: str, layout):
    """All candidate statements with resolved speakers, kind and confidence, before acceptance."""
    foreign = layout.is_foreign
    relabel_people(doc)
    body_end = doc[-1].idx + len(doc[-1].text) if len(doc) else 0
    quotes = find_quotes(text, body_end)
    q_starts = [q.start for q in quotes]

    def quote_at(pos):
        i = bisect.bisect_right(q_starts, pos) - 1
        return quotes[i] if i >= 0 and quotes[i].start < pos < quotes[i].end else None

    registry = Registry(doc, foreign, in_quote=lambda pos: quote_at(pos) is not None)
    cands = find_candidates(doc, text, quotes, quote_at, body_end, foreign)
    cands = _merge(cands, text)
    _resolve_speakers(cands, registry, doc, text)
    cands = [c for c in cands if c.resolved is not None]
    for c in cands:
        c.kind = _kind(c, text, quotes)
        c.features = features(c.rule, c.mention_quality, c.kind, c.cue_token, c.subject, text[c.start:c.end],
                              c.resolved.kind, c.parent is not None)
        c.confidence = probability(c.features)
    return cands, registry, quotes


# -- merging -----------------------------------------------------------------------------------
def _iou(a: Candidate, b: Candidate) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    return inter / (max(a.end, b.end) - min(a.start, b.start))


def _same_statement(a: Candidate, b: Candidate) -> bool:
    """Two candidates that are one statement found twice (by two rules, or a quote inside a clause)."""
    if _iou(a, b) >= 0.5:
        return True
    if min(a.end, b.end) <= max(a.start, b.start):
        return False
    if a.cue_start is not None and a.cue_start == b.cue_start:
        return True
    inside = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
    return inside and (a.cue_start is None or b.cue_start is None)


def _reports(outer: Candidate, inner: Candidate) -> bool:
    """Does `outer` report `inner`'s cue in its content, with its own cue outside `inner`'s content?"""
    return (outer.cue_start is not None and inner.cue_start is not None and outer.cue_start != inner.cue_start
            and outer.start <= inner.cue_start < outer.end and not inner.start <= outer.cue_start < inner.end)


def _pronoun_that(c, text) -> bool:
    """Does the content open with "that" as a pronoun or determiner, not the complementiser ("Critics say that will
    never work", "say that plan will fail")?"""
    if c.cue_token is None or not text.startswith("that ", c.start):
        return False
    first = c.cue_token.doc.char_span(c.start, c.start + 4)
    return first is not None and first[0].dep_ in ("nsubj", "nsubjpass", "det")


def _merge(cands, text):
    for c in cands:
        c.start, c.end = trim(text, c.start, c.end, drop_complementiser=c.rule not in KEEPS_THAT
                              and not _pronoun_that(c, text))
    # one word is too little to be a statement, unless it stands for one ("said so", "said yes")
    cands = [c for c in cands if word_count(text[c.start:c.end]) >= 2 or c.rule == R.PRO_FORM]
    cands.sort(key=lambda c: (rule(c.rule).priority, -(c.end - c.start)))
    accepted = _SpanIndex()
    replaced: dict[int, Candidate] = {}  # id of a dropped duplicate -> the candidate kept for it
    for c in cands:
        clash = next((a for a in accepted.overlapping(c.start, c.end) if _same_statement(a, c)), None)
        if clash is None:
            accepted.add(c)
            continue
        # a reported clause that quotes only part of what it says beats the quote (mixed speech)
        if clash.rule in QUOTATIONS and c.rule not in QUOTATIONS and c.rule != R.HEADLINE \
                and c.start <= clash.start and c.end >= clash.end and ((c.end - c.start) > 1.3 * (clash.end - clash.start)
                                                                       or word_count(text[c.start:clash.start]) >= 2):
            accepted.replace(clash, c)
            replaced[id(clash)] = c
            continue
        if _reports(c, clash):
            # "It does not answer whether X had a gun, as police have said": the outer attribution, not the one
            # nested in what it reports
            accepted.replace(clash, c)
            replaced[id(clash)] = c
            continue
        if clash.rule == R.FOLLOW and c.cue_start is not None:
            # the quote had no attribution of its own, but a rule found one around it
            clash.rule, clash.cue_start, clash.cue_end, clash.cue_token, clash.subject, clash.parent = (
                R.QUOTE, c.cue_start, c.cue_end, c.cue_token, c.subject, c.parent)
        replaced[id(c)] = clash
    for c in accepted:  # follow-ups whose parent was found twice point to the copy that was kept
        while c.parent is not None and id(c.parent) in replaced:
            c.parent = replaced[id(c.parent)]
    # nested attributions: only the outer one counts
    outer = []
    for c in accepted:
        if c.cue_start is not None and any(
                a is not c and a.start <= c.cue_start < a.end and a.start <= c.start and c.end <= a.end + 2
                and a.parent is not c for a in accepted.overlapping(c.cue_start, c.cue_start + 1)):
            continue
        outer.append(c)
    outer.sort(key=lambda c: c.start)
    # follow-up quotes take the speaker of the statement just before them
    result = []
    latest = None  # the kept statement that ends last so far
    for c in outer:
        if c.rule == R.FOLLOW:
            parent = _follow_parent(c, latest, text)
            if parent is None:
                continue
            c.parent = parent
        result.append(c)
        if latest is None or c.end > latest.end:
            latest = c
    kept = {id(c) for c in result}
    for c in result:  # children whose parent was dropped take the nearest kept ancestor, or its speaker
        while c.parent is not None and id(c.parent) not in kept and c.subject is None:
            if c.parent.subject is not None:  # "criticized Smith, saying ...": "Smith" is too short to keep
                c.subject, c.parent = c.parent.subject, None
                break
            c.parent = c.parent.parent
    return [c for c in result if c.parent is None or id(c.parent) in kept or c.subject is not None]


class _SpanIndex:
    """Accepted candidates bucketed by character ranges, so overlap lookups stay cheap on long texts."""

    SIZE = 256

    def __init__(self):
        self.items: list[Candidate] = []
        self.buckets: dict[int, list[Candidate]] = {}

    def __iter__(self):
        return iter(self.items)

    def _keys(self, start, end):
        return range(start // self.SIZE, max(start, end - 1) // self.SIZE + 1)

    def add(self, c: Candidate) -> None:
        self.items.append(c)
        for k in self._keys(c.start, c.end):
            self.buckets.setdefault(k, []).append(c)

    def replace(self, old: Candidate, new: Candidate) -> None:
        self.items[self.items.index(old)] = new
        for k in self._keys(old.start, old.end):
            self.buckets[k].remove(old)
        for k in self._keys(new.start, new.end):
            self.buckets.setdefault(k, []).append(new)

    def overlapping(self, start: int, end: int):
        seen = set()
        for k in self._keys(start, end):
            for c in self.buckets.get(k, ()):
                if id(c) not in seen and c.start < end and start < c.end:
                    seen.add(id(c))
                    yield c


def _follow_parent(c, prev, text):
    """A quote with no attribution continues the statement right before it (same or next paragraph)."""
    if prev is None:
        return None
    if prev.end > c.start:
        return None
    between = text[prev.end:c.start]
    if between.count("\n\n") + (between.count("\n") if "\n\n" not in between else 0) > 2:
        return None
    # the quote must open a sentence
    line_start = text.rfind("\n", 0, c.start) + 1
    before = text[line_start:c.start].rstrip(" " + QUOTE_CHARS)
    # or go on with the sentence of a quotation split around its attribution (`“That,” he said, “is part of ...”`)
    resumes = prev.rule == R.QUOTE and prev.cue_start is not None and prev.end <= prev.cue_start < c.start \
        and before.endswith(",") and "\n" not in between
    if before and not resumes and not before.endswith((".", "!", "?", ":")) \
            and not before.endswith(tuple(p + q for p in ".!?" for q in QUOTE_CHARS)):
        return None
    if len(between) > 600:
        return None
    return prev


def _when(prep) -> bool:
    """ "at the time", "on Monday": a phrase of time hanging on the subject is no part of its name."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return pobj is not None and (pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_.lower() in TIME_NOUNS)


def np_tokens(tok):
    toks = {tok.i: tok}
    for c in tok.lefts:
        if c.dep_ not in ("punct", "cc", "conj", "appos", "relcl", "acl", "advmod", "preconj"):
            for t in c.subtree:
                toks[t.i] = t
    for c in tok.rights:
        if c.dep_ in ("compound", "flat", "amod") or (c.dep_ == "prep" and c.lower_ in NP_RIGHT_PREPS and not _when(c)):
            clauses = {t.i for x in c.subtree if x.dep_ in ("relcl", "acl") for t in x.subtree}
            for t in c.subtree:
                if t.i not in clauses and t.i - tok.i < 10:
                    toks[t.i] = t
    out = [toks[i] for i in sorted(toks)]
    # keep it contiguous around the head
    lo = hi = [t.i for t in out].index(tok.i)
    while lo > 0 and out[lo - 1].i == out[lo].i - 1:
        lo -= 1
    while hi < len(out) - 1 and out[hi + 1].i == out[hi].i + 1:
        hi += 1
    out = out[lo:hi + 1]
    ent = _ent_of(tok) if tok.ent_type_ else None
    if ent is not None and ent.start < out[0].i:  # the whole name when the parse split it ("Nick Van den Brul")
        out = [*ent[: out[0].i - ent.start], *out]
    while out and out[-1].i != tok.i and (out[-1].is_punct or out[-1].dep_ in ("cc", "case")):  # ("70%" keeps "%")
        out.pop()
    while out and out[0].is_punct:
        out.pop(0)
    return out or [tok]


class _Unnamed:
    """Speakers without a name in the article ("a source", "officials"), one per distinct wording."""

    def __init__(self):
        self.by_name: dict[str, Actor] = {}

    def get(self, name: str, kind: str) -> Actor:
        key = name.lower()
        if key not in self.by_name:
            self.by_name[key] = Actor(name=name, kind=kind, aliases=[name])
        return self.by_name[key]


def _ent_of(tok):
    """The entity span a token belongs to, or None (walks back to the entity's first token)."""
    if not tok.ent_type_:
        return None
    doc, i = tok.doc, tok.i
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    j = tok.i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return Span(doc, i, j, label=tok.ent_type_)


def _resolve_subject(tok, registry: Registry, unnamed: _Unnamed, text: str):
    """(actor, (mention_start, mention_end), quality) for a subject token, or None."""
    low = tok.lower_
    if (tok.pos_ == "PRON" and low not in QUANTIFIERS) or low in PERSON_PRONOUNS or low in FIRST_PERSON:
        if low in ("i", "me", "you", "one", "who", "what", "that", "this", "which", "someone", "anyone", "everyone", "nobody"):
            return None
        actor = registry.resolve_pronoun(tok)
        if actor is None:
            return None
        return actor, (tok.idx, tok.idx + len(tok.text)), "pronoun"
    toks = np_tokens(tok)
    span = (toks[0].idx, toks[-1].idx + len(toks[-1].text))
    ent = tok.ent_type_ and _ent_of(tok)
    if ent and ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
        name = ent_name(ent)
        before = tok.doc[ent.start - 1] if ent.start > 0 else None
        actor = None
        if before is not None and before.pos_ == "PROPN" and before.dep_ == "compound" and before.head.i in range(ent.start, ent.end):
            # "Otis Ferry" with only "Ferry" labelled: Otis, not the Ferry named most
            actor = registry.lookup(f"{before.text} {name}")
        actor = actor or registry.lookup(name)
        if actor is None:
            kind = PERSON if ent.label_ == "PERSON" else ORG
            clean = split_honorifics(name)[0] if kind == PERSON else name  # "General Motors" keeps its "General"
            actor = unnamed.get(clean, kind)
        quality = "name" if len(ent.text.split()) > 1 else "surname"
        return actor, span, quality
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if tok.text.rstrip(".") in POSTNOMINALS and before is not None and before.ent_type_ == "PERSON" and before.head.i == tok.i:
        return _resolve_subject(before, registry, unnamed, text)  # "Paul Boateng MP said"
    if tok.pos_ == "PROPN" and not tok.ent_type_:  # a name NER missed: "Okafor said"
        names = [t for t in toks if t.pos_ == "PROPN" and t.i <= tok.i]
        actor = registry.lookup(text[names[0].idx: tok.idx + len(tok.text)]) if names else None
        if actor is not None:
            return actor, span, "surname"
    # "The foreign minister, Sergey Lavrov, said", "one of their lawyers, Michalis Dimitrakopoulos, said", "The BBC's
    # correspondent in Jakarta, Rachel Harvey, told" (the name hung on the place: a place has no one in apposition)
    of_noun = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "in", "at") for o in p.children
               if o.dep_ == "pobj"]
    lemma = tok.lemma_.lower()
    for c in [*tok.children, *(c for o in of_noun for c in o.children)]:
        if c.dep_ == "appos" and c.ent_type_ == "PERSON":
            actor = registry.lookup(c.text if not _ent_of(c) else ent_name(_ent_of(c)))
            if actor is not None:
                return actor, span, "name"
        # "Web tracking company Envisional said": the company named; a later "the firm" is it
        if c.dep_ == "appos" and c.ent_type_ == "ORG" and (lemma in ORG_ROLES or c.i == tok.i + 1):
            actor = registry.lookup(ent_name(_ent_of(c)))
            if actor is not None:
                registry.note_speaker(actor, c.idx, c.i)
                return actor, span, "name"
    # "Archbishop of Canterbury Dr Rowan Williams said", parsed with the name as the object of "of": a title of a
    # place, then the person's name
    for p in tok.children:
        pobj = next((o for o in p.children if o.dep_ == "pobj"), None) if p.dep_ == "prep" and p.lower_ == "of" else None
        ent = _ent_of(pobj) if pobj is not None and pobj.ent_type_ == "PERSON" else None
        if ent is not None and ent.start > p.i + 1 and (lemma in PERSON_ROLES or lemma in HONORIFICS):
            actor = registry.lookup(ent_name(ent))
            if actor is not None:
                return actor, span, "name"
    if lemma in ORG_ROLES:  # "the Paris-based IEA watchdog": the organisation named in the phrase
        for c in tok.lefts:
            e = _ent_of(c) if c.dep_ == "compound" and c.ent_type_ == "ORG" else None
            actor = registry.lookup(ent_name(e)) if e is not None else None
            if actor is not None:
                return actor, span, "name"
    if lemma in DOCUMENT_NOUNS:
        # "a report by Politico", "the IMF report", "Trump's statement": whose document it is
        owners = [c for c in tok.children if c.dep_ in ("poss", "compound") and c.i < tok.i]
        # "Research conducted by the Equal Opportunities Commission": the agent of a participle on the noun
        agents = [o for c in tok.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
                  for o in a.children if o.dep_ == "pobj"]
        # "The Security Council issued a statement calling ...": whoever issued it
        issuer = next((c for c in tok.head.children if c.dep_ == "nsubj"), None) if tok.dep_ == "dobj" else None
        if issuer is not None and issuer.lemma_.lower() not in DOCUMENT_NOUNS:
            found = _resolve_subject(issuer, registry, unnamed, text)
            if found is not None:
                return found
        for t in [*(t for t in toks if t.i > tok.i), *owners, *agents]:
            if t.ent_type_ in ("ORG", "PERSON", "GPE"):
                e = _ent_of(t)
                actor = registry.lookup(ent_name(e)) if e else None
                if actor is not None:
                    return actor, span, "name"
            elif t.dep_ == "poss" and t.lower_ in ("his", "her", "its", "their"):  # "according to its website"
                actor = registry.resolve_pronoun(t)
                if actor is not None:
                    return actor, span, "pronoun"
            elif t.dep_ == "poss" and t.pos_ == "NOUN":  # "the board's ruling said": the board
                found = _resolve_subject(t, registry, unnamed, text)
                if found is not None:
                    return found
    # "the minister", "this spokesman", and a broadcaster's "our correspondent"
    definite = any((c.dep_ == "det" and c.lower_ in ("the", "this")) or (c.dep_ == "poss" and c.lower_ == "our")
                   for c in tok.children)
    # "the minister", "the company": one actor named before; "the groups", "the ministers" are several
    if definite and tok.tag_ != "NNS" and (lemma in PERSON_ROLES or lemma in ORG_ROLES):
        words = [t for t in toks if t.i <= tok.i and t.dep_ != "det"]
        phrase = text[words[0].idx: tok.idx + len(tok.text)] if words else tok.text
        actor = registry.resolve_role(lemma, role_modifiers(tok), tok.idx, phrase)
        if actor is not None:
            return actor, span, "role"
    elif tok.tag_ != "NNS" and lemma in PERSON_ROLES and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        # a lede's "..., says a top academic." introduces the person the next sentence names
        actor = registry.named_next(tok.idx, {lemma})
        if actor is not None:
            return actor, span, "role"
    name = text[toks[0].idx: toks[-1].idx + len(toks[-1].text)]
    name = " ".join(name.split()).strip("\"'<>=/")  # markup left in the text ('">Sanders')
    kind = PERSON if lemma in PERSON_ROLES else ORG if lemma in ORG_ROLES else UNKNOWN
    return unnamed.get(name, kind), span, "unnamed"


def _resolve_headline(c, registry, unnamed, text):
    s, e = c.speaker_text
    raw = text[s:e]
    for option in (raw, raw.split("-")[-1], raw.split("–")[-1], raw.split()[-1]):  # last: "Former AG Mukasey"
        option = option.strip()
        actor = registry.lookup(option) if option else None
        if actor is not None:
            return actor, (s, e), "name"
    name, title = split_honorifics(raw.split("-")[-1].strip())
    if not name or c.named_only:
        return None
    actor = unnamed.get(name, UNKNOWN)
    if title and actor.title is None:
        actor.title = title
    return actor, (s, e), "unnamed"


def _group_they(subject, last_group):
    """ "The tobacco companies deny that ... They also say ...": "they" in the sentence after a group of speakers
    named by a plural noun is that group, not the organisation named before it."""
    if subject.lower_ != "they" or last_group[0] is None:
        return None
    actor, group_subject = last_group[0]
    if not 0 <= subject.sent.start - group_subject.sent.end <= 1 and subject.sent != group_subject.sent:
        return None
    return actor, (subject.idx, subject.idx + len(subject.text)), "pronoun"


def _spokesperson_pronoun(subject, last_voice):
    """ "A ministry spokeswoman said ... She added: ...": "she" in the next two sentences is the spokeswoman, who
    speaks for the organisation."""
    if subject.lower_ not in ("he", "she") or last_voice[0] is None:
        return None
    actor, voice, role = last_voice[0]
    if voice.i > subject.i or len(list(subject.doc[voice.sent.start: subject.sent.end].sents)) > 3:
        return None
    if subject.lower_ == {"spokesman": "she", "spokeswoman": "he"}.get(role):
        return None
    return actor, (subject.idx, subject.idx + len(subject.text)), "pronoun"


def _resolve_speakers(cands, registry, doc, text):
    unnamed = _Unnamed()
    done = {}
    last_group = [None]  # (actor, subject token) of the latest speaker that is a group named by a plural noun
    last_voice = [None]  # (actor, subject token, role word) of the latest "a ministry spokeswoman" speaker

    def resolve(c):
        if id(c) in done:
            return done[id(c)]
        done[id(c)] = None
        res = None
        if c.parent is not None and c.subject is None:
            p = resolve(c.parent)
            if p is not None:
                res = (p[0], p[1], "inherited")
        elif c.speaker_text is not None:
            res = _resolve_headline(c, registry, unnamed, text)
        elif c.subject is not None:
            res = _group_they(c.subject, last_group) or _spokesperson_pronoun(c.subject, last_voice) \
                or _resolve_subject(c.subject, registry, unnamed, text)
            if res is not None and res[2] == "unnamed" and c.subject.tag_ == "NNS":
                last_group[0] = (res[0], c.subject)
            role = next((t for t in c.subject.subtree if t.lower_ in SPOKESPERSONS), None)
            if res is not None and role is not None and (res[0].kind == ORG or res[2] == "unnamed"):
                last_voice[0] = (res[0], c.subject, role.lower_)
            if res is not None and res[2] in ("pronoun", "role") and res[0].kind in (PERSON, ORG):
                registry.note_speaker(res[0], c.subject.idx, c.subject.i)
                if res[2] == "role":
                    res[0].add_alias(text[res[1][0]:res[1][1]])
        done[id(c)] = res
        return res

    for c in sorted(cands, key=lambda c: c.anchor):
        res = resolve(c)
        if res is not None:
            c.resolved, c.mention, c.mention_quality = res


# -- output ------------------------------------------------------------------------------------
def _kind(c, text, quotes):
    if c.rule in ALWAYS_DIRECT:
        return "direct"
    inside = quoted_words = 0
    for q in quotes:
        a, b = max(q.start, c.start), min(q.end, c.end)
        if b > a:
            inside += b - a
            quoted_words += word_count(text[a:b])
    length = max(1, c.end - c.start)
    if quoted_words < 4:  # scare quotes around a term do not make it a quotation
        return "indirect"
    if inside >= 0.9 * length:
        return "direct"
    return "mixed"


def _build(cands, text, doc, registry, quotes, published, foreign) -> Extraction:
    topic_index = TopicIndex(doc, registry, foreign)
    statements = []
    speakers: dict[int, Actor] = {}
    all_topics = []
    date_of: dict[int, datetime.date | None] = {}
    for c in sorted(cands, key=lambda c: c.start):
        if c.confidence < ACCEPT:
            continue
        actor: Actor = c.resolved
        speakers.setdefault(id(actor), actor)
        ms, me = c.mention if c.mention else (None, None)
        day = dates.said_on(c.cue_token, published) if c.cue_token is not None else None
        if day is None and c.parent is not None:
            day = date_of.get(id(c.parent))
        date_of[id(c)] = day
        topics = topic_index.statement_topics(c.start, c.end)
        all_topics.append(topics)
        statements.append(ExtractedStatement(
            speaker=actor.speaker(),
            speaker_mention=text[ms:me] if ms is not None else "",
            speaker_start=ms, speaker_end=me,
            cue=text[c.cue_start:c.cue_end] if c.cue_start is not None else "",
            cue_start=c.cue_start, cue_end=c.cue_end,
            kind=c.kind,
            content=text[c.start:c.end], content_start=c.start, content_end=c.end,
            confidence=round(c.confidence, 3),
            said_on=day, topics=topics, mentioned=topic_index.mentioned(c.start, c.end),
        ))
    return Extraction(
        statements=tuple(statements),
        speakers=tuple(a.speaker() for a in speakers.values()),
        topics=topic_index.article_topics(all_topics),
    )
