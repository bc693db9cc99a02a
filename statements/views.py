from django.shortcuts import get_object_or_404, render

from . import selectors
from .models import Source, Statement, Topic


def home(request):
    return render(request, "statements/home.html", {"statements": selectors.latest_statements(20)})


def statement_detail(request, pk):
    statement = get_object_or_404(selectors.statement_list(), pk=pk)
    return render(request, "statements/detail.html", {"statement": statement})


def source_detail(request, pk):
    source = get_object_or_404(Source, pk=pk)
    statements = selectors.statements_in_source(source)
    return render(request, "statements/source.html", {"source": source, "statements": statements})


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    statements = selectors.statements_on_topic(topic)[:50]
    return render(request, "statements/topic.html", {"topic": topic, "statements": statements})
