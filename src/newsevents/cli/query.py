"""``newsevents query``: events from the store, filtered, as a table, CSV or JSON."""

from __future__ import annotations

import csv
import sys
from typing import Any

import click
from rich.console import Console
from rich.table import Table as RichTable

from ..errors import EXIT_INPUT, NewsEventsError
from ..store.query import Table, query_events
from ..store.schema import open_store
from .output import dumps
from .store_options import db_option, filter_options, jsonable, make_filter

FORMATS = ("table", "csv", "json", "jsonl")
# Columns shown in the terminal table; csv and json have them all.
TABLE_COLUMNS = (
    "day", "source", "source_country", "cameo", "plover", "target", "target_country",
    "location", "modality", "goldstein", "num_articles", "sentence",
)  # fmt: skip


@click.command(name="query")
@db_option
@filter_options()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
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
    write_table(table, fmt, shown=TABLE_COLUMNS, title=f"{len(table.rows)} events")


def write_table(table: Table, fmt: str, *, shown: tuple[str, ...], title: str) -> None:
    """Print ``table`` to stdout in ``fmt`` (table shows the ``shown`` columns)."""
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
        rich = RichTable(title=title, title_justify="left")
        for column in shown:
            rich.add_column(column, overflow="fold")
        for record in records:
            rich.add_row(*(_cell(record[c]) for c in shown))
        Console().print(rich)


def _csv(value: Any) -> Any:
    return "" if value is None else value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
