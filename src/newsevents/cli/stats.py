"""``newsevents stats``: what the store holds."""

from __future__ import annotations

import sys
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from ..errors import EXIT_INPUT, NewsEventsError
from ..store.schema import open_store
from ..store.stats import store_stats
from .output import dumps
from .store_options import db_option


@click.command(name="stats")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
def stats_command(db: str, as_json: bool) -> None:
    """Counts per table, stories and their copies, failures, dates, events and recent runs."""
    try:
        connection = open_store(db)
        try:
            stats = store_stats(connection, db)
        finally:
            connection.close()
    except NewsEventsError as e:
        click.echo(str(e), err=True)
        sys.exit(EXIT_INPUT)
    if as_json:
        click.echo(dumps(stats, indent=2))
        return
    console = Console()
    console.print(
        f"{stats['store']}: schema version {stats['schema_version']}, {stats['bytes'] / 1e6:.1f} MB"
    )
    _pairs(console, "documents", stats["documents"])
    _pairs(console, "rows per table", stats["tables"])
    events = stats["events"]
    _pairs(
        console,
        "events",
        {k: v for k, v in events.items() if not isinstance(v, dict)}
        | {f"quad class {k}": v for k, v in events["by_quad_class"].items()},
    )
    if events["top_cameo_roots"]:
        _pairs(console, "top CAMEO roots", events["top_cameo_roots"])
    if events["top_dyads"]:
        _pairs(console, "top dyads", events["top_dyads"])
    if stats["failures_by_code"]:
        _pairs(console, "failures by code", stats["failures_by_code"])
    runs = Table(title="recent ingest runs", title_justify="left")
    for column in ("id", "started", "status", "read", "new", "duplicates", "already_stored"):
        runs.add_column(column)
    for column in ("failed", "events"):
        runs.add_column(column)
    for run in stats["runs"]:
        runs.add_row(*(str(v) for v in run.values()))
    console.print(runs)


def _pairs(console: Console, title: str, values: dict[str, Any]) -> None:
    table = Table(title=title, title_justify="left", show_header=False)
    table.add_column("name")
    table.add_column("value", justify="right")
    for name, value in values.items():
        table.add_row(name, "" if value is None else str(value))
    console.print(table)
