"""The records that flow through newsevents, from raw input to the article record.

Data flows one way: ``RawArticle`` -> ``Document`` -> spaCy ``Doc`` of ``Document.body``
-> ``Actor``/``Time``/``Place``/``Event``/``Quote``/``Quantity`` -> ``ArticleRecord``.
Every character offset in a record indexes ``Document.body`` (0-based, end-exclusive),
so ``body[start:end] == text`` always holds.

``ArticleRecord.to_dict`` is the only place that produces the ``newsevents.article/1``
JSON shape (``schemas/article-1.json``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_ID = "newsevents.article/1"

DateSource = Literal["argument", "metadata", "caption", "text", "none"]
ActorType = Literal["person", "organization", "state", "igo", "ngo", "group"]
Modality = Literal["asserted", "negated", "planned", "hypothetical", "uncertain"]

JSON = dict[str, Any]


def _span_dict(start: int, end: int, text: str) -> JSON:
    return {"start": start, "end": end, "text": text}


@dataclass(frozen=True, slots=True, kw_only=True)
class RawArticle:
    """One input item as read, before any cleaning.

    Exactly one of ``text`` and ``html`` is set. ``title``, ``date`` and ``url`` come from
    the input's own metadata (JSON fields, HTML meta tags) and are ``None`` when absent.
    """

    source: str
    text: str | None = None
    html: str | None = None
    id: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> JSON:
        return _span_dict(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True, kw_only=True)
class Dateline:
    """The place line that opens a wire story ("NEW DELHI (AP) —")."""

    text: str
    start: int
    end: int
    place: str | None
    country: str | None
    agency: str | None = None
    date: str | None = None

    def to_dict(self) -> JSON:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "place": self.place,
            "country": self.country,
            "agency": self.agency,
            "date": self.date,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Debris:
    """A piece of scraper debris removed from the body, kept so cleaning is auditable."""

    kind: str
    text: str

    def to_dict(self) -> JSON:
        return {"kind": self.kind, "text": self.text}


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """The cleaned article: structure separated from the body text that gets parsed."""

    id: str
    source: str
    url: str | None
    title: str | None
    dateline: Dateline | None
    published: str | None
    date_source: DateSource
    byline: str | None
    captions: tuple[str, ...]
    body: str
    language: str
    paragraphs: tuple[tuple[int, int], ...] = ()
    removed: tuple[Debris, ...] = ()

    def to_dict(self) -> JSON:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "published": self.published,
            "date_source": self.date_source,
            "byline": self.byline,
            "captions": list(self.captions),
            "body": self.body,
            "language": self.language,
            "paragraphs": [{"start": s, "end": e} for s, e in self.paragraphs],
            "removed": [d.to_dict() for d in self.removed],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """A participant, merged over all its mentions in the article."""

    id: str
    name: str
    type: ActorType
    country: str | None
    sector: str | None
    title: str | None = None
    affiliation: str | None = None
    mentions: tuple[Span, ...] = ()
    # Where the country/sector came from: "leaders", "title", "demonym", "metonym",
    # "gazetteer", "organization", "affiliation"; a reviewer can see why a code was given.
    basis: str | None = None

    def to_dict(self) -> JSON:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "sector": self.sector,
            "title": self.title,
            "affiliation": self.affiliation,
            "basis": self.basis,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Time:
    """A temporal expression, normalised TIMEX3-style (issue 3)."""

    text: str
    start: int
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None
    anchor: str | None = None
    # A closed interval for values that name one ("FY2023-24" -> 2023-04..2024-03).
    range_start: str | None = None
    range_end: str | None = None

    def to_dict(self) -> JSON:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
            "anchor": self.anchor,
            "range": (
                {"start": self.range_start, "end": self.range_end}
                if self.range_start or self.range_end
                else None
            ),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A toponym resolved against the gazetteer (issue 3). Coordinates are never invented."""

    text: str
    start: int
    end: int
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    feature: str | None
    geonameid: int | None
    confidence: float

    def to_dict(self) -> JSON:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
            "geonameid": self.geonameid,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class EventActor:
    actor_id: str | None
    text: str
    country: str | None
    sector: str | None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> JSON:
        return {
            "actor_id": self.actor_id,
            "text": self.text,
            "country": self.country,
            "sector": self.sector,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class EventLocation:
    name: str
    country: str | None
    lat: float | None
    lon: float | None

    def to_dict(self) -> JSON:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    sentence: str
    start: int
    end: int

    def to_dict(self) -> JSON:
        return {"sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Who did what to whom, when and where, with the sentence that says so (issue 4)."""

    id: str
    cameo: str
    cameo_root: str
    plover: str | None
    mode: str | None
    quad_class: int
    goldstein: float | None
    source: EventActor | None
    target: EventActor | None
    date: str | None
    date_precision: Literal["day", "week", "month", "year", "range", "unknown"]
    location: EventLocation | None
    modality: Modality
    reported_by: str | None
    evidence: Evidence
    trigger: Span
    confidence: float
    acled: dict[str, str] | None = None
    mentions: tuple[Evidence, ...] = ()

    def to_dict(self) -> JSON:
        return {
            "id": self.id,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "plover": self.plover,
            "mode": self.mode,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "modality": self.modality,
            "reported_by": self.reported_by,
            "evidence": self.evidence.to_dict(),
            "trigger": self.trigger.to_dict(),
            "confidence": self.confidence,
            "acled": self.acled,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    actor_id: str | None
    name: str
    start: int
    end: int

    def to_dict(self) -> JSON:
        return {"actor_id": self.actor_id, "name": self.name, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """Who said what (issue 5)."""

    text: str
    start: int
    end: int
    kind: Literal["direct", "partial", "indirect", "mixed"]
    speaker: Speaker | None
    cue: Span | None
    addressee: Span | None = None
    medium: Span | None = None

    def to_dict(self) -> JSON:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "addressee": self.addressee.to_dict() if self.addressee else None,
            "medium": self.medium.to_dict() if self.medium else None,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """A number with its unit and what it counts (issue 5)."""

    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    kind: Literal["money", "percent", "count", "casualties", "measure"]
    subject: str | None
    period: str | None
    approximate: str | None
    actor_id: str | None = None

    def to_dict(self) -> JSON:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "unit": self.unit,
            "kind": self.kind,
            "subject": self.subject,
            "period": self.period,
            "approximate": self.approximate,
            "actor_id": self.actor_id,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleRecord:
    """Everything newsevents knows about one article: the ``newsevents.article/1`` record."""

    document: Document
    actors: tuple[Actor, ...] = ()
    times: tuple[Time, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()

    def to_dict(self) -> JSON:
        return {
            "schema": SCHEMA_ID,
            "document": self.document.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "times": [t.to_dict() for t in self.times],
            "places": [p.to_dict() for p in self.places],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "quantities": [q.to_dict() for q in self.quantities],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """An input that could not be turned into a record; batches record it and carry on."""

    source: str
    code: str
    message: str
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> JSON:
        return {"source": self.source, "code": self.code, "error": self.message, **self.extra}

    def __str__(self) -> str:
        return f"{self.code} {self.source}: {self.message}"
