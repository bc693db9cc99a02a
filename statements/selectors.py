"""The one query layer for statements: pages, API, exports, feeds and admin read through here.

`filter_statements` takes the filters every list offers (as plain values, already validated by the
caller's form or FilterSet) and returns a queryset with speaker, role and source joined and topics
prefetched, so a page of any size costs a fixed number of queries.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.validators import slug_re
from django.db import connection
from django.db.models import BooleanField, Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.expressions import OrderBy, RawSQL
from django.db.models.functions import Coalesce

from actors.models import Actor
from common.queries import count_subquery

from .models import Source, Statement, Topic

SEARCH_CONFIG = "english"
# A statement's date for ordering: when it was said, else its source's publication date. Statements with neither
# ("undated") come last under newest AND under oldest: a list's first page is dated statements, not unknowns.
SORT_DATE = "sort_date"
ORDERINGS = {
    "newest": (OrderBy(F(SORT_DATE), descending=True, nulls_last=True), "-id"),
    "oldest": (OrderBy(F(SORT_DATE), nulls_last=True), "id"),
    "confidence": ("-confidence", "-id"),
    "-confidence": ("confidence", "id"),
}


# --- Statement lists: filters, order, full-text search ----------------------------------------------------------------


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


LIST_DEFERRED = ("search_vector", "source__text", "source__original")


def statement_list() -> QuerySet[Statement]:
    """Statements as lists show them: rejected ones hidden."""
    return statement_base().exclude(review_status=Statement.ReviewStatus.REJECTED)


def filter_statements(filters: StatementFilters = StatementFilters(), *, order: str = "") -> QuerySet[Statement]:
    """Statements matching the filters; with `q`, ranked by relevance unless another order is asked for.

    Lists never show the article's text or bytes, or the search vector: they are not read (a page of 20 rows
    used to carry 20 article texts and original uploads)."""
    qs = statement_base().defer(*LIST_DEFERRED)
    if filters.review_status:
        qs = qs.filter(review_status=filters.review_status)
    elif not filters.include_rejected:
        qs = qs.exclude(review_status=Statement.ReviewStatus.REJECTED)
    if filters.speaker is not None:
        qs = qs.filter(speaker=filters.speaker)
    if filters.topic is not None:
        # Through the link rows, whose said_on (a trigger-kept copy of the statement's) orders a topic's
        # list from the index (topic_id, said_on DESC, statement_id DESC): see TopicLink.
        qs = qs.filter(topic_links__topic=filters.topic).annotate(topic_said_on=F("topic_links__said_on"))
    qs = with_sort_date(qs, from_topic_link=filters.topic is not None)
    if filters.source is not None:
        qs = qs.filter(source=filters.source)
    if filters.publisher:
        qs = qs.filter(source__publisher__iexact=filters.publisher)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.date_from:
        qs = qs.filter(dated_on__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(dated_on__lte=filters.date_to)
    if filters.min_confidence is not None:
        qs = qs.filter(confidence__gte=filters.min_confidence)
    q = " ".join(filters.q.split())
    if q:
        if ranks_by_relevance(filters, order):
            return _ranked_search(qs, q)
        qs = _search(qs, q)
        if not order or order == "relevance":
            return qs.order_by(*ORDERINGS["newest"])  # SQLite: no ranking
    return qs.order_by(*ORDERINGS.get(order, ORDERINGS["newest"]))


def with_sort_date(qs: QuerySet[Statement], *, from_topic_link: bool = False) -> QuerySet[Statement]:
    """`qs` with `sort_date`: said_on, else the source's publication date, else NULL (undated).

    That is the statement's `dated_on` (kept by triggers, indexed NULLS LAST: migrations 0007-0008); on a topic's
    list it is read from the link row (the same value, a trigger-kept copy: see TopicLink)."""
    return qs.annotate(**{SORT_DATE: F("topic_said_on") if from_topic_link else F("dated_on")})


def ranks_by_relevance(filters: StatementFilters, order: str = "") -> bool:
    """Whether `filter_statements(filters, order=order)` ranks by relevance (and so within SEARCH_RANK_WINDOW)."""
    return bool(filters.q.split()) and order in ("", "relevance") and uses_postgres()


# Relevance ranks the newest SEARCH_RANK_WINDOW matches, not all of them: ts_rank must read every ranked
# vector, and a common word matches tens of thousands of statements ("government": 68,000 of 1M, 190-250 ms
# of SQL to rank them all). The newest 2,000 matches are found by walking the date index (or, for rarer
# words, from the GIN index) and only they are ranked. A query with fewer matches is ranked in full.
SEARCH_RANK_WINDOW = 2000


def _ranked_search(qs: QuerySet[Statement], q: str) -> QuerySet[Statement]:
    """The newest SEARCH_RANK_WINDOW statements of `qs` matching `q`, most relevant first.

    The window's ids are read here, in one query, so that the page's count, its ids and its rows do not each
    find them again (as a subquery they would: three times per page). One id more than the window is read to
    tell whether older matches were left out: then every row carries `beyond_window` (see window_overflows)."""
    query = SearchQuery(q, config=SEARCH_CONFIG, search_type="websearch")
    newest = qs.filter(search_vector=query).order_by(*ORDERINGS["newest"]).values_list("pk", flat=True)
    window = list(newest[:SEARCH_RANK_WINDOW + 1])
    overflows = len(window) > SEARCH_RANK_WINDOW
    # One array parameter, not 2,000: building and quoting an IN list that long costs more than the query.
    ids = RawSQL("SELECT unnest(%s::bigint[])", (window[:SEARCH_RANK_WINDOW],))
    ranked = _annotate_search(statement_base().defer(*LIST_DEFERRED).filter(pk__in=ids), query)
    if overflows:
        ranked = ranked.annotate(beyond_window=Value(True, output_field=BooleanField()))
    return ranked.order_by("-rank", "-id")


def window_overflows(page) -> bool:
    """Whether a page of `filter_statements` results was ranked within SEARCH_RANK_WINDOW while older matches
    exist beyond it (its count is then the window's, not every match's)."""
    return len(page) > 0 and getattr(page[0], "beyond_window", False)


def _search(qs: QuerySet[Statement], q: str) -> QuerySet[Statement]:
    """PostgreSQL full-text search (websearch syntax, ranked, highlighted); substring match on SQLite."""
    if not uses_postgres():
        return qs.filter(Q(content__icontains=q) | Q(speaker__name__icontains=q))
    query = SearchQuery(q, config=SEARCH_CONFIG, search_type="websearch")
    return _annotate_search(qs.filter(search_vector=query), query)


def _annotate_search(qs: QuerySet[Statement], query: SearchQuery) -> QuerySet[Statement]:
    return qs.annotate(
        rank=SearchRank(F("search_vector"), query),
        headline=SearchHeadline(
            "content", query, config=SEARCH_CONFIG, start_sel="<mark>", stop_sel="</mark>",
            max_words=40, min_words=15,
        ),
    )


# --- One actor's, source's or topic's statements, and single statements -----------------------------------------------


def statements_by_speaker(actor) -> QuerySet[Statement]:
    return filter_statements(StatementFilters(speaker=actor))


def statements_in_source(source: Source) -> QuerySet[Statement]:
    return statement_list().filter(source=source).order_by("content_start")


def statements_on_topic(topic: Topic) -> QuerySet[Statement]:
    return filter_statements(StatementFilters(topic=topic))


def statements_beside(statement: Statement) -> QuerySet[Statement]:
    """Other listed statements by the same speaker in the same source, in text order."""
    qs = statement_list().filter(source_id=statement.source_id).exclude(pk=statement.pk)
    if statement.speaker_id:
        qs = qs.filter(speaker_id=statement.speaker_id)
    else:
        qs = qs.filter(speaker=None, speaker_mention=statement.speaker_mention)
    return qs.order_by("content_start")


def statement_by_pk(pk: int, *, include_rejected: bool = True) -> Statement | None:
    """One statement with speaker, source and topics loaded (rejected ones too unless told otherwise)."""
    qs = statement_base() if include_rejected else statement_list()
    return statements_for_api(qs).filter(pk=pk).first()


# --- Shapes for the API and exports -----------------------------------------------------------------------------------


def statements_for_api(statements: QuerySet[Statement]) -> QuerySet[Statement]:
    """`statements` lightened for API lists: no article text or bytes loaded per row, mentions prefetched."""
    return statements.defer(*LIST_DEFERRED).prefetch_related(
        Prefetch("mentioned_actors", queryset=Actor.objects.only("id", "name", "slug", "kind"))
    )


def statements_for_export(filters: StatementFilters = StatementFilters(), *, order: str = "") -> QuerySet[Statement]:
    """`filter_statements` for exports: the same filters and order, without the per-row search headline
    (ts_headline re-reads every statement's text and exports do not show it). Ranked by relevance, an export
    holds every match, not only the SEARCH_RANK_WINDOW newest that pages rank: it streams, so ranking them
    all costs it little."""
    from dataclasses import replace

    q = " ".join(filters.q.split())
    if not q or not uses_postgres():
        return filter_statements(filters, order=order)
    query = SearchQuery(q, config=SEARCH_CONFIG, search_type="websearch")
    relevance = not order or order == "relevance"
    qs = filter_statements(replace(filters, q=""), order=order or "newest").filter(search_vector=query)
    if relevance:
        qs = qs.annotate(rank=SearchRank(F("search_vector"), query)).order_by("-rank", "-id")
    return qs


# --- Aggregates over a list of statements -----------------------------------------------------------------------------


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


def top_mentioned(statements: QuerySet[Statement], limit: int = 10):
    """Actors most often mentioned (Statement.mentioned_actors) in `statements`: [{pk, name, slug, n}]."""
    return (
        Actor.objects.filter(mentioned_in__in=statements.order_by().values("pk"))
        .values("pk", "name", "slug").annotate(n=Count("mentioned_in")).order_by("-n", "name")[:limit]
    )


def statements_over_time(statements: QuerySet[Statement], unit: str = "month"):
    """[{bucket: date, n}] counting `statements` per day, week or month of `said_on`, oldest first (undated left out)."""
    from django.db.models.functions import TruncMonth, TruncWeek

    qs = statements.order_by().prefetch_related(None).exclude(said_on=None)
    if unit == "day":
        qs = qs.annotate(bucket=F("said_on"))
    else:
        qs = qs.annotate(bucket=(TruncWeek if unit == "week" else TruncMonth)("said_on"))
    return list(qs.values("bucket").annotate(n=Count("id")).order_by("bucket"))


def publishers(statements: QuerySet[Statement] | None = None, limit: int = 200) -> list[str]:
    """Distinct publishers of the sources of `statements` (of all sources when None), A to Z."""
    sources = Source.objects.all()
    if statements is not None:
        sources = sources.filter(pk__in=statements.order_by().values("source_id"))
    return list(
        sources.exclude(publisher="").order_by("publisher").values_list("publisher", flat=True).distinct()[:limit]
    )


def editor_search(statements: QuerySet[Statement], term: str) -> QuerySet[Statement]:
    """The admin's statement search: statements whose words match `term` (full text, websearch syntax, the
    search index) or whose speaker's name or alias contains it. Substring matches on every statement's
    content, mention and source title (the admin's default) read the whole table: seconds at a million."""
    from actors.selectors import search_actors

    term = " ".join((term or "").split())
    if not term:
        return statements
    speakers = list(search_actors(term).values_list("pk", flat=True)[:200])  # ids: the planner ORs two indexes
    if not uses_postgres():
        return statements.filter(Q(content__icontains=term) | Q(speaker_id__in=speakers))
    words = SearchQuery(term, config=SEARCH_CONFIG, search_type="websearch")
    return statements.filter(Q(search_vector=words) | Q(speaker_id__in=speakers))


def listed_statement_count(column: str) -> Coalesce:
    """Per outer row (an actor through "speaker", a topic through "topics"), its number of listed (not rejected)
    statements, as a correlated subquery: right under any join, and computed only for the rows a page shows."""
    return count_subquery(Statement.objects.exclude(review_status=Statement.ReviewStatus.REJECTED), column)


def with_statement_counts(actors: QuerySet[Actor]) -> QuerySet[Actor]:
    """Annotate actors with `n`, their number of listed (not rejected) statements; most first."""
    counted = Count("statements", filter=~Q(statements__review_status=Statement.ReviewStatus.REJECTED))
    return actors.annotate(n=counted).order_by("-n", "name")


# --- Topics -----------------------------------------------------------------------------------------------------------


def topic_by_slug(slug: str) -> Topic | None:
    return Topic.objects.filter(slug=slug).first() if slug_re.fullmatch(slug) else None


def topic_by_id_or_slug(ref: str) -> Topic | None:
    text = str(ref).strip()
    if text.isascii() and text.isdigit():
        number = int(text) if len(text.lstrip("0")) < 20 else 0  # int() refuses 4,300+ digits
        return Topic.objects.filter(pk=number).first() if 0 < number < 2**63 else None
    return Topic.objects.filter(slug=text).first() if slug_re.fullmatch(text) else None


def topics_with_counts(q: str = "") -> QuerySet[Topic]:
    """Topics with `n`, their number of listed (not rejected) statements, busiest first.

    A topic extraction made that no statement carries any more (re-extraction dropped it) is left out; one an
    editor shaped (keywords, a description, subtopics) is listed even while it has no statements."""
    counted = Count("statements", filter=~Q(statements__review_status=Statement.ReviewStatus.REJECTED))
    qs = Topic.objects.all()
    if q:
        qs = qs.filter(name__icontains=q)
    curated = ~Q(keywords=[]) | ~Q(description="") | Exists(Topic.objects.filter(parent=OuterRef("pk")))
    return qs.annotate(n=counted).filter(Q(n__gt=0) | curated).order_by("-n", "name")


def topic_list(*, name: str = "", parent: Topic | None = None) -> QuerySet[Topic]:
    """Topics A to Z, optionally those whose name contains `name` or that sit under `parent`."""
    qs = Topic.objects.select_related("parent").order_by("name", "id")
    name = " ".join((name or "").split())
    if name:
        qs = qs.filter(name__icontains=name)
    if parent is not None:
        qs = qs.filter(parent=parent)
    return qs


# --- Sources ----------------------------------------------------------------------------------------------------------


def source_by_pk(pk: int) -> Source | None:
    return Source.objects.filter(pk=pk).first()


def source_detail(pk: int) -> Source | None:
    """One source with its text (not its original bytes) and `n`, its number of listed statements."""
    counted = Count("statements", filter=~Q(statements__review_status=Statement.ReviewStatus.REJECTED))
    return Source.objects.defer("original").annotate(n=counted).filter(pk=pk).first()


def source_list(
    *,
    status: str = "",
    publisher: str = "",
    published_from: dt.date | None = None,
    published_to: dt.date | None = None,
    q: str = "",
    url: str = "",
) -> QuerySet[Source]:
    """Sources newest upload first, without their text and bytes (a page of any size stays light)."""
    qs = Source.objects.defer("text", "original").order_by("-created_at", "-id")
    if status:
        qs = qs.filter(status=status)
    if publisher:
        qs = qs.filter(publisher__iexact=publisher)
    if published_from:
        qs = qs.filter(published__gte=published_from)
    if published_to:
        qs = qs.filter(published__lte=published_to)
    q = " ".join((q or "").split())
    if q:
        qs = qs.filter(title__icontains=q)
    if url:
        qs = qs.filter(url=url)
    return qs


def sources_with_counts(*, q: str = "", publisher: str = "", status: str = "") -> QuerySet[Source]:
    """`source_list` (newest upload first, without text and bytes) with `n`, listed statements per source.

    `n` is a correlated subquery, not a join with GROUP BY: a page then counts the statements of its 30
    sources only, where the join grouped every statement of every source before picking the page
    (200,000 sources, 1M statements: 1.5 s -> milliseconds, docs/performance.md)."""
    from django.db.models import IntegerField, OuterRef, Subquery, Value
    from django.db.models.functions import Coalesce
    per_source = (
        Statement.objects.filter(source=OuterRef("pk")).exclude(review_status=Statement.ReviewStatus.REJECTED)
        .order_by().values("source").annotate(c=Count("pk")).values("c")
    )
    counted = Coalesce(Subquery(per_source, output_field=IntegerField()), Value(0))
    return source_list(q=q, publisher=publisher, status=status).annotate(n=counted)


# --- Cached aggregates for large databases ------------------------------------------------------------------------


AGGREGATE_TTL = 120  # seconds a slow sidebar aggregate may be served from the cache


AGGREGATE_SLOW_MS = 20  # only aggregates slower than this are cached (a small database is always exact)


_GENERATION_KEY = "statements:aggregates:generation"


def cached_aggregate(compute, *key):
    """`compute()` (a list), from Django's cache when the same aggregate was slow to compute moments ago.

    For sidebars and charts beside a list (top speakers, topics with counts, publishers, a timeline), never
    for the list itself. `key` names the aggregate: querysets in it stand for their SQL, so every filter
    combination has its own entry. Only results that took at least AGGREGATE_SLOW_MS are cached, for
    AGGREGATE_TTL seconds; any save or delete of a statement, source, topic or actor in this process starts a
    new generation (see `_bump_generation`), so a page reflects an edit made through it at once, and other
    processes' edits within the TTL.
    """
    import hashlib
    import time

    from django.core.cache import cache

    generation = cache.get_or_set(_GENERATION_KEY, 0, None)
    parts = [str(part.query) if isinstance(part, QuerySet) else repr(part) for part in key]
    digest = hashlib.sha256("\x1f".join([str(generation), *parts]).encode()).hexdigest()
    cache_key = f"statements:aggregate:{digest}"
    value = cache.get(cache_key)
    if value is None:
        started = time.perf_counter()
        value = list(compute())
        if (time.perf_counter() - started) * 1000 >= AGGREGATE_SLOW_MS:
            cache.set(cache_key, value, AGGREGATE_TTL)
    return value


def _bump_generation(sender, **kwargs):
    from django.core.cache import cache

    try:
        cache.incr(_GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): nothing cached under the old generation is reachable
        cache.set(_GENERATION_KEY, 1, None)


def _connect_invalidation():
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in (Statement, Source, Topic, Actor):
        post_save.connect(_bump_generation, sender=model, dispatch_uid=f"aggregates-save-{model.__name__}")
        post_delete.connect(_bump_generation, sender=model, dispatch_uid=f"aggregates-delete-{model.__name__}")
    for through in (Statement.topics.through, Statement.mentioned_actors.through):
        m2m_changed.connect(_bump_generation, sender=through, dispatch_uid=f"aggregates-m2m-{through.__name__}")


_connect_invalidation()
