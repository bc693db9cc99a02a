"""REST API for getting articles in: upload (POST /api/v1/sources/) and reprocess a source.

It extends the read-only sources resource of statements.api (ingest may import statements, not the other
way round). Thin views: ingest.services.submit_article / submit_text / reprocess do the work.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.urls import reverse
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiRequest,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import exceptions, parsers, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from common.api.errors import Conflict, PayloadTooLarge, error_responses
from common.api.parsers import JSONParser
from common.api.support import StrictCharField, StrictInputSerializer
from common.throttling import ReprocessThrottle, UploadThrottle
from statements.api import SourceViewSet as ReadSourceViewSet
from statements.api import id_parameter
from statements.serializers import SourceSerializer

from . import services, validation


# ingest.validation's rule, as a RegexValidator so that the OpenAPI schema gives the fields its pattern
NOT_ONLY_WHITESPACE = RegexValidator(validation.NOT_ONLY_WHITESPACE, validation.EMPTY_MESSAGE, code="empty")


def door_rule(check):
    """A field validator that runs one of ingest.validation's checks, so the API refuses what every other door
    refuses, in the same words."""

    def run(value):
        try:
            check(value)
        except validation.ArticleRejected as exc:
            raise serializers.ValidationError(exc.message, code=exc.code) from exc

    return run


@extend_schema_field({"type": "string", "format": "uri", "maxLength": validation.MAX_URL_LENGTH})
class ArticleURLField(StrictCharField):
    """The article's address: a JSON string that ingest.validation.check_url accepts (http or https only)."""


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
    url = ArticleURLField(
        required=False, allow_blank=True, validators=[door_rule(validation.check_url)],
        help_text="The article's http(s) address (a host name with a domain, or an IP address).",
    )
    published = serializers.DateField(
        required=False, allow_null=True, validators=[door_rule(validation.check_published)],
        help_text="Publication date, YYYY-MM-DD; not in the future.",
    )
    publisher = StrictCharField(required=False, allow_blank=True, max_length=255, help_text="e.g. SANA, Reuters.")


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

    published = FormDateField(
        required=False, validators=[door_rule(validation.check_published)],
        help_text="Publication date, YYYY-MM-DD; not in the future.",
    )

    file = ArticleFileField(
        required=False, allow_empty_file=False, help_text="The article as a .txt, .md or .html file.",
    )


ReprocessSerializer = inline_serializer(
    "ReprocessResponse",
    fields={
        "queued": serializers.IntegerField(
            help_text="How many sources were put back to pending for reprocessing (1). The request is stored: a "
            "worker takes it now, or, when the task queue is down, once it is back."
        ),
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
            # The file part's types: what the server takes as an article (ingest.validation.ACCEPTED_SUFFIXES).
            "multipart/form-data": OpenApiRequest(
                ArticleUploadSerializer, encoding={"file": {"contentType": "text/plain, text/markdown, text/html"}},
            ),
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
        description="Puts the source back to pending (its `error` field notes who asked and when) and queues it "
        "for parsing and extraction again (after the extractor improved); 202 with the source as stored, status "
        "`pending`. "
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
        # Per account, on top of the default throttles: UPLOAD_RATE (shared with the upload page), REPROCESS_RATE.
        extra = {"create": UploadThrottle, "reprocess": ReprocessThrottle}.get(self.action)
        return [*super().get_throttles(), extra()] if extra else super().get_throttles()

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
                validation.check_filename(file.name, field="file")  # refused before reading it
                validation.check_size(file.size or 0, field="file")
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
        except services.ArticleRejected as exc:  # ingest.validation's refusal: its code says the status
            if exc.code == "too_large":
                raise PayloadTooLarge(exc.message, code=exc.code) from exc
            raise exceptions.ValidationError({exc.field or "non_field_errors": [exc.message]}, code=exc.code) from exc
        body = SourceSerializer(submission.source, context=self.get_serializer_context()).data
        if not submission.created:
            return Response(body, status=status.HTTP_200_OK)
        location = request.build_absolute_uri(reverse("api:source-detail", kwargs={"pk": submission.source.pk}))
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": location})

    @action(detail=True, methods=["post"])
    def reprocess(self, request, pk=None):
        source = self.get_object()
        queued = services.reprocess(source_ids=[source.pk], requested_by=request.user.get_username())
        if not queued:
            raise Conflict(
                f"Source {source.pk} is a duplicate and is not reprocessed"
                + (f"; reprocess source {source.duplicate_of_id} instead." if source.duplicate_of_id else ".")
            )
        source.refresh_from_db()
        body = {"queued": queued, "source": SourceSerializer(source, context=self.get_serializer_context()).data}
        return Response(body, status=status.HTTP_202_ACCEPTED)
