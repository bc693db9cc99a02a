"""Clusters in the admin: one speaker's one utterance and its copies. Editors split off copies that are another
utterance and merge clusters that are one (statements.clustering.services.split_cluster / merge_clusters, which
record the decisions that keep it so through re-extraction, and the history).

A cluster's fields are kept by the clustering, never typed in: its page is read-only, with the list of copies
and the split form under it. Permissions are those of statements (view to read; change statements to split and
merge), which the Editors and Analysts groups hold.
"""
from dalf.admin import DALFModelAdmin, DALFRelatedFieldAjax
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from common.admin_history import HistoryAdmin

from . import selectors
from .admin import an_id  # statements.admin imports this module at its end, after defining it
from .clustering import services as clustering
from .clustering.text import normalized
from .models import Cluster, Statement


def _copies(n: int) -> str:
    return f"{n} cop{'y' if n == 1 else 'ies'}"


def _cluster_link(cluster_id: int, text: str):
    return format_html('<a href="{}">{}</a>', reverse("admin:statements_cluster_change", args=[cluster_id]), text)


def _column(field: str, label: str):
    """A list column showing a field under a shorter label, sortable."""
    return admin.display(description=label, ordering=field)(lambda self, obj: getattr(obj, field))


@admin.register(Cluster)
class ClusterAdmin(DALFModelAdmin, HistoryAdmin):
    MEMBERS_SHOWN = 500

    class Media:
        css = {"all": ["css/admin.css"]}

    list_display = ["cluster", "speaker_label", "wording", "copies", "sources", "publishers", "first_seen"]
    list_filter = [("speaker", DALFRelatedFieldAjax)]  # an autocomplete: there are thousands of actors
    search_fields = ["speaker_key"]  # shows the search box; what it finds is get_search_results'
    list_select_related = ["speaker", "first_statement"]
    list_per_page = 50
    show_full_result_count = False
    actions = ["merge_selected"]
    fields = ["speaker", "speaker_key", "first_statement", "first_dated_on", "statement_count", "source_count",
              "publisher_count", "created_at", "updated_at"]
    readonly_fields = fields

    # -- permissions: those of statements; the page itself is read-only (the forms below it write)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("statements.view_statement")

    def has_change_permission(self, request, obj=None):
        return obj is None and request.user.has_perm("statements.change_statement")

    def may_edit(self, request) -> bool:
        return self.has_change_permission(request)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    # -- the list

    def get_queryset(self, request):
        return super().get_queryset(request).defer("first_statement__search_vector")

    def get_search_results(self, request, queryset, search_term):
        """Clusters with a copy whose words match (the statements' search: full text, a speaker's name or alias),
        or of an unnamed speaker written so ("a White House spokesman")."""
        term = " ".join((search_term or "").split())
        if not term:
            return queryset, False
        matching = selectors.editor_search(Statement.objects.all(), term).values("cluster_id")
        words = f"words:{normalized(term)}"
        return queryset.filter(pk__in=matching) | queryset.filter(speaker_key=words), False

    def changelist_view(self, request, extra_context=None):
        # the wording needs the page's width beside the speaker filter: no app menu on the left
        return super().changelist_view(request, {**(extra_context or {}), "is_nav_sidebar_enabled": False})

    @admin.display(description="cluster", ordering="pk")
    def cluster(self, obj):
        return f"Cluster {obj.pk}"

    copies = _column("statement_count", "copies")
    sources = _column("source_count", "sources")
    publishers = _column("publisher_count", "publishers")
    first_seen = _column("first_dated_on", "first seen")

    @admin.display(description="speaker", ordering="speaker__name")
    def speaker_label(self, obj):
        if obj.speaker_id:
            return obj.speaker.name
        words = obj.speaker_key.partition(":")[2]
        return format_html('<span title="no actor">“{}”</span>', words) if words else "—"

    @admin.display(description="wording (first appearance)")
    def wording(self, obj):
        content = obj.first_statement.content if obj.first_statement_id else ""
        return content if len(content) <= 120 else content[:119] + "…"

    # -- the page: the copies, and the split form

    def get_urls(self):
        split = self.admin_site.admin_view(self.split_view)
        return [path("<int:object_id>/split/", split, name="statements_cluster_split"), *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        members = (Statement.objects.filter(cluster_id=an_id(object_id)).select_related("speaker", "source")
                   .defer("search_vector", "source__text", "source__original")
                   .order_by("-is_first_appearance", "dated_on", "created_at", "id")[:self.MEMBERS_SHOWN])
        extra_context = {**(extra_context or {}), "members": members, "may_split": self.may_edit(request),
                         "split_url": reverse("admin:statements_cluster_split", args=[object_id])}
        return super().change_view(request, object_id, form_url, extra_context)

    def split_view(self, request, object_id):
        if request.method != "POST" or not self.may_edit(request):
            raise PermissionDenied
        back = reverse("admin:statements_cluster_change", args=[object_id])
        cluster = Cluster.objects.filter(pk=object_id).first()
        if cluster is None:
            self.message_user(request, "This cluster no longer exists (merged or emptied meanwhile).", messages.ERROR)
            return HttpResponseRedirect(reverse("admin:statements_cluster_changelist"))
        ids = [i for i in map(an_id, request.POST.getlist("statement")) if i is not None]
        try:
            new = clustering.split_cluster(cluster=cluster, statements=Statement.objects.filter(pk__in=ids),
                                           user=request.user)
        except clustering.ClusterEditError as exc:
            self.message_user(request, f"Nothing was split: {exc}", messages.ERROR)
            return HttpResponseRedirect(back)
        cluster.refresh_from_db()
        self.message_user(request, format_html(
            "Split off {} into {}; {} keeps {}. Later extraction keeps them apart.",
            _copies(new.statement_count), _cluster_link(new.pk, f"cluster {new.pk}"), f"cluster {cluster.pk}",
            _copies(cluster.statement_count)), messages.SUCCESS)
        return HttpResponseRedirect(back)

    # -- merging

    @admin.action(description="Merge selected clusters into one…", permissions=["change"])
    def merge_selected(self, request, queryset):
        clusters = list(queryset.select_related("speaker", "first_statement").order_by("pk"))
        if len(clusters) < 2:
            self.message_user(request, "Select at least two clusters to merge.", messages.WARNING)
            return None
        if len({c.speaker_key for c in clusters}) > 1:
            speakers = "; ".join(f"cluster {c.pk}: {clustering.who_said(c)}" for c in clusters)
            self.message_user(request, f"Nothing was merged: only clusters of one speaker can be merged ({speakers}). "
                                       "Correct the speaker of the statements first.", messages.ERROR)
            return None
        if "apply" in request.POST:
            keep = next((c for c in clusters if str(c.pk) == request.POST.get("keep")), None)
            if keep is None:
                self.message_user(request, "Choose the cluster to keep.", messages.ERROR)
                return None
            try:
                with transaction.atomic():  # all of them or none
                    for other in clusters:
                        if other.pk != keep.pk:
                            clustering.merge_clusters(keep=keep, merge=other, user=request.user)
            except clustering.ClusterEditError as exc:
                self.message_user(request, f"Nothing was merged: {exc}", messages.ERROR)
                return None
            keep.refresh_from_db()
            merged = ", ".join(str(c.pk) for c in clusters if c.pk != keep.pk)
            self.message_user(request, format_html(
                "Merged cluster{} {} into {}: {} in {} source{}. Later extraction keeps them together.",
                "s" if len(clusters) > 2 else "", merged, _cluster_link(keep.pk, f"cluster {keep.pk}"),
                _copies(keep.statement_count), keep.source_count, "" if keep.source_count == 1 else "s"),
                messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge clusters",
            "opts": self.model._meta,
            "clusters": clusters,
            "keep_pk": max(clusters, key=lambda c: (c.statement_count, -c.pk)).pk,
            "media": self.media,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/statements/cluster/merge.html", context)
