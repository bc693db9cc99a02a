"""API representations of actors: compact (inside statements) and full (the actors resource)."""
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from common.api.support import (
    IdOrSlugRelatedField,
    LeanRepresentation,
    LinkField,
    RelatedLinkField,
    StrictInputSerializer,
    absolute_url,
)

from .models import Actor, Role


class ActorRefSerializer(LeanRepresentation, serializers.ModelSerializer):
    """An actor in brief, as it appears inside a statement."""

    url = LinkField(view_name="api:actor-detail", help_text="This actor in the API.")

    class Meta:
        model = Actor
        fields = ["id", "slug", "name", "kind", "url"]


class RoleSerializer(serializers.ModelSerializer):
    """A title the actor holds, or (kind "voice") a representative it spoke through."""

    kind = serializers.ChoiceField(
        choices=Role.Kind.choices, read_only=True,
        help_text='held: a title the actor holds ("Foreign Minister"). voice: a representative whose words articles '
        'credit to the actor ("spokesman" of the Home Office, "through an aide" of a person), not a title it holds.')

    class Meta:
        model = Role
        fields = ["title", "kind", "organization_name", "start_date", "end_date", "first_seen_on"]


class ActorSerializer(serializers.ModelSerializer):
    """A person or organization that says things in the news."""

    url = LinkField(view_name="api:actor-detail", help_text="This actor in the API.")
    html_url = serializers.SerializerMethodField(help_text="The actor's page on the website.")
    statements = serializers.SerializerMethodField(help_text="The actor's statements in the API (a filtered list).")
    aliases = serializers.SerializerMethodField(help_text="Names the actor appears under in articles.")
    roles = RoleSerializer(
        many=True, read_only=True,
        help_text="Titles held (kind held) and representatives spoken through (kind voice), as read in articles, "
        "entered by editors or imported from rosters.")
    merged_into = RelatedLinkField(
        view_name="api:actor-detail", read_only=True, allow_null=True,
        help_text="Set when an editor merged this actor into another: that actor's URL. Null for live actors.",
    )

    class Meta:
        model = Actor
        fields = [
            "id", "url", "slug", "name", "kind", "description", "wikidata_id", "aliases", "roles", "merged_into",
            "html_url", "statements", "created_at", "updated_at",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, actor) -> str:
        return absolute_url(self.context, "actors:detail", slug=actor.slug)

    @extend_schema_field(OpenApiTypes.URI)
    def get_statements(self, actor) -> str:
        return absolute_url(self.context, "api:statement-list") + f"?speaker={actor.pk}"

    def get_aliases(self, actor) -> list[str]:
        return sorted({alias.name for alias in actor.aliases.all()})


class ActorIdOrSlugField(IdOrSlugRelatedField):
    """An actor named by its id or slug; with `follow_merges`, an actor merged away names the one it was merged
    into (as its old URLs do); without, the caller decides what a merged actor means."""

    lookup, noun = "actors.selectors.actor_by_id_or_slug", "actor"

    def __init__(self, *, follow_merges: bool = False, **kwargs):
        self.lookup_kwargs = {"follow_merges": follow_merges}
        super().__init__(**kwargs)


class ActorMergeSerializer(StrictInputSerializer):
    """Which actor stays when the actor in the URL is merged away."""

    into = ActorIdOrSlugField(
        queryset=Actor.objects.all(),
        help_text="The id or slug of the actor that stays; the actor in the URL is merged into it and its "
        "statements move there. Its old URLs and slug keep resolving.",
    )
