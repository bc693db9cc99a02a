from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from common.links import reverse_one
from simple_history.models import HistoricalRecords

from .normalize import normalize_name

wikidata_id_validator = RegexValidator(r"^Q[1-9][0-9]*$", "A Wikidata id is Q followed by digits, e.g. Q193271.")


class Actor(models.Model):
    """A person or organization that says things in the news."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANIZATION = "organization", "Organization"
        UNKNOWN = "unknown", "Unknown"

    name = models.CharField(max_length=255, db_index=True)
    slug = models.SlugField(max_length=255, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.UNKNOWN, db_index=True)
    description = models.CharField(max_length=500, blank=True)
    wikidata_id = models.CharField(
        "Wikidata id", max_length=20, blank=True, validators=[wikidata_id_validator], db_index=True
    )
    # The `id` of the person or organization in an imported Popolo file (manage.py import_popolo), so that the
    # next import of the same roster finds this actor again. Not unique: a merged actor keeps its own.
    popolo_id = models.CharField("Popolo id", max_length=255, blank=True, db_index=True)
    # Set when an editor merges this actor into another: the old slug keeps resolving to the survivor.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(wikidata_id="") | models.Q(wikidata_id__regex=r"^Q[1-9][0-9]*$"),
                name="actor_wikidata_id_format",
            ),
            models.CheckConstraint(condition=~models.Q(merged_into=models.F("pk")), name="actor_not_merged_into_self"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_one("actors:detail", slug=self.slug)


class ActorAlias(models.Model):
    """A name an actor appears under ("Lavrov", "Sergei Lavrov"), matched through its normalised form."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=255)
    normalized = models.CharField(max_length=255, db_index=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "actor aliases"
        constraints = [models.UniqueConstraint(fields=["actor", "normalized"], name="alias_unique_per_actor")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalized = normalize_name(self.name)
        super().save(*args, **kwargs)


class Role(models.Model):
    """A title an actor holds, after Popolo's Membership: "Foreign Minister" of "Russia", from/to dates; or, of
    `kind` voice, a representative the actor spoke through (issue 20, rule 2: the Home Office's "spokesman",
    Hillary Clinton's "through advisers"), which a statement names as its role but the actor does not hold.

    `first_seen_source_id` names the statements.Source where the role was first read. It is a plain id,
    not a foreign key, because the actors app knows nothing of statements (see ARCHITECTURE.md). `origin` says
    where the role comes from: an article, an editor, or a Popolo roster (manage.py import_popolo), whose
    start and end dates are the membership's.
    """

    class Origin(models.TextChoices):
        ARTICLE = "article", "Read in an article"
        EDITOR = "editor", "Entered by an editor"
        POPOLO = "popolo", "Imported from a Popolo roster"

    class Kind(models.TextChoices):
        # the values of ingest.extraction.records.TitleKind, which says which an article's role is
        HELD = "held", "Title held"
        VOICE = "voice", "Spoke through (a representative)"

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=255)
    kind = models.CharField(
        max_length=8, choices=Kind.choices, default=Kind.HELD,
        help_text="Held: a title the actor holds (pages, role look-ups and duplicate suggestions use these). Spoke "
        "through: a spokesman, aide, lawyer or official whose words were credited to the actor.")
    origin = models.CharField(max_length=16, choices=Origin.choices, default=Origin.ARTICLE)
    organization = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="member_roles"
    )
    organization_name = models.CharField(max_length=255, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    first_seen_source_id = models.PositiveBigIntegerField(null=True, blank=True)
    first_seen_on = models.DateField(null=True, blank=True)
    # The latest article date the role was read at: a role read in articles counts as held from first_seen_on
    # until a while after this (selectors.role_holders), as it has no end date of its own.
    last_seen_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start_date", "title"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "title", "organization_name"], name="role_unique_per_actor"),
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="role_dates_ordered",
            ),
        ]
        indexes = [
            # roles looked up by title, case-insensitive: descriptions (selectors.role_holders), editors' roles
            # (services.taught_speakers, teach_mention)
            models.Index(Lower("title"), name="role_title_lower"),
        ]

    def __str__(self):
        return f"{self.title} ({self.organization_name})" if self.organization_name else self.title

    @property
    def voice_text(self) -> str:
        """A voice as the words after "spoke through": "through an aide" -> "an aide", "spokesman" -> "a spokesman"."""
        text = " ".join(self.title.split())
        if text.lower().startswith("through "):
            return text[len("through "):]
        first = text.split(" ", 1)[0].lower()
        if not text or first in ("a", "an", "the", "his", "her", "its", "their") or first.endswith("s"):
            return text
        return f"{'an' if first[:1] in 'aeiou' else 'a'} {text}"


class MergeRecord(models.Model):
    """The audit trail of an editor's merge: `merged` was folded into `keep` (see services.merge_actors).

    Names and slugs are copied so the record stays readable even if either actor is later changed.
    """

    keep = models.ForeignKey(Actor, null=True, on_delete=models.SET_NULL, related_name="+")
    merged = models.ForeignKey(Actor, null=True, on_delete=models.SET_NULL, related_name="+")
    keep_name = models.CharField(max_length=255)
    merged_name = models.CharField(max_length=255)
    merged_slug = models.SlugField(max_length=255)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    moved = models.JSONField(default=dict, blank=True, help_text="Rows moved to the kept actor, per relation.")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.merged_name} → {self.keep_name}"


class DistinctActors(models.Model):
    """An editor's "not the same": these two actors are different entities, so the likely-duplicates list
    (selectors.likely_duplicates) never suggests the pair again. Stored once per pair, lower id first."""

    actor_low = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    actor_high = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "pair of distinct actors"
        verbose_name_plural = "pairs of distinct actors"
        constraints = [
            models.UniqueConstraint(fields=["actor_low", "actor_high"], name="distinct_actors_once"),
            models.CheckConstraint(condition=models.Q(actor_low__lt=models.F("actor_high")), name="distinct_actors_ordered"),
        ]

    def __str__(self):
        return f"{self.actor_low_id} ≠ {self.actor_high_id}"


class MentionDecision(models.Model):
    """An editor's decision about a speaker mention, taken for all its statements at once in the admin's
    "Unresolved speakers" queue: link it to an actor (an existing one, or one created there), or mark it unnamed.

    The record is the audit trail (who, when, how many statements) and, for "unnamed", what later articles read:
    services.taught_speakers finds the latest decision for a mention's key. A link is taught through an alias
    (a name) or an editor's role (a description), kept on the actor; see services.teach_mention.
    """

    class Decision(models.TextChoices):
        LINK = "link", "Linked to an existing actor"
        CREATE = "create", "Linked to a new actor"
        UNNAMED = "unnamed", "Marked unnamed"

    mention = models.CharField(max_length=500, help_text="The speaker as written (its most common form).")
    key = models.CharField(max_length=500, db_index=True, editable=False, help_text="The mention, case folded.")
    decision = models.CharField(max_length=16, choices=Decision.choices)
    actor = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    taught_as = models.CharField(max_length=16, blank=True, help_text="alias, role, or empty (unnamed).")
    statements = models.PositiveIntegerField(default=0, help_text="How many statements the decision resolved.")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        target = f" → {self.actor}" if self.actor_id else ""
        return f"“{self.mention}”: {self.get_decision_display()}{target}"
