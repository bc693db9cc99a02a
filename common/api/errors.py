"""One JSON shape for every API error, and the schema class that documents it on every operation.

Every error the API answers looks like

    {"error": {"status": 400, "code": "invalid", "message": "A human sentence.", "fields": {"date_from": ["..."]}}}

`fields` maps a parameter or body field to its messages and is empty when the error is not about one.
"""
from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField(help_text="The HTTP status code, repeated for convenience.")
    code = serializers.CharField(help_text='A stable machine-readable code, e.g. "invalid", "not_found", "throttled".')
    message = serializers.CharField(help_text="What went wrong, in a sentence a person can act on.")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Messages per query parameter or body field; empty when the error is not about a field.",
    )


class ErrorSerializer(serializers.Serializer):
    """The body of every error response."""

    error = ErrorDetailSerializer()


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "too_large"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the resource's current state."
    default_code = "conflict"


def _flatten(detail, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail as {"field": [...], "nested.field": [...], "items.0": [...]}."""
    out: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            for k, v in _flatten(value, name).items():
                out.setdefault(k, []).extend(v)
    elif isinstance(detail, list):
        if all(not isinstance(item, (dict, list)) for item in detail):
            out[prefix or "non_field_errors"] = [str(item) for item in detail]
        else:
            for i, item in enumerate(detail):
                for k, v in _flatten(item, f"{prefix}.{i}" if prefix else str(i)).items():
                    out.setdefault(k, []).extend(v)
    else:
        out[prefix or "non_field_errors"] = [str(detail)]
    return out


def _code(detail, default: str) -> str:
    codes = getattr(detail, "code", None)
    return codes if isinstance(codes, str) else default


def error_body(*, status_code: int, message: str, code: str, fields: dict | None = None) -> dict:
    return {"error": {"status": status_code, "code": code, "message": message, "fields": fields or {}}}


def _message_for_validation(fields: dict[str, list[str]]) -> str:
    general = fields.pop("non_field_errors", None)
    if general:
        return " ".join(general)
    if len(fields) == 1:
        name, messages = next(iter(fields.items()))
        return f"Invalid value for '{name}': {' '.join(messages)}"
    return "Invalid input in " + ", ".join(f"'{name}'" for name in fields) + "; see 'fields'."


def exception_handler(exc, context):
    """REST_FRAMEWORK["EXCEPTION_HANDLER"]: every handled error in the one shape; anything else stays a 500."""
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge(
            "The request body is over the size this server accepts. Send the article as a multipart file upload, "
            "or send its text alone."
        )
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) if str(exc) else None)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    status_code = response.status_code
    if isinstance(exc, exceptions.ValidationError):
        fields = _flatten(exc.detail)
        general = list(fields.get("non_field_errors", []))
        message = _message_for_validation(dict(fields))
        if not general:
            fields.pop("non_field_errors", None)
        body = error_body(status_code=status_code, message=message, code="invalid", fields=fields)
    else:
        detail = getattr(exc, "detail", str(exc))
        if isinstance(detail, (dict, list)):
            fields = _flatten(detail)
            message = " ".join(m for msgs in fields.values() for m in msgs)
            body = error_body(status_code=status_code, message=message, code=_code(detail, "error"), fields={})
        else:
            body = error_body(
                status_code=status_code, message=str(detail),
                code=_code(detail, getattr(exc, "default_code", "error")),
            )
    response.data = body
    return response


def not_found_json(request, *args, **kwargs):
    """For /api/ paths that match no endpoint: the same error shape instead of Django's HTML page."""
    return JsonResponse(
        error_body(
            status_code=404, code="not_found",
            message=f"There is no API endpoint at {request.path}. The endpoints are listed at /api/v1/ and /api/docs/.",
        ),
        status=404,
    )


def error_response(status_code: int, message: str, *, code: str = "error", fields: dict | None = None) -> Response:
    return Response(error_body(status_code=status_code, message=message, code=code, fields=fields), status=status_code)


ERROR_DESCRIPTIONS = {
    "400": "Invalid input: a query parameter or body field is malformed, out of range or unknown; see `fields`.",
    "401": "Not authenticated: send `Authorization: Token <key>` or use a logged-in session.",
    "403": "Authenticated, but not allowed to do this (an editor's model permission is missing).",
    "404": "No such resource (unknown id or slug, or a page past the end).",
    "405": "This method is not allowed on this endpoint.",
    "409": "Conflict with the resource's current state.",
    "413": "The upload is over the size limit (MAX_ARTICLE_BYTES).",
    "429": "Too many requests: anonymous use is throttled. Retry after the `Retry-After` header's seconds.",
}


def _no_nul(schema: dict) -> None:
    """Text the server takes holds no NUL character (Django's and DRF's text fields refuse it, and PostgreSQL
    cannot store it): say so on every free-form string of `schema` (enums, dates, URIs and files hold none)."""
    for key in ("oneOf", "anyOf", "allOf"):
        for branch in schema.get(key, []):
            _no_nul(branch)
    if isinstance(schema.get("items"), dict):
        _no_nul(schema["items"])
    if schema.get("type") != "string" or "enum" in schema or "format" in schema:
        return
    if "pattern" in schema:
        schema["not"] = {"pattern": r"\u0000"}
    else:
        schema["pattern"] = r"^[^\u0000]*$"


class ApiAutoSchema(AutoSchema):
    """drf-spectacular's AutoSchema, documenting the shared error responses on every operation."""

    def _error_codes(self) -> list[str]:
        codes = ["400", "404", "429"]
        if self.method not in ("GET", "HEAD", "OPTIONS") or {} not in self.get_auth():
            codes += ["401", "403"]  # a write, or a read that needs credentials (e.g. one's own webhooks)
        return codes

    def get_auth(self):
        # Reads are public wherever every permission of the view lets anyone read (EditorPermission says so with
        # `public_reads`): security then lists {} (no credentials) beside the token and session; writes keep
        # credentials required. drf-spectacular alone knows only AllowAny and IsAuthenticatedOrReadOnly.
        auths = super().get_auth()
        if self.method in permissions.SAFE_METHODS and {} not in auths and all(
            getattr(permission, "public_reads", False) for permission in self.view.get_permissions()
        ):
            auths.append({})
        return auths

    def _map_basic_serializer(self, serializer, direction):
        # Strict inputs (common.api.support.StrictInputSerializer) refuse unknown fields, and may require exactly
        # one of some fields: say both, so that clients and generated tests see the rule the server applies.
        schema = super()._map_basic_serializer(serializer, direction)
        if direction == "request" and getattr(serializer, "refuses_unknown_fields", False):
            schema["additionalProperties"] = False
            for prop in schema["properties"].values():
                _no_nul(prop)
            one_of = [name for name in getattr(serializer, "exactly_one_of", ()) if name in schema["properties"]]
            if one_of:
                schema["oneOf"] = [{"required": [name]} for name in one_of]
        return schema

    def _get_request_for_media_type(self, serializer, direction="request"):
        # A body needing exactly one of some fields is required, though none of them is on its own.
        schema, required = super()._get_request_for_media_type(serializer, direction)
        return schema, required or bool(getattr(serializer, "exactly_one_of", ()))

    def _get_parameters(self):
        # Every query parameter of this API treats an empty value (`?kind=`) as absent; say so. A text filter's
        # longest value (django-filter's max_length, which drf-spectacular leaves out) is said too: the server
        # refuses a longer one with a 400.
        parameters = super()._get_parameters()
        filterset = getattr(self.view, "filterset_class", None)
        filters = getattr(filterset, "base_filters", {}) if filterset is not None else {}
        for parameter in parameters:
            if parameter.get("in") == "query":
                parameter["allowEmptyValue"] = True
                schema = parameter.get("schema", {})
                max_length = getattr(filters.get(parameter.get("name")), "extra", {}).get("max_length")
                if max_length and schema.get("type") == "string" and "enum" not in schema:
                    schema.setdefault("maxLength", max_length)
                _no_nul(schema)
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        error = self._get_response_for_code(ErrorSerializer, "400", direction=direction)
        for code in self._error_codes():
            if code not in responses:
                responses[code] = {**error, "description": ERROR_DESCRIPTIONS[code]}
        return dict(sorted(responses.items()))


def error_responses(*codes: int) -> dict:
    """For @extend_schema(responses=...): the error shape under these status codes, with their descriptions."""
    return {code: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[str(code)]) for code in codes}


__all__ = [
    "ApiAutoSchema", "Conflict", "ErrorSerializer", "PayloadTooLarge", "error_body", "error_response",
    "error_responses", "exception_handler", "not_found_json",
]
