"""Options shared by the commands that read articles (``extract``, ``ingest``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..clean.pubdate import is_iso_day
from ..errors import NewsEventsError

F = TypeVar("F", bound=Callable[..., Any])


def check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not is_iso_day(value):
        error = NewsEventsError("NE203", "--date", value=value)
        raise click.BadParameter(f"{error.code} {error.reason}")
    return value


def reading_options(*, batch_help: str, language_help: str) -> Callable[[F], F]:
    """--date, --errors, --batch-size, --model and --no-language-check, in that order."""
    options = [
        click.option(
            "--date",
            callback=check_date,
            metavar="YYYY-MM-DD",
            help="Publication date of the input(s); overrides metadata.",
        ),
        click.option(
            "--errors",
            "errors_path",
            type=click.File("w", encoding="utf-8"),
            help="Also write failures to this file as JSON Lines.",
        ),
        click.option("--batch-size", type=click.IntRange(min=1), default=None, help=batch_help),
        click.option("--model", default=None, help="Installed spaCy English pipeline to use."),
        click.option("--no-language-check", is_flag=True, help=language_help),
    ]

    def decorate(f: F) -> F:
        for option in reversed(options):
            f = option(f)
        return f

    return decorate
