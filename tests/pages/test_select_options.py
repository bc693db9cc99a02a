"""The filter form's <option>s (browse.select_options): values, counts, the selected one, everything escaped."""
import pytest

from browse.forms import StatementFilterForm
from statements.templatetags.browse import filter_select, select_options


def test_topic_options_with_counts_and_the_selected_one():
    topics = [{"slug": "war", "name": "War", "n": 12}, {"slug": "tax", "name": "Tax <b>", "n": 3}]
    html = select_options(topics, "tax", value="slug", label="name", count="n")
    assert html == '<option value="war">War (12)</option><option value="tax" selected>Tax &lt;b&gt; (3)</option>'


def test_plain_options_use_the_choice_as_text():
    html = select_options(["SANA", 'A "quoted" & co'], 'A "quoted" & co')
    assert html == "<option>SANA</option><option selected>A &quot;quoted&quot; &amp; co</option>"


def test_nothing_selected_without_a_value():
    assert "selected" not in select_options(["SANA"], None)


def _options(html):
    """(value, text, selected) of each <option> in `html`."""
    import re

    return [(value, text, bool(selected)) for value, selected, text in
            re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', html)]


@pytest.mark.parametrize("name", ["kind", "source_type", "review_status", "period", "order", "per_page"])
@pytest.mark.parametrize("data", [{}, {"kind": "direct", "source_type": "unnamed", "review_status": "verified",
                                       "period": "30d", "order": "oldest", "per_page": "50"}, {"kind": "shouting"}])
def test_a_filter_select_offers_what_the_form_widget_does(name, data):
    form = StatementFilterForm(data)
    html = filter_select(form, name)
    assert html.startswith(f'<select name="{name}" id="id_{name}">')
    assert _options(html) == _options(str(form[name]).replace("\n", "").replace("  ", "")), name
    assert len(_options(html)) == len(form.fields[name].choices)


def test_a_filter_select_of_facets_offers_any_and_the_counted_values():
    form = StatementFilterForm({"kind": "mixed"})
    counted = [{"value": "direct", "name": "Direct quote", "n": 3}, {"value": "mixed", "name": "Mixed", "n": 0}]
    assert _options(filter_select(form, "kind", counted)) == [
        ("", "Any", False), ("direct", "Direct quote (3)", False), ("mixed", "Mixed (0)", True)]
