"""Writes about clusters: statements join or open clusters as they are stored, incrementally (a new article is
compared only with the statements its fingerprints find, never with the whole corpus); a cluster's first
appearance and counts follow its members; reprints are marked; editors split and merge.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection, models, transaction
from django.db.models import Q
from rapidfuzz import fuzz

from ..models import Cluster, ClusterDecision, Fingerprint, Source, Statement
from . import text

# A statement is compared with at most this many candidates (the ones sharing most fingerprints): a line repeated
# in hundreds of articles is found through any of its copies, which all belong to the same cluster.
MAX_CANDIDATES = 40

_MEMBER_FIELDS = ("id", "cluster_id", "source_id", "content", "content_start", "content_end", "speaker_id",
                  "speaker_mention")


def speaker_key(*, speaker_id: int | None, speaker_mention: str) -> str:
    """Whose utterance: the actor, else the speaker's words ("a White House spokesman"); "" when neither (such a
    statement is clustered with nobody)."""
    if speaker_id:
        return f"actor:{speaker_id}"
    words = text.normalized(speaker_mention)
    return f"words:{words}"[:520] if words else ""


@dataclass
class _Member:
    """What assignment needs of a statement, new or already clustered."""

    id: int
    cluster_id: int | None
    source_id: int
    start: int
    end: int
    content: str
    key: str


def _member(statement) -> _Member:
    get = statement.get if isinstance(statement, dict) else lambda name: getattr(statement, name)
    return _Member(id=get("id"), cluster_id=get("cluster_id"), source_id=get("source_id"),
                   start=get("content_start"), end=get("content_end"), content=get("content"),
                   key=speaker_key(speaker_id=get("speaker_id"), speaker_mention=get("speaker_mention")))


class _Decisions:
    """Editors' together/apart decisions that bind some statements, by place (source and overlapping span);
    `load` reads those of more sources as they are needed."""

    def __init__(self, source_ids: Iterable[int]):
        self.rows: list[ClusterDecision] = []
        self.loaded: set[int] = set()
        self.load(source_ids)

    def load(self, source_ids: Iterable[int]) -> None:
        ids = set(source_ids) - self.loaded
        if ids:
            known = {d.pk for d in self.rows}
            self.rows += [d for d in ClusterDecision.objects.filter(Q(source_a_id__in=ids) | Q(source_b_id__in=ids))
                          if d.pk not in known]
            self.loaded |= ids

    @staticmethod
    def _at(member: _Member, source_id: int, start: int, end: int) -> bool:
        return member.source_id == source_id and member.start < end and start < member.end

    def others(self, member: _Member, kind: str) -> list[tuple[int, int, int]]:
        """The places (source, start, end) an editor said `member` is (together) or is not (apart) one with."""
        found = []
        for d in self.rows:
            if d.kind != kind:
                continue
            if self._at(member, d.source_a_id, d.start_a, d.end_a):
                found.append((d.source_b_id, d.start_b, d.end_b))
            if self._at(member, d.source_b_id, d.start_b, d.end_b):
                found.append((d.source_a_id, d.start_a, d.end_a))
        return found

    def between(self, group_a: list[_Member], group_b: list[_Member], kind: str) -> list[ClusterDecision]:
        """The decisions of this kind binding a place of group_a to a place of group_b."""
        def within(group, source_id, start, end):
            return any(self._at(m, source_id, start, end) for m in group)

        return [d for d in self.rows if d.kind == kind and (
            (within(group_a, d.source_a_id, d.start_a, d.end_a) and within(group_b, d.source_b_id, d.start_b, d.end_b))
            or (within(group_b, d.source_a_id, d.start_a, d.end_a) and within(group_a, d.source_b_id, d.start_b, d.end_b)))]


def _statements_at(places: list[tuple[int, int, int]], known: dict[int, _Member] | None = None) -> list[_Member]:
    """The statements at these places; those `known` to an assignment as it has them (its own clusters are
    written at its end)."""
    if not places:
        return []
    query = Q()
    for source_id, start, end in places:
        query |= Q(source_id=source_id, content_start__lt=end, content_end__gt=start)
    known = known or {}
    return [known.get(row["id"]) or _member(row) for row in Statement.objects.filter(query).values(*_MEMBER_FIELDS)]


def _write_fingerprints(members: list[_Member]) -> dict[int, set[int]]:
    prints = {m.id: text.fingerprints(m.content, speaker_key=m.key) for m in members}
    Fingerprint.objects.filter(statement_id__in=[m.id for m in members]).delete()
    Fingerprint.objects.bulk_create(
        [Fingerprint(statement_id=sid, value=value) for sid, values in prints.items() for value in values]
    )
    return prints


def _candidates(prints: dict[int, set[int]], *, exclude: set[int]) -> dict[int, _Member]:
    """The clustered statements sharing a fingerprint with any of these, by id."""
    values = set().union(*prints.values()) if prints else set()
    if not values:
        return {}
    ids = set(Fingerprint.objects.filter(value__in=values).exclude(statement_id__in=exclude)
              .values_list("statement_id", flat=True))
    rows = Statement.objects.filter(pk__in=ids, cluster__isnull=False).values(*_MEMBER_FIELDS)
    return {row["id"]: _member(row) for row in rows}


def _fingerprints_of(ids: Iterable[int]) -> dict[int, set[int]]:
    found: dict[int, set[int]] = defaultdict(set)
    for sid, value in Fingerprint.objects.filter(statement_id__in=list(ids)).values_list("statement_id", "value"):
        found[sid].add(value)
    return found


def _best_cluster(member: _Member, prints: set[int], pool: list[tuple[_Member, set[int]]],
                  banned: set[int]) -> int | None:
    """The cluster of the candidate that best matches `member`: most shared fingerprints first, confirmed by
    text.match; clusters an editor set apart are skipped."""
    ranked = sorted(
        ((len(prints & theirs), other) for other, theirs in pool
         if other.key == member.key and other.cluster_id is not None and other.cluster_id not in banned
         and prints & theirs),
        key=lambda pair: -pair[0],
    )[:MAX_CANDIDATES]
    best, best_score = None, 0.0
    for _, other in ranked:
        found = text.match(member.content, other.content)
        if found is not None and found.score > best_score:
            best, best_score = other.cluster_id, found.score
    return best


@transaction.atomic
def assign(*, statements: list[Statement], previous: dict[tuple[int, int, int], int] | None = None) -> set[int]:
    """Give each of these (stored) statements a cluster, in order: the cluster of the best-matching statement of
    the same speaker found through shared fingerprints, else a new one. An editor's "together" decision wins, an
    "apart" decision forbids; `previous` maps (source, start, end) to the cluster a statement at that place had
    before re-extraction, which it takes back when it is still one speaker's. Returns every cluster touched
    (refreshed before returning)."""
    members = [_member(s) for s in statements]
    if not members:
        return set()
    previous = previous or {}
    prints = _write_fingerprints(members)
    own = {m.id for m in members}
    candidates = _candidates(prints, exclude=own)
    candidate_prints = _fingerprints_of(candidates)
    decisions = _Decisions({m.source_id for m in members})
    pool: list[tuple[_Member, set[int]]] = [(c, candidate_prints[c.id]) for c in candidates.values()]
    keys = {cluster_id: key for cluster_id, key in Cluster.objects.filter(
        pk__in=set(previous.values())).values_list("pk", "speaker_key")}
    # the statements this assignment knows, as it has them (the batch's clusters are written at the end)
    known = {**candidates, **{m.id: m for m in members}}
    touched: set[int] = set()
    pulled: dict[int, _Member] = {}  # statements of earlier batches an editor's "together" brought in
    opened: dict[int, Cluster] = {}  # clusters opened in this batch, under temporary negative ids
    for member in members:
        together = [m for m in _statements_at(decisions.others(member, ClusterDecision.Kind.TOGETHER), known)
                    if m.id != member.id and m.key == member.key]
        banned = _banned(member, decisions, known)
        hint = previous.get((member.source_id, member.start, member.end))
        joined = [m.cluster_id for m in together if m.cluster_id is not None and m.cluster_id not in banned]
        if joined:
            chosen = joined[0]
        elif hint is not None and keys.get(hint) == member.key and hint not in banned:
            chosen = hint
        else:
            chosen = _best_cluster(member, prints[member.id], pool, banned)
        if chosen is None:
            chosen = -(len(opened) + 1)
            opened[chosen] = _new_cluster(member)
        member.cluster_id = chosen
        touched.add(chosen)
        pool.append((member, prints[member.id]))
        for other, left in _pull(together, chosen, decisions, known):
            touched.add(left)
            if other.id not in own:
                pulled[other.id] = other
    settled = _count_singletons(opened, members, statements, pulled)
    real = dict(zip(opened, (c.pk for c in Cluster.objects.bulk_create(opened.values()))))
    for member in [*members, *pulled.values()]:
        member.cluster_id = real.get(member.cluster_id, member.cluster_id)
    for member, statement in zip(members, statements):
        statement.cluster_id = member.cluster_id
    Statement.objects.bulk_update([Statement(pk=m.id, cluster_id=m.cluster_id) for m in [*members, *pulled.values()]],
                                  ["cluster"], batch_size=1000)
    touched = {real.get(c, c) for c in touched}
    refresh(touched - {real[c] for c in settled})
    return touched


def _count_singletons(opened: dict[int, Cluster], members: list[_Member], statements: list[Statement],
                      pulled: dict[int, _Member]) -> set[int]:
    """Fill in the counts of the clusters opened for one statement alone (most of an article's), so that refresh
    need not read them back; a statement whose date or publisher is not at hand is left to refresh. Returns the
    (temporary) ids of the clusters so filled."""
    alone: dict[int, list[tuple[_Member, Statement]]] = defaultdict(list)
    for member, statement in zip(members, statements):
        if member.cluster_id in opened:
            alone[member.cluster_id].append((member, statement))
    into_new = {m.cluster_id for m in pulled.values()}
    settled = set()
    for temp, pairs in alone.items():
        if len(pairs) != 1 or temp in into_new or not Statement.source.is_cached(pairs[0][1]):
            continue
        member, statement = pairs[0]
        cluster = opened[temp]
        cluster.first_statement_id, cluster.first_dated_on = member.id, statement.dated_on or statement.said_on
        cluster.statement_count = cluster.source_count = 1
        cluster.publisher_count = int(bool(statement.source.publisher))
        settled.add(temp)
    return settled


def _banned(member: _Member, decisions: _Decisions, known: dict[int, _Member]) -> set[int]:
    """The clusters `member` may not join: those of the statements an editor set apart from it."""
    return {m.cluster_id for m in _statements_at(decisions.others(member, ClusterDecision.Kind.APART), known)
            if m.cluster_id is not None and m.id != member.id}


def _pull(together: list[_Member], chosen: int, decisions: _Decisions, known: dict[int, _Member]):
    """Bring into `chosen` the statements an editor put together with the one just assigned that sit in another
    cluster: assigned earlier, before the statement binding them was (a rebuild reaching a merged cluster's
    members in another order than the merge's anchor first). Yields each one moved with the cluster it left (the
    caller writes them). One set apart from a member of `chosen` stays where it is."""
    for other in together:
        if other.cluster_id is None or other.cluster_id == chosen:
            continue
        decisions.load([other.source_id])
        if chosen in _banned(other, decisions, known):
            continue
        left, other.cluster_id = other.cluster_id, chosen
        known[other.id] = other
        yield other, left


def _new_cluster(member: _Member) -> Cluster:
    speaker_id = int(member.key.split(":", 1)[1]) if member.key.startswith("actor:") else None
    return Cluster(speaker_id=speaker_id, speaker_key=member.key)


def _first_order(row) -> tuple:
    """First appearance: the date said (else published; undated last), then when it was stored, then id."""
    return (row["dated_on"] is None, row["dated_on"] or dt.date.min, row["created_at"], row["id"])


def refresh(cluster_ids: Iterable[int]) -> None:
    """Recount these clusters from their members and mark each one's first appearance; a cluster left with no
    member is deleted."""
    ids = set(cluster_ids) - {None}
    if not ids:
        return
    rows = Statement.objects.filter(cluster_id__in=ids).values(
        "id", "cluster_id", "dated_on", "created_at", "source_id", "source__reprint_of_id", "source__publisher",
        "review_status")
    members: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        members[row["cluster_id"]].append(row)
    Cluster.objects.filter(pk__in=ids - set(members)).delete()
    clusters = list(Cluster.objects.filter(pk__in=members))
    firsts = []
    for cluster in clusters:
        # a copy an editor rejected is no statement: it neither counts nor stands first (unless all are rejected)
        rows = [r for r in members[cluster.pk] if r["review_status"] != Statement.ReviewStatus.REJECTED] \
            or members[cluster.pk]
        first = min(rows, key=_first_order)
        firsts.append(first["id"])
        cluster.first_statement_id, cluster.first_dated_on = first["id"], first["dated_on"]
        cluster.statement_count = len(rows)
        cluster.source_count = len({r["source__reprint_of_id"] or r["source_id"] for r in rows})
        cluster.publisher_count = len({r["source__publisher"] for r in rows if r["source__publisher"]})
    Cluster.objects.bulk_update(
        clusters, ["first_statement", "first_dated_on", "statement_count", "source_count", "publisher_count"])
    Statement.objects.filter(cluster_id__in=members, is_first_appearance=True).exclude(pk__in=firsts).update(
        is_first_appearance=False)
    Statement.objects.filter(pk__in=firsts, is_first_appearance=False).update(is_first_appearance=True)


@transaction.atomic
def recluster(*, statement_ids: Iterable[int]) -> set[int]:
    """Take these statements out of their clusters and assign them again (after their speaker changed, say)."""
    statements = list(Statement.objects.filter(pk__in=list(statement_ids)).order_by("dated_on", "created_at", "id"))
    if not statements:
        return set()
    old = {s.cluster_id for s in statements}
    Statement.objects.filter(pk__in=[s.pk for s in statements]).update(cluster=None, is_first_appearance=True)
    for statement in statements:
        statement.cluster_id = None
    touched = assign(statements=statements)
    refresh(old - touched)
    return touched | old


class ClusterEditError(ValueError):
    """An editor's split or merge that cannot be done; the message says why, for the editor."""


def who_said(cluster: Cluster) -> str:
    """The cluster's speaker for a person: the actor's name, else the words naming them, quoted."""
    if cluster.speaker_id:
        return cluster.speaker.name
    words = cluster.speaker_key.partition(":")[2]
    return f"“{words}”" if words else "no speaker"


def _decide(kind: str, pairs: Iterable[tuple[_Member, _Member]], decisions: _Decisions, user) -> int:
    """Record the editor's word on these pairs of places (a pair already decided so is not recorded twice)."""
    rows = []
    for a, b in pairs:
        if decisions.between([a], [b], kind):
            continue
        rows.append(ClusterDecision(kind=kind, source_a_id=a.source_id, start_a=a.start, end_a=a.end,
                                    source_b_id=b.source_id, start_b=b.start, end_b=b.end, made_by=user))
    ClusterDecision.objects.bulk_create(rows)
    decisions.rows += rows
    return len(rows)


def _members_of(cluster_ids: Iterable[int]) -> list[_Member]:
    rows = Statement.objects.filter(cluster_id__in=list(cluster_ids)).order_by("pk").values(*_MEMBER_FIELDS)
    return [_member(row) for row in rows]


_KEPT = ("speaker_id", "speaker_key", "first_statement_id", "first_dated_on", "statement_count", "source_count",
         "publisher_count")


def _checkpoint(cluster: Cluster) -> None:
    """Make the history's last record the cluster as it is now, before an editor changes it. The clustering keeps
    counts without history (bulk updates at every article), so without this the editor's record would show
    the change from the state at the cluster's creation."""
    last = cluster.history.first()
    if last is None or any(getattr(last, name) != getattr(cluster, name) for name in _KEPT):
        cluster._history_user, cluster._change_reason = None, "As the clustering left it"
        cluster.save()


def _save_with_history(cluster: Cluster, *, user, reason: str) -> None:
    """A history record of the cluster as refresh left it, saying who did what."""
    cluster.refresh_from_db()
    cluster._history_user, cluster._change_reason = user, reason
    cluster.save()


@transaction.atomic
def split_cluster(*, cluster: Cluster, statements: Iterable[Statement], user=None) -> Cluster:
    """Move these statements of `cluster` into a new cluster of their own. "Apart" decisions between each of them
    and each statement staying (and "together" decisions among them) keep it so through re-extraction and
    rebuilds; earlier "together" decisions joining the two groups are dropped. Returns the new cluster."""
    cluster = Cluster.objects.select_for_update(of=("self",)).select_related("speaker").get(pk=cluster.pk)
    chosen = {s.pk for s in statements}
    members = _members_of([cluster.pk])
    moving = [m for m in members if m.id in chosen]
    staying = [m for m in members if m.id not in chosen]
    if not moving:
        raise ClusterEditError("Choose the copies to split off.")
    if len(moving) < len(chosen):
        raise ClusterEditError(f"Only copies of cluster {cluster.pk} can be split off from it; "
                               f"{len(chosen) - len(moving)} of those chosen are not in it (any more).")
    if not staying:
        raise ClusterEditError("Leave at least one copy in the cluster: splitting off every copy changes nothing.")
    _checkpoint(cluster)
    new = Cluster(speaker_id=cluster.speaker_id, speaker_key=cluster.speaker_key)
    new.skip_history_when_saving = True  # recorded below, with its counts
    new.save()
    del new.skip_history_when_saving
    Statement.objects.filter(pk__in=[m.id for m in moving]).update(cluster=new)
    decisions = _Decisions({m.source_id for m in members})
    contrary = decisions.between(moving, staying, ClusterDecision.Kind.TOGETHER)
    ClusterDecision.objects.filter(pk__in=[d.pk for d in contrary]).delete()
    decisions.rows = [d for d in decisions.rows if d not in contrary]
    _decide(ClusterDecision.Kind.APART, ((m, s) for m in moving for s in staying), decisions, user)
    _decide(ClusterDecision.Kind.TOGETHER, ((moving[0], m) for m in moving[1:]), decisions, user)
    refresh({cluster.pk, new.pk})
    copies = f"{len(moving)} cop{'y' if len(moving) == 1 else 'ies'}"
    _save_with_history(cluster, user=user, reason=f"Split: {copies} moved to cluster {new.pk}")
    _save_with_history(new, user=user, reason=f"Split off from cluster {cluster.pk}: {copies}")
    return new


@transaction.atomic
def merge_clusters(*, keep: Cluster, merge: Cluster, user=None) -> Cluster:
    """Make `merge`'s statements `keep`'s (one utterance after all) and delete `merge`. "Together" decisions from
    the merged cluster's first appearance to each other copy keep them one through re-extraction and rebuilds;
    earlier "apart" decisions between the two are dropped. Only one speaker's clusters merge. Returns `keep`."""
    locked = Cluster.objects.select_for_update(of=("self",)).select_related("speaker").in_bulk([keep.pk, merge.pk])
    if keep.pk == merge.pk:
        raise ClusterEditError(f"Cluster {keep.pk} cannot be merged with itself.")
    if len(locked) < 2:
        raise ClusterEditError("One of the clusters no longer exists (merged or emptied meanwhile): reload the page.")
    keep, merge = locked[keep.pk], locked[merge.pk]
    if keep.speaker_key != merge.speaker_key:
        raise ClusterEditError(f"Only clusters of one speaker can be merged: cluster {keep.pk} is {who_said(keep)}'s, "
                               f"cluster {merge.pk} is {who_said(merge)}'s. Correct the speaker of the statements first.")
    _checkpoint(keep), _checkpoint(merge)
    kept, merged, merged_id = _members_of([keep.pk]), _members_of([merge.pk]), merge.pk
    Statement.objects.filter(cluster=merge).update(cluster=keep)
    merge._history_user, merge._change_reason = user, f"Merged into cluster {keep.pk}"
    merge.delete()
    decisions = _Decisions({m.source_id for m in kept + merged})
    contrary = decisions.between(kept, merged, ClusterDecision.Kind.APART)
    ClusterDecision.objects.filter(pk__in=[d.pk for d in contrary]).delete()
    decisions.rows = [d for d in decisions.rows if d not in contrary]
    refresh({keep.pk})
    keep.refresh_from_db()
    anchor = next(m for m in kept + merged if m.id == keep.first_statement_id)
    _decide(ClusterDecision.Kind.TOGETHER, ((anchor, m) for m in kept + merged if m is not anchor), decisions, user)
    copies = f"{len(merged)} cop{'y' if len(merged) == 1 else 'ies'}"
    _save_with_history(keep, user=user, reason=f"Merged: cluster {merged_id} joined it ({copies})")
    return keep


# A reprint: nearly the same article text (rapidfuzz's ratio of the normalised texts, 0-100) as an earlier source.
REPRINT_RATIO = 90.0
REPRINT_MIN_SHARED = 2  # clusters shared with the earlier source, before the texts are compared


def mark_reprints(*, source) -> bool:
    """Is `source` a reprint of an earlier source (wire copy under another publisher), or the original of one
    stored before it? The candidates are the sources carrying the same clusters; the texts decide. The later one
    (by publication date, then storage) points at the earliest, and the clusters they share are recounted.
    Returns whether anything was marked."""
    clusters = Statement.objects.filter(source=source, cluster__isnull=False).values("cluster_id")
    shared = list(Statement.objects.filter(cluster_id__in=clusters).exclude(source=source)
                  .values("source_id").annotate(n=models.Count("cluster_id", distinct=True))
                  .filter(n__gte=REPRINT_MIN_SHARED).order_by("-n")[:5])
    others = Source.objects.in_bulk([row["source_id"] for row in shared])
    mine = text.normalized(source.text) if others else ""
    for row in shared:
        other = others[row["source_id"]]
        if fuzz.ratio(mine, text.normalized(other.text), score_cutoff=REPRINT_RATIO) == 0:
            continue
        original = other.reprint_of or other
        first, later = sorted([original, source], key=_source_order)
        if later.reprint_of_id == first.pk:
            return False
        later.reprint_of = first  # the object too: the caller may save it afterwards
        Source.objects.filter(pk=later.pk).update(reprint_of=first)
        Source.objects.filter(reprint_of=later).update(reprint_of=first)
        refresh(Statement.objects.filter(source__in=[first, later]).exclude(cluster=None)
                .values_list("cluster_id", flat=True).distinct())
        return True
    return False


def _source_order(source) -> tuple:
    return (source.published is None, source.published or dt.date.min, source.created_at, source.pk)


def merged_speaker(*, keep, merged, **_) -> None:
    """actors.signals.actors_merged: the merged actor's statements are now `keep`'s; their clusters were keyed by
    the merged actor, so they are assigned again (joining `keep`'s copies of the same utterances)."""
    ids = Statement.objects.filter(cluster__speaker_key=f"actor:{merged.pk}").values_list("pk", flat=True)
    recluster(statement_ids=list(ids))


@transaction.atomic
def cluster_unclustered(*, batch: int = 2000, rebuild: bool = False) -> int:
    """Give every statement still in no cluster one, oldest first, as if stored in that order (existing
    databases; `rebuild` first drops every cluster and fingerprint, keeping editors' decisions). Returns how
    many statements were assigned."""
    if rebuild:
        Statement.objects.exclude(cluster=None).update(cluster=None, is_first_appearance=True)
        Fingerprint.objects.all().delete()
        with connection.cursor() as cursor:  # at once: a queryset delete writes a history row per cluster
            cursor.execute(f"DELETE FROM {Cluster._meta.db_table}")
    done = 0
    while True:
        statements = list(Statement.objects.filter(cluster=None).order_by(
            models.F("dated_on").asc(nulls_last=True), "created_at", "id")[:batch])
        if not statements:
            return done
        assign(statements=statements)
        done += len(statements)
