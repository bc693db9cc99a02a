"""common.links.reverse_one gives exactly what reverse() gives, under any script prefix."""
import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from common.links import reverse_one, url_maker


@pytest.mark.parametrize("view, kwargs", [
    ("statements:detail", {"pk": 7}), ("statements:detail", {"pk": 123456789}), ("statements:source", {"pk": 1}),
    ("statements:topic", {"slug": "foreign-policy"}), ("actors:detail", {"slug": "sergey-lavrov-2"}),
    ("api:statement-detail", {"pk": 42}),
])
def test_same_url_as_reverse(view, kwargs):
    assert reverse_one(view, **kwargs) == reverse(view, kwargs=kwargs)


def test_script_prefix_is_kept_apart():
    try:
        set_script_prefix("/tracker/")
        assert reverse_one("statements:detail", pk=5) == "/tracker/statements/5/" == reverse("statements:detail", kwargs={"pk": 5})
    finally:
        set_script_prefix("/")
    assert reverse_one("statements:detail", pk=5) == "/statements/5/"


def test_missing_value_fails_like_reverse():
    with pytest.raises(NoReverseMatch):
        reverse_one("statements:detail", pk=None)


@pytest.mark.parametrize("view, name, values", [
    ("statements:detail", "pk", [7, 123456789]), ("statements:topic", "slug", ["foreign-policy", "a"]),
    ("actors:detail", "slug", ["sergey-lavrov-2"]),
])
def test_url_maker_gives_reverses_urls(view, name, values):
    make = url_maker(view, name)
    assert [make(v) for v in values] == [reverse(view, kwargs={name: v}) for v in values]


def test_url_maker_fails_on_a_missing_value_like_reverse():
    with pytest.raises(NoReverseMatch):
        url_maker("statements:detail", "pk")(None)


def test_url_maker_takes_the_script_prefix_of_when_it_was_made():
    try:
        set_script_prefix("/tracker/")
        make = url_maker("statements:detail", "pk")
    finally:
        set_script_prefix("/")
    assert make(5) == "/tracker/statements/5/"
    assert url_maker("statements:detail", "pk")(5) == "/statements/5/"
