"""US state names and their AP and postal abbreviations (``data/us_states.tsv``)."""

from __future__ import annotations

from functools import cache

from .gazetteer import key
from .tables import read_tsv


@cache
def state_names() -> dict[str, str]:
    """Lookup key of a name or abbreviation -> state name."""
    names: dict[str, str] = {}
    for row in read_tsv("newsevents.ontology", "data/us_states.tsv"):
        for form in (row["name"], row["ap"], row["postal"]):
            if form:
                names[key(form)] = row["name"]
    return names


def state(name: str) -> str | None:
    return state_names().get(key(name))
