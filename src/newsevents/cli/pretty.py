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
    console.print(Panel(_header(document), title=document["title"] or document["source"]))
    for name, columns in _SECTIONS:
        rows = data[name]
        if not rows:
            continue
        table = Table(title=f"{name} ({len(rows)})", title_justify="left", expand=True)
        for column, _ in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(getter(row)) for _, getter in columns))
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
        return f"{value:g}"
    return str(value)


def _actor(side: dict[str, Any] | None) -> str | None:
    if not side:
        return None
    codes = "/".join(c for c in (side.get("country"), side.get("sector")) if c)
    return f"{side['text']} [{codes}]" if codes else side["text"]


_SECTIONS: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = (
    (
        "actors",
        (
            ("id", lambda a: a["id"]),
            ("name", lambda a: a["name"]),
            ("type", lambda a: a["type"]),
            ("country", lambda a: a["country"]),
            ("sector", lambda a: a["sector"]),
            (
                "title / affiliation",
                lambda a: ", ".join(x for x in (a["title"], a["affiliation"]) if x),
            ),
            ("mentions", lambda a: len(a["mentions"])),
        ),
    ),
    (
        "events",
        (
            ("cameo", lambda e: e["cameo"]),
            ("plover", lambda e: e["plover"]),
            ("source", lambda e: _actor(e["source"])),
            ("target", lambda e: _actor(e["target"])),
            ("date", lambda e: e["date"]),
            ("where", lambda e: (e["location"] or {}).get("name")),
            ("modality", lambda e: e["modality"]),
            ("trigger", lambda e: e["trigger"]["text"]),
        ),
    ),
    (
        "quotes",
        (
            ("speaker", lambda q: (q["speaker"] or {}).get("name")),
            ("kind", lambda q: q["kind"]),
            ("cue", lambda q: (q["cue"] or {}).get("text")),
            ("text", lambda q: q["text"]),
        ),
    ),
    (
        "quantities",
        (
            ("text", lambda q: q["text"]),
            ("value", lambda q: q["value"]),
            ("unit", lambda q: q["unit"]),
            ("kind", lambda q: q["kind"]),
            ("subject", lambda q: q["subject"]),
            ("period", lambda q: q["period"]),
        ),
    ),
    (
        "times",
        (
            ("text", lambda t: t["text"]),
            ("type", lambda t: t["type"]),
            ("value", lambda t: t["value"]),
        ),
    ),
    (
        "places",
        (
            ("text", lambda p: p["text"]),
            ("name", lambda p: p["name"]),
            ("country", lambda p: p["country"]),
            ("feature", lambda p: p["feature"]),
            ("lat, lon", lambda p: None if p["lat"] is None else f"{p['lat']:.3f}, {p['lon']:.3f}"),
        ),
    ),
)
