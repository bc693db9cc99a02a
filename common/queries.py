"""Query expressions more than one app's admin or pages use."""
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce


def count_subquery(rows: QuerySet, column: str) -> Coalesce:
    """How many of `rows` have `column` equal to the outer query's primary key, as a correlated subquery.

    Unlike Count() over a join, it stays right when the outer query also joins a many-valued table (the
    admin's search through aliases multiplied "Count('statements')" by the number of matching aliases), and
    the database computes it only for the rows a page shows when the page is ordered by something else.
    """
    counted = rows.filter(**{column: OuterRef("pk")}).order_by().values(column).annotate(c=Count("*")).values("c")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))
