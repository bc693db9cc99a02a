"""Streaming CSV and JSON exports of any list, with the same filters as its page.

Rows are read with `.iterator(chunk_size=…)` (topics prefetched per chunk), so memory stays flat however
many statements match. Cells starting with = + - @ are prefixed with ' so spreadsheets do not run them.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import slugify

CHUNK = 500
FORMATS = ("csv", "json")


class _Echo:
    def write(self, value):
        return value


def _cell(value):
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv_lines(fields: list[str], rows: Iterable[dict]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(fields)
    for row in rows:
        yield writer.writerow([_cell(row[f]) for f in fields])


def _json_chunks(rows: Iterable[dict]) -> Iterator[str]:
    yield "["
    first = True
    for row in rows:
        yield ("\n" if first else ",\n") + json.dumps(row, ensure_ascii=False, default=str)
        first = False
    yield "\n]\n"


BOM = "\ufeff"  # tells spreadsheet programs (Excel) the CSV is UTF-8; `?bom=1` adds it


def wants_bom(request) -> bool:
    return request.GET.get("bom", "").strip().lower() in ("1", "true", "yes")


def export_filename(base: str, *parts) -> str:
    """A download's name after what it holds, safe characters only (ASCII letters, digits, hyphens), with the
    day it was made: export_filename("statements", "gordon-brown", "Economy") -> statements-gordon-brown-economy-2026-12-07."""
    words = [slugify(str(part)) for part in parts if part not in (None, "")]
    name = "-".join([base, *(word for word in words if word)])[:100].rstrip("-")
    return f"{name}-{timezone.localdate().isoformat()}"


def stream(rows: Iterable[dict], fields: list[str], fmt: str, filename: str, *, bom: bool = False) -> StreamingHttpResponse:
    if fmt == "csv":
        lines = _csv_lines(fields, rows)
        if bom:
            lines = _prefixed(BOM, lines)
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(_json_chunks(rows), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def _prefixed(first: str, lines: Iterator[str]) -> Iterator[str]:
    yield first
    yield from lines


def bad_request(errors) -> HttpResponse:
    lines = [f"{field}: {' '.join(messages)}" for field, messages in errors.items()]
    return HttpResponse("Bad filter parameters\n" + "\n".join(lines) + "\n", status=400, content_type="text/plain")


def export_list(request, fmt, form, rows, fields, filename):
    """A filtered list as CSV or JSON: 404 for another format, 400 naming bad filters, else streamed rows.

    `rows(form, absolute_url)` yields the export rows of the list the valid `form` describes; the file is named
    `filename` followed by the filters' text values and the day (export_filename); `?bom=1` starts a CSV with a BOM.
    """
    if fmt not in FORMATS:
        raise Http404("Exports are csv or json.")
    if not form.is_valid():
        return bad_request(form.errors)
    parts = [value for value in form.cleaned_data.values() if isinstance(value, str)]
    return stream(rows(form, request.build_absolute_uri), fields, fmt, export_filename(filename, *parts),
                  bom=wants_bom(request))
