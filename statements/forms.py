"""GET parameters of the topic, source and home pages (the statement filter form is shared: browse.forms)."""
from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from actors import selectors as actor_selectors
from browse.forms import COPIES_CHOICES, PERIOD_LABELS, PERIODS, NoticeMixin, blank

from . import selectors
from .models import Source


class TopicFilterForm(NoticeMixin, forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Topic name")


class PeriodForm(NoticeMixin, forms.Form):
    period = forms.ChoiceField(required=False, choices=[(k, v) for k, v in PERIOD_LABELS.items()])
    copies = forms.ChoiceField(required=False, choices=COPIES_CHOICES)

    @property
    def first_only(self) -> bool:
        return getattr(self, "cleaned_data", {}).get("copies") != "all"

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


class ClusterFilterForm(NoticeMixin, forms.Form):
    """The cluster list's filters: speaker (actor slug), topic (slug), first appearance between two dates, and a
    minimum number of sources carrying it."""

    actor = forms.SlugField(required=False, max_length=255, label="Speaker")
    topic = forms.SlugField(required=False, max_length=255)
    date_from = forms.DateField(required=False, label="From")
    date_to = forms.DateField(required=False, label="To")
    min_sources = forms.IntegerField(required=False, min_value=1, max_value=100_000, label="Sources at least")

    def clean_actor(self):
        slug = self.cleaned_data["actor"]
        actor = actor_selectors.actor_by_slug(slug) if slug else None
        if slug and actor is None:
            raise forms.ValidationError("No actor is known by this name.")
        return actor

    def clean_topic(self):
        slug = self.cleaned_data["topic"]
        topic = selectors.topic_by_slug(slug) if slug else None
        if slug and topic is None:
            raise forms.ValidationError("No such topic.")
        return topic

    def values(self) -> dict:
        data = getattr(self, "cleaned_data", {})
        return {"speaker": data.get("actor"), "topic": data.get("topic"), "date_from": data.get("date_from"),
                "date_to": data.get("date_to"), "min_sources": data.get("min_sources")}
