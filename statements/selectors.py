"""The one query layer for statements: pages, API, exports, feeds and admin read through here.

`filter_statements` takes the filters every list offers (as plain values, already validated by the
caller's form or FilterSet) and returns a queryset with speaker, role and source joined and topics
prefetched, so a page of any size costs a fixed number of queries.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, fields, replace

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.exceptions import EmptyResultSet
from django.core.validators import slug_re
from django.db import connection
from django.db.models import BooleanField, Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.expressions import OrderBy, RawSQL
from django.db.models.functions import Coalesce

from actors.models import Actor
from common.queries import count_subquery

from . import search
from .models import Source, Statement, Topic, TopicLink, source_label, source_note_for, speaker_words_for

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
    source_type: str = ""  # Statement.SourceType: named, unnamed or document
    review_status: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    min_confidence: float | None = None
    q: str = ""  # searched in the text only: a speaker it names is read by interpret_search, before
    include_rejected: bool = False
    # Each utterance once (its cluster's first appearance, statements.clustering) rather than every copy of it.
    # Pages ask for it by default (browse.forms `copies`); the API and alerts see every copy unless asked.
    first_only: bool = False


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def statement_base() -> QuerySet[Statement]:
    return Statement.objects.select_related("speaker", "speaker_role", "source", "cluster").prefetch_related(
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
    if filters.first_only:
        qs = qs.filter(is_first_appearance=True)
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
    if filters.source_type:
        qs = qs.filter(source_type=filters.source_type)
    if filters.date_from:
        qs = qs.filter(dated_on__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(dated_on__lte=filters.date_to)
    if filters.min_confidence is not None:
        qs = qs.filter(confidence__gte=filters.min_confidence)
    q = " ".join(filters.q.split())
    if q and uses_postgres() and search_query(q) is None:  # nothing to look for ("*"): nothing found
        return qs.none().order_by(*ORDERINGS.get(order, ORDERINGS["newest"]))
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
    query = search_query(q)
    if query is None:
        return qs.none()
    newest = qs.filter(search_vector=query).order_by(*ORDERINGS["newest"]).values_list("pk", flat=True)
    window = list(newest[:SEARCH_RANK_WINDOW + 1])
    overflows = len(window) > SEARCH_RANK_WINDOW
    ids = _id_set(window[:SEARCH_RANK_WINDOW])
    ranked = _annotate_search(statement_base().defer(*LIST_DEFERRED).filter(pk__in=ids), query)
    if overflows:
        ranked = ranked.annotate(beyond_window=Value(True, output_field=BooleanField()))
    ranked = ranked.order_by("-rank", "-id")
    ranked.search_window = window[:SEARCH_RANK_WINDOW]  # newest first, for facet_window (not kept by clones)
    return ranked


def window_overflows(page) -> bool:
    """Whether a page of `filter_statements` results was ranked within SEARCH_RANK_WINDOW while older matches
    exist beyond it (its count is then the window's, not every match's)."""
    return len(page) > 0 and getattr(page[0], "beyond_window", False)


def _search(qs: QuerySet[Statement], q: str) -> QuerySet[Statement]:
    """PostgreSQL full-text search (websearch syntax, ranked, highlighted); substring match on SQLite."""
    if not uses_postgres():
        return qs.filter(Q(content__icontains=q) | Q(speaker__name__icontains=q))
    query = search_query(q)
    return qs.none() if query is None else _annotate_search(qs.filter(search_vector=query), query)


def search_query(q: str) -> SearchQuery | None:
    """`q` (words, "phrases", -excluded, or, prefix*) as a PostgreSQL full-text query; None when it holds no
    word to look for (`*`, `&|!()`): such a query matches nothing. See statements.search."""
    text = search.to_tsquery_text(search.parse(q))
    return SearchQuery(text, config=SEARCH_CONFIG, search_type="raw") if text else None


def interpret_search(filters: StatementFilters, *, match_speakers: bool = True) -> tuple[StatementFilters, search.Interpretation]:
    """`filters` with a speaker the query names taken out of `q` into `speaker` ("Gordon Brown economy": Gordon
    Brown's statements matching "economy"), and how the query was read (for the page's suggestion).

    Only actors with listed statements count as named; a name shared by several of them narrows nothing (each
    is suggested). Nothing is read when a speaker is already chosen or `match_speakers` is off."""
    q = " ".join(filters.q.split())
    if not q or filters.speaker is not None or not match_speakers:
        return filters, search.Interpretation(query=q, text=q)
    reading = search.interpret(q, _speakers_named)
    if reading.narrowed:
        filters = replace(filters, q=reading.text, speaker=reading.speaker)
    return filters, reading


def _speakers_named(names: list[str]) -> dict[str, tuple[Actor, ...]]:
    """{normalised name: live actors known under it that have listed statements}, in one query."""
    from actors.selectors import actors_known_as

    speaking = Statement.objects.filter(speaker=OuterRef("pk")).exclude(review_status=Statement.ReviewStatus.REJECTED)
    return actors_known_as(names, Exists(speaking))


def _annotate_search(qs: QuerySet[Statement], query: SearchQuery) -> QuerySet[Statement]:
    return qs.annotate(
        rank=SearchRank(F("search_vector"), query),
        headline=SearchHeadline(
            "content", query, config=SEARCH_CONFIG, start_sel="<mark>", stop_sel="</mark>",
            max_words=40, min_words=15,
        ),
    )


# --- One actor's, source's or topic's statements, and single statements -----------------------------------------------


@dataclass(slots=True)
class ListedStatement:
    """A statement as lists show it (statements/templatetags/statement_list.py): plain values, read with its
    speaker, role, source and cluster in one query and its topics in another (listed_statements)."""

    pk: int
    content: str
    kind: str
    review_status: str
    cue: str
    said_on: dt.date | None
    source_type: str
    speaker_mention: str
    speaker_id: int | None
    speaker_slug: str | None
    speaker_name: str | None
    speaker_role_id: int | None
    role_title: str | None
    source_id: int
    source_title: str
    source_original_name: str
    source_publisher: str
    source_published: dt.date | None
    cluster_id: int | None
    cluster_source_count: int | None
    headline: str = ""  # a search's, with <mark>s around the words found
    beyond_window: bool = False  # see window_overflows
    topics: list[tuple[str, str]] = field(default_factory=list)  # (slug, name), A to Z

    @property
    def speaker_words(self) -> str:
        return speaker_words_for(self.speaker_mention, self.source_type)

    @property
    def source_note(self) -> str:
        return source_note_for(self.source_type)

    @property
    def source_label(self) -> str:
        return source_label(self.source_title, self.source_original_name, self.source_id)


# ListedStatement's fields and where a statement query reads them; its search headline and window flag are read
# when the query has them.
LISTED_COLUMNS = {
    "pk": "pk", "content": "content", "kind": "kind", "review_status": "review_status", "cue": "cue",
    "said_on": "said_on", "source_type": "source_type", "speaker_mention": "speaker_mention",
    "speaker_id": "speaker_id", "speaker_slug": "speaker__slug", "speaker_name": "speaker__name",
    "speaker_role_id": "speaker_role_id", "role_title": "speaker_role__title",
    "source_id": "source_id", "source_title": "source__title", "source_original_name": "source__original_name",
    "source_publisher": "source__publisher", "source_published": "source__published",
    "cluster_id": "cluster_id", "cluster_source_count": "cluster__source_count",
}
LISTED_ANNOTATIONS = ("headline", "beyond_window")


def listed_statements(statements: QuerySet[Statement]) -> list[ListedStatement]:
    """The rows of `statements` (in their order) as lists show them, in two queries: the rows as plain values,
    then their topics. Model instances for a row, its speaker, role, source and cluster cost twice as much CPU,
    and prefetch_related's topics a related manager and a queryset per row (docs/performance.md)."""
    names = [*LISTED_COLUMNS, *(name for name in LISTED_ANNOTATIONS if name in statements.query.annotations)]
    lookups = [LISTED_COLUMNS.get(name, name) for name in names]
    rows = [ListedStatement(**dict(zip(names, values)))
            for values in statements.prefetch_related(None).values_list(*lookups)]
    by_statement = {row.pk: row.topics for row in rows}
    links = (TopicLink.objects.filter(statement_id__in=list(by_statement)).order_by("topic__name")
             .values_list("statement_id", "topic__slug", "topic__name"))
    for statement_id, slug, name in links:
        by_statement[statement_id].append((slug, name))
    return rows


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
    """One statement with speaker, source, topics and mentioned actors loaded, as the API shows it (rejected ones
    too unless told otherwise)."""
    qs = statement_base() if include_rejected else statement_list()
    found = with_refs(statements_for_api(qs).filter(pk=pk)[:1])
    return found[0] if found else None


# --- Shapes for the API and exports -----------------------------------------------------------------------------------


def statements_for_api(statements: QuerySet[Statement]) -> QuerySet[Statement]:
    """`statements` lightened for API lists: no article text or bytes loaded per row. Their topics and mentioned
    actors are read for the page alone, by `with_refs`."""
    return statements.defer(*LIST_DEFERRED).prefetch_related(None)


def with_refs(statements) -> list[Statement]:
    """`statements` (a page) as a list, each with `topic_refs` and `mentioned_refs`: its topics and the actors it
    mentions, by name, read in one query each for the whole page. The API's serializer reads these lists:
    prefetch_related built a related manager and a filtered queryset per row and relation, a quarter of the CPU
    of an API list (docs/performance.md). A topic or actor met on several rows is one instance."""
    rows = list(statements)
    by_id = {row.pk: row for row in rows}
    for row in rows:
        row.topic_refs, row.mentioned_refs = [], []
    topics: dict[int, Topic] = {}
    links = (TopicLink.objects.filter(statement_id__in=list(by_id)).order_by("topic__name", "topic_id")
             .values_list("statement_id", "topic_id", "topic__slug", "topic__name"))
    for statement_id, topic_id, slug, name in links:
        topic = topics.get(topic_id) or topics.setdefault(topic_id, Topic(id=topic_id, slug=slug, name=name))
        by_id[statement_id].topic_refs.append(topic)
    actors: dict[int, Actor] = {}
    mentions = (Statement.mentioned_actors.through.objects.filter(statement_id__in=list(by_id))
                .order_by("actor__name", "actor_id")
                .values_list("statement_id", "actor_id", "actor__slug", "actor__name", "actor__kind"))
    for statement_id, actor_id, slug, name, kind in mentions:
        actor = actors.get(actor_id) or actors.setdefault(actor_id, Actor(id=actor_id, slug=slug, name=name, kind=kind))
        by_id[statement_id].mentioned_refs.append(actor)
    return rows


def statements_for_export(filters: StatementFilters = StatementFilters(), *, order: str = "") -> QuerySet[Statement]:
    """`filter_statements` for exports: the same filters and order, without the per-row search headline
    (ts_headline re-reads every statement's text and exports do not show it). Ranked by relevance, an export
    holds every match, not only the SEARCH_RANK_WINDOW newest that pages rank: it streams, so ranking them
    all costs it little."""
    q = " ".join(filters.q.split())
    if not q or not uses_postgres():
        return filter_statements(filters, order=order)
    query = search_query(q)
    if query is None:
        return filter_statements(filters, order=order).none()
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


# Facets count the newest FACET_WINDOW statements of a list, not all of them: a common word matches tens of
# thousands of statements on a large database, and grouping all their topics per request would cost more than
# the page (reading 2,000 rows took 20-50 ms of SQL on 1,000,000 statements, 500 a quarter of it: bench/facets.py).
# Every value offered is counted among rows of the list itself, so choosing it never empties the list.
FACET_WINDOW = 500
FACET_LIMIT = 100
# What a list page computes beside its rows each time it is shown (its facets, its capped count) is cached when
# slower than this (cached_aggregate): on 1,000,000 statements they take 2-10 ms of SQL each, while reading them
# from the cache costs well under one; a small database stays exact.
LIST_AGGREGATE_SLOW_MS = 5


@dataclass(frozen=True)
class Facets:
    """Choices to narrow a list, most first: speakers and topics [{slug, name, n}], publishers [{name, n}], kinds
    and review statuses [{value, name, n}] (name: the label), periods [{value, n}] (value: a key of the `periods`
    given to statement_facets, in their order). `window` is the number of statements counted when the list holds
    more (the counts are then among its newest `window`: FACET_WINDOW, or a relevance ranking's window)."""

    speakers: list
    topics: list
    publishers: list
    window: int | None = None
    kinds: list = field(default_factory=list)
    review_statuses: list = field(default_factory=list)
    periods: list = field(default_factory=list)


def facet_window(statements: QuerySet[Statement]) -> tuple[list[tuple], bool]:
    """(id, speaker id, publisher, kind, review status, date) of the newest FACET_WINDOW statements of a
    filter_statements list, and whether it holds more. A list ranked by relevance has the ids of its newest matches
    in hand (`search_window`); any other list is read in its own order, from its own indexes."""
    fields = ("pk", "speaker_id", "source__publisher", "kind", "review_status", "dated_on")
    window = getattr(statements, "search_window", None)  # ranked by relevance: its ids, newest first
    if window is not None:
        rows = list(Statement.objects.filter(pk__in=_id_set(window[:FACET_WINDOW])).values_list(*fields))
        return rows, len(window) > FACET_WINDOW or "beyond_window" in statements.query.annotations
    qs = statements.prefetch_related(None).order_by(*ORDERINGS["newest"])
    rows = list(qs.values_list(*fields)[: FACET_WINDOW + 1])
    return rows[:FACET_WINDOW], len(rows) > FACET_WINDOW


def _id_set(ids: list[int]):
    # One array parameter on PostgreSQL, not hundreds: building and quoting a long IN list costs more than the query.
    return RawSQL("SELECT unnest(%s::bigint[])", (ids,)) if uses_postgres() else ids


def _most_first(counts: Counter, limit: int, label=lambda key: key) -> list:
    return sorted(counts.items(), key=lambda item: (-item[1], label(item[0])))[:limit]


def statement_facets(statements: QuerySet[Statement], limit: int = FACET_LIMIT,
                     periods: dict[str, dt.date | None] | None = None) -> Facets:
    """Speakers, topics, publishers, kinds and review statuses of `statements` (a filter_statements list) with their
    counts, and how many of them fall in each of `periods` ({key: since, None for all time}), over at most
    FACET_WINDOW rows whatever the list's size.

    Three queries: the window's rows (counted here, as plain tuples), the counted speakers' names (tuples, not
    Actor instances: ~350 of those per page cost 3-6 ms of CPU), the topics counted by the database. All of it in
    one statement (the facets grouped in SQL) cost PostgreSQL two to three times as much: docs/performance.md."""
    rows, overflows = facet_window(statements)
    if not rows:
        return Facets([], [], [])
    by_speaker = Counter(row[1] for row in rows if row[1] is not None)
    names = {pk: (slug, name) for pk, slug, name in
             Actor.objects.filter(pk__in=_id_set(list(by_speaker))).values_list("pk", "slug", "name")}
    speakers = [{"slug": names[pk][0], "name": names[pk][1], "n": n}
                for pk, n in _most_first(Counter({pk: n for pk, n in by_speaker.items() if pk in names}), limit,
                                         lambda pk: names[pk][1])]
    topics = list(
        TopicLink.objects.filter(statement_id__in=_id_set([row[0] for row in rows]))
        .values(slug=F("topic__slug"), name=F("topic__name")).annotate(n=Count("statement_id"))
        .order_by("-n", "name")[:limit]
    )
    publishers = Counter(row[2] for row in rows if row[2])
    labels = {"kinds": (3, dict(Statement.Kind.choices)), "review_statuses": (4, dict(Statement.ReviewStatus.choices))}
    dates = [row[5] for row in rows]
    return Facets(
        speakers=speakers,
        topics=topics,
        publishers=[{"name": name, "n": n} for name, n in _most_first(publishers, limit)],
        window=len(rows) if overflows else None,
        **{facet: [{"value": v, "name": str(names_.get(v, v)), "n": n}
                   for v, n in _most_first(Counter(row[column] for row in rows), limit)]
           for facet, (column, names_) in labels.items()},
        periods=[{"value": key, "n": len(rows) if since is None else sum(1 for d in dates if d and d >= since)}
                 for key, since in (periods or {}).items()],
    )


def cached_facets(statements: QuerySet[Statement], filters: StatementFilters, order: str = "",
                  periods: dict[str, dt.date | None] | None = None) -> Facets:
    """`statement_facets` through `cached_aggregate`, keyed by the list's filters and order (the facets are a
    function of them; compiling the list's SQL for a key cost a millisecond). A list that cannot match anything has
    none."""
    if statements.query.is_empty():
        return Facets([], [], [])
    return cached_aggregate(lambda: [statement_facets(statements, periods=periods)],
                            "facets", filters_key(filters), order, periods, slow_ms=LIST_AGGREGATE_SLOW_MS)[0]


def filters_key(filters: StatementFilters) -> tuple:
    """`filters` as plain values (a chosen speaker, topic or source by its id), for a cache key."""
    return tuple(getattr(getattr(filters, f.name), "pk", getattr(filters, f.name)) for f in fields(filters))


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


def speaking_actors(actors: QuerySet[Actor]) -> QuerySet[Actor]:
    """The actors that said something: the speaker of at least one listed (not rejected) statement. Public lists
    show only these; an actor only mentioned, or known from a roster, or left empty by merges and corrections,
    keeps its own page (links to it still answer) but is not listed."""
    said = Statement.objects.filter(speaker=OuterRef("pk")).exclude(review_status=Statement.ReviewStatus.REJECTED)
    return actors.filter(Exists(said))


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


def first_listed(relation: str) -> Q:
    """Through `relation`, the statements lists count: not rejected, and each cluster's first appearance only."""
    return Q(**{f"{relation}__is_first_appearance": True}) & ~Q(
        **{f"{relation}__review_status": Statement.ReviewStatus.REJECTED})


def listed_statement_count(column: str) -> Coalesce:
    """Per outer row (an actor through "speaker", a topic through "topics"), its number of listed (not rejected)
    statements, as a correlated subquery: right under any join, and computed only for the rows a page shows."""
    return count_subquery(Statement.objects.exclude(review_status=Statement.ReviewStatus.REJECTED), column)


def with_statement_counts(actors: QuerySet[Actor]) -> QuerySet[Actor]:
    """Annotate actors with `n`, their number of listed (not rejected) statements, each utterance once (its first
    appearance: a line carried by ten outlets counts one); most first."""
    counted = Count("statements", filter=first_listed("statements"))
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
    editor shaped (keywords, a description, subtopics) is listed even while it has no statements. Each utterance
    counts once (its first appearance), however many outlets carried it."""
    counted = Count("statements", filter=first_listed("statements"))
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


def _key_part(part) -> str:
    """What an aggregate's key part stands for: a queryset its SQL (a queryset that can match nothing, e.g. a search
    with no word left to look for, has none), anything else its repr."""
    if not isinstance(part, QuerySet):
        return repr(part)
    try:
        return str(part.query)
    except EmptyResultSet:
        return "<no rows>"


def cached_aggregate(compute, *key, slow_ms: float | None = None):
    """`compute()` (a list), from Django's cache when the same aggregate was slow to compute moments ago.

    For sidebars and charts beside a list (top speakers, topics with counts, publishers, a timeline), never
    for the list itself. `key` names the aggregate: querysets in it stand for their SQL, so every filter
    combination has its own entry. Only results that took at least `slow_ms` (AGGREGATE_SLOW_MS) are cached, for
    AGGREGATE_TTL seconds; any save or delete of a statement, source, topic or actor in this process starts a
    new generation (see `_bump_generation`), so a page reflects an edit made through it at once, and other
    processes' edits within the TTL.
    """
    import hashlib
    import time

    from django.core.cache import cache

    generation = cache.get_or_set(_GENERATION_KEY, 0, None)
    parts = [_key_part(part) for part in key]
    digest = hashlib.sha256("\x1f".join([str(generation), *parts]).encode()).hexdigest()
    cache_key = f"statements:aggregate:{digest}"
    value = cache.get(cache_key)
    if value is None:
        started = time.perf_counter()
        value = list(compute())
        if (time.perf_counter() - started) * 1000 >= (AGGREGATE_SLOW_MS if slow_ms is None else slow_ms):
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


# --- The admin's "Unresolved speakers" queue (issue 20) ---------------------------------------------------------------

QUEUE_SOURCE_TYPES = (Statement.SourceType.NAMED, Statement.SourceType.DOCUMENT)


def _mention_key():
    from django.db.models.functions import Lower, Trim

    return Lower(Trim("speaker_mention"))  # actors.services.mention_key, in SQL


def unresolved_statements() -> QuerySet[Statement]:
    """Listed statements of a named or document source with no actor, and words to resolve (`mention_key`)."""
    return (
        Statement.objects.filter(speaker__isnull=True, source_type__in=QUEUE_SOURCE_TYPES)
        .exclude(review_status=Statement.ReviewStatus.REJECTED).exclude(speaker_mention="")
        .annotate(mention_key=_mention_key())
    )


def unresolved_speaker_groups() -> QuerySet:
    """The unresolved statements grouped by identical mention (case aside), most frequent first: dicts with
    `mention_key`, `mention` (one way it is written), `statements`, `articles` (distinct sources), `documents`
    (how many of them are a document source) and `first_seen` (the earliest date)."""
    from django.db.models import Min

    return (
        unresolved_statements().order_by().values("mention_key")
        .annotate(mention=Min("speaker_mention"), statements=Count("id"), articles=Count("source_id", distinct=True),
                  documents=Count("id", filter=Q(source_type=Statement.SourceType.DOCUMENT)),
                  first_seen=Min("dated_on"))
        .order_by("-statements", "mention_key")
    )


def unresolved_group(mention_key: str) -> QuerySet[Statement]:
    """One group's statements, with their sources, newest first."""
    return (with_sort_date(unresolved_statements().filter(mention_key=mention_key)).select_related("source")
            .defer("source__text", "source__original", "search_vector").order_by(*ORDERINGS["newest"]))
