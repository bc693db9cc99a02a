"""REST API for webhooks: an API token holder registers URLs that new matching statements are POSTed to."""
from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from common.api.errors import error_responses
from common.api.parsers import JSONParser
from common.api.support import PageNumberPages, found_or_404, id_parameter, parse_id

from . import selectors, services
from .filters import AlertFilters
from .models import Alert
from .serializers import NewWebhookSerializer, WebhookInputSerializer, WebhookSerializer, WebhookUpdateSerializer
from .webhooks import WebhookURLRefused

SIGNING = (
    "Each POST carries a JSON body `{delivery, alert, follows, statements: [statement, ...]}` (statements as "
    "`/api/v1/statements/` gives them) and the headers `X-Statement-Tracker-Timestamp` (Unix time), "
    "`X-Statement-Tracker-Signature` (`sha256=` and the hex HMAC-SHA256 of `<timestamp>.<body>` keyed with the "
    "webhook's secret) and `X-Statement-Tracker-Delivery` (the same on every retry of the same statements). A "
    "failed delivery (not 2xx, or no answer) is tried again later, waiting twice as long each time; after "
    "ALERT_WEBHOOK_MAX_FAILURES failures in a row the webhook is turned off with the reason in `disabled_reason`."
)


@extend_schema_view(
    list=extend_schema(summary="Your webhooks", description="The webhooks registered with your token. " + SIGNING),
    retrieve=extend_schema(summary="One of your webhooks", parameters=[id_parameter("webhook")]),
    create=extend_schema(
        summary="Register a webhook",
        description="New statements that match the filters are POSTed to `url` as they are stored (within a few "
        "minutes). The answer holds the `secret` this once. " + SIGNING,
        request=WebhookInputSerializer, responses={201: NewWebhookSerializer, **error_responses(400, 401, 429)},
    ),
    partial_update=extend_schema(
        summary="Turn a webhook on again", request=WebhookUpdateSerializer, parameters=[id_parameter("webhook")],
        responses={200: WebhookSerializer, **error_responses(400, 401, 404, 429)},
    ),
    destroy=extend_schema(summary="Remove a webhook", parameters=[id_parameter("webhook")], responses={204: None, **error_responses(401, 404, 429)}),
)
class WebhookViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                     mixins.DestroyModelMixin, viewsets.GenericViewSet):
    serializer_class = WebhookSerializer
    pagination_class = PageNumberPages
    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [JSONParser]
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    queryset = Alert.objects.none()  # the schema's model; requests read the caller's own webhooks
    lookup_value_regex = "[^/]+"  # anything: a bad id answers the API's JSON 404, not the site's (CSRF) pages

    def get_object(self):
        ref = self.kwargs["pk"]
        pk = parse_id(ref)
        return found_or_404(self.get_queryset().filter(pk=pk).first() if pk else None, "webhook", ref)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Alert.objects.none()
        return selectors.webhooks_of(self.request.user)

    def create(self, request, *args, **kwargs):
        body = WebhookInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        filters = AlertFilters(speaker=data.get("speaker"), topic=data.get("topic"), q=data.get("q", ""),
                               publisher=data.get("publisher", ""), kind=data.get("kind", ""),
                               source_type=data.get("source_type", ""))
        try:
            webhook = services.register_webhook(owner=request.user, url=data["url"], filters=filters)
        except WebhookURLRefused as exc:
            raise ValidationError({"url": [str(exc)]}) from exc
        return Response(NewWebhookSerializer(webhook, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        webhook = self.get_object()
        body = WebhookUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        if body.validated_data.get("enabled") and webhook.disabled_at is not None:
            services.enable_webhook(alert=webhook)
        return Response(WebhookSerializer(webhook, context=self.get_serializer_context()).data)

    def perform_destroy(self, instance):
        services.remove_webhook(alert=instance)
