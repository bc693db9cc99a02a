"""Quotation marks: the quoted stretches of an article, found on the raw text."""
from __future__ import annotations

import re
from dataclasses import dataclass

# opening mark -> closing marks it pairs with
PAIRS = {"“": ("”", '"'), "„": ("“", "”"), "«": ("»",), '"': ('"', "”"), "''": ("''",), "``": ("''",)}
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True)
class Quote:
    start: int  # at the opening mark
    end: int  # after the closing mark (or at the paragraph end when a quote runs on)
    closed: bool
    open_len: int = 1
    close_len: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + self.open_len, self.end - self.close_len if self.closed else self.end


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


_MARK = re.compile(r"''|``|[“„«\"]")


def _looks_opening(para: str, k: int) -> bool:
    before = para[k - 1] if k > 0 else " "
    after = para[k + 1] if k + 1 < len(para) else " "
    return (before.isspace() or before in "([—–-") and (after.isalnum() or after in "'‘“(")


def _looks_closing(para: str, k: int) -> bool:
    before = para[k - 1] if k > 0 else " "
    after = para[k + 1] if k + 1 < len(para) else " "
    return not before.isspace() and before not in "([—–-" and (after.isspace() or after in ".,;:!?)")


def _misturned_closer(para: str, start: int, stop: int) -> int:
    """An opening mark closing a quote (`“..., that could create problems for her here,“ said Jim Clyburn`): the
    first “ before `stop` that stands after a word and before a space or punctuation, or -1."""
    k = para.find("“", start, stop)
    while k >= 0:
        if _looks_closing(para, k):
            return k
        k = para.find("“", k + 1, stop)
    return -1


def _closer(para: str, mark: str, start: int) -> tuple[int, str]:
    """Position and text of the mark closing a quote opened with `mark`, skipping “...” pairs nested
    inside a straight-quoted passage; (-1, "") when the quote is not closed in this paragraph."""
    while True:
        j, close = -1, ""
        for c in PAIRS[mark]:
            k = para.find(c, start)
            if k >= 0 and (j < 0 or k < j):
                j, close = k, c
        if mark == "“":
            k = _misturned_closer(para, start, j if j >= 0 else len(para))
            if k >= 0:
                return k, "“"
        if mark == '"' and close == "”":
            inner_open = para.find("“", start, j)
            if inner_open >= 0:
                start = j + 1  # “...” inside "...": keep looking for the straight closing mark
                continue
        return j, close


def find_quotes(text: str, end: int | None = None) -> list[Quote]:
    """Paired double quotation marks (“ ”, " ", '' '' as some wires write them), paragraph by paragraph.

    A quote left open at the end of its paragraph runs to the paragraph end (news style for quotes
    spanning paragraphs).
    """
    end = len(text) if end is None else end
    quotes: list[Quote] = []
    pos = 0
    for para in text[:end].split("\n"):
        i = 0
        while True:
            m = _MARK.search(para, i)
            if m is None:
                break
            i, mark = m.start(), m.group()
            if mark == '"' and _looks_closing(para, i):
                i += 1  # a closing mark whose opening is missing
                continue
            j, close = _closer(para, mark, i + len(mark))
            if close == '"' and _looks_opening(para, j) and (
                    para[:j].rstrip().endswith((".", "?", "!", ",")) or not _looks_closing(para, j)):
                # `... 26 weeks. "We are going ...`, `"ambitious, but take-up had not been "sufficient to ...`:
                # the quote ran on without its closing mark and a new one opens here; end the first there
                stop = len(para[:j].rstrip())
                quotes.append(Quote(pos + i, pos + stop, False, len(mark), 0))
                i = j
                continue
            if j < 0:
                if mark in ('"', "''") and i > 0 and para[i - 1].isalnum():
                    i += len(mark)  # an inch mark or a stray quote glued to a word
                    continue
                stop = len(para.rstrip())
                if stop - i > len(mark):
                    quotes.append(Quote(pos + i, pos + stop, False, len(mark), 0))
                break
            quotes.append(Quote(pos + i, pos + j + len(close), True, len(mark), len(close)))
            i = j + len(close)
        pos += len(para) + 1
    return quotes
