"""The API's JSON parser: refuses bodies nested deeper than settings.API_MAX_JSON_DEPTH before parsing them.

Python's json module parses recursively, so `[` x 100,000 raised RecursionError (a 500) before any of our code
saw the data. The depth is measured first, in a few linear passes done in C (regular expressions and
itertools), with no recursion: escapes are dropped, then strings, then everything that is not a bracket; the
running sum of the brackets left is the nesting depth. Only a body within the limit is handed to json.
"""
from __future__ import annotations

import codecs
import re
from itertools import accumulate

from django.conf import settings
from rest_framework import parsers
from rest_framework.exceptions import ParseError
from rest_framework.utils import json

_ESCAPE = re.compile(r"\\.", re.S)  # inside a string: \" \\ \n \uXXXX (its first two characters suffice)
_STRING = re.compile(r'"[^"]*"')  # once escapes are gone a string holds no quote
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest in a JSON text (0 for a scalar), without parsing it.

    For text that is not valid JSON the figure may be off (an unterminated string counts the brackets after
    it); json refuses such text anyway, and never descends past what was counted before the error."""
    structure = _NOT_BRACKET.sub("", _STRING.sub("", _ESCAPE.sub("", text)))
    return max(accumulate(map(_STEP.__getitem__, structure)), default=0)


def check_json_depth(text: str, *, limit: int | None = None, what: str = "The JSON body") -> None:
    """Raise ParseError (a 400 in the API's error shape) when `text` nests deeper than the limit."""
    limit = settings.API_MAX_JSON_DEPTH if limit is None else limit
    if text.count("[") + text.count("{") > limit and json_depth(text) > limit:
        raise ParseError(f"{what} nests arrays and objects more than {limit} levels deep; this API needs at most 2.")


class JSONParser(parsers.JSONParser):
    """DRF's JSONParser (REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]), with the depth checked before parsing."""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = parsers.get_encoding(parser_context or {})
        try:
            text = codecs.getreader(encoding)(stream).read()
        except ValueError as exc:  # undecodable bytes
            raise ParseError(f"JSON parse error - {exc}") from exc
        check_json_depth(text)
        try:
            return json.loads(text, parse_constant=json.strict_constant if self.strict else None)
        except ValueError as exc:
            raise ParseError(f"JSON parse error - {exc}") from exc
        except RecursionError as exc:  # cannot happen within the limit; never a 500 if it does
            raise ParseError("The JSON body nests too deeply.") from exc
