"""The form that asks for an alert: the list's filters (as the list's URL carries them), an address, how often."""
from __future__ import annotations

from django import forms

from browse.forms import StatementFilterForm

from .filters import AlertFilters
from .models import Alert


def filters_from(data) -> AlertFilters:
    """The alert filters in a form's cleaned data (StatementFilterForm's field names)."""
    return AlertFilters(
        speaker=data.get("actor"), topic=data.get("topic"), q=data.get("q") or "",
        publisher=(data.get("publisher") or "").strip(), kind=data.get("kind") or "",
        source_type=data.get("source_type") or "",
    )


class AlertForm(StatementFilterForm):
    """A statement list's filters that an alert can follow, plus the address and the frequency.

    Filters of a list that an alert cannot keep (dates, a single source, review status, order) are not offered:
    an alert is about statements still to come."""

    email = forms.EmailField(max_length=254, label="Your email address")
    frequency = forms.ChoiceField(choices=Alert.Frequency.choices, initial=Alert.Frequency.DAILY)
    everything = forms.BooleanField(
        required=False, label="Yes, send me every new statement",
        help_text="An alert with no filter follows every statement stored.")

    KEPT = ("q", "actor", "topic", "publisher", "kind", "source_type", "email", "frequency", "everything")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in self.KEPT:
                del self.fields[name]
        self.fields["q"].label = "Words"

    def alert_filters(self) -> AlertFilters:
        return filters_from(self.cleaned_data)

    def clean(self):
        data = super().clean()
        if not self.errors and self.alert_filters().is_everything and not data.get("everything"):
            raise forms.ValidationError(
                "This alert has no filter, so it would send every new statement stored. Tick the box to confirm "
                "that you want them all, or go back and choose a speaker, topic or words.",
                code="everything",
            )
        return data


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(choices=Alert.Frequency.choices)
