"""``newsevents dyads``: a directed pair's events per period, as a table, CSV or sparkline."""

from __future__ import annotations

import sys
from typing import Any, cast

import click
from rich.console import Console

from ..errors import EXIT_INPUT, NewsEventsError
from ..store.dyads import FREQS, QUADS, DyadPeriod, Freq, dyad_series, label, sparkline
from ..store.query import Table
from ..store.schema import open_store
from .query import write_table
from .store_options import db_option, filter_options, make_filter

MEASURES = ("count", "goldstein", "quad")


def _columns(measure: str) -> tuple[str, ...]:
    if measure == "count":
        return ("events",)
    if measure == "goldstein":
        return ("events", "goldstein", "goldstein_mean")
    return tuple(f"q{i}_{name}" for i, name in enumerate(QUADS, start=1))


def _values(p: DyadPeriod, measure: str) -> tuple[Any, ...]:
    if measure == "count":
        return (p.events,)
    if measure == "goldstein":
        return (p.events, p.goldstein, p.goldstein_mean)
    return p.quads


@click.command(name="dyads")
@db_option
@click.option("--source", required=True, metavar="CODE", help="Source country (e.g. IND).")
@click.option("--target", required=True, metavar="CODE", help="Target country (e.g. RUS).")
@click.option(
    "--freq",
    type=click.Choice(FREQS),
    default="month",
    show_default=True,
    help="Period length; weeks start on Monday.",
)
@click.option(
    "--measure",
    type=click.Choice(MEASURES),
    default="count",
    show_default=True,
    help="count: events; goldstein: summed and mean Goldstein score; quad: QuadClass counts.",
)
@click.option("--both", is_flag=True, help="Also the reverse direction (target -> source).")
@filter_options(skip=("source", "target"), asserted_only=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("table", "csv", "json", "jsonl", "sparkline")),
    default="table",
    show_default=True,
    help="table prints the sparkline under the table.",
)
def dyads_command(
    db: str,
    source: str,
    target: str,
    freq: str,
    measure: str,
    both: bool,
    fmt: str,
    **filters: str | None,
) -> None:
    """Events from SOURCE to TARGET per period, every period listed (zeros included).

    \b
    Examples:
      newsevents dyads --source IND --target RUS --freq month
      newsevents dyads --source USA --target CHN --both --measure goldstein --format csv
    """
    try:
        where = make_filter(
            {
                **filters,
                "source": source,
                "target": target,
                "modality": filters.get("modality") or "asserted",
            }
        )
        connection = open_store(db)
        try:
            series = dyad_series(
                connection,
                source=cast(str, where.source),
                target=cast(str, where.target),
                freq=cast(Freq, freq),
                both=both,
                where=where,
            )
        finally:
            connection.close()
    except NewsEventsError as e:
        click.echo(str(e), err=True)
        sys.exit(EXIT_INPUT)
    columns = ("period", "source", "target", *_columns(measure))
    table = Table(
        columns=columns,
        rows=[
            (
                label(p.period, cast(Freq, freq)) if fmt == "table" else p.period,
                p.source,
                p.target,
                *_values(p, measure),
            )
            for p in series
        ],
    )
    if fmt != "sparkline":
        title = f"{where.source} -> {where.target} by {freq}" + (
            " (both directions)" if both else ""
        )
        write_table(table, fmt, title=title)
    if fmt in ("table", "sparkline"):
        _sparklines(series, measure, cast(Freq, freq))


def _sparklines(series: list[DyadPeriod], measure: str, freq: Freq) -> None:
    console = Console()
    if not series:
        console.print("no events for this dyad")
        return
    directions = list(dict.fromkeys((p.source, p.target) for p in series))
    first, last = label(series[0].period, freq), label(series[-1].period, freq)
    for s, t in directions:
        rows = [p for p in series if (p.source, p.target) == (s, t)]
        if measure == "quad":
            for i, name in enumerate(QUADS):
                values = [float(p.quads[i]) for p in rows]
                console.print(
                    f"{s}->{t} q{i + 1} {name:17} {sparkline(values)} max {max(values):g}"
                )
        else:
            values = [p.goldstein if measure == "goldstein" else float(p.events) for p in rows]
            name = "goldstein" if measure == "goldstein" else "events"
            console.print(
                f"{s}->{t} {name} {sparkline(values)}  {first} .. {last}, "
                f"min {min(values):g}, max {max(values):g}, total {sum(values):g}"
            )
