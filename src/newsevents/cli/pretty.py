"""The terminal summary of a record (``--format pretty``), rendered with rich."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from ..types import ArticleRecord


def render(record: ArticleRecord, console: Console) -> None:
    data = record.to_dict()
    document = data["document"]
    # Events name their actors by the actor's resolved name ("Narendra Modi"), not the words
    # of one mention ("India's Prime Minister Narendra Modi").
    names = {a["id"]: a["name"] for a in data["actors"]}
    console.print(Panel(_header(document), title=document["title"] or document["source"]))
    for name, columns in _SECTIONS:
        rows = data[name]
        if not rows:
            continue
        table = Table(title=f"{name} ({len(rows)})", title_justify="left", expand=True)
        for column, _ in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(getter(row, names)) for _, getter in columns))
        console.print(table)


def _header(document: dict[str, Any]) -> Table:
    dateline = document["dateline"]
    lines = [
        ("id", document["id"]),
        ("published", f"{document['published'] or '?'} (from {document['date_source']})"),
        (
            "dateline",
            f"{dateline['place']} ({dateline['country'] or '?'})" if dateline else None,
        ),
        ("byline", document["byline"]),
        ("captions", " | ".join(document["captions"]) or None),
        ("removed", ", ".join(d["kind"] for d in document["removed"]) or None),
        ("body", f"{len(document['body'])} characters, {len(document['paragraphs'])} paragraphs"),
    ]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in lines:
        if value is not None:
            grid.add_row(label, str(value))
    return grid


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        # Money reads as 65,000,000,000, not 6.5e+10.
        return f"{int(value):,}" if value.is_integer() else f"{value:g}"
    return str(value)


def _actor(side: dict[str, Any] | None, names: dict[str, str]) -> str | None:
    if not side:
        return None
    name = names.get(side.get("actor_id") or "", side["text"])
    codes = "/".join(c for c in (side.get("country"), side.get("sector")) if c)
    return f"{name} [{codes}]" if codes else name


def _point(place: dict[str, Any]) -> str | None:
    return None if place["lat"] is None else f"{place['lat']:.3f}, {place['lon']:.3f}"


_SECTIONS: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = (
    (
        "actors",
        (
            ("id", lambda a, _: a["id"]),
            ("name", lambda a, _: a["name"]),
            ("type", lambda a, _: a["type"]),
            ("country", lambda a, _: a["country"]),
            ("sector", lambda a, _: a["sector"]),
            (
                "title / affiliation",
                lambda a, _: ", ".join(x for x in (a["title"], a["affiliation"]) if x),
            ),
            ("mentions", lambda a, _: len(a["mentions"])),
        ),
    ),
    (
        "events",
        (
            ("cameo", lambda e, _: e["cameo"]),
            ("plover", lambda e, _: e["plover"]),
            ("source", lambda e, names: _actor(e["source"], names)),
            ("target", lambda e, names: _actor(e["target"], names)),
            ("date", lambda e, _: e["date"]),
            ("where", lambda e, _: (e["location"] or {}).get("name")),
            ("modality", lambda e, _: e["modality"]),
            ("trigger", lambda e, _: e["trigger"]["text"]),
        ),
    ),
    (
        "quotes",
        (
            ("speaker", lambda q, _: (q["speaker"] or {}).get("name")),
            ("kind", lambda q, _: q["kind"]),
            ("cue", lambda q, _: (q["cue"] or {}).get("text")),
            ("text", lambda q, _: q["text"]),
        ),
    ),
    (
        "quantities",
        (
            ("text", lambda q, _: q["text"]),
            ("value", lambda q, _: q["value"]),
            ("unit", lambda q, _: q["unit"]),
            ("kind", lambda q, _: q["kind"]),
            ("subject", lambda q, _: q["subject"]),
            ("period", lambda q, _: q["period"]),
        ),
    ),
    (
        "times",
        (
            ("text", lambda t, _: t["text"]),
            ("type", lambda t, _: t["type"]),
            ("value", lambda t, _: t["value"]),
        ),
    ),
    (
        "places",
        (
            ("text", lambda p, _: p["text"]),
            ("name", lambda p, _: p["name"]),
            ("country", lambda p, _: p["country"]),
            ("feature", lambda p, _: p["feature"]),
            ("lat, lon", lambda p, _: _point(p)),
        ),
    ),
)
