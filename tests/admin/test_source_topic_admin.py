"""Sources (upload through submit_article, reprocess, status, statements inline) and topics (keywords, re-tag)."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from statements.models import Source, Statement, Topic

pytestmark = pytest.mark.django_db
ADD = "admin:statements_source_add"


def test_uploading_a_file_stores_it_first_and_queues_processing(editor_client, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile("story.txt", b"Headline\n\nThe minister said that taxes would fall.",
                                content_type="text/plain")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = editor_client.post(reverse(ADD), {"file": upload, "pasted_text": "", "publisher": "Agency X"})
    assert response.status_code == 302, response.content.decode()[:3000]
    source = Source.objects.get()
    assert response["Location"] == reverse("admin:statements_source_change", args=[source.pk])
    assert (source.status, source.original_name, source.publisher) == ("pending", "story.txt", "Agency X")
    assert bytes(source.original).startswith(b"Headline")
    assert len(callbacks) == 1  # processing is dispatched only once the row is committed


def test_uploading_the_same_text_twice_returns_the_stored_source(editor_client, source_factory):
    text = "Headline\n\nThe minister said that taxes would fall."
    editor_client.post(reverse(ADD), {"pasted_text": text})
    response = editor_client.post(reverse(ADD), {"pasted_text": text}, follow=True)
    assert Source.objects.count() == 1
    assert "already stored" in response.content.decode()


def test_upload_needs_exactly_one_of_file_or_text(editor_client, settings):
    response = editor_client.post(reverse(ADD), {"pasted_text": ""})
    assert response.status_code == 200
    assert "Upload a file or paste" in response.content.decode()
    settings.MAX_ARTICLE_BYTES = 10
    response = editor_client.post(reverse(ADD), {"pasted_text": "far more than ten bytes of text"})
    assert "over the limit" in response.content.decode()
    assert not Source.objects.exists()


def test_source_list_and_page_show_status_error_and_statements(editor_client, source_factory, statement_factory):
    failed = source_factory(status="failed", error="The file is not text: upload .txt, .md or .html.")
    statement = statement_factory()
    listing = editor_client.get(reverse("admin:statements_source_changelist")).content.decode()
    assert "The file is not text" in listing and "Failed" in listing
    assert editor_client.get(reverse("admin:statements_source_change", args=[failed.pk])).status_code == 200
    page = editor_client.get(reverse("admin:statements_source_change", args=[statement.source_id])).content.decode()
    assert reverse("admin:statements_statement_change", args=[statement.pk]) in page  # statements inline, linked
    assert "the budget would be balanced" in page


def test_reprocess_action_queues_the_selected_sources(editor_client, source_factory, django_capture_on_commit_callbacks,
                                                      monkeypatch):
    from ingest import services as ingest_services

    queued = []
    monkeypatch.setattr(ingest_services, "dispatch", queued.append)
    a, b, _ = source_factory(), source_factory(), source_factory()
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("admin:statements_source_changelist"),
                           {"action": "reprocess_selected", "_selected_action": [a.pk, b.pk]})
    assert sorted(queued) == sorted([a.pk, b.pk])
    assert set(Source.objects.filter(pk__in=[a.pk, b.pk]).values_list("status", flat=True)) == {"pending"}


def test_topic_keywords_one_per_line_and_retag_action(editor_client, statement_factory):
    statement = statement_factory()
    response = editor_client.post(reverse("admin:statements_topic_add"), {
        "name": "Public finance", "slug": "public-finance", "description": "", "keywords": "budget\n taxes \nBudget\n",
        "parent": "",
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    topic = Topic.objects.get(slug="public-finance")
    assert topic.keywords == ["budget", "taxes"]
    page = editor_client.get(reverse("admin:statements_topic_change", args=[topic.pk])).content.decode()
    assert "budget\ntaxes</textarea>" in page
    assert not statement.topics.exists()
    response = editor_client.post(reverse("admin:statements_topic_changelist"),
                                  {"action": "retag_selected", "_selected_action": [topic.pk]}, follow=True)
    assert "1 statement(s) match" in response.content.decode()
    assert list(Statement.objects.get(pk=statement.pk).topics.all()) == [topic]
    assert topic.history.earliest().keywords == ["budget", "taxes"]
    assert editor_client.get(reverse("admin:statements_topic_history", args=[topic.pk])).status_code == 200


def test_actor_list_counts_statements_and_mentions_without_n_plus_one(
    editor_client, actor_factory, statement_factory, django_assert_max_num_queries
):
    speaker = actor_factory(name="Counted Speaker")
    for _ in range(3):
        statement_factory(speaker=speaker)
    mentioner = statement_factory()
    mentioner.mentioned_actors.add(speaker)
    url = reverse("admin:actors_actor_changelist")
    response = editor_client.get(url, {"q": "Counted"})
    row = response.context["cl"].result_list[0]
    assert (row.n, row.n_mentions) == (3, 1)
    editor_client.get(url)
    with django_assert_max_num_queries(20) as few:
        editor_client.get(url)
    for _ in range(20):
        statement_factory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        editor_client.get(url)


def test_actor_page_has_alias_and_role_inlines_and_history(editor_client, actor_factory):
    actor = actor_factory()
    page = editor_client.get(reverse("admin:actors_actor_change", args=[actor.pk])).content.decode()
    assert "aliases-TOTAL_FORMS" in page and "roles-TOTAL_FORMS" in page
    assert editor_client.get(reverse("admin:actors_actor_history", args=[actor.pk])).status_code == 200
