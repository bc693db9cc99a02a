"""Invented articles stored through the real ingest path (in process), for the clustering tests and the editors'
cluster admin tests."""
import datetime as dt

from ingest import services as ingest
from statements.models import Source, Statement

TAXES = ("We will cut taxes for every working family in this country, and we will do it within the first hundred "
         "days of the new parliament")
SCHOOLS = "Every school in this country will get a new science laboratory before the next election"
RAIL = "The northern rail line will be rebuilt with public money and run by the regions themselves"
LOPEZ = "Finance Minister Maria Lopez said:"


def article(title, quote, *, lead=LOPEZ, publisher, day) -> Source:
    """An article of one paragraph in which `lead` introduces `quote`, published on March `day` 2024."""
    submission = ingest.submit_text(text=f'{title}\n\n{lead} "{quote}."', publisher=publisher,
                                    published=dt.date(2024, 3, day))
    source = Source.objects.get(pk=submission.source.pk)
    assert source.status == Source.Status.DONE, source.error
    return source


def said_by(source, name="Maria Lopez") -> Statement:
    """The one statement of `source` whose speaker is the actor called `name`."""
    (statement,) = [s for s in source.statements.select_related("speaker", "cluster")
                    if s.speaker and s.speaker.name == name]
    return statement
