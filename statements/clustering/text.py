"""What two statements' words are compared by: pure Python, no Django, no database.

A statement's content is normalised (case, quotation marks, punctuation, whitespace), then reduced to the stems of
its content words, so that a reported paraphrase ("he said they would cut taxes") and the quotation it reports
("We will cut taxes") share most stems. Candidates are found through fingerprints (winnowed hashes of three
consecutive stems, salted with the speaker, so that only one speaker's statements can collide; dense enough that
any two statements sharing a run of four content stems share one); a candidate is then confirmed or refused by
`match`.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from rapidfuzz import fuzz

SHINGLE = 3  # consecutive content stems per fingerprinted shingle
# Winnowing window: any run of SHINGLE + WINDOW - 1 shared stems shares a fingerprint. Four stems (window 2): a
# wider window missed short statements' copies (docs/clusters.md), at 1.8 times the fingerprint rows of window 4
# on PolNeAR + BBC (38,512 -> 68,266).
WINDOW = 2

# A quotation trimmed or extended: the shorter's words (at least MIN_CONTAINED of them) inside the longer.
MIN_CONTAINED = 6
CONTAINED_RATIO = 90.0
# A paraphrase: most content stems of the shorter in the longer, and enough of them to be distinctive.
MIN_SHARED_STEMS = 5
# ... or fewer (a short remark has only four or five content stems) when they include a run of this many
# consecutive stems in both: a verbatim phrase, not the same words scattered.
MIN_RUN_STEMS = 4
SHARED_STEMS_RATIO = 0.8
MIN_OVERLAP_OF_LONGER = 0.5

# Function words: what a reported paraphrase changes (persons, tense, auxiliaries) or what says nothing alone.
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each either few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just may me might more most must my myself no
nor not now of off on once only or other ought our ours ourselves out over own said same say says shall she should
so some such than that the their theirs them themselves then there these they this those through to too under
until up upon very was we were what when where which while who whom why will with would yet you your yours
yourself yourselves dont didnt doesnt isnt arent wasnt werent wont wouldnt couldnt shouldnt hasnt havent hadnt cant
im ive id youre theyre were weve thats theres its lets
""".split())

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00ab": '"', "\u00bb": '"'})
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("english")


def words(text: str) -> list[str]:
    """The text's words, lower-cased, accents kept, quotation marks and punctuation gone."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return [w[:-2] if w.endswith("'s") else w.replace("'", "") for w in _WORD.findall(text)]


def normalized(text: str) -> str:
    """One space between words: the form exact and contained matches are judged on."""
    return " ".join(words(text))


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


def stems(text: str) -> list[str]:
    """The stems of the content words, in order."""
    return [_stem(w) for w in words(text) if w not in STOP_WORDS]


def _hash64(value: str) -> int:
    """A signed 64-bit hash (PostgreSQL bigint), the same on every machine and in every process."""
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def fingerprints(text: str, *, speaker_key: str) -> set[int]:
    """Winnowed hashes of consecutive stems, salted with the speaker (Schleimer, Wilkerson & Aiken's winnowing):
    any two texts sharing a run of SHINGLE + WINDOW - 1 content stems share at least one fingerprint.

    A text shorter than a shingle gets one fingerprint of all its stems; a text with no content word, none.
    """
    found = stems(text)
    if not found or not speaker_key:
        return set()
    if len(found) < SHINGLE:
        return {_hash64(speaker_key + "|" + " ".join(found))}
    hashes = [_hash64(speaker_key + "|" + " ".join(found[i:i + SHINGLE])) for i in range(len(found) - SHINGLE + 1)]
    if len(hashes) <= WINDOW:
        return {min(hashes)}
    return {min(hashes[i:i + WINDOW]) for i in range(len(hashes) - WINDOW + 1)}


def _runs(found: list[str], n: int = MIN_RUN_STEMS) -> set[tuple[str, ...]]:
    return {tuple(found[i:i + n]) for i in range(len(found) - n + 1)}


@dataclass(frozen=True)
class Match:
    """Why two statements are one utterance, and how sure: `how` is identical / contained / paraphrase."""

    how: str
    score: float


def match(a: str, b: str) -> Match | None:
    """Are these two contents (of one speaker) the same utterance? None when not.

    - identical: the same words once case, quotation marks and punctuation are set aside;
    - contained: the shorter (at least MIN_CONTAINED words) found almost word for word inside the longer, as a
      trimmed quotation or a mixed quote inside its full version;
    - paraphrase: most content stems of the shorter (at least MIN_SHARED_STEMS of them, or MIN_RUN_STEMS when
      those hold a run of consecutive stems found in both) are the longer's too, and they are at least half of the
      longer's, so that a short remark is not matched with a long speech that merely contains its words.
    """
    na, nb = normalized(a), normalized(b)
    if not na or not nb:
        return None
    if na == nb:
        return Match("identical", 100.0)
    short, long_ = (na, nb) if len(na) <= len(nb) else (nb, na)
    if len(short.split()) >= MIN_CONTAINED:
        contained = fuzz.partial_ratio(short, long_, score_cutoff=CONTAINED_RATIO)
        if contained:
            return Match("contained", contained)
    la, lb = stems(a), stems(b)
    sa, sb = set(la), set(lb)
    smaller, larger = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    shared = len(sa & sb)
    if shared < MIN_SHARED_STEMS and not (shared >= MIN_RUN_STEMS and _runs(la) & _runs(lb)):
        return None
    of_smaller, of_larger = shared / len(smaller), shared / len(larger)
    if of_smaller >= SHARED_STEMS_RATIO and of_larger >= MIN_OVERLAP_OF_LONGER:
        return Match("paraphrase", round(100.0 * of_smaller, 1))
    return None
