from django.urls import path
from django.views.generic import RedirectView

from . import feeds, views

app_name = "statements"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("statements/", RedirectView.as_view(pattern_name="statements:search", query_string=True), name="list"),
    path("statements/export.<str:fmt>", views.statements_export, name="export"),
    path("statements/<int:pk>/", views.statement_detail, name="detail"),
    path("sources/", views.source_list, name="sources"),
    path("sources/export.<str:fmt>", views.sources_export, name="sources_export"),
    path("sources/<int:pk>/", views.source_detail, name="source"),
    path("topics/", views.topic_list, name="topics"),
    path("topics/export.<str:fmt>", views.topics_export, name="topics_export"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("topics/<slug:slug>/feed/", feeds.TopicStatementsFeed(), name="topic_feed"),
    path("clusters/", views.cluster_list, name="clusters"),
    path("clusters/<int:pk>/", views.cluster_detail, name="cluster"),
    path("search/feed/", feeds.SearchStatementsFeed(), name="search_feed"),
]
