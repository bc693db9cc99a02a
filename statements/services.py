"""Writes to statements: topic tagging and editors' review actions."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from actors import selectors as actor_selectors
from actors import services as actor_services
from actors.models import MentionDecision

from .clustering import services as clustering
from .models import Statement, Topic
from .selectors import unresolved_group


def topic_slug(name: str) -> str:
    return slugify(" ".join(name.split()))[:255]


def keyword_pattern(keywords: Iterable[str]) -> re.Pattern | None:
    """One pattern for many keywords, longest first so that "Foreign Ministry" wins over "Ministry"."""
    words = sorted({k.strip() for k in keywords if k.strip()}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I) if words else None


class TopicTagger:
    """Maps an extraction's topic names, and editors' topic keywords found in a statement, to Topic rows.

    Built once per article: the topics the extraction names are read, and the missing ones created, in a
    few queries; every editor keyword is matched with one combined pattern.
    """

    def __init__(self, names: Iterable[str] = ()):
        wanted = {}
        for name in names:
            name = " ".join(name.split())[:255]
            if slug := topic_slug(name):
                wanted.setdefault(slug, name)
        self._by_slug = {t.slug: t for t in Topic.objects.filter(slug__in=list(wanted))}
        # in slug order, as every worker inserts them: two workers adding the same new topics wait, not deadlock
        missing = [Topic(slug=slug, name=name) for slug, name in sorted(wanted.items()) if slug not in self._by_slug]
        if missing:
            Topic.objects.bulk_create(missing, ignore_conflicts=True)  # a concurrent worker may add the same
            created = list(Topic.objects.filter(slug__in=[t.slug for t in missing]))
            self._by_slug.update({t.slug: t for t in created})
            Topic.history.bulk_history_create(created)  # bulk_create records no history itself
        self._by_keyword: dict[str, set[Topic]] = {}
        for topic in Topic.objects.exclude(keywords=[]).only("id", "name", "slug", "keywords"):
            for keyword in topic.keywords:
                self._by_keyword.setdefault(keyword.strip().casefold(), set()).add(topic)
        self._pattern = keyword_pattern(self._by_keyword)

    def tag(self, *, names: Iterable[str], content: str) -> set[Topic]:
        topics = {self._by_slug[slug] for slug in map(topic_slug, names) if slug in self._by_slug}
        if self._pattern is not None:
            for match in self._pattern.finditer(content):
                topics.update(self._by_keyword.get(match.group(0).casefold(), ()))
        return topics


@transaction.atomic
def retag_statements(*, topic: Topic) -> int:
    """After a topic's keywords change: tag every statement they now match (tags are only added)."""
    if not topic.keywords:
        return 0
    pattern = keyword_pattern(topic.keywords)
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
    clustering.refresh([statement.cluster_id])  # a rejected copy neither counts nor stands first
    return statement


# --- Editors' corrections through the REST API (issue 6) ---------------------------------------------------

_UNSET = object()


@transaction.atomic
def correct_statement(
    *,
    statement: Statement,
    user=None,
    speaker=_UNSET,
    content_start: int | None = None,
    content_end: int | None = None,
    kind: str | None = None,
    topics: Iterable[Topic] | None = None,
    review_status: str | None = None,
) -> Statement:
    """Apply an editor's correction and record who made it and when.

    `speaker` (an Actor, or None for "no known speaker"), the span (`content_start`/`content_end`, offsets
    into the source's text; the content is recomputed from the text), `kind` and `topics` replace what
    extraction found. The statement becomes `corrected` (a rejected one stays rejected, as in the admin)
    unless `review_status` says otherwise; either way re-running extraction leaves it alone from now on. Raises
    django.core.exceptions.ValidationError (per field) for a span outside the text, a span another statement
    of the same source already has, an unknown kind or status. Given nothing, it changes nothing.
    """
    from django.core.exceptions import ValidationError

    from .models import Source

    if speaker is _UNSET and content_start is content_end is kind is topics is review_status is None:
        return statement  # nothing asked (an empty PATCH): nothing changes, nobody is recorded
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    errors: dict[str, list[str]] = {}
    changed: list[str] = []

    if speaker is not _UNSET:
        if speaker is not None and speaker.merged_into_id:
            errors.setdefault("speaker", []).append(
                f"{speaker.name} was merged into another actor; name that actor instead."
            )
        elif (speaker.pk if speaker else None) != statement.speaker_id:
            statement.speaker = speaker
            rederive_role(statement)  # the role was the old speaker's
            changed += ["speaker", "speaker_role"]

    if content_start is not None or content_end is not None:
        start = statement.content_start if content_start is None else content_start
        end = statement.content_end if content_end is None else content_end
        text = Source.objects.filter(pk=statement.source_id).values_list("text", flat=True).first() or ""
        if not (0 <= start < end <= len(text)):
            errors.setdefault("content_end" if content_end is not None else "content_start", []).append(
                f"The span must lie inside the source text (0..{len(text)}) and hold at least one character; "
                f"got {start}..{end}."
            )
        elif not text[start:end].strip():
            errors.setdefault("content_start", []).append("The span holds only whitespace.")
        elif (start, end) != (statement.content_start, statement.content_end):
            if Statement.objects.filter(
                source_id=statement.source_id, content_start=start, content_end=end
            ).exclude(pk=statement.pk).exists():
                errors.setdefault("content_start", []).append(
                    "Another statement of this source already has exactly this span."
                )
            else:
                statement.content_start, statement.content_end = start, end
                statement.content = text[start:end]
                changed += ["content_start", "content_end", "content"]

    if kind is not None:
        if kind not in Statement.Kind.values:
            errors.setdefault("kind", []).append(f"Unknown kind {kind!r}; one of {', '.join(Statement.Kind.values)}.")
        elif kind != statement.kind:
            statement.kind = kind
            changed.append("kind")

    if review_status is not None and (
        review_status not in Statement.ReviewStatus.values or review_status == Statement.ReviewStatus.EXTRACTED
    ):
        errors.setdefault("review_status", []).append(
            "An editor sets verified, corrected or rejected; 'extracted' is for the extractor only."
        )
    if errors:
        raise ValidationError(errors)

    if review_status is not None:
        statement.review_status = review_status
    else:  # as in the admin: an edit makes it corrected, a rejected statement stays rejected
        statement.review_status = _status_after_edit(statement.review_status)
    statement.reviewed_by = user if user is not None and user.is_authenticated else None
    statement.reviewed_at = timezone.now()
    if statement.reviewed_by is not None:
        statement._history_user = statement.reviewed_by  # django-simple-history: who made this version
    statement.save(update_fields=sorted(set(changed) | {"review_status", "reviewed_by", "reviewed_at", "updated_at"}))
    if topics is not None:
        statement.topics.set(list(topics))
    return statement


# --- Editors' corrections (admin; issue 7) ---------------------------------------------------------------

# What an editor can change about a statement; a change to any of them (or to its topics or mentioned
# actors) makes an extracted statement "corrected", which re-extraction never replaces.
EDITABLE_FIELDS = (
    "source", "speaker", "speaker_role", "speaker_mention", "cue", "kind", "content", "content_start",
    "content_end", "said_on",
)
EDITABLE_RELATIONS = ("topics", "mentioned_actors")


def _editor(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def _status_after_edit(current: str) -> str:
    """Editing an extracted or verified statement makes it corrected; a rejected one stays rejected."""
    if current in (Statement.ReviewStatus.EXTRACTED, Statement.ReviewStatus.VERIFIED):
        return Statement.ReviewStatus.CORRECTED
    return current


def rederive_role(statement: Statement) -> None:
    """After a speaker change: keep the role if it is the new speaker's, else take the new speaker's role of
    the same title, or the one their dated roles give for the statement's date; else no role."""
    role = statement.speaker_role if statement.speaker_role_id else None
    if role is not None and role.actor_id == statement.speaker_id:
        return
    on = statement.said_on or (statement.source.published if statement.source_id else None)
    statement.speaker_role = actor_selectors.equivalent_role(role, actor_id=statement.speaker_id, on=on)


@transaction.atomic
def save_editor_edit(*, statement: Statement, user=None, changed_fields: Iterable[str] = ()) -> Statement:
    """Save an editor's edit of a statement (the admin's save_model and history revert call this).

    What changed is worked out against the stored row (plus `changed_fields`, the form's changed fields,
    for the many-to-many relations saved after this). Any change marks an extracted or verified statement
    corrected, unless the editor chose a review status themselves ("review_status" in `changed_fields`;
    choosing "extracted" hands the statement back to the extractor); either way who and when are recorded.
    A speaker role that belongs to another actor than the (new) speaker is re-derived (rederive_role).
    """
    changed = set(changed_fields)
    status_chosen = "review_status" in changed  # the editor picked a status (the form says so)
    if statement.pk is None:  # added by an editor: theirs from the start
        if statement.review_status == Statement.ReviewStatus.EXTRACTED:
            statement.review_status = Statement.ReviewStatus.CORRECTED
        statement.reviewed_by, statement.reviewed_at = _editor(user), timezone.now()
        statement.save()
        return statement
    stored = Statement.objects.filter(pk=statement.pk).first()
    if stored is not None:
        for name in EDITABLE_FIELDS:
            attname = Statement._meta.get_field(name).attname
            if getattr(stored, attname) != getattr(statement, attname):
                changed.add(name)
    edited = changed & {*EDITABLE_FIELDS, *EDITABLE_RELATIONS}
    if not edited and not status_chosen:
        return statement  # nothing to record
    if "speaker" in edited and not ("speaker_role" in edited and statement.speaker_role_id is None):
        rederive_role(statement)  # a role the editor emptied stays empty
    if not status_chosen:
        # A history revert lands here too: restoring an old version is itself an editor's correction.
        current = stored.review_status if stored is not None else statement.review_status
        statement.review_status = _status_after_edit(current)
    if statement.review_status == Statement.ReviewStatus.EXTRACTED:
        # The editor handed the statement back to the extractor: no reviewer any more.
        statement.reviewed_by, statement.reviewed_at = None, None
    else:
        statement.reviewed_by, statement.reviewed_at = _editor(user), timezone.now()
    statement._history_user = _editor(user)
    statement.save()
    if edited & {"speaker", "speaker_mention", "content", "content_start", "content_end"}:
        clustering.recluster(statement_ids=[statement.pk])  # whose utterance, or which words, changed
    elif stored is not None and stored.review_status != statement.review_status:
        clustering.refresh([statement.cluster_id])  # a rejected copy neither counts nor stands first
    return statement


@transaction.atomic
def review_statements(*, statements: Iterable[Statement], status: str, user=None) -> int:
    """Bulk verify / reject: `review` for each statement (one history record each). Returns how many."""
    count = 0
    for statement in statements:
        statement._history_user = _editor(user)
        review(statement=statement, status=status, user=user)
        count += 1
    return count


@transaction.atomic
def set_speaker(*, statements: Iterable[Statement], speaker, user=None) -> int:
    """Bulk correction: give statements another speaker (marked corrected, who and when recorded)."""
    if speaker.merged_into_id:
        raise ValueError(f"{speaker.name} was merged into another actor; name that actor instead.")
    count = 0
    for statement in statements:
        if statement.speaker_id == speaker.pk:
            continue
        statement.speaker = speaker
        save_editor_edit(statement=statement, user=user, changed_fields=["speaker"])
        count += 1
    return count


# --- The admin's "Unresolved speakers" queue: one decision for every statement of a mention ----------------------


@transaction.atomic
def resolve_mention(*, mention_key: str, decision: str, actor=None, new_name: str = "", new_kind: str = "",
                    user=None) -> tuple[int, object]:
    """Resolve every unresolved statement whose speaker mention is `mention_key` (selectors.unresolved_group) in
    one editor's decision, and teach it for later articles (actors.services.teach_mention / teach_unnamed):

    - "link": the statements' speaker becomes `actor` (live);
    - "create": a new actor `new_name` of `new_kind` is created (actors.services.create_actor), then linked;
    - "unnamed": the statements become an unnamed source, with no actor.

    Each statement is saved with the editor and a reason in its history, marked corrected (re-extraction keeps
    it). Returns (how many statements, the actors.models.MentionDecision). Raises actors.services.TeachError
    with a message for the editor when the decision cannot be made (nothing left to resolve, no actor, ...).
    """
    statements = list(unresolved_group(mention_key).select_for_update(of=("self",)))
    if not statements:
        raise actor_services.TeachError("Nothing is left to resolve under this mention: another editor may have "
                                        "done it. Reload the queue.")
    mention = Counter(s.speaker_mention.strip() for s in statements).most_common(1)[0][0]
    dated = [s for s in statements if s.dated_on]
    first = min(dated, key=lambda s: s.dated_on) if dated else statements[-1]
    if decision == MentionDecision.Decision.UNNAMED:
        record = actor_services.teach_unnamed(mention=mention, statements=len(statements), user=user)
        reason = f"Unresolved speakers: “{mention}” marked unnamed"
        changes = {"source_type": Statement.SourceType.UNNAMED, "speaker": None, "speaker_role": None}
    elif decision in (MentionDecision.Decision.LINK, MentionDecision.Decision.CREATE):
        if decision == MentionDecision.Decision.CREATE:
            actor = actor_services.create_actor(name=new_name, kind=new_kind, user=user)
        elif actor is None:
            raise actor_services.TeachError("Choose the actor these statements come from.")
        record, role = actor_services.teach_mention(
            mention=mention, actor=actor, decision=decision, statements=len(statements), seen_on=first.dated_on,
            source_id=first.source_id, user=user,
        )
        reason = f"Unresolved speakers: “{mention}” linked to {actor.name}"
        changes = {"speaker": actor, "speaker_role": role}
    else:
        raise actor_services.TeachError("Choose link, create or unnamed.")
    now, editor = timezone.now(), _editor(user)
    for statement in statements:
        for name, value in changes.items():
            setattr(statement, name, value)
        statement.review_status = _status_after_edit(statement.review_status)
        statement.reviewed_by, statement.reviewed_at = editor, now
        statement._history_user, statement._change_reason = editor, reason
        statement.save()
    clustering.recluster(statement_ids=[s.pk for s in statements])
    return len(statements), record
