"""Write census_first_names.json: the gender of ~5,000 English first names, from the 1990 US Census.

    .venv/bin/python -m ingest.extraction.training.census_names

The counts come with the `names` package (a development dependency; its data files are public domain,
derived from the 1990 Census: dist.male.first, dist.female.first, each name with its share of people).
A name goes into the table when one gender carries at least RATIO times the other's share. Speaker
resolution reads it beside first_names.json (learned from PolNeAR train), and trusts it over that one: the
census counts millions of people, the train split a few hundred speakers, some of them misread.

"unisex" lists the names both genders carry, the larger share less than CONFIDENT_RATIO times the other ("Kim",
"Robin", "Lee", "Chris"): a guess from them may say which gender is likelier, but not enough to keep "he" or "she"
from a person so named (actors.confident_name_gender).
"""
from __future__ import annotations

import json
from importlib import resources

from ..tables import path as table_path

RATIO = 4.0
CONFIDENT_RATIO = 10.0
NOISE = 0.005  # shares are percentages rounded to 0.001: a smaller one may be a handful of misrecorded people
FILES = {"m": "dist.male.first", "f": "dist.female.first"}


def census_shares() -> dict[str, dict[str, float]]:
    """First name -> {"m": share, "f": share} (percent of the census's people of that gender)."""
    shares: dict[str, dict[str, float]] = {}
    for gender, filename in FILES.items():
        for line in resources.files("names").joinpath(filename).read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                shares.setdefault(parts[0].title(), {})[gender] = float(parts[1])
    return shares


def census_genders(shares=None) -> dict[str, str]:
    genders = {}
    for name, share in sorted((shares or census_shares()).items()):
        male, female = share.get("m", 0.0), share.get("f", 0.0)
        if male >= RATIO * female:
            genders[name] = "m"
        elif female >= RATIO * male:
            genders[name] = "f"
    return genders


def unisex(shares) -> list[str]:
    """Names both genders carry, neither CONFIDENT_RATIO times as often as the other."""
    return sorted(name for name, share in shares.items()
                  if min(share.get("m", 0.0), share.get("f", 0.0)) >= NOISE
                  and max(share.values()) < CONFIDENT_RATIO * min(share.values()))


def main() -> None:
    shares = census_shares()
    genders = census_genders(shares)
    table_path("census_first_names").write_text(json.dumps({
        "source": "1990 US Census first names (public domain), through the names package 0.3.0",
        "format": "first name -> m|f", "ratio": RATIO, "names": genders,
        "confident_ratio": CONFIDENT_RATIO, "unisex": unisex(shares),
    }, indent=0) + "\n", encoding="utf-8")
    print(f"{len(genders):,} first names -> {table_path('census_first_names')}")


if __name__ == "__main__":
    main()
