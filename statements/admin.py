"""The editors' workbench: review and correct statements, topics, with history.

Presentation only: every write goes through a service (statements.services), so the admin, the API and
the CLI change data the same way. The Source admin (uploads, reprocessing) is in ingest.admin.
"""
import datetime as dt

from dalf.admin import DALFModelAdmin, DALFRelatedFieldAjax
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from actors import selectors as actor_selectors
from actors.admin import ActorAutocompleteSelect, ActorAutocompleteSelectMultiple
from actors.models import Actor, Role
from common.admin_history import HistoryAdmin
from common.queries import count_subquery

from . import selectors as statement_selectors
from . import services
from .models import Statement, Topic, TopicLink


# --- Statements ------------------------------------------------------------------------------------------

def an_id(text) -> int | None:
    """A primary key from a request parameter: ASCII digits that fit a bigint, else None."""
    text = str(text or "")
    return int(text) if text.isascii() and text.isdigit() and len(text) < 19 else None


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
    means correcting the offsets, which the span editor (js/admin-statement.js) fills from a selection of
    the article text shown on the page."""

    class Meta:
        model = Statement
        fields = "__all__"
        help_texts = {
            "content_start": "Where the statement starts, in characters of the article text. Select words in the "
                             "text below to set both offsets.",
            "content_end": "Where it ends (the character after the last one).",
            "speaker_role": "The speaker's roles; after a change of speaker, theirs.",
        }

    def clean(self):
        cleaned = super().clean()
        source = cleaned.get("source") or (self.instance.source if self.instance.source_id else None)
        if source is None:
            return cleaned
        text = source.text or ""
        start, end = cleaned.get("content_start"), cleaned.get("content_end")
        if self.has_error("content_start") or self.has_error("content_end"):
            problem = None  # the field itself said what is wrong ("… greater than or equal to 0")
        elif not (0 <= start < end <= len(text)):
            problem = ("content_end", f"The span must lie inside the source text (0..{len(text)}) and not be "
                                      f"empty; got {start}..{end}.")
        elif not text[start:end].strip():
            problem = ("content_start", "The span holds only whitespace.")
        elif Statement.objects.filter(source=source, content_start=start, content_end=end).exclude(
                pk=self.instance.pk).exists():
            problem = ("content_start", "Another statement of this source already has exactly this span.")
        else:
            self.instance.content = text[start:end]
            return cleaned
        if problem:
            self.add_error(*problem)
        # The instance keeps its stored span, so the model's own check (Statement.clean, which the form runs
        # next) does not report the same mistake a second time.
        cleaned.pop("content_start", None)
        cleaned.pop("content_end", None)
        return cleaned


class SetSpeakerForm(forms.Form):
    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaker"] = forms.ModelChoiceField(
            queryset=Actor.objects.filter(merged_into__isnull=True), label="New speaker",
            widget=ActorAutocompleteSelect(Statement._meta.get_field("speaker"), admin_site),
        )


def role_choice_label(role: Role) -> str:
    """A speaker role as the statement form offers it: its text, a voice marked as one ("spokesman (spoke
    through)"), so an editor tells a title the speaker holds from a representative it spoke through."""
    return f"{role} (spoke through)" if role.kind == Role.Kind.VOICE else str(role)


@admin.register(Statement)
class StatementAdmin(DALFModelAdmin, HistoryAdmin):
    form = StatementAdminForm

    class Media:
        # Styles and scripts in files: the Content-Security-Policy allows no inline style or script.
        css = {"all": ["css/admin.css"]}
        js = ["js/admin-statement.js"]

    list_display = ["speaker_or_mention", "excerpt", "source_link", "kind", "confidence", "review_status", "said_on"]
    list_display_links = ["excerpt"]
    list_filter = [
        ReviewQueueFilter, "review_status", "kind", ("source__publisher", admin.AllValuesFieldListFilter),
        ("topics", DALFRelatedFieldAjax), "said_on",  # topics by autocomplete: there are thousands
    ]
    search_fields = ["content"]  # shows the search box; what it finds is get_search_results' (editor_search)
    list_select_related = ["speaker", "source"]
    list_per_page = 50
    show_full_result_count = False  # a second COUNT(*) of every statement on each page: not at a million
    # No date_hierarchy: its year links cost a DISTINCT over every matching statement; "said on" filters instead.
    autocomplete_fields = ["topics"]  # speaker and mentioned actors: formfield_for_*; the role: the speaker's
    raw_id_fields = ["source"]
    actions = ["verify_selected", "reject_selected", "set_speaker_selected"]
    fieldsets = [
        (None, {"fields": ["speaker", "speaker_role", "speaker_mention", "cue", "kind", "said_on", "topics",
                           "mentioned_actors"]}),
        ("Where it was said", {"fields": ["source", "content_start", "content_end", "content", "source_context",
                                          "cluster_link"]}),
        ("Review", {"fields": ["review_status", "reviewer", "reviewed_at", "confidence", "extractor_version",
                               "created_at", "updated_at"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        readonly = ["content", "source_context", "cluster_link", "confidence", "extractor_version", "reviewer", "reviewed_at",
                    "created_at", "updated_at"]
        return readonly + ["source"] if obj is not None else readonly

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "speaker":
            kwargs["widget"] = ActorAutocompleteSelect(db_field, self.admin_site)
        elif db_field.name == "speaker_role":
            # The speaker's roles only (there are tens of thousands); with a speaker just chosen, also theirs:
            # the page's script offers them, and a role left from the old speaker is re-derived on saving.
            kwargs["queryset"] = actor_selectors.roles_of(*self._speaker_ids(request))
            kwargs["widget"] = forms.Select(attrs={"data-roles-url": reverse("admin:statements_statement_speaker_roles")})
            field = super().formfield_for_foreignkey(db_field, request, **kwargs)
            field.label_from_instance = role_choice_label
            return field
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "mentioned_actors":
            kwargs["widget"] = ActorAutocompleteSelectMultiple(db_field, self.admin_site)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @staticmethod
    def _speaker_ids(request) -> list[int]:
        """The speaker stored on the statement being edited and, on a POST, the one chosen."""
        ids = []
        match = getattr(request, "resolver_match", None)
        if (object_id := an_id(match.kwargs.get("object_id") if match else None)) is not None:
            ids += Statement.objects.filter(pk=object_id).values_list("speaker_id", flat=True)
        if request.method == "POST" and (posted := an_id(request.POST.get("speaker"))) is not None:
            ids.append(posted)
        return ids

    def get_ordering(self, request):
        if request.GET.get(ReviewQueueFilter.parameter_name) == "1":
            return ["confidence", "id"]
        return super().get_ordering(request)

    def get_queryset(self, request):
        # The article's text and bytes are read only where a page shows them (the change page's span editor).
        return super().get_queryset(request).select_related("speaker", "source", "speaker_role").defer(
            "search_vector", "source__text", "source__original")

    def get_search_results(self, request, queryset, search_term):
        return statement_selectors.editor_search(queryset, search_term), False

    def get_urls(self):
        urls = [path("review-queue/", self.admin_site.admin_view(self.review_queue_view),
                     name="statements_statement_review_queue"),
                path("speaker-roles/", self.admin_site.admin_view(self.speaker_roles_view),
                     name="statements_statement_speaker_roles")]
        return urls + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        # The list needs the page's width beside its filters: no app menu on the left (the breadcrumbs remain).
        extra_context = {**(extra_context or {}), "is_nav_sidebar_enabled": False}
        if request.GET.get(ReviewQueueFilter.parameter_name) == "1":
            extra_context = {**(extra_context or {}), "title": "Review queue: extracted statements, least confident first"}
        return super().changelist_view(request, extra_context)

    def review_queue_view(self, request):
        url = reverse("admin:statements_statement_changelist")
        return HttpResponseRedirect(f"{url}?{ReviewQueueFilter.parameter_name}=1")

    def speaker_roles_view(self, request):
        """JSON for the change form's script: `actor`'s roles, and the one to select after a change of speaker
        (the equivalent of the role held so far, `role`, or the one held on the date `on`)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        actor_id, role_id = an_id(request.GET.get("actor")), an_id(request.GET.get("role"))
        roles = list(actor_selectors.roles_of(actor_id))
        role = Role.objects.filter(pk=role_id).first() if role_id is not None else None
        try:
            on = dt.date.fromisoformat(request.GET.get("on", ""))
        except ValueError:
            on = None
        chosen = actor_selectors.equivalent_role(role, actor_id=actor_id, on=on)
        return JsonResponse({"roles": [{"id": r.pk, "text": role_choice_label(r)} for r in roles],
                             "selected": chosen.pk if chosen else None})

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

    @admin.display(description="reviewed by")
    def reviewer(self, obj):
        """The reviewer's name, not a link: editors may not open user pages."""
        return obj.reviewed_by.get_username() if obj is not None and obj.reviewed_by_id else None

    @admin.display(description="in the source")
    def source_context(self, obj):
        """The span editor: the article text, escaped, the span highlighted. js/admin-statement.js turns a
        selection in it into the two offsets (which stay what is stored and can still be typed)."""
        if obj is None or not obj.source_id:
            return "-"
        text = obj.source.text or ""
        start, end = obj.content_start, obj.content_end
        return format_html(
            '<div class="span-editor"><p class="span-help">Select words in the text to make them the statement; '
            'the offsets above follow.</p><div class="statement-context" tabindex="0">{}<mark class="statement-span">'
            '{}</mark>{}</div></div>',
            text[:start], text[start:end], text[end:],
        )

    @admin.display(description="cluster")
    def cluster_link(self, obj):
        """The utterance this statement carries, with how many copies it has and whether this one came first."""
        if obj is None or not obj.cluster_id:
            return "-"
        cluster = obj.cluster
        first = "this is its first appearance" if obj.is_first_appearance else "not its first appearance"
        copies = f"{cluster.statement_count} cop{'y' if cluster.statement_count == 1 else 'ies'}"
        url = reverse("admin:statements_cluster_change", args=[cluster.pk])
        return format_html('<a href="{}" id="cluster-link">Cluster {}</a>: {} in {} source{}; {}.', url, cluster.pk,
                           copies, cluster.source_count, "" if cluster.source_count == 1 else "s", first)

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
class TopicAdmin(HistoryAdmin):
    form = TopicAdminForm
    list_display = ["name", "slug", "parent", "keyword_list", "statement_count"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    actions = ["retag_selected"]

    def get_queryset(self, request):
        # A subquery: computed for the page's topics only (an autocomplete asks for 20 of thousands).
        counted = count_subquery(TopicLink.objects.all(), "topic")
        return super().get_queryset(request).select_related("parent").annotate(n_statements=counted)

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

from . import admin_clusters, admin_unresolved  # noqa: E402,F401 - registers clusters and the "Unresolved speakers" queue
