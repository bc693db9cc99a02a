"""Topics (named entities and key noun phrases, normalised) and the actors a statement mentions."""
from __future__ import annotations

import bisect
import math
from collections import Counter
from functools import lru_cache

from . import tables
from .records import PERSON
from .speakers.titles import strip_possessive
from .vocabulary import GENERIC_TOPIC_WORDS, PERSON_HONORIFICS, PERSON_ROLES

# People are linked as mentioned actors, not as topics.
TOPIC_LABELS = frozenset({"ORG", "GPE", "NORP", "EVENT", "LAW", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})
ENTITY_LABELS = TOPIC_LABELS | {"PERSON"}
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE"})
MAX_PER_STATEMENT = 8
_NOT_IN_PHRASES = frozenset({"DET", "PRON", "NUM", "PART", "SYM", "ADV", "AUX", "INTJ"})
# A one-word phrase ("budget") is a topic only when the article keeps coming back to it; one passing
# mention ("need", "help", "home") is not what a statement is about. And only when the article uses it far more
# than news in general does (tf-idf against noun_df.json): "pension" three times is a subject, "problem" or
# "people" three times is how news is written. At most KEY_NOUNS of them per article.
MIN_SINGLE_WORD_MENTIONS = 3
MIN_KEY_NOUN_SCORE = 6.0  # mentions x idf: three mentions of a noun found in 1 article in 7 (idf 2)
KEY_NOUNS = 5


@lru_cache(maxsize=1)
def noun_idf() -> tuple[dict[str, float], float] | None:
    """(idf by noun lemma, idf of a noun too rare to be listed) from noun_df.json, or None without it."""
    try:
        data = tables.table("noun_df")
        n, df = data["documents"], data["df"]
    except (TypeError, KeyError):
        return None
    return {word: math.log(n / count) for word, count in df.items()}, math.log(n)


def key_nouns(noun_counts: Counter) -> frozenset[str]:
    """The nouns one article is about: repeated, and standing out against news in general (see above)."""
    repeated = {w: n for w, n in noun_counts.items() if n >= MIN_SINGLE_WORD_MENTIONS}
    table = noun_idf()
    if table is None:
        return frozenset(repeated)
    idf, rare = table
    scored = sorted(((n * idf.get(w, rare), w) for w, n in repeated.items()), reverse=True)
    return frozenset(w for score, w in scored[:KEY_NOUNS] if score >= MIN_KEY_NOUN_SCORE)


def is_person_entity(ent) -> bool:
    return ent.label_ == "PERSON" or ent[0].lower_.rstrip(".") in PERSON_HONORIFICS


def _is_person(actor) -> bool:
    return actor is not None and actor.kind == PERSON


def normalise_entity(ent, registry) -> str | None:
    name = strip_possessive(" ".join(ent.text.split()))
    if name.lower().startswith("the "):
        name = name[4:]
    name = name.strip(" ,.;:-–—\"“”'‘’()")
    if not name or not any(c.isalpha() for c in name):
        return None
    if ent.label_ == "NORP" and ent[-1].tag_ == "NNPS" and name.endswith("s") and not name.endswith("ss"):
        name = name[:-1]  # "Muslims" and "Muslim", "Democrats" and "Democrat": one topic
    if ent.label_ in ACTOR_LABELS:
        actor = registry.lookup(name)
        if actor is not None:
            return actor.name
    return name


def _phrase(chunk) -> tuple[str, bool] | None:
    """(key phrase, whether a descriptive adjective is part of it) for a noun chunk, or None.

    The phrase is the chunk's content words in lower case, the head noun lemmatised ("interest rates" ->
    "interest rate", "hostilities agreement" stays), names and words of a named entity as written, and words
    written with a hyphen kept together ("intra-Syrian dialogue")."""
    toks = [t for t in chunk if not (t.is_stop or t.is_punct or t.like_num or t.pos_ in _NOT_IN_PHRASES)]
    # a participle ("proposed change", "chosen country") is dropped, and describes like an adjective
    described = any(t.pos_ == "VERB" for t in toks)
    toks = [t for t in toks if t.pos_ != "VERB"]
    if not toks or toks[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    if any(t.ent_type_ == "PERSON" or (t.text[:1].isupper() and t.lower_.rstrip(".") in PERSON_HONORIFICS) for t in toks):
        return None  # a person ("Mr Blair"): a mentioned actor, not a topic
    if toks[-1].lemma_.lower() in PERSON_ROLES:
        return None  # a title ("prime minister", "home secretary") describes a speaker, not a subject
    if any(t.ent_type_ in TOPIC_LABELS for t in toks) and all(t.ent_type_ for t in toks):
        return None  # a bare entity: counted as an entity
    if len(toks) > 4:
        toks = toks[-4:]
    head = toks[-1]
    words = [t.text if t.pos_ == "PROPN" or t.ent_type_ else t.lemma_.lower() if t is head else t.lower_ for t in toks]
    if len(words) == 1 and (words[0].lower() in GENERIC_TOPIC_WORDS or len(words[0]) < 4):
        return None
    phrase = words[0]
    for prev, tok, word in zip(toks, toks[1:], words[1:]):
        phrase += _joint(prev, tok) + word
    return phrase, described or any(t.pos_ == "ADJ" and not t.ent_type_ for t in toks)


def _joint(prev, tok) -> str:
    """What stands between two words of a phrase: "-" where the text hyphenates them, else a space."""
    doc = prev.doc
    if tok.i == prev.i + 2 and not prev.whitespace_ and doc[prev.i + 1].text in ("-", "–") and not doc[prev.i + 1].whitespace_:
        return "-"
    return " "


class TopicIndex:
    """Entity occurrences of one article (counted over the whole text) and key phrases of the
    statements (noun chunks inside the statement spans)."""

    def __init__(self, doc, registry, is_foreign):
        self.doc = doc
        self.entities: list[tuple[int, int, str, str]] = []  # start, end, topic, "actor"/"ent"
        self.counts: Counter = Counter()
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS or is_foreign(ent.start_char):
                continue
            name = normalise_entity(ent, registry)
            if name:
                # "Clarke" labelled an organisation is still the person Charles Clarke
                person = is_person_entity(ent) or (ent.label_ in ACTOR_LABELS and _is_person(registry.lookup(name)))
                what = "person" if person else "actor" if ent.label_ in ACTOR_LABELS else "ent"
                self.entities.append((ent.start_char, ent.end_char, name, what))
                if what != "person":
                    self.counts[name] += 1
        self.phrases: Counter = Counter()
        self.key_nouns = key_nouns(Counter(t.lemma_.lower() for t in doc if t.pos_ == "NOUN"))
        self.entities.sort()
        self._starts = [e[0] for e in self.entities]
        self._chunks: list[tuple[int, int, str]] | None = None  # noun chunks, listed on first use
        self._chunk_starts: list[int] = []

    def _within(self, start: int, end: int):
        """Entity occurrences inside [start, end), by binary search on their starts."""
        i = bisect.bisect_left(self._starts, start)
        while i < len(self.entities) and self.entities[i][0] < end:
            if self.entities[i][1] <= end:
                yield self.entities[i]
            i += 1

    def _phrases(self, start: int, end: int) -> list[str]:
        """Key phrases of the noun chunks inside [start, end); the chunks of the Doc are listed once
        (Span.noun_chunks walks the whole Doc on every call)."""
        if self._chunks is None:
            chunks = [(c.start_char, c.end_char, *found) for c in self.doc.noun_chunks if (found := _phrase(c))]
            repeated = Counter(phrase for _, _, phrase, _ in chunks)
            # "key issue", "firm commitment", "huge number": an adjective makes most phrases a manner of speaking,
            # so such a phrase is a topic only when the article uses it again ("civil service", "human rights").
            self._chunks = [(a, b, phrase) for a, b, phrase, adjective in chunks if not adjective or repeated[phrase] > 1]
            self._chunk_starts = [c[0] for c in self._chunks]
        i = bisect.bisect_left(self._chunk_starts, start)
        out = []
        while i < len(self._chunks) and self._chunks[i][0] < end:
            if self._chunks[i][1] <= end:
                out.append(self._chunks[i][2])
            i += 1
        return out

    def statement_topics(self, start: int, end: int) -> tuple[str, ...]:
        found = Counter()
        for _, _, topic, what in self._within(start, end):
            if what != "person":
                found[topic] += 2.0 * self.counts[topic]
        for p in self._phrases(start, end):
            if " " not in p and p.lower() not in self.key_nouns:
                continue
            self.phrases[p] += 1
            found[p] += 1.0
        return tuple(t for t, _ in found.most_common(MAX_PER_STATEMENT))

    def mentioned(self, start: int, end: int) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for _, _, t, what in self._within(start, end) if what in ("actor", "person")))

    def article_topics(self, statement_topics, limit: int = 12) -> tuple[str, ...]:
        """Topics the statements share most, then the article's most frequent entities."""
        score = Counter()
        for topics in statement_topics:
            for t in topics:
                score[t] += 1
        for t, n in self.counts.items():
            if n >= 2:
                score[t] += 0.5 * n
        for t, n in self.phrases.items():
            if n >= 2:
                score[t] += 0.5 * n
        return tuple(t for t, _ in score.most_common(limit))
