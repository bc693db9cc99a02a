"""When a statement was made: a time expression on the cue ("said on Monday"), against the
publication date. Plain weekday arithmetic and a few explicit date forms; no network, no guessing
when the text gives nothing."""
from __future__ import annotations

import datetime
import re

from .vocabulary import ADVMOD, CCOMP, NMOD, NPADVMOD, NSUBJ, NSUBJPASS, OBL, PREP, TMOD, XCOMP

WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
MONTHS = {m: i + 1 for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                            "august", "september", "october", "november", "december"))}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())})
MONTHS["sept"] = 9
_EXPLICIT = re.compile(
    r"\b(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r"(?:,?\s+(?P<year>\d{4}))?\b|\b(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:,?\s+(?P<year2>\d{4}))?\b",
    re.IGNORECASE,
)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def resolve(expr: str, published: datetime.date | None) -> datetime.date | None:
    """A date for a time expression such as "Monday", "on Sept. 26", "yesterday", "March 3, 2016"."""
    low = expr.lower()
    m = _ISO.search(low)
    if m:
        try:
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    m = _EXPLICIT.search(low)
    if m:
        month = MONTHS.get((m.group("month") or m.group("month2") or "").lower().rstrip("."))
        day = int(m.group("day") or m.group("day2"))
        year = m.group("year") or m.group("year2")
        if month is None:
            return None
        if year:
            y = int(year)
        elif published is not None:
            y = published.year
            try:
                if datetime.date(y, month, day) > published + datetime.timedelta(days=1):
                    y -= 1
            except ValueError:
                return None
        else:
            return None
        try:
            return datetime.date(y, month, day)
        except ValueError:
            return None
    if published is None:
        return None
    words = re.findall(r"[a-z]+", low)
    if "today" in words or "tonight" in words or ("this" in words and ("morning" in words or "afternoon" in words or "evening" in words)):
        return published
    if "yesterday" in words or ("last" in words and "night" in words):
        return published - datetime.timedelta(days=1)
    for w in words:
        if w in WEEKDAYS:
            back = (published.weekday() - WEEKDAYS[w]) % 7
            if "last" in words and back == 0:
                back = 7
            return published - datetime.timedelta(days=back)
    return None


def cue_date_expression(cue) -> str | None:
    """The DATE entity attached to a cue verb ("said on Monday", "said Friday", "on Monday, X said")."""
    if cue is None:
        return None
    for child in _cue_modifiers(cue):
        tokens = None
        if child.ent_type_ == "DATE" and child.dep_ in (NPADVMOD, TMOD, OBL, ADVMOD, NMOD):
            tokens = [t for t in child.subtree if t.ent_type_ == "DATE"]
        elif child.dep_ == PREP and child.lower_ in ("on", "in", "during") :
            tokens = [t for t in child.subtree if t.ent_type_ == "DATE"]
        if tokens:
            return " ".join(t.text for t in tokens)
    # a leading "On Monday, X said ..." attached to the clause head when the cue is ROOT already covered
    return None


def _cue_modifiers(cue):
    """The cue's children, and the modifiers the parser hung on its clause complement between the cue and the
    complement's subject ("said on Monday he would ...": "on Monday" tells when it was said)."""
    yield from cue.children
    for comp in cue.children:
        if comp.dep_ in (CCOMP, XCOMP) and comp.i > cue.i:
            subject = next((c for c in comp.children if c.dep_ in (NSUBJ, NSUBJPASS)), None)
            if subject is not None:
                yield from (c for c in comp.children if cue.i < c.i < subject.left_edge.i)


def said_on(cue, published: datetime.date | None) -> datetime.date | None:
    expr = cue_date_expression(cue)
    return resolve(expr, published) if expr else None
