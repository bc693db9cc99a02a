from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("new/", views.new_alert, name="new"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("manage/<str:token>/", views.manage, name="manage"),
]
