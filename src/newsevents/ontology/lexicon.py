"""Small word lists the actor and reference resolvers need (``data/actor_lexicon.tsv``):
pronouns with gender and number, words that mark a former official, prepositions whose
object is a participant rather than a place, and nouns that name places."""

from __future__ import annotations

from functools import cache

from .tables import read_tsv


@cache
def _rows() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for row in read_tsv("newsevents.ontology", "data/actor_lexicon.tsv"):
        table.setdefault(row["kind"], {})[row["word"].casefold()] = row["value"]
    return table


def words(kind: str) -> frozenset[str]:
    """The words of ``kind`` (lower case)."""
    return frozenset(_rows().get(kind, {}))


def value(kind: str, word: str) -> str | None:
    return _rows().get(kind, {}).get(word.casefold())
