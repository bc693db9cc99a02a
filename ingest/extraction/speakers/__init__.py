"""The speakers stage: who each merged candidate's speaker is.

| module | what |
|---|---|
| names.py | name repair: the NER's people and parties made right (relabel_people, before the registry reads them) |
| actors.py | an actor (name, kind, title, aliases) and its mentions; names cleaned; gender from first names |
| titles.py | titles and roles: "Russian Foreign Minister Sergey Lavrov" split into title and name |
| registry.py | the article's actors: names, surnames, role nouns ("the minister") |
| pronouns.py | pronouns: the learned ranker over the actors mentioned just before |
| sources.py | what kind of source a subject is: a group or unnamed source, a representative and its principal, a document and its publisher |
| resolution.py | a candidate's subject, headline speaker or parent -> ResolvedSpeaker (the stage's entry) |

Public entry: resolve_speakers(candidates, registry, doc, text) -> list[records.Attributed].
"""
from __future__ import annotations

from .actors import Actor, name_gender
from .names import relabel_people
from .registry import Registry
from .resolution import resolve_speakers
from .titles import split_honorifics, strip_possessive, title_before

__all__ = ["Actor", "Registry", "name_gender", "relabel_people", "resolve_speakers", "split_honorifics",
           "strip_possessive", "title_before"]
