"""statements/_list.html's rows, built in Python (statement_list.statement_items) from statements read as lists
show them (selectors.listed_statements): what each row shows, the same markup as the template it replaced, every
value escaped."""
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


def listed(*statements):
    return selectors.listed_statements(selectors.statement_base().filter(pk__in=[s.pk for s in statements]).order_by("pk"))


def test_a_row_shows_words_speaker_role_cue_kind_date_source_and_topics(statement_factory, topic_factory):
    statement = statement_factory(said_on=dt.date(2005, 3, 8), kind=Statement.Kind.DIRECT)
    statement.speaker_role = Role.objects.create(actor=statement.speaker, title="Chancellor")
    statement.save()
    statement.topics.add(topic_factory(name="Budget", slug="budget"))
    html = rows(listed(statement))
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
    html = rows(listed(by_article, undated))
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
    html = rows(listed(statement, unresolved), empty_text=evil)
    assert "<script>" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 7  # name, role, cue, title, publisher, topic, mention


def test_no_statements_says_the_empty_text_escaped():
    assert '<li class="empty">No statements match.</li>' in rows([])
    assert '<li class="empty">Nothing &lt;here&gt;.</li>' in rows([], empty_text="Nothing <here>.")


def test_search_headline_keeps_only_its_marks(statement_factory):
    [statement] = listed(statement_factory())
    statement.headline = "the <mark>budget</mark> <b>would</b>"
    html = rows([statement])
    assert re.search(r'class="permalink">…?the <mark>budget</mark> &lt;b&gt;would&lt;/b&gt;…?</a>', html)


def test_a_page_read_by_its_ids_shows_the_lists_rows_and_their_topics(statement_factory, topic_factory,
                                                                       django_assert_num_queries):
    from browse.pagination import CappedPaginator

    topics = [topic_factory(name=name, slug=name.lower()) for name in ("War", "Budget", "Oil")]
    for i, count in enumerate((0, 1, 3, 2)):
        statement_factory(content_start=i, content_end=i + 1).topics.set(topics[:count])
    statements = selectors.filter_statements()
    with django_assert_num_queries(3):  # the count, the page's rows, their topics
        page = CappedPaginator(statements, 20).page(1)
        html = rows(page.object_list)
    assert html == rows(selectors.listed_statements(statements))  # the same rows as the whole list read at once
    assert html.count('class="chip"') == 6
    assert '<a class="chip" href="/topics/budget/">Budget</a><a class="chip" href="/topics/oil/">Oil</a>' in html


@pytest.mark.parametrize("source_type", list(Statement.SourceType.values))
@pytest.mark.parametrize("mention", ["", "a senior official"])
def test_a_listed_statement_names_its_speaker_and_source_as_the_model_does(statement_factory, source_factory,
                                                                           source_type, mention):
    untitled = source_factory(title="", original_name="")
    statement = statement_factory(speaker=None, speaker_mention=mention, source_type=source_type, source=untitled)
    [row] = listed(statement)
    assert (row.speaker_words, row.source_note) == (statement.speaker_words, statement.source_note)
    assert row.source_label == str(untitled) == f"Source {untitled.pk}"


def test_an_untitled_source_is_listed_by_its_file_name(statement_factory, source_factory):
    statement = statement_factory(source=source_factory(title="", original_name="speech.txt"))
    assert '#st-{}" class="source">speech.txt</a>'.format(statement.pk) in rows(listed(statement))
