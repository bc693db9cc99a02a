"""REST API for actors: list, detail (by id or slug), and merging duplicates (editors).

Thin views: reads through actors.selectors (via ActorFilterSet), the merge through actors.services.
"""
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from common.api.errors import Conflict, error_responses
from common.api.parsers import JSONParser
from common.api.support import (
    EditorPermission,
    PageNumberPages,
    found_or_404,
    id_parameter,
)

from . import selectors, services
from .filters import ActorFilterSet
from .models import Actor
from .serializers import ActorMergeSerializer, ActorSerializer


@extend_schema_view(
    list=extend_schema(
        summary="List actors",
        description="Live actors (not merged away) that said something, A to Z, with their aliases and roles "
        "(`include_silent=true` lists those with no statement too; each still answers at its own URL).",
    ),
    retrieve=extend_schema(
        summary="One actor",
        description="An actor by id or slug. An actor merged into another is still found by its old id and slug; "
        "its `merged_into` then links the actor that holds its statements now.",
        parameters=[id_parameter("actor", slug=True)],
    ),
    merge=extend_schema(
        summary="Merge this actor into another (editors)",
        description="The actor in the URL is folded into `into`: its statements, mentions, aliases and roles move "
        "there, and it stays behind with `merged_into` set so its old URLs keep resolving. Answers the actor that "
        "stays. 409 when the actors' state forbids it (into itself, or either already merged). Needs the "
        "`actors.change_actor` permission.",
        parameters=[id_parameter("actor", slug=True)],
        request=ActorMergeSerializer,
        responses={200: ActorSerializer, **error_responses(400, 401, 403, 404, 409, 429)},
    ),
)
class ActorViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = "[^/]+"  # ids, and slugs where the resource has them; bad ones answer 404
    serializer_class = ActorSerializer
    filterset_class = ActorFilterSet
    pagination_class = PageNumberPages
    permission_classes = [EditorPermission]
    write_permissions = {"merge": ["actors.change_actor"]}
    parser_classes = [JSONParser]  # a merge is JSON: form fields would turn an integer id into text
    queryset = Actor.objects.none()

    def get_queryset(self):
        return selectors.actors_for_api(selectors.live_actors())

    def get_object(self):
        ref = self.kwargs["pk"]
        actor = found_or_404(selectors.actor_by_id_or_slug(ref), "actor", ref)
        return selectors.actor_profile(actor)

    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None):
        merge = self.get_object()
        body = ActorMergeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        keep = body.validated_data["into"]
        try:
            services.merge_actors(keep=keep, merge=merge, user=request.user)
        except ValueError as exc:  # actors.services.MergeError: into itself, already merged, ...
            raise Conflict(str(exc)) from exc  # a well-formed request the actors' current state refuses
        kept = selectors.actor_profile(selectors.actor_by_id_or_slug(str(keep.pk)))
        return Response(ActorSerializer(kept, context=self.get_serializer_context()).data)
