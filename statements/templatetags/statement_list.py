"""The statements of a list (search, home, actor, topic and permalink pages), rendered in Python.

Lists are the site's busiest pages and this is their inner loop. Through the template language each statement
cost about 30 variable lookups (each trying a dict key, an attribute and an index, then localising and
escaping the value), and format_html() its lazy-aware escaping per value: ~190 µs a statement, 3.8 ms of a
20-statement page. Here what is the same for every row (URL prefixes, month names, kind and status labels) is
worked out once per list and each row is one f-string of escaped values. The markup is what
statements/_list.html had; every value from the database goes through html.escape (Django's escape() is the
same function), and the one piece of markup from elsewhere, the search headline, is escaped by
article_text.search_headline.
"""
from html import escape

from django import template
from django.utils.dates import MONTHS_3
from django.utils.safestring import SafeString, mark_safe

from common.links import url_maker

from ..models import Statement
from .article_text import search_headline

register = template.Library()


class ListRenderer:
    """What every row of one list shares, looked up once."""

    def __init__(self):
        self.statement_url = url_maker("statements:detail", "pk")
        self.actor_url = url_maker("actors:detail", "slug")
        self.source_url = url_maker("statements:source", "pk")
        self.topic_url = url_maker("statements:topic", "slug")
        self.cluster_url = url_maker("statements:cluster", "pk")
        self.months = [""] + [str(MONTHS_3[m]).title() for m in range(1, 13)]  # Django's "M" date format
        self.kinds = {value: escape(str(label)) for value, label in Statement.Kind.choices}
        self.statuses = {value: escape(str(label)) for value, label in Statement.ReviewStatus.choices}

    def speaker(self, s) -> str:
        """As the `speaker` tag (templatetags/speakers.py) writes it: the actor, linked ("(document)" after a
        document's publisher); else the words and what kind of source they are."""
        if s.speaker_id:
            who = f'<a class="speaker" href="{self.actor_url(s.speaker_slug)}">{escape(s.speaker_name)}</a>'
            if s.source_type == Statement.SourceType.DOCUMENT:
                who += ' <span class="source-type">(document)</span>'
        else:
            who = (f'<span class="speaker unresolved source-{escape(s.source_type)}">{escape(s.speaker_words)} '
                   f'<span class="source-type">({escape(s.source_note)})</span></span>')
        if s.speaker_role_id:
            who += f', <span class="role">{escape(s.role_title)}</span>'
        return who

    def day(self, s) -> str:
        """The statement's date, else its article's (said so in a tooltip), else "undated"."""
        day = s.said_on or s.source_published
        if not day:
            return "undated"
        hint = "" if s.said_on else ' title="the article\'s date"'
        return f'<time datetime="{day.isoformat()}"{hint}>{day.day} {self.months[day.month]} {day.year}</time>'

    def topics(self, s) -> str:
        chips = "".join(f'<a class="chip" href="{self.topic_url(slug)}">{escape(name)}</a>'
                        for slug, name in s.topics)
        return f'<p class="chips">{chips}</p>' if chips else ""

    def carried(self, s) -> str:
        """"carried by N sources", linking the statement's cluster, when more than one source carried it."""
        if not s.cluster_id or s.cluster_source_count < 2:
            return ""
        return (f' · <a class="carried" href="{self.cluster_url(s.cluster_id)}">carried by {s.cluster_source_count} '
                f'sources</a>')

    def item(self, s) -> str:
        """<li> of one statement: its words (the search headline when there is one) linking to its permalink,
        speaker and role, cue, kind, review status once reviewed, date, source and publisher, topics."""
        cue = f' <span class="cue">{escape(s.cue)}</span>' if s.cue else ""
        review = ""
        if s.review_status != Statement.ReviewStatus.EXTRACTED:
            review = f' <span class="badge review-{escape(s.review_status)}">{self.statuses.get(s.review_status, "")}</span>'
        publisher = f' <span class="publisher">({escape(s.source_publisher)})</span>' if s.source_publisher else ""
        return (
            f'<li class="card statement-item">\n'
            f'    <p class="quote"><a href="{self.statement_url(s.pk)}" class="permalink">{search_headline(s)}</a></p>\n'
            f'    <p class="meta">\n'
            f'      {self.speaker(s)}{cue}\n'
            f'      <span class="badge kind-{escape(s.kind)}">{self.kinds.get(s.kind, "")}</span>{review}\n'
            f'      · {self.day(s)}\n'
            f'      · <a href="{self.source_url(s.source_id)}#st-{s.pk}" class="source">{escape(s.source_label)}</a>{publisher}'
            f'{self.carried(s)}\n'
            f'    </p>\n'
            f'    {self.topics(s)}\n'
            f'  </li>\n'
        )


@register.simple_tag
def statement_items(statements, empty_text="") -> SafeString:
    """The <li>s of `statements` (selectors.ListedStatement), or one saying `empty_text` when there are none."""
    renderer = ListRenderer()
    items = "".join(renderer.item(s) for s in statements)
    return mark_safe(items or f'<li class="empty">{escape(empty_text or "No statements match.")}</li>\n')
