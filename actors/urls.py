from django.urls import path

from . import views
from .feeds import ActorStatementsFeed

app_name = "actors"
urlpatterns = [
    path("", views.actor_list, name="list"),
    path("export.<str:fmt>", views.actors_export, name="export"),
    path("<slug:slug>/", views.actor_detail, name="detail"),
    path("<slug:slug>/feed/", ActorStatementsFeed(), name="feed"),
]
