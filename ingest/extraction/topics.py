"""Topics (named entities and key noun phrases, normalised) and the actors a statement mentions."""
from __future__ import annotations

import bisect
import itertools
import math
from collections import Counter
from functools import lru_cache

from . import tables
from .records import PERSON
from .speakers.titles import strip_possessive
from .vocabulary import (
    BODY_SENSES, GENERIC_TOPIC_WORDS, LEADING_DETERMINERS, NOT_SUBJECT_SENSES, PERSON_HONORIFICS, PERSON_ROLES,
    SUBJECT_SENSES, WHOSE_SENSES,
)

# People are linked as mentioned actors, not as topics.
TOPIC_LABELS = frozenset({"ORG", "GPE", "NORP", "EVENT", "LAW", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"})
ENTITY_LABELS = TOPIC_LABELS | {"PERSON"}
# Words that name one place, people or body before a noun ("EU countries"; "English" is often tagged a language).
NAME_LABELS = ENTITY_LABELS | {"LANGUAGE"}
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE"})
MAX_PER_STATEMENT = 8
_NOT_IN_PHRASES = frozenset({"DET", "PRON", "NUM", "PART", "SYM", "ADV", "AUX", "INTJ"})
# A one-word phrase ("budget") is a topic only when the article keeps coming back to it; one passing
# mention ("need", "help", "home") is not what a statement is about. And only when the article uses it far more
# than news in general does (tf-idf against noun_df.json): "pension" three times is a subject, "problem" or
# "people" three times is how news is written. At most KEY_NOUNS of them per article (five let "decision",
# "company" or "access" in beside an article's real subjects).
MIN_SINGLE_WORD_MENTIONS = 3
MIN_KEY_NOUN_SCORE = 6.0  # mentions x idf: three mentions of a noun found in 1 article in 7 (idf 2)
KEY_NOUNS = 3
# A noun WordNet files first as an attribute ("stability", "strength") names how something is; alone it is a topic
# only when the article's lead names it too (the headline and first sentence, or an article's first two sentences)
# or the article names a kind of it with a noun ("trade deficit"): "corruption" heads a story about corruption;
# "stability" three times in the quotes of a budget story is said of the economy.
LEAD_SENTENCES = 2


@lru_cache(maxsize=1)
def noun_idf() -> tuple[dict[str, float], float] | None:
    """(idf by noun lemma, idf of a noun too rare to be listed) from noun_df.json, or None without it."""
    try:
        data = tables.table("noun_df")
        n, df = data["documents"], data["df"]
    except (TypeError, KeyError):
        return None
    return {word: math.log(n / count) for word, count in df.items()}, math.log(n)


noun_senses = tables.noun_senses


def names_no_subject(noun: str) -> bool:
    """Whether a common noun names first a kind of person, place, time, feeling or amount (NOT_SUBJECT_SENSES)."""
    return noun_senses().get(noun.lower()) in NOT_SUBJECT_SENSES


def names_an_issue(noun: str) -> bool:
    """Whether a common noun may be a topic alone: WordNet files its first sense under SUBJECT_SENSES, or does not
    know it."""
    sense = noun_senses().get(noun.lower())
    return sense is None or sense in SUBJECT_SENSES


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
    lead = 1 if _opens_a_clause(ent) else 0
    name = strip_possessive(" ".join(ent[lead:].text.split()))
    first, _, rest = name.partition(" ")
    if rest and first.lower() in LEADING_DETERMINERS:
        name = rest  # "a Conservative Party", "the Tories"
    name = name.strip(" ,.;:-–—\"“”'‘’()")
    if not name or not any(c.isalpha() for c in name):
        return None
    if ent.label_ == "NORP" and ent[-1].tag_ == "NNPS":
        name = singular_name(name)  # "Muslims" and "Muslim", "Tories" and "Tory": one topic
    if ent.end < len(ent.doc) and ent.doc[ent.end].text in ("-", "–") and _in_hyphenated(ent[-1]):
        return None  # "UK e" of "UK e-Universities": a name cut inside a word
    if ent.label_ == "EVENT" and noun_senses().get(ent[-1].lower_) == "time":
        return None  # "the New Year", "Christmas": a date, not a subject
    if len(ent) == 1 and names_no_subject(ent.text) and ent.end < len(ent.doc) \
            and ent.doc[ent.end].lower_ in PERSON_ROLES:
        return None  # "Home" of "Home Secretary": a word of a title
    if ent.label_ in ACTOR_LABELS:
        actor = registry.lookup(name)
        if actor is not None:
            return actor.name
    return name


def singular_name(name: str) -> str:
    """A group's name in the singular: "Muslims" -> "Muslim", "Tories" -> "Tory" ("Swiss" stays)."""
    if name.endswith("ies") and len(name) > 4:
        return name[:-3] + "y"
    return name[:-1] if name.endswith("s") and not name.endswith("ss") else name


def _phrase(chunk) -> tuple[str, bool] | None:
    """(key phrase, whether a descriptive adjective is part of it) for a noun chunk, or None.

    The phrase is the chunk's content words in lower case, the head noun lemmatised ("interest rates" ->
    "interest rate", "hostilities agreement" stays), names and words of a named entity as written, and words
    written with a hyphen kept together ("intra-Syrian dialogue")."""
    toks = [t for t in _with_hyphenated(chunk) if _in_hyphenated(t) or _ordinal_of_modifier(t) or not (
        (t.is_stop and t.ent_type_ not in TOPIC_LABELS) or t.is_punct or t.like_num or t.pos_ in _NOT_IN_PHRASES
        or _is_amount(t))]  # "US" of "a US court" is no "us"
    # a participle ("proposed change", "chosen country") is dropped, and describes like an adjective
    described = any(t.pos_ == "VERB" for t in toks)
    toks = [t for t in toks if t.pos_ != "VERB"]
    if not toks or toks[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    kept = {t.i for t in toks}
    if any(t.like_num for t in chunk if toks[0].i < t.i < toks[-1].i and t.i not in kept):
        return None  # "Fortune 500 companies": a figure inside a phrase is part of a name, which is broken without it
    if any(t.ent_type_ == "PERSON" or (t.text[:1].isupper() and t.lower_.rstrip(".") in PERSON_HONORIFICS) for t in toks):
        return None  # a person ("Mr Blair"): a mentioned actor, not a topic
    if toks[-1].lemma_.lower() in PERSON_ROLES:
        return None  # a title ("prime minister", "home secretary") describes a speaker, not a subject
    if any(t.ent_type_ in TOPIC_LABELS for t in toks) and all(t.ent_type_ for t in toks):
        return None  # a bare entity: counted as an entity
    if len(toks) > 4:
        toks = toks[-4:]
    head = toks[-1]
    words = [t.text if t.pos_ == "PROPN" or (t.ent_type_ and not t.like_num) else _head_word(t) if t is head
             else t.lower_ for t in toks]
    if len(words) == 1 and (words[0].lower() in GENERIC_TOPIC_WORDS or len(words[0]) < 4 or not names_an_issue(words[0])):
        return None  # "problem", "customer", "centre", "pound", "laptop"
    if (words[-1] in GENERIC_TOPIC_WORDS or not names_an_issue(words[-1])) and all(map(_says_whose, toks[:-1])):
        return None  # "young people", "local residents", "best interest", "government plans": who or how, not what
    if len(toks) > 1 and _names_a_kind_of_body(chunk, toks):
        return None  # "EU countries", "Turkey is a Muslim country": a kind of body, not one
    if _restates_a_body(toks, words):
        return None  # "political parties": parties, whichever they are
    phrase = words[0]
    for prev, tok, word in zip(toks, toks[1:], words[1:]):
        phrase += _joint(prev, tok) + word
    return phrase, described or any(t.pos_ == "ADJ" and not t.ent_type_ for t in toks)


def _lead_words(doc) -> frozenset[str]:
    """The words of an article's first LEAD_SENTENCES sentences in lower case, as written and lemmatised."""
    words = set()
    for sent in itertools.islice(doc.sents, LEAD_SENTENCES):
        words.update(w for t in sent for w in (t.lower_, t.lemma_.lower()))
    return frozenset(words)


def _in_passing(chunk) -> bool:
    """Whether a chunk is a noun alone after "without", whatever it hangs on: it says how something was done
    ("detained without trial", "detention without trial", "without consent"), not what a statement is about; "a
    trial without a jury" is a trial, and "without a fair trial" names one."""
    if len(chunk) != 1:
        return False
    noun = chunk[0]
    return noun.tag_ == "NN" and noun.dep_ == "pobj" and noun.head.lower_ == "without" and not any(noun.children)


def _opens_a_clause(ent) -> bool:
    """Whether a name's first word is the verb of the sentence it opens ("Comparing the Welsh Assembly Government
    to ..."); a title in capitals ("Make Your Kid a Millionaire") keeps its verb."""
    return len(ent) > 1 and ent[0].is_sent_start and ent[0].pos_ == "VERB" and ent[1].text[:1].islower()


def _says_whose(tok) -> bool:
    """Whether a word before a head says who or how: an adjective, or a common noun for a group ("government" of
    "government plans"); a name ("Labour manifesto") says which, even tagged an adjective, unless it names a people
    ("Scottish students")."""
    if tok.ent_type_ in ENTITY_LABELS and tok.ent_type_ != "NORP":
        return False
    if tok.pos_ == "ADJ":
        return True
    return tok.pos_ == "NOUN" and not tok.ent_type_ and noun_senses().get(tok.lemma_.lower()) in WHOSE_SENSES


def _names_a_kind_of_body(chunk, toks) -> bool:
    """Whether a phrase names a kind of body or place rather than one: a head for who or where (BODY_SENSES) with
    only names before it, in the plural or said of something ("EU countries", "Turkey is a Muslim country"); "the
    Labour government", "a Labour government would ..." and "small businesses" are not."""
    head = toks[-1]
    if noun_senses().get(head.lemma_.lower()) not in BODY_SENSES:
        return False
    if not all(t.ent_type_ in NAME_LABELS for t in toks[:-1]):
        return False
    predicate = head.dep_ == "attr" and any(t.lower_ in ("a", "an") for t in chunk if t.i < head.i)
    return head.tag_ in ("NNS", "NNPS") or predicate


def _restates_a_body(toks, words: list[str]) -> bool:
    """Whether an adjective and a head for who or where (BODY_SENSES) are only WordNet's other name for the head's
    first sense ("political party" is a party): no name says which body, and the adjective says no more than the
    head does. "small business" and "local council" are not such names; "foreign policy" has no body for a head."""
    return len(toks) == 2 and toks[0].pos_ == "ADJ" and toks[1].pos_ == "NOUN" \
        and " ".join(words).lower() in tables.same_as_head() \
        and noun_senses().get(words[-1].lower()) in BODY_SENSES


def _ordinal_of_modifier(tok) -> bool:
    """An ordinal word before a noun that itself describes the head ("first" of "first time buyers"): without it the
    phrase says something else ("time buyer")."""
    return tok.is_alpha and tok.like_num and tok.head.dep_ == "compound" and tok.head.i > tok.i


def _name_ending(name: str, words: list[str]) -> str | None:
    """The capitalised words of `name` that end with `words` (case aside), when there are more of them:
    ("Comparing the Welsh Assembly Government", [assembly, government]) -> "Welsh Assembly Government"."""
    parts = name.split()
    if [p.casefold() for p in parts[-len(words):]] != words:
        return None
    start = len(parts) - len(words)
    while start > 0 and parts[start - 1][:1].isupper():
        start -= 1
    return " ".join(parts[start:]) if start < len(parts) - len(words) else None


def _refers_back(chunk) -> bool:
    """Whether a chunk is "the" or "this" and a noun ("the court"): a body or thing named before; "emerging
    economies" is not the "advanced economies" named before it, nor "out of coal" the "metallurgical coal"."""
    return len(chunk) == 2 and chunk[0].lower_ in ("the", "this", "that", "these", "those")


def _of_complement(chunk) -> str | None:
    """The plain noun after "of" that completes a chunk ("hostilities" of "the cessation of hostilities"), as
    written; None where an article, a figure or a name follows."""
    doc = chunk.doc
    if chunk.end + 1 >= len(doc) or doc[chunk.end].lower_ != "of":
        return None
    noun = doc[chunk.end + 1]
    return noun.lower_ if noun.pos_ == "NOUN" and noun.is_alpha and not noun.ent_type_ else None


def _is_amount(tok) -> bool:
    """A figure or a unit ("3bn", "pound", "millions", "hundreds"): amounts are not subjects."""
    return any(c.isdigit() for c in tok.text) or noun_senses().get(tok.lemma_.lower()) == "quantity"


def _head_word(tok) -> str:
    """A phrase's head noun in the singular ("rates" -> "rate"); as written where the lemmatiser would break it:
    a name written in capitals mid-sentence ("Tories", not "Torie") and a noun that is a noun as written
    ("politics", not "politic")."""
    lemma, word = tok.lemma_.lower(), tok.lower_
    if lemma == word:
        return lemma
    if tok.text[:1].isupper() and not tok.is_sent_start:
        return singular_name(tok.text)
    senses = noun_senses()
    return word if senses and word in senses and lemma not in senses else lemma


def _with_hyphenated(chunk) -> list:
    """The chunk's tokens, with the parts of a hyphenated word the chunk cuts ("e-" of "e-mails") put back, from
    the last separating mark on ("other forums - Russian courts": "Russian courts")."""
    doc, start, end = chunk.doc, chunk.start, chunk.end
    while start >= 2 and _in_hyphenated(doc[start]) and doc[start - 1].text in ("-", "–") and not doc[start - 2].whitespace_:
        start -= 2
    while end + 1 < len(doc) and _in_hyphenated(doc[end - 1]) and doc[end].text in ("-", "–") and not doc[end - 1].whitespace_:
        end += 2  # "UK e" of "UK e-Universities"
    for tok in doc[start:end - 1]:
        if _separates(tok):
            start = tok.i + 1
    return list(doc[start:end])


def _separates(tok) -> bool:
    """A comma, colon, semicolon or dash standing between words (a hyphen joining two is no separator)."""
    if tok.text in (",", ";", ":"):
        return True
    spaced = tok.whitespace_ or (tok.i > 0 and tok.doc[tok.i - 1].whitespace_)
    return tok.text in ("-", "–", "—") and bool(spaced)


def _in_hyphenated(tok) -> bool:
    """Whether a word is part of a hyphenated word ("e-mail", "first-time"): kept whole in a phrase."""
    doc, i = tok.doc, tok.i
    if not tok.is_alpha:
        return False
    joined_right = i + 2 < len(doc) and not tok.whitespace_ and doc[i + 1].text in ("-", "–") and not doc[i + 1].whitespace_
    joined_left = i >= 2 and doc[i - 1].text in ("-", "–") and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
    return joined_right or joined_left


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
        # attributes the article is about: named in its lead, or a kind of them named ("trade deficit")
        self.subject_attributes = _lead_words(doc) | {
            t.lemma_.lower() for t in doc if t.pos_ == "NOUN" and any(c.dep_ == "compound" for c in t.children)}
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
            self._chunks = self._list_chunks()
            self._chunk_starts = [c[0] for c in self._chunks]
        i = bisect.bisect_left(self._chunk_starts, start)
        out = []
        while i < len(self._chunks) and self._chunks[i][0] < end:
            if self._chunks[i][1] <= end:
                out.append(self._chunks[i][2])
            i += 1
        return out

    def _list_chunks(self) -> list[tuple[int, int, str]]:
        """(start, end, key phrase) of every noun chunk of the Doc that has one."""
        # each with (the plain noun after "of", whether it refers back) for the rules of `resolved`
        chunks = [(c.start_char, c.end_char, *found, (_of_complement(c), _refers_back(c)))
                  for c in self.doc.noun_chunks if not _in_passing(c) and (found := _phrase(c))]
        repeated = Counter(phrase for _, _, phrase, _, _ in chunks)
        # "key issue", "firm commitment", "huge number": an adjective makes most phrases a manner of speaking,
        # so such a phrase is a topic only when the article uses it again ("civil service", "human rights").
        kept = [(a, b, phrase, how) for a, b, phrase, adjective, how in chunks if not adjective or repeated[phrase] > 1]
        longer: dict[str, set[str]] = {}
        complements: dict[str, set[str | None]] = {}
        for _, _, phrase, (of, _) in kept:
            if " " in phrase:
                longer.setdefault(phrase.rsplit(" ", 1)[-1], set()).add(phrase)
            complements.setdefault(phrase, set()).add(of)

        last: dict[str, str] = {}  # head noun -> the last longer phrase so far with that head

        def resolved(phrase: str, refers_back: bool) -> str:
            # "the" and a noun stand for the longer phrase it heads that the article last named ("the US government
            # ... the government"), unless the noun is what the article is about ("economy" beside "US economy" and
            # "Japanese economy"); a bare noun for the one it names at all ("shortage": "skills shortage"); a key
            # noun the article always follows with "of" and the same noun, for that ("cessation of hostilities")
            if " " in phrase:
                last[phrase.rsplit(" ", 1)[-1]] = phrase
                return phrase
            if refers_back and phrase in last and phrase not in self.key_nouns:
                return last[phrase]
            if len(longer.get(phrase, ())) == 1:
                return next(iter(longer[phrase]))
            of = complements[phrase]
            if phrase in self.key_nouns and len(of) == 1 and None not in of:
                return f"{phrase} of {next(iter(of))}"
            return phrase

        phrases = [resolved(phrase, refers_back) for _, _, phrase, (_, refers_back) in kept]
        named = self._named_by_entity(set(phrases))
        return [(a, b, named.get(p, p)) for (a, b, _, _), p in zip(kept, phrases)]

    def _named_by_entity(self, phrases) -> dict[str, str]:
        """{phrase: the name it ends} for phrases of two words or more that end one name of the article, written in
        lower case ("assembly government" of "the Welsh Assembly Government"): the name is the topic."""
        names = {name for _, _, name, what in self.entities if what != "person"}
        out = {}
        for phrase in phrases:
            words = phrase.casefold().split()
            if len(words) < 2:
                continue
            found = {full for name in names if (full := _name_ending(name, words))}
            if len(found) == 1:
                out[phrase] = found.pop()
        return out

    def statement_topics(self, start: int, end: int) -> tuple[str, ...]:
        found = Counter()
        for _, _, topic, what in self._within(start, end):
            if what != "person":
                found[topic] += 2.0 * self.counts[topic]
        for p in self._phrases(start, end):
            if " " not in p and not self._about(p.lower().rsplit("-", 1)[-1]):  # "e-mail": "mail" counted
                continue
            self.phrases[p] += 1
            found[p] += 1.0
        return tuple(t for t, _ in found.most_common(MAX_PER_STATEMENT))

    def _about(self, noun: str) -> bool:
        """Whether a single noun is what the article is about: a key noun, and one the article names as a subject if it
        names an attribute (LEAD_SENTENCES)."""
        return noun in self.key_nouns and (noun_senses().get(noun) != "attribute" or noun in self.subject_attributes)

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
