"""Article text with statements highlighted in place, built server-side from escaped pieces.

Article text is never trusted: every slice of `source.text` goes through `escape()`, and the only markup
added is ours (`format_html`). Search headlines from PostgreSQL are escaped first, then only their
<mark> tags are put back.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    statement: object


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks of text separated by blank lines."""
    bounds, cursor = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[cursor:match.start()].strip():
            bounds.append((cursor, match.start()))
        cursor = match.end()
    if text[cursor:].strip():
        bounds.append((cursor, len(text)))
    return bounds


def _spans(text: str, statements) -> list[Span]:
    """Statement spans clipped to the text, sorted, overlaps dropped (the earlier, longer one wins)."""
    spans = sorted(
        (Span(max(0, s.content_start), min(len(text), s.content_end), s) for s in statements),
        key=lambda span: (span.start, -span.end),
    )
    kept, last_end = [], 0
    for span in spans:
        if span.end > span.start and span.start >= last_end:
            kept.append(span)
            last_end = span.end
    return kept


def _plain(text: str) -> SafeString:
    return mark_safe(escape(text).replace("\n", "<br>"))


def _mark(text: str, span: Span, *, first: bool, current_pk) -> SafeString:
    s = span.statement
    classes = f"hl kind-{s.kind}" + (" current" if s.pk == current_pk else "")
    if not first:
        return format_html('<mark class="{}">{}</mark>', classes, _plain(text))
    speaker = s.speaker_label
    return format_html(
        '<mark class="{}" id="st-{}"><a class="who" href="{}" title="{}: open this statement">{}{}</a>{}</mark>',
        classes, s.pk, s.get_absolute_url(), speaker, speaker, f" · {s.cue}" if s.cue else "", _plain(text),
    )


def render_highlighted(text: str, statements, *, within: tuple[int, int] | None = None, current_pk=None) -> SafeString:
    """Paragraphs of `text` (only those overlapping `within` when given) with statements marked."""
    spans = _spans(text, statements)
    started: set[int] = set()
    out = []
    for p_start, p_end in paragraphs(text):
        if within and not (p_start < within[1] and p_end > within[0]):
            continue
        parts, cursor = [], p_start
        for span in spans:
            if span.end <= p_start or span.start >= p_end:
                continue
            a, b = max(span.start, p_start), min(span.end, p_end)
            parts.append(_plain(text[cursor:a]))
            parts.append(_mark(text[a:b], span, first=id(span) not in started, current_pk=current_pk))
            started.add(id(span))
            cursor = b
        parts.append(_plain(text[cursor:p_end]))
        out.append(format_html("<p>{}</p>", mark_safe("".join(parts))))
    return mark_safe("\n".join(out))


@register.simple_tag
def highlighted_source(source, statements, current=None):
    """The whole article, every statement marked and labelled with its speaker."""
    return render_highlighted(source.text or "", statements, current_pk=getattr(current, "pk", None))


@register.simple_tag
def statement_in_context(statement):
    """The paragraph(s) around one statement, the statement marked."""
    text = statement.source.text or ""
    return render_highlighted(
        text, [statement], within=(statement.content_start, statement.content_end), current_pk=statement.pk
    )


@register.filter
def search_headline(statement, length: int = 300):
    """The search headline (escaped, <mark> kept) when there is one, else the escaped, shortened content."""
    headline = getattr(statement, "headline", None)
    if not headline:
        content = statement.content
        return escape(content if len(content) <= length else content[: length - 1] + "…")
    safe = escape(headline).replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>")
    plain = headline.replace("<mark>", "").replace("</mark>", "").strip()
    content = statement.content.strip()
    before = "" if content.startswith(plain) else "…"
    after = "" if content.endswith(plain) else "…"
    return mark_safe(before + safe + after)
