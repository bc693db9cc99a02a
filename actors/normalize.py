"""Name normalisation shared by alias lookup and actor resolution."""
import re
import unicodedata

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
