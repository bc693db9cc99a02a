"""Browse pages for analysts. Thin: validate GET through forms, read through selectors, render."""
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from . import exports, selectors
from .forms import PERIOD_LABELS, PeriodForm, SourceFilterForm, TopicFilterForm, parse_statement_filters
from .models import Source, Statement
from .selectors import StatementFilters

HOME_LATEST = 20
TOPICS_PER_PAGE = 50
SOURCES_PER_PAGE = 30


def paginate(request, queryset, per_page):
    """The requested page (bad or out-of-range numbers fall back to the first or last page)."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


class CappedPaginator(Paginator):
    """A Paginator that counts at most COUNT_CAP rows: above that, `count` is the cap and `capped` is True.

    Counting every match of a large list costs more than showing a page of it (counting the 144,000
    statements of a busy topic takes ~0.9 s on a million statements; see docs/performance.md), so pages
    show "10,000+ statements" and page numbers up to the cap; the export and the API's cursor reach the rest.
    """

    COUNT_CAP = 10_000
    capped = False

    @cached_property
    def count(self):
        qs = self.object_list
        if not hasattr(qs, "query"):
            return len(qs)
        n = qs.order_by().values("pk")[: self.COUNT_CAP + 1].count()
        self.capped = n > self.COUNT_CAP
        return min(n, self.COUNT_CAP)

    def page(self, number):
        """The page's rows through a "deferred join": the page's ids are chosen in a subquery that selects
        nothing but ids (so the planner can answer it from the list indexes alone), and only those rows are
        then read in full. Same rows, same order, still one query."""
        qs = self.object_list
        if not hasattr(qs, "query"):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = qs.prefetch_related(None).values("pk")[bottom:top]
        return self._get_page(qs.filter(pk__in=ids), number, self)


def paginate_ranked(request, queryset, per_page):
    """`paginate` for lists ordered by a count (actors and topics by statements, annotated `n`): the ordered
    (pk, n) pairs come through `selectors.cached_aggregate` (counting a million statements per request is the
    slow part), then only the page's rows are read. Two queries, or one when the pairs are cached."""
    pairs = selectors.cached_aggregate(lambda: queryset.values_list("pk", "n"), "ranked", queryset)
    page = Paginator(pairs, per_page).get_page(request.GET.get("page"))
    found = queryset.model._default_manager.in_bulk([pk for pk, _ in page.object_list])
    rows = []
    for pk, n in page.object_list:
        if pk in found:
            found[pk].n = n
            rows.append(found[pk])
    page.object_list = rows
    return page


def paginate_statements(request, queryset, per_page):
    """`paginate` for statement lists, whose counts stop at CappedPaginator.COUNT_CAP."""
    return CappedPaginator(queryset, per_page).get_page(request.GET.get("page"))


def bad_request(errors) -> HttpResponse:
    lines = [f"{field}: {' '.join(messages)}" for field, messages in errors.items()]
    return HttpResponse("Bad filter parameters\n" + "\n".join(lines) + "\n", status=400, content_type="text/plain")


def export_list(request, fmt, form, rows, fields, filename):
    """A filtered list as CSV or JSON: 404 for another format, 400 naming bad filters, else streamed rows.

    `rows(form, absolute_url)` yields the export rows of the list the valid `form` describes.
    """
    if fmt not in exports.FORMATS:
        raise Http404("Exports are csv or json.")
    if not form.is_valid():
        return bad_request(form.errors)
    return exports.stream(rows(form, request.build_absolute_uri), fields, fmt, filename)


def home(request):
    form = PeriodForm(request.GET)
    form.is_valid()
    statements = selectors.filter_statements(StatementFilters(date_from=form.since()), order="newest")
    return render(request, "statements/home.html", {
        "form": form,
        "period": form.chosen,
        "periods": PERIOD_LABELS,
        "statements": statements[:HOME_LATEST],
        "speakers": selectors.cached_aggregate(lambda: selectors.top_speakers(statements, 10), "speakers", statements, 10),
        "topics": selectors.cached_aggregate(lambda: selectors.top_topics(statements, 10), "topics", statements, 10),
    })


def search(request):
    form, filters = parse_statement_filters(request.GET)
    statements = selectors.filter_statements(filters, order=form.ordering)
    return render(request, "statements/search.html", {
        "form": form,
        "filters": filters,
        "page": paginate_statements(request, statements, form.page_size),
        "speakers": selectors.cached_aggregate(lambda: selectors.top_speakers(statements, 8), "speakers", statements, 8),
        "topic_choices": selectors.cached_aggregate(lambda: selectors.topics_with_counts()[:100], "topic_choices"),
        "publisher_choices": selectors.cached_aggregate(selectors.publishers, "publishers"),
    })


def statements_export(request, fmt):
    if fmt not in exports.FORMATS:
        raise Http404("Exports are csv or json.")
    form, filters = parse_statement_filters(request.GET)
    if form.errors:
        return bad_request(form.errors)
    statements = selectors.statements_for_export(filters, order=form.ordering)
    rows = exports.statement_rows(statements, request.build_absolute_uri)
    return exports.stream(rows, exports.STATEMENT_FIELDS, fmt, "statements")


def statement_detail(request, pk):
    statement = get_object_or_404(selectors.statement_base(), pk=pk)
    return render(request, "statements/detail.html", {
        "statement": statement,
        "beside": selectors.statements_beside(statement),
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
        "speakers": sorted({s.speaker.name if s.speaker_id else s.speaker_mention for s in statements}),
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
        "page": paginate_statements(request, statements, form.page_size),
        "speakers": selectors.cached_aggregate(lambda: selectors.top_speakers(statements, 10), "speakers", statements, 10),
        "series": selectors.cached_aggregate(lambda: selectors.statements_over_time(statements, "day"), "series", statements),
        "publisher_choices": selectors.cached_aggregate(
            lambda: selectors.publishers(selectors.statements_on_topic(topic)), "publishers_of_topic", topic.pk),
    })

