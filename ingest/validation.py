"""One validation of an article and what is said about it, for every door (CLI, REST API, upload page, admin).

`submit_article` calls `check_article`; a door may call the single checks earlier (a form's `clean_url`, the
API before reading a file) but only to place the message next to its field: the rules and the messages live
here. Every refusal is an `ArticleRejected` with a machine-readable `code` (the API maps it to a status), the
`field` it is about when there is one, and a message saying what was wrong and what to do.
"""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from common.links import HTTP_SCHEMES as URL_SCHEMES
from common.links import http_url_validator, is_http_url  # noqa: F401 - the admin's URL widget uses the validator

from .parsing import HTML_SUFFIXES, TEXT_SUFFIXES

MAX_URL_LENGTH = 2000
# A date up to this far ahead of the server's today is someone else's today (time zones), not the future.
FUTURE_TOLERANCE = dt.timedelta(days=2)
ACCEPTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
ACCEPTED_FILES = "plain text (.txt, .text, .md) or HTML (.html, .htm, .xhtml)"
# The file picker's `accept`: what one upload may be (JSON Lines are for `manage.py ingest` only).
ACCEPT_ATTRIBUTE = ",".join(sorted(suffix for suffix in ACCEPTED_SUFFIXES if suffix))

# An article is empty when it holds nothing but white space as str.isspace() counts it (Unicode spaces, and the
# separators \x1c-\x1f, which the regex's \s leaves out). As a pattern, for the API's schema too: at least one
# character that is not.
NOT_ONLY_WHITESPACE = r"[^\s\x1c-\x1f]"
EMPTY_MESSAGE = "The article is empty (no text at all). Choose a file that contains the article, or paste its text."

# The codes raised here; the API answers 413 for "too_large" and 400 for every other.
CODES = ("too_large", "empty", "invalid_url", "invalid_date", "future_date", "unsupported_type", "too_many_files")


class ArticleRejected(ValueError):
    """The upload is refused at the door (nothing stored); the message says why and what to do."""

    def __init__(self, message: str, *, code: str = "invalid", field: str | None = None):
        super().__init__(message)
        self.message, self.code, self.field = message, code, field


def check_url(url: str | None) -> str:
    """The article's address, stripped: empty, or an absolute http:// or https:// URL."""
    url = (url or "").strip()
    if not url:
        return ""
    if len(url) > MAX_URL_LENGTH:
        raise ArticleRejected(
            f"The article's URL is {len(url):,} characters long, over the limit of {MAX_URL_LENGTH:,}. "
            "Give the article's address without tracking parameters, or leave it empty.",
            code="invalid_url", field="url",
        )
    scheme = urlsplit(url).scheme.lower() if ":" in url else ""
    if scheme and scheme not in URL_SCHEMES:
        raise ArticleRejected(
            f"The article's URL uses the {scheme}: scheme; only http:// and https:// addresses are accepted. "
            "Give the address of the article's web page (https://…), or leave it empty.",
            code="invalid_url", field="url",
        )
    if not is_http_url(url):
        raise ArticleRejected(
            f"The article's URL {url[:100]!r} is not a web address; only http:// and https:// addresses are "
            "accepted. Give the full address of the article's page, e.g. https://example.com/news/1, or leave "
            "it empty.",
            code="invalid_url", field="url",
        )
    return url


def check_published(value) -> dt.date | None:
    """The publication date: a date, an ISO date string (YYYY-MM-DD, or a timestamp starting with one), or None.

    A date that does not exist (2024-02-30) and a date in the future (beyond FUTURE_TOLERANCE) are refused.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        value = _parse_date(value)
    latest = timezone.localdate() + FUTURE_TOLERANCE
    if value > latest:
        raise ArticleRejected(
            f"The publication date {value.isoformat()} is in the future (today is {timezone.localdate().isoformat()}). "
            "Give the date the article was published, or leave it empty.",
            code="future_date", field="published",
        )
    return value


def _parse_date(value) -> dt.date:
    text = str(value).strip()
    head, rest = text[:10], text[10:]
    try:
        if isinstance(value, str) and len(head) == 10 and (not rest or rest[0] in "T "):
            return dt.date.fromisoformat(head)
    except ValueError:
        raise ArticleRejected(
            f"The publication date {head!r} is not a real date. Write it as YYYY-MM-DD (e.g. 2024-02-29), or "
            "leave it empty.",
            code="invalid_date", field="published",
        ) from None
    raise ArticleRejected(
        f"The publication date {text[:40]!r} is not a date written as YYYY-MM-DD. Write it so (e.g. 2024-05-01), "
        "or leave it empty.",
        code="invalid_date", field="published",
    )


def check_size(size: int, *, field: str | None = None) -> None:
    """Refuse an article over MAX_ARTICLE_BYTES (a door may call this with a file's declared size before reading it)."""
    limit = settings.MAX_ARTICLE_BYTES
    if size > limit:
        raise ArticleRejected(
            f"The article is {size:,} bytes, over the limit of {limit:,} bytes. Upload the article's text alone, "
            "or ask an administrator to raise MAX_ARTICLE_BYTES.",
            code="too_large", field=field,
        )


def check_not_empty(raw: bytes | str, *, field: str | None = None) -> None:
    """Refuse an article with nothing but white space in it (bytes are read as UTF-8 for this check)."""
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    if not re.search(NOT_ONLY_WHITESPACE, text):
        raise ArticleRejected(EMPTY_MESSAGE, code="empty", field=field)


def check_filename(filename: str | None, *, field: str | None = None) -> None:
    """Refuse a file whose type is not an article; JSON Lines are sent to `manage.py ingest`."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].lower()
    suffix = "." + name.rsplit(".", 1)[1] if "." in name else ""
    if suffix in ACCEPTED_SUFFIXES:
        return
    if suffix == ".jsonl":
        raise ArticleRejected(
            "A JSON Lines file (.jsonl) holds many articles and cannot be uploaded here. Load it with "
            "`manage.py ingest FILE.jsonl` (one article object per line), or upload the articles one by one as "
            f"{ACCEPTED_FILES}.",
            code="unsupported_type", field=field,
        )
    raise ArticleRejected(
        f"Files of type {suffix} are not accepted. Accepted: {ACCEPTED_FILES}.",
        code="unsupported_type", field=field,
    )


def check_file_count(count: int) -> None:
    """Refuse more than MAX_FILES_PER_UPLOAD files in one upload."""
    if count > settings.DATA_UPLOAD_MAX_NUMBER_FILES:
        raise too_many_files(count)


def too_many_files(count: int | None = None) -> ArticleRejected:
    """The refusal of too many files; `count` None when Django's request parser gave up counting them."""
    limit = settings.DATA_UPLOAD_MAX_NUMBER_FILES
    sent = f"{count:,} files were sent" if count is not None else "More files were sent than one upload takes"
    return ArticleRejected(
        f"{sent}; one upload takes at most {limit:,} (MAX_FILES_PER_UPLOAD). Upload them in batches of "
        f"{limit:,} or fewer, or load a whole folder with `manage.py ingest FOLDER`.",
        code="too_many_files", field="files",
    )


def check_article(*, raw: bytes, filename: str = "", url: str | None = "", published=None) -> tuple[str, dt.date | None]:
    """Every check of one article at once; returns the cleaned (url, published)."""
    check_size(len(raw))
    check_not_empty(raw)
    if filename:
        check_filename(filename)
    return check_url(url), check_published(published)


def document_url(url: str) -> str:
    """An address read from the article itself (HTML metadata), kept only when it is a safe http(s) URL."""
    url = (url or "").strip()
    return url if len(url) <= MAX_URL_LENGTH and is_http_url(url) else ""
