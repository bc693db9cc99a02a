"""API representations of statements, sources and topics, and the editors' correction input."""
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from actors.models import Actor
from actors.serializers import ActorIdOrSlugField, ActorRefSerializer
from common.api.support import (
    IdOrSlugRelatedField,
    LeanRepresentation,
    LinkField,
    RelatedLinkField,
    StrictInputSerializer,
    StrictIntegerField,
    absolute_url,
)

from .models import Cluster, Source, Statement, Topic


class TopicRefSerializer(LeanRepresentation, serializers.ModelSerializer):
    """A topic in brief, as it appears inside a statement."""

    url = LinkField(view_name="api:topic-detail", help_text="This topic in the API.")

    class Meta:
        model = Topic
        fields = ["id", "slug", "name", "url"]


class SourceRefSerializer(LeanRepresentation, serializers.ModelSerializer):
    """A source article in brief, as it appears inside a statement."""

    url = LinkField(view_name="api:source-detail", help_text="This source in the API.")
    article_url = serializers.CharField(source="url", read_only=True, help_text="The article's own address, if known.")

    class Meta:
        model = Source
        fields = ["id", "url", "title", "publisher", "published", "article_url"]


class TopicSerializer(serializers.ModelSerializer):
    """What statements are about."""

    url = LinkField(view_name="api:topic-detail", help_text="This topic in the API.")
    parent = RelatedLinkField(
        view_name="api:topic-detail", read_only=True, allow_null=True, help_text="The broader topic, if any."
    )
    html_url = serializers.SerializerMethodField(help_text="The topic's page on the website.")
    statements = serializers.SerializerMethodField(help_text="Statements on this topic in the API (a filtered list).")

    class Meta:
        model = Topic
        fields = ["id", "url", "slug", "name", "description", "keywords", "parent", "html_url", "statements"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, topic) -> str:
        return absolute_url(self.context, "statements:topic", slug=topic.slug)

    @extend_schema_field(OpenApiTypes.URI)
    def get_statements(self, topic) -> str:
        return absolute_url(self.context, "api:statement-list") + f"?topic={topic.pk}"


class SourceSerializer(serializers.ModelSerializer):
    """An article, with where it came from and how far its processing got."""

    url = LinkField(view_name="api:source-detail", help_text="This source in the API.")
    article_url = serializers.CharField(source="url", read_only=True, help_text="The article's own address, if known.")
    duplicate_of = RelatedLinkField(
        view_name="api:source-detail", read_only=True, allow_null=True,
        help_text="For status `duplicate`: the source that already holds this article.",
    )
    html_url = serializers.SerializerMethodField(help_text="The article's page on the website.")
    statements = serializers.SerializerMethodField(help_text="Its statements in the API (a filtered list).")
    status = serializers.ChoiceField(
        choices=Source.Status.choices, read_only=True,
        help_text="pending (stored, waiting), processing, done, failed (see `error`), duplicate (see `duplicate_of`).",
    )

    class Meta:
        model = Source
        fields = [
            "id", "url", "title", "publisher", "published", "article_url", "dateline", "byline", "language",
            "status", "error", "duplicate_of", "original_name", "content_type", "extractor_version",
            "created_at", "processed_at", "html_url", "statements",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, source) -> str:
        return absolute_url(self.context, "statements:source", pk=source.pk)

    @extend_schema_field(OpenApiTypes.URI)
    def get_statements(self, source) -> str:
        return absolute_url(self.context, "api:statement-list") + f"?source={source.pk}"


class SourceDetailSerializer(SourceSerializer):
    """A source with its clean text (statement offsets index into it) and its number of statements."""

    text = serializers.CharField(read_only=True, help_text="The article's clean text; statement offsets index into it.")
    statement_count = serializers.IntegerField(source="n", read_only=True, help_text="Listed (not rejected) statements.")

    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "statement_count", "text"]


class StatementSerializer(LeanRepresentation, serializers.ModelSerializer):
    """Something an actor said, with its exact place in the source text."""

    url = LinkField(view_name="api:statement-detail", help_text="This statement in the API.")
    html_url = serializers.SerializerMethodField(help_text="The statement's page on the website.")
    speaker = ActorRefSerializer(read_only=True, allow_null=True, help_text="Who said it; null when unresolved.")
    speaker_role = serializers.SerializerMethodField(help_text='The title the speaker was given, e.g. "Foreign Minister".')
    source_type = serializers.ChoiceField(
        choices=Statement.SourceType.choices, read_only=True,
        help_text="Who it comes from: named (a person or organisation; `speaker` null while unresolved), unnamed "
        "(an unnamed source or a group such as \"analysts\": never a speaker, `speaker_mention` holds the words) or "
        "document (a report or study; `speaker` is its publisher when known).",
    )
    source = SourceRefSerializer(read_only=True)
    # Plain lists set by selectors.with_refs for a page of statements (every caller loads them through it)
    topics = TopicRefSerializer(many=True, read_only=True, source="topic_refs")
    mentioned_actors = ActorRefSerializer(many=True, read_only=True, source="mentioned_refs",
                                          help_text="Other actors named in the statement.")
    cluster = serializers.IntegerField(
        source="cluster_id", read_only=True, allow_null=True,
        help_text="The utterance this statement carries (/api/v1/clusters/{id}/): every copy of one speaker's remark "
        "in any source shares it; null only for a statement not clustered yet.",
    )
    first_appearance = serializers.BooleanField(
        source="is_first_appearance", read_only=True,
        help_text="Whether this is its cluster's first appearance (the copy `copies=first` lists).",
    )
    headline = serializers.SerializerMethodField(
        help_text="With `q`: an excerpt of the content with matches wrapped in <mark>…</mark> (the rest is the "
        "article's text as is, not HTML-escaped); otherwise null."
    )

    class Meta:
        model = Statement
        fields = [
            "id", "url", "html_url", "speaker", "speaker_mention", "speaker_role", "source_type", "cue", "kind", "content",
            "content_start", "content_end", "said_on", "source", "topics", "mentioned_actors", "confidence",
            "review_status", "reviewed_at", "extractor_version", "cluster", "first_appearance", "headline",
            "created_at", "updated_at",
        ]
        extra_kwargs = {
            "content_start": {"help_text": "Offset of the first character in the source's text."},
            "content_end": {"help_text": "Offset just past the last character in the source's text."},
            "confidence": {"help_text": "How sure extraction was, 0 to 1."},
        }

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, statement) -> str:
        return absolute_url(self.context, "statements:detail", pk=statement.pk)

    def get_speaker_role(self, statement) -> str | None:
        return statement.speaker_role.title if statement.speaker_role_id and statement.speaker_role else None

    def get_headline(self, statement) -> str | None:
        return getattr(statement, "headline", None)


class TopicIdOrSlugField(IdOrSlugRelatedField):
    lookup, noun = "statements.selectors.topic_by_id_or_slug", "topic"


class StatementCorrectionSerializer(StrictInputSerializer):
    """An editor's correction: send only the fields that change (an empty body changes nothing)."""

    speaker = ActorIdOrSlugField(
        required=False, allow_null=True, queryset=Actor.objects.all(), follow_merges=True,
        help_text="The actor who really said it, by id or slug (an actor merged away stands for the one it was "
        "merged into, as its old URLs do); null for an unknown speaker.",
    )
    content_start = StrictIntegerField(
        required=False, min_value=0, max_value=2**31 - 1,
        help_text="New start offset into the source text; the content is recomputed from the text.",
    )
    content_end = StrictIntegerField(
        required=False, min_value=1, max_value=2**31 - 1,
        help_text="New end offset (exclusive) into the source text.",
    )
    kind = serializers.ChoiceField(choices=Statement.Kind.choices, required=False)
    topics = serializers.ListField(
        child=TopicIdOrSlugField(queryset=Topic.objects.all()), required=False, max_length=100,
        help_text="The statement's topics, by id or slug; replaces the current list.",
    )
    review_status = serializers.ChoiceField(
        choices=[c for c in Statement.ReviewStatus.choices if c[0] != Statement.ReviewStatus.EXTRACTED],
        required=False,
        help_text="verified or rejected set that status; otherwise (or with corrected) the statement becomes corrected.",
    )


class ClusterCopySerializer(LeanRepresentation, serializers.ModelSerializer):
    """One statement carrying a cluster's utterance, in brief: where and when, and its words."""

    url = LinkField(view_name="api:statement-detail", help_text="This statement in the API.")
    source = SourceRefSerializer(read_only=True)
    date = serializers.DateField(source="dated_on", read_only=True, allow_null=True,
                                 help_text="When it was said, else its source's publication date.")
    first_appearance = serializers.BooleanField(source="is_first_appearance", read_only=True)
    reprint_of = serializers.IntegerField(
        source="source.reprint_of_id", read_only=True, allow_null=True,
        help_text="The source whose text its source reprints (wire copy), if any: not an independent repetition.",
    )

    class Meta:
        model = Statement
        fields = ["id", "url", "kind", "content", "date", "first_appearance", "source", "reprint_of"]


class ClusterSerializer(LeanRepresentation, serializers.ModelSerializer):
    """One speaker's one utterance and how far it was carried: every statement (in one source or many) that
    carries its words, trimmed, extended or reported."""

    url = LinkField(view_name="api:cluster-detail", help_text="This cluster in the API.")
    html_url = serializers.SerializerMethodField(help_text="The cluster's page on the website.")
    speaker = ActorRefSerializer(read_only=True, allow_null=True, help_text="Whose utterance; null for an unnamed "
                                 "or unresolved speaker (`speaker_mention` holds the words).")
    speaker_mention = serializers.CharField(source="first_statement.speaker_mention", read_only=True)
    first_appearance = ClusterCopySerializer(source="first_statement", read_only=True,
                                             help_text="The earliest copy (by date said, else published).")
    first_date = serializers.DateField(source="first_dated_on", read_only=True, allow_null=True)
    statement_count = serializers.IntegerField(read_only=True, help_text="Statements carrying it (every copy).")
    source_count = serializers.IntegerField(read_only=True, help_text="Sources carrying it; a reprint counts with "
                                            "its original.")
    publisher_count = serializers.IntegerField(read_only=True, help_text="Distinct publishers carrying it.")

    class Meta:
        model = Cluster
        fields = ["id", "url", "html_url", "speaker", "speaker_mention", "first_date", "first_appearance",
                  "statement_count", "source_count", "publisher_count"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, cluster) -> str:
        return absolute_url(self.context, "statements:cluster", pk=cluster.pk)


class ClusterDetailSerializer(ClusterSerializer):
    """A cluster with its canonical wording and every listed (not rejected) copy, in order of appearance."""

    canonical = serializers.IntegerField(source="page.canonical.pk", read_only=True,
                                         help_text="The copy whose wording stands for the cluster: the fullest "
                                         "quotation (else paraphrase), the earliest among equals.")
    content = serializers.CharField(source="page.canonical.content", read_only=True,
                                    help_text="The canonical wording.")
    copies = ClusterCopySerializer(source="page.copy_statements", many=True, read_only=True)

    class Meta(ClusterSerializer.Meta):
        fields = [*ClusterSerializer.Meta.fields, "canonical", "content", "copies"]
