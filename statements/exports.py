"""The rows of the statement, topic and source exports (browse.exports streams them)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from browse.exports import CHUNK

STATEMENT_FIELDS = [
    "id", "permalink", "said_on", "speaker", "speaker_slug", "speaker_role", "speaker_mention", "source_type", "cue", "kind",
    "content", "topics", "source_id", "source_title", "publisher", "source_url", "review_status", "confidence",
    "cluster_id", "first_appearance", "cluster_sources",
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
            "source_type": s.source_type,
            "cue": s.cue,
            "kind": s.kind,
            "content": s.content,
            "topics": "; ".join(t.slug for t in s.topics.all()),
            "source_id": s.source_id,
            "source_title": s.source.title,
            # A source uploaded as a file has no URL of its own: its page here is where it can be read; and
            # without a publisher, its URL's host says where it came from.
            "publisher": s.source.publisher or urlsplit(s.source.url).hostname or "",
            "source_url": s.source.url or absolute(s.source.get_absolute_url()),
            "review_status": s.review_status,
            "confidence": s.confidence,
            # The utterance it carries (statements.clustering): exports hold each once unless copies=all.
            "cluster_id": s.cluster_id,
            "first_appearance": s.is_first_appearance,
            "cluster_sources": s.cluster.source_count if s.cluster_id else None,
        }


def statement_filename_parts(filters) -> list[str]:
    """What a statement export holds, for its file name: speaker, topic, source, publisher, kind, status, words,
    and "every-copy" when it holds every copy of each utterance."""
    return [
        filters.speaker.slug if filters.speaker else "", filters.topic.slug if filters.topic else "",
        f"source-{filters.source.pk}" if filters.source else "", filters.publisher, filters.kind,
        filters.source_type, filters.review_status, filters.q, "" if filters.first_only else "every-copy",
    ]


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
