"""Query parameters of the statements, sources and topics resources.

Each FilterSet only validates its parameters (a bad value is a 400 naming the parameter) and turns them
into the arguments of the shared selectors; the query itself is built in statements.selectors, the one
query layer pages, API and exports share.
"""
from __future__ import annotations

import django_filters
from django import forms
from drf_spectacular.utils import extend_schema_field

from actors.selectors import actor_by_id_or_slug

from . import selectors
from .clustering import selectors as cluster_selectors
from .models import Cluster, Source, Statement, Topic

MAX_ID = 2**63 - 1


class _RefField(forms.CharField):
    """An id (digits) or a slug, cleaned into the row it names."""

    lookup = None
    noun = "row"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 255)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in (None, ""):
            return None
        found = type(self).lookup(value)
        if found is None:
            raise forms.ValidationError(  # params, not an f-string: the value may hold "%"
                "No %(noun)s has the id or slug '%(value)s'.", code="unknown", params={"noun": self.noun, "value": value[:100]}
            )
        return found


class ActorRefField(_RefField):
    lookup = staticmethod(lambda ref: actor_by_id_or_slug(ref, follow_merges=True))
    noun = "actor"


class TopicRefField(_RefField):
    lookup = staticmethod(selectors.topic_by_id_or_slug)
    noun = "topic"


class SourceIdField(forms.IntegerField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        number = super().clean(value)
        if number is None:
            return None
        source = Source.objects.filter(pk=number).only("id").first()
        if source is None:
            raise forms.ValidationError("No source has the id %(id)s.", code="unknown", params={"id": number})
        return source


def documented(schema: dict):
    """Give a filter an explicit OpenAPI schema; its help_text becomes the parameter's description."""

    def decorate(filter_):
        return extend_schema_field({**schema, "description": filter_.extra.get("help_text", "")})(filter_)

    return decorate


class StrictBooleanField(forms.NullBooleanField):
    """true/false (or 1/0); anything else is an error, not silently "not given" as Django's field reads it."""

    VALUES = {"true": True, "1": True, "false": False, "0": False}
    widget = forms.TextInput  # NullBooleanSelect reads an unknown value as "not given" before it is checked

    def to_python(self, value):
        if value in (None, "") or isinstance(value, bool):
            return value if isinstance(value, bool) else None
        try:
            return self.VALUES[str(value).strip().lower()]
        except KeyError:
            raise forms.ValidationError(f"“{value}” is not a boolean: use true or false.", code="invalid") from None

    def validate(self, value):
        pass


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class ActorRefFilter(django_filters.Filter):
    field_class = ActorRefField


class TopicRefFilter(django_filters.Filter):
    field_class = TopicRefField


class SourceFilter(django_filters.Filter):
    field_class = SourceIdField


STRING = {"type": "string"}


class _DateRangeForm(forms.Form):
    date_range = ("date_from", "date_to")

    def clean(self):
        cleaned = super().clean()
        start, end = (cleaned.get(name) for name in self.date_range)
        if start and end and start > end:
            raise forms.ValidationError({
                self.date_range[1]: forms.ValidationError(
                    "must not be before %(other)s (%(start)s).", params={"other": self.date_range[0], "start": start}
                )
            })
        return cleaned


class _SelectorFilterSet(django_filters.FilterSet):
    """A FilterSet that validates and hands the cleaned values to a selector instead of filtering itself."""

    def filter_queryset(self, queryset):
        return self.build(self.form.cleaned_data)

    def build(self, data):  # pragma: no cover - each subclass
        raise NotImplementedError


ORDERING = {
    "-date": "newest",
    "date": "oldest",
    "-confidence": "confidence",
    "confidence": "-confidence",
    "relevance": "relevance",
}


class StatementFilterForm(_DateRangeForm):
    date_range = ("date_from", "date_to")


class StatementFilterSet(_SelectorFilterSet):
    speaker = documented(STRING)(
        ActorRefFilter(help_text="The speaker's id or slug (an old slug of a merged actor works too).")
    )
    topic = documented(STRING)(TopicRefFilter(help_text="The topic's id or slug."))
    source = documented({"type": "integer", "minimum": 1, "maximum": MAX_ID})(
        SourceFilter(help_text="The source article's id.")
    )
    publisher = django_filters.CharFilter(
        max_length=255, help_text="The source's publisher, exact but case-insensitive (e.g. SANA)."
    )
    kind = django_filters.ChoiceFilter(
        choices=Statement.Kind.choices, help_text="direct (quoted), indirect (reported speech) or mixed."
    )
    source_type = django_filters.ChoiceFilter(
        choices=Statement.SourceType.choices,
        help_text="Who the statement comes from: named (a person or organisation, `speaker` null while "
        "unresolved), unnamed (an unnamed source or a group, never a speaker) or document (a report or study, "
        "`speaker` its publisher when known).",
    )
    review_status = django_filters.ChoiceFilter(
        choices=Statement.ReviewStatus.choices,
        help_text="Only statements with this review status. Rejected statements are listed only when asked "
        "for here.",
    )
    date_from = django_filters.DateFilter(help_text="Said on or after this date (YYYY-MM-DD).")
    date_to = django_filters.DateFilter(help_text="Said on or before this date (YYYY-MM-DD).")
    min_confidence = documented({"type": "number", "minimum": 0, "maximum": 1})(django_filters.NumberFilter(
        min_value=0, max_value=1, help_text="Only statements extracted with at least this confidence (0 to 1)."
    ))
    q = django_filters.CharFilter(
        max_length=500,
        help_text='Full-text search in the content (web-search syntax: words, "a phrase", -not, or, and '
        "prefix* for every word starting so). Words that name a known speaker (name or alias: `Lavrov`, "
        "`Gordon Brown economy`) narrow the list to that speaker's statements matching the other words, and the "
        "response's `Search-Speaker` header gives the actor's slug; a name several speakers share narrows "
        "nothing (`Search-Suggestions` lists their slugs). `all_text=true` searches every word in the text only. "
        "Results come most relevant first unless `ordering` says otherwise; relevance ranks the newest "
        f"{selectors.SEARCH_RANK_WINDOW:,} "
        "matches only (order by -date to page through every match).",
    )
    all_text = StrictBooleanFilter(
        help_text="true: search every word of `q` in the statements' text, never as a speaker's name."
    )
    copies = django_filters.ChoiceFilter(
        choices=[("all", "every copy"), ("first", "each utterance once")],
        help_text="all (the default here, as before clusters existed: every statement, each copy of a remark carried "
        "by several sources included) or first (each cluster once: its first appearance, as the website's lists "
        "show by default). Every statement names its `cluster`; /api/v1/clusters/ lists the clusters themselves.",
    )
    ordering = django_filters.ChoiceFilter(
        choices=[
            ("-date", "newest first"), ("date", "oldest first"), ("-confidence", "most confident first"),
            ("confidence", "least confident first"), ("relevance", "best match first (with q)"),
        ],
        help_text="Sort order: -date (default; relevance when q is given), date, -confidence, confidence, relevance. "
        "The date is `said_on`, else the source's `published`; statements with neither come last under -date "
        "and date alike.",
    )

    class Meta:
        model = Statement
        fields: list = []
        form = StatementFilterForm

    def to_statement_filters(self, data) -> selectors.StatementFilters:
        confidence = data.get("min_confidence")
        return selectors.StatementFilters(
            speaker=data.get("speaker"),
            topic=data.get("topic"),
            source=data.get("source"),
            publisher=data.get("publisher") or "",
            kind=data.get("kind") or "",
            source_type=data.get("source_type") or "",
            review_status=data.get("review_status") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            min_confidence=float(confidence) if confidence is not None else None,
            q=data.get("q") or "",
            first_only=data.get("copies") == "first",
        )

    def build(self, data):
        order = ORDERING.get(data.get("ordering") or "", "")
        filters, reading = selectors.interpret_search(self.to_statement_filters(data), match_speakers=not data.get("all_text"))
        if self.request is not None:
            self.request.search_reading = reading  # for the response's headers (StatementViewSet.list)
        return selectors.filter_statements(filters, order=order)


class ClusterFilterSet(_SelectorFilterSet):
    speaker = documented(STRING)(
        ActorRefFilter(help_text="The speaker's id or slug (an old slug of a merged actor works too).")
    )
    topic = documented(STRING)(TopicRefFilter(help_text="The topic (id or slug) of the cluster's first appearance."))
    date_from = django_filters.DateFilter(help_text="First appeared on or after this date (YYYY-MM-DD).")
    date_to = django_filters.DateFilter(help_text="First appeared on or before this date (YYYY-MM-DD).")
    min_sources = documented({"type": "integer", "minimum": 1, "maximum": 100_000})(django_filters.NumberFilter(
        min_value=1, max_value=100_000, help_text="Carried by at least this many sources (a reprint counts with its "
        "original): 2 lists only what was repeated."
    ))

    class Meta:
        model = Cluster
        fields: list = []
        form = StatementFilterForm

    def build(self, data):
        sources = data.get("min_sources")
        return cluster_selectors.cluster_list(
            speaker=data.get("speaker"), topic=data.get("topic"), date_from=data.get("date_from"),
            date_to=data.get("date_to"), min_sources=int(sources) if sources is not None else None,
        )


class SourceFilterForm(_DateRangeForm):
    date_range = ("published_from", "published_to")


class SourceFilterSet(_SelectorFilterSet):
    status = django_filters.ChoiceFilter(choices=Source.Status.choices, help_text="Processing status.")
    publisher = django_filters.CharFilter(max_length=255, help_text="Publisher, exact but case-insensitive.")
    published_from = django_filters.DateFilter(help_text="Published on or after this date (YYYY-MM-DD).")
    published_to = django_filters.DateFilter(help_text="Published on or before this date (YYYY-MM-DD).")
    q = django_filters.CharFilter(max_length=500, help_text="Words in the title (substring, case-insensitive).")
    article_url = django_filters.CharFilter(
        max_length=2000, help_text="The article's own address, exactly: find out whether it is already stored."
    )

    class Meta:
        model = Source
        fields: list = []
        form = SourceFilterForm

    def build(self, data):
        return selectors.source_list(
            status=data.get("status") or "",
            publisher=data.get("publisher") or "",
            published_from=data.get("published_from"),
            published_to=data.get("published_to"),
            q=data.get("q") or "",
            url=data.get("article_url") or "",
        )


class TopicFilterSet(_SelectorFilterSet):
    name = django_filters.CharFilter(max_length=255, help_text="Part of the topic's name, case-insensitive.")
    parent = documented(STRING)(TopicRefFilter(help_text="Only topics under this topic (id or slug)."))

    class Meta:
        model = Topic
        fields: list = []

    def build(self, data):
        return selectors.topic_list(name=data.get("name") or "", parent=data.get("parent"))
