"""Fill a PostgreSQL database with a realistic synthetic corpus, fast (COPY, not the ORM).

    .venv/bin/python bench/scale_data.py --db st_perf                       # 1M statements (a few minutes)
    .venv/bin/python bench/scale_data.py --db st_perf_small --statements 50000 --actors 5000 \
        --sources 10000 --topics 200                                          # seconds

The database is dropped, created and migrated (`manage.py migrate`), then filled:
- actors (80 % persons, 20 % organisations) with aliases (full name and surname) and roles (~30 %);
- topics (a two-level tree), sources spread over ~5 years up to today (ids follow publication dates, as a
  live ingest would), each with a plain text made of sentences, a few of them attributed statements whose
  `content_start`/`content_end` index exactly into the text;
- statements: speakers Zipf-distributed (a few actors say a lot), 1-3 topics each (Zipf too), 0-2 mentioned
  actors, 2 % rejected and 3 % verified/corrected, 5 % with no resolved speaker;
- repetition (issue 23): some utterances carried 2-50 times by the same speaker (sizes heavy-tailed), the copies
  identical, trimmed (a run of the words) or paraphrased (reported speech: persons and tenses shifted, a word
  dropped); a share of sources are reprints (an earlier source's text under another publisher); every statement
  in a cluster, with its fingerprints (statements.clustering.text.fingerprints), its counts and its first
  appearance as statements.clustering.services would have written them;
- `search_vector` filled by the existing trigger (kept firing during the load, foreign-key triggers are
  skipped: ids are consistent by construction); secondary indexes are dropped before the load and rebuilt
  after it, then VACUUM ANALYZE.

Words come from the BBC sample (../shared/corpora/bbc-sample, word frequencies as in real news), or from a
small built-in vocabulary when it is absent. Deterministic for a given --seed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import psycopg

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from actors.normalize import normalize_name  # noqa: E402  (pure function, no Django needed)
from statements.clustering import text as cluster_text  # noqa: E402  (pure, no Django)

PG = os.environ.get("PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432")

FIRST = ("Anna Boris Carla David Elena Farid Grace Hassan Irina James Kemal Laura Maria Nikolai Olga Pedro "
         "Qasim Rosa Sergei Tomas Ursula Viktor Wei Xenia Yusuf Zofia Ahmed Beatriz Chen Dmitri Emma Fatima "
         "Gustav Hana Ivan Julia Karim Lena Marco Nadia Omar Paula Rami Sofia Tariq Ulla Vera William Yara "
         "Zhang Aleksandr Bashar Catherine Daniel Emmanuel Francois Gabriel Helen Ibrahim Joe Kamala Leila "
         "Mohammed Narendra Olaf Pierre Recep Rishi Sanna Tedros Ursula Volodymyr Xi Yoon Antonio Keir").split()
LAST = ("Abadi Baker Costa Dubois Evans Fischer Garcia Haddad Ivanov Jensen Kowalski Lopez Muller Novak "
        "Okafor Petrov Quinn Rossi Schmidt Tanaka Usman Volkov Weber Xu Yilmaz Zhou Ahmadi Bianchi Chen "
        "Dimitrov Eriksen Ferreira Gonzalez Hansen Ibrahim Johnson Kim Larsen Martin Nielsen Olsen Park "
        "Reyes Smith Torres Ueda Vargas Wang Young Zimmermann Lavrov Peskov Guterres Blinken Macron Scholz "
        "Erdogan Modi Lula Sanchez Meloni Albanese Trudeau Kishida Ramaphosa Tinubu Sisi Netanyahu Abbas "
        "Zelensky Putin Biden Starmer Sunak Harris Borrell Stoltenberg Lagarde Powell Yellen Rutte Tusk").split()
ORG_HEADS = ("Ministry of Foreign Affairs|Ministry of Defence|Ministry of Finance|Central Bank|Parliament|"
             "Supreme Court|National Police|Red Crescent|Red Cross|United Nations|World Bank|Football "
             "Association|Chamber of Commerce|Workers Union|Green Party|Labour Party|Conservative Party|"
             "Liberal Party|Health Service|Energy Agency|Space Agency|Electoral Commission").split("|")
PLACES = ("Russia Syria France Germany Britain Turkey India Brazil Spain Italy Australia Canada Japan Nigeria "
          "Egypt Israel Ukraine China Poland Kenya Mexico Chile Norway Sweden Iran Iraq Jordan Lebanon Qatar "
          "Greece Portugal Ireland Scotland Wales Europe Africa Asia").split()
TITLES = ("Foreign Minister|Prime Minister|President|Spokesperson|Defence Minister|Finance Minister|"
          "Chief Executive|Chairman|Ambassador|Governor|Mayor|Secretary General|Coach|Striker|Director|"
          "Professor|Senator|Economist|Analyst|Commissioner").split("|")
PUBLISHERS = ("BBC News|Reuters|Associated Press|SANA|TASS|Al Jazeera|The Guardian|Le Monde|Der Spiegel|"
              "El Pais|The Times|Financial Times|Bloomberg|CNN|NPR|Deutsche Welle|France 24|Anadolu|Xinhua|"
              "Kyiv Independent|Haaretz|The Hindu|Folha|ABC News|CBC|NHK|Daily Nation|Ahram Online|"
              "Politico|Euronews").split("|")
TOPIC_ROOTS = ("Economy|Diplomacy|Conflict|Health|Energy|Climate|Elections|Technology|Sport|Culture|"
               "Migration|Justice|Education|Transport|Agriculture|Trade|Security|Finance|Media|Science").split("|")
TOPIC_QUALIFIERS = ("policy|talks|crisis|reform|sanctions|budget|summit|strike|investment|regulation|"
                    "prices|aid|inquiry|protests|elections|rights|funding|exports|infrastructure|research|"
                    "jobs|taxes|security|cooperation|negotiations").split("|")
CUES = ["said", "said", "said", "told reporters", "added", "stressed", "pointed out", "warned", "noted",
        "announced", "argued", "insisted", "explained", "claimed"]
FALLBACK_WORDS = ("the of and to in a is that for on was with he it as at by from his be have has are which "
                  "government minister people country talks sanctions economy war peace security president "
                  "said would will new year years market prices growth inflation election vote party "
                  "police court health hospital energy gas oil climate emissions team match season club "
                  "players game film music award technology internet company companies bank rates "
                  "budget tax trade exports border refugees crisis support aid cooperation agreement").split()


def vocabulary() -> list[str]:
    """Words in their natural frequencies: every word token of the BBC sample, or a fallback list."""
    words: list[str] = []
    for p in sorted((SHARED / "corpora" / "bbc-sample").glob("**/*.txt")):
        if p.name != "README.txt":
            words += re.findall(r"[A-Za-z][A-Za-z'-]*", p.read_text(encoding="utf-8", errors="replace"))
    return words if len(words) > 5000 else FALLBACK_WORDS * 20


def zipf_weights(n: int, s: float, shift: float) -> np.ndarray:
    w = 1.0 / (np.arange(1, n + 1) + shift) ** s
    return w / w.sum()


def esc(value) -> str:
    """A COPY text-format field."""
    if value is None:
        return r"\N"
    text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text


class Copier:
    """Buffered COPY FROM STDIN of text lines into one table."""

    def __init__(self, cur, table: str, columns: list[str], flush_bytes: int = 4 << 20):
        self.cm = cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN")
        self.copy = self.cm.__enter__()
        self.buf: list[str] = []
        self.size = 0
        self.rows = 0
        self.flush_bytes = flush_bytes

    def row(self, *fields) -> None:
        line = "\t".join(map(esc, fields)) + "\n"
        self.buf.append(line)
        self.size += len(line)
        self.rows += 1
        if self.size >= self.flush_bytes:
            self.flush()

    def flush(self) -> None:
        if self.buf:
            self.copy.write("".join(self.buf))
            self.buf, self.size = [], 0

    def close(self) -> int:
        self.flush()
        self.cm.__exit__(None, None, None)
        return self.rows


LOADED = ["actors_actor", "actors_actoralias", "actors_role", "statements_topic", "statements_source",
          "statements_statement", "statements_statement_topics", "statements_statement_mentioned_actors",
          "statements_cluster", "statements_fingerprint"]

# How a statement came to be (repetition): its own words, or a copy of its cluster's first statement.
OWN, IDENTICAL, TRIMMED, PARAPHRASE, REPRINT = range(5)
COPY_KINDS = [IDENTICAL, TRIMMED, PARAPHRASE]
COPY_SHARES = [0.55, 0.25, 0.20]
# Reported speech: what a paraphrase changes (the content words stay, which is what clusters are matched on).
REPORTED = {"i": "he", "we": "they", "my": "his", "our": "their", "me": "him", "us": "them", "will": "would",
            "is": "was", "are": "were", "am": "was", "can": "could", "have": "had", "has": "had"}


def plan_reprints(rng, per_source, created, share: float) -> np.ndarray:
    """For `share` of the sources, an earlier source (among the 40 before, stored earlier, itself no reprint,
    with as many statements, so that the corpus keeps its size) whose text it carries; -1 for the others."""
    n = len(per_source)
    reprint_of = np.full(n, -1, dtype=np.int64)
    for src in np.flatnonzero(rng.random(n) < share):
        if per_source[src] == 0:
            continue
        for o in range(src - 1, max(src - 40, 0) - 1, -1):
            if per_source[o] == per_source[src] and reprint_of[o] < 0 and created[o] < created[src]:
                reprint_of[src] = o
                break
    return reprint_of


def copy_sizes(rng, n: int) -> np.ndarray:
    """How many statements carry an utterance that is repeated: 2-50, P(k) ~ k^-2 (most twice, a few 50 times)."""
    sizes = np.arange(2, 51)
    weights = sizes ** -2.0
    return rng.choice(sizes, n, p=weights / weights.sum())


def plan_repetition(rng, *, speaker_key, reprint_parent, repeated: float) -> tuple[np.ndarray, np.ndarray]:
    """Each statement's parent (the statement it copies, earlier, of the same speaker; -1: its own words) and how
    it copies it. Reprints copy their original's statement; of the others, runs of one speaker's consecutive
    statements become one utterance's copies, so that about `repeated` of the statements are in a cluster of two
    or more."""
    n = len(speaker_key)
    parent = reprint_parent.copy()
    how = np.where(parent >= 0, REPRINT, OWN)
    free = np.flatnonzero(parent < 0)
    order = free[np.argsort(speaker_key[free], kind="stable")]  # each speaker's statements, oldest first
    sizes = copy_sizes(rng, n)
    mean = float(sizes.mean())
    start_p = repeated / (mean * (1 - repeated) + repeated)  # a run of `mean` statements per start
    starts = rng.random(n) < start_p
    kinds = rng.choice(COPY_KINDS, n, p=COPY_SHARES)
    bounds = np.flatnonzero(np.diff(speaker_key[order])) + 1
    for run in np.split(order, bounds):
        i = 0
        while i < len(run) - 1:
            if starts[run[i]]:
                k = min(int(sizes[run[i]]), len(run) - i)
                head = run[i]
                for member in run[i + 1:i + k]:
                    parent[member], how[member] = head, kinds[member]
                i += k
            else:
                i += 1
    return parent, how


def paraphrase(rng, content: str) -> str | None:
    """Reported speech of a quotation: its two halves in the other order, persons and tenses shifted, one content
    word dropped; None when that is not a paraphrase of it by the clustering's own rule (text.match), which the
    caller then copies as is."""
    words = content.split()
    middle = len(words) // 2 + int(rng.integers(-2, 3))
    words = words[middle:] + words[:middle]
    shifted = [REPORTED.get(w.lower(), w) for w in words]
    content_at = [i for i, w in enumerate(words) if w.lower() not in cluster_text.STOP_WORDS]
    if len(content_at) >= 8:
        del shifted[content_at[int(rng.integers(len(content_at)))]]
    variant = " ".join(shifted)
    variant = variant[0].lower() + variant[1:]
    found = cluster_text.match(content, variant)
    return variant if found is not None and found.how == "paraphrase" else None


def trimmed(rng, content: str) -> str | None:
    """A run of the quotation's words (at least half of them, at least text.MIN_CONTAINED); None when too short."""
    words = content.split()
    if len(words) < 2 * cluster_text.MIN_CONTAINED:
        return None
    length = int(rng.integers(max(cluster_text.MIN_CONTAINED, len(words) // 2), len(words)))
    begin = int(rng.integers(0, len(words) - length + 1))
    return " ".join(words[begin:begin + length])


def found_by_fingerprints(variant: str, base: str) -> bool:
    """Would incremental assignment find `base` from `variant` (a shared fingerprint; the speaker's salt is the
    same for both, so any salt tells)? A copy it would not find is not made."""
    return bool(cluster_text.fingerprints(variant, speaker_key="x") & cluster_text.fingerprints(base, speaker_key="x"))


def cluster_rows(*, parent, st_source, reprint_of, publishers, created_s, rejected):
    """Each statement's cluster (ids in order of their first statement's id, as incremental assignment opens them)
    and each cluster's counts and first appearance, by statements.clustering.services.refresh's rules: first by
    the date said (here the publication date), then when stored, then id; a reprint counts with its original; a
    rejected copy neither counts nor stands first (unless all its cluster's statements are rejected)."""
    n = len(parent)
    cluster_of = np.empty(n, dtype=np.int64)
    next_id = 0
    for j in range(n):
        if parent[j] < 0:
            next_id += 1
            cluster_of[j] = next_id
        else:
            cluster_of[j] = cluster_of[parent[j]]
    size = np.bincount(cluster_of, minlength=next_id + 1)
    kept = np.bincount(cluster_of, weights=~rejected, minlength=next_id + 1) > 0
    counted = ~rejected | ~kept[cluster_of]  # the statements each cluster's counts and first appearance are of
    counts = np.bincount(cluster_of[counted], minlength=next_id + 1)
    carried = np.where(reprint_of[st_source] >= 0, reprint_of[st_source], st_source)

    def distinct_per_cluster(values):
        pairs = np.unique((cluster_of * (int(values.max()) + 1) + values)[counted])
        return np.bincount(pairs // (int(values.max()) + 1), minlength=next_id + 1)

    source_count = distinct_per_cluster(carried)
    publisher_count = distinct_per_cluster(publishers[st_source])
    ids = np.arange(n)
    order = np.lexsort((ids, created_s[st_source], ~counted, cluster_of))
    group_start = np.ones(n, dtype=bool)
    group_start[1:] = cluster_of[order][1:] != cluster_of[order][:-1]
    first = np.full(next_id + 1, -1, dtype=np.int64)
    first[cluster_of[order][group_start]] = order[group_start]
    is_first = np.zeros(n, dtype=bool)
    is_first[first[1:]] = True
    return cluster_of, size, counts, source_count, publisher_count, first, is_first


def drop_secondary_indexes(cur) -> list[str]:
    """Drop the non-constraint indexes of the loaded tables; return their definitions to rebuild."""
    cur.execute(
        """SELECT i.indexname, i.indexdef FROM pg_indexes i
           WHERE i.schemaname = 'public' AND i.tablename = ANY(%s)
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)""",
        (LOADED,),
    )
    rows = cur.fetchall()
    for name, _ in rows:
        cur.execute(f'DROP INDEX "{name}"')
    return [d for _, d in rows]


def recreate_db(db: str) -> None:
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{db}"')
    env = dict(os.environ, DATABASE_URL=f"{PG}/{db}", DJANGO_SETTINGS_MODULE="config.settings.local")
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)


def generate(args) -> dict:
    rng = np.random.default_rng(args.seed)
    t0 = time.perf_counter()
    timings: dict[str, float] = {}

    def lap(name):
        timings[name] = round(time.perf_counter() - t0 - sum(timings.values()), 2)
        print(f"  {name}: {timings[name]} s", flush=True)

    if not args.no_recreate:
        recreate_db(args.db)
        lap("create+migrate")

    n_act, n_src, n_st, n_top = args.actors, args.sources, args.statements, args.topics
    today = dt.date.today()
    start = today - dt.timedelta(days=int(365.25 * args.years))
    now = dt.datetime.now(dt.timezone.utc)

    # --- sentences: a pool of word sequences in natural word frequencies --------------------------------
    words = np.array(vocabulary(), dtype=object)
    pool_n = min(max(n_st // 3, 20_000), 400_000)
    lengths = rng.integers(8, 36, pool_n)
    picks = rng.integers(0, len(words), int(lengths.sum()))
    pool, pos = [], 0
    for n in lengths:
        ws = words[picks[pos:pos + n]]
        pos += n
        s = " ".join(ws)
        pool.append(s[0].upper() + s[1:])
    lap("sentence pool")

    conn = psycopg.connect(f"{PG}/{args.db}")
    cur = conn.cursor()
    cur.execute("SET session_replication_role = replica")  # skip FK triggers: ids are consistent by construction
    cur.execute("SET maintenance_work_mem = '1GB'")
    cur.execute("ALTER TABLE statements_statement ENABLE ALWAYS TRIGGER statement_search_vector_update")
    index_defs = drop_secondary_indexes(cur)
    conn.commit()  # release the DDL locks before the other connections stream into these tables

    # --- actors, aliases, roles -------------------------------------------------------------------------
    kinds = rng.random(n_act)
    firsts = rng.integers(0, len(FIRST), n_act)
    lasts = rng.integers(0, len(LAST), n_act)
    heads = rng.integers(0, len(ORG_HEADS), n_act)
    places = rng.integers(0, len(PLACES), n_act)
    names, surnames, slugs_seen = [], [], set()
    a = Copier(cur, "actors_actor", ["id", "name", "slug", "kind", "description", "wikidata_id", "popolo_id",
                                      "created_at", "updated_at", "merged_into_id"])
    for i in range(n_act):
        pk = i + 1
        if kinds[i] < 0.8:
            name, kind, surname = f"{FIRST[firsts[i]]} {LAST[lasts[i]]}", "person", LAST[lasts[i]]
        else:
            name, kind, surname = f"{ORG_HEADS[heads[i]]} of {PLACES[places[i]]}", "organization", ""
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        if slug in slugs_seen:
            slug = f"{slug}-{pk}"
        slugs_seen.add(slug)
        names.append(name)
        surnames.append(surname)
        a.row(pk, name, slug, kind, "", f"Q{1000 + pk}" if pk % 7 == 0 else "", "", now, now, None)
    a.close()
    al = Copier(cur, "actors_actoralias", ["id", "name", "normalized", "actor_id"])
    alias_id = 0
    for i in range(n_act):
        for alias in {names[i], surnames[i]} - {""}:
            alias_id += 1
            al.row(alias_id, alias, normalize_name(alias), i + 1)
    al.close()
    has_role = rng.random(n_act) < 0.3
    role_of = np.zeros(n_act + 1, dtype=np.int64)  # actor id -> role id (0: none)
    r = Copier(cur, "actors_role", ["id", "title", "organization_name", "start_date", "end_date",
                                     "first_seen_source_id", "first_seen_on", "created_at", "actor_id",
                                     "organization_id", "origin"])
    role_id = 0
    titles = rng.integers(0, len(TITLES), n_act)
    for i in np.flatnonzero(has_role):
        role_id += 1
        role_of[i + 1] = role_id
        r.row(role_id, TITLES[titles[i]], PLACES[places[i]], start, None, None, start, now, int(i) + 1, None, "article")
    r.close()
    lap(f"actors ({n_act:,}), aliases ({alias_id:,}), roles ({role_id:,})")

    # --- topics -----------------------------------------------------------------------------------------
    tp = Copier(cur, "statements_topic", ["id", "name", "slug", "description", "keywords", "created_at",
                                           "updated_at", "parent_id"])
    topic_names = []
    for i in range(n_top):
        pk = i + 1
        if i < len(TOPIC_ROOTS):
            name, parent = TOPIC_ROOTS[i], None
        else:
            root = i % len(TOPIC_ROOTS)
            name = f"{TOPIC_ROOTS[root]} {TOPIC_QUALIFIERS[(i // len(TOPIC_ROOTS)) % len(TOPIC_QUALIFIERS)]}"
            name += f" {PLACES[(i // (len(TOPIC_ROOTS) * len(TOPIC_QUALIFIERS))) % len(PLACES)]}" if i >= 520 else ""
            parent = root + 1
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        slug = f"{slug}-{pk}" if slug in topic_names else slug
        topic_names.append(slug)
        tp.row(pk, name, slug, "", f'["{name.split()[-1].lower()}"]', now, now, parent)
    tp.close()
    lap(f"topics ({n_top})")

    # --- sources and statements -------------------------------------------------------------------------
    days = (today - start).days
    # More news in later years (a growing archive): dates drawn with density rising linearly.
    src_days = np.sort((np.sqrt(rng.random(n_src) * 0.75 + 0.25) - 0.5) / 0.5 * days).astype(np.int64)
    st_source = np.sort(rng.integers(0, n_src, n_st))  # statements per source: Poisson-like, mean n_st/n_src
    per_source = np.bincount(st_source, minlength=n_src)
    speakers = rng.choice(n_act, n_st, p=zipf_weights(n_act, 1.0, 2.0)) + 1
    no_speaker = rng.random(n_st) < 0.05
    use_role = rng.random(n_st) < 0.6
    content_idx = rng.integers(0, len(pool), n_st)
    filler_idx = rng.integers(0, len(pool), n_st * 3)
    filler_n = rng.integers(0, 3, n_st)
    cues = rng.integers(0, len(CUES), n_st)
    quoted = rng.random(n_st) < 0.45
    statuses = rng.choice(["extracted", "verified", "corrected", "rejected"], n_st, p=[0.95, 0.02, 0.01, 0.02])
    confidence = np.round(rng.beta(5, 2, n_st), 3)
    topic_w = zipf_weights(n_top, 1.0, 1.0)
    n_topics = rng.choice([1, 2, 3], n_st, p=[0.45, 0.35, 0.20])
    topic_draw = rng.choice(n_top, int(n_topics.sum()), p=topic_w) + 1
    n_mentions = rng.choice([0, 1, 2], n_st, p=[0.5, 0.35, 0.15])
    mention_draw = rng.choice(n_act, int(n_mentions.sum()), p=zipf_weights(n_act, 1.0, 2.0)) + 1
    publishers = rng.integers(0, len(PUBLISHERS), n_src)
    hours = rng.integers(0, 24 * 3600, n_src)
    lap("draws")

    # --- repetition: clusters, reprints, fingerprints (issue 23) ----------------------------------------
    created_s = src_days * 86400 + hours  # when each source was stored, in seconds: orders first appearances
    reprint_of = plan_reprints(rng, per_source, created_s, args.reprints)
    first_of_source = np.concatenate([[0], np.cumsum(per_source)[:-1]])
    reprint_parent = np.full(n_st, -1, dtype=np.int64)
    for src in np.flatnonzero(reprint_of >= 0):
        o = reprint_of[src]
        publishers[src] = (publishers[o] + 1 + rng.integers(0, len(PUBLISHERS) - 1)) % len(PUBLISHERS)
        mine = np.arange(first_of_source[src], first_of_source[src] + per_source[src])
        theirs = np.arange(first_of_source[o], first_of_source[o] + per_source[o])
        reprint_parent[mine] = theirs
        for column in (no_speaker, speakers, quoted, cues, use_role):
            column[mine] = column[theirs]
    speaker_key = np.where(no_speaker, 0, speakers)
    parent, how = plan_repetition(rng, speaker_key=speaker_key, reprint_parent=reprint_parent,
                                  repeated=args.repeated)
    contents: list[str] = []
    own: dict[tuple[int, int], int] = {}  # (sentence, speaker) -> the statement that said it first
    for j in range(n_st):
        p = parent[j]
        if p < 0:
            said = own.setdefault((int(content_idx[j]), int(speaker_key[j])), j)
            if said != j:  # the same speaker drew the same sentence again: one utterance, as assignment would see
                parent[j], how[j] = said, IDENTICAL
            contents.append(pool[content_idx[j]])
            continue
        base = contents[p]
        variant = None
        if how[j] == REPRINT:
            quoted[j] = quoted[p]
        if how[j] == TRIMMED:
            variant = trimmed(rng, base)
        elif how[j] == PARAPHRASE:
            variant = paraphrase(rng, base)
        if variant is not None and not found_by_fingerprints(variant, base):
            variant = None
        if variant is None and how[j] != REPRINT:
            how[j] = IDENTICAL
        if how[j] == PARAPHRASE:
            quoted[j] = False  # reported speech
        contents.append(variant or base)
    cluster_of, cluster_size, cluster_count, source_count, publisher_count, cluster_first, is_first = cluster_rows(
        parent=parent, st_source=st_source, reprint_of=reprint_of, publishers=publishers, created_s=created_s,
        rejected=statuses == "rejected")
    repetition = {
        "clusters": int(len(cluster_size) - 1), "clusters_2_plus": int((cluster_size[1:] >= 2).sum()),
        "statements_in_clusters_2_plus": int(cluster_size[cluster_size >= 2].sum()),
        "largest_cluster": int(cluster_size.max()), "reprint_sources": int((reprint_of >= 0).sum()),
        "copies": {name: int((how == kind).sum()) for name, kind in
                   (("identical", IDENTICAL), ("trimmed", TRIMMED), ("paraphrase", PARAPHRASE),
                    ("reprint", REPRINT))},
    }
    lap(f"repetition ({repetition['clusters_2_plus']:,} clusters of 2+ holding "
        f"{repetition['statements_in_clusters_2_plus']:,} statements, largest {repetition['largest_cluster']}; "
        f"{repetition['reprint_sources']:,} reprint sources)")

    s_cp = Copier(cur, "statements_source", [
        "id", "title", "publisher", "url", "published", "dateline", "byline", "language", "text", "original",
        "original_name", "content_type", "content_hash", "status", "error", "extractor_version", "processed_at",
        "created_at", "updated_at", "duplicate_of_id", "reprint_of_id"])
    conn2 = psycopg.connect(f"{PG}/{args.db}")  # statements, links, fingerprints stream on their own connections
    conn3 = psycopg.connect(f"{PG}/{args.db}")
    conn4 = psycopg.connect(f"{PG}/{args.db}")
    cur2, cur3, cur4 = conn2.cursor(), conn3.cursor(), conn4.cursor()
    for c in (cur2, cur3, cur4):
        c.execute("SET session_replication_role = replica")
    st_cp = Copier(cur2, "statements_statement", [
        "id", "speaker_mention", "cue", "kind", "content", "content_start", "content_end", "said_on",
        "confidence", "review_status", "reviewed_at", "extractor_version", "created_at", "updated_at",
        "reviewed_by_id", "source_id", "speaker_id", "speaker_role_id", "dated_on", "source_type", "cluster_id",
        "is_first_appearance"])
    fp_cp = Copier(cur4, "statements_fingerprint", ["id", "value", "statement_id"])
    prints_of: dict[tuple[str, str], set[int]] = {}  # a copy's fingerprints are its original's
    fingerprint_id = 0
    recent: dict[int, tuple[str, str, list[tuple[int, int]]]] = {}  # source -> title, text, spans (for reprints)
    # dated_on: what migration 0007's trigger would write (said_on, here the publication date); said_on on the
    # links: the copy of it migration 0005's trigger would write (triggers other than search_vector's are off here)
    tl_cp = Copier(cur3, "statements_statement_topics", ["id", "statement_id", "topic_id", "said_on"])
    # mentioned actors go after the statements (same connection as topic links, sequentially)
    mentions_rows: list[tuple[int, int]] = []
    st_i = 0
    topic_pos = mention_pos = 0
    link_id = 0
    total_chars = 0
    for src in range(n_src):
        pk = src + 1
        published = start + dt.timedelta(days=int(src_days[src]))
        created = dt.datetime.combine(published, dt.time(), dt.timezone.utc) + dt.timedelta(seconds=int(hours[src]))
        original = int(reprint_of[src])
        if original >= 0:  # a reprint: the original's text (same spans), signed off by its own publisher
            title, text, spans = recent[original]
            parts = [text, f"\n\nRepublished by {PUBLISHERS[publishers[src]]} (story {pk})."]
        else:
            title = pool[(src * 7919) % len(pool)][:90]
            parts, spans = [title, "\n\n"], []
        length = len(title) + 2
        for k in range(per_source[src]):
            j = st_i
            sp = 0 if no_speaker[j] else int(speakers[j])
            mention = names[sp - 1] if sp else "a spokesperson"
            content = contents[j]
            kind = "direct" if quoted[j] else "indirect"
            if original >= 0:
                begin, end = spans[k]
            else:
                for f in range(filler_n[j]):
                    sentence = pool[filler_idx[3 * j + f]] + ". "
                    parts.append(sentence)
                    length += len(sentence)
                if quoted[j]:
                    lead, tail = f'{mention} {CUES[cues[j]]}: "', '". '
                else:
                    lead, tail = f"{mention} {CUES[cues[j]]} that ", ". "
                begin = length + len(lead)
                end = begin + len(content)
                parts += [lead, content, tail]
                spans.append((begin, end))
                length = end + len(tail)
                if length > 0 and src % 3 == 0 and j % 4 == 0:
                    parts.append("\n\n")
                    length += 2
            status = statuses[j]
            role = int(role_of[sp]) if sp and use_role[j] and role_of[sp] else None
            st_cp.row(j + 1, mention, CUES[cues[j]].split()[0], kind, content, begin, end, published,
                      float(confidence[j]), status, created if status != "extracted" else None, "bench-1",
                      created, created, None, pk, sp or None, role, published, "named" if sp else "unnamed",
                      int(cluster_of[j]), "t" if is_first[j] else "f")
            key = f"actor:{sp}" if sp else "words:a spokesperson"
            prints = prints_of.get((content, key)) if parent[j] >= 0 else None
            if prints is None:
                prints = cluster_text.fingerprints(content, speaker_key=key)
                if cluster_size[cluster_of[j]] > 1:
                    prints_of[(content, key)] = prints
            for value in prints:
                fingerprint_id += 1
                fp_cp.row(fingerprint_id, value, j + 1)
            for t in dict.fromkeys(topic_draw[topic_pos:topic_pos + n_topics[j]].tolist()):
                link_id += 1
                tl_cp.row(link_id, j + 1, int(t), published)
            topic_pos += n_topics[j]
            for m in set(mention_draw[mention_pos:mention_pos + n_mentions[j]].tolist()) - {sp}:
                mentions_rows.append((j + 1, m))
            mention_pos += n_mentions[j]
            st_i += 1
        if original < 0:
            parts.append(pool[filler_idx[(src * 31) % len(filler_idx)]] + ".")
        text = "".join(parts)
        total_chars += len(text)
        recent[src] = (title, text, spans)
        recent.pop(src - 41, None)  # a reprint's original is among the 40 sources before it
        s_cp.row(pk, title, PUBLISHERS[publishers[src]], f"https://news.example/{pk}", published, "", "", "en",
                 text, "", "", "text/plain", hashlib.sha256(text.encode()).hexdigest(), "done", "", "bench-1",
                 created, created, created, None, original + 1 if original >= 0 else None)
    s_cp.close()
    conn.commit()
    st_cp.close()
    conn2.commit()
    tl_cp.close()
    conn3.commit()
    fp_cp.close()
    conn4.commit()
    lap(f"sources ({n_src:,}, {total_chars / max(n_src, 1):.0f} chars avg), statements ({n_st:,}), "
        f"topic links ({link_id:,}), fingerprints ({fingerprint_id:,})")
    cl_cp = Copier(cur, "statements_cluster", [
        "id", "speaker_key", "first_dated_on", "statement_count", "source_count", "publisher_count", "created_at",
        "updated_at", "first_statement_id", "speaker_id"])
    for cluster in range(1, len(cluster_size)):
        first = int(cluster_first[cluster])
        sp = int(speaker_key[first])
        cl_cp.row(cluster, f"actor:{sp}" if sp else "words:a spokesperson",
                  start + dt.timedelta(days=int(src_days[st_source[first]])), int(cluster_count[cluster]),
                  int(source_count[cluster]), int(publisher_count[cluster]), now, now, first + 1, sp or None)
    cl_cp.close()
    conn.commit()
    lap(f"clusters ({len(cluster_size) - 1:,})")
    m_cp = Copier(cur3, "statements_statement_mentioned_actors", ["id", "statement_id", "actor_id"])
    for k, (s, m) in enumerate(mentions_rows, 1):
        m_cp.row(k, s, m)
    m_cp.close()
    conn3.commit()
    lap(f"mentions ({len(mentions_rows):,})")

    cur.execute("ALTER TABLE statements_statement ENABLE TRIGGER statement_search_vector_update")
    cur.execute("SET session_replication_role = DEFAULT")
    for d in index_defs:
        cur.execute(d)
    for table in ("actors_actor", "actors_actoralias", "actors_role", "statements_topic", "statements_source",
                  "statements_statement", "statements_statement_topics", "statements_statement_mentioned_actors",
                  "statements_cluster", "statements_fingerprint"):
        cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1)) FROM {table}")
    conn.commit()
    lap(f"rebuild {len(index_defs)} indexes")
    conn.autocommit = True
    cur.execute("VACUUM ANALYZE")
    lap("vacuum analyze")
    cur.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
    size = cur.fetchone()[0]
    for c in (conn, conn2, conn3, conn4):
        c.close()
    total = round(time.perf_counter() - t0, 1)
    print(f"done in {total} s; database size {size}")
    return {"db": args.db, "statements": n_st, "actors": n_act, "sources": n_src, "topics": n_top,
            "topic_links": link_id, "mentions": len(mentions_rows), "fingerprints": fingerprint_id,
            "repetition": repetition, "seconds": total, "steps": timings,
            "db_size": size}


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="st_perf")
    ap.add_argument("--statements", type=int, default=1_000_000)
    ap.add_argument("--actors", type=int, default=50_000)
    ap.add_argument("--sources", type=int, default=200_000)
    ap.add_argument("--topics", type=int, default=500)
    ap.add_argument("--years", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--repeated", type=float, default=0.3,
                    help="share of statements carrying an utterance another statement carries too")
    ap.add_argument("--reprints", type=float, default=0.03, help="share of sources that are reprints")
    ap.add_argument("--no-recreate", action="store_true", help="fill an existing, migrated, empty database")
    return ap


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    print(f"generating {args.statements:,} statements into {args.db}")
    result = generate(args)
    import json
    import platform

    result.update(when=dt.datetime.now().isoformat(timespec="seconds"), seed=args.seed, years=args.years,
                  machine={"cpus": os.cpu_count(), "platform": platform.platform()}, load_avg=os.getloadavg())
    out = ROOT / "bench" / "results" / f"scale_data-{args.statements}.json"
    out.write_text(json.dumps(result, indent=1) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
