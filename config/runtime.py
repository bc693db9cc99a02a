"""Process set-up for the web entry points (config/wsgi.py), and for the benchmarks that stand in for them."""
from __future__ import annotations

import gc

# Allocations between two youngest-generation collections (Python's default: 700). A full collection comes
# after 100 of these, so it also sets how often every surviving object is walked again.
YOUNG_GENERATION_THRESHOLD = 10_000


def tune_garbage_collector() -> None:
    """Load the URLconf (every view, serializer and form), put everything loaded so far out of the garbage
    collector's reach, and collect less often.

    A full collection walks every object the collector tracks. With Django, DRF and the app loaded that is
    ~120,000 objects, plus what the process caches later (the ranked lists behind the actor and topic pages),
    and it was paid by whichever request triggered it: one API list request in 20 took 40-95 ms more (p95 44 ms
    against a p50 of 18; `bench/web.py`, 300 requests with the collector's own callbacks counting). What is
    loaded at start-up lives as long as the process and is never garbage, so it is frozen once (gc.freeze); and
    with collections 14x rarer, a full one fell on 1 request in 300 (p95 21 ms). Request handling makes little
    cyclic garbage, so memory hardly grows for it.
    """
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports the views now rather than on the first request
    gc.collect()
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, middle, oldest)
