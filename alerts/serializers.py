"""The API's webhooks: what a token holder sends to register one, and what it reads back."""
from __future__ import annotations

from rest_framework import serializers

from actors.models import Actor
from actors.serializers import ActorIdOrSlugField, ActorRefSerializer
from common.api.support import StrictCharField, StrictInputSerializer
from statements.models import Statement, Topic
from statements.serializers import TopicIdOrSlugField, TopicRefSerializer

from .models import Alert, WebhookDelivery


class WebhookInputSerializer(StrictInputSerializer):
    """A new webhook: where to POST, and which new statements (no filter: every new statement)."""

    url = serializers.URLField(max_length=2000, help_text="Where new statements are POSTed (http or https).")
    speaker = ActorIdOrSlugField(required=False, queryset=Actor.objects.all(), follow_merges=True,
                                 help_text="Only statements by this actor (id or slug).")
    topic = TopicIdOrSlugField(required=False, queryset=Topic.objects.all(), help_text="Only statements on this topic.")
    q = StrictCharField(required=False, allow_blank=True, max_length=200,
                        help_text='Only statements matching these words (web-search syntax: words, "a phrase", -not).')
    publisher = StrictCharField(required=False, allow_blank=True, max_length=255,
                                help_text="Only statements from this publisher (case-insensitive).")
    kind = serializers.ChoiceField(choices=Statement.Kind.choices, required=False)
    source_type = serializers.ChoiceField(choices=Statement.SourceType.choices, required=False)


class WebhookUpdateSerializer(StrictInputSerializer):
    enabled = serializers.BooleanField(
        required=False, help_text="true turns a webhook on again after it was turned off (an empty body changes nothing).")


class WebhookDeliverySerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookDelivery
        fields = ["delivery_id", "attempted_at", "statements", "status_code", "error", "duration_ms"]


class WebhookSerializer(serializers.ModelSerializer):
    """A registered webhook, its filters and how its deliveries go."""

    speaker = ActorRefSerializer(read_only=True, allow_null=True)
    topic = TopicRefSerializer(read_only=True, allow_null=True)
    kind = serializers.ChoiceField(choices=Statement.Kind.choices, allow_blank=True, read_only=True,
                                   help_text="Only statements of this kind; empty: any.")
    source_type = serializers.ChoiceField(choices=Statement.SourceType.choices, allow_blank=True, read_only=True,
                                          help_text="Only statements from this kind of source; empty: any.")
    follows = serializers.CharField(source="describe", read_only=True, help_text="The filters in words.")
    enabled = serializers.SerializerMethodField(help_text="false once turned off after repeated failures.")
    recent_deliveries = serializers.SerializerMethodField(help_text="The last ten attempts, newest first.")

    class Meta:
        model = Alert
        fields = ["id", "url", "speaker", "topic", "q", "publisher", "kind", "source_type", "follows", "enabled",
                  "failures", "next_attempt_at", "disabled_at", "disabled_reason", "last_sent_at", "created_at",
                  "recent_deliveries"]
        read_only_fields = fields

    def get_enabled(self, alert) -> bool:
        return alert.disabled_at is None

    def get_recent_deliveries(self, alert) -> list[dict]:
        return WebhookDeliverySerializer(alert.deliveries.all()[:10], many=True).data


class NewWebhookSerializer(WebhookSerializer):
    """The webhook just registered, with its secret: shown this once, keep it to check signatures."""

    secret = serializers.CharField(read_only=True, help_text="The HMAC-SHA256 key of the signature header.")

    class Meta(WebhookSerializer.Meta):
        fields = [*WebhookSerializer.Meta.fields, "secret"]
        read_only_fields = fields
