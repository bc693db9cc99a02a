from django.contrib import admin

from .models import Alert, AlertMatch, Subscriber


class AlertInline(admin.TabularInline):
    model = Alert
    fields = ("frequency", "speaker", "topic", "q", "publisher", "kind", "source_type", "confirmed_at",
              "unsubscribed_at", "last_sent_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ("email", "created_at")
    search_fields = ("email",)
    inlines = [AlertInline]


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ("__str__", "frequency", "confirmed_at", "unsubscribed_at", "last_sent_at")
    list_filter = ("frequency", ("confirmed_at", admin.EmptyFieldListFilter), ("unsubscribed_at", admin.EmptyFieldListFilter))
    search_fields = ("subscriber__email", "q", "speaker__name", "topic__name")
    autocomplete_fields = ("speaker", "topic")
    readonly_fields = ("tsquery", "created_at", "confirmed_at", "last_sent_at")
    list_select_related = ("subscriber", "speaker", "topic")


@admin.register(AlertMatch)
class AlertMatchAdmin(admin.ModelAdmin):
    list_display = ("alert", "statement_id", "matched_at", "sent_at", "message_id")
    list_filter = (("sent_at", admin.EmptyFieldListFilter),)
    raw_id_fields = ("alert", "statement")
    list_select_related = ("alert__subscriber", "alert__speaker", "alert__topic")
