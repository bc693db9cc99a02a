"""History in the admin (django-simple-history) with clean labels: an empty value shows as "—", not "None"
or "Deleted user (pk=None)"."""
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

EMPTY = "—"


class CleanLabels(HistoricalRecordContextHelper):
    """A change's old and new values as the history page lists them, an empty one as EMPTY.

    simple-history shows a foreign key that was empty as a deleted object with no key ("Deleted user
    (pk=None)"), an empty date as "None"."""

    def prepare_delta_change_value(self, change, value):
        if value is None or value == "" or (isinstance(value, DeletedObject) and value.pk is None):
            return EMPTY
        return super().prepare_delta_change_value(change, value)


class HistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin with CleanLabels; the list's template (templates/simple_history/) leaves an empty
    change reason blank and links a user's name only for those who may see users."""

    def get_historical_record_context_helper(self, request, historical_record):
        return CleanLabels(self.model, historical_record)
