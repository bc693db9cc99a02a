from django.http import Http404
from django.shortcuts import redirect, render

from statements import selectors as statement_selectors

from . import selectors


def actor_detail(request, slug):
    actor = selectors.actor_by_slug(slug)
    if actor is None:
        raise Http404("No actor with this name.")
    if actor.slug != slug:
        return redirect(actor, permanent=True)
    statements = statement_selectors.statements_by_speaker(actor)[:50]
    return render(request, "actors/detail.html", {"actor": actor, "statements": statements})
