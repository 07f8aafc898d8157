"""Agent nouns and titles -> PLOVER sector (``data/agents.tsv``): "prime minister" -> GOV,
"soldier" -> MIL, "police" -> COP. ``kind`` says how the noun names people: ``title`` (an
office written before a name), ``member`` (a person noun) or ``body`` (a collective)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .tables import read_tsv


@dataclass(frozen=True, slots=True)
class Agent:
    phrase: str  # lower case, words separated by single spaces
    sector: str | None
    kind: str  # title, member, body


@cache
def agents() -> dict[str, Agent]:
    return {
        row["phrase"]: Agent(
            phrase=row["phrase"],
            sector=None if row["sector"] in ("", "-") else row["sector"],
            kind=row["kind"],
        )
        for row in read_tsv("newsevents.ontology", "data/agents.tsv")
    }


@cache
def longest() -> int:
    """Words in the longest phrase, to bound matching."""
    return max(len(p.split()) for p in agents())


def agent(phrase: str) -> Agent | None:
    return agents().get(" ".join(phrase.lower().split()))
