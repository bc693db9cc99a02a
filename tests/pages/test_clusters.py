"""Issue 23 on the pages: the cluster page and list, "also reported by" on a permalink, and lists that show and
count each utterance once (its first appearance) unless every copy is asked for."""
import csv
import datetime as dt
import io
import json
import re

import pytest

from statements.clustering import services as clustering
from statements.models import Source, Statement
from tests.factories import ActorFactory, TopicFactory
from tests.pages.builders import PAYLOAD, REMARK, carried_remark, source_with_statements

pytestmark = pytest.mark.django_db


def _text(response):
    assert response.status_code == 200, response.status_code
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode()


def _items(body: str) -> list[str]:
    return re.findall(r'<li class="card statement-item">.*?</li>', body, flags=re.S)


@pytest.fixture
def remark():
    return carried_remark()


def test_the_copies_of_one_remark_are_one_cluster_first_in_daily_one(remark):
    assert len({s.cluster_id for s in remark}) == 1
    assert [s.is_first_appearance for s in remark] == [True, False, False]


def test_cluster_page_shows_canonical_words_first_appearance_every_copy_and_word_differences(client, remark):
    first, trimmed, changed = remark
    body = _text(client.get(first.cluster.get_absolute_url()))
    canonical = re.search(r'<blockquote class="statement canonical">(.*?)</blockquote>', body, flags=re.S).group(1)
    assert canonical == REMARK  # the fullest copy
    assert 'href="/actors/maria-lopez/"' in body
    first_seen = re.search(r'<dl class="facts first-appearance">(.*?)</dl>', body, flags=re.S).group(1)
    assert "2 March 2024" in first_seen and "Daily One" in first_seen
    assert f'href="{first.get_absolute_url()}"' in first_seen
    assert f'href="{first.source.get_absolute_url()}#st-{first.pk}"' in first_seen
    copies = re.findall(r'<li class="cluster-copy.*?</li>', body, flags=re.S)
    assert [re.search(r'class="publisher">(.*?)<', c).group(1) for c in copies] == ["Daily One", "Evening Two",
                                                                                    "Weekly Three"]
    assert "4 Mar 2024" in copies[1] and "5 Mar 2024" in copies[2]
    assert "first appearance" in copies[0] and "first appearance" not in copies[1]
    # Trimmed: the words it leaves out are deleted; changed: "will" became "shall", nothing else.
    assert "<del>and we will do it within the first hundred days of the new parliament.</del>" in copies[1]
    assert "<ins>" not in copies[1]
    diff = re.search(r'<p class="diff">(.*?)</p>', copies[2], flags=re.S).group(1)
    assert diff.startswith("We <del>will</del> <ins>shall</ins> cut taxes")
    assert diff.count("<del>") == 1 and diff.count("<ins>") == 1


def test_cluster_page_marks_reprints_and_escapes_every_word(client):
    lopez = ActorFactory(name="Maria Lopez", slug="maria-lopez")
    hostile = f"We will cut taxes {PAYLOAD} for every working family in this country, and soon."
    first, reprint = carried_remark(lopez, [
        ("Wire Agency", dt.date(2024, 3, 2), "We will cut taxes for every working family in this country, and soon.",
         Statement.Kind.DIRECT),
        ("Local Paper", dt.date(2024, 3, 2), hostile, Statement.Kind.DIRECT),
    ])
    assert first.cluster_id == reprint.cluster_id
    Source.objects.filter(pk=reprint.source_id).update(reprint_of=first.source)
    clustering.refresh([first.cluster_id])
    body = _text(client.get(first.cluster.get_absolute_url()))
    assert "<script>" not in body and "<img" not in body
    assert body.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;") >= 2
    reprint_copy = re.findall(r'<li class="cluster-copy.*?</li>', body, flags=re.S)[-1]
    assert '<span class="badge reprint">reprint</span> of' in reprint_copy and "Wire Agency" in reprint_copy
    assert "carried by 1 source " in body  # a reprint counts with its original


def test_no_cluster_answers_404(client):
    assert client.get("/clusters/999999/").status_code == 404


def test_permalink_says_who_else_reported_it_and_links_the_cluster(client, remark):
    first, trimmed, changed = remark
    body = _text(client.get(trimmed.get_absolute_url()))
    line = re.search(r'<p class="also-reported">(.*?)</p>', body, flags=re.S).group(1)
    assert line == (f'Also reported by <a href="/clusters/{first.cluster_id}/">2 sources</a>: Daily One, '
                    "Weekly Three.")
    lonely = source_with_statements(1)[1][0]
    clustering.assign(statements=[lonely])
    assert "also-reported" not in _text(client.get(lonely.get_absolute_url()))


@pytest.mark.parametrize("url", ["/search/", "/actors/maria-lopez/", "/"])
def test_lists_show_each_remark_once_carried_by_n_sources_unless_every_copy_is_asked_for(client, remark, url):
    first = remark[0]
    items = _items(_text(client.get(url)))
    assert len(items) == 1 and first.get_absolute_url() in items[0]
    assert f'<a class="carried" href="/clusters/{first.cluster_id}/">carried by 3 sources</a>' in items[0]
    body = _text(client.get(url + "?copies=all"))
    assert len(_items(body)) == 3
    assert all("carried by 3 sources" in item for item in _items(body))
    assert 'data-copies="first"' in body


def test_the_every_copy_choice_is_kept_by_pagination_exports_feeds_and_the_filter_form(client, remark):
    lopez = remark[0].speaker
    source_with_statements(45, speaker=lopez, text_prefix="Other")
    body = _text(client.get("/search/?copies=all&kind=direct"))
    assert re.search(r'href="\?[^"]*copies=all[^"]*page=2" rel="next"', body)
    assert re.search(r'/statements/export\.csv\?[^"]*copies=all', body)
    assert re.search(r'/search/feed/\?[^"]*copies=all', body)
    assert '<input type="hidden" name="copies" value="all">' in body
    assert 'href="?kind=direct" class="copies-toggle" data-copies="first"' in body
    first_only = _text(client.get("/search/?kind=direct"))
    assert 'href="?kind=direct&amp;copies=all" class="copies-toggle" data-copies="all"' in first_only
    assert 'name="copies"' not in first_only


def test_exports_and_feeds_hold_each_remark_once_by_default_and_every_copy_when_asked(client, remark):
    rows = list(csv.DictReader(io.StringIO(_text(client.get("/statements/export.csv")))))
    assert [r["id"] for r in rows] == [str(remark[0].pk)]
    assert (rows[0]["cluster_id"], rows[0]["first_appearance"], rows[0]["cluster_sources"]) == (
        str(remark[0].cluster_id), "True", "3")
    every = json.loads(_text(client.get("/statements/export.json?copies=all")))
    assert sorted(r["id"] for r in every) == sorted(s.pk for s in remark)
    assert {r["first_appearance"] for r in every} == {True, False}
    assert "every-copy" in client.get("/statements/export.json?copies=all")["Content-Disposition"]
    assert _text(client.get("/search/feed/")).count("<entry>") == 1
    assert _text(client.get("/search/feed/?copies=all")).count("<entry>") == 3


def test_most_quoted_and_actor_and_topic_counts_count_utterances_not_copies(client, remark):
    lopez = remark[0].speaker
    economy = TopicFactory(name="Economy", slug="economy")
    for s in remark:
        s.topics.add(economy)
    barker = ActorFactory(name="John Barker", slug="john-barker")
    _, barkers = source_with_statements(2, speaker=barker, topic=economy, said_on=dt.date(2024, 3, 6))
    clustering.assign(statements=barkers)
    home = _text(client.get("/"))
    ranking = re.search(r"<h2>Most quoted</h2>(.*?)</ol>", home, flags=re.S).group(1)
    assert re.findall(r'>([^<>]+)</a> <span class="count">(\d+)<', ranking) == [("John Barker", "2"), ("Maria Lopez", "1")]
    every = _text(client.get("/?copies=all"))
    ranking = re.search(r"<h2>Most quoted</h2>(.*?)</ol>", every, flags=re.S).group(1)
    assert re.findall(r'>([^<>]+)</a> <span class="count">(\d+)<', ranking) == [("Maria Lopez", "3"), ("John Barker", "2")]
    actors = _text(client.get("/actors/"))
    assert re.search(r'maria-lopez/" class="actor-link">Maria Lopez</a>.*?data-label="Statements">1<', actors, re.S)
    topics = _text(client.get("/topics/"))
    assert re.search(r"Economy</a>.*?>3<", topics, re.S), "2 of Barker's and Lopez's remark once"
    topic_page = _text(client.get("/topics/economy/"))
    assert "3 statements" in topic_page and len(_items(topic_page)) == 3
    actor_page = _text(client.get(lopez.get_absolute_url()))
    assert '<p class="count">1 statement · ' in actor_page


def test_cluster_list_newest_first_with_speaker_topic_date_and_source_filters(client, remark):
    barker = ActorFactory(name="John Barker", slug="john-barker")
    _, (single,) = source_with_statements(1, speaker=barker, said_on=dt.date(2024, 4, 1))
    clustering.assign(statements=[single])
    single.refresh_from_db()
    economy = TopicFactory(name="Economy", slug="economy")
    remark[0].topics.add(economy)

    def listed(query=""):
        body = _text(client.get("/clusters/" + query))
        return re.findall(r'href="/clusters/(\d+)/" class="cluster-link"', body)

    both = [str(single.cluster_id), str(remark[0].cluster_id)]
    assert listed() == both
    assert listed("?actor=maria-lopez") == both[1:]
    assert listed("?min_sources=2") == both[1:]
    assert listed("?min_sources=4") == []
    assert listed("?topic=economy") == both[1:]
    assert listed("?date_from=2024-03-10") == both[:1]
    assert listed("?date_to=2024-03-10") == both[1:]
    body = _text(client.get("/clusters/?min_sources=2"))
    assert "carried by 3 sources" in body and "first in Daily One" in body
    actor_page = _text(client.get("/actors/maria-lopez/"))
    assert 'href="/clusters/?actor=maria-lopez&amp;min_sources=2" class="repeated-link"' in actor_page
    bad = _text(client.get("/clusters/?actor=nobody-at-all&min_sources=x"))
    assert "Ignored actor=" in bad and "Ignored min_sources=" in bad and len(re.findall("cluster-link", bad)) == 2


def test_cluster_page_and_list_cost_the_same_queries_however_many_copies(client, django_assert_max_num_queries):
    lopez = ActorFactory(name="Maria Lopez", slug="maria-lopez")
    wordings = [(f"Outlet {i}", dt.date(2024, 3, 1 + i), REMARK, Statement.Kind.DIRECT) for i in range(8)]
    few = carried_remark(lopez, wordings[:2])
    many = carried_remark(ActorFactory(name="John Barker", slug="john-barker"), wordings)
    assert len({s.cluster_id for s in many}) == 1
    for statements in (few, many):
        with django_assert_max_num_queries(2):  # the cluster (speaker, first statement joined); its copies
            _text(client.get(f"/clusters/{statements[0].cluster_id}/"))
    with django_assert_max_num_queries(2):  # the capped count; the page's rows, everything joined
        body = _text(client.get("/clusters/"))
    assert body.count("cluster-link") == 2
