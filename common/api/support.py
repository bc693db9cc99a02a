"""Building blocks shared by the API's resources: pagination, editor permissions, id-or-slug lookups, links."""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Mapping

from django.db import connection
from django.utils.module_loading import import_string
from django.db.models import F, FloatField, Q, QuerySet
from django.db.models.expressions import OrderBy
from django.db.models.functions import Cast
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema_field
from rest_framework import exceptions, permissions, serializers
from rest_framework.pagination import BasePagination, PageNumberPagination
from rest_framework.relations import PKOnlyObject
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.utils.urls import remove_query_param, replace_query_param

from common.api.parsers import json_depth

MAX_DB_INT = 2**63 - 1  # PostgreSQL bigint; larger ids can't exist and must not reach the database


def parse_id(value) -> int | None:
    """A positive database id from a string, or None when it is not one (letters, signs, huge numbers)."""
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or len(text.lstrip("0")) > 19:  # int() refuses 4,300+ digits
        return None
    number = int(text)
    return number if 0 < number <= MAX_DB_INT else None


def requested_page_size(pagination, request) -> int:
    """`?page_size=` as asked, capped at the pagination's maximum however large (the schema sets no maximum: a
    client asking for more gets the most a page holds); anything but a positive whole number is a 400."""
    raw = request.query_params.get(pagination.page_size_query_param)
    if raw in (None, ""):
        return pagination.page_size
    text = str(raw).strip()
    if text.isascii() and text.isdigit() and len(text.lstrip("0")) > 18:
        return pagination.max_page_size  # past what parse_id reads (and int() reads past 4,300 digits)
    number = parse_id(text)
    if number is None:
        raise exceptions.ValidationError({pagination.page_size_query_param: ["A positive whole number is required."]})
    return min(number, pagination.max_page_size)


class PageNumberPages(PageNumberPagination):
    """`?page=N&page_size=M` (at most 200 a page) with a total `count`; for the smaller resources."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    page_query_description = "A page number within the paginated result set (from 1)."
    page_size_query_description = "Results per page (default 50; larger values are capped at 200)."

    def get_page_size(self, request):
        return requested_page_size(self, request)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
        return parameters


def _encode_cursor(payload: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> dict:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        text = base64.urlsafe_b64decode(padded.encode("ascii")).decode()
        if json_depth(text) > 2:  # json would recurse into `[[[[...` until RecursionError (a 500)
            raise ValueError("nested too deeply")
        payload = json.loads(text)
    except (ValueError, UnicodeError, binascii.Error) as exc:
        raise exceptions.ValidationError({"cursor": ["Invalid cursor: use the `next` or `previous` link as given."]}) from exc
    if not isinstance(payload, dict):
        raise exceptions.ValidationError({"cursor": ["Invalid cursor: use the `next` or `previous` link as given."]})
    return payload


class KeysetCursorPagination(BasePagination):
    """Cursor (keyset) pagination over a queryset already ordered by (some field, id), both the same direction.

    Each page is found through `WHERE (field, id) < (last seen)` instead of OFFSET, so page 10,000 costs what
    page 1 costs, and rows added meanwhile don't shift pages. NULLs in the field sort where the ordering puts them
    (an OrderBy with nulls_last/nulls_first: the statements' sort_date puts undated rows last both ways), else
    where the database does (PostgreSQL: last ascending, first descending). There is no total count: counting millions of rows is
    the slow part. The ordering itself comes from the caller (the shared selector), not from this class.

    Why not DRF's CursorPagination: it keys a page on the first ordering field alone (`str()` of its value) and
    pages through ties by OFFSET, so it needs that field unique or nearly so and never NULL (as its documentation
    says). `said_on` is NULL for every undated statement, and a cursor after one would filter on the string
    "None" (a 500); many statements share a date or a relevance rank, and each tie costs an OFFSET scan. A
    (field, id) key is exact in both cases.
    """

    page_size = 50
    max_page_size = 200
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"

    def _page_size(self, request) -> int:
        return requested_page_size(self, request)

    @staticmethod
    def _ordering(queryset: QuerySet) -> tuple[str, bool, bool]:
        """(field, descending, nulls_first) of the queryset's ordering (field, id). The field is a name
        ("-said_on") or an OrderBy of one (F("sort_date").desc(nulls_last=True)) placing NULLs itself."""
        order = list(queryset.query.order_by)
        first = order[0] if order else None
        if isinstance(first, OrderBy) and isinstance(first.expression, F):
            descending, field = first.descending, first.expression.name
            nulls_first = bool(first.nulls_first) if (first.nulls_first or first.nulls_last) else None
        elif isinstance(first, str):
            descending, field, nulls_first = first.startswith("-"), first.lstrip("-"), None
        else:
            descending = field = nulls_first = None
        if len(order) != 2 or field is None or not isinstance(order[1], str) \
                or order[1].lstrip("-") not in ("id", "pk") or descending != order[1].startswith("-"):
            raise AssertionError(f"keyset pagination needs an ordering (field, id) in one direction, got {order}")
        if nulls_first is None:
            # Where the database puts them: PostgreSQL treats NULL as larger than any value; SQLite as smaller.
            nulls_first = descending if connection.vendor == "postgresql" else not descending
        return field, descending, nulls_first

    @staticmethod
    def _after(field: str, descending: bool, nulls_first: bool, value, pk: int) -> Q:
        """Rows strictly after (value, pk) in the order (field, id), both descending or both ascending, NULLs of
        the field first or last."""
        cmp = "lt" if descending else "gt"
        if value is None:
            same = Q(**{f"{field}__isnull": True, f"id__{cmp}": pk})
            return same if not nulls_first else same | Q(**{f"{field}__isnull": False})
        after = Q(**{f"{field}__{cmp}": value}) | Q(**{field: value, f"id__{cmp}": pk})
        return after if nulls_first else after | Q(**{f"{field}__isnull": True})

    @staticmethod
    def _dump(value):
        if isinstance(value, (dt.date, dt.datetime)):
            return {"d": value.isoformat()}
        return value

    @staticmethod
    def _load(value):
        if isinstance(value, dict) and isinstance(value.get("d"), str):
            try:
                return dt.date.fromisoformat(value["d"])
            except ValueError as exc:
                raise exceptions.ValidationError({"cursor": ["Invalid cursor."]}) from exc
        if value is None or isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
        raise exceptions.ValidationError({"cursor": ["Invalid cursor."]})

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.base_url = request.build_absolute_uri()
        size = self._page_size(request)
        field, descending, nulls_first = self._ordering(queryset)
        self.field, self.descending = field, descending
        annotation = queryset.query.annotations.get(field)
        if annotation is not None and isinstance(annotation.output_field, FloatField):
            # e.g. the search rank, a float4 that Python reads back rounded: key on its exact float8 value.
            queryset = queryset.annotate(_keyset=Cast(F(field), FloatField()))
            self.key_field = "_keyset"
        else:
            self.key_field = field
        key_field = self.key_field
        raw = request.query_params.get(self.cursor_query_param)
        backwards = False
        if raw:
            payload = _decode_cursor(raw)
            if payload.get("o") != field + ("-" if descending else "+") or not isinstance(payload.get("k"), int) \
                    or payload.get("b") not in (0, 1):
                raise exceptions.ValidationError(
                    {"cursor": ["This cursor belongs to another ordering; start again without `cursor`."]}
                )
            backwards = bool(payload["b"])
            key = parse_id(payload["k"])
            if key is None:
                raise exceptions.ValidationError({"cursor": ["Invalid cursor."]})
            value = self._load(payload.get("v"))
            if backwards:
                # The order read backwards: reversed direction, and NULLs at the other end.
                queryset = queryset.filter(self._after(key_field, not descending, not nulls_first, value, key)).reverse()
            else:
                queryset = queryset.filter(self._after(key_field, descending, nulls_first, value, key))
        rows = list(queryset[: size + 1])
        more = len(rows) > size
        rows = rows[:size]
        if backwards:
            rows.reverse()
            self.has_next, self.has_previous = bool(rows), more
        else:
            self.has_next, self.has_previous = more, bool(raw) and bool(rows)
        self.rows = rows
        return rows

    def _link(self, row, backwards: bool) -> str:
        payload = {
            "o": self.field + ("-" if self.descending else "+"),
            "v": self._dump(getattr(row, self.key_field)),
            "k": row.pk,
            "b": int(backwards),
        }
        return replace_query_param(self.base_url, self.cursor_query_param, _encode_cursor(payload))

    def get_next_link(self):
        return self._link(self.rows[-1], False) if self.has_next and self.rows else None

    def get_previous_link(self):
        if not self.has_previous:
            return None
        if not self.rows:
            return remove_query_param(self.base_url, self.cursor_query_param)
        return self._link(self.rows[0], True)

    def get_paginated_response(self, data):
        return Response({"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data})

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {"type": "string", "nullable": True, "format": "uri",
                         "description": "The next page's URL, or null on the last page."},
                "previous": {"type": "string", "nullable": True, "format": "uri",
                             "description": "The previous page's URL, or null on the first page."},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param, "required": False, "in": "query",
                "description": "An opaque position: pass the `next` or `previous` link as given, never build it.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param, "required": False, "in": "query",
                "description": f"Results per page (default {self.page_size}; larger values are capped at "
                f"{self.max_page_size}).",
                "schema": {"type": "integer", "minimum": 1},
            },
        ]


# --- Strict input ----------------------------------------------------------------------------------------------
# What the schema says a write takes is what it takes: a string field takes a JSON string (DRF's CharField turns
# 0 into "0"), an integer field a JSON integer (DRF's takes "12" and 12.0), and a field the body does not define is
# refused instead of silently dropped (a typo'd field name must not look like a success). ApiAutoSchema declares
# the last as `additionalProperties: false` and `exactly_one_of` as a oneOf.


class StrictCharField(serializers.CharField):
    """A JSON string only: 0, 12345, true and lists are refused ("Not a valid string.")."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictIntegerField(serializers.IntegerField):
    """A JSON integer only: "12", 12.0 and true are refused ("A valid integer is required.")."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictInputSerializer(serializers.Serializer):
    """A write's input: fields it does not define are refused with a 400 naming them.

    `exactly_one_of`: fields of which exactly one must be sent (non-empty); checked here, declared in the
    schema as a oneOf of one `required` per field (common.api.errors.ApiAutoSchema)."""

    exactly_one_of: tuple[str, ...] = ()
    refuses_unknown_fields = True

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            unknown = sorted(str(name) for name in data if name not in self.fields)
            if unknown:
                known = ", ".join(self.fields)
                raise serializers.ValidationError(
                    {name[:100]: [f"Unknown field; this body takes {known}."] for name in unknown[:20]}
                )
        return super().to_internal_value(data)

    def validate(self, attrs):
        if self.exactly_one_of:
            given = [name for name in self.exactly_one_of if attrs.get(name) not in (None, "")]
            if len(given) != 1:
                names = [f"`{name}`" for name in self.exactly_one_of]
                raise serializers.ValidationError(
                    f"Send exactly one of {', '.join(names[:-1])} or {names[-1]}"
                    + (f"; got {', '.join(given)}." if given else "; got none.")
                )
        return attrs


@extend_schema_field({"oneOf": [{"type": "integer"}, {"type": "string", "minLength": 1, "maxLength": 255}]})
class IdOrSlugRelatedField(serializers.RelatedField):
    """A row named by its id (a JSON integer or a string of digits) or its slug.

    Subclasses set `lookup` (the dotted path of a selector taking the reference as a string) and `noun`."""

    default_error_messages = {
        "does_not_exist": "No {name} has the id or slug '{value}'.",
        "invalid": "Give an id (a number) or a slug (text).",
        "blank": "This field may not be blank.",
        "max_length": "An id or slug has at most {max_length} characters.",
    }
    max_length = 255
    lookup = ""
    lookup_kwargs: dict = {}
    noun = "row"

    def run_validation(self, data=serializers.empty):
        if data == "":  # RelatedField would call it null
            self.fail("blank")
        return super().run_validation(data)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (str, int)):
            self.fail("invalid")
        if len(str(data)) > self.max_length:
            self.fail("max_length", max_length=self.max_length)
        found = import_string(self.lookup)(str(data), **self.lookup_kwargs) if str(data).strip() else None
        if found is None:
            self.fail("does_not_exist", name=self.noun, value=str(data)[:100])
        return found

    def to_representation(self, value):
        return value.pk


class EditorPermission(permissions.BasePermission):
    """Anyone reads; a write needs an authenticated user holding the view's `write_permissions` (per action).

    `write_permissions` maps an action name ("partial_update", "create", "merge", ...) to Django permission
    codenames, e.g. {"partial_update": ["statements.change_statement"]}. An action not listed is refused.
    """

    message = "Your account lacks the editor permission this change needs."
    public_reads = True  # the schema declares reads as needing no credentials (common.api.errors.ApiAutoSchema)

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        method = request.method.lower()
        if method not in view.http_method_names or getattr(view, method, None) is None:
            return True  # no such write here: the view answers 405
        user = request.user
        if not (user and user.is_authenticated):
            raise exceptions.NotAuthenticated(
                "Sign in to change data: send `Authorization: Token <key>` or use a logged-in session."
            )
        needed = getattr(view, "write_permissions", {}).get(getattr(view, "action", None))
        if needed is None:
            return False
        if not user.has_perms(needed):
            self.message = f"Your account lacks the editor permission this change needs ({', '.join(needed)})."
            return False
        return True


def id_parameter(noun: str, *, slug: bool = False) -> OpenApiParameter:
    if slug:
        return OpenApiParameter(
            "id", OpenApiTypes.STR, OpenApiParameter.PATH, description=f"The {noun}'s id (a number) or its slug."
        )
    return OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description=f"The {noun}'s id.")


def found_or_404(obj, noun: str, ref):
    if obj is None:
        raise exceptions.NotFound(f"No {noun} has the id{' or slug' if noun in ('actor', 'topic') else ''} '{str(ref)[:100]}'.")
    return obj


# --- Links -----------------------------------------------------------------------------------------------------

_URL_SENTINEL = "987654321987"


def absolute_url(context: dict, view_name: str, **kwargs) -> str:
    """The absolute URL of `view_name` with no or one kwarg (an id or a slug: values that need no quoting), exactly as DRF's reverse() with the
    request gives it, but reversed once per response: a page of 50 statements holds ~300 links, and resolving
    each one (reverse(), the language lookups in it, build_absolute_uri()) was half of serialising the page.
    The URL is reversed with a placeholder value, split there, and each link fills the value in. `context` is
    the serializer context (nested serializers share their root's, so the templates are shared too)."""
    templates = context.setdefault("_url_templates", {})
    if not kwargs:  # a URL without arguments (a list)
        if view_name not in templates:
            templates[view_name] = reverse(view_name, request=context.get("request"))
        return templates[view_name]
    (name, value), = kwargs.items()
    key = (view_name, name)
    template = templates.get(key)
    if template is None:
        url = reverse(view_name, kwargs={name: _URL_SENTINEL}, request=context.get("request"))
        prefix, found, suffix = url.partition(_URL_SENTINEL)
        template = templates[key] = (prefix, suffix) if found and _URL_SENTINEL not in suffix else None
    if template is None:  # a URL that does not hold its value verbatim: reverse it every time
        return reverse(view_name, kwargs={name: value}, request=context.get("request"))
    return f"{template[0]}{value}{template[1]}"


class _TemplatedLink:
    """get_url of DRF's hyperlinked fields through absolute_url (same URLs, same schema)."""

    def get_url(self, obj, view_name, request, format):
        value = getattr(obj, self.lookup_field, None)
        if format or value in (None, ""):
            return super().get_url(obj, view_name, request, format)
        return absolute_url(self.context, view_name, **{self.lookup_url_kwarg: value})


class LinkField(_TemplatedLink, serializers.HyperlinkedIdentityField):
    """HyperlinkedIdentityField (this row's URL), reversed once per response."""


class RelatedLinkField(_TemplatedLink, serializers.HyperlinkedRelatedField):
    """HyperlinkedRelatedField (another row's URL), reversed once per response."""


class LeanRepresentation:
    """A serializer mixin: the same representation as DRF's, with less work per field and row.

    DRF reads every field through Field.get_attribute (source walking, callable checks, PKOnlyObject for
    relations). Here plain model attributes and whole-object fields ("*": links, method fields) are read with
    one getattr; relations, nested serializers, dotted sources and anything callable still go through DRF.
    For the statement lists (50 rows x 21 fields plus ~200 nested speakers, sources, topics) that was most of
    the Python time left after the links (absolute_url)."""

    def to_representation(self, instance):
        plan = getattr(self, "_lean_plan", None)
        if plan is None:
            plan = self._lean_plan = [(field, self._lean_source(field)) for field in self._readable_fields]
        ret = {}
        for field, attr in plan:
            if attr == "*":
                value = instance
            elif attr is not None and not callable(value := getattr(instance, attr, _MISSING)) \
                    and value is not _MISSING:
                pass
            else:
                try:
                    value = field.get_attribute(instance)
                except serializers.SkipField:
                    continue
                if isinstance(value, PKOnlyObject) and value.pk is None:
                    value = None
            ret[field.field_name] = None if value is None else field.to_representation(value)
        return ret

    @staticmethod
    def _lean_source(field):
        if field.source == "*":
            return "*"
        if isinstance(field, (serializers.RelatedField, serializers.ManyRelatedField, serializers.BaseSerializer)):
            return None
        return field.source_attrs[0] if len(field.source_attrs) == 1 else None


_MISSING = object()
