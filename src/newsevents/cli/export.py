"""``newsevents export``: the store in the formats other tools read."""

from __future__ import annotations

import sys

import click

from ..errors import EXIT_INPUT, NewsEventsError
from ..export import FORMATS, write_gdelt, write_plover, write_tables
from ..store.schema import open_store
from .store_options import db_option, filter_options, make_filter


@click.command(name="export")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option(
    "--out",
    required=True,
    metavar="PATH",
    help="A file for gdelt and plover; a directory (one file per table) for parquet and csv.",
)
@filter_options()
def export_command(db: str, fmt: str, out: str, **filters: str | None) -> None:
    """Export events (gdelt: GDELT 2.0 event table; plover: JSON Lines) or every table
    (parquet, csv), limited to the events matching the filters given. The GDELT table has no
    modality column, so it holds asserted events unless --modality says otherwise.

    \b
    Examples:
      newsevents export --format gdelt --out events.tsv
      newsevents export --format plover --out events.jsonl --source IND
      newsevents export --format parquet --out corpus/
    """
    try:
        if fmt == "gdelt" and not filters.get("modality"):
            # GDELT rows have no modality: only events reported as having happened.
            filters = {**filters, "modality": "asserted"}
        where = make_filter(filters)
        connection = open_store(db)
        try:
            if fmt == "gdelt":
                n = write_gdelt(connection, out, where)
                message = f"wrote {n} events to {out} (GDELT 2.0 event table, 61 columns)"
            elif fmt == "plover":
                n = write_plover(connection, out, where)
                message = f"wrote {n} events to {out} (PLOVER JSON Lines)"
            else:
                counts = write_tables(
                    connection, out, "parquet" if fmt == "parquet" else "csv", where
                )
                listed = ", ".join(f"{t} {n}" for t, n in counts.items())
                message = f"wrote {len(counts)} {fmt} files to {out}: {listed}"
        finally:
            connection.close()
    except NewsEventsError as e:
        click.echo(str(e), err=True)
        sys.exit(EXIT_INPUT)
    click.echo(message, err=True)
