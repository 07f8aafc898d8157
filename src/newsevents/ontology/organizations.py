"""International organisations, NGOs, media, think tanks and other named organisations
(``data/organizations.tsv``), with their CAMEO code, type and PLOVER sector."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .gazetteer import key
from .tables import read_tsv


@dataclass(frozen=True, slots=True)
class Organization:
    name: str
    aliases: tuple[str, ...]
    type: str  # igo, ngo, organization
    code: str | None  # CAMEO actor code (IGOUNO), where CAMEO has one
    country: str | None  # ISO alpha-3 of a national body's seat
    sector: str | None


@cache
def organizations() -> tuple[Organization, ...]:
    return tuple(
        Organization(
            name=row["name"],
            aliases=tuple(a for a in row["aliases"].split("|") if a),
            type=row["type"],
            code=row["code"] or None,
            country=row["country"] or None,
            sector=row["sector"] or None,
        )
        for row in read_tsv("newsevents.ontology", "data/organizations.tsv")
    )


@cache
def _index() -> dict[str, Organization]:
    index: dict[str, Organization] = {}
    for org in organizations():
        index.setdefault(key(org.name), org)
    for org in organizations():
        for alias in org.aliases:
            index.setdefault(key(alias), org)
    return index


def lookup(text: str) -> Organization | None:
    """The organisation named ``text`` (name or alias; a leading "the" is ignored)."""
    found = _index().get(key(text))
    if found is None and text[:4].lower() == "the ":
        found = _index().get(key(text[4:]))
    return found
