"""``newsevents ingest``: articles into the store, each story once."""

from __future__ import annotations

import sys
from typing import IO

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..errors import EXIT_INPUT, NewsEventsError
from ..read import iter_inputs
from ..settings import Settings
from ..store.ingest import IngestCounts, ingest
from ..types import Failure
from .options import reading_options
from .output import dumps
from .store_options import db_option


def _line(counts: IngestCounts) -> str:
    return (
        f"read {counts.read}, new {counts.new}, duplicates {counts.duplicates}, "
        f"already stored {counts.already_stored}, failed {counts.failed}, "
        f"events {counts.events} ({counts.rate:.1f} articles/s)"
    )


def _progress(counts: IngestCounts) -> str:
    """The short form of the summary, for the progress line of an 80-column terminal."""
    return (
        f"read {counts.read} · new {counts.new} · dup {counts.duplicates} · "
        f"had {counts.already_stored} · failed {counts.failed} · events {counts.events} · "
        f"{counts.rate:.1f}/s"
    )


@click.command(name="ingest")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@db_option
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes that parse articles; one writer writes the store.",
)
@reading_options(
    batch_help="Articles per batch (parsed together, written in one transaction).",
    language_help="Store articles even when they look non-English.",
)
def ingest_command(
    inputs: tuple[str, ...],
    db: str,
    workers: int,
    date: str | None,
    errors_path: IO[str] | None,
    batch_size: int | None,
    model: str | None,
    no_language_check: bool,
) -> None:
    """Store articles from INPUT files, directories, JSON/JSON Lines, or - (stdin).

    Ingesting the same input again adds nothing; a run that is killed can be run again and
    ends with the rows of one complete run. Near-duplicates (syndicated copies) are stored
    and linked to their story, not parsed again. Failed inputs are recorded and skipped.

    \b
    Examples:
      newsevents ingest ../shared/samples/
      newsevents ingest articles.jsonl --db corpus.duckdb --workers 2
    """
    settings = Settings.from_env(
        batch_size=batch_size,
        model=model,
        check_language=False if no_language_check else None,
    )

    def on_failure(failure: Failure) -> None:
        click.echo(str(failure), err=True)
        if errors_path is not None:
            errors_path.write(dumps(failure.to_dict()) + "\n")
            errors_path.flush()

    console = Console(stderr=True)
    # A progress line on a terminal only, so `ingest ... 2> log` stays clean.
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    task = progress.add_task("ingesting", total=None)
    try:
        with progress:
            counts = ingest(
                iter_inputs(inputs, settings=settings),
                db=db,
                settings=settings,
                inputs=inputs,
                workers=workers,
                date=date,
                on_batch=lambda c: progress.update(task, description=_progress(c)),
                on_failure=on_failure,
            )
    except NewsEventsError as e:
        click.echo(str(e), err=True)
        sys.exit(EXIT_INPUT)
    click.echo(f"{_line(counts)} -> {db}", err=True)
    if counts.failed and counts.failed == counts.read:
        sys.exit(EXIT_INPUT)
