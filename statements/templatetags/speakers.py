"""A statement's speaker as pages show it: the actor, linked; else its words and what kind of source it is."""
from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def speaker(statement, query_url=""):
    """<a class="speaker"> for an actor (with "(document)" when a document of theirs is quoted); otherwise
    <span class="speaker unresolved source-TYPE">words <span class="source-type">(unnamed source)</span></span>.
    `query_url`, when given, is where the actor's name links instead of the actor's page."""
    if statement.speaker_id:
        link = format_html('<a class="speaker" href="{}">{}</a>', query_url or statement.speaker.get_absolute_url(),
                           statement.speaker.name)
        if statement.source_type == "document":
            return format_html('{} <span class="source-type">(document)</span>', link)
        return link
    return format_html(
        '<span class="speaker unresolved source-{}">{} <span class="source-type">({})</span></span>',
        statement.source_type, statement.speaker_words, statement.source_note,
    )
