"""PLOVER/POLECAT-style JSON Lines: one event per line, in PLOVER's vocabulary.

Field names follow POLECAT's event records (event type and mode, actor and recipient with
country and sector, location, story and publication metadata). Events without a PLOVER type
(CAMEO 01 and 02, public statements and appeals, which PLOVER drops) are not written.
Keys are sorted and there is no wall-clock time, so the same store gives the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

import duckdb

from ..store.query import FROM_EVENTS_WITH_ACTORS, EventFilter
from .files import atomic_text

FORMAT: Final = "newsevents.plover/1"

SELECT: Final = """
SELECT e.gid, e.doc_id, e.id, e.day, e.date, e.date_precision, e.plover, e.mode, e.cameo,
       e.quad_class, e.goldstein, e.modality, e.confidence,
       e.has_source, e.source_text, sa.name AS source_name, e.source_country, e.source_sector,
       e.has_target, e.target_text, ta.name AS target_name, e.target_country, e.target_sector,
       e.has_location, e.location_name, e.location_country, e.location_lat, e.location_lon,
       e.evidence_sentence, e.evidence_start, e.evidence_end,
       d.title, d.url, d.published, s.num_articles, s.num_sources
"""


def plover_events(
    connection: duckdb.DuckDBPyConnection, where: EventFilter | None = None
) -> list[dict[str, Any]]:
    condition, params = (where or EventFilter()).where()
    cursor = connection.execute(
        f"{SELECT} {FROM_EVENTS_WITH_ACTORS} WHERE e.plover IS NOT NULL AND {condition} "
        "ORDER BY e.day, d.seq, e.idx",
        params,
    )
    names = [c[0] for c in cursor.description or ()]
    return [_event(dict(zip(names, values, strict=True))) for values in cursor.fetchall()]


def write_plover(
    connection: duckdb.DuckDBPyConnection, out: str | Path, where: EventFilter | None = None
) -> int:
    """Write the PLOVER JSON Lines file ``out``; returns the number of events."""
    events = plover_events(connection, where)
    with atomic_text(out) as handle:
        for event in events:
            handle.write(json.dumps(event, ensure_ascii=False, sort_keys=True) + "\n")
    return len(events)


def _party(r: dict[str, Any], role: str) -> dict[str, Any] | None:
    if not r[f"has_{role}"]:
        return None
    return {
        "name": r[f"{role}_name"] or r[f"{role}_text"],
        "text": r[f"{role}_text"],
        "country": r[f"{role}_country"],
        "sector": r[f"{role}_sector"],
    }


def _event(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "event_id": str(r["gid"]),
        "story_id": r["doc_id"],
        "record_event_id": r["id"],
        "event_date": r["day"].isoformat() if r["day"] else None,
        "date_text": r["date"],
        "date_precision": r["date_precision"],
        "event_type": r["plover"],
        "event_mode": r["mode"],
        "cameo": r["cameo"],
        "quad_code": r["quad_class"],
        "goldstein": r["goldstein"],
        "modality": r["modality"],
        "confidence": r["confidence"],
        "actor": _party(r, "source"),
        "recipient": _party(r, "target"),
        "location": (
            {
                "name": r["location_name"],
                "country": r["location_country"],
                "lat": r["location_lat"],
                "lon": r["location_lon"],
            }
            if r["has_location"]
            else None
        ),
        "evidence": {
            "sentence": r["evidence_sentence"],
            "start": r["evidence_start"],
            "end": r["evidence_end"],
        },
        "headline": r["title"],
        "url": r["url"],
        "publication_date": r["published"],
        "num_articles": r["num_articles"],
        "num_sources": r["num_sources"],
    }
