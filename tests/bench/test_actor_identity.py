"""bench/actor_identity.py: likely-duplicate pairs joined into groups."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import actor_identity  # noqa: E402


def test_pairs_join_into_groups_largest_first():
    groups = actor_identity.groups_of([(1, 2), (3, 4), (2, 5), (6, 7), (7, 3)])
    assert groups == [{3, 4, 6, 7}, {1, 2, 5}]
    assert actor_identity.groups_of([]) == []


def test_compare_lists_merges_and_splits_of_statements_at_the_same_place():
    before = {"a.txt": {"10": [1, "Rence Priebus"], "50": [2, "Reince Priebus"], "90": [3, "Obama"]},
              "b.txt": {"5": [3, "Obama"], "7": [None, None]}}
    after = {"a.txt": {"10": [2, "Reince Priebus"], "50": [2, "Reince Priebus"], "90": [4, "Barack Obama"]},
             "b.txt": {"5": [3, "Obama"], "7": [2, "Reince Priebus"]}}
    result = actor_identity.compare_dumps(before, after)
    assert result["merges"] == {"Reince Priebus #2": ["Reince Priebus #2", "Rence Priebus #1"]}
    assert result["splits"] == {"Obama #3": ["Barack Obama #4", "Obama #3"]}
    assert result["statements_renamed_or_moved"] == 2
