"""Email alerts end to end through a real SMTP server: ask, confirm by the mailed link, receive, leave."""
import re

import pytest
from django.urls import reverse

from alerts import services
from alerts.models import Alert, AlertMatch
from statements.models import Statement
from tests.factories import ActorFactory, StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db


def ask(client, **data):
    return client.post(reverse("alerts:new"), {"frequency": "immediate", **data})


def confirm_by_mail(client, inbox, message):
    """Follow the confirmation link of a message: GET shows a button, POST starts the alert."""
    (link,) = inbox.links(message, "confirm")
    path = link.removeprefix("http://testserver")
    assert "Start this alert" in client.get(path).content.decode()
    response = client.post(path)
    assert "Your alert is on" in response.content.decode()


def test_an_alert_is_asked_for_confirmed_by_its_link_sent_and_left_with_one_click(client, smtp_inbox):
    brown = ActorFactory(name="Gordon Brown", slug="gordon-brown")
    response = ask(client, actor="gordon-brown", email="Analyst@Example.org")
    assert response.status_code == 200 and "Check your inbox" in response.content.decode()
    (confirmation,) = smtp_inbox.wait_for(1)
    assert confirmation["To"] == "analyst@example.org"
    assert "Statements by Gordon Brown" in confirmation["Subject"]

    StatementFactory(speaker=brown)  # stored before the alert starts: not sent
    services.match_recent()
    assert services.send_due(frequency=Alert.Frequency.IMMEDIATE) == 0

    confirm_by_mail(client, smtp_inbox, confirmation)
    said = [StatementFactory(speaker=brown), StatementFactory(speaker=brown)]
    StatementFactory()  # someone else: not sent
    services.match_recent()
    assert services.send_due(frequency=Alert.Frequency.IMMEDIATE) == 2
    alert_message = smtp_inbox.wait_for(2)[1]
    text = smtp_inbox.text(alert_message)
    assert "2 new statements" in alert_message["Subject"]
    assert "== Gordon Brown" in text
    for statement in said:
        assert f"http://testserver{statement.get_absolute_url()}" in text
    (unsubscribe,) = smtp_inbox.links(alert_message, "unsubscribe")
    assert alert_message["List-Unsubscribe"].strip() == f"<{unsubscribe}>"  # folded: a long header
    assert alert_message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # matching and sending again sends nothing twice
    services.match_recent()
    assert services.send_due(frequency=Alert.Frequency.IMMEDIATE) == 0

    # RFC 8058 one-click: a POST with no cookie and no CSRF token
    response = client.post(unsubscribe.removeprefix("http://testserver"), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    StatementFactory(speaker=brown)
    services.match_recent()
    assert services.send_due(frequency=Alert.Frequency.IMMEDIATE) == 0
    assert len(smtp_inbox.messages) == 2


def test_the_unsubscribe_link_in_the_text_stops_the_alert_at_one_click(client, smtp_inbox):
    brown = ActorFactory(name="Gordon Brown", slug="gordon-brown")
    ask(client, actor="gordon-brown", email="a@example.org")
    confirm_by_mail(client, smtp_inbox, smtp_inbox.wait_for(1)[0])
    StatementFactory(speaker=brown)
    services.match_recent()
    services.send_due(frequency=Alert.Frequency.IMMEDIATE)
    (link,) = smtp_inbox.links(smtp_inbox.wait_for(2)[1], "unsubscribe")
    response = client.get(link.removeprefix("http://testserver"))
    assert "Alert stopped" in response.content.decode()
    assert Alert.objects.get().unsubscribed_at is not None
    # stopped by a program that opened the link: the page's button keeps it, for statements stored from then on
    response = client.post(link.removeprefix("http://testserver"), {"action": "undo"})
    assert "Your alert is on" in response.content.decode()
    assert Alert.objects.get().unsubscribed_at is None
    StatementFactory(speaker=brown)
    services.match_recent()
    assert services.send_due(frequency=Alert.Frequency.IMMEDIATE) == 1


def test_a_search_alert_matches_words_topic_and_source_type_and_never_a_rejected_statement(client, smtp_inbox, postgres_only):
    budget = TopicFactory(name="Budget", slug="budget")
    ask(client, q="budget -defence", topic="budget", source_type="named", email="b@example.org")
    confirm_by_mail(client, smtp_inbox, smtp_inbox.wait_for(1)[0])
    hit = StatementFactory()  # "the budget would be balanced"
    hit.topics.add(budget)
    off_topic = StatementFactory()
    rejected = StatementFactory(review_status=Statement.ReviewStatus.REJECTED)
    rejected.topics.add(budget)
    unnamed = StatementFactory(speaker=None, source_type=Statement.SourceType.UNNAMED)
    unnamed.topics.add(budget)
    services.match_recent()
    assert list(AlertMatch.objects.values_list("statement_id", flat=True)) == [hit.pk]
    assert off_topic.pk and unnamed.pk


def test_a_daily_digest_is_sent_once_a_day(client, smtp_inbox):
    import datetime as dt

    from django.utils import timezone

    brown = ActorFactory(name="Gordon Brown", slug="gordon-brown")
    response = client.post(reverse("alerts:new"), {"frequency": "daily", "actor": "gordon-brown", "email": "d@example.org"})
    assert response.status_code == 200
    confirm_by_mail(client, smtp_inbox, smtp_inbox.wait_for(1)[0])
    StatementFactory(speaker=brown)
    services.match_recent()
    now = timezone.now()
    assert services.send_due(frequency=Alert.Frequency.DAILY, now=now) == 1
    StatementFactory(speaker=brown)
    services.match_recent()
    assert services.send_due(frequency=Alert.Frequency.DAILY, now=now + dt.timedelta(hours=3)) == 0
    assert services.send_due(frequency=Alert.Frequency.DAILY, now=now + dt.timedelta(days=1)) == 1
    assert len(smtp_inbox.wait_for(3)) == 3


def test_an_alert_of_everything_needs_its_volume_confirmed(client, smtp_inbox):
    StatementFactory()
    response = client.post(reverse("alerts:new"), {"frequency": "daily", "email": "e@example.org"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "every new statement" in page and "statements a day" in page
    assert smtp_inbox.messages == []
    response = client.post(reverse("alerts:new"), {"frequency": "daily", "email": "e@example.org", "everything": "on"})
    assert response.status_code == 200
    assert "about" in smtp_inbox.text(smtp_inbox.wait_for(1)[0])


@pytest.mark.parametrize("address", ["not-an-address", "a@b", "x" * 250 + "@example.org", ""])
def test_an_invalid_address_is_refused_with_a_message(client, smtp_inbox, address):
    ActorFactory(name="Gordon Brown", slug="gordon-brown")
    response = ask(client, actor="gordon-brown", email=address)
    assert response.status_code == 400
    assert "email" in response.content.decode().lower()
    assert Alert.objects.count() == 0 and smtp_inbox.messages == []


def test_confirmation_requests_are_limited_per_address(client, smtp_inbox, settings):
    settings.ALERT_REQUEST_RATE_PER_ADDRESS = "2/hour"
    ActorFactory(name="Gordon Brown", slug="gordon-brown")
    codes = [ask(client, actor="gordon-brown", email="same@example.org").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert ask(client, actor="gordon-brown", email="other@example.org").status_code == 200
    assert len(smtp_inbox.wait_for(3)) == 3


def test_confirmation_requests_are_limited_per_client(client, smtp_inbox, settings):
    settings.ALERT_REQUEST_RATE_PER_CLIENT = "2/hour"
    ActorFactory(name="Gordon Brown", slug="gordon-brown")
    codes = [ask(client, actor="gordon-brown", email=f"n{i}@example.org").status_code for i in range(3)]
    assert codes == [200, 200, 429]


@pytest.mark.parametrize("name", ["confirm", "unsubscribe", "manage"])
def test_a_forged_or_mixed_up_link_opens_nothing(client, name):
    from alerts.links import make_token

    assert client.get(reverse(f"alerts:{name}", kwargs={"token": "forged:token"})).status_code == 404
    other = "unsubscribe" if name != "unsubscribe" else "confirm"
    assert client.get(reverse(f"alerts:{name}", kwargs={"token": make_token(other, 1)})).status_code == 404


def test_the_manage_page_lists_an_address_alerts_and_changes_or_stops_them(client, smtp_inbox):
    ActorFactory(name="Gordon Brown", slug="gordon-brown")
    ask(client, actor="gordon-brown", email="m@example.org")
    confirm_by_mail(client, smtp_inbox, smtp_inbox.wait_for(1)[0])
    from alerts.links import manage_url

    path = manage_url("m@example.org").removeprefix("http://testserver")
    page = client.get(path).content.decode()
    assert "Statements by Gordon Brown" in page
    alert = Alert.objects.get()
    client.post(path, {"alert": alert.pk, "frequency": "weekly"})
    alert.refresh_from_db()
    assert alert.frequency == "weekly"
    client.post(path, {"alert": alert.pk, "action": "stop"})
    alert.refresh_from_db()
    assert alert.unsubscribed_at is not None
    # another address's manage link cannot touch it
    other = manage_url("x@example.org").removeprefix("http://testserver")
    assert client.post(other, {"alert": alert.pk, "action": "stop"}).status_code == 404


def test_with_the_mail_server_down_statements_stay_queued_and_go_whole_when_it_is_back(client, smtp_inbox, settings):
    from tests.alerts.conftest import free_port

    brown = ActorFactory(name="Gordon Brown", slug="gordon-brown")
    ask(client, actor="gordon-brown", email="f@example.org")
    confirm_by_mail(client, smtp_inbox, smtp_inbox.wait_for(1)[0])
    said = {StatementFactory(speaker=brown).get_absolute_url() for _ in range(3)}
    services.match_recent()
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()  # nothing listens there
    assert services.send_due(frequency=Alert.Frequency.IMMEDIATE) == 0
    claimed = set(AlertMatch.objects.filter(sent_at=None).values_list("message_id", flat=True))
    assert len(claimed) == 1 and "" not in claimed
    settings.EMAIL_PORT = port
    assert services.send_due(frequency=Alert.Frequency.IMMEDIATE) == 3
    message = smtp_inbox.wait_for(2)[1]
    assert message["Message-ID"] in claimed
    assert said <= set(re.findall(r"/statements/\d+/", smtp_inbox.text(message)))


def test_the_one_statement_matching_and_the_alert_by_alert_matching_of_the_embedded_mode_agree(postgres_only):
    """PostgreSQL matches every alert in one SQL statement; SQLite (the embedded demo) alert by alert through the
    statement selector. Both must find the same pairs."""
    from alerts.filters import AlertFilters

    brown, darling = ActorFactory(name="Gordon Brown"), ActorFactory(name="Alistair Darling")
    budget = TopicFactory(name="Budget")
    follow = [AlertFilters(speaker=brown), AlertFilters(topic=budget), AlertFilters(q="budget"),
              AlertFilters(q="budget -balanced"), AlertFilters(publisher="test agency"), AlertFilters(kind="direct"),
              AlertFilters(source_type="unnamed"), AlertFilters(speaker=darling, q="budget"), AlertFilters()]
    for i, filters in enumerate(follow):
        services.confirm_alert(alert=services.request_alert(email=f"r{i}@example.org", filters=filters,
                                                            frequency="daily"))
    made = [StatementFactory(speaker=brown), StatementFactory(speaker=darling, kind="direct"),
            StatementFactory(speaker=None, source_type="unnamed"),
            StatementFactory(speaker=darling, review_status=Statement.ReviewStatus.REJECTED)]
    made[0].topics.add(budget)
    ids = [s.pk for s in made]
    assert services.match_new(ids) > 0
    by_sql = set(AlertMatch.objects.values_list("alert_id", "statement_id"))
    AlertMatch.objects.all().delete()
    services._match_alert_by_alert(ids)
    assert set(AlertMatch.objects.values_list("alert_id", "statement_id")) == by_sql
    assert len(by_sql) >= 9


def test_another_outlet_repeating_a_known_utterance_is_not_sent_again(client, smtp_inbox):
    from statements.clustering import services as clustering

    brown = ActorFactory(name="Gordon Brown", slug="gordon-brown")
    ask(client, actor="gordon-brown", email="a@example.org")
    confirm_by_mail(client, smtp_inbox, smtp_inbox.wait_for(1)[0])
    words = "that the economy will grow faster than any forecast made by the treasury this spring"
    first = StatementFactory(speaker=brown, content=words)
    clustering.assign(statements=[first])
    services.match_recent()
    assert services.send_due(frequency=Alert.Frequency.IMMEDIATE) == 1
    copy = StatementFactory(speaker=brown, content=words, said_on=first.said_on)
    clustering.assign(statements=[copy])
    copy.refresh_from_db()
    assert copy.cluster_id == Statement.objects.get(pk=first.pk).cluster_id and not copy.is_first_appearance
    services.match_recent()
    assert services.send_due(frequency=Alert.Frequency.IMMEDIATE) == 0
