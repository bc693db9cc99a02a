"""Every kind of page in real headless Chromium: a Content-Security-Policy header that forbids inline script,
no CSP violation while the page loads and runs, and no href/src/action with a scheme other than http(s) (or a
relative one), even for a source whose stored URL is `javascript:` (a row from before the URL check).
"""
import json
import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import User

from statements.models import Source
from tests.conftest import OUTPUT
from tests.factories import StatementFactory
from tests.pages.builders import PAYLOAD, hostile_world, lavrov_world

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password-9"
STORED_XSS = "javascript:alert(document.domain)"

# Every attribute that makes the browser navigate to or load an address, read from the live DOM.
ADDRESSES = """() => {
  const out = [];
  for (const el of document.querySelectorAll('[href], [src], [action], [formaction], [srcset], [data], [poster]')) {
    for (const name of ['href', 'src', 'action', 'formaction', 'poster', 'data']) {
      const value = el.getAttribute(name);
      if (value !== null) out.push([el.tagName.toLowerCase(), name, value]);
    }
  }
  return out;
}"""
SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def bad_addresses(found) -> list:
    """Addresses with a scheme other than http(s); relative ones ("/x", "?q", "#a", "x.html") are fine."""
    bad = []
    for tag, name, value in found:
        value = re.sub(r"[\t\n\r]", "", value)  # browsers drop these inside a URL ("java\tscript:")
        match = SCHEME.match(value)
        if match and match.group(1).lower() not in ("http", "https"):
            bad.append((tag, name, value[:80]))
    return bad


@pytest.fixture
def world(transactional_db):
    hostile = hostile_world()
    lavrov = lavrov_world(3)
    Source.objects.filter(pk=hostile["source"].pk).update(url=STORED_XSS)  # stored before uploads checked URLs
    Source.objects.filter(pk=lavrov["source"].pk).update(url="https://sana.example/en/?p=1")
    User.objects.create_superuser("chief", "chief@example.com", PASSWORD)
    StatementFactory(speaker=None, speaker_mention=PAYLOAD, source_type="document")  # for the unresolved queue
    return {**hostile, "lavrov": lavrov}


def pages(world) -> list[str]:
    hostile, lavrov = world["source"], world["lavrov"]["source"]
    statement = world["lavrov"]["statements"][0]
    return [
        "/", "/?period=all", "/search/?q=budget", "/actors/", "/actors/sergey-lavrov/", "/topics/",
        "/topics/sanctions/", "/sources/", f"/sources/{hostile.pk}/", f"/sources/{lavrov.pk}/",
        f"/statements/{statement.pk}/", f"/statements/{world['statement'].pk}/", "/ingest/upload/",
        f"/ingest/status/?ids={hostile.pk},{lavrov.pk}",
        "/admin/", "/admin/statements/source/", f"/admin/statements/source/{hostile.pk}/change/",
        f"/admin/statements/source/{lavrov.pk}/change/", "/admin/statements/source/add/",
        "/admin/statements/statement/", f"/admin/statements/statement/{statement.pk}/change/",
        "/admin/actors/actor/", f"/admin/actors/actor/{world['lavrov']['lavrov'].pk}/change/",
        f"/admin/statements/statement/{statement.pk}/history/", f"/admin/statements/source/{lavrov.pk}/history/",
        "/admin/statements/unresolvedspeaker/",
        "/admin/statements/unresolvedspeaker/group/?" + urlencode({"key": PAYLOAD.lower()}),
        "/alerts/new/?actor=sergey-lavrov&q=sanctions", "/admin/alerts/alert/", "/admin/alerts/alertmatch/",
        "/api/docs/", "/api/redoc/",
    ]


def log_in(page):
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


# The one violation the policy is meant to cause: ReDoc's bundle shows Redocly's logo from their CDN (no local
# copy can replace it); the policy blocks the outside request and ReDoc hides the image.
EXPECTED_BLOCKS = {"/api/redoc/": "https://cdn.redoc.ly/redoc/logo-mini.svg"}
RENDERED = {  # what a page's own scripts must have drawn: the API docs render the schema's operations
    "/api/docs/": ".opblock",
    "/api/redoc/": "[data-section-id^='operation/']",
}


def settle(page, path) -> str:
    """Wait until a page's own scripts have done their work; what did not render, or ""."""
    page.wait_for_load_state("load")
    if path in RENDERED:
        try:
            page.locator(RENDERED[path]).first.wait_for(state="attached", timeout=20_000)
        except Exception:  # noqa: BLE001 - reported with the page's other problems
            return f"{RENDERED[path]} never rendered"
    page.wait_for_timeout(150)
    return ""


def test_every_page_has_a_strict_csp_no_violation_and_no_unsafe_address(page, world, live_server):
    page.context.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on("console", lambda message: console.append(message.text) if message.type in ("error", "warning") else None)
    problems = {}
    response = page.goto("/admin/login/")  # the login page too, before signing in
    policies = {"/admin/login/": response.headers.get("content-security-policy", "")}
    problems.update({"/admin/login/": bad} if (bad := bad_addresses(page.evaluate(ADDRESSES))) else {})
    log_in(page)
    for path in pages(world):
        console.clear()
        response = page.goto(path, wait_until="domcontentloaded")
        assert response.status == 200, (path, response.status)
        policies[path] = response.headers.get("content-security-policy", "")
        rendered = settle(page, path)
        expected = EXPECTED_BLOCKS.get(path, "no violation expected")
        found = {
            "rendered": rendered,
            "addresses": bad_addresses(page.evaluate(ADDRESSES)),
            "violations": [v for v in page.evaluate("window.__csp") if not v.startswith(f"img-src blocked {expected} ")],
            "console": sorted({
                text[:160] for text in console
                if ("Content Security Policy" in text or "Refused to" in text) and f"'{expected}'" not in text
            }),
        }
        if any(found.values()):
            problems[path] = {k: v for k, v in found.items() if v}
    for path, policy in policies.items():
        directives = dict((d.strip().split(" ", 1) + [""])[:2] for d in policy.split(";") if d.strip())
        if not (
            directives.get("script-src") == "'self'" and directives.get("object-src") == "'none'"
            and directives.get("frame-ancestors") == "'none'" and directives.get("form-action") == "'self'"
            and "base-uri" in directives
        ):
            problems.setdefault(path, {})["policy"] = policy or "no Content-Security-Policy header"
    assert not page.dialogs, page.dialogs
    if problems:
        OUTPUT.mkdir(exist_ok=True)
        (OUTPUT / "csp-problems.json").write_text(json.dumps(problems, indent=1))
    assert not problems, problems


def test_the_original_link_is_there_for_http_and_not_for_javascript(page, world, live_server):
    page.goto(f"/sources/{world['lavrov']['source'].pk}/")
    original = page.locator("dl.facts a[rel~=noopener]")
    assert original.get_attribute("href") == "https://sana.example/en/?p=1"
    page.goto(f"/sources/{world['source'].pk}/")
    assert STORED_XSS in page.inner_text("dl.facts")  # shown as text, so an editor sees what is stored
    assert page.locator("dl.facts a[rel~=noopener]").count() == 0
    assert page.locator(f"a[href^='javascript']").count() == 0
