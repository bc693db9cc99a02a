"""statements/_list.html's rows, built in Python (statement_list.statement_items): what each row shows, the
same markup as the template it replaced, every value escaped."""
import datetime as dt
import re

import pytest
from django.template.loader import render_to_string

from actors.models import Role
from statements import selectors
from statements.models import Statement

pytestmark = pytest.mark.django_db


def rows(statements, **context):
    return render_to_string("statements/_list.html", {"statements": statements, **context})


def test_a_row_shows_words_speaker_role_cue_kind_date_source_and_topics(statement_factory, topic_factory):
    statement = statement_factory(said_on=dt.date(2005, 3, 8), kind=Statement.Kind.DIRECT)
    statement.speaker_role = Role.objects.create(actor=statement.speaker, title="Chancellor")
    statement.save()
    statement.topics.add(topic_factory(name="Budget", slug="budget"))
    html = rows(list(selectors.statement_base().filter(pk=statement.pk)))
    s = statement
    expected = [
        f'<a href="/statements/{s.pk}/" class="permalink">the budget would be balanced</a>',
        f'<a class="speaker" href="/actors/{s.speaker.slug}/">{s.speaker.name}</a>, <span class="role">Chancellor</span>',
        '<span class="cue">said</span>', '<span class="badge kind-direct">Direct quote</span>',
        '<time datetime="2005-03-08">8 Mar 2005</time>',
        f'<a href="/sources/{s.source_id}/#st-{s.pk}" class="source">Minister speaks</a> <span class="publisher">(Test Agency)</span>',
        '<p class="chips"><a class="chip" href="/topics/budget/">Budget</a></p>',
    ]
    for part in expected:
        assert part in html, part
    assert "review-" not in html


def test_the_articles_date_undated_unresolved_and_reviewed(statement_factory, source_factory):
    by_article = statement_factory(source=source_factory(published=dt.date(2004, 1, 2)), said_on=None,
                                   review_status=Statement.ReviewStatus.VERIFIED)
    undated = statement_factory(source=source_factory(published=None, publisher=""), said_on=None, speaker=None,
                                speaker_mention="", cue="")
    html = rows(list(selectors.statement_base().filter(pk__in=[by_article.pk, undated.pk]).order_by("pk")))
    assert '<time datetime="2004-01-02" title="the article\'s date">2 Jan 2004</time>' in html
    assert '<span class="badge review-verified">Verified</span>' in html
    assert "· undated" in html
    assert ('<span class="speaker unresolved source-named">Unknown speaker '
            '<span class="source-type">(unresolved)</span></span>') in html
    assert html.count('class="publisher"') == 1 and html.count('class="cue"') == 1
    assert "chips" not in html


def test_every_value_is_escaped(statement_factory, actor_factory, source_factory, topic_factory):
    evil = "<script>alert(1)</script>"
    speaker = actor_factory(name=f"Evil {evil}", slug="evil")
    statement = statement_factory(speaker=speaker, cue=evil, source=source_factory(title=evil, publisher=evil))
    statement.speaker_role = Role.objects.create(actor=speaker, title=evil)
    statement.save()
    statement.topics.add(topic_factory(name=evil, slug="evil-topic"))
    unresolved = statement_factory(source=source_factory(), speaker=None, speaker_mention=evil)
    html = rows(list(selectors.statement_base().filter(pk__in=[statement.pk, unresolved.pk])), empty_text=evil)
    assert "<script>" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 7  # name, role, cue, title, publisher, topic, mention


def test_no_statements_says_the_empty_text_escaped():
    assert '<li class="empty">No statements match.</li>' in rows([])
    assert '<li class="empty">Nothing &lt;here&gt;.</li>' in rows([], empty_text="Nothing <here>.")


def test_search_headline_keeps_only_its_marks(statement_factory):
    statement = statement_factory()
    statement.headline = "the <mark>budget</mark> <b>would</b>"
    html = rows([statement])
    assert re.search(r'class="permalink">…?the <mark>budget</mark> &lt;b&gt;would&lt;/b&gt;…?</a>', html)


def test_a_pages_topics_read_beside_its_rows_render_as_prefetched_ones(statement_factory, topic_factory,
                                                                          django_assert_num_queries):
    from browse.pagination import CappedPaginator

    topics = [topic_factory(name=name, slug=name.lower()) for name in ("War", "Budget", "Oil")]
    for i, count in enumerate((0, 1, 3, 2)):
        statement_factory(content_start=i, content_end=i + 1).topics.set(topics[:count])
    statements = selectors.filter_statements()
    with django_assert_num_queries(3):  # the count, the page's rows, their topics
        page = CappedPaginator(statements, 20).page(1)
        html = rows(page.object_list)
    assert html == rows(list(statements))  # the same markup as through prefetch_related
    assert html.count('class="chip"') == 6
    assert '<a class="chip" href="/topics/budget/">Budget</a><a class="chip" href="/topics/oil/">Oil</a>' in html
