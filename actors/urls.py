from django.urls import path

from . import views

app_name = "actors"
urlpatterns = [
    path("<slug:slug>/", views.actor_detail, name="detail"),
]
