"""From an ``ArticleRecord`` to the rows of each store table (``records.py`` goes back).

Column lists here are the insert order of ``schema.sql``; a test checks both agree and that
a record written and read back is equal to the original, so every field is held.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Any, Final

from ..types import ArticleRecord, Document, Event, EventActor, Quote, Span

Row = tuple[Any, ...]

COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "documents": (
        "id", "seq", "source", "url", "title", "published", "date_source", "byline", "captions",
        "body", "language", "paragraph_starts", "paragraph_ends", "removed_kinds",
        "removed_texts", "dateline_text", "dateline_start", "dateline_end", "dateline_place",
        "dateline_country", "dateline_agency", "dateline_date", "body_sha256",
    ),
    "actors": (
        "doc_id", "idx", "id", "name", "type", "country", "sector", "title", "affiliation",
        "basis",
    ),
    "mentions": ("doc_id", "owner", "owner_idx", "idx", "char_start", "char_end", "text"),
    "events": (
        "doc_id", "idx", "id", "gid", "cameo", "cameo_root", "plover", "mode", "quad_class",
        "goldstein", "source_actor_id", "source_text", "source_country", "source_sector",
        "source_start", "source_end", "target_actor_id", "target_text", "target_country",
        "target_sector", "target_start", "target_end", "has_source", "has_target", "date",
        "date_precision", "day", "location_name", "location_country", "location_lat",
        "location_lon", "has_location", "modality", "reported_by", "evidence_sentence",
        "evidence_start", "evidence_end", "trigger_text", "trigger_start", "trigger_end",
        "confidence", "acled_json",
    ),
    "quotes": (
        "doc_id", "idx", "text", "char_start", "char_end", "kind", "speaker_actor_id",
        "speaker_name", "speaker_start", "speaker_end", "has_speaker", "cue_text", "cue_start",
        "cue_end", "addressee_text", "addressee_start", "addressee_end", "medium_text",
        "medium_start", "medium_end",
    ),
    "quantities": (
        "doc_id", "idx", "text", "char_start", "char_end", "value", "unit", "kind", "subject",
        "period", "approximate", "actor_id",
    ),
    "places": (
        "doc_id", "idx", "text", "char_start", "char_end", "name", "country", "admin1", "lat",
        "lon", "feature", "geonameid", "confidence",
    ),
    "times": (
        "doc_id", "idx", "text", "char_start", "char_end", "type", "value", "anchor",
        "range_start", "range_end",
    ),
}  # fmt: skip
# Tables whose rows belong to one document, in the order they are written.
RECORD_TABLES: Final = tuple(COLUMNS)

_YEAR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")


def event_gid(doc_id: str, event_id: str) -> int:
    """A stable 60-bit number for an event (GDELT's GLOBALEVENTID is an integer)."""
    return int(hashlib.sha1(f"{doc_id}/{event_id}".encode()).hexdigest()[:15], 16)


def event_day(value: str | None, published: str | None) -> dt.date | None:
    """The day an event is counted on: its own date (first day of a month, week or year
    when that is all it says), else the article's publication date."""
    for text in (value, published):
        if not text:
            continue
        if week := _WEEK.match(text):
            try:
                return dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
            except ValueError:
                continue
        if found := _YEAR.match(text):
            try:
                return dt.date(int(found[1]), int(found[2] or 1), int(found[3] or 1))
            except ValueError:
                continue
    return None


def record_rows(record: ArticleRecord, *, seq: int) -> dict[str, list[Row]]:
    """Rows for every table, for a canonical document (its lists included)."""
    document = record.document
    doc_id = document.id
    rows: dict[str, list[Row]] = {name: [] for name in RECORD_TABLES}
    rows["documents"].append(document_row(document, seq=seq))
    for i, a in enumerate(record.actors):
        rows["actors"].append(
            (doc_id, i, a.id, a.name, a.type, a.country, a.sector, a.title, a.affiliation, a.basis)
        )
        rows["mentions"].extend(_span_rows(doc_id, "actor", i, a.mentions))
    for i, e in enumerate(record.events):
        rows["events"].append(_event_row(doc_id, i, e, document.published))
        rows["mentions"].extend(
            (doc_id, "event", i, j, m.start, m.end, m.sentence) for j, m in enumerate(e.mentions)
        )
    rows["quotes"].extend(_quote_row(doc_id, i, q) for i, q in enumerate(record.quotes))
    rows["quantities"].extend(
        (
            *(doc_id, i, q.text, q.start, q.end, q.value, q.unit, q.kind),
            *(q.subject, q.period, q.approximate, q.actor_id),
        )
        for i, q in enumerate(record.quantities)
    )
    rows["places"].extend(
        (
            *(doc_id, i, p.text, p.start, p.end, p.name, p.country, p.admin1, p.lat, p.lon),
            *(p.feature, p.geonameid, p.confidence),
        )
        for i, p in enumerate(record.places)
    )
    rows["times"].extend(
        (doc_id, i, t.text, t.start, t.end, t.type, t.value, t.anchor, t.range_start, t.range_end)
        for i, t in enumerate(record.times)
    )
    return rows


def document_row(document: Document, *, seq: int) -> Row:
    d = document.dateline
    return (
        document.id,
        seq,
        document.source,
        document.url,
        document.title,
        document.published,
        document.date_source,
        document.byline,
        list(document.captions),
        document.body,
        document.language,
        [s for s, _ in document.paragraphs],
        [e for _, e in document.paragraphs],
        [r.kind for r in document.removed],
        [r.text for r in document.removed],
        d.text if d else None,
        d.start if d else None,
        d.end if d else None,
        d.place if d else None,
        d.country if d else None,
        d.agency if d else None,
        d.date if d else None,
        hashlib.sha256(document.body.encode("utf-8")).hexdigest(),
    )


def _span_rows(doc_id: str, owner: str, owner_idx: int, spans: tuple[Span, ...]) -> list[Row]:
    return [(doc_id, owner, owner_idx, j, s.start, s.end, s.text) for j, s in enumerate(spans)]


def _actor_columns(actor: EventActor | None) -> Row:
    if actor is None:
        return (None,) * 6
    return (actor.actor_id, actor.text, actor.country, actor.sector, actor.start, actor.end)


def _event_row(doc_id: str, i: int, e: Event, published: str | None) -> Row:
    location = e.location
    return (
        (doc_id, i, e.id, event_gid(doc_id, e.id), e.cameo, e.cameo_root, e.plover, e.mode)
        + (e.quad_class, e.goldstein)
        + _actor_columns(e.source)
        + _actor_columns(e.target)
        + (e.source is not None, e.target is not None, e.date, e.date_precision)
        + (event_day(e.date, published),)
        + (
            (location.name, location.country, location.lat, location.lon, True)
            if location
            else (None, None, None, None, False)
        )
        + (e.modality, e.reported_by, e.evidence.sentence, e.evidence.start, e.evidence.end)
        + (e.trigger.text, e.trigger.start, e.trigger.end, e.confidence)
        + (
            json.dumps(e.acled, sort_keys=True, ensure_ascii=False)
            if e.acled is not None
            else None,
        )
    )


def _optional_span(span: Span | None) -> Row:
    return (span.text, span.start, span.end) if span else (None, None, None)


def _quote_row(doc_id: str, i: int, q: Quote) -> Row:
    s = q.speaker
    return (
        (doc_id, i, q.text, q.start, q.end, q.kind)
        + ((s.actor_id, s.name, s.start, s.end, True) if s else (None, None, None, None, False))
        + _optional_span(q.cue)
        + _optional_span(q.addressee)
        + _optional_span(q.medium)
    )
