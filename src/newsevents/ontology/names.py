"""The usual gender of first names (``data/first_names.tsv``), for resolving pronouns."""

from __future__ import annotations

from functools import cache

from .tables import read_tsv


@cache
def _genders() -> dict[str, str]:
    return {
        row["name"].casefold(): row["gender"]
        for row in read_tsv("newsevents.ontology", "data/first_names.tsv")
    }


def gender(first_name: str) -> str | None:
    """``m``, ``f``, or None when the name is unknown or borne by both sexes."""
    return _genders().get(first_name.casefold())
