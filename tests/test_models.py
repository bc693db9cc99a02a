import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from actors.models import Actor, ActorAlias
from actors.normalize import normalize_name
from statements.models import Source, Statement

pytestmark = pytest.mark.django_db


def test_alias_normalisation_folds_case_accents_and_punctuation():
    assert normalize_name("  Sergéy   LAVROV. ") == "sergey lavrov"
    assert normalize_name("O’Neill") == normalize_name("O'Neill") == "oneill"


def test_alias_is_unique_per_actor_by_normalised_form():
    actor = Actor.objects.create(name="Sergey Lavrov", slug="sergey-lavrov", kind="person")
    ActorAlias.objects.create(actor=actor, name="Lavrov")
    with pytest.raises(IntegrityError), transaction.atomic():
        ActorAlias.objects.create(actor=actor, name="LAVROV")
    other = Actor.objects.create(name="Boris Lavrov", slug="boris-lavrov", kind="person")
    ActorAlias.objects.create(actor=other, name="Lavrov")  # the same alias on another actor is allowed
    assert ActorAlias.objects.filter(normalized="lavrov").count() == 2


@pytest.mark.parametrize("value", ["Q", "Q0", "q42", "Q42x", "42"])
def test_wikidata_id_is_validated(value):
    actor = Actor(name="X", slug="x", wikidata_id=value)
    with pytest.raises(ValidationError):
        actor.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        actor.save()


def test_valid_wikidata_id_is_accepted():
    actor = Actor(name="Sergey Lavrov", slug="sergey-lavrov", wikidata_id="Q193271")
    actor.full_clean()
    actor.save()


def test_source_url_unique_only_when_present(source_factory):
    source_factory(url="")
    source_factory(url="")
    source_factory(url="https://example.org/a")
    with pytest.raises(IntegrityError), transaction.atomic():
        source_factory(url="https://example.org/a")


def test_source_content_hash_unique(source_factory):
    source = source_factory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.create(content_hash=source.content_hash)


def test_one_statement_per_source_and_span(statement_factory):
    statement = statement_factory()
    with pytest.raises(IntegrityError), transaction.atomic():
        statement_factory(source=statement.source)


def test_statement_span_must_not_be_empty(statement_factory):
    with pytest.raises(IntegrityError), transaction.atomic():
        statement_factory(content_start=10, content_end=10)


def test_statement_confidence_between_0_and_1(statement_factory):
    with pytest.raises(IntegrityError), transaction.atomic():
        statement_factory(confidence=1.5)


def test_statement_clean_rejects_offsets_outside_the_text(statement_factory):
    statement = statement_factory()
    statement.content_end = len(statement.source.text) + 5
    with pytest.raises(ValidationError, match="inside the source text"):
        statement.clean()
    statement.content_end = statement.content_start + 3
    with pytest.raises(ValidationError, match="exactly the source text"):
        statement.clean()


def test_history_is_recorded(statement_factory):
    statement = statement_factory()
    statement.review_status = Statement.ReviewStatus.VERIFIED
    statement.save()
    assert statement.history.count() == 2
    assert statement.history.first().review_status == "verified"


def test_search_vector_filled_by_trigger_on_postgres(postgres_only, statement_factory):
    from django.contrib.postgres.search import SearchQuery

    statement = statement_factory()
    found = Statement.objects.filter(search_vector=SearchQuery("budgets", config="english"))
    assert list(found) == [statement]
