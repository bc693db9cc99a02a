"""Streaming CSV and JSON exports of any list, with the same filters as its page.

Rows are read with `.iterator(chunk_size=…)` (topics prefetched per chunk), so memory stays flat however
many statements match. Cells starting with = + - @ are prefixed with ' so spreadsheets do not run them.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator

from django.http import StreamingHttpResponse

CHUNK = 500
FORMATS = ("csv", "json")


class _Echo:
    def write(self, value):
        return value


def _cell(value):
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv_lines(fields: list[str], rows: Iterable[dict]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(fields)
    for row in rows:
        yield writer.writerow([_cell(row[f]) for f in fields])


def _json_chunks(rows: Iterable[dict]) -> Iterator[str]:
    yield "["
    first = True
    for row in rows:
        yield ("\n" if first else ",\n") + json.dumps(row, ensure_ascii=False, default=str)
        first = False
    yield "\n]\n"


def stream(rows: Iterable[dict], fields: list[str], fmt: str, filename: str) -> StreamingHttpResponse:
    if fmt == "csv":
        response = StreamingHttpResponse(_csv_lines(fields, rows), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(_json_chunks(rows), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


STATEMENT_FIELDS = [
    "id", "permalink", "said_on", "speaker", "speaker_slug", "speaker_role", "speaker_mention", "cue", "kind",
    "content", "topics", "source_id", "source_title", "publisher", "source_url", "review_status", "confidence",
]


def statement_rows(statements, absolute: Callable[[str], str]) -> Iterator[dict]:
    for s in statements.iterator(chunk_size=CHUNK):
        yield {
            "id": s.pk,
            "permalink": absolute(s.get_absolute_url()),
            "said_on": s.said_on.isoformat() if s.said_on else None,
            "speaker": s.speaker.name if s.speaker_id else None,
            "speaker_slug": s.speaker.slug if s.speaker_id else None,
            "speaker_role": s.speaker_role.title if s.speaker_role_id else None,
            "speaker_mention": s.speaker_mention,
            "cue": s.cue,
            "kind": s.kind,
            "content": s.content,
            "topics": "; ".join(t.slug for t in s.topics.all()),
            "source_id": s.source_id,
            "source_title": s.source.title,
            "publisher": s.source.publisher,
            "source_url": s.source.url,
            "review_status": s.review_status,
            "confidence": s.confidence,
        }


ACTOR_FIELDS = ["name", "slug", "kind", "statements", "permalink"]


def actor_rows(actors, absolute: Callable[[str], str]) -> Iterator[dict]:
    for a in actors.iterator(chunk_size=CHUNK):
        yield {"name": a.name, "slug": a.slug, "kind": a.kind, "statements": a.n,
               "permalink": absolute(a.get_absolute_url())}


TOPIC_FIELDS = ["name", "slug", "statements", "permalink"]


def topic_rows(topics, absolute: Callable[[str], str]) -> Iterator[dict]:
    for t in topics.iterator(chunk_size=CHUNK):
        yield {"name": t.name, "slug": t.slug, "statements": t.n, "permalink": absolute(t.get_absolute_url())}


SOURCE_FIELDS = ["id", "title", "publisher", "published", "url", "status", "statements", "permalink"]


def source_rows(sources, absolute: Callable[[str], str]) -> Iterator[dict]:
    for s in sources.iterator(chunk_size=CHUNK):
        yield {"id": s.pk, "title": s.title, "publisher": s.publisher,
               "published": s.published.isoformat() if s.published else None, "url": s.url, "status": s.status,
               "statements": s.n, "permalink": absolute(s.get_absolute_url())}
