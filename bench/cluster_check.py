"""Are the clusters bench/scale_data.py wrote the ones incremental assignment would give? (issue 23)

    .venv/bin/python bench/cluster_check.py --db st_perf_hclbench [--n 150]

In transactions rolled back (the database is left as it was): N random statements of clusters of two or more are
taken out and assigned again (statements.clustering.services.recluster): each should find its own cluster; N
random singletons the same: none should join another; the fingerprints of 100 statements are compared with
text.fingerprints; refresh on 200 clusters should change neither their counts nor their first appearances.
"""
import argparse
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PG = os.environ.get("PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432")


def reassigned(ids: list[int]) -> list[tuple[int, int, int]]:
    """(statement, cluster before, size of the cluster it is in after being assigned again), each rolled back."""
    from django.db import transaction

    from statements.clustering import services
    from statements.models import Statement

    found = []
    for sid in ids:
        with transaction.atomic():
            old = Statement.objects.get(pk=sid).cluster_id
            services.recluster(statement_ids=[sid])
            s = Statement.objects.select_related("cluster").get(pk=sid)
            found.append((sid, old, s.cluster_id, s.cluster.statement_count))
            transaction.set_rollback(True)
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="st_perf_hclbench")
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    os.environ.update(DATABASE_URL=f"{PG}/{args.db}", DJANGO_SETTINGS_MODULE="config.settings.local")
    import django

    django.setup()
    from django.db import transaction

    from statements.clustering import services, text
    from statements.models import Cluster, Fingerprint, Statement

    rng = random.Random(args.seed)
    top = Statement.objects.order_by("-id").values_list("id", flat=True).first()

    def sample(size_filter, n):
        picked = []
        while len(picked) < n:
            ids = [rng.randint(1, top) for _ in range(4 * n)]
            picked += list(Statement.objects.filter(pk__in=ids, **size_filter).values_list("id", flat=True))
        return picked[:n]

    copies = reassigned(sample({"cluster__statement_count__gte": 2}, args.n))
    print(f"members of clusters of 2+ assigned again to their own cluster: {sum(o == n for _, o, n, _ in copies)}"
          f"/{len(copies)}")
    singles = reassigned(sample({"cluster__statement_count": 1}, args.n))
    print(f"singletons assigned again that joined another cluster: {sum(size > 1 for *_, size in singles)}"
          f"/{len(singles)}")
    same = 0
    some = Statement.objects.filter(pk__in=sample({}, 100))
    for s in some:
        key = services.speaker_key(speaker_id=s.speaker_id, speaker_mention=s.speaker_mention)
        stored = set(Fingerprint.objects.filter(statement_id=s.pk).values_list("value", flat=True))
        same += stored == text.fingerprints(s.content, speaker_key=key)
    print(f"stored fingerprints equal to text.fingerprints: {same}/{len(some)}")
    ids = list(Statement.objects.filter(pk__in=sample({"cluster__statement_count__gte": 2}, 200))
               .values_list("cluster_id", flat=True))

    def state():
        return ({c.pk: (c.first_statement_id, c.statement_count, c.source_count, c.publisher_count)
                 for c in Cluster.objects.filter(pk__in=ids)},
                set(Statement.objects.filter(cluster_id__in=ids, is_first_appearance=True).values_list("id", flat=True)))

    before = state()
    with transaction.atomic():
        services.refresh(ids)
        after = state()
        transaction.set_rollback(True)
    print(f"clusters that refresh leaves as they were (counts, first statement): "
          f"{sum(before[0][k] == after[0].get(k) for k in before[0])}/{len(before[0])}; "
          f"first-appearance flags unchanged: {before[1] == after[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
