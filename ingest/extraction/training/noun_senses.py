"""Write noun_senses.json: the kind of thing each English noun names first, from WordNet 3.0.

    .venv/bin/python -m ingest.extraction.training.noun_senses [/usr/share/wordnet]

WordNet files every noun sense under one of 26 "lexicographer files" (noun.person, noun.act, noun.artifact,
...) and lists a lemma's senses most frequent first. The table keeps, for each single-word lower-case lemma,
the file of its first sense, grouped by file (words space-separated), and the two-word lemmas of an adjective and a
noun that are only another name for the noun's first sense ("political party" is WordNet's first "party"): the
adjective says nothing the noun does not. Topics read it to tell a subject
("pension": noun.possession, "euthanasia": noun.act) from a kind of person, place, time, feeling or amount
("customer", "centre", "delay", "fear", "pound"), and to know which words ending in -s are nouns as written
("politics", "economics": not "politic").

The data comes from Debian's `wordnet-base` package (`apt-get install wordnet-base`, needed only to run this
script: the table is committed). WordNet 3.0 license: Copyright 2006 by Princeton University, all rights
reserved; permission to use, copy, modify and distribute it for any purpose and without fee is granted,
provided the copyright notice and these statements appear in all copies (the notice is kept in the table).
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from ..tables import path as table_path

DEFAULT_DIR = Path("/usr/share/wordnet")
# The lexicographer file numbers of nouns (WordNet's lexnames(5WN)), in order from 3 (noun.Tops).
NOUN_FILES = (
    "Tops act animal artifact attribute body cognition communication event feeling food group location motive "
    "object person phenomenon plant possession process quantity relation shape state substance time"
).split()
LICENSE = (
    "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE AND DATABASE IS "
    "PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED."
)
WORD = re.compile(r"[a-z]+")


def first_senses(wordnet_dir: Path) -> dict[str, str]:
    """{lemma: lexicographer file of its first sense} for single-word lower-case noun lemmas."""
    file_of_synset = {}
    with (wordnet_dir / "data.noun").open(encoding="latin-1") as data:
        for line in data:
            if not line.startswith("  "):
                offset, lex_filenum = line.split(maxsplit=2)[:2]
                file_of_synset[offset] = NOUN_FILES[int(lex_filenum) - 3]
    senses = {}
    with (wordnet_dir / "index.noun").open(encoding="latin-1") as index:
        for line in index:
            if line.startswith("  "):
                continue
            parts = line.split()
            lemma, synsets = parts[0], int(parts[2])
            if WORD.fullmatch(lemma):
                senses[lemma] = file_of_synset[parts[-synsets]]  # the synset offsets close the line, first sense first
    return senses


def same_as_head(wordnet_dir: Path) -> list[str]:
    """Two-word lemmas "adjective noun" whose first sense is the first sense of the noun alone ("political party")."""
    with (wordnet_dir / "index.adj").open(encoding="latin-1") as index:
        adjectives = {line.split(maxsplit=1)[0] for line in index if not line.startswith("  ")}
    first = {}
    with (wordnet_dir / "index.noun").open(encoding="latin-1") as index:
        for line in index:
            if not line.startswith("  "):
                parts = line.split()
                first[parts[0]] = parts[-int(parts[2])]
    found = []
    for lemma, synset in first.items():
        words = lemma.split("_")
        if len(words) == 2 and all(map(WORD.fullmatch, words)) and words[0] in adjectives \
                and first.get(words[1]) == synset:
            found.append(" ".join(words))
    return sorted(found)


def main(argv: list[str]) -> None:
    wordnet_dir = Path(argv[0]) if argv else DEFAULT_DIR
    by_file = defaultdict(list)
    for lemma, lexfile in sorted(first_senses(wordnet_dir).items()):
        by_file[lexfile].append(lemma)
    table_path("noun_senses").write_text(json.dumps({
        "source": "WordNet 3.0 (Debian wordnet-base), first sense of each single-word noun lemma",
        "license": LICENSE,
        "first_sense": {lexfile: " ".join(words) for lexfile, words in sorted(by_file.items())},
        "same_as_head": same_as_head(wordnet_dir),
    }, indent=0) + "\n", encoding="utf-8")
    print(f"{sum(map(len, by_file.values())):,} nouns -> {table_path('noun_senses')}")


if __name__ == "__main__":
    main(sys.argv[1:])
