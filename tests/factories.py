import factory
from django.utils.text import slugify

from actors.models import Actor
from ingest.parsing import normalized_text_hash
from statements.models import Source, Statement, Topic

ARTICLE = (
    "Minister speaks\n\nThe minister said that the budget would be balanced next year. "
    "She added that taxes would not rise."
)


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Person Number{n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Actor.Kind.PERSON


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    title = "Minister speaks"
    publisher = "Test Agency"
    text = factory.Sequence(lambda n: f"{ARTICLE} Story {n}.")
    content_hash = factory.LazyAttribute(lambda o: normalized_text_hash(o.text))
    status = Source.Status.DONE


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    source = factory.SubFactory(SourceFactory)
    speaker = factory.SubFactory(ActorFactory)
    speaker_mention = "The minister"
    cue = "said"
    kind = Statement.Kind.INDIRECT
    content_start = factory.LazyAttribute(lambda o: o.source.text.index("the budget"))
    content_end = factory.LazyAttribute(lambda o: o.source.text.index(" next year") )
    content = factory.LazyAttribute(lambda o: o.source.text[o.content_start:o.content_end])
    confidence = 0.8


def token_client(user):
    """A REST API client that authenticates as `user` with a token."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client
