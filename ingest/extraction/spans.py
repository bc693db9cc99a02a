"""Small helpers turning tokens into character spans and trimming spans to their content."""
from __future__ import annotations

_TRIM_LEFT = " \t\r\n,;:-–—…"
_TRIM_RIGHT = " \t\r\n,;:.!?-–—…"
_QUOTES = "\"“”„«»"
_CLOSING_QUOTES = "\"”»"
_OPENING_QUOTES = "\"“„«"
COMPLEMENTISERS = ("that ",)


def token_span(tokens) -> tuple[int, int]:
    """From the first token's start to the last one's end, whatever order they come in."""
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def subtree_span(head, exclude=()) -> tuple[int, int]:
    """Characters covered by head's subtree minus the subtrees of `exclude` children, as one span."""
    return token_span(subtree_tokens(head, exclude))


def subtree_tokens(head, exclude=()) -> list:
    """The tokens of head's subtree minus the subtrees of `exclude` children: the contiguous run around head."""
    banned = set()
    for child in exclude:
        banned.update(t.i for t in child.subtree)
    # sorted: a non-projective parse yields a subtree out of text order
    toks = sorted((t for t in head.subtree if t.i not in banned), key=lambda t: t.i)
    # keep the contiguous run that contains the head
    idx = [t.i for t in toks]
    pos = idx.index(head.i)
    lo = hi = pos
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi < len(idx) - 1 and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    return toks[lo: hi + 1]


def trim(text: str, start: int, end: int, *, drop_complementiser: bool = True) -> tuple[int, int]:
    """Shrink [start, end) to the content: no outer spaces or punctuation, no leading "that".

    Quote marks are removed when they enclose the whole span (the content is what was said), and
    unbalanced marks left at either end are dropped.
    """
    for _ in range(4):
        s0, e0 = start, end
        while start < end and text[start] in _TRIM_LEFT:
            start += 1
        while end > start and text[end - 1] in _TRIM_RIGHT:
            end -= 1
        if drop_complementiser:
            low = text[start:start + 8].lower()
            for comp in COMPLEMENTISERS:
                if low.startswith(comp):
                    start += len(comp)
                    break
        while end - start >= 2 and text[end - 2:end] == "''":
            end -= 2
        while end - start >= 2 and text[start:start + 2] in ("''", "``"):
            start += 2
        if end - start >= 2:
            inner = text[start:end]
            if inner[0] in _QUOTES and inner[-1] in _QUOTES and not any(c in _QUOTES for c in inner[1:-1]):
                start, end = start + 1, end - 1
            elif inner[-1] in _QUOTES and sum(inner.count(c) for c in _QUOTES) % 2 == 1:
                end -= 1
            elif inner[0] in _QUOTES and sum(inner.count(c) for c in _QUOTES) % 2 == 1:
                start += 1
        tail = text[max(start, end - 4):end].lower()
        for conj in (" and", " but", " or"):
            if tail.endswith(conj) and end - start > len(conj):
                end -= len(conj)  # a clause cut before its second half keeps no dangling conjunction
                break
        if (start, end) == (s0, e0):
            break
    end = _whole_word(text, start, end)
    start = _open_quote(text, start, max(start, end))
    return start, _close_quote(text, start, max(start, end))


def _whole_word(text: str, start: int, end: int) -> int:
    """End after the rest of a hyphenated word the parse cut in two ("should be re-drafted" read as "re" and
    "drafted")."""
    if " " in text[start:end] and end < len(text) - 1 and text[end] == "-" and text[end - 1].isalpha() \
            and text[end + 1].isalpha():
        end += 1
        while end < len(text) and (text[end].isalnum() or (text[end] == "-" and text[end + 1: end + 2].isalpha())):
            end += 1
    return end


def _open_quote(text: str, start: int, end: int) -> int:
    """Start at the opening quote mark of a quotation the span closes but the parse left outside it
    ('said "serious mistakes" were made': the mark hangs on "said")."""
    if start == 0 or sum(text.count(c, start, end) for c in _QUOTES) % 2 == 0 or text[start - 1] not in _OPENING_QUOTES:
        return start
    first = next(c for c in text[start:end] if c in _QUOTES)
    return start - 1 if first in _CLOSING_QUOTES else start


def _close_quote(text: str, start: int, end: int) -> int:
    """End after the closing quote mark of a quotation the span opens but the parse left outside it
    ('told members the Tories offered a "hard right agenda".')."""
    if sum(text.count(c, start, end) for c in _QUOTES) % 2 == 0:
        return end
    after = text[end:end + 2]
    if after[:1] and after[:1] in _CLOSING_QUOTES:
        return end + 1
    if len(after) == 2 and after[0] in ".,!?" and after[1] in _CLOSING_QUOTES:
        return end + 2
    return end
