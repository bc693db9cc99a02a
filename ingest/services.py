"""Getting articles in: store the upload, then parse, extract and store statements (in a Celery task).

Rule of the house: store first, process after. `submit_article` saves the Source row with its original
bytes and queues processing on commit; `process_source` does the work in one transaction and never
touches a statement an editor has verified, corrected or rejected.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.utils import timezone

from actors import selectors as actor_selectors
from actors import services as actor_services
from actors.models import Actor, Role
from actors.normalize import looks_like_name, title_before
from actors.resolution import Sighting
from statements.models import Source, Statement
from statements import services as statement_services
from statements.clustering import services as clustering

from . import parsing, validation
from .parsing import ParseError
from .validation import ArticleRejected  # noqa: F401 - the doors catch it as services.ArticleRejected

log = logging.getLogger(__name__)


TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


@dataclass(frozen=True)
class Submission:
    source: Source
    created: bool  # False: the same article was already stored and is returned instead


def _door_hash(raw: bytes, *, filename: str, content_type: str) -> str:
    """The content hash known before parsing: of the decoded text for plain text, else of the bytes.

    After parsing, process_source replaces it with the hash of the article's clean text, which catches
    the same article arriving as HTML and as text.
    """
    if not parsing.looks_like_html(raw, filename, content_type):
        try:
            return parsing.normalized_text_hash(parsing.decode(raw))
        except ParseError:
            pass
    return "bytes:" + hashlib.sha256(raw).hexdigest()[:58]


def submit_article(
    *,
    raw: bytes,
    filename: str = "",
    content_type: str = "",
    title: str = "",
    publisher: str = "",
    url: str = "",
    published: dt.date | str | None = None,
) -> Submission:
    """Store an uploaded article (status pending) and queue its processing once the row is committed.

    Raises ArticleRejected (nothing stored) when ingest.validation refuses the article or what is said about
    it: size, emptiness, file type, URL scheme, publication date.
    """
    url, published = validation.check_article(raw=raw, filename=filename, url=url, published=published)
    content_hash = _door_hash(raw, filename=filename, content_type=content_type)
    existing = _existing_source(content_hash=content_hash, url=url)
    reprint_of = None
    if existing and existing.content_hash == content_hash and _other_publisher(existing, publisher):
        # the same text under another publisher (wire copy): stored once for that publisher, as a reprint
        reprint_of, content_hash = existing.reprint_of or existing, reprint_hash(content_hash, publisher)
        existing = Source.objects.filter(content_hash=content_hash).first()
    if existing:
        return Submission(existing, created=False)
    try:
        with transaction.atomic():
            source = Source.objects.create(
                original=raw, original_name=(filename or "")[-255:], content_type=content_type[:100],
                title=title[:500], publisher=publisher[:255], url=url, published=published,
                content_hash=content_hash, status=Source.Status.PENDING, reprint_of=reprint_of,
            )
            transaction.on_commit(lambda: dispatch(source.pk))
    except IntegrityError:  # a concurrent upload of the same article won the race
        existing = _existing_source(content_hash=content_hash, url=url)
        if existing is None:
            raise
        return Submission(existing, created=False)
    return Submission(source, created=True)


def submit_text(*, text: str, **metadata) -> Submission:
    return submit_article(raw=text.encode("utf-8"), content_type="text/plain; charset=utf-8", **metadata)


def _other_publisher(source: Source, publisher: str) -> bool:
    """Does `publisher` name another publisher than the stored source's (both known)?"""
    mine, theirs = " ".join(publisher.split()).casefold(), " ".join(source.publisher.split()).casefold()
    return bool(mine and theirs and mine != theirs)


def reprint_hash(content_hash: str, publisher: str) -> str:
    """The hash a reprint is stored under: its text's (the original holds that one, unique), scoped by its
    publisher, so that the same text is stored once per publisher and a second upload of the reprint is found."""
    scope = hashlib.sha256(" ".join(publisher.split()).casefold().encode("utf-8")).hexdigest()
    return f"{content_hash[:40]}:{scope[:23]}"


def _existing_source(*, content_hash: str, url: str) -> Source | None:
    source = Source.objects.filter(content_hash=content_hash).first()
    if source is None and url:
        source = Source.objects.filter(url=url).first()
    return source


@dataclass
class QueueFailures:
    """What a batch of dispatches could not queue: the broker was unreachable. Those sources stay stored (pending)
    for the sweep; after the first failure the batch does not try again, so a broker that is down costs one
    timeout per batch, not one per article."""

    source_ids: list[int] = field(default_factory=list)
    error: str = ""
    logged: bool = True

    def message(self, noun: str = "article") -> str:
        """One line for a person: what failed, and that nothing is lost."""
        n = len(self.source_ids)
        stored = f"1 {noun} is" if n == 1 else f"{n} {noun}s are"
        return (f"The task queue could not be reached ({self.error}); {stored} stored as pending, and the sweep "
                "queues them once the queue is back: nothing needs to be sent again.")


_queue_failures: ContextVar[QueueFailures | None] = ContextVar("queue_failures", default=None)


@contextmanager
def queue_failures(*, logged: bool = True):
    """Dispatches within the block are one batch (see QueueFailures); `logged=False` when the caller reports them."""
    outer = _queue_failures.get()
    if outer is not None:
        yield outer
        return
    failures = QueueFailures(logged=logged)
    token = _queue_failures.set(failures)
    try:
        yield failures
    finally:
        _queue_failures.reset(token)
    if failures.logged and len(failures.source_ids) > 1:
        log.warning("%d sources could not be queued (%s); they stay stored for the sweep",
                     len(failures.source_ids), failures.error)


def dispatch(source_id: int) -> bool:
    """Queue processing of a source already stored as pending (or processing): True once the broker has it.

    Every enqueue in the code base goes through here, after its request is committed (store first): a broker
    that cannot be reached leaves the row as stored, one warning line is logged (no traceback: it is an outage,
    not a bug), and the sweep queues it once the broker is back.
    """
    from .tasks import process_source_task

    failures = _queue_failures.get()
    if failures is not None and failures.error:
        failures.source_ids.append(source_id)  # the broker failed a moment ago in this batch
        return False
    try:
        process_source_task.delay(source_id)
    except Exception as exc:  # noqa: BLE001 - any broker failure: the row is stored, the sweep will retry
        error = f"{exc.__class__.__name__}: {exc}"
        if failures is not None:
            failures.source_ids.append(source_id)
            failures.error = error
        if failures is None or failures.logged:
            log.warning("could not queue source %s (%s); it stays stored for the sweep", source_id, error)
        return False
    return True


def _dispatch_all(source_ids) -> None:
    with queue_failures():
        for source_id in source_ids:
            dispatch(source_id)


def _mark(source_id: int, **fields) -> None:
    Source.objects.filter(pk=source_id).update(updated_at=timezone.now(), **fields)


def process_source(*, source_id: int, force: bool = False) -> Source:
    """Parse, extract and store one source. Idempotent; safe to run twice or concurrently."""
    from .extraction import EXTRACTOR_VERSION

    marking = Source.objects.filter(pk=source_id).exclude(status=Source.Status.DUPLICATE)
    if not force:
        # A second worker handed the same source waits here for the first one's row lock; once that one
        # committed "done", this update matches nothing and the locked re-check below finds it done,
        # instead of overwriting "done" with "processing" and extracting (and renumbering) it again.
        marking = marking.exclude(status=Source.Status.DONE, extractor_version=EXTRACTOR_VERSION)
    marking.update(status=Source.Status.PROCESSING, error="", updated_at=timezone.now())
    try:
        with transaction.atomic():
            _commit_without_waiting_for_disk()
            # The row lock makes a second worker handed the same source wait, then find it done.
            source = Source.objects.select_for_update().get(pk=source_id)
            if not force and source.status == Source.Status.DONE and source.extractor_version == EXTRACTOR_VERSION:
                return source
            _process_locked(source)
        return source  # as saved
    except ParseError as exc:
        _mark(source_id, status=Source.Status.FAILED, error=str(exc), processed_at=timezone.now())
    except TRANSIENT_ERRORS:
        raise  # the task retries; the source stays processing until then
    except Source.DoesNotExist:
        raise  # nothing to process or to mark
    except Exception as exc:  # noqa: BLE001 - a bug must not leave the source stuck in "processing"
        log.exception("processing source %s failed", source_id)
        _mark(
            source_id, status=Source.Status.FAILED, processed_at=timezone.now(),
            error=f"Processing failed with an internal error ({exc.__class__.__name__}: {exc}). "
            "The upload is kept; reprocess it once the problem is fixed.",
        )
    return Source.objects.get(pk=source_id)


def _commit_without_waiting_for_disk() -> None:
    """This transaction's commit does not wait for its WAL flush (PostgreSQL's synchronous_commit=off).

    Its result can be derived again from what is stored durably: a crash of the database server within a
    fraction of a second after the commit can lose it (never corrupt anything), and the source is then found
    again as it was marked before, "processing", which the sweep queues again. Saves a disk flush per article.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def _process_locked(source: Source) -> None:
    from .extraction import EXTRACTOR_VERSION, extract

    limits = {"max_chars": settings.MAX_ARTICLE_CHARS, "max_sentence_chars": settings.MAX_SENTENCE_CHARS}
    # the offsets of statements an editor kept index the stored text: it is not decoded anew under them
    entities = not source.statements.exclude(review_status=Statement.ReviewStatus.EXTRACTED).exists()
    if source.text and not source.original:
        document = parsing.parse_text(source.text, entities=entities)
        parsing.check_length(document.text, **limits)
    else:
        document = parsing.parse(
            bytes(source.original), filename=source.original_name, content_type=source.content_type,
            max_bytes=settings.MAX_ARTICLE_BYTES, entities=entities, **limits,
        )
    document = parsing.check_language(document)
    text_hash = parsing.normalized_text_hash(document.text)
    twin = Source.objects.filter(content_hash=text_hash).exclude(pk=source.pk).first()
    if twin is not None and _other_publisher(twin, source.publisher or document.publisher):
        # wire copy: the same text as a stored article of another publisher is a reprint of it, not a duplicate
        source.reprint_of = twin.reprint_of or twin
        text_hash = reprint_hash(text_hash, source.publisher or document.publisher)
        twin = Source.objects.filter(content_hash=text_hash).exclude(pk=source.pk).first()
    if twin is not None:
        source.status, source.duplicate_of = Source.Status.DUPLICATE, twin
        source.error = f"The same article text is already stored as source {twin.pk}; nothing new was added."
        source.processed_at = timezone.now()
        source.save(update_fields=["status", "duplicate_of", "error", "processed_at", "updated_at"])
        return
    source.text = document.text
    source.content_hash = text_hash
    source.title = source.title or document.title[:500]
    source.publisher = source.publisher or document.publisher[:255]
    source.dateline = document.dateline[:255]
    source.byline = document.byline[:500]
    source.published = source.published or document.published
    source.url = source.url or validation.document_url(document.url)
    source.language = document.language
    extraction = extract(document.text, published=source.published)
    store_extraction(source=source, extraction=extraction)
    source.status, source.error = Source.Status.DONE, ""
    source.extractor_version = EXTRACTOR_VERSION
    source.processed_at = timezone.now()
    # Every field but the original bytes, which would otherwise be sent and written again.
    source.save(update_fields=[
        f.name for f in Source._meta.concrete_fields if not f.primary_key and f.name not in ("original", "created_at")
    ])


def store_extraction(*, source: Source, extraction) -> list[Statement]:
    """Replace the source's untouched extracted statements; leave every editor-touched one as it is."""
    from .extraction import EXTRACTOR_VERSION

    kept, stale = [], []
    for statement in source.statements.only("review_status", "content_start", "content_end", "cluster_id"):
        (stale if statement.review_status == Statement.ReviewStatus.EXTRACTED else kept).append(statement)
    # a statement extracted again at the same place takes its cluster back (cluster pages keep their address)
    previous = {(source.pk, s.content_start, s.content_end): s.cluster_id for s in stale if s.cluster_id}
    if stale:
        Statement.objects.filter(pk__in=[statement.pk for statement in stale]).delete()
    kept_spans = [(s.content_start, s.content_end) for s in kept]
    items = [
        item for item in extraction.statements
        # an editor already decided about this passage
        if not any(item.content_start < end and start < item.content_end for start, end in kept_spans)
    ]
    # What editors taught about these mentions (the admin's "Unresolved speakers" queue): words they marked unnamed
    # get no actor at all; a link counts below, for the mentions left without an actor.
    taught = actor_services.taught_speakers(on=source.published, mentions={
        item.speaker_mention for item in items if item.source_type != Statement.SourceType.UNNAMED
    })
    items = [_unnamed(item) if (lesson := taught.get(item.speaker_mention)) and lesson.unnamed else item
             for item in items]
    actors = ArticleActors(extraction.speakers, items, on=source.published)
    tagger = statement_services.TopicTagger(names=[t for item in extraction.statements for t in item.topics])
    roles = actor_services.record_roles(seen=[
        (speaker, item.speaker.title, source.pk, item.said_on or source.published, _role_kind(item.speaker))
        for item in items if item.speaker.title and (speaker := actors.get(item.speaker.name)) is not None
    ])
    rows: list[tuple[Statement, set, set]] = []
    for item in items:
        # An unresolved description ("the company", "a spokesman") is a different actor in every article, and a
        # group or unnamed source ("analysts", "one insider") or a document with no publisher is no actor at all:
        # it stays the statement's speaker mention (with its source type), and no shared Actor is made of it.
        speaker = actors.get(item.speaker.name) if ArticleActors.credits_actor(item) else None
        role = roles.get((speaker.pk, item.speaker.title)) if speaker is not None and item.speaker.title else None
        held = actors.held_role(item.speaker.name)  # a description of a role one actor holds at the article's date
        if held is not None and speaker in (None, held.actor):
            speaker, role = held.actor, role or held
        if speaker is None and item.source_type != Statement.SourceType.UNNAMED and item.speaker_mention in taught:
            speaker, role = taught[item.speaker_mention].actor, taught[item.speaker_mention].role
        statement = Statement(
            source=source, speaker=speaker, speaker_role=role, speaker_mention=item.speaker_mention[:500],
            source_type=item.source_type,
            cue=item.cue[:100], kind=item.kind, content=item.content, content_start=item.content_start,
            content_end=item.content_end, said_on=item.said_on or source.published,
            confidence=max(0.0, min(1.0, item.confidence)), extractor_version=EXTRACTOR_VERSION,
        )
        topics = tagger.tag(names=item.topics, content=item.content)
        mentioned = {actors.get(name) for name in item.mentioned} - {None, speaker}
        rows.append((statement, topics, mentioned))
    _insert_statements(rows)
    statements = [statement for statement, _, _ in rows]
    touched = clustering.assign(statements=statements, previous=previous)
    clustering.refresh(set(previous.values()) - touched)
    clustering.mark_reprints(source=source)
    return statements


def _role_kind(speaker) -> str:
    """What the extraction says a speaker's title is: a title held, or a representative it spoke through (a voice:
    "spokesman" of "a spokesman for the Home Office", "through an aide" of "Clinton's aides")."""
    from .extraction import TitleKind

    return Role.Kind.VOICE if speaker.title_kind == TitleKind.VOICE else Role.Kind.HELD


def _unnamed(item):
    """An extracted statement whose words editors marked unnamed: no speaker to resolve, an unnamed source."""
    from .extraction import Speaker

    nobody = Speaker(name="", kind=Actor.Kind.UNKNOWN, title=None, aliases=())
    return dataclasses.replace(item, speaker=nobody, source_type=Statement.SourceType.UNNAMED)


def _insert_statements(rows) -> None:
    """Insert statements with their topics, mentions and first history records, a few queries in all.

    bulk_create skips django-simple-history's signals, so the history rows (the statement and its topics,
    as an editor's later revert needs them) are written here in bulk too.
    """
    if not rows:
        return
    statements = Statement.objects.bulk_create([statement for statement, _, _ in rows])
    TopicLink = Statement.topics.through
    links = TopicLink.objects.bulk_create(
        [TopicLink(statement=s, topic=t) for s, (_, topics, _) in zip(statements, rows) for t in topics]
    )
    Statement.mentioned_actors.through.objects.bulk_create([
        Statement.mentioned_actors.through(statement=s, actor=a)
        for s, (_, _, mentioned) in zip(statements, rows) for a in mentioned
    ])
    history = Statement.history.bulk_history_create(statements, default_date=timezone.now())
    history_by_statement = {h.id: h for h in history}
    HistoricalTopicLink = _historical_topic_links()
    HistoricalTopicLink.objects.bulk_create([
        HistoricalTopicLink(id=link.pk, history=history_by_statement[link.statement_id], statement_id=link.statement_id,
                            topic_id=link.topic_id)
        for link in links
    ])


def _historical_topic_links():
    from django.apps import apps

    return apps.get_model("statements", "HistoricalStatement_topics")


class ArticleActors:
    """The actors of one article's statements (speakers and actors mentioned), all resolved at once.

    A name is resolved (actors.resolution has the rules) with the kind and aliases the extraction gives its
    speaker, else those of the first statement naming it, the role it is given and the title written before it
    in the mention ("Mrs" in "Mrs Howard"). A description ("the culture secretary") the article never ties to a
    name goes to the one actor the database knows to hold that role at the article's date
    (actors.selectors.role_holders), else to no actor: the statement keeps the words.
    """

    def __init__(self, speakers, items, *, on: dt.date | None = None):
        from .extraction.speakers.actors import name_gender  # the first names' sex (loading spaCy: not at import)

        known = {speaker.name: speaker for speaker in speakers}
        wanted: dict[str, Sighting] = {}
        descriptions: set[str] = set()
        for item in items:
            speaker = known.get(item.speaker.name, item.speaker)
            if not looks_like_name(item.speaker.name):
                if item.source_type == Statement.SourceType.NAMED and actor_selectors.specific_role(item.speaker.name):
                    descriptions.add(item.speaker.name)
            elif self.credits_actor(item) and item.speaker.name not in wanted:
                wanted[item.speaker.name] = Sighting(
                    name=item.speaker.name, kind=speaker.kind, aliases=tuple(speaker.aliases),
                    title=item.speaker.title if item.speaker.title and _role_kind(item.speaker) == Role.Kind.HELD
                    else "",  # a voice ("through an aide") says nothing of which namesake this is
                    courtesy=title_before(item.speaker_mention, item.speaker.name))
            for name in item.mentioned:
                if name not in wanted and looks_like_name(name):
                    other = known.get(name)
                    wanted[name] = Sighting(
                        name=name, kind=other.kind if other else Actor.Kind.UNKNOWN,
                        aliases=tuple(other.aliases) if other else ())
        self._resolved = actor_services.resolve_actors(names=wanted.values(), on=on, sex_of=name_gender) \
            if wanted else {}
        self._held = actor_selectors.role_holders(titles=descriptions, on=on) if descriptions else {}

    def get(self, name: str) -> Actor | None:
        role = self._held.get(name)
        return role.actor if role is not None else self._resolved.get(name)

    def held_role(self, name: str) -> Role | None:
        """The role through which a description was resolved ("the culture secretary"), if it was."""
        return self._held.get(name)

    @staticmethod
    def credits_actor(item) -> bool:
        """Does the extracted statement's speaker stand for an actor: a named person or organisation, or the publisher
        of a document, but no group or unnamed source nor the mere words of a description or document?"""
        return item.source_type != Statement.SourceType.UNNAMED and item.speaker.resolved


def reprocess(*, source_ids=None, requested_by: str = "") -> int:
    """Re-run extraction (after the extractor improved); editor-touched statements survive it.

    The request is stored first: each source goes back to pending with a note of who asked and when, then is
    queued once that is committed. Nothing is lost when the broker is down: the sweep queues pending sources
    when it is back. Idempotent: any number of messages for one pending source process it once (the row lock and
    the status check in process_source). A source being processed right now is marked once that run commits
    (the update waits for its row lock), so it runs again after it. Duplicates are left alone. Returns how many
    sources were marked.
    """
    now = timezone.now()
    note = (f"Reprocessing requested{f' by {requested_by}' if requested_by else ''} at "
            f"{now:%Y-%m-%d %H:%M:%S} UTC; waiting for a worker.")
    queryset = Source.objects.exclude(status=Source.Status.DUPLICATE)
    if source_ids is not None:
        queryset = queryset.filter(pk__in=source_ids)
    with transaction.atomic():
        ids = list(queryset.select_for_update().order_by("pk").values_list("pk", flat=True))
        Source.objects.filter(pk__in=ids).update(status=Source.Status.PENDING, error=note, updated_at=now)
        transaction.on_commit(lambda: _dispatch_all(ids))
    return len(ids)


def requeue_abandoned(*, older_than: dt.timedelta = dt.timedelta(0), limit: int = 500) -> int:
    """Put back to pending, and queue, the sources left "processing" by workers that are gone (killed, lost).

    A worker holds its source's row lock for the whole of process_source's transaction, so a source marked
    "processing" whose row nobody has locked (SKIP LOCKED finds it) has no live worker. The one exception is the
    moment between the "processing" mark and the lock (a few milliseconds), which `older_than` keeps out; a source
    caught in it anyway is still never run twice at once: the second run waits for the row lock, then finds the
    source done and does nothing. Run by a worker when it starts and by every sweep. Returns how many were queued.
    """
    now = timezone.now()
    with transaction.atomic():
        ids = list(
            Source.objects.select_for_update(skip_locked=True)
            .filter(status=Source.Status.PROCESSING, updated_at__lt=now - older_than)
            .order_by("updated_at").values_list("pk", flat=True)[:limit]
        )
        Source.objects.filter(pk__in=ids).update(
            status=Source.Status.PENDING, updated_at=now,
            error=f"Queued again at {now:%Y-%m-%d %H:%M:%S} UTC: the worker processing it stopped before finishing.",
        )
        transaction.on_commit(lambda: _dispatch_all(ids))
    if ids:
        log.info("queued again %d source(s) left processing by a worker that is gone: %s", len(ids), ids)
    return len(ids)


def sweep_pending(
    *, older_than: dt.timedelta = dt.timedelta(minutes=2), abandoned_after: dt.timedelta = dt.timedelta(seconds=5),
    limit: int = 500,
) -> int:
    """Dispatch sources left pending (broker was down) and those a worker abandoned (requeue_abandoned).

    A pending source may still have its message waiting in the queue behind others: it is queued again only once
    untouched for `older_than`, and each source swept has its `updated_at` moved on, so it is queued again at most
    once per `older_than`, and at most `limit` sources per sweep: a long backlog is not multiplied by every sweep.
    """
    swept = requeue_abandoned(older_than=abandoned_after, limit=limit)
    cutoff = timezone.now() - older_than
    with transaction.atomic():
        ids = list(
            Source.objects.select_for_update(skip_locked=True)
            .filter(status=Source.Status.PENDING, updated_at__lt=cutoff)
            .order_by("updated_at").values_list("pk", flat=True)[:limit]
        )
        Source.objects.filter(pk__in=ids).update(updated_at=timezone.now())
        transaction.on_commit(lambda: _dispatch_all(ids))
    return swept + len(ids)
