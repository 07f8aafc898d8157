"""``newsevents eval TASK --data FILE``: measure accuracy against gold data."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from ..errors import EXIT_INPUT, NewsEventsError
from ..eval import CROSS_VALIDATED, TASKS, EvalReport, evaluator
from ..settings import Settings
from .output import dumps


@click.command(name="eval")
@click.argument("task", type=click.Choice(sorted(TASKS)))
@click.option(
    "--data",
    "data",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="Gold JSON Lines file in the shared datasets' format for TASK.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
@click.option("--limit", type=click.IntRange(min=1), help="Evaluate only the first N gold records.")
@click.option(
    "--seed",
    "seeds",
    type=int,
    multiple=True,
    help="Fold seed where TASK cross-validates (events; default 13). Repeat it to report the "
    "mean over several seeds with each seed's figures.",
)
def eval_command(
    task: str, data: Path, as_json: bool, limit: int | None, seeds: tuple[int, ...]
) -> None:
    """Score TASK (actors, timex, toponyms, events, acled, quotes, quantities) against gold data.

    \b
    Examples:
      newsevents eval timex --data ../shared/datasets/TempEval3/train.jsonl
      newsevents eval events --data ../shared/datasets/PLOVER_GSR/dev.jsonl --json
      newsevents eval events --data ../shared/datasets/PLV/train.jsonl --seed 13 --seed 14
    """
    if seeds and task not in CROSS_VALIDATED:
        raise click.UsageError(f"--seed: {task} does not cross-validate")
    settings = Settings.from_env()
    options = {"seeds": seeds} if seeds else {}
    try:
        report = evaluator(task)(data, settings=settings, limit=limit, **options)
    except NewsEventsError as e:
        click.echo(str(e), err=True)
        sys.exit(EXIT_INPUT)
    if as_json:
        click.echo(dumps(report.to_dict(), indent=2))
    else:
        _print(report, Console())


def _print(report: EvalReport, console: Console) -> None:
    table = Table(
        title=f"{report.task}: {report.data} ({report.n} gold records)", title_justify="left"
    )
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in report.metrics.items():
        table.add_row(name, f"{value:.4f}" if isinstance(value, float) else str(value))
    console.print(table)
    for group, values in report.breakdown.items():
        sub = Table(title=group, title_justify="left")
        sub.add_column("metric")
        sub.add_column("value", justify="right")
        for name, value in values.items():
            sub.add_row(name, f"{value:.4f}" if isinstance(value, float) else str(value))
        console.print(sub)
