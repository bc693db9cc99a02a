"""Latency of the editors' admin pages on a large database (see bench/scale_data.py): the review queue, a
statement search, an actor search, a statement's change page and the two autocompletes.

    .venv/bin/python bench/admin_pages.py --db st_perf [--n 5]

Requests go through Django's test Client in this process, signed in as a superuser the script creates in that
database (`bench-admin`), DEBUG off, as bench/web.py does. Each page is requested once to warm up, then --n
times; the median in ms is printed with the page's size.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.web import setup  # noqa: E402


def pages(statement_pk: int) -> list[tuple[str, str]]:
    speaker = "term=vol&app_label=statements&model_name=statement&field_name=speaker"
    topic = "term=eco&app_label=statements&model_name=statement&field_name=topics"
    return [
        ("review queue", "/admin/statements/statement/?queue=1"),
        ("statement search", "/admin/statements/statement/?q=government"),
        ("actor search", "/admin/actors/actor/?q=volkov"),
        ("statement change page", f"/admin/statements/statement/{statement_pk}/change/"),
        ("speaker autocomplete", f"/admin/actors/actor/autocomplete/?{speaker}"),
        ("topic filter autocomplete", f"/admin/autocomplete/?{topic}"),
    ]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="st_perf")
    ap.add_argument("--n", type=int, default=5)
    args = ap.parse_args(argv)
    setup(args.db)
    from django.contrib.auth.models import User
    from django.test import Client

    from statements.models import Statement

    user = User.objects.filter(username="bench-admin").first() or User.objects.create_superuser(
        "bench-admin", "bench@example.invalid", None)
    client = Client()
    client.force_login(user)
    last = Statement.objects.order_by("-id").values_list("pk", flat=True).first()
    print(f"{Statement.objects.count():,} statements in {args.db}")
    for name, url in pages(last):
        response = client.get(url)
        if response.status_code != 200:  # a page this version of the code does not have
            print(f"{name:28} HTTP {response.status_code}")
            continue
        times = []
        for _ in range(args.n):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        print(f"{name:28} {statistics.median(times):8.1f} ms  {len(response.content) // 1024:4d} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
