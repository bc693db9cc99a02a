"""The statement admin: list, filters, review queue, context, edits recorded as corrections, bulk actions."""
import pytest
from django.urls import reverse
from django.utils import timezone

from actors.models import Role
from statements.models import Statement

from .conftest import statement_form_data

pytestmark = pytest.mark.django_db
CHANGELIST = "admin:statements_statement_changelist"


def change_url(statement):
    return reverse("admin:statements_statement_change", args=[statement.pk])


def test_changelist_columns_filters_and_search(editor_client, statement_factory, topic_factory):
    topic = topic_factory(name="Budget")
    statement = statement_factory(confidence=0.42)
    statement.topics.add(topic)
    url = reverse(CHANGELIST)
    html = editor_client.get(url).content.decode()
    for text in [statement.speaker.name, "the budget would be balanced", "Minister speaks", "Reported speech", "0.42",
                 "Extracted"]:
        assert text in html
    for query in ["review_status__exact=extracted", "kind__exact=indirect", "source__publisher=Test+Agency",
                  f"topics__id__exact={topic.pk}", "said_on__isnull=True", "q=budget", "queue=1"]:
        response = editor_client.get(f"{url}?{query}")
        assert response.status_code == 200, query
        assert response.context["cl"].result_count == 1, query


def test_changelist_query_count_does_not_grow_with_rows(editor_client, statement_factory, django_assert_max_num_queries):
    statement_factory()
    url = reverse(CHANGELIST)
    editor_client.get(url)
    with django_assert_max_num_queries(20) as few:
        editor_client.get(url)
    for _ in range(30):
        statement_factory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        editor_client.get(url)


def test_review_queue_is_linked_from_the_index_and_lists_extracted_least_confident_first(
    editor_client, statement_factory, source_factory
):
    source = source_factory()
    low = statement_factory(source=source, confidence=0.2)
    high = statement_factory(source=source_factory(), confidence=0.9)
    statement_factory(source=source_factory(), confidence=0.1, review_status=Statement.ReviewStatus.VERIFIED)
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert 'id="review-queue-link"' in index
    queue = editor_client.get(reverse("admin:statements_statement_review_queue"), follow=True)
    assert queue.redirect_chain[-1][0].endswith("?queue=1")
    assert list(queue.context["cl"].result_list) == [low, high]


def test_change_page_shows_the_source_text_around_the_span_escaped(editor_client, source_factory, statement_factory):
    text = "Intro <b>bold</b> & more. The minister said that the budget would be balanced next year. <script>x</script>"
    source = source_factory(text=text)
    statement = statement_factory(source=source)
    html = editor_client.get(change_url(statement)).content.decode()
    assert '<mark class="statement-span">the budget would be balanced</mark>' in html  # styled by css/admin.css
    assert "Intro &lt;b&gt;bold&lt;/b&gt; &amp; more." in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert "<script>x</script>" not in html


def test_editing_an_extracted_statement_marks_it_corrected_with_who_and_when(
    editor_client, editor, statement_factory, actor_factory
):
    statement = statement_factory()
    role = Role.objects.create(actor=statement.speaker, title="Minister")
    statement.speaker_role = role
    statement.save()
    right = actor_factory(name="Jane Right")
    before = timezone.now()
    response = editor_client.post(change_url(statement), statement_form_data(statement, speaker=right.pk))
    assert response.status_code == 302, response.content.decode()[:2000]
    statement.refresh_from_db()
    assert statement.speaker == right
    assert statement.speaker_role is None  # the old speaker's role does not follow
    assert statement.review_status == Statement.ReviewStatus.CORRECTED
    assert statement.reviewed_by == editor
    assert statement.reviewed_at >= before
    latest = statement.history.first()
    assert (latest.history_user, latest.speaker_id, latest.review_status) == (editor, right.pk, "corrected")


def test_saving_without_changes_records_nothing(editor_client, statement_factory):
    statement = statement_factory()
    editor_client.post(change_url(statement), statement_form_data(statement))
    statement.refresh_from_db()
    assert statement.review_status == Statement.ReviewStatus.EXTRACTED
    assert statement.reviewed_by is None


def test_topic_change_alone_is_a_correction(editor_client, statement_factory, topic_factory):
    statement = statement_factory()
    topic = topic_factory()
    editor_client.post(change_url(statement), statement_form_data(statement, topics=[topic.pk]))
    statement.refresh_from_db()
    assert list(statement.topics.all()) == [topic]
    assert statement.review_status == Statement.ReviewStatus.CORRECTED


def test_choosing_verified_in_the_form_is_kept(editor_client, editor, statement_factory):
    statement = statement_factory()
    editor_client.post(change_url(statement), statement_form_data(statement, review_status="verified"))
    statement.refresh_from_db()
    assert (statement.review_status, statement.reviewed_by) == ("verified", editor)


def test_correcting_the_span_recomputes_the_content(editor_client, statement_factory):
    statement = statement_factory()
    text = statement.source.text
    start, end = text.index("the budget"), text.index(" next year") + len(" next year")
    editor_client.post(change_url(statement), statement_form_data(statement, content_start=start, content_end=end))
    statement.refresh_from_db()
    assert statement.content == "the budget would be balanced next year"
    assert statement.review_status == Statement.ReviewStatus.CORRECTED


def test_a_span_outside_the_text_is_refused_with_a_message(editor_client, statement_factory):
    statement = statement_factory()
    response = editor_client.post(change_url(statement), statement_form_data(statement, content_end=10**6))
    assert response.status_code == 200
    assert "must lie inside the source text" in response.content.decode()
    statement.refresh_from_db()
    assert statement.review_status == Statement.ReviewStatus.EXTRACTED


def test_bulk_verify_and_reject(editor_client, editor, statement_factory, source_factory):
    a, b = statement_factory(), statement_factory(source=source_factory())
    url = reverse(CHANGELIST)
    editor_client.post(url, {"action": "verify_selected", "_selected_action": [a.pk]})
    editor_client.post(url, {"action": "reject_selected", "_selected_action": [b.pk]})
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.review_status, a.reviewed_by) == ("verified", editor)
    assert (b.review_status, b.reviewed_by) == ("rejected", editor)
    assert a.history.first().history_user == editor


def test_bulk_set_speaker_through_an_intermediate_page(editor_client, editor, statement_factory, source_factory,
                                                       actor_factory):
    statements = [statement_factory(), statement_factory(source=source_factory())]
    right = actor_factory(name="Jane Right")
    url = reverse(CHANGELIST)
    ids = [s.pk for s in statements]
    page = editor_client.post(url, {"action": "set_speaker_selected", "_selected_action": ids})
    assert page.status_code == 200
    html = page.content.decode()
    assert "New speaker" in html and "admin/js/autocomplete.js" in html
    done = editor_client.post(url, {"action": "set_speaker_selected", "_selected_action": ids, "apply": "1",
                                    "speaker": right.pk}, follow=True)
    assert "2 statement(s) now attributed to Jane Right" in done.content.decode()
    for statement in statements:
        statement.refresh_from_db()
        assert (statement.speaker, statement.review_status, statement.reviewed_by) == (right, "corrected", editor)


def test_set_speaker_refuses_a_merged_actor(editor_client, statement_factory, actor_factory):
    from actors.services import merge_actors

    statement = statement_factory()
    keep, gone = actor_factory(), actor_factory()
    merge_actors(keep=keep, merge=gone)
    url = reverse(CHANGELIST)
    page = editor_client.post(url, {"action": "set_speaker_selected", "_selected_action": [statement.pk],
                                    "apply": "1", "speaker": gone.pk})
    assert page.status_code == 200  # the form again, with the error
    assert "Select a valid choice" in page.content.decode()


def test_speaker_autocomplete_offers_live_actors_only(editor_client, actor_factory):
    from actors.services import merge_actors

    keep = actor_factory(name="Maria Zakharova")
    gone = actor_factory(name="Maria Zakharova Duplicate")
    merge_actors(keep=keep, merge=gone)
    response = editor_client.get(reverse("admin:autocomplete"), {
        "term": "Zakharova", "app_label": "statements", "model_name": "statement", "field_name": "speaker"})
    assert [r["text"] for r in response.json()["results"]] == ["Maria Zakharova"]


def test_history_is_visible_and_revertible(editor_client, editor, statement_factory, actor_factory):
    statement = statement_factory()
    original_speaker = statement.speaker
    editor_client.post(change_url(statement), statement_form_data(statement, speaker=actor_factory().pk))
    history_url = reverse("admin:statements_statement_history", args=[statement.pk])
    assert editor_client.get(history_url).status_code == 200
    first = statement.history.earliest()
    revert_url = reverse("admin:statements_statement_simple_history", args=[statement.pk, first.history_id])
    form = editor_client.get(revert_url)
    assert form.status_code == 200
    statement.refresh_from_db()
    data = statement_form_data(statement, speaker=original_speaker.pk, review_status="extracted")
    response = editor_client.post(revert_url, data)
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.speaker == original_speaker
    # restoring the extractor's version is an editor's decision too: re-extraction must not undo it
    assert (statement.review_status, statement.reviewed_by) == ("corrected", editor)
    assert statement.history.count() == 3


def test_choosing_extracted_hands_the_statement_back_to_the_extractor(editor_client, statement_factory):
    statement = statement_factory(review_status="verified")
    editor_client.post(change_url(statement), statement_form_data(statement, review_status="extracted"))
    statement.refresh_from_db()
    assert (statement.review_status, statement.reviewed_by, statement.reviewed_at) == ("extracted", None, None)
