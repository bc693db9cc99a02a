"""The admin's "Unresolved speakers" queue: statements of a named or document source with no actor, grouped by
identical speaker mention ("the report" x 19), most frequent first; each group resolved in one decision.

Built like the actors' "Likely duplicates" page (actors.admin): plain admin views and templates, the writes in a
service (statements.services.resolve_mention, which teaches the decision through actors.services). Registered
for a proxy of Statement (models.UnresolvedSpeaker) so that it is listed on the admin's index; its permissions
are those of statements (view to see the queue; change statements, and change actors, to decide; add actors to
create one), which the Editors group holds.
"""
from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.db.models import Count
from django.utils.html import format_html

from actors import services as actor_services
from actors.models import Actor, MentionDecision

from . import selectors, services
from .admin import SetSpeakerForm as LinkForm  # the live-actor autocomplete of "Set the speaker"
from .models import UnresolvedSpeaker


class CreateForm(forms.Form):
    name = forms.CharField(max_length=255, label="Name")
    kind = forms.ChoiceField(choices=Actor.Kind.choices, initial=Actor.Kind.ORGANIZATION, label="Kind")


@admin.register(UnresolvedSpeaker)
class UnresolvedSpeakerAdmin(admin.ModelAdmin):
    GROUPS_PER_PAGE = 50
    STATEMENTS_SHOWN = 100

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("statements.view_statement")

    def has_change_permission(self, request, obj=None):
        return request.user.has_perms(["statements.change_statement", "actors.change_actor"])

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path("", self.admin_site.admin_view(self.queue_view), name="%s_%s_changelist" % info),
            path("group/", self.admin_site.admin_view(self.group_view), name="%s_%s_group" % info),
        ]

    def _context(self, request, title, **extra):
        return {**self.admin_site.each_context(request), "title": title, "opts": self.opts,
                "can_change": self.has_change_permission(request), **extra}

    def queue_view(self, request, extra_context=None):
        """Every group, most frequent first, 50 a page."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        groups = selectors.unresolved_speaker_groups()
        page = Paginator(groups, self.GROUPS_PER_PAGE).get_page(request.GET.get("p"))
        rows = [{**group, "url": self._group_url(group["mention_key"])} for group in page]
        return TemplateResponse(request, "admin/statements/unresolvedspeaker/queue.html", self._context(
            request, "Unresolved speakers", rows=rows, page=page, total=page.paginator.count,
            decisions=MentionDecision.objects.select_related("actor", "user")[:10],
        ))

    def _group_url(self, key: str) -> str:
        return reverse("admin:statements_unresolvedspeaker_group") + "?" + urlencode({"key": key})

    def group_view(self, request):
        """One group: its statements (with their articles) and the three decisions, each its own form (POST)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        key = request.POST.get("key") if request.method == "POST" else request.GET.get("key", "")
        key = (key or "")[:500]
        link_form, create_form = self._link_form(), CreateForm()
        if request.method == "POST":
            if not self.has_change_permission(request):
                raise PermissionDenied
            decision = request.POST.get("decision", "")
            if decision == MentionDecision.Decision.LINK:
                link_form = self._link_form(request.POST)
                if link_form.is_valid():
                    return self._decide(request, key, decision, actor=link_form.cleaned_data["speaker"])
            elif decision == MentionDecision.Decision.CREATE:
                if not request.user.has_perm("actors.add_actor"):
                    raise PermissionDenied
                create_form = CreateForm(request.POST)
                if create_form.is_valid():
                    return self._decide(request, key, decision, new_name=create_form.cleaned_data["name"],
                                        new_kind=create_form.cleaned_data["kind"])
            elif decision == MentionDecision.Decision.UNNAMED:
                return self._decide(request, key, decision)
            else:
                self.message_user(request, "Choose link, create or unnamed.", messages.ERROR)
        group = selectors.unresolved_group(key)
        statements = list(group[:self.STATEMENTS_SHOWN])
        if not statements:
            self.message_user(request, "No unresolved statement has this mention (any more).", messages.WARNING)
            return HttpResponseRedirect(reverse("admin:statements_unresolvedspeaker_changelist"))
        counts = group.order_by().aggregate(total=Count("id"), articles=Count("source_id", distinct=True))
        mention = statements[0].speaker_mention
        return TemplateResponse(request, "admin/statements/unresolvedspeaker/group.html", self._context(
            request, f"Resolve “{mention}”", key=key, mention=mention, statements=statements, **counts, link_form=link_form, create_form=create_form,
            can_create=request.user.has_perm("actors.add_actor"), media=self.media + link_form.media,
            taught=actor_services.is_taught(mention),
        ))

    def _link_form(self, data=None):
        form = LinkForm(data, admin_site=self.admin_site)
        form.fields["speaker"].label = "Actor"
        return form

    def _decide(self, request, key, decision, **choice):
        back = reverse("admin:statements_unresolvedspeaker_changelist")
        try:
            count, record = services.resolve_mention(mention_key=key, decision=decision, user=request.user, **choice)
        except actor_services.TeachError as exc:
            self.message_user(request, f"Nothing was changed: {exc}", messages.ERROR)
            return HttpResponseRedirect(self._group_url(key) if decision != "unnamed" else back)
        n = f"{count} statement{'s' if count != 1 else ''}"
        if record.actor_id:
            url = reverse("admin:actors_actor_change", args=[record.actor_id])
            message = format_html('“{}”: {} linked to <a href="{}">{}</a>.', record.mention, n, url, record.actor.name)
        else:
            message = format_html("“{}”: {} marked unnamed.", record.mention, n)
        self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(back)
