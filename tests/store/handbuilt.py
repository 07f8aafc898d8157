"""Article records built by hand from real sentences of the sample, for store and export tests.

As spaCy's tests build Docs by hand, these build what the extractors (issues 3-5) will produce:
the events, quotes, quantities, times and places a reader finds in the AP sample, with offsets
computed from its real body and CAMEO/PLOVER values read from the shared ontology tables. They
exercise every field of the record in the store before the extractors land.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import replace
from functools import cache
from pathlib import Path

from newsevents.store.dedup import Match, signature
from newsevents.store.writer import BatchCounts, Canonical, Copy, Writer
from newsevents.types import (
    Actor,
    ArticleRecord,
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

from ..conftest import SHARED


@cache
def _cameo() -> dict[str, dict[str, str]]:
    with (SHARED / "ontology" / "cameo_codes.csv").open(encoding="utf-8") as f:
        codes = {r["code"]: r for r in csv.DictReader(f)}
    with (SHARED / "ontology" / "cameo_to_plover.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["cameo_code"] in codes:
                codes[r["cameo_code"]].update(plover=r["plover_type"], mode=r["mode"])
    return codes


def _span(body: str, text: str, *, after: int = 0) -> Span:
    start = body.index(text, after)
    return Span(start=start, end=start + len(text), text=text)


def _sentence(body: str, text: str) -> Evidence:
    span = _span(body, text)
    return Evidence(sentence=span.text, start=span.start, end=span.end)


def _party(body: str, text: str, actor: Actor, *, after: int = 0) -> EventActor:
    span = _span(body, text, after=after)
    return EventActor(
        actor_id=actor.id,
        text=text,
        country=actor.country,
        sector=actor.sector,
        start=span.start,
        end=span.end,
    )


def _event(
    body: str,
    number: int,
    code: str,
    sentence: str,
    trigger: str,
    source: tuple[str, Actor] | None,
    target: tuple[str, Actor] | None,
    **fields: object,
) -> Event:
    row = _cameo()[code]
    evidence = _sentence(body, sentence)
    return Event(
        id=f"e{number}",
        cameo=code,
        cameo_root=row["root"],
        plover=row.get("plover") or None,
        mode=row.get("mode") or None,
        quad_class=int(row["quad_class"]),
        goldstein=float(row["goldstein"]),
        source=_party(body, source[0], source[1], after=evidence.start) if source else None,
        target=_party(body, target[0], target[1], after=evidence.start) if target else None,
        date=fields.pop("date", "2024-07-08"),  # type: ignore[arg-type]
        date_precision=fields.pop("date_precision", "day"),  # type: ignore[arg-type]
        location=fields.pop("location", None),  # type: ignore[arg-type]
        modality=fields.pop("modality", "asserted"),  # type: ignore[arg-type]
        reported_by=fields.pop("reported_by", None),  # type: ignore[arg-type]
        evidence=evidence,
        trigger=_span(body, trigger, after=evidence.start),
        confidence=0.9,
        **fields,  # type: ignore[arg-type]
    )


def sample_with_events(record: ArticleRecord) -> ArticleRecord:
    """The sample's real record, with its lists filled by hand from its own sentences."""
    body = record.document.body
    modi = Actor(
        id="a1", name="Narendra Modi", type="person", country="IND", sector="GOV",
        title="Prime Minister", mentions=(_span(body, "Narendra Modi"), _span(body, "Modi met")),
        basis="leaders",
    )  # fmt: skip
    modi = replace(modi, mentions=(modi.mentions[0], _span(body, "Modi", after=252)))
    putin = Actor(
        id="a2", name="Vladimir Putin", type="person", country="RUS", sector="GOV",
        title="President", mentions=(_span(body, "Vladimir Putin"),), basis="leaders",
    )  # fmt: skip
    india = Actor(
        id="a3", name="India", type="state", country="IND", sector=None,
        mentions=(_span(body, "India has avoided"),), basis="gazetteer",
    )  # fmt: skip
    india = replace(india, mentions=(_span(body, "India", after=india.mentions[0].start),))
    usa = Actor(
        id="a4", name="United States", type="state", country="USA", sector=None,
        mentions=(_span(body, "United States"),), basis="gazetteer",
    )  # fmt: skip
    russia = Actor(
        id="a5", name="Russia", type="state", country="RUS", sector=None,
        mentions=(_span(body, "Russia sent"),), basis="gazetteer",
    )  # fmt: skip
    russia = replace(russia, mentions=(_span(body, "Russia", after=russia.mentions[0].start),))
    moscow = EventLocation(name="Moscow", country="RUS", lat=55.75204, lon=37.61781)
    events = (
        _event(
            body, 1, "042",
            "Modi met Russian President Vladimir Putin at his residence outside Moscow, "
            "to be followed by talks at the Kremlin on Tuesday.",
            "met", ("Modi", modi), ("Vladimir Putin", putin), location=moscow,
            mentions=(_sentence(body, "Modi was in Moscow on Monday for a two-day visit"),),
        ),
        _event(
            body, 2, "043",
            "Putin drove Modi around the grounds in a buggy and showed him his stable with horses.",
            "drove", ("Putin", putin), ("Modi", modi), location=moscow,
        ),
        _event(
            body, 3, "051",
            "Modi thanked Putin on X for hosting him at Novo-Ogaryovo",
            "thanked", ("Modi", modi), ("Putin", putin),
            location=EventLocation(name="Novo-Ogaryovo", country="RUS", lat=None, lon=None),
        ),
        _event(
            body, 4, "111",
            "India has avoided condemning Russia’s military action in Ukraine",
            "condemning", ("India", india), ("Russia", russia),
            modality="negated", date=None, date_precision="unknown",
        ),
        _event(
            body, 5, "163",
            "sanctions imposed by the United States and its allies",
            "imposed", ("United States", usa), None,
            date="2022-02", date_precision="month", acled={"event_type": "Strategic developments"},
        ),
        _event(
            body, 6, "040",
            "Modi last traveled to Russia in 2019, when he attended a forum in the far eastern "
            "port of Vladivostok and met with Putin.",
            "met", ("Modi", modi), ("Putin", putin), date="2019", date_precision="year",
            location=EventLocation(name="Vladivostok", country="RUS", lat=43.10562, lon=131.87353),
            reported_by=None,
        ),
    )  # fmt: skip
    quote = _span(body, "“Stronger ties between our nations will greatly benefit our people,”")
    he = _span(body, "he wrote", after=quote.start)
    quotes = (
        Quote(
            text=quote.text, start=quote.start, end=quote.end, kind="direct",
            speaker=Speaker(actor_id="a1", name="he", start=he.start, end=he.start + 2),
            cue=_span(body, "wrote", after=quote.start),
            medium=_span(body, "X", after=_span(body, "social media platform").start),
        ),
        Quote(
            text="India is increasingly estranged from forums in which Russia and China play a "
            "prominent role",
            start=_span(body, "India is increasingly estranged").start,
            end=_span(body, "prominent role").end,
            kind="indirect", speaker=None, cue=_span(body, "said India"),
        ),
    )  # fmt: skip
    percent = _span(body, "more than 40%")
    money = _span(body, "$65 billion")
    quantities = (
        Quantity(
            text=percent.text, start=percent.start, end=percent.end, value=40.0, unit="%",
            kind="percent", subject="oil imports", period=None, approximate="more than",
            actor_id="a3",
        ),
        Quantity(
            text=money.text, start=money.start, end=money.end, value=65e9, unit="USD",
            kind="money", subject="India-Russia trade", period="2023-24", approximate="close to",
        ),
    )  # fmt: skip
    moscow_span = _span(body, "Moscow", after=10)
    vlad = _span(body, "Vladivostok")
    places = (
        Place(
            text="Moscow", start=moscow_span.start, end=moscow_span.end, name="Moscow",
            country="RUS", admin1="48", lat=55.75204, lon=37.61781, feature="PPLC",
            geonameid=524901, confidence=0.95,
        ),
        Place(
            text="Vladivostok", start=vlad.start, end=vlad.end, name="Vladivostok", country="RUS",
            admin1="59", lat=43.10562, lon=131.87353, feature="PPLA", geonameid=2013348,
            confidence=0.9,
        ),
        Place(
            text="Novo-Ogaryovo", start=_span(body, "Novo-Ogaryovo").start,
            end=_span(body, "Novo-Ogaryovo").end, name=None, country=None, admin1=None, lat=None,
            lon=None, feature=None, geonameid=None, confidence=0.2,
        ),
    )  # fmt: skip
    monday = _span(body, "Monday")
    september = _span(body, "September 2022")
    two_day = _span(body, "two-day")
    fiscal = _span(body, "2023-24")
    times = (
        Time(text="Monday", start=monday.start, end=monday.end, type="DATE", value="2024-07-08",
             anchor="2024-07-08"),
        Time(text="two-day", start=two_day.start, end=two_day.end, type="DURATION", value="P2D"),
        Time(text=september.text, start=september.start, end=september.end, type="DATE",
             value="2022-09"),
        Time(text="2023-24", start=fiscal.start, end=fiscal.end, type="DATE", value="2023/2024",
             range_start="2023-04", range_end="2024-03"),
    )  # fmt: skip
    return replace(
        record,
        actors=(modi, putin, india, usa, russia),
        events=events,
        quotes=quotes,
        quantities=quantities,
        places=places,
        times=times,
    )


def copy_of(document: Document, *, doc_id: str, url: str | None, edit: str = "") -> Document:
    """A syndicated copy: another id and URL, the body with ``edit`` appended."""
    body = document.body + edit
    return replace(document, id=doc_id, url=url, source=f"copy:{doc_id}", body=body)


def write_records(
    db: Path, records: list[ArticleRecord], *, copies: list[tuple[Document, str]] = ()
) -> None:
    """Store ``records`` as canonical documents and ``copies`` (document, canonical id) as
    their near-duplicates, through the writer, in one batch."""
    items: list[Canonical | Copy] = [
        Canonical(record=r, signature=signature(r.document.body)) for r in records
    ]
    items.extend(
        Copy(document=d, match=Match(canonical_id=c, jaccard=0.9, containment=0.95))
        for d, c in copies
    )
    with Writer(db) as writer:
        writer.write(items, BatchCounts(read=len(items), already_stored=0))


def other_story(record: ArticleRecord, *, doc_id: str, published: str) -> ArticleRecord:
    """The sample's events again as another story on another day (for time series)."""
    digest = hashlib.sha256(doc_id.encode()).hexdigest()[:8]
    document = replace(
        record.document,
        id=doc_id,
        published=published,
        url=f"https://example.org/{digest}",
        source=f"handbuilt:{doc_id}",
    )
    events = tuple(
        replace(e, date=published if e.date_precision == "day" else e.date) for e in record.events
    )
    return replace(record, document=document, events=events)
