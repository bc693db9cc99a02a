"""The editors' admin in Chromium (issue 21): the span is set by selecting words with the mouse, a new speaker
brings their own roles, the topic filter is an autocomplete, and the pages raise no CSP violation.

Screenshots: test-output/screenshots/admin-scale-*.png.
"""
import datetime as dt

import pytest
from playwright.sync_api import expect

from actors.models import Role
from statements.models import Statement
from tests.admin.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE = ("Lavrov meets Wang Yi\n\nRussian Foreign Minister Sergey Lavrov said that the budget would be balanced "
           "next year. Zakharova added that the talks were useful and would go on.")

# The screen rectangle of `words` inside the span editor's text, found with a DOM Range over its text nodes.
WORDS_RECT = """(words) => {
  const box = document.querySelector('.span-editor .statement-context');
  const text = box.textContent, at = text.indexOf(words);
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  let seen = 0, range = document.createRange(), node, started = false;
  while ((node = walker.nextNode())) {
    const len = node.textContent.length;
    if (!started && at < seen + len) { range.setStart(node, at - seen); started = true; }
    if (started && at + words.length <= seen + len) { range.setEnd(node, at + words.length - seen); break; }
    seen += len;
  }
  const rects = range.getClientRects(), first = rects[0], last = rects[rects.length - 1];
  return {x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2};
}"""


def test_span_by_selection_and_roles_follow_the_speaker(page, shoot, editor, actor_factory, source_factory,
                                                        statement_factory):
    wrong = actor_factory(name="Maria Zakharova", slug="maria-zakharova")
    wrong_role = Role.objects.create(actor=wrong, title="Foreign Minister", organization_name="Russia")
    right = actor_factory(name="Sergey Lavrov", slug="sergey-lavrov")
    Role.objects.create(actor=right, title="Ambassador to the UN", end_date=dt.date(2004, 3, 9),
                        start_date=dt.date(1994, 1, 1))
    right_role = Role.objects.create(actor=right, title="Foreign Minister", organization_name="Russia")
    Role.objects.create(actor=actor_factory(name="Usain Bolt"), title="100m champion")
    source = source_factory(text=ARTICLE, title="Lavrov meets Wang Yi")
    start = ARTICLE.index("the budget")
    statement = statement_factory(source=source, speaker=wrong, speaker_role=wrong_role,
                                  content_start=start, content_end=start + len("the budget"))
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)

    sign_in(page, editor)
    page.goto(f"/admin/statements/statement/{statement.pk}/change/")
    assert page.locator(".span-editor mark.statement-span").inner_text() == "the budget"
    options = page.locator("#id_speaker_role option").all_inner_texts()
    assert "Foreign Minister (Russia)" in options and "100m champion" not in options

    # select more words with the mouse: the offsets follow, the highlight too
    page.locator(".span-editor").scroll_into_view_if_needed()
    rect = page.evaluate(WORDS_RECT, "the budget would be balanced next year")
    page.mouse.move(rect["x1"], rect["y1"])
    page.mouse.down()
    page.mouse.move(rect["x2"], rect["y2"], steps=8)
    page.mouse.up()
    expected = (start, ARTICLE.index(" next year") + len(" next year"))
    assert (int(page.input_value("#id_content_start")), int(page.input_value("#id_content_end"))) == expected
    assert page.locator(".span-editor mark.statement-span").inner_text() == "the budget would be balanced next year"
    assert page.locator(".field-content .readonly").inner_text() == "the budget would be balanced next year"

    # choose the right speaker: the role list becomes his, his "Foreign Minister" selected
    page.click(".field-speaker .select2-selection")
    page.fill(".select2-container--open .select2-search__field", "Lavrov")
    result = page.locator(".select2-results__option", has_text="Sergey Lavrov")
    assert result.inner_text() == "Sergey Lavrov · person · Foreign Minister (Russia) · 0 statements"
    result.click()
    expect(page.locator("#id_speaker_role")).to_have_value(str(right_role.pk))
    options = page.locator("#id_speaker_role option").all_inner_texts()
    assert sorted(options) == sorted(["---------", "Foreign Minister (Russia)", "Ambassador to the UN"])
    shoot(page, "admin-scale-1-span-and-role")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist")
    statement.refresh_from_db()
    assert (statement.speaker, statement.speaker_role) == (right, right_role)
    assert (statement.content_start, statement.content_end) == expected
    assert statement.content == "the budget would be balanced next year"
    assert statement.review_status == Statement.ReviewStatus.CORRECTED

    # a bad span: one message
    page.goto(f"/admin/statements/statement/{statement.pk}/change/")
    page.fill("#id_content_end", "100000")
    page.click("input[name=_continue]")
    page.wait_for_selector(".errornote")
    assert page.locator(".errorlist li").count() == 1
    assert "must lie inside the source text" in page.locator(".errorlist").inner_text()
    assert violations == []


def test_topic_filter_is_an_autocomplete_on_a_list_not_squeezed(page, shoot, editor, statement_factory, topic_factory,
                                                                source_factory):
    budget = topic_factory(name="Budget")
    statement_factory().topics.add(budget)
    statement_factory(source=source_factory()).topics.add(*[topic_factory(name=f"Quiet {n}") for n in range(60)])
    sign_in(page, editor)
    page.goto("/admin/statements/statement/?queue=1")
    assert page.locator("#changelist-filter a", has_text="Quiet 1").count() == 0
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 2500, height
    content_width = page.evaluate("document.querySelector('#result_list th.field-excerpt, #result_list td.field-excerpt')"
                                  ".getBoundingClientRect().width")
    assert content_width >= 300, content_width  # the statement's words get a readable column
    filter_box = page.locator("#changelist-filter .select2-selection").first
    filter_box.click()
    page.fill(".select2-container--open .select2-search__field", "budg")
    page.locator(".select2-results__option", has_text="Budget").click()
    page.wait_for_url(f"**topics__id__exact={budget.pk}**")
    assert page.locator("#result_list tbody tr").count() == 1
    shoot(page, "admin-scale-2-topic-filter")
