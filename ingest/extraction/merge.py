"""The merge stage: candidates trimmed, one statement found twice kept once (by rules.PRIORITY), nested attributions
dropped, quotations with no attribution of their own joined to the statement before them.

Public entry: merge(candidates, text) -> list[Candidate]; it works on copies and leaves the candidates stage's
objects as they were."""
from __future__ import annotations

from dataclasses import replace

from .candidates.record import Candidate
from .quotes import word_count
from .rules import KEEPS_THAT, QUOTATIONS, R, rule
from .spans import trim
from .vocabulary import DET, NSUBJ, NSUBJPASS, QUOTE_CHARS


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
    return first is not None and first[0].dep_ in (NSUBJ, NSUBJPASS, DET)


def _own_copies(cands: list[Candidate]) -> list[Candidate]:
    """Copies of the candidates, their parent links pointing to the copies: merging changes only its own objects."""
    copies = [replace(c) for c in cands]
    by_id = {id(c): copy for c, copy in zip(cands, copies)}
    for copy in copies:
        if copy.parent is not None:
            copy.parent = by_id.get(id(copy.parent), copy.parent)
    return copies


def merge(cands: list[Candidate], text: str) -> list[Candidate]:
    """The candidates that stand for statements, trimmed, each statement once, ordered by where they start."""
    cands = _own_copies(cands)
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
