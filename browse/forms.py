"""GET parameters of the browse pages and exports, validated into the selectors' StatementFilters.

Every statement list (home, search, actor, topic, exports, feeds) reads its filters through
`StatementFilterForm`, so a URL means the same thing on a page and in its CSV or JSON export.
Bad values become form errors; `parse_statement_filters` drops them and keeps the rest.
"""
from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from actors import selectors as actor_selectors
from statements import selectors
from statements.models import Statement
from statements.selectors import StatementFilters

PERIODS = {"7d": 7, "30d": 30, "365d": 365, "all": None}
PERIOD_LABELS = {"7d": "7 days", "30d": "30 days", "365d": "year", "all": "all time"}
ORDER_CHOICES = [("", "Default"), ("newest", "Newest"), ("oldest", "Oldest"), ("confidence", "Most confident")]
PER_PAGE_CHOICES = [(20, "20"), (50, "50"), (100, "100")]
DEFAULT_PER_PAGE = 20
# Lists show each utterance once (its first appearance, with "carried by N sources") unless copies=all.
COPIES_CHOICES = [("first", "Each statement once"), ("all", "Every copy")]


def blank(choices):
    return [("", "Any"), *choices]


class NoticeMixin:
    def error_messages(self) -> list[str]:
        """One readable line per bad parameter, for the notice shown above a list."""
        return [
            f"Ignored {name}={self.data.get(name, '')!r}: {' '.join(errors)}"
            for name, errors in self.errors.items() if name != "__all__"
        ] + list(self.non_field_errors())


class StatementFilterForm(NoticeMixin, forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Search")
    actor = forms.SlugField(required=False, max_length=255)
    topic = forms.SlugField(required=False, max_length=255)
    source = forms.IntegerField(required=False, min_value=1)
    publisher = forms.CharField(required=False, max_length=255)
    kind = forms.ChoiceField(required=False, choices=blank(Statement.Kind.choices))
    source_type = forms.ChoiceField(required=False, choices=blank(Statement.SourceType.choices), label="Source")
    review_status = forms.ChoiceField(required=False, choices=blank(Statement.ReviewStatus.choices), label="Review")
    period = forms.ChoiceField(required=False, choices=blank([(k, v) for k, v in PERIOD_LABELS.items()]))
    date_from = forms.DateField(required=False, label="From")
    date_to = forms.DateField(required=False, label="To")
    order = forms.ChoiceField(required=False, choices=ORDER_CHOICES)
    per_page = forms.TypedChoiceField(required=False, choices=PER_PAGE_CHOICES, coerce=int, empty_value=None)
    # Set: the words are searched in the text only, never read as a speaker's name ("Gordon Brown economy").
    all_text = forms.BooleanField(required=False)
    copies = forms.ChoiceField(required=False, choices=COPIES_CHOICES)

    def clean_actor(self):
        slug = self.cleaned_data["actor"]
        if not slug:
            return None
        actor = actor_selectors.actor_by_slug(slug)
        if actor is None:
            raise forms.ValidationError("No actor is known by this name.")
        return actor

    def clean_topic(self):
        slug = self.cleaned_data["topic"]
        if not slug:
            return None
        topic = selectors.topic_by_slug(slug)
        if topic is None:
            raise forms.ValidationError("No such topic.")
        return topic

    def clean_source(self):
        pk = self.cleaned_data["source"]
        if not pk:
            return None
        source = selectors.source_by_pk(pk)
        if source is None:
            raise forms.ValidationError("No such source.")
        return source

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date is before the start date.")
        return data

    def filters(self, **fixed) -> StatementFilters:
        """The StatementFilters for the valid fields (invalid ones are left out); `fixed` wins over GET."""
        data = getattr(self, "cleaned_data", {})
        date_from = data.get("date_from")
        days = PERIODS.get(data.get("period") or "")
        if days is not None:
            period_start = timezone.localdate() - dt.timedelta(days=days)
            date_from = max(date_from, period_start) if date_from else period_start
        values = {
            "q": data.get("q") or "",
            "speaker": data.get("actor"),
            "topic": data.get("topic"),
            "source": data.get("source"),
            "publisher": data.get("publisher") or "",
            "kind": data.get("kind") or "",
            "source_type": data.get("source_type") or "",
            "review_status": data.get("review_status") or "",
            "date_from": date_from,
            "date_to": data.get("date_to"),
            "first_only": data.get("copies") != "all",
        }
        values.update(fixed)
        return StatementFilters(**values)

    @property
    def ordering(self) -> str:
        return getattr(self, "cleaned_data", {}).get("order") or ""

    @property
    def page_size(self) -> int:
        return getattr(self, "cleaned_data", {}).get("per_page") or DEFAULT_PER_PAGE



def parse_statement_filters(data, **fixed) -> tuple[StatementFilterForm, StatementFilters]:
    """Validate GET data; returns the bound form (for errors and redisplay) and the filters it yields.

    A search naming a speaker narrows to that speaker (see selectors.interpret_search); how the query was read
    is `form.reading`, for the page's suggestion."""
    form = StatementFilterForm(data)
    form.is_valid()
    all_text = getattr(form, "cleaned_data", {}).get("all_text", False)
    filters, form.reading = selectors.interpret_search(form.filters(**fixed), match_speakers=not all_text)
    return form, filters
