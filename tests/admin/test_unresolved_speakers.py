"""The admin's "Unresolved speakers" queue (issue 20, item 10): identical mentions grouped across statements,
one decision resolving a whole group (with history and permissions), and what it teaches later articles,
ingested in process as the other ingest tests do. The queue in a browser: test_browser_unresolved_speakers.py."""
import datetime as dt
from urllib.parse import urlencode

import pytest

from actors.models import Actor, ActorAlias, MentionDecision, Role
from actors.services import TeachError, taught_speakers
from ingest import services as ingest_services
from ingest.extraction import ExtractedStatement, Extraction, Speaker
from statements import selectors, services
from statements.models import Statement
from tests.factories import ActorFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/statements/unresolvedspeaker/"
NAMED, UNNAMED, DOCUMENT = Statement.SourceType.NAMED, Statement.SourceType.UNNAMED, Statement.SourceType.DOCUMENT


def unresolved(mention, n=1, source_type=NAMED, **kwargs):
    return [StatementFactory(speaker=None, speaker_mention=mention, source_type=source_type, **kwargs) for _ in range(n)]


def group_url(key):
    return QUEUE + "group/?" + urlencode({"key": key})


def test_groups_identical_mentions_most_frequent_first_with_article_counts():
    unresolved("The report", 2, DOCUMENT)
    unresolved("the report", 1, DOCUMENT)
    rad = unresolved("A spokeswoman for the RAD", 2)
    StatementFactory(source=rad[0].source, speaker=None, speaker_mention="A spokeswoman for the RAD",
                     content_start=0, content_end=8, content=rad[0].source.text[:8])  # a second one in one article
    unresolved("analysts", 5, UNNAMED)  # unnamed: not the queue's
    unresolved("the minister", 1, review_status=Statement.ReviewStatus.REJECTED)  # rejected: not listed
    StatementFactory(speaker_mention="the minister")  # has an actor
    groups = list(selectors.unresolved_speaker_groups())
    assert [(g["mention_key"], g["statements"], g["articles"], g["documents"]) for g in groups] == [
        ("a spokeswoman for the rad", 3, 2, 0), ("the report", 3, 3, 3),
    ]


def test_queue_needs_view_permission_and_decisions_need_change(client, editor, analyst, django_user_model):
    [statement] = unresolved("the Hartwell inquiry's chairman")
    url = group_url("the hartwell inquiry's chairman")
    assert client.get(QUEUE).status_code == 302  # to the login page
    client.force_login(analyst)
    page = client.get(url)
    assert page.status_code == 200 and b'id="link-form"' not in page.content  # analysts read, not decide
    assert client.post(url, {"key": "the hartwell inquiry's chairman", "decision": "unnamed"}).status_code == 403
    statement.refresh_from_db()
    assert statement.source_type == NAMED
    client.force_login(editor)
    assert b"the Hartwell inquiry&#x27;s chairman" in client.get(QUEUE).content
    assert b'id="link-form"' in client.get(url).content


def test_one_link_resolves_every_statement_of_the_group_with_history_and_teaches_a_role(editor_client, editor):
    statements = unresolved("A spokeswoman for the RAD", 3) + unresolved("a spokeswoman for the RAD", 1)
    Statement.objects.filter(pk=statements[0].pk).update(review_status=Statement.ReviewStatus.VERIFIED)
    other = unresolved("the report", 1, DOCUMENT)[0]
    rad = ActorFactory(name="Rail Accident Directorate", slug="rad", kind=Actor.Kind.ORGANIZATION)
    key = "a spokeswoman for the rad"
    response = editor_client.post(QUEUE + "group/", {"key": key, "decision": "link", "speaker": rad.pk})
    assert response.status_code == 302 and response["Location"] == QUEUE
    role = Role.objects.get(actor=rad)
    assert (role.title, role.origin) == ("spokeswoman for the RAD", Role.Origin.EDITOR)
    for statement in Statement.objects.filter(pk__in=[s.pk for s in statements]):
        assert (statement.speaker, statement.speaker_role, statement.source_type) == (rad, role, NAMED)
        assert statement.review_status == Statement.ReviewStatus.CORRECTED and statement.reviewed_by == editor
        latest = statement.history.first()
        assert latest.history_user == editor and latest.history_change_reason == (
            "Unresolved speakers: “A spokeswoman for the RAD” linked to Rail Accident Directorate")
    other.refresh_from_db()
    assert other.speaker is None  # another group is left alone
    decision = MentionDecision.objects.get()
    assert (decision.key, decision.decision, decision.actor, decision.taught_as, decision.statements, decision.user) \
        == ("spokeswoman for the rad", "link", rad, "role", 4, editor)
    assert [g["mention_key"] for g in selectors.unresolved_speaker_groups()] == ["the report"]
    # later articles: the same words find the role's holder while it is held, and nobody once it ended
    mention = "the spokeswoman for the RAD"
    assert taught_speakers(mentions=[mention], on=dt.date(2030, 1, 1))[mention].actor == rad
    Role.objects.filter(pk=role.pk).update(end_date=dt.date(2029, 12, 31))
    assert taught_speakers(mentions=[mention], on=dt.date(2030, 1, 1)) == {}
    assert taught_speakers(mentions=[mention], on=dt.date(2029, 1, 1))[mention].role == role


def test_a_name_is_taught_as_an_alias_and_a_generic_description_is_not_taught(editor):
    dad = unresolved("Dad's Army Trust", 2)  # a name the extraction left without an actor
    trust = ActorFactory(name="The Dads Army Preservation Trust", slug="trust", kind=Actor.Kind.ORGANIZATION)
    count, record = services.resolve_mention(mention_key="dad's army trust", decision="link", actor=trust, user=editor)
    assert count == 2 and record.taught_as == "alias"
    assert ActorAlias.objects.filter(actor=trust, name="Dad's Army Trust").exists()
    assert Statement.objects.filter(pk__in=[s.pk for s in dad], speaker=trust).count() == 2
    assert taught_speakers(mentions=["Dad's Army Trust"])["Dad's Army Trust"].actor == trust

    unresolved("the minister", 2)
    person = ActorFactory(name="Ann Minister-Jones", slug="ann")
    count, record = services.resolve_mention(mention_key="the minister", decision="link", actor=person, user=editor)
    assert count == 2 and record.taught_as == ""  # "the minister" is someone else in the next article
    assert Role.objects.get(actor=person).title == "minister"
    assert taught_speakers(mentions=["the minister"]) == {}


def test_create_a_new_actor_from_the_queue_and_refuse_a_name_taken(editor_client, editor):
    unresolved("the Hartwell inquiry's chairman", 2)
    key = "the hartwell inquiry's chairman"
    editor_client.post(QUEUE + "group/", {"key": key, "decision": "create", "name": "Judith Hartwell", "kind": "person"})
    judith = Actor.objects.get(name="Judith Hartwell")
    assert judith.kind == "person" and judith.history.first().history_user == editor
    assert set(judith.aliases.values_list("normalized", flat=True)) == {"judith hartwell", "hartwell"}
    assert Statement.objects.filter(speaker=judith).count() == 2
    assert judith.roles.get().title == "Hartwell inquiry's chairman"

    unresolved("the Hartwell inquiry's secretary", 1)
    response = editor_client.post(QUEUE + "group/", {
        "key": "the hartwell inquiry's secretary", "decision": "create", "name": "judith hartwell", "kind": "person",
    }, follow=True)
    assert "Nothing was changed: An actor named “Judith Hartwell” already exists" in response.content.decode()
    assert Actor.objects.filter(name__iexact="judith hartwell").count() == 1
    assert Statement.objects.filter(speaker__isnull=True, speaker_mention="the Hartwell inquiry's secretary").count() == 1
    response = editor_client.post(QUEUE + "group/", {"key": "the hartwell inquiry's secretary", "decision": "link"})
    assert response.status_code == 200 and "This field is required" in response.content.decode()  # no actor chosen


def test_mark_unnamed_and_a_decision_on_an_empty_group(editor_client, editor):
    statements = unresolved("One insider", 2) + unresolved("one insider", 1, DOCUMENT)
    response = editor_client.post(QUEUE + "group/", {"key": "one insider", "decision": "unnamed"}, follow=True)
    assert "“One insider”: 3 statements marked unnamed." in response.content.decode()
    for statement in Statement.objects.filter(pk__in=[s.pk for s in statements]):
        assert (statement.source_type, statement.speaker_id) == (UNNAMED, None)
        assert statement.history.first().history_user == editor
    assert taught_speakers(mentions=["ONE INSIDER"])["ONE INSIDER"].unnamed
    with pytest.raises(TeachError, match="Nothing is left to resolve"):
        services.resolve_mention(mention_key="one insider", decision="unnamed", user=editor)


def _extraction(source, mention, spans):
    speaker = Speaker(name=mention, kind="unknown", title=None, aliases=())
    return Extraction(statements=tuple(
        ExtractedStatement(speaker=speaker, speaker_mention=mention, speaker_start=None, speaker_end=None, cue="said",
                           cue_start=None, cue_end=None, kind="indirect", content=source.text[a:b], content_start=a,
                           content_end=b, confidence=0.7, said_on=None)
        for a, b in spans), speakers=(speaker,), topics=())


def test_what_was_taught_resolves_a_later_extraction(editor):
    unresolved("A spokeswoman for the RAD", 2)
    unresolved("one insider", 1)
    rad = ActorFactory(name="Rail Accident Directorate", slug="rad", kind=Actor.Kind.ORGANIZATION)
    services.resolve_mention(mention_key="a spokeswoman for the rad", decision="link", actor=rad, user=editor)
    services.resolve_mention(mention_key="one insider", decision="unnamed", user=editor)
    later = SourceFactory(text="Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.",
                          published=dt.date(2031, 5, 1))
    ingest_services.store_extraction(source=later, extraction=_extraction(later, "a spokeswoman for the RAD", [(0, 10)]))
    ingest_services.store_extraction(source=later, extraction=Extraction(
        statements=_extraction(later, "a spokeswoman for the RAD", [(0, 10)]).statements
        + _extraction(later, "One insider", [(11, 21)]).statements
        + _extraction(later, "the minister", [(22, 33)]).statements, speakers=(), topics=()))
    first, second, third = later.statements.order_by("content_start")
    assert (first.speaker, first.speaker_role.title, first.source_type) == (rad, "spokeswoman for the RAD", NAMED)
    assert (second.speaker, second.source_type) == (None, UNNAMED)
    assert (third.speaker, third.source_type) == (None, NAMED)  # nothing taught: stays for the queue


@pytest.mark.django_db(transaction=True)
def test_a_later_ingested_article_resolves_the_same_words_through_the_role_taught(editor_groups, django_user_model):
    from tests.admin.conftest import make_user

    editor = make_user(django_user_model, "eddie", "Editors")
    text = ("Rail deal in doubt\n\nThe plan would cost far more than promised, the Hartwell inquiry's chairman said "
            "on Monday.\n\nThe rail minister declined to comment.")
    first = ingest_services.submit_text(text=text, published="2026-03-02").source
    first.refresh_from_db()
    assert first.status == "done", first.error
    [statement] = first.statements.filter(speaker_mention__iexact="the Hartwell inquiry's chairman")
    assert statement.speaker is None
    services.resolve_mention(mention_key="the hartwell inquiry's chairman", decision="create",
                             new_name="Judith Hartwell", new_kind="person", user=editor)
    judith = Actor.objects.get(name="Judith Hartwell")

    later = ingest_services.submit_text(
        text="Inquiry widens\n\nMore witnesses will be called, the Hartwell inquiry's chairman said on Friday.",
        published="2026-04-10").source
    later.refresh_from_db()
    assert later.status == "done", later.error
    [statement] = later.statements.filter(speaker_mention__iexact="the Hartwell inquiry's chairman")
    assert statement.speaker == judith and statement.review_status == "extracted"
    assert statement.speaker_role.title == "Hartwell inquiry's chairman"


def test_looking_up_what_was_taught_costs_one_query_per_article_and_one_more_per_kind_taught(
        editor, django_assert_num_queries):
    mentions = {f"a spokesman for the Ministry of Thing {i}" for i in range(30)}
    with django_assert_num_queries(1):  # nothing taught: the decisions' index answers
        assert taught_speakers(mentions=mentions, on=dt.date(2026, 1, 1)) == {}
    unresolved("a spokesman for the Ministry of Thing 3", 1)
    ministry = ActorFactory(name="Ministry of Thing 3", slug="thing-3", kind=Actor.Kind.ORGANIZATION)
    services.resolve_mention(mention_key="a spokesman for the ministry of thing 3", decision="link", actor=ministry,
                             user=editor)
    with django_assert_num_queries(2):  # the decisions, then the editors' roles
        found = taught_speakers(mentions=mentions, on=dt.date(2026, 1, 1))
    assert {m: t.actor for m, t in found.items()} == {"a spokesman for the Ministry of Thing 3": ministry}


def test_statements_resolved_in_the_queue_survive_reextraction(editor):
    [statement] = unresolved("the Hartwell inquiry's chairman", 1)
    services.resolve_mention(mention_key="the hartwell inquiry's chairman", decision="create",
                             new_name="Judith Hartwell", new_kind="person", user=editor)
    source = statement.source
    span = (statement.content_start, statement.content_end)
    ingest_services.store_extraction(source=source, extraction=_extraction(source, "the minister", [span]))
    statement.refresh_from_db()
    assert statement.speaker.name == "Judith Hartwell" and statement.review_status == "corrected"
    assert source.statements.count() == 1


def test_a_long_group_shows_its_newest_statements_and_counts_them_all(editor_client, monkeypatch):
    from statements.admin_unresolved import UnresolvedSpeakerAdmin

    monkeypatch.setattr(UnresolvedSpeakerAdmin, "STATEMENTS_SHOWN", 2)
    unresolved("the report", 3, DOCUMENT)
    body = editor_client.get(group_url("the report")).content.decode()
    assert "<strong>3</strong> statements in <strong>3</strong>\n  articles (the newest 2 shown)" in body
    assert body.count('/change/">the budget') == 2  # one row per statement shown
    assert 'value="Link 3 statements"' in body


def test_administrators_read_every_decision(admin_client, admin_user):
    unresolved("one insider", 1)
    services.resolve_mention(mention_key="one insider", decision="unnamed", user=admin_user)
    body = admin_client.get("/admin/actors/mentiondecision/").content.decode()
    assert "one insider" in body and "Marked unnamed" in body
    assert admin_client.get("/admin/actors/mentiondecision/add/").status_code == 403


def test_editors_roles_are_looked_up_through_the_one_title_index(editor):
    """Roles have one case-insensitive index on their title (lower(title)); the editors' roles, looked up for what
    was taught, use it too (a query on upper(title), as before, would find no index to use)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    unresolved("A spokeswoman for the Rail Board", 1)
    board = ActorFactory(name="Rail Board", slug="rail-board", kind=Actor.Kind.ORGANIZATION)
    services.resolve_mention(mention_key="a spokeswoman for the rail board", decision="link", actor=board, user=editor)
    with CaptureQueriesContext(connection) as queries:
        found = taught_speakers(mentions=["A SPOKESWOMAN for the Rail Board"], on=dt.date(2026, 1, 1))
    assert found["A SPOKESWOMAN for the Rail Board"].actor == board
    [roles_sql] = [q["sql"] for q in queries.captured_queries if '"actors_role"' in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + roles_sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "role_title_lower" in plan, plan
    index_names = {index.name for index in Role._meta.indexes}
    assert "role_editor_title_upper" not in index_names and "role_title_lower" in index_names
