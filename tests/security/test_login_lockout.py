"""Login lockout through the admin's login page (django-axes): LOGIN_FAILURE_LIMIT (10) wrong passwords for one
account from one address, then the 11th attempt and the right password too are refused for the cool-off, with a
page that says when to retry; the editor is not locked out from another address; a spoofed X-Forwarded-For
does not buy fresh attempts."""
import datetime as dt

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
RIGHT = "correct-Horse-9"  # the `editor` fixture's password


def attempt(client, password, username="eddie", **headers):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"}, **headers)


def signed_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def test_the_eleventh_attempt_and_the_right_password_are_refused_until_the_cool_off_ends(editor, settings):
    client = Client(REMOTE_ADDR="203.0.113.5")
    codes = [attempt(client, f"wrong-{i}").status_code for i in range(10)]
    assert codes == [200] * 9 + [429]  # the 10th failure locks; the login form said "wrong" before
    eleventh = attempt(client, "wrong-again")
    right = attempt(client, RIGHT)
    assert eleventh.status_code == right.status_code == 429
    assert not signed_in(client)
    page = right.content.decode()
    assert "Sign-in paused" in page and "Try again after" in page and "site.css" in page  # the site's own page
    assert 14 * 60 < int(right["Retry-After"]) <= 15 * 60  # LOGIN_COOLOFF_MINUTES (15)

    # The cool-off has passed (the failures are 16 minutes old): the right password works again.
    from axes.models import AccessAttempt

    AccessAttempt.objects.update(attempt_time=dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=16))
    assert attempt(client, RIGHT).status_code == 302 and signed_in(client)


def test_a_flood_from_one_address_does_not_lock_the_editor_out_elsewhere(editor):
    attacker = Client(REMOTE_ADDR="198.51.100.66")
    for i in range(12):
        attempt(attacker, f"guess-{i}")
    assert attempt(attacker, RIGHT).status_code == 429
    desk = Client(REMOTE_ADDR="192.0.2.10")
    assert attempt(desk, RIGHT).status_code == 302 and signed_in(desk)


def test_guessing_from_many_addresses_is_bounded_and_the_editor_still_signs_in_from_home(editor, settings):
    """LOGIN_ACCOUNT_FAILURE_LIMIT failures from all addresses pause the account for unfamiliar addresses; the
    editor's own address (signed in from before) still works."""
    settings.LOGIN_ACCOUNT_FAILURE_LIMIT = 30
    home = Client(REMOTE_ADDR="192.0.2.10")
    assert attempt(home, RIGHT).status_code == 302
    home.logout()
    codes = [attempt(Client(REMOTE_ADDR=f"198.51.100.{n}"), f"guess-{n}-{i}").status_code
             for n in range(5) for i in range(6)]
    assert codes.count(200) == 29 and codes[29] == 429  # the 30th failure pauses the account
    stranger = Client(REMOTE_ADDR="198.51.100.200")
    refused = attempt(stranger, RIGHT)  # the right password from a new address: refused
    assert refused.status_code == 429 and "from many addresses" in refused.content.decode()
    assert attempt(home, RIGHT).status_code == 302 and signed_in(home)


def test_spraying_many_accounts_from_one_address_pauses_that_address(editor, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 20
    sprayer = Client(REMOTE_ADDR="198.51.100.66")
    codes = [attempt(sprayer, "Summer2026!", username=f"user{n}").status_code for n in range(20)]
    assert codes == [200] * 19 + [429]
    refused = attempt(sprayer, RIGHT)  # any account, the right password too, from this address
    assert refused.status_code == 429 and "for one account or several" in refused.content.decode()
    assert attempt(Client(REMOTE_ADDR="192.0.2.10"), RIGHT).status_code == 302  # the editor, elsewhere


def test_a_spoofed_forwarded_for_header_buys_no_fresh_attempts(editor, settings):
    settings.NUM_PROXIES = 0
    client = Client(REMOTE_ADDR="203.0.113.5")
    for i in range(10):
        attempt(client, f"wrong-{i}", HTTP_X_FORWARDED_FOR=f"10.9.{i}.1")
    assert attempt(client, RIGHT, HTTP_X_FORWARDED_FOR="10.9.99.1").status_code == 429


def test_behind_one_proxy_the_address_the_proxy_saw_counts(editor, settings):
    """NUM_PROXIES=1: the proxy appends the real address; what the client put before it is ignored, and two
    clients behind the same proxy are counted apart."""
    settings.NUM_PROXIES = 1
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    for i in range(10):
        attempt(proxy, f"wrong-{i}", HTTP_X_FORWARDED_FOR=f"10.9.{i}.1, 203.0.113.5")
    assert attempt(proxy, RIGHT, HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.5").status_code == 429
    assert attempt(proxy, RIGHT, HTTP_X_FORWARDED_FOR="192.0.2.10").status_code == 302
    from axes.models import AccessAttempt

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}


def test_a_success_clears_the_failures_so_far(editor):
    client = Client(REMOTE_ADDR="203.0.113.5")
    for i in range(9):
        attempt(client, f"typo-{i}")
    assert attempt(client, RIGHT).status_code == 302
    client.logout()
    for i in range(9):
        assert attempt(client, f"typo-again-{i}").status_code == 200
    assert attempt(client, RIGHT).status_code == 302


def test_the_limit_and_cool_off_come_from_the_environment():
    from tests.test_settings import run_manage

    code = ("from django.conf import settings; "
            "print(settings.AXES_FAILURE_LIMIT, settings.AXES_COOLOFF_TIME.total_seconds(), settings.NUM_PROXIES, "
            "settings.REST_FRAMEWORK['NUM_PROXIES'])")
    result = run_manage("shell", "--no-imports", "-c", code,
                        env_extra={"LOGIN_FAILURE_LIMIT": "4", "LOGIN_COOLOFF_MINUTES": "2", "NUM_PROXIES": "2"})
    assert result.stdout.split() == ["4", "120.0", "2", "2"], result.stderr
