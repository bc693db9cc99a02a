"""The merge stage: candidates trimmed, one statement found twice kept once (by rules.PRIORITY), nested attributions
dropped, quotations with no attribution of their own joined to the statement before them.

Public entry: merge(candidates, text) -> list[Candidate], new candidates (candidates are frozen)."""
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


def merge(cands: list[Candidate], text: str) -> list[Candidate]:
    """The candidates that stand for statements, trimmed, each statement once, ordered by where they start.

    Candidates are frozen: a changed one is a new one (`replace`). While merging, each is known by its place in
    `cands` (its key) and the current version of it is `cur[key]`; which statement a follow-up takes its speaker from
    is kept beside them as `links` (key -> key, or a candidate the candidates stage dropped), and set on the
    candidates returned (`_linked`)."""
    key_of = {id(c): k for k, c in enumerate(cands)}
    links: dict[int, int | Candidate] = {k: key_of.get(id(c.parent), c.parent) for k, c in enumerate(cands)
                                          if c.parent is not None}
    cur = [replace(c, parent=None, **_trimmed(c, text)) for c in cands]
    # one word is too little to be a statement, unless it stands for one ("said so", "said yes")
    keys = [k for k, c in enumerate(cur) if word_count(text[c.start:c.end]) >= 2 or c.rule == R.PRO_FORM]
    keys.sort(key=lambda k: (rule(cur[k].rule).priority, -(cur[k].end - cur[k].start)))
    accepted = _SpanIndex(cur)
    replaced: dict[int, int] = {}  # a dropped duplicate -> the candidate kept for it
    for k in keys:
        c = cur[k]
        found = next((a for a in accepted.overlapping(c.start, c.end) if _same_statement(cur[a], c)), None)
        if found is None:
            accepted.add(k)
            continue
        clash = cur[found]
        # a reported clause that quotes only part of what it says beats the quote (mixed speech)
        if clash.rule in QUOTATIONS and c.rule not in QUOTATIONS and c.rule != R.HEADLINE \
                and c.start <= clash.start and c.end >= clash.end and ((c.end - c.start) > 1.3 * (clash.end - clash.start)
                                                                       or word_count(text[c.start:clash.start]) >= 2):
            accepted.replace(found, k)
            replaced[found] = k
            continue
        if _reports(c, clash):
            # "It does not answer whether X had a gun, as police have said": the outer attribution, not the one
            # nested in what it reports
            accepted.replace(found, k)
            replaced[found] = k
            continue
        if clash.rule == R.FOLLOW and c.cue_start is not None:
            # the quote had no attribution of its own, but a rule found one around it
            cur[found] = replace(clash, rule=R.QUOTE, cue_start=c.cue_start, cue_end=c.cue_end, cue_token=c.cue_token,
                                 subject=c.subject)
            _set(links, found, links.get(k))
        replaced[k] = found
    for k in accepted:  # follow-ups whose parent was found twice point to the copy that was kept
        while links.get(k) in replaced:
            links[k] = replaced[links[k]]
    # nested attributions: only the outer one counts
    outer = []
    for k in accepted:
        c = cur[k]
        if c.cue_start is not None and any(
                a != k and cur[a].start <= c.cue_start < cur[a].end and cur[a].start <= c.start
                and c.end <= cur[a].end + 2 and links.get(a) != k for a in accepted.overlapping(c.cue_start, c.cue_start + 1)):
            continue
        outer.append(k)
    outer.sort(key=lambda k: cur[k].start)
    # follow-up quotes take the speaker of the statement just before them
    result = []
    latest = None  # the kept statement that ends last so far
    for k in outer:
        if cur[k].rule == R.FOLLOW:
            parent = _follow_parent(cur[k], cur[latest] if latest is not None else None, text)
            if parent is None:
                continue
            links[k] = latest
        result.append(k)
        if latest is None or cur[k].end > cur[latest].end:
            latest = k
    kept = set(result)
    for k in result:  # children whose parent was dropped take the nearest kept ancestor, or its speaker
        while links.get(k) is not None and links[k] not in kept and cur[k].subject is None:
            up = links[k]
            up_subject, up_link = (cur[up].subject, links.get(up)) if isinstance(up, int) else (up.subject, up.parent)
            if up_subject is not None:  # "criticized Smith, saying ...": "Smith" is too short to keep
                cur[k] = replace(cur[k], subject=up_subject)
                del links[k]
                break
            _set(links, k, up_link)
    result = [k for k in result if links.get(k) is None or links[k] in kept or cur[k].subject is not None]
    return _linked(result, cur, links)


def _trimmed(c: Candidate, text: str) -> dict:
    start, end = trim(text, c.start, c.end, drop_complementiser=c.rule not in KEEPS_THAT and not _pronoun_that(c, text))
    return {"start": start, "end": end}


def _set(links: dict, k: int, link) -> None:
    if link is None:
        links.pop(k, None)
    else:
        links[k] = link


def _linked(result: list[int], cur: list[Candidate], links: dict) -> list[Candidate]:
    """The kept candidates with their parents set: a kept parent as returned, one merging dropped as it was left (only
    a follow-up with a subject of its own keeps such a parent, and takes nothing from it), one the candidates stage
    dropped as it was. A chain of parents that comes back to where it started (merging can make one in principle,
    no corpus text does) is cut where it closes: that link points to a copy with no speaker to give."""
    kept = set(result)
    done: dict[int, Candidate] = {}
    building: set[int] = set()

    def final(k: int) -> Candidate:
        if k in done:
            return done[k]
        building.add(k)
        link = links.get(k)
        if link is None or not isinstance(link, int):
            parent = link
        elif link not in kept:
            parent = cur[link]
        elif link in building:
            parent = replace(cur[link], subject=None, speaker_text=None)
        else:
            parent = final(link)
        building.discard(k)
        done[k] = replace(cur[k], parent=parent)
        return done[k]

    return [final(k) for k in result]


class _SpanIndex:
    """Accepted candidates (their keys in `cands`) bucketed by character ranges, so overlap lookups stay cheap on long
    texts; merging never changes the span of an accepted candidate."""

    SIZE = 256

    def __init__(self, cands: list[Candidate]):
        self.cands = cands
        self.items: list[int] = []
        self.buckets: dict[int, list[int]] = {}

    def __iter__(self):
        return iter(self.items)

    def _buckets(self, start, end):
        return range(start // self.SIZE, max(start, end - 1) // self.SIZE + 1)

    def _span(self, k: int) -> tuple[int, int]:
        return self.cands[k].start, self.cands[k].end

    def add(self, k: int) -> None:
        self.items.append(k)
        for b in self._buckets(*self._span(k)):
            self.buckets.setdefault(b, []).append(k)

    def replace(self, old: int, new: int) -> None:
        self.items[self.items.index(old)] = new
        for b in self._buckets(*self._span(old)):
            self.buckets[b].remove(old)
        for b in self._buckets(*self._span(new)):
            self.buckets.setdefault(b, []).append(new)

    def overlapping(self, start: int, end: int):
        seen = set()
        for b in self._buckets(start, end):
            for k in self.buckets.get(b, ()):
                c = self.cands[k]
                if k not in seen and c.start < end and start < c.end:
                    seen.add(k)
                    yield k


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
