"""Data for the page tests, made with the shared factories."""
import datetime as dt

from django.utils import timezone

from actors.models import ActorAlias, Role
from statements.models import Statement
from tests.factories import ActorFactory, SourceFactory, StatementFactory, TopicFactory

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def article(sentences: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Article text from paragraphs of sentences; returns the text and each sentence's (start, end)."""
    text, spans = "Headline\n\n", []
    for sentence in sentences:
        spans.append((len(text), len(text) + len(sentence)))
        text += sentence + "\n\n"
    return text, spans


def source_with_statements(n: int, *, speaker=None, topic=None, mentioned=None, said_on=None, text_prefix="Claim",
                           **source_kwargs):
    sentences = [f"{text_prefix} number {i} about the budget and sanctions." for i in range(n)]
    text, spans = article(sentences)
    source = SourceFactory(text=text, **source_kwargs)
    made = []
    today = timezone.localdate()
    for i, (start, end) in enumerate(spans):
        s = StatementFactory(
            source=source, speaker=speaker or ActorFactory(), content_start=start, content_end=end,
            content=text[start:end], said_on=said_on or today - dt.timedelta(days=i * 9),
            kind=Statement.Kind.DIRECT if i % 2 else Statement.Kind.INDIRECT,
        )
        if topic is not None:
            s.topics.add(topic)
        if mentioned is not None:
            s.mentioned_actors.add(mentioned)
        made.append(s)
    return source, made


def lavrov_world(n: int = 5):
    """Lavrov with a role and alias, n statements on "sanctions" mentioning Blinken, plus an unrelated actor."""
    lavrov = ActorFactory(name="Sergey Lavrov", slug="sergey-lavrov")
    ActorAlias.objects.create(actor=lavrov, name="Sergei Lavrov")
    role = Role.objects.create(actor=lavrov, title="Foreign Minister", organization_name="Russia",
                               start_date=dt.date(2004, 3, 9))
    blinken = ActorFactory(name="Antony Blinken", slug="antony-blinken")
    sanctions = TopicFactory(name="Sanctions", slug="sanctions")
    source, statements = source_with_statements(n, speaker=lavrov, topic=sanctions, mentioned=blinken,
                                                publisher="SANA", title="Lavrov on sanctions")
    Statement.objects.filter(pk__in=[s.pk for s in statements]).update(speaker_role=role)
    other_source, others = source_with_statements(2, speaker=blinken, text_prefix="Reply", publisher="Reuters")
    return {"lavrov": lavrov, "blinken": blinken, "sanctions": sanctions, "source": source,
            "statements": statements, "role": role, "other_source": other_source, "others": others}


def hostile_world():
    """An article, actor, topic and statement whose every text field carries script payloads."""
    text, spans = article([f"He said {PAYLOAD} was fine.", "Another sentence."])
    source = SourceFactory(text=text, title=f"Title {PAYLOAD}", publisher=f"Pub {PAYLOAD}",
                           byline=PAYLOAD, dateline=PAYLOAD, error=PAYLOAD)
    actor = ActorFactory(name=f"Evil {PAYLOAD}", slug="evil", description=PAYLOAD)
    Role.objects.create(actor=actor, title=f"Chief {PAYLOAD}")
    topic = TopicFactory(name=f"Topic {PAYLOAD}", slug="evil-topic", description=PAYLOAD)
    start, end = spans[0]
    statement = StatementFactory(source=source, speaker=actor, content_start=start, content_end=end,
                                 content=text[start:end], speaker_mention=PAYLOAD, cue=PAYLOAD[:90],
                                 said_on=timezone.localdate())
    statement.topics.add(topic)
    statement.mentioned_actors.add(actor)
    return {"source": source, "actor": actor, "topic": topic, "statement": statement}


REMARK = ("We will cut taxes for every working family in this country, and we will do it within the first hundred "
          "days of the new parliament.")


def carried_remark(speaker=None, copies=None):
    """One remark by `speaker` carried by several outlets, clustered as ingest clusters it
    (statements.clustering.services.assign, in order of storage): [(publisher, date, words, kind)] -> statements.

    By default: the full quotation first (Daily One, 2 March), a trimmed copy (Evening Two, 4 March), a copy with
    words changed (Weekly Three, 5 March)."""
    from statements.clustering.services import assign

    speaker = speaker or ActorFactory(name="Maria Lopez", slug="maria-lopez")
    copies = copies or [
        ("Daily One", dt.date(2024, 3, 2), REMARK, Statement.Kind.DIRECT),
        ("Evening Two", dt.date(2024, 3, 4), "We will cut taxes for every working family in this country.",
         Statement.Kind.DIRECT),
        ("Weekly Three", dt.date(2024, 3, 5), "We shall cut taxes for every working family in this country, and we "
         "will do it within the first hundred days of the new parliament.", Statement.Kind.DIRECT),
    ]
    made = []
    for publisher, day, words, kind in copies:
        text, _ = article([f'{speaker.name} said to {publisher}: "{words}"'])
        start = text.index(words)
        source = SourceFactory(text=text, publisher=publisher, published=day, title=f"{speaker.name} in {publisher}")
        statement = StatementFactory(source=source, speaker=speaker, content_start=start, content_end=start + len(words),
                                     content=words, said_on=day, kind=kind, speaker_mention=speaker.name)
        assign(statements=[statement])
        made.append(statement)
    for statement in made:
        statement.refresh_from_db()
    return made
