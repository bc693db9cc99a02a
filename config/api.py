"""The REST API: /api/v1/ resources, /api/schema/ (OpenAPI 3), /api/docs/ (Swagger UI), /api/redoc/ (ReDoc).

Namespace "api": reverse("api:statement-list"), reverse("api:actor-detail", kwargs={"pk": 1}), ...
Swagger UI and ReDoc are served from local static files (drf-spectacular-sidecar), no CDN.
"""
from csp.decorators import csp_update
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from actors.api import ActorViewSet
from alerts.api import WebhookViewSet
from common.api.errors import not_found_json
from ingest.api import SourceViewSet
from statements.api import ClusterViewSet, StatementViewSet, TopicViewSet

app_name = "api"


class Router(DefaultRouter):
    """Ids or slugs in URLs (actors, topics); a trailing slash as everywhere else on the site."""

    include_format_suffixes = False


# ReDoc writes its styles into <style> elements (styled-components) and runs its search in a worker made from a
# blob: that page alone allows both. Its "API docs by Redocly" logo stays blocked (an image on Redocly's CDN;
# ReDoc hides it when it does not load).
redoc_policy = csp_update({"style-src": ["'unsafe-inline'"], "worker-src": ["'self'", "blob:"]})

router = Router()
router.register("actors", ActorViewSet, basename="actor")
router.register("statements", StatementViewSet, basename="statement")
router.register("clusters", ClusterViewSet, basename="cluster")
router.register("topics", TopicViewSet, basename="topic")
router.register("sources", SourceViewSet, basename="source")
router.register("webhooks", WebhookViewSet, basename="webhook")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its init script from a URL (?script): no inline script under the CSP.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", redoc_policy(SpectacularRedocView.as_view(url_name="api:schema")), name="redoc"),
    re_path(r"^.*$", not_found_json),
]
