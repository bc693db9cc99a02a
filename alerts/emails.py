"""The messages alerts send: the confirmation, and the alert itself (new statements grouped by speaker).

Every alert message carries a one-click unsubscribe link in its text and in the List-Unsubscribe header, with
List-Unsubscribe-Post (RFC 8058) so that mail programs can unsubscribe with one POST.
"""
from __future__ import annotations

from itertools import groupby

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import make_msgid
from django.template.loader import render_to_string

from . import links


def send_confirmation(*, alert, volume_per_day: float | None = None) -> None:
    context = {
        "alert": alert, "description": alert.describe(), "confirm_url": links.confirm_url(alert),
        "manage_url": links.manage_url(alert.subscriber.email), "days": links.CONFIRM_MAX_AGE // 86400,
        "volume_per_day": volume_per_day,
    }
    _send(
        to=alert.subscriber.email, subject=f"Confirm your alert: {alert.describe()}",
        template="alerts/email/confirm", context=context,
    )


def send_alert_message(*, alert, statements: list, message_id: str, mail=None) -> None:
    """Send one alert's statements under the Message-ID claimed for them (services.send_alert)."""
    by_speaker = []
    ordered = sorted(statements, key=lambda s: (s.speaker.name if s.speaker else s.speaker_mention.lower(), s.pk))
    for _, group in groupby(ordered, key=lambda s: s.speaker_id or f"mention:{s.speaker_mention.lower()}"):
        items = list(group)
        by_speaker.append({
            "speaker": items[0].speaker, "mention": items[0].speaker_mention,
            "statements": [{"statement": s, "url": links.absolute(s.get_absolute_url())} for s in items],
        })
    unsubscribe = links.unsubscribe_url(alert)
    context = {
        "alert": alert, "description": alert.describe(), "groups": by_speaker, "count": len(statements),
        "unsubscribe_url": unsubscribe, "manage_url": links.manage_url(alert.subscriber.email),
    }
    noun = "statement" if len(statements) == 1 else "statements"
    _send(
        to=alert.subscriber.email, subject=f"{len(statements)} new {noun}: {alert.describe()}",
        template="alerts/email/alert", context=context, message_id=message_id, mail=mail,
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )


def _send(*, to: str, subject: str, template: str, context: dict, headers: dict | None = None,
          message_id: str | None = None, mail=None) -> None:
    message_id = message_id or make_msgid(domain=settings.ALERT_MESSAGE_ID_DOMAIN)
    message = EmailMultiAlternatives(
        subject=subject[:200], body=render_to_string(f"{template}.txt", context), to=[to],
        from_email=settings.DEFAULT_FROM_EMAIL, headers={"Message-ID": message_id, **(headers or {})},
        connection=mail,
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()
