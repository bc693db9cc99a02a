from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Source, Statement, Topic


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "publisher", "published", "status", "language", "created_at"]
    list_filter = ["status", "publisher", "language"]
    search_fields = ["title", "url", "publisher", "dateline"]
    date_hierarchy = "created_at"
    readonly_fields = ["content_hash", "status", "error", "extractor_version", "processed_at", "duplicate_of"]


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "parent"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    list_display = ["speaker", "short_content", "source", "kind", "confidence", "review_status", "said_on"]
    list_filter = ["review_status", "kind", "source__publisher", "said_on"]
    search_fields = ["content", "speaker__name", "speaker_mention"]
    list_select_related = ["speaker", "source"]
    autocomplete_fields = ["speaker", "topics", "mentioned_actors"]
    raw_id_fields = ["source", "speaker_role"]
    readonly_fields = ["extractor_version", "reviewed_by", "reviewed_at", "created_at", "updated_at"]

    @admin.display(description="content")
    def short_content(self, obj):
        return obj.content[:90]
