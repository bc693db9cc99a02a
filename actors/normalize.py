"""Name normalisation shared by alias lookup and actor resolution."""
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def normalize_name(name: str) -> str:
    """Fold case, accents and punctuation: "Sergéy  Lavrov." -> "sergey lavrov"."""
    name = name or ""
    if name.isascii():  # nothing to decompose (the common case, and 5x faster: likely_duplicates folds every name)
        stripped = name
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped.casefold().replace("'", "").replace("’", "")).strip()

_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your"}


def looks_like_name(text: str) -> bool:
    """A proper name ("Lavrov", "Russian Foreign Ministry"), not a description ("The Minister", "he").

    Descriptions stand for an actor inside one article only; as aliases they would pull other ministers'
    statements onto this actor in later articles.
    """
    words = text.split()
    return bool(words) and words[0][:1].isupper() and words[0].casefold() not in _DETERMINERS


# --- Forms a name is also written in (cross-article identity, issue 20) ---------------------------------------

SMALL_WORDS = frozenset("of the and for in on at to de du des la le el al von van da di del".split())
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&]{0,8}[A-Z]$")
COURTESY = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": "", "dr": "", "prof": "", "professor": ""}
PEERAGE = {"lord": "m", "lady": "f", "baroness": "f", "baron": "m", "viscount": "m", "viscountess": "f",
           "earl": "m", "countess": "f", "duke": "m", "duchess": "f", "sir": "m", "dame": "f"}
_PARTY_FILE = Path(__file__).with_name("data") / "party_names.json"
# Military and police ranks, written out or short, that stand before a person's name ("Lt. Gen. John Smith", "Gen.
# Smith", "Sgt. Jones"): never an organisation's first word ("General Motors" is written out, and not a rank before a
# name here unless a rank follows it or it is short)
RANK_ABBREVIATIONS = frozenset("gen lt col sgt capt adm maj brig cpl pvt pfc spc cmdr cdr det insp supt".split())
RANK_WORDS = frozenset("""general lieutenant colonel sergeant captain admiral major brigadier corporal private
commander commodore marshal inspector superintendent detective rear vice staff master first""".split())


def acronyms(name: str) -> set[str]:
    """The acronyms a multi-word name may be written as: "Bank of England" -> {"BE", "BoE"}."""
    words = [w for w in re.split(r"[\s\-/]+", name.strip()) if w and w[0].isalnum()]
    if len(words) < 2:
        return set()
    significant = "".join(w[0].upper() for w in words if w.casefold() not in SMALL_WORDS)
    every = "".join(w[0].lower() if w.casefold() in SMALL_WORDS else w[0].upper() for w in words)
    return {form for form in (significant, every) if len(form) >= 2}


def looks_like_acronym(name: str) -> bool:
    """"NAO", "BoE", "DfID": no spaces, begins and ends with a capital, at least two thirds capitals."""
    if not _ACRONYM.match(name):
        return False
    return sum(ch.isupper() for ch in name) * 3 >= len(name) * 2


GENERATIONAL = frozenset("jr sr ii iii iv".split())
SURNAME_PARTICLES = frozenset("le la de du van von der den da di del al el bin ibn".split())


def _initial(word: str) -> bool:
    """ "J.", "M", "H.W." (normalised, "h w" is two words): a middle initial."""
    return len(word) == 1 and word.isalpha()


def person_name_parts(name: str) -> tuple[str, tuple[str, ...], str, str]:
    """(first name, middle names, surname, generational suffix) of a person's normalised name: "Harry M. Reid" ->
    ("harry", ("m",), "reid", ""); "Donald Trump Jr." -> ("donald", (), "trump", "jr"); "Marine Le Pen" ->
    ("marine", (), "le pen", "")."""
    words = normalize_name(name).split()
    suffix = words.pop() if len(words) > 2 and words[-1] in GENERATIONAL else ""
    if len(words) < 2:
        return "", (), " ".join(words), suffix
    last = 1
    while len(words) - last > 1 and words[-last - 1] in SURNAME_PARTICLES:
        last += 1
    return words[0], tuple(words[1:-last]), " ".join(words[-last:]), suffix


def surname(name: str) -> str:
    """The surname of a person's name as written ("Le Pen" of "Marine Le Pen", "Comey" of "James B. Comey Jr."),
    or "" for a name of one word."""
    words = name.split()
    while len(words) > 2 and normalize_name(words[-1]) in GENERATIONAL:
        words.pop()
    if len(words) < 2:
        return ""
    last = 1
    while len(words) - last > 1 and normalize_name(words[-last - 1]) in SURNAME_PARTICLES:
        last += 1
    return " ".join(words[-last:])


def without_middle_initials(name: str) -> str:
    """ "Harry M. Reid" -> "Harry Reid", "George H.W. Bush" -> "George Bush"; the name itself when it has no
    middle initial or opens with one ("J. K. Rowling")."""
    words = name.split()
    if len(words) < 3 or _initial(normalize_name(words[0])):
        return name
    kept = [words[0], *(w for w in words[1:-1] if not all(map(_initial, normalize_name(w).split()))), words[-1]]
    return " ".join(kept) if len(kept) < len(words) else name


def middles_agree(a: str, b: str) -> bool:
    """Do two people's middle names not contradict (one has none, or their initials are the same)?"""
    middle_a, middle_b = person_name_parts(a)[1], person_name_parts(b)[1]
    return not middle_a or not middle_b or [w[0] for w in middle_a] == [w[0] for w in middle_b]


def names_agree(a: str, b: str) -> bool:
    """Can two full names of people be one person's: the same first name, surname and suffix ("Jr."), and middle
    names that do not contradict (one has none, or their initials are the same): "Donald J. Trump" and "Donald
    Trump", not "George W. Bush" and "George H. W. Bush", nor "Donald Trump" and "Donald Trump Jr."."""
    first_a, middle_a, last_a, suffix_a = person_name_parts(a)
    first_b, middle_b, last_b, suffix_b = person_name_parts(b)
    if not (first_a and first_a == first_b and last_a == last_b and suffix_a == suffix_b):
        return False
    return middles_agree(a, b)


def title_sex(normalized: str) -> str:
    """"m" or "f" when a normalised name begins with a courtesy or peerage title that says so ("mrs howard")."""
    first = normalized.split(" ", 1)[0]
    return COURTESY.get(first) or PEERAGE.get(first) or ""


@lru_cache(maxsize=1)
def _party_table() -> dict[str, tuple[str, ...]]:
    """{normalised form: the party stem} for the nicknames in data/party_names.json."""
    table = json.loads(_PARTY_FILE.read_text(encoding="utf-8"))
    return {normalize_name(form): stem for stem, forms in table.items() if not stem.startswith("_") for form in forms}


def party_stem(name: str) -> str:
    """The stem of a party name ("Conservative Party", "Conservatives", "Tories" -> "conservative"), or ""."""
    normalized = normalize_name(name)
    if normalized.startswith("the "):
        normalized = normalized[4:]
    table = _party_table()
    if normalized in table:
        return table[normalized]
    stems = set(table.values())
    if normalized.endswith("s") and normalized[:-1] in stems:  # "Conservatives", "Liberal Democrats"
        return normalized[:-1]
    if normalized.endswith(" party") and len(normalized) > 6:
        return normalized[:-6]
    return ""


def party_forms(name: str) -> list[str]:
    """Every form the party this name stands for goes by, itself included ([] when it is no party name):
    "Tories" -> ["Conservative Party", "Conservatives", "Conservative", "Tories", ...]. A plural word alone
    ("Greens", "Conservatives") is tried as "<singular> Party" too, so it finds that party when it is known."""
    stem = party_stem(name)
    if not stem:
        words = name.split()
        if len(words) <= 3 and words and words[-1].endswith("s") and words[-1][:1].isupper():
            return [name, " ".join([*words[:-1], words[-1][:-1]]) + " Party"]
        return []
    titled = stem.title()
    forms = [f"{titled} Party", f"{titled}s", titled]
    forms += [form for form, form_stem in _party_table().items() if form_stem == stem]
    return forms


@lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


def first_name_variants(name: str) -> list[str]:
    """The same person's name with a known short or full form of the first name ("Vince Cable" <->
    "Vincent Cable"), from the `nicknames` dataset; [] for a name of one word or a titled one."""
    words = name.split()
    if len(words) < 2 or normalize_name(words[0]) in COURTESY or normalize_name(words[0]) in PEERAGE:
        return []
    first, rest = normalize_name(words[0]), " ".join(words[1:])
    if not first.isalpha():
        return []
    namer = _nicknamer()
    variants = namer.nicknames_of(first) | namer.canonicals_of(first)
    return [f"{variant.title()} {rest}" for variant in sorted(variants - {first})]


def title_before(mention: str, name: str) -> str:
    """The courtesy or peerage title written right before a one-word name in its mention ("Mrs" in "Mrs
    Howard", "Lord" in "Lord Bach"), or ""."""
    words = (mention or "").replace(".", " ").split()
    if " " in name.strip() or name not in words:
        return ""
    i = words.index(name)
    title = words[i - 1] if i else ""
    return title if normalize_name(title) in COURTESY or normalize_name(title) in PEERAGE else ""


def split_rank(name: str) -> tuple[str, str]:
    """("Lt. Gen. John Smith") -> ("Lt. Gen.", "John Smith"), ("Gen. Smith") -> ("Gen.", "Smith"), ("Lt.") -> ("Lt.",
    ""); ("", name) when the name opens with no rank: a written-out word counts only before a short rank ("Rear Adm.",
    "Brigadier Gen."), so "General Motors" and "Major League Baseball" stay names."""
    words = name.split()
    k = 0
    while k < len(words):
        word = words[k].lower()
        if word.endswith(".") and word.rstrip(".") in RANK_ABBREVIATIONS:
            k += 1
            continue
        if word in RANK_WORDS and k + 1 < len(words) and words[k + 1].lower().rstrip(".") in RANK_ABBREVIATIONS \
                and words[k + 1].endswith("."):
            k += 1
            continue
        break
    return " ".join(words[:k]), " ".join(words[k:])


# --- Other forms of one entity's name, across articles (fourteenth session) ------------------------------------

_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")


def undotted(name: str) -> str:
    """ "F.B.I." -> "FBI", "U.S." -> "US": an acronym written with dots, without them (the name itself otherwise)."""
    return name.replace(".", "") if _DOTTED_INITIALS.fullmatch(name.strip()) else name


# A capitalised name with a possessive before a full name of capitalised words ("Breitbart's Joel Pollak")
_POSSESSOR = re.compile(r"^[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)*['’]s (?=[A-Z][\w.-]*(?: [A-Z][\w.'-]*)+$)")


def without_possessor(name: str) -> str:
    """A person's name without an outlet or employer the extraction ran into it ("Breitbart's Joel Pollak" -> "Joel
    Pollak"); the name itself when nothing of two or more capitalised words follows a possessive."""
    possessor = _POSSESSOR.match(name)
    return name[possessor.end():] if possessor else name


# Abbreviations of a place that begin an organisation's name ("NY Post" / "New York Post"): data, not guessed
PLACE_ABBREVIATIONS = {"ny": "New York", "n y": "New York", "la": "Los Angeles", "dc": "Washington"}
_DEPARTMENT_WORDS = ("Department", "Ministry")
# The nouns that end an institution's short name before its "for ..." / "of ..." ("Brennan Center for Justice" is
# the Brennan Center): a short name of at least two words ending in one of them
INSTITUTION_NOUNS = frozenset("center centre institute institution academy academies foundation council society "
                              "fund trust".split())


def organization_name_forms(name: str) -> list[str]:
    """Other ways an organisation's name is written (not acronyms: `acronyms`): a place abbreviation that opens it
    written out ("NY Daily News" -> "New York Daily News") and the other order of a department's name ("State
    Department" <-> "Department of State", "Ministry of Defence" <-> "Defence Ministry"). [] for none."""
    words = name.split()
    if len(words) < 2:
        return []
    forms = []
    place = PLACE_ABBREVIATIONS.get(normalize_name(words[0]))
    if place and words[0].replace(".", "").isupper():
        forms.append(" ".join([place, *words[1:]]))
    if words[0].casefold() == "the":
        words = words[1:]
    if len(words) >= 3 and words[0] in _DEPARTMENT_WORDS and words[1] == "of" and words[2] != "the":
        forms.append(" ".join([*words[2:], words[0]]))  # "Department of State" -> "State Department"
    elif 2 <= len(words) <= 4 and words[-1] in _DEPARTMENT_WORDS and all(w[:1].isupper() for w in words[:-1]):
        forms.append(f"{words[-1]} of {' '.join(words[:-1])}")  # "Homeland Security Department" -> "Department of ..."
    return forms


def institution_short_name(name: str) -> str:
    """ "Brennan Center for Justice" -> "Brennan Center", "National Academies of Sciences" -> "National Academies":
    the capitalised words before a first "for" / "of" / "on", when at least two and the last an institution's noun
    (INSTITUTION_NOUNS), and no "the" after it; "" otherwise ("Bank of England", "Council on Foreign Relations",
    "Department of State", and "Royal Society for the Protection of Birds", which is not the Royal Society)."""
    words = name.split()
    cut = next((k for k, w in enumerate(words) if w in ("for", "of", "on")), None)
    if cut is None or cut < 2 or cut == len(words) - 1 or not all(w[:1].isupper() for w in words[:cut]) \
            or words[cut + 1].casefold() in ("the", "a", "an"):  # "Royal Society for the Protection of Birds"
        return ""
    return " ".join(words[:cut]) if words[cut - 1].casefold() in INSTITUTION_NOUNS else ""


def first_and_last(name: str) -> str:
    """A person's name without its middle names and initials ("Hillary Rodham Clinton" -> "Hillary Clinton",
    "Edward G. Rendell" -> "Edward Rendell"), its particles and suffix kept; "" when there is nothing in between."""
    words = name.split()
    first, middle, _, _ = person_name_parts(name)
    if not first or not middle:
        return ""
    last = surname(name)
    suffix = words[-1] if normalize_name(words[-1]) in GENERATIONAL and len(words) > 2 else ""
    return " ".join(filter(None, [words[0], last, suffix]))
