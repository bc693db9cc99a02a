"""A real SMTP server on loopback (aiosmtpd) that the alert tests send to through Django's SMTP backend."""
import email
import email.policy
import logging
import re
import socket
import threading

import pytest
from aiosmtpd.controller import Controller


logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP command at INFO


class Inbox:
    """What the SMTP server received, parsed; `wait_for(n)` waits until n messages arrived."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self._arrived = threading.Condition()
        self.delay = 0.0  # seconds the server takes to accept a message (to kill a sender mid-run)

    async def handle_DATA(self, server, session, envelope):
        import asyncio

        if self.delay:
            await asyncio.sleep(self.delay)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._arrived:
            self.messages.append(message)
            self._arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, count: int, timeout: float = 20.0) -> list:
        with self._arrived:
            self._arrived.wait_for(lambda: len(self.messages) >= count, timeout=timeout)
        return self.messages

    @staticmethod
    def text(message) -> str:
        return message.get_body(preferencelist=("plain",)).get_content()

    def links(self, message, name: str) -> list[str]:
        return re.findall(rf"https?://\S+/alerts/{name}/\S+/", self.text(message))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings):
    """The inbox of a real SMTP server that Django sends to; request limits counted afresh for each test."""
    from django.core.cache import cache

    cache.clear()
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.SITE_URL = "http://testserver"
    try:
        yield inbox
    finally:
        controller.stop()


class Receiver:
    """A webhook receiver on loopback (http.server in a thread): records each POST; answers `status` (a list is
    used up one answer per request, then 200)."""

    def __init__(self):
        import http.server

        receiver = self
        self.requests: list[dict] = []
        self.answers: list[int] = []
        self._arrived = threading.Condition()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status = receiver.answers.pop(0) if receiver.answers else 200
                with receiver._arrived:
                    receiver.requests.append({"headers": dict(self.headers), "body": body, "answered": status})
                    receiver._arrived.notify_all()
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def wait_for(self, count: int, timeout: float = 20.0) -> list[dict]:
        with self._arrived:
            self._arrived.wait_for(lambda: len(self.requests) >= count, timeout=timeout)
        return self.requests

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver(settings):
    settings.SITE_URL = "http://testserver"
    running = Receiver()
    try:
        yield running
    finally:
        running.stop()
