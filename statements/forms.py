"""GET parameters of the topic, source and home pages (the statement filter form is shared: browse.forms)."""
from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from browse.forms import PERIOD_LABELS, PERIODS, NoticeMixin, blank

from .models import Source


class TopicFilterForm(NoticeMixin, forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Topic name")


class PeriodForm(NoticeMixin, forms.Form):
    period = forms.ChoiceField(required=False, choices=[(k, v) for k, v in PERIOD_LABELS.items()])

    def since(self) -> dt.date | None:
        days = PERIODS.get(getattr(self, "cleaned_data", {}).get("period") or "all")
        return timezone.localdate() - dt.timedelta(days=days) if days is not None else None

    @property
    def chosen(self) -> str:
        return getattr(self, "cleaned_data", {}).get("period") or "all"


class SourceFilterForm(NoticeMixin, forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Title")
    publisher = forms.CharField(required=False, max_length=255)
    status = forms.ChoiceField(required=False, choices=blank(Source.Status.choices))

    def values(self) -> dict:
        data = getattr(self, "cleaned_data", {})
        return {key: data.get(key) or "" for key in ("q", "publisher", "status")}
