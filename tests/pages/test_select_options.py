"""The filter form's <option>s (browse.select_options): values, counts, the selected one, everything escaped."""
from statements.templatetags.browse import select_options


def test_topic_options_with_counts_and_the_selected_one():
    topics = [{"slug": "war", "name": "War", "n": 12}, {"slug": "tax", "name": "Tax <b>", "n": 3}]
    html = select_options(topics, "tax", value="slug", label="name", count="n")
    assert html == '<option value="war">War (12)</option><option value="tax" selected>Tax &lt;b&gt; (3)</option>'


def test_plain_options_use_the_choice_as_text():
    html = select_options(["SANA", 'A "quoted" & co'], 'A "quoted" & co')
    assert html == "<option>SANA</option><option selected>A &quot;quoted&quot; &amp; co</option>"


def test_nothing_selected_without_a_value():
    assert "selected" not in select_options(["SANA"], None)
