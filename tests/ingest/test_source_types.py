"""Storing the kinds of source (issue 20, rules 1 to 3): groups and unnamed sources make no Actor, representatives
and documents land on their organisation, with the representative as the role."""
import pytest

from actors.models import Actor
from ingest import services
from statements.models import Source, Statement

pytestmark = pytest.mark.django_db(transaction=True)

ARTICLE = """Aid budget to rise

Analysts said the aid budget would rise again next year.
A spokesman for the Department for International Development said that the money would reach Sudan by May.
Tony Blair flew to Brussels on Monday. Mr Blair's official spokesman said the prime minister was confident.
A World Bank report said growth in Africa would slow.
Chinese state press reports said the new dam was safe.
One insider said the board was split over the plan.
"""


def test_groups_make_no_actor_and_representatives_and_documents_land_on_their_organisation():
    source = services.submit_text(text=ARTICLE).source
    source.refresh_from_db()
    assert source.status == Source.Status.DONE, source.error
    by_mention = {s.speaker_mention: s for s in source.statements.select_related("speaker", "speaker_role")}

    for mention in ("Analysts", "One insider"):
        statement = by_mention[mention]
        assert (statement.speaker, statement.source_type) == (None, Statement.SourceType.UNNAMED)
    unnamed_document = by_mention["Chinese state press reports"]
    assert (unnamed_document.speaker, unnamed_document.source_type) == (None, Statement.SourceType.DOCUMENT)
    voice = by_mention["Mr Blair's official spokesman"]  # the person speaks through a spokesman, no title of his
    assert (voice.speaker.name, voice.speaker_role.title, voice.source_type) == \
        ("Tony Blair", "through a spokesman", Statement.SourceType.NAMED)
    for words in ("Analysts", "One insider", "Chinese state press reports", "Mr Blair's official spokesman", "Blair's"):
        assert not Actor.objects.filter(name__icontains=words).exists(), words
        assert not Actor.objects.filter(aliases__name__icontains=words).exists(), words

    spokesman = by_mention["A spokesman for the Department for International Development"]
    assert spokesman.speaker.name == "Department for International Development"
    assert spokesman.speaker.kind == Actor.Kind.ORGANIZATION
    assert spokesman.speaker_role.title == "spokesman"
    assert spokesman.source_type == Statement.SourceType.NAMED

    report = by_mention["A World Bank report"]
    assert (report.speaker.name, report.speaker.kind) == ("World Bank", Actor.Kind.ORGANIZATION)
    assert report.source_type == Statement.SourceType.DOCUMENT and report.speaker_role is None

    speaking = set(Actor.objects.filter(statements__source=source).values_list("name", flat=True))
    assert speaking == {"Department for International Development", "World Bank", "Tony Blair"}


def test_the_same_group_in_two_articles_is_still_no_actor():
    for text in ("Markets\n\nAnalysts said the shares were overvalued.", "Oil\n\nAnalysts said oil would get dearer."):
        services.submit_text(text=text)
    assert Statement.objects.filter(speaker_mention="Analysts", speaker=None).count() == 2
    assert not Actor.objects.filter(name__iexact="analysts").exists()


def test_a_party_short_name_and_a_force_named_after_its_place_are_stored_as_organisations():
    """The speaker-identity audit (after) found "Tories say" and "West Yorkshire police confirmed" left with no
    actor by the group rule; a party joins the party's record under its other names."""
    from actors.services import resolve_actor

    conservatives = resolve_actor(name="Conservative Party", kind=Actor.Kind.ORGANIZATION)
    text = ("Tax row\n\nTories say the tax would rise next year.\n"
            "West Yorkshire police confirmed that a man had been arrested.\nPolice said he was 40.\n")
    source = services.submit_text(text=text).source
    source.refresh_from_db()
    by_mention = {s.speaker_mention: s for s in source.statements.select_related("speaker")}
    assert by_mention["Tories"].speaker == conservatives
    force = by_mention["West Yorkshire police"]
    assert (force.speaker.name, force.speaker.kind, force.source_type) == (
        "West Yorkshire police", Actor.Kind.ORGANIZATION, Statement.SourceType.NAMED)
    assert (by_mention["Police"].speaker, by_mention["Police"].source_type) == (None, Statement.SourceType.UNNAMED)
