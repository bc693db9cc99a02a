"""The one query layer for statements: pages, API, exports, feeds and admin read through here.

`filter_statements` takes the filters every list offers (as plain values, already validated by the
caller's form or FilterSet) and returns a queryset with speaker, role and source joined and topics
prefetched, so a page of any size costs a fixed number of queries.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, Prefetch, Q, QuerySet

from actors.models import Actor

from .models import Source, Statement, Topic

SEARCH_CONFIG = "english"
ORDERINGS = {
    "newest": ("-said_on", "-id"),
    "oldest": ("said_on", "id"),
    "confidence": ("-confidence", "-id"),
    "-confidence": ("confidence", "id"),
}


@dataclass(frozen=True)
class StatementFilters:
    """Every filter a statement list offers. None or empty means "not filtered"."""

    speaker: Actor | None = None
    topic: Topic | None = None
    source: Source | None = None
    publisher: str = ""
    kind: str = ""
    review_status: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    min_confidence: float | None = None
    q: str = ""
    include_rejected: bool = False


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def statement_base() -> QuerySet[Statement]:
    return Statement.objects.select_related("speaker", "speaker_role", "source").prefetch_related(
        Prefetch("topics", queryset=Topic.objects.only("id", "name", "slug"))
    )


def statement_list() -> QuerySet[Statement]:
    """Statements as lists show them: rejected ones hidden."""
    return statement_base().exclude(review_status=Statement.ReviewStatus.REJECTED)


def filter_statements(filters: StatementFilters = StatementFilters(), *, order: str = "") -> QuerySet[Statement]:
    """Statements matching the filters; with `q`, ranked by relevance unless another order is asked for."""
    qs = statement_base()
    if filters.review_status:
        qs = qs.filter(review_status=filters.review_status)
    elif not filters.include_rejected:
        qs = qs.exclude(review_status=Statement.ReviewStatus.REJECTED)
    if filters.speaker is not None:
        qs = qs.filter(speaker=filters.speaker)
    if filters.topic is not None:
        qs = qs.filter(topics=filters.topic)
    if filters.source is not None:
        qs = qs.filter(source=filters.source)
    if filters.publisher:
        qs = qs.filter(source__publisher__iexact=filters.publisher)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.date_from:
        qs = qs.filter(said_on__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(said_on__lte=filters.date_to)
    if filters.min_confidence is not None:
        qs = qs.filter(confidence__gte=filters.min_confidence)
    q = " ".join(filters.q.split())
    if q:
        qs = _search(qs, q)
        if not order or order == "relevance":
            return qs.order_by("-rank", "-id") if uses_postgres() else qs.order_by("-said_on", "-id")
    return qs.order_by(*ORDERINGS.get(order, ORDERINGS["newest"]))


def _search(qs: QuerySet[Statement], q: str) -> QuerySet[Statement]:
    """PostgreSQL full-text search (websearch syntax, ranked, highlighted); substring match on SQLite."""
    if not uses_postgres():
        return qs.filter(Q(content__icontains=q) | Q(speaker__name__icontains=q))
    query = SearchQuery(q, config=SEARCH_CONFIG, search_type="websearch")
    return qs.filter(search_vector=query).annotate(
        rank=SearchRank(F("search_vector"), query),
        headline=SearchHeadline(
            "content", query, config=SEARCH_CONFIG, start_sel="<mark>", stop_sel="</mark>",
            max_words=40, min_words=15,
        ),
    )


def statements_by_speaker(actor) -> QuerySet[Statement]:
    return filter_statements(StatementFilters(speaker=actor))


def statements_in_source(source: Source) -> QuerySet[Statement]:
    return statement_list().filter(source=source).order_by("content_start")


def statements_on_topic(topic: Topic) -> QuerySet[Statement]:
    return filter_statements(StatementFilters(topic=topic))


def latest_statements(limit: int = 20) -> QuerySet[Statement]:
    return statement_list().order_by("-created_at", "-id")[:limit]


def top_speakers(statements: QuerySet[Statement], limit: int = 10):
    """Actors with the most statements among `statements`, most first: [{speaker, name, slug, n}]."""
    return (
        statements.order_by().exclude(speaker=None)
        .values("speaker", name=F("speaker__name"), slug=F("speaker__slug"))
        .annotate(n=Count("id")).order_by("-n", "name")[:limit]
    )


def top_topics(statements: QuerySet[Statement], limit: int = 10):
    """Topics most often tagged among `statements`: [{topic, name, slug, n}]."""
    return (
        Topic.objects.filter(statements__in=statements.order_by().values("pk"))
        .values("pk", "name", "slug").annotate(n=Count("statements")).order_by("-n", "name")[:limit]
    )
