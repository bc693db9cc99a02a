"""Actors in the admin: aliases and roles inline, statement counts, merging duplicates (with history)."""
import datetime as dt

from django.contrib import admin, messages
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from django.urls import path, reverse
from common.admin_history import HistoryAdmin
from common.queries import count_subquery
from statements import selectors as statement_selectors

from . import selectors, services
from .models import Actor, ActorAlias, DistinctActors, MentionDecision, MergeRecord, Role


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 0
    fields = ["name", "normalized"]
    readonly_fields = ["normalized"]


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0
    fk_name = "actor"
    fields = ["title", "kind", "organization", "organization_name", "start_date", "end_date", "origin", "first_seen_on"]
    readonly_fields = ["origin"]
    autocomplete_fields = ["organization"]


class MergedFilter(admin.SimpleListFilter):
    title = "merged"
    parameter_name = "merged"

    def lookups(self, request, model_admin):
        return [("no", "Live actors"), ("yes", "Merged into another")]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(merged_into__isnull=True)
        if self.value() == "yes":
            return queryset.filter(merged_into__isnull=False)
        return queryset


def _mention_counts():
    """Mentions per actor as a subquery (one join per count would multiply the two counts)."""
    through = Actor._meta.get_field("mentioned_in").through
    return count_subquery(through.objects.all(), Actor._meta.get_field("mentioned_in").field.m2m_reverse_field_name())


def actor_choice_label(actor: Actor) -> str:
    """An actor as the speaker autocomplete offers it, with what tells namesakes apart ("Bach", the peer, from
    "Robbie Bach"): kind, the latest role known, and how many statements. Wants `n` (the admin's queryset)
    and roles prefetched."""
    roles = sorted((r for r in actor.roles.all() if r.kind == Role.Kind.HELD),  # the last one: held now (no end),
                   key=lambda r: (r.end_date is None, r.start_date or r.first_seen_on or dt.date.min, r.pk))  # latest
    details = [actor.get_kind_display().lower()]
    if roles:
        details.append(str(roles[-1]))
    n = getattr(actor, "n", None)
    if n is not None:
        details.append(f"{n:,} statement{'' if n == 1 else 's'}")
    merged = " (merged)" if actor.merged_into_id else ""
    return f"{actor.name}{merged} · {' · '.join(details)}"


class ActorAutocompleteView(AutocompleteJsonView):
    """Django's autocomplete for actor fields, each result labelled by actor_choice_label."""

    def get_queryset(self):
        return super().get_queryset().prefetch_related("roles")

    def serialize_result(self, obj, to_field_name):
        return {**super().serialize_result(obj, to_field_name), "text": actor_choice_label(obj)}


class ActorAutocompleteSelect(AutocompleteSelect):
    """An actor field's autocomplete that asks ActorAutocompleteView (labels with kind, role, statements)."""

    url_name = "%s:actors_actor_autocomplete"


class ActorAutocompleteSelectMultiple(AutocompleteSelectMultiple):
    url_name = ActorAutocompleteSelect.url_name


@admin.register(Actor)
class ActorAdmin(HistoryAdmin):
    list_display = ["name", "kind", "slug", "statement_count", "mention_count", "merged_into", "wikidata_id", "updated_at"]
    list_filter = [MergedFilter, "kind"]
    search_fields = ["name", "aliases__name", "wikidata_id", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ActorAliasInline, RoleInline]
    list_select_related = ["merged_into"]
    readonly_fields = ["popolo_id", "merged_into", "merge_history", "created_at", "updated_at"]
    fields = ["name", "slug", "kind", "description", "wikidata_id", "popolo_id", "merged_into", "merge_history",
              "created_at", "updated_at"]
    actions = ["merge_selected"]

    def get_queryset(self, request):
        # Subqueries, not Count() over joins: a search through aliases joins them and would multiply the counts.
        qs = super().get_queryset(request).annotate(
            n=statement_selectors.listed_statement_count("speaker"), n_mentions=_mention_counts()
        )
        return qs.order_by(*self.ordering or Actor._meta.ordering)

    def save_formset(self, request, form, formset, change):
        if formset.model is Role:  # a role added here is an editor's, whatever the model's default
            for role in formset.save(commit=False):
                if role.pk is None:
                    role.origin = Role.Origin.EDITOR
        super().save_formset(request, form, formset, change)

    def get_urls(self):
        view = self.admin_site.admin_view(self.duplicates_view)
        autocomplete = self.admin_site.admin_view(ActorAutocompleteView.as_view(admin_site=self.admin_site))
        return [path("duplicates/", view, name="actors_actor_duplicates"),
                path("autocomplete/", autocomplete, name="actors_actor_autocomplete"), *super().get_urls()]

    DUPLICATES_PER_PAGE = 50

    def duplicates_view(self, request):
        """"Likely duplicates": pairs of live actors that are probably one (selectors.likely_duplicates), each
        with one-click "merge B into A", "merge A into B" and "not the same" (POST)."""
        if request.method == "POST":
            return self._decide_duplicate(request)
        if not self.has_view_permission(request):
            raise PermissionDenied
        pairs = selectors.likely_duplicates()
        page = Paginator(pairs, self.DUPLICATES_PER_PAGE).get_page(request.GET.get("p"))
        ids = {pk for pair in page for pk in (pair.a_id, pair.b_id)}
        actors = {a.pk: a for a in self.get_queryset(request).filter(pk__in=ids)}  # with statement counts
        rows = [(pair, actors[pair.a_id], actors[pair.b_id]) for pair in page
                if pair.a_id in actors and pair.b_id in actors]
        context = {
            **self.admin_site.each_context(request),
            "title": "Likely duplicates",
            "opts": self.model._meta,
            "rows": rows,
            "page": page,
            "total": len(pairs),
            "can_change": self.has_change_permission(request),
        }
        return TemplateResponse(request, "admin/actors/actor/duplicates.html", context)

    def _decide_duplicate(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        back = reverse("admin:actors_actor_duplicates")
        page = request.POST.get("p", "")
        if page.isdigit():
            back += f"?p={page}"
        found = {str(a.pk): a for a in Actor.objects.filter(
            pk__in=[v for v in (request.POST.get("a", ""), request.POST.get("b", "")) if v.isdigit()])}
        a, b = found.get(request.POST.get("a", "")), found.get(request.POST.get("b", ""))
        decision = request.POST.get("decision")
        if a is None or b is None or a.pk == b.pk:
            self.message_user(request, "One of these actors no longer exists.", messages.ERROR)
            return HttpResponseRedirect(back)
        if decision == "not_same":
            services.mark_distinct(a=a, b=b, user=request.user)
            self.message_user(request, f"“{a.name}” and “{b.name}” will not be suggested again.", messages.SUCCESS)
            return HttpResponseRedirect(back)
        if decision not in ("merge_b_into_a", "merge_a_into_b"):
            self.message_user(request, "Choose merge or not the same.", messages.ERROR)
            return HttpResponseRedirect(back)
        keep, merge = (a, b) if decision == "merge_b_into_a" else (b, a)
        try:
            services.merge_actors(keep=keep, merge=merge, user=request.user)
        except services.MergeError as exc:
            self.message_user(request, f"Nothing was merged: {exc}", messages.ERROR)
            return HttpResponseRedirect(back)
        url = reverse("admin:actors_actor_change", args=[keep.pk])
        self.message_user(request, format_html('Merged {} into <a href="{}">{}</a>.', merge.name, url, keep.name),
                          messages.SUCCESS)
        return HttpResponseRedirect(back)

    show_full_result_count = False  # no second COUNT(*) of every actor on each page

    def get_search_results(self, request, queryset, search_term):
        """Name, slug or Wikidata id, or an alias (as a subquery: no join, so no DISTINCT over every actor)."""
        term = " ".join(search_term.split())
        if term:
            aliases = ActorAlias.objects.filter(name__icontains=term).values("actor_id")
            queryset = queryset.filter(Q(name__icontains=term) | Q(slug__icontains=term) | Q(wikidata_id__iexact=term)
                                       | Q(pk__in=aliases))
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name in ("autocomplete", "actors_actor_autocomplete"):
            queryset = queryset.filter(merged_into__isnull=True)  # choosing a speaker: live actors only
        return queryset, False

    @admin.display(description="statements", ordering="n")
    def statement_count(self, obj):
        return obj.n

    @admin.display(description="mentions", ordering="n_mentions")
    def mention_count(self, obj):
        return obj.n_mentions

    @admin.display(description="merges")
    def merge_history(self, obj):
        if obj is None or obj.pk is None:
            return "-"
        records = MergeRecord.objects.filter(keep=obj) | MergeRecord.objects.filter(merged=obj)
        return format_html_join(
            "", "<div>{} → {} <span class='quiet'>({}, {})</span></div>",
            ((r.merged_name, r.keep_name, r.created_at.strftime("%Y-%m-%d %H:%M"), r.user or "system")
             for r in records.select_related("user")),
        ) or "-"

    @admin.action(description="Merge selected actors into one…", permissions=["change"])
    def merge_selected(self, request, queryset):
        actors = list(queryset.order_by("pk"))
        merged = [a for a in actors if a.merged_into_id]
        if merged:
            self.message_user(request, "Already merged, leave out: " + ", ".join(a.name for a in merged), messages.ERROR)
            return None
        if len(actors) < 2:
            self.message_user(request, "Select at least two actors to merge.", messages.WARNING)
            return None
        if "apply" in request.POST:
            keep = next((a for a in actors if str(a.pk) == request.POST.get("keep")), None)
            if keep is None:
                self.message_user(request, "Choose the actor to keep.", messages.ERROR)
            else:
                try:
                    for other in actors:
                        if other.pk != keep.pk:
                            services.merge_actors(keep=keep, merge=other, user=request.user)
                except services.MergeError as exc:
                    self.message_user(request, f"Nothing was merged: {exc}", messages.ERROR)
                    return None
                names = ", ".join(a.name for a in actors if a.pk != keep.pk)
                url = reverse("admin:actors_actor_change", args=[keep.pk])
                self.message_user(
                    request, format_html('Merged {} into <a href="{}">{}</a>.', names, url, keep.name), messages.SUCCESS
                )
                return None
        counted = {a.pk: a for a in self.get_queryset(request).filter(pk__in=[a.pk for a in actors])}
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge actors",
            "opts": self.model._meta,
            "actors": [counted[a.pk] for a in actors],
            "keep_pk": max(actors, key=lambda a: (counted[a.pk].n, -a.pk)).pk,
            "media": self.media,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/actors/actor/merge.html", context)


@admin.register(ActorAlias)
class ActorAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "normalized", "actor"]
    search_fields = ["name", "normalized", "actor__name"]
    autocomplete_fields = ["actor"]
    list_select_related = ["actor"]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "actor", "organization_name", "start_date", "end_date", "origin", "first_seen_on"]
    search_fields = ["title", "actor__name", "organization_name"]
    list_filter = ["kind", "origin", "title"]
    actions = ["mark_held", "mark_voice"]

    @admin.action(description="Mark selected roles as titles held")
    def mark_held(self, request, queryset):
        self.message_user(request, f"{queryset.update(kind=Role.Kind.HELD)} role(s) marked as titles held.")

    @admin.action(description="Mark selected roles as voices (spoke through a representative)")
    def mark_voice(self, request, queryset):
        self.message_user(request, f"{queryset.update(kind=Role.Kind.VOICE)} role(s) marked as voices.")
    readonly_fields = ["origin"]

    def save_model(self, request, obj, form, change):
        if obj.pk is None:
            obj.origin = Role.Origin.EDITOR
        super().save_model(request, obj, form, change)
    autocomplete_fields = ["actor", "organization"]
    list_select_related = ["actor"]


@admin.register(MergeRecord)
class MergeRecordAdmin(admin.ModelAdmin):
    """The audit trail of merges: read-only."""

    list_display = ["created_at", "merged_name", "merged_slug", "keep_link", "user", "moved_summary"]
    list_select_related = ["keep", "user"]
    search_fields = ["merged_name", "keep_name", "merged_slug"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="kept")
    def keep_link(self, obj):
        if obj.keep_id is None:
            return obj.keep_name
        return format_html('<a href="{}">{}</a>', reverse("admin:actors_actor_change", args=[obj.keep_id]), obj.keep_name)

    @admin.display(description="moved")
    def moved_summary(self, obj):
        return "; ".join(
            f"{key.split('.')[-2]}.{key.split('.')[-1]}: {v['moved']} moved, {v['deduplicated']} folded"
            for key, v in (obj.moved or {}).items()
        )


@admin.register(DistinctActors)
class DistinctActorsAdmin(admin.ModelAdmin):
    """Editors' "not the same" decisions: deleting one lets the pair be suggested again."""

    list_display = ["actor_low", "actor_high", "user", "created_at"]
    list_select_related = ["actor_low", "actor_high", "user"]
    search_fields = ["actor_low__name", "actor_high__name"]
    readonly_fields = ["actor_low", "actor_high", "user", "created_at"]

    def has_add_permission(self, request):
        return False


@admin.register(MentionDecision)
class MentionDecisionAdmin(admin.ModelAdmin):
    """Decisions taken in the "Unresolved speakers" queue (statements.admin_unresolved): read-only. Deleting an
    "unnamed" one stops later articles from being stored unnamed under its words; a link is taught by the alias
    or role it added, which the actor's page edits."""

    list_display = ["created_at", "mention", "decision", "actor", "taught_as", "statements", "user"]
    list_filter = ["decision", "taught_as"]
    list_select_related = ["actor", "user"]
    search_fields = ["mention", "actor__name"]
    readonly_fields = ["mention", "key", "decision", "actor", "taught_as", "statements", "user", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
