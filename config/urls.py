from django.contrib import admin
from django.db import connection
from django.http import HttpResponse
from django.urls import include, path

from statements import views as statement_views



def healthz(request):
    """For load balancers and compose health checks: answers when the database does."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("", statement_views.home, name="home"),
    path("admin/", admin.site.urls),
    path("api/", include("config.api")),
    path("ingest/", include("ingest.urls")),
    path("actors/", include("actors.urls")),
    path("alerts/", include("alerts.urls")),
    path("", include("statements.urls")),
]

# More files than MAX_FILES_PER_UPLOAD: a message saying what to do instead of a bare "Bad Request (400)".
handler400 = "ingest.views.bad_request"
