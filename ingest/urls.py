from django.urls import path

from . import views

app_name = "ingest"
urlpatterns = [
    path("upload/", views.upload, name="upload"),
    path("status/", views.status, name="status"),
    path("status.json", views.status_json, name="status_json"),
]
