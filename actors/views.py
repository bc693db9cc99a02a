"""Actor pages: the searchable list and one actor's page. Reads through actors and statements selectors."""
from django.http import Http404
from django.shortcuts import redirect, render

from browse.exports import export_list
from browse.forms import parse_statement_filters
from browse.pagination import paginate_ranked, paginate_statements
from statements import selectors as statement_selectors
from statements.selectors import StatementFilters

from . import exports, selectors
from .forms import ActorFilterForm
from .models import Actor

ACTORS_PER_PAGE = 30
cached = statement_selectors.cached_aggregate


def _actors(form):
    values = form.values()
    speaking = statement_selectors.speaking_actors(selectors.search_actors(values["q"], values["kind"]))
    return statement_selectors.with_statement_counts(speaking)


def actor_list(request):
    form = ActorFilterForm(request.GET)
    form.is_valid()
    return render(request, "actors/list.html", {
        "form": form, "kinds": Actor.Kind.choices, "page": paginate_ranked(request, _actors(form), ACTORS_PER_PAGE),
    })


def actors_export(request, fmt):
    return export_list(
        request, fmt, ActorFilterForm(request.GET), lambda form, url: exports.actor_rows(_actors(form), url),
        exports.ACTOR_FIELDS, "actors",
    )


def actor_detail(request, slug):
    actor = selectors.actor_by_slug(slug)
    if actor is None:
        raise Http404("No actor with this name.")
    if actor.slug != slug:
        query = request.GET.urlencode()
        return redirect(actor.get_absolute_url() + (f"?{query}" if query else ""), permanent=True)
    selectors.actor_profile(actor)
    form, filters = parse_statement_filters(request.GET, speaker=actor)
    statements = statement_selectors.filter_statements(filters, order=form.ordering)
    everything = statement_selectors.filter_statements(StatementFilters(speaker=actor, first_only=filters.first_only))
    held, voices = selectors.roles_by_kind(actor)
    return render(request, "actors/detail.html", {
        "actor": actor,
        "roles": held,  # titles held; the representatives it spoke through are not its roles
        "voices": list(dict.fromkeys(role.voice_text for role in voices)),
        "form": form,
        "filters": filters,
        "page": paginate_statements(request, statements, form.page_size, filters=filters, order=form.ordering),
        "series": cached(lambda: statement_selectors.statements_over_time(statements, "day"), "series", statements),
        "topics": cached(lambda: statement_selectors.top_topics(everything, 30), "topics", everything, 30),
        "mentioned": cached(lambda: statement_selectors.top_mentioned(everything, 10), "mentioned", everything, 10),
        "publisher_choices": cached(lambda: statement_selectors.publishers(everything), "publishers_of", everything),
    })
