"""Markdown tables from bench/results/*.json, for docs/performance.md.

    .venv/bin/python bench/report.py                        # every web result, ingest and extraction
    .venv/bin/python bench/report.py --compare web-baseline web-after   # before/after side by side
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def load(name: str) -> dict:
    return json.loads((RESULTS / (name if name.endswith(".json") else f"{name}.json")).read_text())


def web_table(name: str) -> str:
    d = load(name)
    lines = [f"`{name}` ({d['db']}, n={d['n']}, load average {', '.join(f'{x:.1f}' for x in d.get('load_avg', []))}"
             f"{', PGOPTIONS ' + d['pgoptions'] if d.get('pgoptions') else ''})", "",
             "| case | p50 ms | p95 ms | target p95 | raw SQL p50 ms | page/raw | queries | first (cold) ms |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for c in d["cases"]:
        mark = "" if c["meets_target"] is None else (" ✓" if c["meets_target"] else " ✗")
        lines.append(f"| {c['name']} | {c['p50_ms']} | {c['p95_ms']}{mark} | {c['target_p95_ms'] or ''} | "
                     f"{c['raw_p50_ms']} | {c['ratio']} | {c['queries']} | {c['cold_ms']} |")
    if d.get("export"):
        e = d["export"]
        lines += ["", f"CSV export: {e['rows']:,} rows in {e['seconds']} s ({e['rows_per_s']:,} rows/s), first byte "
                      f"{e['first_byte_ms']} ms, peak RSS growth {e['rss_peak_growth_mb']} MB, of which "
                      f"{e['rss_growth_after_10k_rows_mb']} MB after the first 10,000 rows."]
    return "\n".join(lines)


def compare(before: str, after: str) -> str:
    b, a = load(before), load(after)
    by = {c["name"]: c for c in b["cases"]}
    lines = [f"| case | `{before}` p50 / p95 ms | `{after}` p50 / p95 ms | p50 speed-up |", "|---|---:|---:|---:|"]
    for c in a["cases"]:
        o = by.get(c["name"])
        if o:
            lines.append(f"| {c['name']} | {o['p50_ms']} / {o['p95_ms']} | {c['p50_ms']} / {c['p95_ms']} | "
                         f"{o['p50_ms'] / c['p50_ms']:.1f}x |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args(argv)
    if args.compare:
        print(compare(*args.compare))
        return 0
    for path in sorted(RESULTS.glob("web-*.json")):
        print(web_table(path.stem), "\n")
    if (RESULTS / "ingest.json").exists():
        s = load("ingest")["summary"]
        print(f"ingest: {json.dumps(s)}\n")
    if (RESULTS / "extraction.json").exists():
        e = load("extraction")
        print(f"extraction: bare {e['bare_parse_articles_per_s']['median']}/s, extract "
              f"{e['extract_articles_per_s']['median']}/s, ratio {e['ratio']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
