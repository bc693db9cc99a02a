from django.urls import path

from . import views

app_name = "statements"
urlpatterns = [
    path("statements/<int:pk>/", views.statement_detail, name="detail"),
    path("sources/<int:pk>/", views.source_detail, name="source"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
]
