"""Streaming CSV and JSON exports of any list, with the same filters as its page.

Rows are read with `.iterator(chunk_size=…)` (topics prefetched per chunk), so memory stays flat however
many statements match. Cells starting with = + - @ are prefixed with ' so spreadsheets do not run them.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator

from django.http import Http404, HttpResponse, StreamingHttpResponse

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


def stream(rows: Iterable[dict], fields: list[str], fmt: str, filename: str) -> StreamingHttpResponse:
    if fmt == "csv":
        response = StreamingHttpResponse(_csv_lines(fields, rows), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(_json_chunks(rows), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def bad_request(errors) -> HttpResponse:
    lines = [f"{field}: {' '.join(messages)}" for field, messages in errors.items()]
    return HttpResponse("Bad filter parameters\n" + "\n".join(lines) + "\n", status=400, content_type="text/plain")


def export_list(request, fmt, form, rows, fields, filename):
    """A filtered list as CSV or JSON: 404 for another format, 400 naming bad filters, else streamed rows.

    `rows(form, absolute_url)` yields the export rows of the list the valid `form` describes.
    """
    if fmt not in FORMATS:
        raise Http404("Exports are csv or json.")
    if not form.is_valid():
        return bad_request(form.errors)
    return stream(rows(form, request.build_absolute_uri), fields, fmt, filename)
