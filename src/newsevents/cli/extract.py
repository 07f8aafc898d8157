"""``newsevents extract``: articles in, ``newsevents.article/1`` records out."""

from __future__ import annotations

import sys
from typing import IO

import click
from rich.console import Console

from ..errors import EXIT_INPUT, NewsEventsError
from ..pipeline import run
from ..read import iter_inputs
from ..settings import Settings
from ..types import ArticleRecord
from .options import reading_options
from .output import Reporter, dumps, is_terminal
from .pretty import render

FORMATS = ("pretty", "json", "jsonl")


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format. Default: pretty on a terminal, jsonl otherwise. "
    "json writes one object (an array when there are several records).",
)
@reading_options(
    batch_help="Articles parsed together.",
    language_help="Process articles even when they look non-English.",
)
def extract(
    inputs: tuple[str, ...],
    fmt: str | None,
    date: str | None,
    errors_path: IO[str] | None,
    batch_size: int | None,
    model: str | None,
    no_language_check: bool,
) -> None:
    """Extract article records from INPUT files, directories, JSON/JSON Lines, or - (stdin).

    \b
    Examples:
      newsevents extract story.txt
      newsevents extract article.html --format json
      newsevents extract articles.jsonl --format jsonl > records.jsonl
      cat story.txt | newsevents extract - --date 2024-07-08 --format json
    """
    settings = Settings.from_env(
        batch_size=batch_size,
        model=model,
        check_language=False if no_language_check else None,
    )
    fmt = fmt or ("pretty" if is_terminal() else "jsonl")
    reporter = Reporter(errors_path, quiet=len(inputs) == 1 and fmt == "pretty")
    collected: list[ArticleRecord] = []
    console = Console()
    try:
        results = run(iter_inputs(inputs, settings=settings), settings=settings, date=date)
        for result in results:
            if not isinstance(result, ArticleRecord):
                reporter.failure(result)
                continue
            reporter.record(result)
            if fmt == "jsonl":
                sys.stdout.write(dumps(result.to_dict()) + "\n")
                sys.stdout.flush()
            elif fmt == "pretty":
                render(result, console)
            else:
                collected.append(result)
    except NewsEventsError as e:
        click.echo(str(e), err=True)
        sys.exit(EXIT_INPUT)
    if fmt == "json" and collected:
        data = [r.to_dict() for r in collected]
        sys.stdout.write(dumps(data[0] if len(data) == 1 else data, indent=2) + "\n")
    reporter.summary()
    if reporter.ok == 0 and reporter.failed > 0:
        sys.exit(EXIT_INPUT)
