"""From store rows back to an ``ArticleRecord``: the inverse of ``rows.record_rows``."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import duckdb

from ..types import (
    Actor,
    ArticleRecord,
    Dateline,
    Debris,
    Document,
    Event,
    EventActor,
    EventLocation,
    Evidence,
    Place,
    Quantity,
    Quote,
    Span,
    Speaker,
    Time,
)
from .rows import COLUMNS

Record = dict[str, Any]


def load_record(connection: duckdb.DuckDBPyConnection, doc_id: str) -> ArticleRecord | None:
    """The record of a stored document (a copy's lists are empty: only canonicals are parsed)."""
    tables = {name: _select(connection, name, doc_id) for name in COLUMNS}
    if not tables["documents"]:
        return None
    spans: dict[tuple[str, int], list[Record]] = defaultdict(list)
    for m in tables["mentions"]:
        spans[(m["owner"], m["owner_idx"])].append(m)
    return ArticleRecord(
        document=_document(tables["documents"][0]),
        actors=tuple(_actor(a, spans[("actor", a["idx"])]) for a in tables["actors"]),
        times=tuple(_time(t) for t in tables["times"]),
        places=tuple(_place(p) for p in tables["places"]),
        events=tuple(_event(e, spans[("event", e["idx"])]) for e in tables["events"]),
        quotes=tuple(_quote(q) for q in tables["quotes"]),
        quantities=tuple(_quantity(q) for q in tables["quantities"]),
    )


def _select(connection: duckdb.DuckDBPyConnection, table: str, doc_id: str) -> list[Record]:
    columns = COLUMNS[table]
    key = "id" if table == "documents" else "doc_id"
    order = (
        ""
        if table == "documents"
        else " ORDER BY " + ("owner, owner_idx, idx" if table == "mentions" else "idx")
    )
    quoted = ", ".join(f'"{c}"' for c in columns)
    rows = connection.execute(
        f"SELECT {quoted} FROM {table} WHERE {key} = ?{order}", [doc_id]
    ).fetchall()
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _document(d: Record) -> Document:
    dateline = (
        Dateline(
            text=d["dateline_text"],
            start=d["dateline_start"],
            end=d["dateline_end"],
            place=d["dateline_place"],
            country=d["dateline_country"],
            agency=d["dateline_agency"],
            date=d["dateline_date"],
        )
        if d["dateline_text"] is not None
        else None
    )
    return Document(
        id=d["id"],
        source=d["source"],
        url=d["url"],
        title=d["title"],
        dateline=dateline,
        published=d["published"],
        date_source=d["date_source"],
        byline=d["byline"],
        captions=tuple(d["captions"]),
        body=d["body"],
        language=d["language"],
        paragraphs=tuple(zip(d["paragraph_starts"], d["paragraph_ends"], strict=True)),
        removed=tuple(
            Debris(kind=k, text=t)
            for k, t in zip(d["removed_kinds"], d["removed_texts"], strict=True)
        ),
    )


def _actor(a: Record, mentions: list[Record]) -> Actor:
    return Actor(
        id=a["id"],
        name=a["name"],
        type=a["type"],
        country=a["country"],
        sector=a["sector"],
        title=a["title"],
        affiliation=a["affiliation"],
        basis=a["basis"],
        mentions=tuple(
            Span(start=m["char_start"], end=m["char_end"], text=m["text"]) for m in mentions
        ),
    )


def _event_actor(e: Record, role: str) -> EventActor | None:
    if not e[f"has_{role}"]:
        return None
    return EventActor(
        actor_id=e[f"{role}_actor_id"],
        text=e[f"{role}_text"],
        country=e[f"{role}_country"],
        sector=e[f"{role}_sector"],
        start=e[f"{role}_start"],
        end=e[f"{role}_end"],
    )


def _event(e: Record, mentions: list[Record]) -> Event:
    return Event(
        id=e["id"],
        cameo=e["cameo"],
        cameo_root=e["cameo_root"],
        plover=e["plover"],
        mode=e["mode"],
        quad_class=e["quad_class"],
        goldstein=e["goldstein"],
        source=_event_actor(e, "source"),
        target=_event_actor(e, "target"),
        date=e["date"],
        date_precision=e["date_precision"],
        location=(
            EventLocation(
                name=e["location_name"],
                country=e["location_country"],
                lat=e["location_lat"],
                lon=e["location_lon"],
            )
            if e["has_location"]
            else None
        ),
        modality=e["modality"],
        reported_by=e["reported_by"],
        evidence=Evidence(
            sentence=e["evidence_sentence"], start=e["evidence_start"], end=e["evidence_end"]
        ),
        trigger=Span(start=e["trigger_start"], end=e["trigger_end"], text=e["trigger_text"]),
        confidence=e["confidence"],
        acled=json.loads(e["acled_json"]) if e["acled_json"] is not None else None,
        mentions=tuple(
            Evidence(sentence=m["text"], start=m["char_start"], end=m["char_end"]) for m in mentions
        ),
    )


def _span(q: Record, name: str) -> Span | None:
    if q[f"{name}_text"] is None:
        return None
    return Span(start=q[f"{name}_start"], end=q[f"{name}_end"], text=q[f"{name}_text"])


def _quote(q: Record) -> Quote:
    return Quote(
        text=q["text"],
        start=q["char_start"],
        end=q["char_end"],
        kind=q["kind"],
        speaker=(
            Speaker(
                actor_id=q["speaker_actor_id"],
                name=q["speaker_name"],
                start=q["speaker_start"],
                end=q["speaker_end"],
            )
            if q["has_speaker"]
            else None
        ),
        cue=_span(q, "cue"),
        addressee=_span(q, "addressee"),
        medium=_span(q, "medium"),
    )


def _quantity(q: Record) -> Quantity:
    return Quantity(
        text=q["text"],
        start=q["char_start"],
        end=q["char_end"],
        value=q["value"],
        unit=q["unit"],
        kind=q["kind"],
        subject=q["subject"],
        period=q["period"],
        approximate=q["approximate"],
        actor_id=q["actor_id"],
    )


def _place(p: Record) -> Place:
    return Place(
        text=p["text"],
        start=p["char_start"],
        end=p["char_end"],
        name=p["name"],
        country=p["country"],
        admin1=p["admin1"],
        lat=p["lat"],
        lon=p["lon"],
        feature=p["feature"],
        geonameid=p["geonameid"],
        confidence=p["confidence"],
    )


def _time(t: Record) -> Time:
    return Time(
        text=t["text"],
        start=t["char_start"],
        end=t["char_end"],
        type=t["type"],
        value=t["value"],
        anchor=t["anchor"],
        range_start=t["range_start"],
        range_end=t["range_end"],
    )
