"""Speaker-identity audit (issue 20): who the stored statements are credited to, judged by hand, repeatably.

    .venv/bin/python bench/speaker_audit.py draw --seed 20 --articles 40
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/st_audit .venv/bin/python bench/speaker_audit.py prepare \\
        [--out /tmp/speaker_audit] [--statements 200]
    .venv/bin/python bench/speaker_audit.py score /tmp/speaker_audit [--label before]
    .venv/bin/python bench/speaker_audit.py compare before after

Every command takes --set bbc (the default: the BBC sample) or --set polnear (PolNeAR train[300:], the split kept
for judging: 540 US political articles of 2016, written out under /tmp and ingested from there; its draw, figures and
verdicts are kept apart, in bench/results/speaker_audit_polnear*), or --set polnear-b (a second draw from the same
split, never the first draw's articles), --set polnear-c (a third, apart from both) or --set polnear-d (a fourth,
apart from all three), --set polnear-e (a fifth, apart from all four) or --set polnear-f (a sixth, apart from all five).

draw     Draws K held-out articles at random (seeded) from the BBC sample (../shared/corpora/bbc-sample, all
         sections; read in place), leaving out the articles issue 20 names as examples (EXCLUDED), and saves the
         list (paths relative to the corpus) with the seed to bench/results/speaker_audit_sample.json. The draw
         is a seeded shuffle cut at K, so a larger K only appends articles.
prepare  Drops and creates the PostgreSQL database DATABASE_URL names, migrates it, and ingests ALL of the BBC
         sample plus ../shared/samples/*.txt in process (tasks eager, as the embedded mode runs them; sections
         and files in name order), so that duplicates across articles exist as an analyst would see them. Then
         writes the judging sheets to --out (outside the repository: they quote the articles):
           actors.csv      every actor that speaks in a held-out article: name, kind, aliases, roles, statements
                           in the held-out set and in all, sample mentions, likely duplicates elsewhere in the
                           database (a hint only: same normalised name, acronym, shared surname, contained or
                           close names), and empty `verdict` and `reason` columns;
           statements.csv  --statements statements drawn at random (seeded with the draw's seed) from the
                           held-out articles: the paragraph around it (statement marked [[...]], with the
                           paragraph before), cue, speaker mention, stored actor (name, kind, role) or none, and
                           empty `verdict` and `reason` columns;
           statements.md   the same statements, easier to read;
           articles.md     every held-out article with the drawn statements marked [[sid: ...]] in place.
         Where an earlier labelled run judged a statement at the same offsets, its verdict is shown (column
         `previous`), as a reference: judge again.
         --sheets-only writes the sheets again from the database as it is (after a new draw, say).
         --blind leaves the `previous` column empty, so that an after-run is judged without anchoring.
score    Reads the judged sheets (actors.csv, statements.csv in JUDGED_DIR), prints the rubric's figures and the
         five goals of issue 20 (met / not met), and writes them under --label to bench/results/speaker_audit.json
         (with the date, the commit, the seed and the extractor version), and the verdicts WITHOUT article text
         to bench/results/speaker_audit_<label>.csv: statements keyed by (file, content_start, content_end),
         actors by (name, kind), with the verdict and its short reason, so that a later run can be compared
         statement by statement where the offsets still match.
compare  [BEFORE_LABEL [AFTER_LABEL]] (default before, after): the two runs' saved verdicts side by side, for the
         statements judged in both (same offsets; the after sample is drawn afresh from what the new code
         extracts, so it overlaps the before sample only in part) and the actors of the same name and kind:
         verdict transitions and every change of verdict or actor.

Rubric. Actors that speak: ok (a specific, properly named person or organisation of the right kind, under the
fullest name the article gives or the one analysts use; an acronym is fine when the full name is one of its
aliases) / group (a group or unnamed source stored as an actor: "Analysts", "Reports", "Mr Blair's official
spokesman") / kind (a right name with the wrong kind, "unknown" included) / partial (a fragment of the name, a bare
surname, or a short form that loses the full name the article gives) / duplicate (a second record of an entity
that has another: every record but the fullest or most used one; a role description stored beside the named
holder) / junk (no speaker at all: a heading, a common noun).
Statements: right (the stored actor stands for the real speaker, even when that record is a group, a fragment or a
duplicate; "strictly right" when the actor is also judged ok) / wrong (another actor) / unresolved (no actor
although the article names who said it, or the organisation a spokesman, official or report speaks for) / unnamed
(no actor, and the article gives no name: correctly unnamed) / not (not an attributed statement at all: an
action, a decision, a heading, a bare noun phrase).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import difflib
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "bbc-sample"
SAMPLES = SHARED / "samples"
RESULTS = ROOT / "bench" / "results"
DEFAULT_OUT = Path("/tmp/speaker_audit")
sys.path.insert(0, str(ROOT))

# The articles issue 20 quotes as examples (and politics/007, read while the issue was written): never drawn.
EXCLUDED = ("politics/036.txt", "politics/027.txt", "politics/007.txt")
# The second set (--set polnear): PolNeAR train[300:], the split kept for judging (never read while building),
# written out as <publisher>/<name>.txt under POLNEAR_CORPUS (outside the repository) and ingested from there.
POLNEAR_FILE = SHARED / "eval" / "polnear-train.json"
POLNEAR_FROM = 300
POLNEAR_CORPUS = Path("/tmp/speaker_audit_polnear_corpus")


@dataclass(frozen=True)
class AuditSet:
    """Where one set of held-out articles comes from and where its draw, figures and verdicts are kept."""
    name: str
    corpus: Path
    corpus_label: str
    excluded: tuple[str, ...]
    prefix: str  # of the files under bench/results: <prefix>_sample.json, <prefix>.json, <prefix>_<label>.csv
    apart_from: tuple[str, ...] = ()  # sets whose drawn articles this one never draws

    @property
    def sample_file(self) -> Path:
        return RESULTS / f"{self.prefix}_sample.json"

    @property
    def result_file(self) -> Path:
        return RESULTS / f"{self.prefix}.json"

    def verdict_file(self, label: str) -> Path:
        return RESULTS / f"{self.prefix}_{label}.csv"

    def verdict_files(self) -> list[Path]:
        """This set's verdict files (not those of a set whose prefix extends this one's)."""
        longer = [a.prefix for a in AUDIT_SETS.values() if a.prefix.startswith(f"{self.prefix}_")]
        return sorted(p for p in RESULTS.glob(f"{self.prefix}_*.csv")
                      if not any(p.stem.startswith(f"{other}_") for other in longer))


AUDIT_SETS = {
    "bbc": AuditSet("bbc", CORPUS, "../shared/corpora/bbc-sample", EXCLUDED, "speaker_audit"),
    "polnear": AuditSet("polnear", POLNEAR_CORPUS, f"../shared/eval/polnear-train.json[{POLNEAR_FROM}:]", (),
                        "speaker_audit_polnear"),
    # A second draw from the same split, apart from the first: the first's verdicts guided the twelfth session's
    # builders, so this one measures on articles whose verdicts nobody building has seen.
    "polnear-b": AuditSet("polnear-b", POLNEAR_CORPUS, f"../shared/eval/polnear-train.json[{POLNEAR_FROM}:]", (),
                          "speaker_audit_polnear_b", apart_from=("polnear",)),
    # A third, once set b's verdicts had been read as a to-do list in turn (twelfth session, after its first after-run).
    "polnear-c": AuditSet("polnear-c", POLNEAR_CORPUS, f"../shared/eval/polnear-train.json[{POLNEAR_FROM}:]", (),
                          "speaker_audit_polnear_c", apart_from=("polnear", "polnear-b")),
    # A fourth, once set c's after-verdicts had been read as a to-do list (thirteenth session).
    "polnear-d": AuditSet("polnear-d", POLNEAR_CORPUS, f"../shared/eval/polnear-train.json[{POLNEAR_FROM}:]", (),
                          "speaker_audit_polnear_d", apart_from=("polnear", "polnear-b", "polnear-c")),
    # A fifth, once set d's after-verdicts had been read as a to-do list (fourteenth session).
    "polnear-e": AuditSet("polnear-e", POLNEAR_CORPUS, f"../shared/eval/polnear-train.json[{POLNEAR_FROM}:]", (),
                          "speaker_audit_polnear_e", apart_from=("polnear", "polnear-b", "polnear-c", "polnear-d")),
    # A sixth, once set e's final verdicts had been read as a to-do list (fifteenth session).
    "polnear-f": AuditSet("polnear-f", POLNEAR_CORPUS, f"../shared/eval/polnear-train.json[{POLNEAR_FROM}:]", (),
                          "speaker_audit_polnear_f",
                          apart_from=("polnear", "polnear-b", "polnear-c", "polnear-d", "polnear-e")),
}


def write_polnear_corpus(out: Path = POLNEAR_CORPUS, source: Path = POLNEAR_FILE, start: int = POLNEAR_FROM,
                         stop: int | None = None) -> int:
    """PolNeAR documents [start:stop] as plain-text files <publisher>/<name>.txt (text exactly as annotated)."""
    docs = json.loads(source.read_text(encoding="utf-8"))[start:stop]
    for doc in docs:
        name = re.sub(r"^polnear-(train|dev)-", "", doc["id"])
        path = out / doc["publisher"] / f"{name}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(doc["text"], encoding="utf-8")
    return len(docs)

ACTOR_VERDICTS = ("ok", "group", "kind", "partial", "duplicate", "junk")
STATEMENT_VERDICTS = ("right", "wrong", "unresolved", "unnamed", "not")
GOALS = {  # issue 20, "What it must show"
    "attributed statements on ok actors >= 97%": ("attributed_on_ok", ">=", 0.97),
    "sampled statements right (strictly) >= 90%": ("right_strict", ">=", 0.90),
    "unresolved although the article names the speaker <= 3%": ("unresolved", "<=", 0.03),
    "wrong speaker <= 2%": ("wrong", "<=", 0.02),
    "not statements <= 2%": ("not", "<=", 0.02),
}


# -- draw (pure) -----------------------------------------------------------------------------------------------

def corpus_articles(corpus: Path = CORPUS) -> list[str]:
    """Every article of the corpus, as paths relative to it ("politics/001.txt"), in name order."""
    return sorted(p.relative_to(corpus).as_posix() for p in corpus.glob("*/*.txt"))


def draw_articles(articles: list[str], *, seed: int, k: int, excluded=EXCLUDED) -> list[str]:
    """K articles drawn at random (seeded), none of the excluded; a larger K extends a smaller K's draw."""
    pool = sorted(set(articles) - set(excluded))
    if k > len(pool):
        raise ValueError(f"{k} articles asked for, {len(pool)} to draw from")
    random.Random(seed).shuffle(pool)
    return pool[:k]


def sample_statements(keys: list, *, seed: int, n: int) -> list:
    """n statement keys drawn at random (seeded) from keys, returned in key order."""
    keys = sorted(keys)
    return sorted(random.Random(seed).sample(keys, min(n, len(keys))))


# -- score (pure) ----------------------------------------------------------------------------------------------

def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def wilson(part: int, whole: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson interval of the share part / whole (how far 200 judged statements pin a figure down)."""
    if not whole:
        return (0.0, 0.0)
    p = part / whole
    centre = (p + z * z / (2 * whole)) / (1 + z * z / whole)
    half = z * ((p * (1 - p) / whole + z * z / (4 * whole * whole)) ** 0.5) / (1 + z * z / whole)
    return (round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4))


def compute_figures(actor_rows: list[dict], statement_rows: list[dict]) -> dict:
    """The rubric's figures from judged sheet rows (dicts as csv.DictReader gives them)."""
    for row in actor_rows:
        if row["verdict"] not in ACTOR_VERDICTS:
            raise ValueError(f"actor {row['name']!r}: verdict {row['verdict']!r} is not one of {ACTOR_VERDICTS}")
    for row in statement_rows:
        if row["verdict"] not in STATEMENT_VERDICTS:
            raise ValueError(f"statement {row['file']} {row['content_start']}: verdict {row['verdict']!r} "
                             f"is not one of {STATEMENT_VERDICTS}")
    actor_verdict = {(r["name"], r["kind"]): r["verdict"] for r in actor_rows}
    by_actor = Counter(r["verdict"] for r in actor_rows)
    attributed = Counter()
    for r in actor_rows:
        attributed[r["verdict"]] += int(r["n_heldout"])
    n_attributed = sum(attributed.values())

    by_statement = Counter(r["verdict"] for r in statement_rows)
    strict = 0
    for r in statement_rows:
        if r["verdict"] == "right":
            verdict = actor_verdict.get((r["actor_name"], r["actor_kind"]))
            if verdict is None:
                raise ValueError(f"statement {r['file']} {r['content_start']} is right on actor "
                                 f"{r['actor_name']!r} ({r['actor_kind']}), which the actor sheet lacks")
            strict += verdict == "ok"
    n = len(statement_rows)
    figures = {
        "actors": len(actor_rows),
        "actor_verdicts": {v: by_actor[v] for v in ACTOR_VERDICTS},
        "actors_ok": _share(by_actor["ok"], len(actor_rows)),
        "attributed_statements": n_attributed,
        "attributed_by_actor_verdict": {v: attributed[v] for v in ACTOR_VERDICTS},
        "attributed_on_ok": _share(attributed["ok"], n_attributed),
        "statements": n,
        "statement_verdicts": {v: by_statement[v] for v in STATEMENT_VERDICTS},
        "right_strict_count": strict,
    }
    for v in STATEMENT_VERDICTS:
        figures[v] = _share(by_statement[v], n)
    figures["right_strict"] = _share(strict, n)
    figures["right_or_unnamed"] = _share(by_statement["right"] + by_statement["unnamed"], n)
    figures["interval_95"] = {v: wilson(by_statement[v], n) for v in STATEMENT_VERDICTS}
    figures["interval_95"]["right_strict"] = wilson(strict, n)
    figures["goals"] = {
        goal: {"figure": figures[key], "target": target,
               "met": figures[key] >= target if op == ">=" else figures[key] <= target}
        for goal, (key, op, target) in GOALS.items()
    }
    return figures


def error_patterns(statement_rows: list[dict], actor_rows: list[dict], top: int = 10) -> list[tuple[str, int]]:
    """The most frequent reasons given for anything but ok / right, as (verdict: reason, count)."""
    counts = Counter()
    for r in statement_rows:
        if r["verdict"] not in ("right", "unnamed") and r.get("reason"):
            counts[f"statement {r['verdict']}: {r['reason']}"] += 1
    for r in actor_rows:
        if r["verdict"] != "ok" and r.get("reason"):
            counts[f"actor {r['verdict']}: {r['reason']}"] += 1
    return counts.most_common(top)


def verdict_rows(actor_rows: list[dict], statement_rows: list[dict]) -> list[dict]:
    """The judged verdicts without article text: statements by offsets, actors by name and kind."""
    rows = []
    for r in sorted(statement_rows, key=lambda r: (r["file"], int(r["content_start"]), int(r["content_end"]))):
        rows.append({"item": "statement", "file": r["file"], "content_start": r["content_start"],
                     "content_end": r["content_end"], "speaker_mention": r["speaker_mention"],
                     "actor_name": r["actor_name"], "actor_kind": r["actor_kind"], "n_heldout": "",
                     "verdict": r["verdict"], "reason": r.get("reason", "")})
    for r in sorted(actor_rows, key=lambda r: (r["name"], r["kind"])):
        rows.append({"item": "actor", "file": "", "content_start": "", "content_end": "", "speaker_mention": "",
                     "actor_name": r["name"], "actor_kind": r["kind"], "n_heldout": r["n_heldout"],
                     "verdict": r["verdict"], "reason": r.get("reason", "")})
    return rows


VERDICT_FIELDS = ["item", "file", "content_start", "content_end", "speaker_mention", "actor_name", "actor_kind",
                  "n_heldout", "verdict", "reason"]


def compare_verdicts(before: list[dict], after: list[dict]) -> dict:
    """Two runs' saved verdicts side by side: statements at the same offsets, actors of the same name and kind."""
    def keyed(rows, item):
        if item == "statement":
            return {(r["file"], r["content_start"], r["content_end"]): r for r in rows if r["item"] == item}
        return {(r["actor_name"], r["actor_kind"]): r for r in rows if r["item"] == item}

    result = {}
    for item in ("statement", "actor"):
        old, new = keyed(before, item), keyed(after, item)
        common = sorted(set(old) & set(new))
        result[item] = {
            "both": len(common), "only_before": len(set(old) - set(new)), "only_after": len(set(new) - set(old)),
            "transitions": dict(Counter(f"{old[k]['verdict']} -> {new[k]['verdict']}" for k in common)
                                .most_common()),
            "changed": [{"key": list(k), "before": f"{old[k]['verdict']} on {old[k]['actor_name'] or 'no actor'}",
                         "after": f"{new[k]['verdict']} on {new[k]['actor_name'] or 'no actor'}"}
                        for k in common if (old[k]["verdict"], old[k]["actor_name"])
                        != (new[k]["verdict"], new[k]["actor_name"])],
        }
    return result


# -- duplicate hints (pure) ------------------------------------------------------------------------------------

_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "prof", "the", "baroness", "dame", "rev"}
_STOP = {"of", "the", "and", "for", "&"}


def _words(name: str) -> list[str]:
    from actors.normalize import normalize_name

    return [w for w in normalize_name(name).split() if w not in _TITLES]


def _acronyms(name: str) -> set[str]:
    """"Bank of England" -> {"be", "boe"}."""
    words = _words(name)
    return {"".join(w[0] for w in words if w not in _STOP), "".join(w[0] for w in words)}


# Short forms no string similarity finds (party names in British news).
_SHORT_FORMS = {"tories": "conservative", "tory": "conservative", "lib dems": "liberal democrat",
                "lib dem": "liberal democrat"}


def _short_form(joined: str) -> str:
    """"Tories", "Conservatives", "Conservative Party" -> "conservative"."""
    return _SHORT_FORMS.get(joined, joined).removesuffix(" party").removesuffix("s")


def duplicate_hints(name: str, others: list[str], limit: int = 5) -> list[str]:
    """Names among others that may be the same entity as name: a hint for the judge, not a decision."""
    mine = _words(name)
    if not mine:
        return []
    joined = " ".join(mine)
    hints = []
    for other in others:
        theirs = _words(other)
        if not theirs or other == name:
            continue
        other_joined = " ".join(theirs)
        why = None
        if other_joined == joined:
            why = "same name"
        elif len(mine) == 1 and len(mine[0]) >= 2 and mine[0] in _acronyms(other) \
                or len(theirs) == 1 and len(theirs[0]) >= 2 and theirs[0] in _acronyms(name):
            why = "acronym"
        elif _short_form(joined) == _short_form(other_joined):
            why = "short form"
        elif set(mine) < set(theirs) or set(theirs) < set(mine):
            why = "contained"
        elif mine[-1] == theirs[-1] and len(mine[-1]) > 2:
            why = "same last word"
        elif difflib.SequenceMatcher(None, joined, other_joined).ratio() >= 0.85:
            why = "close"
        if why:
            hints.append(f"{other} ({why})")
    order = ("same name", "acronym", "short form", "contained", "close", "same last word")
    hints.sort(key=lambda h: order.index(h.rsplit("(", 1)[1].rstrip(")")))
    return hints[:limit]


# -- paragraphs (pure) -----------------------------------------------------------------------------------------

def paragraph_context(text: str, start: int, end: int) -> tuple[str, str]:
    """(the paragraph before, the paragraph holding [start, end) with the span marked [[...]])."""
    bounds = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text)]
    for i, (a, b) in enumerate(bounds):
        if a <= start < b or (start >= b and (i + 1 == len(bounds) or start < bounds[i + 1][0])):
            b = max(b, end)
            para = text[a:start] + "[[" + text[start:end] + "]]" + text[end:b]
            before = text[bounds[i - 1][0]:bounds[i - 1][1]] if i else ""
            return before, para
    return "", "[[" + text[start:end] + "]]"


def mark_spans(text: str, spans: list[tuple[int, int, str]]) -> str:
    """text with each (start, end, label) span wrapped as [[label: ...]]; spans may not overlap."""
    for start, end, label in sorted(spans, reverse=True):
        text = f"{text[:start]}[[{label}: {text[start:end]}]]{text[end:]}"
    return text


# -- commands --------------------------------------------------------------------------------------------------

def _corpus(audit: AuditSet) -> list[str]:
    if audit.corpus == POLNEAR_CORPUS:
        write_polnear_corpus(audit.corpus)
    articles = corpus_articles(audit.corpus)
    if not articles:
        sys.exit(f"no articles under {audit.corpus}")
    return articles


def cmd_draw(args) -> None:
    audit = AUDIT_SETS[args.set]
    articles = _corpus(audit)
    excluded = audit.excluded + tuple(a for other in audit.apart_from for a in _load_sample(AUDIT_SETS[other])["articles"])
    chosen = draw_articles(articles, seed=args.seed, k=args.articles, excluded=excluded)
    audit.sample_file.parent.mkdir(parents=True, exist_ok=True)
    audit.sample_file.write_text(json.dumps({
        "corpus": audit.corpus_label, "corpus_articles": len(articles), "seed": args.seed,
        "articles_drawn": len(chosen), "excluded": list(excluded), "articles": chosen,
    }, indent=1) + "\n")
    print("\n".join(chosen))
    print(f"{len(chosen)} of {len(articles) - len(excluded)} articles (seed {args.seed}) -> "
          f"{audit.sample_file.relative_to(ROOT)}")


def _load_sample(audit: AuditSet) -> dict:
    if not audit.sample_file.exists():
        sys.exit(f"{audit.sample_file.relative_to(ROOT)} is missing: run `draw` first")
    return json.loads(audit.sample_file.read_text())


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    os.environ["CELERY_BROKER_URL"] = ""  # tasks run in process, as in the embedded mode
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "true"
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # not a line per task
    import django

    django.setup()


def recreate_database(database_url: str) -> None:
    import psycopg

    base, _, name = database_url.rpartition("/")
    if not re.fullmatch(r"[A-Za-z0-9_]+", name or ""):
        sys.exit(f"DATABASE_URL must end with a plain database name, not {name!r}")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def cmd_prepare(args) -> None:
    audit = AUDIT_SETS[args.set]
    sample = _load_sample(audit)
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        sys.exit("set DATABASE_URL to a scratch PostgreSQL database (it is dropped and created)")
    if args.sheets_only:
        setup_django(database_url)
        _write_sheets(audit, sample, Path(args.out), args.statements, blind=args.blind)
        return
    ingest_everything(database_url, audit)
    _write_sheets(audit, sample, Path(args.out), args.statements, blind=args.blind)


def ingest_everything(database_url: str, audit: AuditSet) -> None:
    """A fresh database at `database_url`, migrated, holding all of the set's corpus and ../shared/samples/*.txt,
    ingested in process (sections and files in name order)."""
    paths = [(rel, audit.corpus / rel) for rel in _corpus(audit)]
    paths += [(f"samples/{p.name}", p) for p in sorted(SAMPLES.glob("*.txt"))]
    ingest_in_process(database_url, paths)


def ingest_in_process(database_url: str, paths: list[tuple[str, Path]]) -> None:
    """Drop and create the database, migrate it, and ingest (name stored, file) pairs in process, in order."""
    recreate_database(database_url)
    setup_django(database_url)
    from django.core.management import call_command

    from ingest import services

    call_command("migrate", verbosity=0)
    for i, (rel, path) in enumerate(paths, 1):
        services.submit_article(raw=path.read_bytes(), filename=rel)
        if i % 25 == 0 or i == len(paths):
            print(f"ingested {i}/{len(paths)}", flush=True)


def _write_sheets(audit: AuditSet, sample: dict, out: Path, n_statements: int, blind: bool = False) -> None:
    from actors.models import Actor
    from statements.models import Source, Statement

    held_out = set(sample["articles"])
    sources = {s.pk: s for s in Source.objects.filter(original_name__in=held_out)}
    missing = held_out - {s.original_name for s in sources.values()}
    statuses = Counter(s.status for s in sources.values())
    statements = list(Statement.objects.filter(source__in=sources).select_related("speaker", "speaker_role"))
    all_counts = Counter(Statement.objects.filter(speaker__isnull=False).values_list("speaker_id", flat=True))
    print(f"held-out: {len(sources)} articles ({dict(statuses)}), {len(statements)} statements"
          + (f"; MISSING {sorted(missing)}" if missing else ""))
    if len(statements) < 220:
        print("fewer than 220 held-out statements: draw more articles (a larger --articles)")

    out.mkdir(parents=True, exist_ok=True)
    # (a) actors that speak in a held-out article
    speaking = Counter(st.speaker_id for st in statements if st.speaker_id)
    mentions = defaultdict(Counter)
    files = defaultdict(set)
    for st in statements:
        if st.speaker_id:
            mentions[st.speaker_id][st.speaker_mention] += 1
            files[st.speaker_id].add(sources[st.source_id].original_name)
    all_names = sorted(set(Actor.objects.filter(statements__isnull=False).values_list("name", flat=True)))
    actors = Actor.objects.filter(pk__in=speaking).prefetch_related("aliases", "roles").order_by("name", "kind")
    with open(out / "actors.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["actor_id", "name", "kind", "aliases", "roles", "n_heldout", "n_all", "files", "mentions",
                    "likely_duplicates", "verdict", "reason"])
        for a in actors:
            roles = "; ".join(sorted({f"{r.title}, {r.organization_name}".strip(", ") for r in a.roles.all()
                                      if r.kind == r.Kind.HELD}) + sorted(  # titles held, then voices, marked
                {f"spoke through {r.voice_text}" for r in a.roles.all() if r.kind == r.Kind.VOICE}))
            w.writerow([a.pk, a.name, a.kind, "; ".join(sorted({al.name for al in a.aliases.all()})), roles,
                        speaking[a.pk], all_counts[a.pk], " ".join(sorted(files[a.pk])),
                        "; ".join(f"{m} x{c}" for m, c in mentions[a.pk].most_common(6)),
                        "; ".join(duplicate_hints(a.name, all_names)), "", ""])
    # (b) statements drawn at random
    by_key = {(sources[st.source_id].original_name, st.content_start, st.content_end, st.pk): st for st in statements}
    chosen = sample_statements(list(by_key), seed=sample["seed"], n=n_statements)
    previous = {} if blind else _previous_verdicts(audit)  # --blind: the judge sees no earlier verdict
    rows = []
    for sid, key in enumerate(chosen, 1):
        st = by_key[key]
        before, para = paragraph_context(sources[st.source_id].text, st.content_start, st.content_end)
        role = st.speaker_role
        earlier = previous.get((key[0], str(st.content_start), str(st.content_end)), {})
        rows.append({
            "sid": sid, "file": key[0], "content_start": st.content_start, "content_end": st.content_end,
            "statement_id": st.pk, "kind": st.kind, "cue": st.cue, "speaker_mention": st.speaker_mention,
            "actor_name": st.speaker.name if st.speaker else "", "actor_kind": st.speaker.kind if st.speaker else "",
            "actor_role": f"{role.title}, {role.organization_name}".strip(", ") if role else "",
            "previous": f"{earlier['label']}: {earlier['verdict']} on {earlier['actor_name'] or 'no actor'} "
                        f"({earlier['reason']})" if earlier else "",
            "paragraph_before": before, "paragraph": para, "verdict": "", "reason": "",
        })
    with open(out / "statements.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]) if rows else ["sid"])
        w.writeheader()
        w.writerows(rows)
    with open(out / "statements.md", "w", encoding="utf-8") as md:
        for r in rows:
            md.write(f"## {r['sid']}. {r['file']} {r['content_start']}-{r['content_end']} ({r['kind']}, cue "
                     f"{r['cue']!r})\nmention: {r['speaker_mention']!r} -> actor: {r['actor_name'] or 'NONE'} "
                     f"[{r['actor_kind']}] role: {r['actor_role']}\n"
                     + (f"previously: {r['previous']}\n" if r["previous"] else "")
                     + f"\n> {r['paragraph_before']}\n\n> {r['paragraph']}\n\n")
    # (c) the articles with the drawn statements marked in place: the judge reads the whole article
    by_file = defaultdict(list)
    for r in rows:
        by_file[r["file"]].append(r)
    with open(out / "articles.md", "w", encoding="utf-8") as md:
        for source in sorted(sources.values(), key=lambda s: s.original_name):
            marked = by_file[source.original_name]
            spans = [(int(r["content_start"]), int(r["content_end"]), str(r["sid"])) for r in marked]
            md.write(f"# {source.original_name}\n\n{mark_spans(source.text, spans)}\n\n")
            for r in marked:
                md.write(f"- #{r['sid']} cue {r['cue']!r}, mention {r['speaker_mention']!r} -> "
                         f"{r['actor_name'] or 'NONE'} [{r['actor_kind']}] {r['actor_role']}\n")
            md.write("\n")
    print(f"sheets in {out}: actors.csv ({len(speaking)} actors), statements.csv and statements.md ({len(rows)} "
          f"statements), articles.md ({len(sources)} articles)")


def _previous_verdicts(audit: AuditSet) -> dict:
    """Verdicts of the set's earlier labelled runs (bench/results/<prefix>_<label>.csv) by statement offsets."""
    found = {}
    for path in audit.verdict_files():
        label = path.stem.removeprefix(f"{audit.prefix}_")
        for r in _read_csv(path):
            if r["item"] == "statement":
                found[(r["file"], r["content_start"], r["content_end"])] = {**r, "label": label}
    return found


def _read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def cmd_score(args) -> None:
    audit = AUDIT_SETS[args.set]
    judged = Path(args.judged_dir)
    actor_rows = _read_csv(judged / "actors.csv")
    statement_rows = _read_csv(judged / "statements.csv")
    figures = compute_figures(actor_rows, statement_rows)
    sample = _load_sample(audit)
    try:
        from ingest.extraction import EXTRACTOR_VERSION
    except Exception:  # noqa: BLE001 - the version is a label only
        EXTRACTOR_VERSION = ""
    print(report(figures))
    patterns = error_patterns(statement_rows, actor_rows)
    print("\nmost frequent error reasons:")
    for reason, count in patterns:
        print(f"  {count:3d}  {reason}")
    results = json.loads(audit.result_file.read_text()) if audit.result_file.exists() else {}
    results[args.label] = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "commit": _commit(),
        "extractor_version": EXTRACTOR_VERSION, "seed": sample["seed"], "articles": sample["articles"],
        **figures, "top_error_reasons": patterns,
    }
    audit.result_file.write_text(json.dumps(results, indent=1) + "\n")
    verdicts = audit.verdict_file(args.label)
    with open(verdicts, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=VERDICT_FIELDS)
        w.writeheader()
        w.writerows(verdict_rows(actor_rows, statement_rows))
    print(f"\n-> {audit.result_file.relative_to(ROOT)} [{args.label}], {verdicts.relative_to(ROOT)}")


def cmd_compare(args) -> None:
    audit = AUDIT_SETS[args.set]
    paths = [audit.verdict_file(label) for label in (args.before, args.after)]
    for path in paths:
        if not path.exists():
            sys.exit(f"{path.relative_to(ROOT)} is missing: score that run first")
    result = compare_verdicts(_read_csv(paths[0]), _read_csv(paths[1]))
    for item, r in result.items():
        print(f"{item}s judged in both runs: {r['both']} (only {args.before}: {r['only_before']}, only "
              f"{args.after}: {r['only_after']})")
        for transition, count in r["transitions"].items():
            print(f"  {count:3d}  {transition}")
        for change in r["changed"]:
            print(f"       {' '.join(change['key'])}: {change['before']} -> {change['after']}")


def report(f: dict) -> str:
    pct = lambda x: f"{100 * x:.1f}%"  # noqa: E731
    lines = [f"actors that speak: {f['actors']}; " + ", ".join(
        f"{v} {c} ({pct(_share(c, f['actors']))})" for v, c in f["actor_verdicts"].items())]
    lines.append(f"attributed held-out statements: {f['attributed_statements']}; on ok actors "
                 f"{pct(f['attributed_on_ok'])}; by actor verdict " + ", ".join(
                     f"{v} {c}" for v, c in f["attributed_by_actor_verdict"].items()))
    span = lambda key: "{}-{}".format(*map(pct, f["interval_95"][key]))  # noqa: E731
    lines.append(f"sampled statements: {f['statements']}; " + ", ".join(
        f"{v} {c} ({pct(f[v])}, 95% {span(v)})" for v, c in f["statement_verdicts"].items()))
    lines.append(f"right on an ok actor (strictly right): {f['right_strict_count']} ({pct(f['right_strict'])}, 95% "
                 f"{span('right_strict')}); right or correctly unnamed: {pct(f['right_or_unnamed'])}")
    lines.append("goals:")
    for goal, g in f["goals"].items():
        lines.append(f"  {'met    ' if g['met'] else 'NOT met'}  {goal}: {pct(g['figure'])}")
    return "\n".join(lines)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("draw", help="draw the held-out articles")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--articles", type=int, required=True)
    p.set_defaults(fn=cmd_draw)
    p = sub.add_parser("prepare", help="fresh database, ingest everything, write the judging sheets")
    p.add_argument("--out", default=str(DEFAULT_OUT))
    p.add_argument("--statements", type=int, default=200)
    p.add_argument("--sheets-only", action="store_true", help="reuse the database as it is: sheets only")
    p.add_argument("--blind", action="store_true", help="show no earlier verdicts (no `previous` column values)")
    p.set_defaults(fn=cmd_prepare)
    p = sub.add_parser("score", help="figures and goals from the judged sheets")
    p.add_argument("judged_dir")
    p.add_argument("--label", default="before")
    p.set_defaults(fn=cmd_score)
    p = sub.add_parser("compare", help="two scored runs side by side, where the keys match")
    p.add_argument("before", nargs="?", default="before")
    p.add_argument("after", nargs="?", default="after")
    p.set_defaults(fn=cmd_compare)
    for p in sub.choices.values():
        p.add_argument("--set", choices=sorted(AUDIT_SETS), default="bbc",
                       help="bbc: the BBC sample (default); polnear, polnear-b ... polnear-f: draws from PolNeAR train[300:]")
    args = ap.parse_args(argv)
    args.fn(args)


if __name__ == "__main__":
    main()
