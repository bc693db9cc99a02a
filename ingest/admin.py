"""The Source admin: uploads through ingest.services (store first, process after) and reprocessing.

It lives in ingest because only config and ingest itself may import ingest (see ARCHITECTURE.md).
"""
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminURLFieldWidget
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import reverse

from common.admin_history import HistoryAdmin
from common.throttling import over_account_rate
from statements.admin import StatementInline
from statements.models import Source

from . import services as ingest_services
from . import validation
from .forms import ArticleFieldsMixin, ArticleURLField
from .validation import ArticleRejected


class SafeAdminURLWidget(AdminURLFieldWidget):
    """The admin's URL input, whose "Currently:" link is shown for http(s) addresses only (never javascript:)."""

    def __init__(self, attrs=None):
        super().__init__(attrs, validator_class=lambda: validation.http_url_validator)


class SourceAddForm(ArticleFieldsMixin, forms.ModelForm):
    """Adding a source: a file or pasted text, stored first and processed after (ingest.services).

    The checks are ingest.validation's, run here too only to show each message beside its field.
    """

    file = forms.FileField(
        required=False, help_text="A .txt, .md or .html article.",
        widget=forms.ClearableFileInput(attrs={"accept": validation.ACCEPT_ATTRIBUTE}),
    )
    pasted_text = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 14, "cols": 100}), label="or paste the text",
        help_text="The article's text, headline first.",
    )
    url = ArticleURLField(required=False, widget=SafeAdminURLWidget)

    class Meta:
        model = Source
        fields = ["title", "publisher", "url", "published"]

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), (cleaned.get("pasted_text") or "").strip()
        if bool(upload) == bool(text):
            raise forms.ValidationError("Upload a file or paste the article's text (one of the two).")
        field = "file" if upload else "pasted_text"
        try:
            if upload:
                validation.check_filename(upload.name)
                validation.check_size(upload.size)  # before reading it
                cleaned["raw"] = upload.read()
                cleaned["filename"], cleaned["content_type"] = upload.name, upload.content_type or ""
            else:
                cleaned["raw"] = text.encode("utf-8")
                cleaned["filename"], cleaned["content_type"] = "", "text/plain; charset=utf-8"
            validation.check_size(len(cleaned["raw"]))
            validation.check_not_empty(cleaned["raw"])
        except ArticleRejected as exc:
            self.add_error(field, forms.ValidationError(exc.message, code=exc.code))
        return cleaned


class SourceChangeForm(ArticleFieldsMixin, forms.ModelForm):
    """Editing a stored source: the same URL and date rules as at upload (ingest.validation)."""

    url = ArticleURLField(required=False, widget=SafeAdminURLWidget)

    class Meta:
        model = Source
        fields = "__all__"


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    form = SourceChangeForm
    list_display = ["__str__", "publisher", "published", "status", "error_excerpt", "statement_count", "created_at"]
    list_filter = ["status", "publisher", "language"]
    search_fields = ["title", "url", "publisher", "dateline", "original_name"]
    date_hierarchy = "created_at"
    actions = ["reprocess_selected"]
    inlines = [StatementInline]
    readonly_fields = [
        "status", "error", "duplicate_of", "original_name", "content_type", "content_hash", "extractor_version",
        "processed_at", "created_at", "updated_at", "text",
    ]
    fieldsets = [
        (None, {"fields": ["title", "publisher", "url", "published", "dateline", "byline", "language"]}),
        ("Processing", {"fields": ["status", "error", "duplicate_of", "extractor_version", "processed_at",
                                   "original_name", "content_type", "content_hash", "created_at", "updated_at"]}),
        ("Text", {"classes": ["collapse"], "fields": ["text"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["file", "pasted_text"]}),
        ("About the article (optional: read from the article when left empty)",
         {"fields": ["title", "publisher", "url", "published"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_statements=Count("statements"))

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = SourceAddForm
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        return self.add_fieldsets if obj is None else super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def get_inlines(self, request, obj):
        return [] if obj is None else self.inlines

    @admin.display(description="error")
    def error_excerpt(self, obj):
        return obj.error if len(obj.error) <= 100 else obj.error[:99] + "…"

    @admin.display(description="statements", ordering="n_statements")
    def statement_count(self, obj):
        return obj.n_statements

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        # Store first, process after: the same path as every other upload.
        data = form.cleaned_data
        submission = ingest_services.submit_article(
            raw=data["raw"], filename=data["filename"], content_type=data["content_type"],
            title=data.get("title") or "", publisher=data.get("publisher") or "", url=data.get("url") or "",
            published=data.get("published"),
        )
        obj.pk = submission.source.pk
        obj.refresh_from_db()
        obj._state.adding = False
        if submission.created:
            self.message_user(request, "Stored; it is being processed now (reload to see its status).", messages.INFO)
        else:
            self.message_user(request, f"This article was already stored as source {obj.pk}; nothing new was added.",
                              messages.WARNING)

    def response_add(self, request, obj, post_url_continue=None):
        """After an upload, show the source itself: its status, then its statements."""
        if "_addanother" in request.POST or admin.options.IS_POPUP_VAR in request.POST:
            return super().response_add(request, obj, post_url_continue)
        return HttpResponseRedirect(reverse("admin:statements_source_change", args=[obj.pk]))

    @admin.action(description="Reprocess selected sources (editors' statements are kept)", permissions=["change"])
    def reprocess_selected(self, request, queryset):
        if wait := over_account_rate(request, "reprocess"):  # REPROCESS_RATE, one count with the API's
            self.message_user(request, f"Too many reprocess requests: at most {settings.REPROCESS_RATE}. "
                                       f"Try again in {wait:.0f} seconds.", messages.ERROR)
            return
        n = ingest_services.reprocess(source_ids=list(queryset.values_list("pk", flat=True)),
                                      requested_by=request.user.get_username())
        self.message_user(
            request, f"{n} source(s) queued for reprocessing (pending until a worker takes them); verified, corrected "
            "and rejected statements are kept.",
            messages.SUCCESS,
        )


