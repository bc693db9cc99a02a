"""REST API for getting articles in: upload (POST /api/v1/sources/) and reprocess a source.

It extends the read-only sources resource of statements.api (ingest may import statements, not the other
way round). Thin views: ingest.services.submit_article / submit_text / reprocess do the work.
"""
import datetime as dt

from django.conf import settings
from django.core.validators import RegexValidator
from django.urls import reverse
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import exceptions, parsers, serializers, status
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.decorators import action
from rest_framework.response import Response

from config.api_errors import Conflict, PayloadTooLarge, error_responses
from config.api_parsers import JSONParser
from config.api_support import StrictCharField, StrictInputSerializer, StrictURLField
from statements.api import SourceViewSet as ReadSourceViewSet
from statements.api import id_parameter
from statements.serializers import SourceSerializer

from . import services


NOT_ONLY_WHITESPACE = RegexValidator(r"[^\s\x1c-\x1f]", "The article is empty.")  # \x1c-\x1f: str.isspace()
HTTP_URL = RegexValidator(r"^https?://", "Only http:// and https:// addresses are accepted.")


class ArticleSerializer(StrictInputSerializer):
    """An article as JSON: its text or its HTML (exactly one), with what is known about it."""

    exactly_one_of = ("text", "html")

    text = StrictCharField(
        required=False, trim_whitespace=False, validators=[NOT_ONLY_WHITESPACE], help_text="The article's plain text.",
    )
    html = StrictCharField(
        required=False, trim_whitespace=False, validators=[NOT_ONLY_WHITESPACE], help_text="The article's HTML page.",
    )
    title = StrictCharField(required=False, allow_blank=True, max_length=500)
    url = StrictURLField(
        required=False, allow_blank=True, max_length=2000, validators=[HTTP_URL],
        help_text="The article's http(s) address (a host name with a domain, or an IP address).",
    )
    published = serializers.DateField(
        required=False, allow_null=True, help_text="Publication date, YYYY-MM-DD; not in the future.",
    )
    publisher = StrictCharField(required=False, allow_blank=True, max_length=255, help_text="e.g. SANA, Reuters.")

    def validate(self, attrs):
        attrs = super().validate(attrs)  # exactly one of the article's forms
        if attrs.get("published") and attrs["published"] > dt.date.today() + dt.timedelta(days=2):
            raise serializers.ValidationError({"published": ["The publication date is in the future."]})
        return attrs


class FormDateField(serializers.DateField):
    """A date in a form, which has no null: an empty value means "not known" (and the schema says no `nullable`)."""

    def run_validation(self, data=serializers.empty):
        return None if data == "" else super().run_validation(data)


@extend_schema_field({"type": "string", "format": "binary", "minLength": 1})
class ArticleFileField(serializers.FileField):
    """An uploaded file, never empty (`allow_empty_file=False`, and the schema says `minLength: 1`)."""


class ArticleUploadSerializer(ArticleSerializer):
    """An article as multipart/form-data: a file, its text or its HTML (exactly one), with what is known about it."""

    exactly_one_of = ("file", "text", "html")

    published = FormDateField(required=False, help_text="Publication date, YYYY-MM-DD; not in the future.")

    file = ArticleFileField(
        required=False, allow_empty_file=False, help_text="The article as a .txt, .md or .html file.",
    )


ReprocessSerializer = inline_serializer(
    "ReprocessResponse",
    fields={
        "queued": serializers.IntegerField(help_text="How many sources were queued (1)."),
        "source": SourceSerializer(),
    },
)

UPLOAD_DESCRIPTION = f"""Store an article and queue it for processing; needs the `statements.add_source` permission.

Send either **multipart/form-data** with a `file` (plus optional metadata fields), or **JSON** with `text` or
`html` and optional `title`, `url`, `published`, `publisher`. The article is stored at once with status
`pending` and processed in the background: poll the returned source's `url` until `status` is `done` (or
`failed`, with `error` saying why).

- **202** the article is new: the body is the source, `Location` its URL.
- **200** the same article (same text, or same `url`) is already stored: the body is that source.
- **400** nothing or several of `file`/`text`/`html`, a field of the wrong type or not listed here, or a
  malformed one.
- **413** the article is over {settings.MAX_ARTICLE_BYTES:,} bytes (MAX_ARTICLE_BYTES).
"""


@extend_schema_view(
    create=extend_schema(
        summary="Upload an article (editors)",
        description=UPLOAD_DESCRIPTION,
        request={
            "multipart/form-data": ArticleUploadSerializer,
            "application/json": ArticleSerializer,
        },
        responses={
            202: OpenApiResponse(SourceSerializer, description="Stored and queued for processing."),
            200: OpenApiResponse(SourceSerializer, description="Already stored: the existing source."),
            **error_responses(400, 401, 403, 413, 429),
        },
        examples=[
            OpenApiExample(
                "Plain text",
                request_only=True, media_type="application/json",
                value={
                    "text": "Moscow, SANA - Russian Foreign Minister Sergey Lavrov said that ...",
                    "title": "Lavrov: ...", "publisher": "SANA", "published": "2024-05-01",
                    "url": "https://sana.sy/en/?p=1",
                },
            )
        ],
    ),
    reprocess=extend_schema(
        summary="Re-run extraction on a source (editors)",
        description="Queues the source for parsing and extraction again (after the extractor improved). "
        "Statements editors verified, corrected or rejected survive it. A duplicate source is not reprocessed "
        "(409): reprocess the source it duplicates. Needs the `statements.change_source` permission.",
        request=None,
        parameters=[id_parameter("source")],
        responses={202: ReprocessSerializer, **error_responses(401, 403, 404, 409, 429)},
    ),
)
class SourceViewSet(ReadSourceViewSet):
    parser_classes = [JSONParser, parsers.MultiPartParser]
    write_permissions = {"create": ["statements.add_source"], "reprocess": ["statements.change_source"]}

    def get_throttles(self):
        if self.action == "create" and settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"].get("uploads"):
            self.throttle_scope = "uploads"  # UPLOAD_RATE per user, on top of the default throttles
            return [*super().get_throttles(), ScopedRateThrottle()]
        return super().get_throttles()

    def create(self, request, *args, **kwargs):
        multipart = request.content_type.startswith("multipart/")
        upload = (ArticleUploadSerializer if multipart else ArticleSerializer)(data=request.data)
        upload.is_valid(raise_exception=True)
        data = upload.validated_data
        meta = {
            "title": data.get("title") or "",
            "publisher": data.get("publisher") or "",
            "url": data.get("url") or "",
            "published": data.get("published"),
        }
        try:
            if data.get("file") is not None:
                file = data["file"]
                if file.size is not None and file.size > settings.MAX_ARTICLE_BYTES:  # refuse before reading it
                    raise services.ArticleRejected(
                        f"The article is {file.size:,} bytes, over the limit of {settings.MAX_ARTICLE_BYTES:,} bytes. "
                        "Upload the article's text alone, or ask an administrator to raise MAX_ARTICLE_BYTES."
                    )
                raw = file.read()
                submission = services.submit_article(
                    raw=raw, filename=file.name or "", content_type=getattr(file, "content_type", "") or "", **meta
                )
            elif data.get("html"):
                submission = services.submit_article(
                    raw=data["html"].encode("utf-8"), filename="article.html",
                    content_type="text/html; charset=utf-8", **meta,
                )
            else:
                submission = services.submit_text(text=data["text"], **meta)
        except services.ArticleRejected as exc:
            if "limit" in str(exc) and "bytes" in str(exc):
                raise PayloadTooLarge(str(exc)) from exc
            raise exceptions.ValidationError(str(exc)) from exc
        body = SourceSerializer(submission.source, context=self.get_serializer_context()).data
        if not submission.created:
            return Response(body, status=status.HTTP_200_OK)
        location = request.build_absolute_uri(reverse("api:source-detail", kwargs={"pk": submission.source.pk}))
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": location})

    @action(detail=True, methods=["post"])
    def reprocess(self, request, pk=None):
        source = self.get_object()
        queued = services.reprocess(source_ids=[source.pk])
        if not queued:
            raise Conflict(
                f"Source {source.pk} is a duplicate and is not reprocessed"
                + (f"; reprocess source {source.duplicate_of_id} instead." if source.duplicate_of_id else ".")
            )
        body = {"queued": queued, "source": SourceSerializer(source, context=self.get_serializer_context()).data}
        return Response(body, status=status.HTTP_202_ACCEPTED)
