"""``newsevents query``: events from the store, filtered, as a table, CSV or JSON."""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable
from typing import Any

import click
from rich.console import Console
from rich.table import Table as RichTable

from ..errors import EXIT_INPUT, NewsEventsError
from ..store.query import Table, query_events
from ..store.schema import open_store
from .output import dumps
from .pretty import _cell
from .store_options import db_option, filter_options, jsonable, make_filter

FORMATS = ("table", "csv", "json", "jsonl")
# The terminal table: (heading, how to show a row); csv and json have every column.
SHOWN: tuple[tuple[str, Callable[[dict[str, Any]], Any]], ...] = (
    ("date", lambda r: _date(r)),
    ("source", lambda r: _party(r, "source")),
    ("event", lambda r: _event(r)),
    ("target", lambda r: _party(r, "target")),
    ("place", lambda r: r["location"]),
    ("arts", lambda r: r["num_articles"]),
    ("sentence", lambda r: _cut(r["sentence"], 60)),
)


def _date(record: dict[str, Any]) -> str | None:
    """The date as coded ("2019", "2022-02", "2024-07-08"); an event the text does not date
    shows the day it was reported by."""
    if record["date"]:
        return str(record["date"])
    return f"by {record['day']}" if record["day"] else None


def _event(record: dict[str, Any]) -> str:
    parts = [record["cameo"], record["plover"]]
    if record["modality"] != "asserted":
        parts.append(f"({record['modality']})")
    return " ".join(str(p) for p in parts if p)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


NO_WRAP = frozenset({"date", "day", "period", "arts"})
RATIOS = {"source": 2, "event": 2, "target": 2, "place": 2, "sentence": 3}


def _party(record: dict[str, Any], role: str) -> str | None:
    # The actor's resolved name ("Narendra Modi") where the store has one, else the words.
    text, country = record[f"{role}_name"] or record[role], record[f"{role}_country"]
    if text is None:
        return None
    return f"{text} ({country})" if country else text


@click.command(name="query")
@db_option
@filter_options()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="table: main columns for the terminal; csv, json, jsonl: every column.",
)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
def query_command(db: str, fmt: str, limit: int | None, **filters: str | None) -> None:
    """Events in the store matching every filter given, in date order.

    \b
    Examples:
      newsevents query --source IND --target RUS
      newsevents query --cameo 04 --since 2024-07-01 --format csv > consult.csv
      newsevents query --actor Modi --format jsonl
    """
    try:
        where = make_filter(filters)
        connection = open_store(db)
        try:
            table = query_events(connection, where, limit=limit)
        finally:
            connection.close()
    except NewsEventsError as e:
        click.echo(str(e), err=True)
        sys.exit(EXIT_INPUT)
    write_table(
        table,
        fmt,
        shown=SHOWN,
        title=f"{len(table.rows)} event{'' if len(table.rows) == 1 else 's'}",
    )


def write_table(
    table: Table,
    fmt: str,
    *,
    shown: tuple[tuple[str, Callable[[dict[str, Any]], Any]], ...] | None = None,
    title: str,
) -> None:
    """Print ``table`` to stdout in ``fmt``; a terminal table shows ``shown`` (every column
    when None)."""
    records = [
        {c: jsonable(v) for c, v in zip(table.columns, row, strict=True)} for row in table.rows
    ]
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows([[_csv(r[c]) for c in table.columns] for r in records])
    elif fmt == "json":
        click.echo(dumps(records, indent=2))
    elif fmt == "jsonl":
        for record in records:
            click.echo(dumps(record))
    else:
        columns = shown or tuple((c, _getter(c)) for c in table.columns)
        rich = RichTable(title=title, title_justify="left", expand=shown is not None)
        for heading, _ in columns:
            # Dates and counts stay on one line; the rest share the width, the sentence taking
            # the most.
            ratio = RATIOS.get(heading) if shown is not None else None
            rich.add_column(heading, no_wrap=heading in NO_WRAP, overflow="fold", ratio=ratio)
        for record in records:
            rich.add_row(*(_cell(get(record)) for _, get in columns))
        Console().print(rich)


def _getter(column: str) -> Callable[[dict[str, Any]], Any]:
    return lambda record: record[column]


def _csv(value: Any) -> Any:
    return "" if value is None else value
