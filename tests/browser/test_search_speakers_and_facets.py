"""Issue 21 in Chromium: a search naming a speaker narrows to that speaker and says so (with links to search all
text and to the actor's page); a shared name suggests each speaker; prefix search; the topic and publisher choices
come from the results, with counts, and choosing one never empties the list."""
import datetime as dt

from django.utils import timezone

from actors.models import ActorAlias
from statements.models import Statement
from tests.factories import ActorFactory, SourceFactory, StatementFactory, TopicFactory


def _speaker(name, slug, *aliases):
    actor = ActorFactory(name=name, slug=slug)
    for alias in (name, *aliases):
        ActorAlias.objects.create(actor=actor, name=alias)
    return actor


def _build():
    brown = _speaker("Gordon Brown", "gordon-brown", "Brown")
    lavrov = _speaker("Sergei Lavrov", "sergei-lavrov", "Lavrov")
    lord_bach = _speaker("Lord Bach", "lord-bach", "Bach")
    robbie_bach = _speaker("Robbie Bach", "robbie-bach", "Bach")
    economy, tax, sanctions, unused = (TopicFactory(name=n, slug=n) for n in ("economy", "tax", "sanctions", "unused"))
    bbc = SourceFactory(publisher="BBC", published=dt.date(2005, 3, 8))
    sana = SourceFactory(publisher="SANA", published=dt.date(2005, 3, 9))
    other = SourceFactory(publisher="Reuters", published=dt.date(2005, 3, 10))  # no matching statement there
    rows = [
        (brown, bbc, "The economy is strong and stable.", [economy]),
        (brown, bbc, "The economic outlook is good and taxes will fall.", [economy, tax]),
        (brown, sana, "Economists agree with our plans.", [economy]),
        (lavrov, sana, "Gordon Brown is wrong about the economy.", [economy, sanctions]),
        (lord_bach, bbc, "The bill protects consumers.", []),
        (robbie_bach, other, "The console sells well.", []),
    ]
    for i, (speaker, source, content, topics) in enumerate(rows):  # spans differ: one statement per span of a source
        statement = StatementFactory(speaker=speaker, source=source, content=content, said_on=source.published,
                                     content_start=i, content_end=i + 1)
        statement.topics.set(topics)
    TopicFactory(name="Busy elsewhere", slug="busy-elsewhere")
    unused.statements.add(StatementFactory(speaker=robbie_bach, source=other, content="Nothing about money.",
                                           content_start=10, content_end=11))
    return brown


def _options(page, select):
    return [o.strip() for o in page.locator(f"{select} option").all_inner_texts()]


def test_a_search_naming_a_speaker_narrows_to_them_with_a_way_out(page, transactional_db, shoot):
    _build()
    items = "ol.statements > li.statement-item"
    page.goto("/search/")
    page.fill("#f-q", "Gordon Brown economy")
    page.press("#f-q", "Enter")
    page.wait_for_url("**q=Gordon+Brown+economy**")
    reading = page.locator('[data-reading="narrowed"]')
    assert reading.inner_text().startswith("Statements by Gordon Brown matching “economy”")
    assert page.locator(items).count() == 1
    assert "strong and stable" in page.locator(items).first.inner_text()
    shoot(page, "search-speaker-narrowed")

    page.click('[data-action="all-text"]')
    page.wait_for_url("**all_text=1**")
    assert page.locator('[data-reading]').count() == 0
    assert page.locator(items).count() == 1
    assert "wrong about the economy" in page.locator(items).first.inner_text()  # Lavrov's, about Brown

    page.goto("/search/?q=Gordon+Brown+economy")
    page.click('[data-reading="narrowed"] [data-action="actor"]')
    page.wait_for_url("**/actors/gordon-brown/")

    page.goto("/search/?q=econom*")
    assert page.locator(items).count() == 4  # economy, economic, economists: one prefix

    page.goto("/search/?q=Bach")
    suggestions = page.locator('[data-reading="suggestions"]')
    assert "Lord Bach" in suggestions.inner_text() and "Robbie Bach" in suggestions.inner_text()
    assert page.locator(items).count() == 0  # narrowed to neither; no statement says "Bach"
    suggestions.get_by_role("link", name="Robbie Bach").click()
    page.wait_for_url("**actor=robbie-bach**")
    assert page.locator(items).count() == 2


def test_facets_come_from_the_results_with_counts_and_never_empty_the_list(page, transactional_db, shoot):
    _build()
    items = "ol.statements > li.statement-item"
    page.goto("/search/?q=econom*")
    topics = _options(page, "#f-topic")
    assert topics == ["Any", "economy (4)", "sanctions (1)", "tax (1)"]  # not "unused" nor "Busy elsewhere"
    assert _options(page, "#f-publisher") == ["Any", "BBC (2)", "SANA (2)"]  # not Reuters: no match there
    shoot(page, "search-facets")
    for label, expected in (("sanctions (1)", 1), ("tax (1)", 1)):
        page.goto("/search/?q=econom*")
        with page.expect_navigation():
            page.select_option("#f-topic", label=label)
        assert page.locator(items).count() == expected, label
        # the chosen topic stays chosen; the other choices are those of the narrowed list
        assert page.locator("#f-topic option:checked").inner_text() == label
    page.goto("/search/?q=econom*")
    with page.expect_navigation():
        page.select_option("#f-publisher", label="SANA (2)")
    assert page.locator(items).count() == 2
    assert _options(page, "#f-topic") == ["Any", "economy (2)", "sanctions (1)"]


def _count(label):
    """The count an option shows: "Direct quote (1)" -> 1."""
    return int(label.rsplit("(", 1)[1].rstrip(")"))


def test_kind_review_and_period_choices_count_the_results_and_each_keeps_its_count(page, transactional_db, shoot):
    brown = _build()
    Statement.objects.filter(content__startswith="The economy is strong").update(kind="direct", review_status="verified")
    this_week = SourceFactory(publisher="BBC", published=timezone.localdate() - dt.timedelta(days=3))
    StatementFactory(speaker=brown, source=this_week, content="The economy grew this week.", said_on=this_week.published)
    items = "ol.statements > li.statement-item"
    page.goto("/search/?q=econom*")
    assert page.locator(items).count() == 5
    expected = {
        "#id_kind": ["Any", "Direct quote (1)", "Reported speech (4)"],  # no "Mixed": none listed
        "#id_review_status": ["Any", "Extracted (4)", "Verified (1)"],  # nor "Rejected", "Corrected"
        "#id_period": ["Any", "7 days (1)", "30 days (1)", "year (1)", "all time (5)"],
    }
    for select, options in expected.items():
        assert _options(page, select) == options, select
    shoot(page, "search-facets-kind-review-period")
    for select, options in expected.items():
        for label in options[1:]:  # every value offered keeps as many statements as it says
            page.goto("/search/?q=econom*")
            with page.expect_navigation():
                page.select_option(select, label=label)
            assert page.locator(items).count() == _count(label), (select, label)
            assert page.locator(f"{select} option:checked").inner_text() == label
