"""A cluster copy's wording against the canonical one, as HTML (every word escaped: statements.clustering.diff)."""
from django import template
from django.utils.safestring import SafeString, mark_safe

from ..clustering import diff

register = template.Library()


@register.filter
def word_diff_html(pieces) -> SafeString:
    return mark_safe(diff.to_html(pieces))
