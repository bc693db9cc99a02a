"""The rows of the actors export (browse.exports streams them)."""
from __future__ import annotations

from collections.abc import Callable, Iterator

from browse.exports import CHUNK

ACTOR_FIELDS = ["name", "slug", "kind", "statements", "permalink"]


def actor_rows(actors, absolute: Callable[[str], str]) -> Iterator[dict]:
    for a in actors.iterator(chunk_size=CHUNK):
        yield {"name": a.name, "slug": a.slug, "kind": a.kind, "statements": a.n,
               "permalink": absolute(a.get_absolute_url())}
