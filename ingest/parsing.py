"""Bytes of an uploaded article -> a Document (clean text and what can be read about the article).

Pure Python, no Django. Every refusal is a ParseError whose message says what was wrong and what to do.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import html.entities
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

import charset_normalizer

ACCEPTED_TYPES = "plain text (.txt, .text, .md) or HTML (.html, .htm)"
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MIN_HTML_WORDS = 8

# Magic numbers of the formats people upload by mistake.
_BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a Word/OpenDocument file)",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"RIFF": "a RIFF media file",
    b"ID3": "an MP3 file",
    b"\x7fELF": "a program",
    b"MZ": "a Windows program",
}
_HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)


class ParseError(ValueError):
    """The upload cannot be read as an article; the message is meant for the person who sent it."""


@dataclass(frozen=True)
class Document:
    text: str
    title: str = ""
    publisher: str = ""
    dateline: str = ""
    byline: str = ""
    published: dt.date | None = None
    url: str = ""
    language: str = ""


def normalized_text_hash(text: str) -> str:
    """The identity of an article's text: the same words with other spacing or encoding hash alike."""
    folded = " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def parse(
    raw: bytes, *, filename: str = "", content_type: str = "", max_bytes: int | None = None,
    max_chars: int | None = None, max_sentence_chars: int | None = None, entities: bool = True,
) -> Document:
    """Decode, strip markup and read the article's header. Raises ParseError for anything unusable. `entities`:
    decode the HTML entities of a plain text that clearly holds them (decode_entities)."""
    if max_bytes is not None and len(raw) > max_bytes:
        raise ParseError(
            f"The file is {len(raw):,} bytes, over the limit of {max_bytes:,} bytes. "
            "Upload the article text alone, or ask an administrator to raise MAX_ARTICLE_BYTES."
        )
    if not raw.strip():
        raise ParseError("The article is empty (no text at all). Upload a file or paste text that contains the article.")
    _refuse_binary(raw, filename)
    is_html = looks_like_html(raw, filename, content_type)
    text = decode(raw)
    if is_html:
        doc = parse_html(text)
    else:
        doc = parse_text(text, entities=entities)
    # A page whose main text is a handful of words is navigation or a teaser, not an article.
    if not doc.text.strip() or (is_html and len(doc.text.split()) < MIN_HTML_WORDS):
        raise ParseError(
            "No article text was found in the upload"
            + (" (the HTML holds no readable main text)" if is_html else " (it holds only whitespace)")
            + ". Upload the article's own page or paste its text."
        )
    check_length(doc.text, max_chars=max_chars, max_sentence_chars=max_sentence_chars)
    return doc


def check_length(text: str, *, max_chars: int | None = None, max_sentence_chars: int | None = None) -> None:
    """Refuse a text too long for one article, or holding a passage too long for one sentence.

    Statements are found sentence by sentence, and the parser's time grows faster than the length of a sentence:
    145,000 characters without a sentence end cost 15-25 s of a worker and give nothing. The longest passage
    without a sentence end in the 1,121 real articles checked (BBC sample, PolNeAR dev and train) is 979
    characters (a list of names); the default limit (MAX_SENTENCE_CHARS, 5,000) is five times that.
    """
    if max_chars is not None and len(text) > max_chars:
        raise ParseError(
            f"The article text is {len(text):,} characters long, over the limit of {max_chars:,} for one "
            "article. Split it into its separate articles and upload those."
        )
    if max_sentence_chars is not None:
        length, start = longest_passage(text)
        if length > max_sentence_chars:
            opening = " ".join(text[start:start + 60].split())
            raise ParseError(
                f"The article holds a passage of {length:,} characters without a sentence end or line break "
                f"(from character {start:,}: \u201c{opening}\u2026\u201d), over the limit of {max_sentence_chars:,} for one "
                "sentence; statements cannot be found in it. Upload the text with its full stops and paragraph "
                "breaks, or ask an administrator to raise MAX_SENTENCE_CHARS."
            )


# Where a sentence surely ends: a line break, or . ! ? … (closing quotes or brackets may follow) before a space.
# Abbreviations ("Mr. Smith") end one here too: the passages measured are at most as long as the parser's sentences.
_SENTENCE_END = re.compile(r"\n|[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s|$)")


def longest_passage(text: str) -> tuple[int, int]:
    """Length and start of the longest stretch of `text` without a sentence end."""
    longest, longest_start, start = 0, 0, 0
    for end in _SENTENCE_END.finditer(text):
        if end.start() - start > longest:
            longest, longest_start = end.start() - start, start
        start = end.end()
    if len(text) - start > longest:
        longest, longest_start = len(text) - start, start
    return longest, longest_start


def _suffix(filename: str) -> str:
    name = filename.rsplit("/", 1)[-1].lower()
    return "." + name.rsplit(".", 1)[1] if "." in name else ""


def _refuse_binary(raw: bytes, filename: str) -> None:
    head = raw[:8]
    for magic, what in _BINARY_SIGNATURES.items():
        if head.startswith(magic):
            raise ParseError(f"The file looks like {what}, which cannot be read as an article. Accepted: {ACCEPTED_TYPES}.")
    suffix = _suffix(filename)
    if suffix and suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise ParseError(f"Files of type {suffix} are not accepted. Accepted: {ACCEPTED_TYPES}.")


def looks_like_html(raw: bytes, filename: str, content_type: str) -> bool:
    if _suffix(filename) in HTML_SUFFIXES or "html" in content_type.lower():
        return True
    return bool(_HTML_SNIFF.match(raw[:512].lstrip(b"\xef\xbb\xbf")))


def decode(raw: bytes) -> str:
    """UTF-8 first (most news text), then a BOM, then charset detection; refuse rather than guess badly."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _decode_other(raw, exc)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    control = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\t\f\v")
    if control > max(8, len(text) // 100):
        raise ParseError(
            "The file holds binary data (control bytes), not text. "
            f"Accepted: {ACCEPTED_TYPES}, saved in UTF-8 or another text encoding."
        )
    return text


def _decode_other(raw: bytes, utf8_error: UnicodeDecodeError) -> str:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass  # a UTF-16 byte order mark, then no valid UTF-16 (odd length, lone surrogate): detect or refuse
    best = charset_normalizer.from_bytes(raw).best()
    if best is None or best.chaos > 0.2:
        raise ParseError(
            f"The text could not be decoded: byte {utf8_error.start} is not valid UTF-8 and no other encoding "
            "fits the file. Save the article as UTF-8 text and upload it again."
        )
    return str(best)


# ---------------------------------------------------------------- HTML

def parse_html(html: str) -> Document:
    import trafilatura  # imported here: a slow import that plain-text work never needs

    options = dict(include_comments=False, include_tables=False, favor_precision=True)
    try:
        try:
            extracted = trafilatura.bare_extraction(html, with_metadata=True, **options)
        except AssertionError:
            # htmldate's date search trips on some markup (a document that is a lone <iframe>): keep the text,
            # go without the page's metadata
            extracted = trafilatura.bare_extraction(html, with_metadata=False, **options)
    except (ValueError, RecursionError, TypeError, AssertionError) as exc:
        raise ParseError(f"The HTML could not be read ({exc.__class__.__name__}). Upload the page as saved by a browser, or paste its text.") from exc
    extracted = extracted.as_dict() if extracted is not None else None
    if not extracted or not (extracted.get("text") or "").strip():
        return Document(text="")
    body = extracted["text"].strip()
    title = (extracted.get("title") or "").strip()
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    header = parse_text(text)
    return replace(
        header,
        title=title or header.title,
        publisher=(extracted.get("sitename") or "").strip() or header.publisher,
        byline=(extracted.get("author") or "").strip() or header.byline,
        published=iso_date(extracted.get("date")) or header.published,
        url=(extracted.get("url") or "").strip(),
    )


def iso_date(value) -> dt.date | None:
    """The date at the start of an ISO date or timestamp string, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------- plain text header

# "Moscow, SANA –", "WASHINGTON (Reuters) -", "LONDON, March 3 (AP) —"
_DATELINE_AGENCY = re.compile(
    r"^(?P<place>[A-Z][\w'’.\- ]{1,40}?)\s*,\s*(?P<agency>[A-Z][A-Za-z]{1,15})\s*[–—-]+\s", re.U
)
_DATELINE_PAREN = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\- ]{1,40}?)(?:\s*,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*\((?P<agency>[A-Za-z][\w .&]{0,30})\)\s*[–—-]+\s",
    re.U,
)
_BYLINE = re.compile(r"^\s*By\s+(?P<name>[A-Z][\w.'’\- ]+(?:\s+(?:and|&)\s+[A-Z][\w.'’\- ]+)?)\s*$", re.M)
_DATE_LINE = re.compile(
    r"^\s*(?:Published|Updated|Posted|Date)?\s*:?\s*(?P<date>(?:\w+day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}))\b",
    re.M,
)


_HTML_ENTITY = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_entities(text: str) -> str:
    """A plain text with HTML entities in it ("Jos&eacute; Manuel Barroso", "AT&amp;T"), copied from a page's
    source, as the page shows it; any other text as it is ("R&D;" names no entity)."""
    if not any(m.group().startswith("&#") or m.group()[1:] in html.entities.html5 for m in _HTML_ENTITY.finditer(text)):
        return text
    return html.unescape(text)


def parse_text(text: str, *, entities: bool = True) -> Document:
    """Read the headline, dateline, publisher, byline and date a plain-text article states itself; its HTML
    entities decoded unless `entities` is false (the stored text of an article editors have worked on, whose
    offsets must not move)."""
    text = text.strip("\ufeff")
    if entities:
        text = decode_entities(text)
    lines = [ln.strip() for ln in text.split("\n")]
    non_empty = [ln for ln in lines if ln]
    title = ""
    if non_empty and len(non_empty[0]) <= 200 and len(non_empty) > 1:
        title = non_empty[0]
    dateline = publisher = byline = ""
    published = None
    for line in non_empty[:8]:
        m = _DATELINE_AGENCY.match(line) or _DATELINE_PAREN.match(line)
        if m and not dateline:
            dateline, publisher = m.group("place").strip().title() if m.group("place").isupper() else m.group("place").strip(), m.group("agency").strip()
        b = _BYLINE.match(line)
        if b and not byline:
            byline = b.group("name").strip()
        d = _DATE_LINE.match(line)
        if d and published is None and len(line) < 60:
            published = _parse_date(d.group("date"))
    return Document(text=text, title=title, publisher=publisher, dateline=dateline, byline=byline, published=published)


@lru_cache(maxsize=1024)
def _parse_date(value: str) -> dt.date | None:
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None


# ---------------------------------------------------------------- language

SUPPORTED_LANGUAGES = {"en"}


@lru_cache(maxsize=1)
def _language_detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [
        Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.ITALIAN,
        Language.PORTUGUESE, Language.DUTCH, Language.RUSSIAN, Language.ARABIC, Language.CHINESE,
        Language.JAPANESE, Language.TURKISH, Language.POLISH, Language.UKRAINIAN, Language.PERSIAN,
        Language.HEBREW, Language.KOREAN, Language.SWEDISH,
    ]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "" when it cannot be told."""
    sample = text[:4000]
    if sum(ch.isalpha() for ch in sample) < 20:
        return ""
    language = _language_detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else ""


def check_language(doc: Document) -> Document:
    language = detect_language(doc.text)
    if language and language not in SUPPORTED_LANGUAGES:
        from lingua import IsoCode639_1, Language

        name = Language.from_iso_code_639_1(getattr(IsoCode639_1, language.upper())).name.title()
        raise ParseError(
            f"The article is in {name} ({language}); statements can be extracted from English articles only. "
            "Upload an English version of the article."
        )
    return replace(doc, language=language or "en")
