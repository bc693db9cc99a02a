from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from actors.models import Actor, Role
from common.links import is_http_url, reverse_one


class Source(models.Model):
    """An article. Saved with its original bytes before any processing (store first, process after)."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        PROCESSING = "processing", "Processing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"
        DUPLICATE = "duplicate", "Duplicate"

    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=255, blank=True, db_index=True)
    url = models.URLField(max_length=2000, blank=True)
    published = models.DateField(null=True, blank=True, db_index=True)
    dateline = models.CharField(max_length=255, blank=True)
    byline = models.CharField(max_length=500, blank=True)
    language = models.CharField(max_length=16, blank=True)
    text = models.TextField(blank=True, help_text="The article's clean text; statement offsets index into it.")
    original = models.BinaryField(blank=True, default=b"", editable=False)
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    content_hash = models.CharField(max_length=64, unique=True, help_text="sha256 of the normalised article text.")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    error = models.TextField(blank=True)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates",
        help_text="Set when this upload turned out to hold an article already stored.",
    )
    reprint_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reprints",
        help_text="The earlier source whose text this one carries (wire copy under another publisher): its "
                  "statements are not counted as an independent repetition.",
    )
    extractor_version = models.CharField(max_length=32, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["original", "text"])

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["url"], condition=~models.Q(url=""), name="source_url_unique"),
        ]

    def __str__(self):
        return source_label(self.title, self.original_name, self.pk)

    def get_absolute_url(self):
        return reverse_one("statements:source", pk=self.pk)

    @property
    def link_url(self) -> str:
        """The article's address when it is safe to link (http or https), else "": pages link this, never `url`.

        Uploads refuse other schemes (ingest.validation); this keeps a row stored before that from becoming a
        javascript: link.
        """
        return self.url if is_http_url(self.url) else ""


class Topic(models.Model):
    """What statements are about. Keywords tag statements whose content or entities mention them."""

    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, unique=True)
    description = models.TextField(blank=True)
    keywords = models.JSONField(default=list, blank=True, help_text="Words and phrases that tag a statement.")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_one("statements:topic", slug=self.slug)


# A statement without an actor is shown by its words and this note: "analysts (unnamed source)". A named source
# left without an actor is one nobody has resolved yet (editors can, in the "Unresolved speakers" queue).
SOURCE_NOTES = {"named": "unresolved", "unnamed": "unnamed source", "document": "document"}
NO_MENTION = {"named": "Unknown speaker", "unnamed": "An unnamed source", "document": "A document"}


def source_label(title: str, original_name: str, pk) -> str:
    """What pages call a source: its title, else the uploaded file's name, else its number."""
    return title or original_name or f"Source {pk}"


def source_note_for(source_type: str) -> str:
    """What kind of source a statement without an actor has, as pages write it after its words."""
    return SOURCE_NOTES.get(source_type, "unresolved")


def speaker_words_for(mention: str, source_type: str) -> str:
    """The speaker as written, or what stands in for it when nothing was written."""
    return mention or NO_MENTION.get(source_type, "Unknown speaker")


class Statement(models.Model):
    """Something an actor said, with exact offsets back into its source's text."""

    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct quote"
        INDIRECT = "indirect", "Reported speech"
        MIXED = "mixed", "Mixed"

    class SourceType(models.TextChoices):
        """ingest.extraction.records.SourceType's values: who the statement comes from."""
        NAMED = "named", "Named person or organisation"
        UNNAMED = "unnamed", "Unnamed source or group"
        DOCUMENT = "document", "Document (report, study, article)"

    class ReviewStatus(models.TextChoices):
        EXTRACTED = "extracted", "Extracted"
        VERIFIED = "verified", "Verified"
        CORRECTED = "corrected", "Corrected"
        REJECTED = "rejected", "Rejected"

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="statements")
    speaker = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.PROTECT, related_name="statements")
    speaker_role = models.ForeignKey(Role, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    speaker_mention = models.CharField(max_length=500, blank=True, help_text="The speaker as written.")
    # An unnamed source or group never has a speaker; a document's speaker is its publisher, when known.
    source_type = models.CharField(
        max_length=16, choices=SourceType.choices, default=SourceType.NAMED, db_index=True,
        help_text="Who the statement comes from: a named person or organisation, an unnamed source or group, "
                  "or a document.",
    )
    cue = models.CharField(max_length=100, blank=True, help_text='The speech verb: "said", "pointed out".')
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.INDIRECT, db_index=True)
    content = models.TextField()
    content_start = models.PositiveIntegerField()
    content_end = models.PositiveIntegerField()
    said_on = models.DateField(null=True, blank=True, db_index=True)
    # The date lists order by: said_on, else the source's publication date, else NULL ("undated", listed last).
    # Kept by database triggers (migration 0007) on every write path, whatever the model instance holds.
    dated_on = models.DateField(null=True, editable=False)
    topics = models.ManyToManyField(Topic, blank=True, related_name="statements")
    mentioned_actors = models.ManyToManyField(Actor, blank=True, related_name="mentioned_in")
    # The utterance this statement carries (statements.clustering); lists show a cluster's first appearance only.
    cluster = models.ForeignKey(
        "Cluster", null=True, blank=True, on_delete=models.SET_NULL, related_name="statements",
    )
    is_first_appearance = models.BooleanField(
        default=True, help_text="The earliest statement of its cluster (a statement in no cluster is its own).",
    )
    confidence = models.FloatField(default=0.5, validators=[MinValueValidator(0.0), MaxValueValidator(1.0)])
    review_status = models.CharField(
        max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.EXTRACTED, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    extractor_version = models.CharField(max_length=32, blank=True)
    # Filled by a PostgreSQL trigger (see migrations); unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(
        excluded_fields=["search_vector", "dated_on", "cluster", "is_first_appearance"], m2m_fields=[topics]
    )

    class Meta:
        ordering = ["-said_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "content_start", "content_end"], name="statement_unique_span"),
            models.CheckConstraint(condition=models.Q(content_end__gt=models.F("content_start")), name="statement_span_nonempty"),
            models.CheckConstraint(
                condition=models.Q(confidence__gte=0.0) & models.Q(confidence__lte=1.0), name="statement_confidence_0_1"
            ),
        ]
        indexes = [
            models.Index(fields=["speaker", "-said_on", "-id"], name="statement_speaker_date"),
            models.Index(fields=["source", "content_start"], name="statement_source_offset"),
        ]

    def __str__(self):
        return f"{self.speaker or self.speaker_mention}: {self.content[:60]}"

    def get_absolute_url(self):
        return reverse_one("statements:detail", pk=self.pk)

    def clean(self):
        text = self.source.text if self.source_id else ""
        if self.source_id and not (0 <= self.content_start < self.content_end <= len(text)):
            raise ValidationError(
                {"content_end": f"The span must lie inside the source text (0..{len(text)}) and not be empty."}
            )
        if self.source_id and self.content != text[self.content_start:self.content_end]:
            raise ValidationError({"content": "The content must be exactly the source text between the offsets."})

    @property
    def source_note(self) -> str:
        return source_note_for(self.source_type)

    @property
    def speaker_words(self) -> str:
        return speaker_words_for(self.speaker_mention, self.source_type)

    @property
    def speaker_label(self) -> str:
        """Who said it, in plain text (titles, feeds): the actor's name; else the words and the kind of source,
        "analysts (unnamed source)", "a World Bank report (document)", "the minister (unresolved)"."""
        if self.speaker_id:
            return self.speaker.name
        return f"{self.speaker_words} ({self.source_note})"

    @property
    def is_editor_touched(self) -> bool:
        return self.review_status != self.ReviewStatus.EXTRACTED


class Cluster(models.Model):
    """One speaker's one utterance, and every statement (in one source or many) that carries it: the same words,
    a trimmed or extended quotation of them, or a close paraphrase in reported speech.

    `speaker_key` is whose utterance it is: "actor:<id>", or "words:<the speaker mention, normalised>" for a
    statement without an actor ("a White House spokesman"). The counts and the first appearance are kept by
    statements.clustering.services.refresh whenever a member joins or leaves.
    """

    speaker = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="clusters")
    speaker_key = models.CharField(max_length=520, db_index=True)
    first_statement = models.ForeignKey(
        Statement, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The earliest copy: by the date said (else published), then by when it was stored.",
    )
    first_dated_on = models.DateField(null=True, blank=True)
    statement_count = models.PositiveIntegerField(default=0)
    source_count = models.PositiveIntegerField(default=0, help_text="Sources carrying it; a reprint counts with "
                                                                    "its original.")
    publisher_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-first_dated_on", "-id"]

    def __str__(self):
        return f"Cluster {self.pk} ({self.statement_count} statement{'' if self.statement_count == 1 else 's'})"

    def get_absolute_url(self):
        return reverse_one("statements:cluster", pk=self.pk)


class Fingerprint(models.Model):
    """A statement's winnowed word-run hashes, salted with its speaker (statements.clustering.text): statements
    sharing one are the candidates a new statement is compared with."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="fingerprints")
    value = models.BigIntegerField(db_index=True)

    def __str__(self):
        return f"{self.statement_id}: {self.value}"


class ClusterDecision(models.Model):
    """An editor's word that two statements are one utterance (together) or are not (apart).

    Kept by place (source and span), not by statement id, so that it outlives re-extraction: a statement extracted
    again over the same words is bound by it as the one the editor saw was.
    """

    class Kind(models.TextChoices):
        TOGETHER = "together", "One utterance"
        APART = "apart", "Different utterances"

    kind = models.CharField(max_length=8, choices=Kind.choices)
    source_a = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="+")
    start_a = models.PositiveIntegerField()
    end_a = models.PositiveIntegerField()
    source_b = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="+")
    start_b = models.PositiveIntegerField()
    end_b = models.PositiveIntegerField()
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["source_a"], name="cluster_decision_a"),
                   models.Index(fields=["source_b"], name="cluster_decision_b")]

    def __str__(self):
        return f"{self.kind}: {self.source_a_id}[{self.start_a}:{self.end_a}] / {self.source_b_id}[{self.start_b}:{self.end_b}]"


class TopicLink(models.Model):
    """A row of `Statement.topics`' link table, read with `said_on` copied from its statement's `dated_on`
    (since migration 0007: said_on, else the source's publication date).

    The table is Django's own for the many-to-many field (admin, history and ingest write it through
    `Statement.topics` as before); this model only reads it. `said_on` is kept equal to the statement's by
    database triggers (migration 0005: filled when a link is inserted, updated when a statement's date
    changes), so a topic's statements can be listed newest first straight from the index on
    (topic_id, said_on DESC, statement_id DESC) (migration 0006), whatever the topic's size.
    """

    statement = models.ForeignKey(
        Statement, on_delete=models.DO_NOTHING, db_constraint=False, related_name="topic_links"
    )
    topic = models.ForeignKey(Topic, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    said_on = models.DateField(null=True, editable=False)

    class Meta:
        managed = False  # the table is Statement.topics' (created in 0001); 0005 adds said_on and the triggers
        db_table = "statements_statement_topics"

    def __str__(self):
        return f"{self.statement_id} -> {self.topic_id}"


class UnresolvedSpeaker(Statement):
    """The admin's "Unresolved speakers" queue (statements.admin_unresolved): statements of a named or document
    source that have no actor, grouped by their speaker mention. A proxy: no table of its own."""

    class Meta:
        proxy = True
        verbose_name = "unresolved speaker"
        verbose_name_plural = "unresolved speakers"
