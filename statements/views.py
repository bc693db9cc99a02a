"""Browse pages for analysts. Thin: validate GET through forms, read through selectors, render."""
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from browse.exports import FORMATS, bad_request, export_filename, export_list, stream, wants_bom
from browse.forms import PERIOD_LABELS, parse_statement_filters, period_starts
from browse.pagination import paginate, paginate_ranked, paginate_statements

from . import exports, selectors
from .clustering import selectors as cluster_selectors
from .forms import ClusterFilterForm, PeriodForm, SourceFilterForm, TopicFilterForm
from .models import Source, Statement
from .selectors import StatementFilters

HOME_LATEST = 20
TOPICS_PER_PAGE = 50
SOURCES_PER_PAGE = 30
CLUSTERS_PER_PAGE = 30


def home(request):
    form = PeriodForm(request.GET)
    form.is_valid()
    filters = StatementFilters(date_from=form.since(), first_only=form.first_only)
    statements = selectors.filter_statements(filters, order="newest")
    return render(request, "statements/home.html", {
        "form": form,
        "filters": filters,
        "period": form.chosen,
        "periods": PERIOD_LABELS,
        "statements": selectors.listed_statements(statements[:HOME_LATEST]),
        "speakers": selectors.cached_aggregate(lambda: selectors.top_speakers(statements, 10), "speakers", statements, 10),
        "topics": selectors.cached_aggregate(lambda: selectors.top_topics(statements, 10), "topics", statements, 10),
    })


def search(request):
    form, filters = parse_statement_filters(request.GET)
    statements = selectors.filter_statements(filters, order=form.ordering)
    facets = selectors.cached_facets(statements, filters, form.ordering, period_starts())
    chosen = getattr(form, "cleaned_data", {})
    return render(request, "statements/search.html", {
        "form": form,
        "filters": filters,
        "reading": form.reading,
        "page": paginate_statements(request, statements, form.page_size, filters=filters, order=form.ordering),
        "facets": facets,
        "speakers": facets.speakers[:8],
        "topic_choices": with_current(facets.topics, filters.topic, slug=getattr(filters.topic, "slug", "")),
        "publisher_choices": with_current(facets.publishers, filters.publisher),
        "publisher_counts": True,
        "kind_choices": counted_choices(facets.kinds, chosen.get("kind"), Statement.Kind.choices),
        "review_choices": counted_choices(facets.review_statuses, chosen.get("review_status"),
                                          Statement.ReviewStatus.choices),
        "period_choices": counted_choices(facets.periods, chosen.get("period"), PERIOD_LABELS.items()),
    })


def with_current(choices: list, current, **keys) -> list:
    """Facet `choices` with the value in force first when no statement listed has it (an empty list): the
    filter stays visible, and removable, in its select."""
    if not current or any(choice["name"].casefold() == str(current).casefold() for choice in choices):
        return choices
    return [{"name": str(current), "n": 0, **keys}, *choices]


def counted_choices(counted: list, current: str | None, labels) -> list:
    """[{value, name, n}] for a select of fixed values (kind, review status, period): those counted in the list
    (never one that would empty it), in `labels`' order, and the value in force even when none has it."""
    counts = {row["value"]: row["n"] for row in counted}
    return [
        {"value": value, "name": str(label), "n": counts.get(value, 0)}
        for value, label in labels if counts.get(value) or value == current
    ]


def statements_export(request, fmt):
    if fmt not in FORMATS:
        raise Http404("Exports are csv or json.")
    form, filters = parse_statement_filters(request.GET)
    if form.errors:
        return bad_request(form.errors)
    statements = selectors.statements_for_export(filters, order=form.ordering)
    rows = exports.statement_rows(statements, request.build_absolute_uri)
    name = export_filename("statements", *exports.statement_filename_parts(filters))
    return stream(rows, exports.STATEMENT_FIELDS, fmt, name, bom=wants_bom(request))


def statement_detail(request, pk):
    statement = get_object_or_404(selectors.statement_base(), pk=pk)
    return render(request, "statements/detail.html", {
        "statement": statement,
        "also_reported": cluster_selectors.also_reported(statement),
        "beside": selectors.listed_statements(selectors.statements_beside(statement)),
        "rejected": statement.review_status == Statement.ReviewStatus.REJECTED,
    })


def _sources(form):
    return selectors.sources_with_counts(**form.values())


def source_list(request):
    form = SourceFilterForm(request.GET)
    form.is_valid()
    return render(request, "statements/source_list.html", {
        "form": form, "statuses": Source.Status.choices,
        "publisher_choices": selectors.cached_aggregate(selectors.publishers, "publishers"),
        "page": paginate(request, _sources(form), SOURCES_PER_PAGE),
    })


def sources_export(request, fmt):
    return export_list(
        request, fmt, SourceFilterForm(request.GET), lambda form, url: exports.source_rows(_sources(form), url),
        exports.SOURCE_FIELDS, "sources",
    )


def source_detail(request, pk):
    source = selectors.source_detail(pk)
    if source is None:
        raise Http404("No such source.")
    statements = list(selectors.statements_in_source(source))
    return render(request, "statements/source.html", {
        "source": source,
        "statements": statements,
        "speakers": sorted({s.speaker_label for s in statements}),
    })


def topic_list(request):
    form = TopicFilterForm(request.GET)
    form.is_valid()
    q = form.cleaned_data.get("q", "") if hasattr(form, "cleaned_data") else ""
    return render(request, "statements/topic_list.html", {
        "form": form, "page": paginate_ranked(request, selectors.topics_with_counts(q), TOPICS_PER_PAGE),
    })


def topics_export(request, fmt):
    return export_list(
        request, fmt, TopicFilterForm(request.GET),
        lambda form, url: exports.topic_rows(selectors.topics_with_counts(form.cleaned_data["q"]), url),
        exports.TOPIC_FIELDS, "topics",
    )


def topic_detail(request, slug):
    topic = selectors.topic_by_slug(slug)
    if topic is None:
        raise Http404("No such topic.")
    form, filters = parse_statement_filters(request.GET, topic=topic)
    statements = selectors.filter_statements(filters, order=form.ordering)
    return render(request, "statements/topic.html", {
        "topic": topic,
        "form": form,
        "filters": filters,
        "page": paginate_statements(request, statements, form.page_size, filters=filters, order=form.ordering),
        "speakers": selectors.cached_aggregate(lambda: selectors.top_speakers(statements, 10), "speakers", statements, 10),
        "series": selectors.cached_aggregate(lambda: selectors.statements_over_time(statements, "day"), "series", statements),
        "publisher_choices": selectors.cached_aggregate(
            lambda: selectors.publishers(selectors.statements_on_topic(topic)), "publishers_of_topic", topic.pk),
    })



def cluster_list(request):
    form = ClusterFilterForm(request.GET)
    form.is_valid()
    return render(request, "statements/cluster_list.html", {
        "form": form,
        "page": paginate_statements(request, cluster_selectors.cluster_list(**form.values()), CLUSTERS_PER_PAGE,
                                    rows=list),
    })


def cluster_detail(request, pk):
    page = cluster_selectors.cluster_page(pk)
    if page is None:
        raise Http404("No such cluster.")
    return render(request, "statements/cluster.html", {"page": page, "cluster": page.cluster})
