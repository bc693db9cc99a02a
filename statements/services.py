"""Writes to statements: topic tagging and editors' review actions."""
from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from .models import Statement, Topic


class TopicTagger:
    """Maps an extraction's topic names and a statement's words to Topic rows.

    Built once per batch: it reads every topic's keywords in one query.
    """

    def __init__(self):
        self._by_slug = {t.slug: t for t in Topic.objects.all()}
        self._patterns = [
            (topic, re.compile(r"\b(?:" + "|".join(re.escape(k) for k in topic.keywords) + r")\b", re.I))
            for topic in self._by_slug.values()
            if topic.keywords
        ]

    def topic_named(self, name: str) -> Topic | None:
        name = " ".join(name.split())[:255]
        slug = slugify(name)[:255]
        if not slug:
            return None
        topic = self._by_slug.get(slug)
        if topic is None:
            topic, _ = Topic.objects.get_or_create(slug=slug, defaults={"name": name, "keywords": [name]})
            self._by_slug[slug] = topic
        return topic

    def tag(self, *, names: Iterable[str], content: str) -> set[Topic]:
        topics = {t for t in (self.topic_named(n) for n in names) if t is not None}
        topics.update(topic for topic, pattern in self._patterns if pattern.search(content))
        return topics


@transaction.atomic
def retag_statements(*, topic: Topic) -> int:
    """After a topic's keywords change: tag every statement they match, untag extracted ones they no longer do."""
    if not topic.keywords:
        return 0
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in topic.keywords) + r")\b", re.I)
    matched = [pk for pk, content in Statement.objects.values_list("pk", "content").iterator() if pattern.search(content)]
    topic.statements.add(*matched)
    return len(matched)


@transaction.atomic
def review(*, statement: Statement, status: str, user=None) -> Statement:
    """Set a review status (verified / rejected / corrected), recording who and when."""
    if status not in Statement.ReviewStatus.values or status == Statement.ReviewStatus.EXTRACTED:
        raise ValueError(f"Unknown review status {status!r}.")
    statement.review_status = status
    statement.reviewed_by = user if user is not None and user.is_authenticated else None
    statement.reviewed_at = timezone.now()
    statement.save(update_fields=["review_status", "reviewed_by", "reviewed_at", "updated_at"])
    return statement
