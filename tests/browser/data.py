"""A small, realistic newsroom for the browser tests: the SANA article with its statements, and a few months
of other statements so the charts and rankings have something to show."""
import datetime as dt

from django.utils import timezone

from actors.models import ActorAlias, Role
from statements.models import Statement
from tests.factories import ActorFactory, SourceFactory, StatementFactory, TopicFactory

SANA = """Lavrov: Armed factions working with ISIS and al-Nusra are terrorist groups

Moscow, SANA – Russian Foreign Minister Sergey Lavrov said on Monday that the United States are refusing to implement its agreement with Russia on sorting members of what the US calls "moderate opposition" from Jabhat al-Nusra terrorists in Aleppo.

In a joint press conference with Ethiopian counterpart Tedros Adhanom, Lavrov said that Russia and the US had agreed on Washington using its influence to withdraw what it calls "good opposition" from Aleppo, but the US has yet to fulfill its part of this agreement.

He pointed out that Russia is gathering information on the cooperation between al-Nusra and groups that announced their joining the cessation of hostilities agreement.

Kremlin spokesman Dmitry Peskov told reporters that "the talks in Geneva must continue without preconditions", adding that Moscow remains committed to a political settlement.
"""

SPANS = [  # (speaker key, cue, kind, exact content)
    ("lavrov", "said", "indirect", "the United States are refusing to implement its agreement with Russia on sorting members of what the US calls \"moderate opposition\" from Jabhat al-Nusra terrorists in Aleppo"),
    ("lavrov", "said", "indirect", "Russia and the US had agreed on Washington using its influence to withdraw what it calls \"good opposition\" from Aleppo, but the US has yet to fulfill its part of this agreement"),
    ("lavrov", "pointed out", "indirect", "Russia is gathering information on the cooperation between al-Nusra and groups that announced their joining the cessation of hostilities agreement"),
    ("peskov", "told", "direct", "\"the talks in Geneva must continue without preconditions\""),
    ("peskov", "adding", "indirect", "Moscow remains committed to a political settlement"),
]

FILLER = [
    ("lavrov", "Sanctions against Russia have failed and only hurt European consumers.", "sanctions"),
    ("lavrov", "The ceasefire in Syria depends on separating the opposition from terrorists.", "syria"),
    ("peskov", "The Kremlin has no plans to comment on rumours about the talks.", "diplomacy"),
    ("blinken", "Russia must meet its commitments under the cessation of hostilities agreement.", "syria"),
    ("blinken", "New sanctions will follow if the attacks on Aleppo continue.", "sanctions"),
    ("lavrov", "Washington keeps moving the goalposts in the Geneva talks.", "diplomacy"),
]


def build():
    today = timezone.localdate()
    lavrov = ActorFactory(name="Sergey Lavrov", slug="sergey-lavrov")
    ActorAlias.objects.create(actor=lavrov, name="Sergei Lavrov")
    ActorAlias.objects.create(actor=lavrov, name="Lavrov")
    peskov = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    blinken = ActorFactory(name="Antony Blinken", slug="antony-blinken")
    kremlin = ActorFactory(name="Kremlin", slug="kremlin", kind="organization")
    actors = {"lavrov": lavrov, "peskov": peskov, "blinken": blinken}
    roles = {
        "lavrov": Role.objects.create(actor=lavrov, title="Foreign Minister", organization_name="Russia",
                                      start_date=dt.date(2004, 3, 9)),
        "peskov": Role.objects.create(actor=peskov, title="Kremlin spokesman", organization=kremlin,
                                      organization_name="Kremlin", start_date=dt.date(2012, 5, 22)),
        "blinken": Role.objects.create(actor=blinken, title="Secretary of State", organization_name="United States"),
    }
    topics = {slug: TopicFactory(name=name, slug=slug) for slug, name in
              [("syria", "Syria"), ("terrorism", "Terrorism"), ("diplomacy", "Diplomacy"), ("sanctions", "Sanctions")]}

    sana = SourceFactory(text=SANA, title="Lavrov: Armed factions working with ISIS and al-Nusra are terrorist groups",
                         publisher="SANA", dateline="Moscow", byline="H. Said", published=today - dt.timedelta(days=2),
                         url="https://sana.sy/en/?p=example", extractor_version="rules-1")
    article = []
    for key, cue, kind, content in SPANS:
        start = SANA.index(content)
        s = StatementFactory(source=sana, speaker=actors[key], speaker_role=roles[key], speaker_mention=key.title(),
                             cue=cue, kind=kind, content=content, content_start=start, content_end=start + len(content),
                             said_on=sana.published)
        s.topics.add(topics["syria"], topics["terrorism" if key == "lavrov" else "diplomacy"])
        s.mentioned_actors.add(blinken if key == "lavrov" else lavrov)
        article.append(s)

    for week in range(40):  # other articles over the past months
        key, text, topic = FILLER[week % len(FILLER)]
        body = f"Report {week}\n\n{actors[key].name} said that {text}"
        source = SourceFactory(text=body, title=f"Report {week}: {text[:40]}…",
                               publisher=["Reuters", "TASS", "AP"][week % 3],
                               published=today - dt.timedelta(days=7 * week + 3))
        start = body.index(text)
        s = StatementFactory(source=source, speaker=actors[key], speaker_role=roles[key], speaker_mention=actors[key].name,
                             cue="said", kind=Statement.Kind.INDIRECT, content=text, content_start=start,
                             content_end=start + len(text), said_on=source.published)
        s.topics.add(topics[topic])
        s.mentioned_actors.add(lavrov if key != "lavrov" else blinken)
    return {"actors": actors, "topics": topics, "sana": sana, "article": article}
