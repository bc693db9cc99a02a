"""Links: which addresses may be put in an href, and reverse() for the links a page renders many times (each statement's, speaker's, source's, topics' URL).

Django's reverse() resolves the pattern, the script prefix and the language on every call: ~100 calls a list
page, a fifth of its rendering time. `reverse_one` reverses each pattern once (per URLconf and script prefix)
with a placeholder, splits the URL there and fills each value in, giving the same URL.
"""
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.urls import get_script_prefix, get_urlconf, reverse

HTTP_SCHEMES = ("http", "https")
http_url_validator = URLValidator(schemes=list(HTTP_SCHEMES))


def is_http_url(value) -> bool:
    """True for an absolute http(s) URL, safe in an href; False for javascript:, data:, file:, ftp: and the rest."""
    if not isinstance(value, str) or not value:
        return False
    try:
        http_url_validator(value)
    except ValidationError:
        return False
    return urlsplit(value).scheme.lower() in HTTP_SCHEMES


_PLACEHOLDER = "987654321987"
_templates: dict[tuple, tuple[str, str] | None] = {}


def _url_template(view_name: str, name: str) -> tuple[str, str] | None:
    """(prefix, suffix) around the value of `name` in view_name's URL, or None when the pattern does not hold the
    value verbatim; one reverse() per pattern, URLconf and script prefix."""
    key = (view_name, name, get_urlconf(), get_script_prefix())
    if key not in _templates:
        url = reverse(view_name, kwargs={name: _PLACEHOLDER})
        prefix, found, suffix = url.partition(_PLACEHOLDER)
        _templates[key] = (prefix, suffix) if found and _PLACEHOLDER not in suffix else None
    return _templates[key]


def reverse_one(view_name: str, **kwargs) -> str:
    """reverse(view_name, kwargs=kwargs) for exactly one kwarg whose value needs no quoting (an id, a slug)."""
    (name, value), = kwargs.items()
    if value is None or value == "":
        return reverse(view_name, kwargs=kwargs)  # raises NoReverseMatch as reverse() does
    template = _url_template(view_name, name)
    if template is None:  # a pattern that does not hold its value verbatim
        return reverse(view_name, kwargs=kwargs)
    return f"{template[0]}{value}{template[1]}"


def url_maker(view_name: str, name: str):
    """A function value -> reverse_one(view_name, name=value), with the pattern, URLconf and script prefix
    looked up once: for a loop over one page's rows (make one per request, not one per process)."""
    template = _url_template(view_name, name)
    if template is None:
        return lambda value: reverse_one(view_name, **{name: value})
    prefix, suffix = template
    return lambda value: f"{prefix}{value}{suffix}" if value is not None and value != "" else reverse_one(
        view_name, **{name: value})
