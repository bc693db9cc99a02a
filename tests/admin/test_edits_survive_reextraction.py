"""Editors win: every kind of admin edit survives re-extraction (store_extraction and the reprocess action)."""
import pytest
from django.urls import reverse

from ingest import services as ingest_services
from ingest.extraction.records import ExtractedStatement, Extraction, Speaker
from statements.models import Statement

from .conftest import statement_form_data

pytestmark = pytest.mark.django_db

TEXT = (
    "Talks\n\nThe minister said that the budget would be balanced next year. "
    "Peskov said that the talks went well. Lavrov stressed that sanctions failed. "
    "Zakharova noted that the visit was useful. Smith added that prices would fall."
)
PASSAGES = ["the budget would be balanced next year", "the talks went well", "sanctions failed",
            "the visit was useful", "prices would fall"]


def extracted(text, passage, speaker_name):
    start = text.index(passage)
    return ExtractedStatement(
        speaker=Speaker(name=speaker_name, kind="person"), speaker_mention=speaker_name, speaker_start=None,
        speaker_end=None, cue="said", cue_start=None, cue_end=None, kind="indirect", content=passage,
        content_start=start, content_end=start + len(passage), confidence=0.5, said_on=None,
    )


def test_every_admin_edit_survives_store_extraction(editor_client, source_factory, actor_factory, topic_factory):
    source = source_factory(text=TEXT)
    first = Extraction(statements=tuple(extracted(TEXT, p, "Wrong Person") for p in PASSAGES))
    corrected, verified, rejected, respoken, untouched = ingest_services.store_extraction(source=source, extraction=first)
    right = actor_factory(name="Right Person")
    topic = topic_factory()
    changelist = reverse("admin:statements_statement_changelist")

    # an edit in the form (speaker, cue and a topic), verify, reject, bulk set speaker
    editor_client.post(
        reverse("admin:statements_statement_change", args=[corrected.pk]),
        statement_form_data(corrected, speaker=right.pk, cue="stated", topics=[topic.pk]),
    )
    editor_client.post(changelist, {"action": "verify_selected", "_selected_action": [verified.pk]})
    editor_client.post(changelist, {"action": "reject_selected", "_selected_action": [rejected.pk]})
    editor_client.post(changelist, {"action": "set_speaker_selected", "_selected_action": [respoken.pk],
                                    "apply": "1", "speaker": right.pk})
    before = {s.pk: (s.review_status, s.speaker_id, s.cue, s.content, s.reviewed_by_id, s.reviewed_at)
              for s in Statement.objects.filter(pk__in=[corrected.pk, verified.pk, rejected.pk, respoken.pk])}
    assert sorted(v[0] for v in before.values()) == ["corrected", "corrected", "rejected", "verified"]

    # the extractor runs again and now says someone else said everything
    again = Extraction(statements=tuple(extracted(TEXT, p, "Another Person") for p in PASSAGES))
    created = ingest_services.store_extraction(source=source, extraction=again)

    after = {s.pk: (s.review_status, s.speaker_id, s.cue, s.content, s.reviewed_by_id, s.reviewed_at)
             for s in Statement.objects.filter(pk__in=before)}
    assert after == before
    assert list(Statement.objects.get(pk=corrected.pk).topics.all()) == [topic]
    # only the untouched statement was replaced
    assert [s.content for s in created] == [untouched.content]
    assert not Statement.objects.filter(pk=untouched.pk).exists()
    assert created[0].speaker.name == "Another Person"
    assert source.statements.count() == 5


def test_edits_survive_the_reprocess_action(editor_client, demo_article_bytes, django_capture_on_commit_callbacks,
                                            actor_factory):
    """Upload through the admin, correct what came out, reprocess from the admin: the corrections stay."""
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("admin:statements_source_add"), {
            "pasted_text": demo_article_bytes.decode("utf-8"), "title": "", "publisher": "SANA", "url": "",
            "published": "",
        })
    assert response.status_code == 302, response.content.decode()[:3000]
    source = ingest_services.Source.objects.get()
    assert source.status == "done", source.error
    statements = list(source.statements.order_by("content_start"))
    assert len(statements) >= 3
    right = actor_factory(name="Somebody Else")
    first, second, third = statements[:3]
    editor_client.post(reverse("admin:statements_statement_change", args=[first.pk]),
                       statement_form_data(first, speaker=right.pk))
    changelist = reverse("admin:statements_statement_changelist")
    editor_client.post(changelist, {"action": "verify_selected", "_selected_action": [second.pk]})
    editor_client.post(changelist, {"action": "reject_selected", "_selected_action": [third.pk]})
    before = {s.pk: (s.review_status, s.speaker_id, s.content_start, s.content_end)
              for s in Statement.objects.filter(pk__in=[first.pk, second.pk, third.pk])}
    count_before = source.statements.count()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = editor_client.post(reverse("admin:statements_source_changelist"),
                                      {"action": "reprocess_selected", "_selected_action": [source.pk]}, follow=True)
    assert len(callbacks) == 1
    assert "1 source(s) queued for reprocessing" in response.content.decode()
    after = {s.pk: (s.review_status, s.speaker_id, s.content_start, s.content_end)
             for s in Statement.objects.filter(pk__in=before)}
    assert after == before
    assert before[first.pk][:2] == ("corrected", right.pk)
    assert source.statements.count() == count_before
