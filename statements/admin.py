"""The editors' workbench: review and correct statements, topics, with history.

Presentation only: every write goes through a service (statements.services), so the admin, the API and
the CLI change data the same way. The Source admin (uploads, reprocessing) is in ingest.admin.
"""
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from actors.models import Actor

from . import services
from .models import Statement, Topic

CONTEXT_CHARS = 400  # characters of source text shown either side of a statement's span


# --- Statements ------------------------------------------------------------------------------------------

class ReviewQueueFilter(admin.SimpleListFilter):
    """The review queue: statements nobody has looked at yet, the least confident first (see get_ordering)."""

    title = "review queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [("1", "Waiting for review (least confident first)")]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(review_status=Statement.ReviewStatus.EXTRACTED)
        return queryset


class StatementAdminForm(forms.ModelForm):
    """The content is not typed in: it is the source text between the offsets, so correcting the span
    means correcting the offsets (the text around the span is shown on the page)."""

    class Meta:
        model = Statement
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        source = cleaned.get("source") or (self.instance.source if self.instance.source_id else None)
        start, end = cleaned.get("content_start"), cleaned.get("content_end")
        if source is None or start is None or end is None:
            return cleaned
        text = source.text or ""
        if not (0 <= start < end <= len(text)):
            self.add_error("content_end", f"The span must lie inside the source text (0..{len(text)}) and not be empty.")
            return cleaned
        if not text[start:end].strip():
            self.add_error("content_start", "The span holds only whitespace.")
            return cleaned
        clash = Statement.objects.filter(source=source, content_start=start, content_end=end)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            self.add_error("content_start", "Another statement of this source already has exactly this span.")
            return cleaned
        self.instance.content = text[start:end]
        return cleaned


class SetSpeakerForm(forms.Form):
    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaker"] = forms.ModelChoiceField(
            queryset=Actor.objects.filter(merged_into__isnull=True), label="New speaker",
            widget=AutocompleteSelect(Statement._meta.get_field("speaker"), admin_site),
        )


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    form = StatementAdminForm

    class Media:
        css = {"all": ["css/admin.css"]}  # styles in a file: the Content-Security-Policy allows no inline style

    list_display = ["speaker_or_mention", "excerpt", "source_link", "kind", "confidence", "review_status", "said_on"]
    list_display_links = ["excerpt"]
    list_filter = [
        ReviewQueueFilter, "review_status", "kind", ("source__publisher", admin.AllValuesFieldListFilter),
        ("topics", admin.RelatedOnlyFieldListFilter), "said_on",
    ]
    search_fields = ["content", "speaker__name", "speaker_mention", "source__title"]
    list_select_related = ["speaker", "source"]
    list_per_page = 50
    date_hierarchy = "said_on"
    autocomplete_fields = ["speaker", "speaker_role", "topics", "mentioned_actors"]
    raw_id_fields = ["source"]
    actions = ["verify_selected", "reject_selected", "set_speaker_selected"]
    fieldsets = [
        (None, {"fields": ["speaker", "speaker_role", "speaker_mention", "cue", "kind", "said_on", "topics",
                           "mentioned_actors"]}),
        ("Where it was said", {"fields": ["source", "content_start", "content_end", "content", "source_context"]}),
        ("Review", {"fields": ["review_status", "reviewed_by", "reviewed_at", "confidence", "extractor_version",
                               "created_at", "updated_at"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        readonly = ["content", "source_context", "confidence", "extractor_version", "reviewed_by", "reviewed_at",
                    "created_at", "updated_at"]
        return readonly + ["source"] if obj is not None else readonly

    def get_ordering(self, request):
        if request.GET.get(ReviewQueueFilter.parameter_name) == "1":
            return ["confidence", "id"]
        return super().get_ordering(request)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "source", "speaker_role")

    def get_urls(self):
        urls = [path("review-queue/", self.admin_site.admin_view(self.review_queue_view),
                     name="statements_statement_review_queue")]
        return urls + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        if request.GET.get(ReviewQueueFilter.parameter_name) == "1":
            extra_context = {**(extra_context or {}), "title": "Review queue: extracted statements, least confident first"}
        return super().changelist_view(request, extra_context)

    def review_queue_view(self, request):
        url = reverse("admin:statements_statement_changelist")
        return HttpResponseRedirect(f"{url}?{ReviewQueueFilter.parameter_name}=1")

    # -- columns and read-only fields

    @admin.display(description="speaker", ordering="speaker__name")
    def speaker_or_mention(self, obj):
        if obj.speaker_id:
            return obj.speaker.name
        return format_html('<span title="no actor resolved">“{}”</span>', obj.speaker_mention or "?")

    @admin.display(description="content")
    def excerpt(self, obj):
        return obj.content if len(obj.content) <= 120 else obj.content[:119] + "…"

    @admin.display(description="source", ordering="source__title")
    def source_link(self, obj):
        url = reverse("admin:statements_source_change", args=[obj.source_id])
        return format_html('<a href="{}">{}</a>', url, str(obj.source)[:60])

    @admin.display(description="in the source")
    def source_context(self, obj):
        """The source text around the span, escaped, the span highlighted."""
        if obj is None or not obj.source_id:
            return "-"
        text = obj.source.text or ""
        start, end = obj.content_start, obj.content_end
        before_from, after_to = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
        return format_html(
            '<div class="statement-context">{}{}<mark class="statement-span">{}</mark>{}{}</div>',
            "…" if before_from else "", text[before_from:start], text[start:end], text[end:after_to],
            "…" if after_to < len(text) else "",
        )

    # -- saving: an edit is a correction, recorded by the service

    def save_model(self, request, obj, form, change):
        services.save_editor_edit(statement=obj, user=request.user, changed_fields=form.changed_data)

    # -- bulk actions

    @admin.action(description="Verify selected statements (extraction was right)", permissions=["change"])
    def verify_selected(self, request, queryset):
        n = services.review_statements(statements=queryset, status=Statement.ReviewStatus.VERIFIED, user=request.user)
        self.message_user(request, f"{n} statement(s) verified.", messages.SUCCESS)

    @admin.action(description="Reject selected statements (not a statement)", permissions=["change"])
    def reject_selected(self, request, queryset):
        n = services.review_statements(statements=queryset, status=Statement.ReviewStatus.REJECTED, user=request.user)
        self.message_user(request, f"{n} statement(s) rejected; they no longer appear on public pages.", messages.SUCCESS)

    @admin.action(description="Set the speaker of selected statements…", permissions=["change"])
    def set_speaker_selected(self, request, queryset):
        form = SetSpeakerForm(request.POST if "apply" in request.POST else None, admin_site=self.admin_site)
        if "apply" in request.POST and form.is_valid():
            speaker = form.cleaned_data["speaker"]
            n = services.set_speaker(statements=queryset, speaker=speaker, user=request.user)
            self.message_user(request, f"{n} statement(s) now attributed to {speaker.name}.", messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Set the speaker",
            "opts": self.model._meta,
            "queryset": queryset.select_related("speaker", "source"),
            "form": form,
            "media": self.media + form.media,
            "action_name": "set_speaker_selected",
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/statements/statement/set_speaker.html", context)


# --- Statements of a source (used by the Source admin in ingest.admin) -----------------------------

class StatementInline(admin.TabularInline):
    """The source's statements, read-only, each linking to its edit page."""

    model = Statement
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ["content_start", "speaker_or_mention", "excerpt", "kind", "confidence", "review_status"]
    readonly_fields = fields
    ordering = ["content_start"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="speaker")
    def speaker_or_mention(self, obj):
        return obj.speaker.name if obj.speaker_id else f"“{obj.speaker_mention}”"

    @admin.display(description="content")
    def excerpt(self, obj):
        return obj.content if len(obj.content) <= 140 else obj.content[:139] + "…"



# --- Topics ----------------------------------------------------------------------------------------------

class KeywordsField(forms.CharField):
    """Keywords edited one per line, stored as a JSON list."""

    widget = forms.Textarea(attrs={"rows": 6, "cols": 60})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        seen, words = set(), []
        for line in (value or "").splitlines():
            word = " ".join(line.split())
            if word and word.lower() not in seen:
                seen.add(word.lower())
                words.append(word)
        return words

    def has_changed(self, initial, data):
        return self.to_python(initial or []) != self.to_python(data)


class TopicAdminForm(forms.ModelForm):
    keywords = KeywordsField(required=False, help_text="One word or phrase per line; matched as whole words, any case.")

    class Meta:
        model = Topic
        fields = "__all__"


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    form = TopicAdminForm
    list_display = ["name", "slug", "parent", "keyword_list", "statement_count"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    actions = ["retag_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("parent").annotate(n_statements=Count("statements"))

    @admin.display(description="keywords")
    def keyword_list(self, obj):
        text = ", ".join(obj.keywords or [])
        return text if len(text) <= 80 else text[:79] + "…"

    @admin.display(description="statements", ordering="n_statements")
    def statement_count(self, obj):
        return obj.n_statements

    def response_change(self, request, obj):
        if "keywords" in getattr(request, "_changed_fields", ()):
            self.message_user(request, "Keywords changed: use the action “Re-tag statements” to apply them to "
                                       "statements already stored.", messages.INFO)
        return super().response_change(request, obj)

    def save_model(self, request, obj, form, change):
        request._changed_fields = form.changed_data
        super().save_model(request, obj, form, change)

    @admin.action(description="Re-tag statements with the selected topics' keywords", permissions=["change"])
    def retag_selected(self, request, queryset):
        total = 0
        for topic in queryset:
            total += services.retag_statements(topic=topic)
        self.message_user(request, f"{queryset.count()} topic(s) re-tagged: {total} statement(s) match their keywords.",
                          messages.SUCCESS)

from . import admin_unresolved  # noqa: E402,F401 - registers the "Unresolved speakers" queue
