"""Reads about clusters for pages and the API: the cluster list, one cluster with every copy and how each copy's
wording differs from the canonical one, and who else carried a statement."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, QuerySet
from django.db.models.expressions import OrderBy

from actors.models import Actor

from ..models import Cluster, Statement, Topic, TopicLink
from . import diff, text

# Newest first appearance first; clusters whose copies are all undated come last (as statements do).
CLUSTER_ORDER = (OrderBy(F("first_dated_on"), descending=True, nulls_last=True), "-id")
ALSO_REPORTED_LIMIT = 200  # copies read for a permalink's "also reported by" line


def cluster_list(*, speaker: Actor | None = None, topic: Topic | None = None, date_from: dt.date | None = None,
                 date_to: dt.date | None = None, min_sources: int | None = None) -> QuerySet[Cluster]:
    """Clusters newest first appearance first, with their speaker and first statement (and its source) joined.

    `topic` is the first appearance's (the copy lists show); the dates are the first appearance's; `min_sources`
    counts a reprint with its original (Cluster.source_count)."""
    qs = (Cluster.objects.exclude(first_statement=None)
          .select_related("speaker", "first_statement", "first_statement__source", "first_statement__speaker")
          .defer("first_statement__search_vector", "first_statement__source__text",
                 "first_statement__source__original"))
    if speaker is not None:
        qs = qs.filter(speaker=speaker)
    if topic is not None:
        qs = qs.filter(Exists(TopicLink.objects.filter(statement_id=OuterRef("first_statement_id"), topic=topic)))
    if date_from:
        qs = qs.filter(first_dated_on__gte=date_from)
    if date_to:
        qs = qs.filter(first_dated_on__lte=date_to)
    if min_sources:
        qs = qs.filter(source_count__gte=min_sources)
    return qs.order_by(*CLUSTER_ORDER)


def cluster_by_pk(pk: int) -> Cluster | None:
    return (Cluster.objects.select_related("speaker", "first_statement", "first_statement__source")
            .defer("first_statement__search_vector", "first_statement__source__text",
                   "first_statement__source__original").filter(pk=pk).first())


def cluster_copies(cluster: Cluster) -> list[Statement]:
    """The cluster's listed (not rejected) statements with their sources (and what each reprints), in order of
    appearance: by the date said (else published; undated last), then when stored."""
    return list(
        Statement.objects.filter(cluster=cluster).exclude(review_status=Statement.ReviewStatus.REJECTED)
        .select_related("speaker", "source", "source__reprint_of")
        .defer("search_vector", "source__text", "source__original", "source__reprint_of__text",
               "source__reprint_of__original")
        .order_by(F("dated_on").asc(nulls_last=True), "created_at", "id")
    )


def canonical_copy(copies: list[Statement]) -> Statement | None:
    """The wording a cluster is shown by: the fullest quotation (most words) among its copies, else the fullest
    paraphrase; the earliest copy among equals (so the first appearance when nothing is fuller)."""
    if not copies:
        return None
    quoted = [s for s in copies if s.kind != Statement.Kind.INDIRECT] or copies
    return max(enumerate(quoted), key=lambda pair: (len(text.words(pair[1].content)), -pair[0]))[1]


@dataclass(frozen=True)
class Copy:
    statement: Statement
    pieces: list[diff.Piece]  # its wording against the canonical one
    is_canonical: bool
    is_first: bool

    @property
    def unchanged(self) -> bool:
        return diff.is_unchanged(self.pieces)


@dataclass(frozen=True)
class ClusterPage:
    cluster: Cluster
    canonical: Statement
    first: Statement
    copies: list[Copy]

    @property
    def copy_statements(self) -> list[Statement]:
        return [copy.statement for copy in self.copies]


def cluster_page(pk: int) -> ClusterPage | None:
    """One cluster as its page shows it: the canonical wording, the first appearance, and every copy with the
    differences of its wording from the canonical one. None when there is no such cluster or every copy of it
    was rejected."""
    cluster = cluster_by_pk(pk)
    copies = cluster_copies(cluster) if cluster is not None else []
    if not copies:
        return None
    canonical = canonical_copy(copies)
    first = next((s for s in copies if s.pk == cluster.first_statement_id), copies[0])
    return ClusterPage(cluster, canonical, first, [
        Copy(s, diff.word_diff(canonical.content, s.content), s.pk == canonical.pk, s.pk == first.pk) for s in copies
    ])


@dataclass(frozen=True)
class AlsoReported:
    """The other sources carrying a statement's utterance: how many (a reprint counts with its original) and their
    publishers in order of appearance."""

    cluster_id: int
    sources: int
    publishers: list[str]


def also_reported(statement: Statement) -> AlsoReported | None:
    """Who else carried `statement`'s utterance (listed copies in other sources), or None when nobody did."""
    if statement.cluster_id is None:
        return None
    rows = list(
        Statement.objects.filter(cluster_id=statement.cluster_id)
        .exclude(review_status=Statement.ReviewStatus.REJECTED).exclude(source_id=statement.source_id)
        .order_by(F("dated_on").asc(nulls_last=True), "created_at", "id")
        .values_list("source_id", "source__reprint_of_id", "source__publisher")[:ALSO_REPORTED_LIMIT]
    )
    own = statement.source.reprint_of_id or statement.source_id
    sources = {reprint_of or source for source, reprint_of, _ in rows} - {own}
    if not sources:
        return None
    publishers = list(dict.fromkeys(publisher for _, _, publisher in rows if publisher))
    return AlsoReported(statement.cluster_id, len(sources), publishers)
