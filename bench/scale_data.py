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
          "statements_statement", "statements_statement_topics", "statements_statement_mentioned_actors"]


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

    s_cp = Copier(cur, "statements_source", [
        "id", "title", "publisher", "url", "published", "dateline", "byline", "language", "text", "original",
        "original_name", "content_type", "content_hash", "status", "error", "extractor_version", "processed_at",
        "created_at", "updated_at", "duplicate_of_id"])
    conn2 = psycopg.connect(f"{PG}/{args.db}")  # statements and links stream on their own connections
    conn3 = psycopg.connect(f"{PG}/{args.db}")
    cur2, cur3 = conn2.cursor(), conn3.cursor()
    for c in (cur2, cur3):
        c.execute("SET session_replication_role = replica")
    st_cp = Copier(cur2, "statements_statement", [
        "id", "speaker_mention", "cue", "kind", "content", "content_start", "content_end", "said_on",
        "confidence", "review_status", "reviewed_at", "extractor_version", "created_at", "updated_at",
        "reviewed_by_id", "source_id", "speaker_id", "speaker_role_id", "dated_on", "source_type"])
    # dated_on: what migration 0007's trigger would write (said_on, else published: here both are `published`)
    # said_on: the copy migration 0005's trigger would write (triggers other than search_vector's are off here)
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
        title = pool[(src * 7919) % len(pool)][:90]
        parts = [title, "\n\n"]
        length = len(title) + 2
        for _ in range(per_source[src]):
            j = st_i
            for f in range(filler_n[j]):
                sentence = pool[filler_idx[3 * j + f]] + ". "
                parts.append(sentence)
                length += len(sentence)
            sp = 0 if no_speaker[j] else int(speakers[j])
            mention = names[sp - 1] if sp else "a spokesperson"
            content = pool[content_idx[j]]
            if quoted[j]:
                lead, tail, kind = f'{mention} {CUES[cues[j]]}: "', '". ', "direct"
            else:
                lead, tail, kind = f"{mention} {CUES[cues[j]]} that ", ". ", "indirect"
            begin = length + len(lead)
            end = begin + len(content)
            parts += [lead, content, tail]
            length = end + len(tail)
            if length > 0 and src % 3 == 0 and j % 4 == 0:
                parts.append("\n\n")
                length += 2
            status = statuses[j]
            role = int(role_of[sp]) if sp and use_role[j] and role_of[sp] else None
            st_cp.row(j + 1, mention, CUES[cues[j]].split()[0], kind, content, begin, end, published,
                      float(confidence[j]), status, created if status != "extracted" else None, "bench-1",
                      created, created, None, pk, sp or None, role, published, "named" if sp else "unnamed")
            for t in dict.fromkeys(topic_draw[topic_pos:topic_pos + n_topics[j]].tolist()):
                link_id += 1
                tl_cp.row(link_id, j + 1, int(t), published)
            topic_pos += n_topics[j]
            for m in set(mention_draw[mention_pos:mention_pos + n_mentions[j]].tolist()) - {sp}:
                mentions_rows.append((j + 1, m))
            mention_pos += n_mentions[j]
            st_i += 1
        extra = pool[filler_idx[(src * 31) % len(filler_idx)]] + "."
        parts.append(extra)
        text = "".join(parts)
        total_chars += len(text)
        s_cp.row(pk, title, PUBLISHERS[publishers[src]], f"https://news.example/{pk}", published, "", "", "en",
                 text, "", "", "text/plain", hashlib.sha256(text.encode()).hexdigest(), "done", "", "bench-1",
                 created, created, created, None)
    s_cp.close()
    conn.commit()
    st_cp.close()
    conn2.commit()
    tl_cp.close()
    conn3.commit()
    lap(f"sources ({n_src:,}, {total_chars / max(n_src, 1):.0f} chars avg), statements ({n_st:,}), "
        f"topic links ({link_id:,})")
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
                  "statements_statement", "statements_statement_topics", "statements_statement_mentioned_actors"):
        cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1)) FROM {table}")
    conn.commit()
    lap(f"rebuild {len(index_defs)} indexes")
    conn.autocommit = True
    cur.execute("VACUUM ANALYZE")
    lap("vacuum analyze")
    cur.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
    size = cur.fetchone()[0]
    for c in (conn, conn2, conn3):
        c.close()
    total = round(time.perf_counter() - t0, 1)
    print(f"done in {total} s; database size {size}")
    return {"db": args.db, "statements": n_st, "actors": n_act, "sources": n_src, "topics": n_top,
            "topic_links": link_id, "mentions": len(mentions_rows), "seconds": total, "steps": timings,
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
