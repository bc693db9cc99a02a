"""Finding text that is not the article's own: teasers of other articles, bylines, photo credits, editor's notes.

Works on lines (paragraphs) of the raw text and returns character ranges; nothing is removed from the
text, so offsets stay those of the original.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# A line that only announces links to other articles ("Check Also", "Read more", "Related stories" ...).
_TEASER_HEADER = re.compile(
    r"^\s*(?:check\s+also|read\s+(?:more|also|next)|also\s+read|see\s+also|related(?:\s+(?:articles?|stories|news|posts|content|coverage|topics|links))?"
    r"|more\s+(?:stories|news|from\s+\S+(?:\s+\S+)?|on\s+this\s+(?:story|topic))|you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?"
    r"|most\s+(?:read|popular|viewed)|trending(?:\s+now)?|further\s+reading|top\s+stories|latest\s+news|editor'?s\s+picks?"
    r"|read\s+the\s+(?:rest|full\s+(?:story|article))(?:\s+here)?|continue\s+reading|click\s+here.*|share\s+this(?:\s+article)?"
    r"|follow\s+us.*|sign\s+up.*|subscribe.*|advertisement)\s*[:.…»>-]*\s*$",
    re.IGNORECASE,
)
# An inline teaser: "Read more: <headline>", "Related: <headline>", "WATCH: ...".
_TEASER_INLINE = re.compile(
    r"^\s*(?:read\s+(?:more|also)|also\s+read|see\s+also|related|watch|listen|more|recommended|(?:click|tap)\s+here)\s*[:>»|-]\s*\S",
    re.IGNORECASE,
)
# Bylines, credits and the author's social-media line ("Follow Jane Doe on Twitter @jdoe").
_BYLINE = re.compile(
    r"^\s*[\"“]?\s*(?:follow\s+[\w.'’ -]{1,40}?\s+on\s+(?:twitter|facebook|instagram|threads|bluesky|linkedin)\b"
    r"|\(?\s*(?:by|reporting\s+by|writing\s+by|editing\s+by|edited\s+by|additional\s+reporting\s+by|compiled\s+by|written\s+by)\s+[A-Z]"
    r"|(?:photo|photograph|picture|image|video|graphic)s?\s*(?:by|credit|courtesy|:)|credit\s*:|©|copyright\b|all\s+rights\s+reserved)",
    re.IGNORECASE,
)
# A note from the editors, not the story: "Editor's note: ..." (a standing note may be appended to every article on a
# subject, as HuffPost's on Donald Trump was). A note correcting the story restates what it reported: kept.
_NOTE = re.compile(r"^\s*(?:editor['’]?s['’]?\s+note|note\s+to\s+(?:our\s+)?readers)\s*:", re.IGNORECASE)
_CORRECTION = re.compile(r"\b(?:article|story|report(?:ed)?|version|published|updated|correct(?:ed|ion)|clarifi(?:ed|cation)"
                         r"|misstated|misidentified|erroneously|incorrectly)\b", re.IGNORECASE)
_CREDIT_TAIL = re.compile(r"\((?:photo|image|picture|credit)[^)]*\)\s*$|(?:getty\s+images|AFP|Reuters|AP\s+Photo)[^.]{0,40}$", re.IGNORECASE)
# "Barry/H. Said / Hazem Sabbagh": names joined by slashes, nothing else.
_NAME_SLASHES = re.compile(r"^\s*[A-Z][\w.'’ -]{0,40}(?:\s*/\s*[A-Z][\w.'’ -]{0,40})+\s*$")


@dataclass
class Layout:
    """Where the article's own text is: `end` (everything after is foreign) and excluded ranges."""

    end: int
    excluded: list[tuple[int, int]] = field(default_factory=list)

    def is_foreign(self, start: int, end: int | None = None) -> bool:
        end = start if end is None else end
        if start >= self.end:
            return True
        return any(s <= start < e or s < end <= e for s, e in self.excluded)


def _lines(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, pos + len(line.rstrip("\r\n")), line.rstrip("\r\n")
        pos += len(line)


def find_layout(text: str) -> Layout:
    layout = Layout(end=len(text))
    lines = list(_lines(text))
    n = len(text)
    i = 0
    while i < len(lines):
        start, end, line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        words = len(stripped.split())
        if _TEASER_HEADER.match(stripped):
            if start >= 0.4 * n or n - start < 1500:
                # a block of links at the end of the page: nothing after it is this article's
                layout.end = start
                break
            # a box in the middle of the page: the header and the next paragraph
            layout.excluded.append((start, end))
            j = i + 1
            while j < len(lines) and not lines[j][2].strip():
                j += 1
            if j < len(lines):
                layout.excluded.append((lines[j][0], lines[j][1]))
            i = j + 1
            continue
        if _NOTE.match(stripped):
            # to the end of its last sentence: a note may be broken over several lines
            last = i
            while not lines[last][2].rstrip().endswith((".", "!", "?", "”", '"')) and last + 1 < len(lines) \
                    and lines[last + 1][2].strip():
                last += 1
            if not _CORRECTION.search(text, start, lines[last][1]):
                layout.excluded.append((start, lines[last][1]))
            i = last
        elif _TEASER_INLINE.match(stripped) and words <= 30:
            layout.excluded.append((start, end))
        elif words <= 15 and (_BYLINE.match(stripped) or _NAME_SLASHES.match(stripped)):
            layout.excluded.append((start, end))
        elif words <= 12 and _CREDIT_TAIL.search(stripped) and not stripped.endswith((".", "?", "!", "”", '"')):
            layout.excluded.append((start, end))
        i += 1
    return layout
