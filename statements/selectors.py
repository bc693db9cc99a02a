"""The one query layer for statements: pages, API, exports and admin read through here."""
from django.db.models import QuerySet

from .models import Source, Statement, Topic



def statement_list() -> QuerySet[Statement]:
    """Statements as lists show them: speaker and source joined, topics prefetched, rejected ones hidden."""
    return (
        Statement.objects.exclude(review_status=Statement.ReviewStatus.REJECTED)
        .select_related("speaker", "source", "speaker_role")
        .prefetch_related("topics")
    )


def statements_by_speaker(actor) -> QuerySet[Statement]:
    return statement_list().filter(speaker=actor)


def statements_in_source(source: Source) -> QuerySet[Statement]:
    return statement_list().filter(source=source).order_by("content_start")


def statements_on_topic(topic: Topic) -> QuerySet[Statement]:
    return statement_list().filter(topics=topic)


def latest_statements(limit: int = 20) -> QuerySet[Statement]:
    return statement_list().order_by("-created_at", "-id")[:limit]
