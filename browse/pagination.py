"""Pages of a list: plain, ranked by a count (cached), and statement lists whose count is capped."""
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from statements import selectors


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

    def __init__(self, object_list, per_page, *args, rows=selectors.listed_statements, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.rows = rows  # reads a page's rows from their queryset: statements as lists show them, or `list`

    @cached_property
    def count(self):
        n, self.capped = self.capped_count()
        return n

    def capped_count(self) -> tuple[int, bool]:
        """(the count, at most COUNT_CAP; whether the list holds more)."""
        qs = self.object_list
        if not hasattr(qs, "query"):
            return len(qs), False
        n = qs.order_by().values("pk")[: self.COUNT_CAP + 1].count()
        return min(n, self.COUNT_CAP), n > self.COUNT_CAP

    def page(self, number):
        """The page's rows through a "deferred join": the page's ids are chosen in a subquery that selects
        nothing but ids (so the planner can answer it from the list indexes alone), and only those rows are
        then read in full by `rows`. Same rows, same order, still one query (and for statements, one for their
        topics: selectors.listed_statements)."""
        qs = self.object_list
        if not hasattr(qs, "query"):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = qs.prefetch_related(None).values("pk")[bottom:top]
        return self._get_page(self.rows(qs.filter(pk__in=ids)), number, self)


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


def paginate_statements(request, queryset, per_page, *, filters=None, order="", rows=selectors.listed_statements):
    """`paginate` for statement lists, whose counts stop at CappedPaginator.COUNT_CAP. Given the `filters` and
    `order` the list was made with, a count slower than selectors.LIST_AGGREGATE_SLOW_MS is kept in the cache as the
    list's facets are (counting the 10,001 newest statements of a busy topic takes ~10 ms, each time it is shown)."""
    paginator = CappedPaginator(queryset, per_page, rows=rows)
    if filters is not None and hasattr(queryset, "query") and not queryset.query.is_empty():
        paginator.count, paginator.capped = selectors.cached_aggregate(
            paginator.capped_count, "count", selectors.filters_key(filters), order,
            slow_ms=selectors.LIST_AGGREGATE_SLOW_MS)
    return paginator.get_page(request.GET.get("page"))
