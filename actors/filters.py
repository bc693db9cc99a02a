"""Query parameters of the actors resource: validated here, applied by actors.selectors."""
import django_filters

from statements import selectors as statement_selectors

from . import selectors
from .models import Actor


class ActorFilterSet(django_filters.FilterSet):
    name = django_filters.CharFilter(
        max_length=255, help_text="Part of the actor's name or of any alias it appears under, case-insensitive."
    )
    kind = django_filters.ChoiceFilter(choices=Actor.Kind.choices, help_text="person, organization or unknown.")
    wikidata_id = django_filters.CharFilter(max_length=20, help_text="The Wikidata id, exactly (e.g. Q193271).")
    role = django_filters.CharFilter(
        max_length=255, help_text='Part of a title the actor holds, case-insensitive ("foreign minister"). Only titles '
        'held count, not the representatives an actor spoke through ("spokesman").'
    )
    include_silent = django_filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")],
        help_text="true: list actors with no statement too (only mentioned, or known from a roster). By default "
        "only actors that said something (one listed statement at least) are listed."
    )

    class Meta:
        model = Actor
        fields: list = []

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        qs = selectors.search_actors(q=data.get("name") or "", kind=data.get("kind") or "")
        if data.get("role"):
            qs = selectors.holding(qs, data["role"])
        if data.get("wikidata_id"):
            qs = qs.filter(wikidata_id=data["wikidata_id"])
        if data.get("include_silent") != "true":
            qs = statement_selectors.speaking_actors(qs)
        return selectors.actors_for_api(qs.order_by("name", "id"))
