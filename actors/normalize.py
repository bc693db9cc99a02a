"""Name normalisation shared by alias lookup and actor resolution."""
import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def normalize_name(name: str) -> str:
    """Fold case, accents and punctuation: "Sergéy  Lavrov." -> "sergey lavrov"."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped.casefold().replace("'", "").replace("’", "")).strip()
