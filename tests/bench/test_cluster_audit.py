"""bench/cluster_audit.py's pure parts: distinctive phrases, the pair counts and the recall estimator."""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("cluster_audit", ROOT / "bench" / "cluster_audit.py")
audit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(audit)


def _row(sid, key, cluster, source, content):
    return {"id": sid, "key": key, "cluster": cluster, "source": source, "content": content}


def test_pairs_inside_clusters_count_only_pairs_across_sources():
    members = {1: [(10, 100), (11, 101), (12, 101)], 2: [(20, 100)], 3: [(30, 100), (31, 100)]}
    # cluster 1: three pairs, one of them inside source 101; cluster 3: both in one source
    assert audit.pairs_inside(members) == 2


def test_candidate_apart_pairs_need_a_shared_run_of_four_content_stems_same_speaker_other_cluster_and_source():
    line = "the harbour bridge tolls will double next spring"
    rows = [
        _row(1, "actor:1", 1, 100, f"We said {line}."),
        _row(2, "actor:1", 2, 101, f"that {line}, officials say"),         # a candidate with 1
        _row(3, "actor:2", 3, 102, line),                                   # another speaker
        _row(4, "actor:1", 1, 103, line),                                   # 1's own cluster
        _row(5, "actor:1", 5, 100, line),                                   # 1's own source
        _row(6, "actor:1", 6, 104, "the harbour bridge will close"),        # three stems only
        _row(7, "", 7, 105, line),                                          # no speaker
    ]
    pairs = audit.candidate_apart_pairs(rows)
    assert (1, 2) in pairs
    assert not [p for p in pairs if 3 in p or 6 in p or 7 in p]
    assert (1, 4) not in pairs and (1, 5) not in pairs
    assert (2, 4) in pairs and (2, 5) in pairs  # other clusters and sources than 2's


def test_recall_weighs_pairs_inside_by_precision_against_the_missed_share_of_candidates():
    figures = audit.estimate(clusters_judged=100, clusters_one=96, members_judged=250, members_wrong=5,
                             pairs_in=1000, candidates=400, apart_judged=100, apart_one=25)
    assert figures["precision"] == 0.96
    assert figures["member_precision"] == 0.98
    # T = 1000 x 0.96 = 960, M = 400 x 0.25 = 100
    assert figures["recall"] == pytest.approx(960 / 1060, abs=1e-4)
    low, high = figures["recall_interval_95"]
    assert low < figures["recall"] < high
    assert figures["goals"]["precision"]["met"] and figures["goals"]["recall"]["met"]
    worse = audit.estimate(clusters_judged=100, clusters_one=96, members_judged=250, members_wrong=5,
                           pairs_in=1000, candidates=400, apart_judged=100, apart_one=60)
    assert worse["recall"] < 0.85 and not worse["goals"]["recall"]["met"]
