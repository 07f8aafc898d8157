"""Recognition and resolution words (``data/words.tsv``)."""

from __future__ import annotations

import re
from functools import cache

from ...ontology.tables import read_tsv


@cache
def _words() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for row in read_tsv("newsevents.extract.toponyms", "data/words.tsv"):
        table.setdefault(row["kind"], set()).add(row["word"])
    return {kind: frozenset(words) for kind, words in table.items()}


def street_words() -> frozenset[str]:
    return _words().get("street", frozenset())


def near_words() -> frozenset[str]:
    return _words().get("near", frozenset())


@cache
def near_alternation() -> str:
    """The near-words as a regex alternation ("outside|near|north\\s+of|...")."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(near_words(), key=len, reverse=True)
    )


def institution_words() -> frozenset[str]:
    return _words().get("institution", frozenset())


def not_place_words() -> frozenset[str]:
    return _words().get("not_place", frozenset())


def directions() -> frozenset[str]:
    return _words().get("direction", frozenset())


def place_suffixes() -> frozenset[str]:
    return _words().get("place_suffix", frozenset())


@cache
def designators() -> dict[str, str]:
    """Words before "of" and the kind of place they announce ("province" -> "admin1")."""
    return {
        word: kind.removeprefix("designator_")
        for kind, words in _words().items()
        if kind.startswith("designator_")
        for word in words
    }
