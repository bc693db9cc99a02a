"""Quotation marks: the quoted stretches of an article, found on the raw text."""
from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"“": "”", "„": "“", "«": "»", '"': '"'}
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True)
class Quote:
    start: int  # at the opening mark
    end: int  # after the closing mark (or at the paragraph end when a quote runs on)
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def find_quotes(text: str, end: int | None = None) -> list[Quote]:
    """Paired double quotation marks, paragraph by paragraph.

    A quote left open at the end of its paragraph runs to the paragraph end (news style for quotes
    spanning paragraphs). Straight quotes pair up in order within a paragraph.
    """
    end = len(text) if end is None else end
    quotes: list[Quote] = []
    pos = 0
    for para in text[:end].split("\n"):
        i, n = 0, len(para)
        while i < n:
            ch = para[i]
            if ch in OPENERS:
                close = OPENERS[ch]
                j = para.find(close, i + 1)
                if ch == "„" and j < 0:
                    j = para.find("”", i + 1)
                if j < 0:
                    if ch == '"' and para.count('"', i) < 2 and i > 0 and para[i - 1].isalnum():
                        i += 1  # an inch mark or stray quote inside a word
                        continue
                    stop = len(para.rstrip())
                    if stop - i > 1:
                        quotes.append(Quote(pos + i, pos + stop, False))
                    break
                quotes.append(Quote(pos + i, pos + j + 1, True))
                i = j + 1
            else:
                i += 1
        pos += len(para) + 1
    return quotes
