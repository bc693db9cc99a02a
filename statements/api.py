"""REST API for statements, topics and sources (read), and editors' corrections of statements.

Thin views: reads go through statements.selectors (via the FilterSets), writes through statements.services.
Uploading and reprocessing sources is in ingest.api, which extends SourceViewSet.
"""
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.response import Response

from common.api.errors import error_responses
from common.api.parsers import JSONParser
from common.api.support import (
    EditorPermission,
    KeysetCursorPagination,
    PageNumberPages,
    found_or_404,
    id_parameter,
    parse_id,
)

from . import selectors, services
from .clustering import selectors as cluster_selectors
from .filters import ClusterFilterSet, SourceFilterSet, StatementFilterSet, TopicFilterSet
from .models import Cluster, Source, Statement, Topic
from .serializers import (
    ClusterDetailSerializer,
    ClusterSerializer,
    SourceDetailSerializer,
    SourceSerializer,
    StatementCorrectionSerializer,
    StatementSerializer,
    TopicSerializer,
)


class StatementCursorPagination(KeysetCursorPagination):
    page_size = 50
    max_page_size = 200


@extend_schema_view(
    list=extend_schema(
        summary="List statements",
        description="Statements newest first (or as `ordering` says), rejected ones left out unless "
        "`review_status=rejected` is asked for. Cursor-paginated: follow `next` for more; there is no total "
        "count. Every filter can be combined with every other. Every copy of a remark carried by several sources "
        "is listed (`copies=all`, the default, so that clients keeping a copy of the data miss nothing); "
        "`copies=first` lists each cluster once, by its first appearance, as the website does.",
    ),
    retrieve=extend_schema(summary="One statement", parameters=[id_parameter("statement")]),
    partial_update=extend_schema(
        summary="Correct a statement (editors)",
        description="Change the speaker, the span (the content is recomputed from the source text), the kind, "
        "the topics or the review status. The statement is marked `corrected` (or takes the status sent: "
        "`verified`, `rejected`), the editor and time are recorded, and re-running extraction leaves it alone. "
        "An empty body (`{}`) changes nothing and answers the statement as it is, as a JSON merge patch would. "
        "Fields not listed here are refused (400). Needs the `statements.change_statement` permission.",
        parameters=[id_parameter("statement")],
        request=StatementCorrectionSerializer,
        responses={200: StatementSerializer, **error_responses(400, 401, 403, 404, 429)},
    ),
)
class StatementViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet):
    lookup_value_regex = "[^/]+"  # ids, and slugs where the resource has them; bad ones answer 404
    serializer_class = StatementSerializer
    filterset_class = StatementFilterSet
    pagination_class = StatementCursorPagination
    permission_classes = [EditorPermission]
    write_permissions = {"partial_update": ["statements.change_statement"]}
    http_method_names = ["get", "patch", "head", "options"]
    parser_classes = [JSONParser]  # corrections are JSON: form fields would turn every integer into text
    queryset = Statement.objects.none()  # for the schema and the filter backend; rows come from selectors

    def get_queryset(self):
        return selectors.statement_base()

    def filter_queryset(self, queryset):
        return selectors.statements_for_api(super().filter_queryset(queryset))

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return None if page is None else selectors.with_refs(page)

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        reading = getattr(request, "search_reading", None)
        if reading is not None and reading.narrowed:
            response["Search-Speaker"] = reading.speaker.slug
        elif reading is not None and reading.suggestions:
            response["Search-Suggestions"] = " ".join(s.actor.slug for s in reading.suggestions)
        return response

    def get_object(self):
        ref = self.kwargs["pk"]
        pk = parse_id(ref)
        statement = selectors.statement_by_pk(pk) if pk else None
        return found_or_404(statement, "statement", ref)

    def partial_update(self, request, *args, **kwargs):
        statement = self.get_object()
        self.check_object_permissions(request, statement)
        correction = StatementCorrectionSerializer(data=request.data)
        correction.is_valid(raise_exception=True)
        services.correct_statement(statement=statement, user=request.user, **correction.validated_data)
        fresh = selectors.statement_by_pk(statement.pk)
        return Response(StatementSerializer(fresh, context=self.get_serializer_context()).data)


class ClusterCursorPagination(KeysetCursorPagination):
    page_size = 50
    max_page_size = 200


@extend_schema_view(
    list=extend_schema(
        summary="List clusters",
        description="Clusters (one speaker's one utterance, with every statement carrying it), newest first "
        "appearance first; clusters with no dated copy come last. Cursor-paginated: follow `next`. Every statement "
        "belongs to one (`cluster` on a statement), a remark nobody repeated too: `min_sources=2` lists only what "
        "was carried by more than one source.",
    ),
    retrieve=extend_schema(
        summary="One cluster",
        description="The cluster with its canonical wording (the fullest quotation) and every listed copy in order "
        "of appearance, each with its source and whether that source reprints another.",
        parameters=[id_parameter("cluster")], responses={200: ClusterDetailSerializer, **error_responses(404, 429)},
    ),
)
class ClusterViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = "[^/]+"  # ids; bad ones answer 404
    serializer_class = ClusterSerializer
    filterset_class = ClusterFilterSet
    pagination_class = ClusterCursorPagination
    queryset = Cluster.objects.none()

    def get_queryset(self):
        return cluster_selectors.cluster_list()

    def get_serializer_class(self):
        return ClusterDetailSerializer if self.action == "retrieve" else ClusterSerializer

    def get_object(self):
        ref = self.kwargs["pk"]
        pk = parse_id(ref)
        page = cluster_selectors.cluster_page(pk) if pk else None
        if page is not None:
            page.cluster.page = page
        return found_or_404(page.cluster if page else None, "cluster", ref)


@extend_schema_view(
    list=extend_schema(summary="List topics", description="Topics A to Z."),
    retrieve=extend_schema(summary="One topic", parameters=[id_parameter("topic", slug=True)]),
)
class TopicViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = "[^/]+"  # ids, and slugs where the resource has them; bad ones answer 404
    serializer_class = TopicSerializer
    filterset_class = TopicFilterSet
    pagination_class = PageNumberPages
    queryset = Topic.objects.none()

    def get_queryset(self):
        return selectors.topic_list()

    def get_object(self):
        ref = self.kwargs["pk"]
        return found_or_404(selectors.topic_by_id_or_slug(ref), "topic", ref)


@extend_schema_view(
    list=extend_schema(
        summary="List sources",
        description="Articles, newest upload first, without their text (fetch one source for its text).",
        responses={200: SourceSerializer(many=True)},
    ),
    retrieve=extend_schema(
        summary="One source", description="The article with its clean text; statement offsets index into it.",
        parameters=[id_parameter("source")], responses={200: SourceDetailSerializer, **error_responses(404, 429)},
    ),
)
class SourceViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = "[^/]+"  # ids, and slugs where the resource has them; bad ones answer 404
    serializer_class = SourceSerializer
    filterset_class = SourceFilterSet
    pagination_class = PageNumberPages
    permission_classes = [EditorPermission]
    queryset = Source.objects.none()

    def get_queryset(self):
        return selectors.source_list()

    def get_serializer_class(self):
        return SourceDetailSerializer if self.action == "retrieve" else SourceSerializer

    def get_object(self):
        ref = self.kwargs["pk"]
        pk = parse_id(ref)
        return found_or_404(selectors.source_detail(pk) if pk else None, "source", ref)


__all__ = ["ClusterViewSet", "SourceViewSet", "StatementViewSet", "TopicViewSet", "found_or_404", "id_parameter"]
