"""The word lists quote attribution reads, loaded once from the package's data files."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..ontology.tables import read_tsv

_DATA = "newsevents.extract.data"


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicons:
    # Reporting-verb lemma -> class (speech, writing, cognition, intention).
    reporting: dict[str, str]
    # Lemmas of speech and writing verbs: a second cue ("..., adding that ...").
    speech_lemmas: frozenset[str]
    # Verbs whose object is the addressee ("told The Associated Press").
    addressee_object: frozenset[str]
    media: frozenset[str]
    # Media through which an act is one of words ("attacked the judge on Twitter").
    act_media: frozenset[str]
    medium_preps: frozenset[str]
    content_preps: frozenset[str]


@cache
def lexicons() -> Lexicons:
    verbs = read_tsv(_DATA, "reporting_verbs.tsv")
    preps = read_tsv(_DATA, "quote_prepositions.tsv")
    media = read_tsv(_DATA, "quote_media.tsv")
    return Lexicons(
        reporting={r["lemma"]: r["class"] for r in verbs},
        speech_lemmas=frozenset(r["lemma"] for r in verbs if r["class"] in ("speech", "writing")),
        addressee_object=frozenset(r["lemma"] for r in verbs if r["addressee_object"] == "yes"),
        media=frozenset(r["word"] for r in media),
        act_media=frozenset(r["word"] for r in media if r["act_medium"] == "yes"),
        medium_preps=frozenset(r["word"] for r in preps if r["role"] == "medium"),
        content_preps=frozenset(r["word"] for r in preps if r["role"] == "content"),
    )
