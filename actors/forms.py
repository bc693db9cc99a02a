"""GET parameters of the actors list and its export."""
from django import forms

from browse.forms import NoticeMixin, blank

from .models import Actor


class ActorFilterForm(NoticeMixin, forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Name or alias")
    kind = forms.ChoiceField(required=False, choices=blank(Actor.Kind.choices))

    def values(self) -> dict:
        data = getattr(self, "cleaned_data", {})
        return {"q": data.get("q") or "", "kind": data.get("kind") or ""}
