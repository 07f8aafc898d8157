"""Countries, their names, demonyms and capitals (``data/countries.tsv``), and the seats of
government used as actors (``data/metonyms.tsv``: "the Kremlin" -> RUS GOV).

Lookups take any surface form; they compare ``gazetteer.key`` forms (case-folded, no dots),
so "U.S." and "US" are the same name. Case-sensitive decisions (the pronoun "us") are the
caller's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .gazetteer import key
from .tables import read_tsv

PACKAGE = "newsevents.ontology"


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    cameo: str  # the CAMEO code where it differs from ISO (ROM for Romania), else iso3
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None


@dataclass(frozen=True, slots=True)
class Metonym:
    text: str
    country: str
    sector: str
    kind: str  # seat, military, ministry, legislature, intelligence


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split("|") if v)


@cache
def countries() -> dict[str, Country]:
    """ISO alpha-3 -> country."""
    return {
        row["iso3"]: Country(
            iso3=row["iso3"],
            iso2=row["iso2"],
            cameo=row["cameo"] or row["iso3"],
            name=row["name"],
            aliases=_split(row["aliases"]),
            demonyms=_split(row["demonyms"]),
            capital=row["capital"] or None,
        )
        for row in read_tsv(PACKAGE, "data/countries.tsv")
    }


@cache
def _names() -> dict[str, str]:
    index: dict[str, str] = {}
    # Official names first, so an alias never takes a name from the country it names.
    for country in countries().values():
        index.setdefault(key(country.name), country.iso3)
    for country in countries().values():
        for alias in country.aliases:
            index.setdefault(key(alias), country.iso3)
    return index


@cache
def _demonyms() -> dict[str, str]:
    return {key(d): c.iso3 for c in countries().values() for d in c.demonyms}


@cache
def _capitals() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in countries().values():
        if country.capital:
            index.setdefault(key(country.capital), country.iso3)
    return index


@cache
def _metonyms() -> dict[str, Metonym]:
    return {
        key(row["text"]): Metonym(
            text=row["text"], country=row["country"], sector=row["sector"], kind=row["kind"]
        )
        for row in read_tsv(PACKAGE, "data/metonyms.tsv")
    }


def by_name(text: str) -> Country | None:
    """The country called ``text`` ("India", "the United States", "U.K.")."""
    iso3 = _names().get(key(_strip_the(text)))
    return countries()[iso3] if iso3 else None


def by_demonym(text: str) -> Country | None:
    """The country of an adjective or people-word ("Indian", "Indians", "Chinese")."""
    iso3 = _demonyms().get(key(text))
    return countries()[iso3] if iso3 else None


def by_capital(text: str) -> Country | None:
    """The country whose capital is ``text`` ("Moscow" -> Russia)."""
    iso3 = _capitals().get(key(text))
    return countries()[iso3] if iso3 else None


def metonym(text: str) -> Metonym | None:
    """The seat of government called ``text`` ("the Kremlin", "Downing Street")."""
    return _metonyms().get(key(_strip_the(text)))


def surface_forms() -> list[tuple[str, str, str]]:
    """Every (surface, kind, iso3-or-metonym) the matcher looks for: kind is ``name``,
    ``demonym``, ``capital`` or ``metonym``."""
    forms: list[tuple[str, str, str]] = []
    for c in countries().values():
        forms += [(n, "name", c.iso3) for n in (c.name, *c.aliases)]
        forms += [(d, "demonym", c.iso3) for d in c.demonyms]
        if c.capital:
            forms.append((c.capital, "capital", c.iso3))
    forms += [(m.text, "metonym", m.country) for m in _metonyms().values()]
    return forms


def _strip_the(text: str) -> str:
    return text[4:] if text[:4].lower() == "the " else text
