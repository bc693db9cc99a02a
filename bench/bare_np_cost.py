"""What a strict reading of issue 20's rule 9 would cost on PolNeAR: the extractor's output without the statements
whose content is a bare noun phrase ("praised the plan", "called him a charlatan", "mentioned climate change").

Used as score.py's extract command, it runs `manage.py extract --format jsonl` on the files and drops those
statements (a throwaway filter for measuring, not a rule of the product):

    python3 ../shared/eval/score.py ../shared/eval/polnear-dev.json --only-speech \
        --extract ".venv/bin/python bench/bare_np_cost.py"

Kept as statements, as the speaker audit's rubric has them: content with a quotation mark, a clause ("that ...",
"whether ...", a finite verb), an infinitive ("urged X to ..."), "called for / on", "accused X of", "praised /
thanked / blamed / criticised X for". Dropped statements are listed on stderr.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUOTES = "\"“”'‘’"
CLAUSE_OPENERS = ("that ", "to ", "whether ", "if ", "how ", "why ", "what ", "when ", "who ")
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
FOR_A_REASON = ("prai", "than", "blam", "crit", "slam", "atta")  # praised / thanked / blamed ... X for


def is_clause(content: str, cue: str, nlp) -> bool:
    text, cue = content.strip(), (cue or "").lower()
    padded = f" {text} "
    if any(q in text for q in QUOTES) or text.lower().startswith(CLAUSE_OPENERS) or " to " in padded:
        return True
    if ("call" in cue and ("for" in cue or " on" in cue)) or "accus" in cue \
            or (" for " in padded and cue.startswith(FOR_A_REASON)):
        return True
    return any(tok.tag_ in FINITE_TAGS or (tok.pos_ in ("VERB", "AUX") and tok.morph.get("VerbForm") == ["Fin"])
               for tok in nlp(text))


def main(files: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    from ingest.extraction.nlp import get_nlp

    nlp = get_nlp()
    out = subprocess.run([sys.executable, str(ROOT / "manage.py"), "extract", "--format", "jsonl", *files],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    dropped = 0
    for line in out.splitlines():
        doc = json.loads(line)
        kept = []
        for s in doc["statements"]:
            if is_clause(s["content"], s.get("cue", ""), nlp):
                kept.append(s)
            else:
                dropped += 1
                print(json.dumps({"file": doc["file"], "cue": s.get("cue"), "content": s["content"][:120]}), file=sys.stderr)
        doc["statements"] = kept
        print(json.dumps(doc))
    print(f"dropped {dropped}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
