"""bench/actor_identity.py: likely-duplicate pairs joined into groups."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import actor_identity  # noqa: E402


def test_pairs_join_into_groups_largest_first():
    groups = actor_identity.groups_of([(1, 2), (3, 4), (2, 5), (6, 7), (7, 3)])
    assert groups == [{3, 4, 6, 7}, {1, 2, 5}]
    assert actor_identity.groups_of([]) == []
