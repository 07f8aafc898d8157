"""Events out of the store: one filter object, turned into SQL, shared by query, dyads, export.

Events belong to canonical documents only (copies are not parsed), so each story counts once;
``num_articles`` and ``num_sources`` say how many articles and outlets carried it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from typing import Any, Final, get_args

import duckdb

from ..errors import NewsEventsError
from ..types import Modality

MODALITIES: Final = frozenset(get_args(Modality))
# `--modality any` lifts a command's default modality filter.
ANY_MODALITY: Final = "any"
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_CAMEO = re.compile(r"^\d{2,4}$")
_PLOVER = re.compile(r"^[A-Z]+$")


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Which events: every field that is set must hold (AND)."""

    source: str | None = None  # source actor's country code (CAMEO/ISO 3166 alpha-3)
    target: str | None = None
    cameo: str | None = None  # CAMEO code prefix: "04" matches 04, 040, 0411 ...
    plover: str | None = None
    actor: str | None = None  # substring of either actor's text or resolved name
    place: str | None = None  # substring of the event location's name, or its country code
    since: dt.date | None = None  # on or after this day
    until: dt.date | None = None  # on or before this day
    modality: str | None = None
    text: str | None = None  # substring of the evidence sentence

    @classmethod
    def parse(cls, **given: str | None) -> EventFilter:
        """A filter from command-line strings; a bad value raises NE505 naming the option."""
        values: dict[str, Any] = {}
        for name, raw in given.items():
            if raw is None or raw == "":
                continue
            values[name] = _parse_value(name, raw)
        return cls(**values)

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))

    def where(self) -> tuple[str, list[Any]]:
        """SQL conditions over ``events e`` and their parameters ("TRUE" when empty)."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.source:
            clauses.append("e.source_country = ?")
            params.append(self.source)
        if self.target:
            clauses.append("e.target_country = ?")
            params.append(self.target)
        if self.cameo:
            clauses.append("starts_with(e.cameo, ?)")
            params.append(self.cameo)
        if self.plover:
            clauses.append("e.plover = ?")
            params.append(self.plover)
        if self.actor:
            like = f"%{self.actor}%"
            clauses.append(
                "(e.source_text ILIKE ? OR e.target_text ILIKE ? OR EXISTS ("
                "SELECT 1 FROM actors a WHERE a.doc_id = e.doc_id "
                "AND a.id IN (e.source_actor_id, e.target_actor_id) AND a.name ILIKE ?))"
            )
            params.extend([like, like, like])
        if self.place:
            clauses.append("(e.location_name ILIKE ? OR e.location_country = ?)")
            params.extend([f"%{self.place}%", self.place.upper()])
        if self.since:
            clauses.append("e.day >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("e.day <= ?")
            params.append(self.until)
        if self.modality:
            clauses.append("e.modality = ?")
            params.append(self.modality)
        if self.text:
            clauses.append("e.evidence_sentence ILIKE ?")
            params.append(f"%{self.text}%")
        return (" AND ".join(clauses) or "TRUE"), params


def _parse_value(name: str, raw: str) -> Any:
    value = raw.strip()
    option = "--" + name
    if name in ("source", "target"):
        value = value.upper()
        if not _COUNTRY.match(value):
            raise NewsEventsError(
                "NE505", option, value=raw, detail="expected a 3-letter country code, e.g. IND"
            )
        return value
    if name == "cameo":
        if not _CAMEO.match(value):
            raise NewsEventsError(
                "NE505", option, value=raw, detail="expected a CAMEO code prefix of 2-4 digits"
            )
        return value
    if name == "plover":
        value = value.upper()
        if not _PLOVER.match(value):
            raise NewsEventsError(
                "NE505", option, value=raw, detail="expected a PLOVER type, e.g. CONSULT"
            )
        return value
    if name in ("since", "until"):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as e:
            raise NewsEventsError("NE505", option, value=raw, detail="expected YYYY-MM-DD") from e
    if name == "modality":
        value = value.lower()
        if value == ANY_MODALITY:
            return None
        if value not in MODALITIES:
            choices = ", ".join([*sorted(MODALITIES), ANY_MODALITY])
            raise NewsEventsError("NE505", option, value=raw, detail=f"expected one of {choices}")
        return value
    return value


# The columns of `newsevents query`, as (name, SQL expression over e, d, s).
EVENT_COLUMNS: Final[tuple[tuple[str, str], ...]] = (
    ("day", "e.day"),
    ("date", "e.date"),
    ("date_precision", "e.date_precision"),
    ("source", "e.source_text"),
    ("source_name", "sa.name"),
    ("source_country", "e.source_country"),
    ("source_sector", "e.source_sector"),
    ("cameo", "e.cameo"),
    ("plover", "e.plover"),
    ("mode", "e.mode"),
    ("target", "e.target_text"),
    ("target_name", "ta.name"),
    ("target_country", "e.target_country"),
    ("target_sector", "e.target_sector"),
    ("location", "e.location_name"),
    ("location_country", "e.location_country"),
    ("modality", "e.modality"),
    ("quad_class", "e.quad_class"),
    ("goldstein", "e.goldstein"),
    ("num_articles", "s.num_articles"),
    ("num_sources", "s.num_sources"),
    ("doc_id", "e.doc_id"),
    ("event_id", "e.id"),
    ("url", "d.url"),
    ("sentence", "e.evidence_sentence"),
)

FROM_EVENTS: Final = (
    "FROM events e JOIN documents d ON d.id = e.doc_id JOIN stories s ON s.doc_id = e.doc_id"
)
# FROM_EVENTS plus the actors the event's source and target resolve to (sa, ta).
FROM_EVENTS_WITH_ACTORS: Final = (
    FROM_EVENTS
    + " LEFT JOIN actors sa ON sa.doc_id = e.doc_id AND sa.id = e.source_actor_id"
    + " LEFT JOIN actors ta ON ta.doc_id = e.doc_id AND ta.id = e.target_actor_id"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


def query_events(
    connection: duckdb.DuckDBPyConnection, where: EventFilter, *, limit: int | None = None
) -> Table:
    """Events matching ``where``, by day, then arrival order, then position in the article."""
    condition, params = where.where()
    select = ", ".join(f"{sql} AS {name}" for name, sql in EVENT_COLUMNS)
    sql = f"SELECT {select} {FROM_EVENTS_WITH_ACTORS} WHERE {condition} "
    sql += "ORDER BY e.day, d.seq, e.idx"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    rows = connection.execute(sql, params).fetchall()
    return Table(columns=tuple(name for name, _ in EVENT_COLUMNS), rows=rows)
