from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Actor, ActorAlias, Role


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 0
    fields = ["name"]


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0
    fk_name = "actor"
    fields = ["title", "organization_name", "start_date", "end_date", "first_seen_on"]


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "slug", "wikidata_id", "merged_into", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ActorAliasInline, RoleInline]
    raw_id_fields = ["merged_into"]


@admin.register(ActorAlias)
class ActorAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "normalized", "actor"]
    search_fields = ["name", "normalized", "actor__name"]
    autocomplete_fields = ["actor"]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["title", "actor", "organization_name", "start_date", "end_date", "first_seen_on"]
    search_fields = ["title", "actor__name", "organization_name"]
    list_filter = ["title"]
    autocomplete_fields = ["actor", "organization"]
