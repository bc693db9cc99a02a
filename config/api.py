"""The REST API: /api/v1/ resources, /api/schema/ and its documentation pages."""
from django.urls import path

urlpatterns: list = []
