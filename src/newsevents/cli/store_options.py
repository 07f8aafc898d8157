"""Options shared by the store commands: ``--db`` and the event filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..store.query import EventFilter
from ..store.schema import DEFAULT_DB

F = TypeVar("F", bound=Callable[..., Any])

FILTERS: tuple[tuple[str, str, str], ...] = (
    ("source", "CODE", "Source actor's country (3-letter code, e.g. IND)."),
    ("target", "CODE", "Target actor's country (3-letter code, e.g. RUS)."),
    ("cameo", "CODE", "CAMEO event code prefix: 04 matches 04, 040, 0411, ..."),
    ("plover", "TYPE", "PLOVER event type, e.g. CONSULT."),
    ("actor", "TEXT", "Either actor's text or resolved name contains TEXT."),
    ("place", "TEXT", "Event location's name contains TEXT (or is that country code)."),
    ("since", "YYYY-MM-DD", "Events on or after this day."),
    ("until", "YYYY-MM-DD", "Events on or before this day."),
    ("modality", "NAME", "asserted, negated, planned, hypothetical, uncertain, or any."),
    ("text", "TEXT", "The evidence sentence contains TEXT."),
)


def db_option(f: F) -> F:
    return click.option(
        "--db",
        default=DEFAULT_DB,
        show_default=True,
        metavar="PATH",
        help="The store: an embedded DuckDB file.",
    )(f)


def filter_options(*, skip: tuple[str, ...] = (), asserted_only: bool = False) -> Callable[[F], F]:
    """The filter options; ``asserted_only`` makes ``--modality asserted`` the default, for
    commands whose output has no modality column (counts, GDELT rows), where a negated or
    planned event would otherwise count as one that happened."""

    def decorate(f: F) -> F:
        for name, metavar, help_text in reversed(FILTERS):
            if name in skip:
                continue
            if name == "modality" and asserted_only:
                help_text += " Default: asserted (events reported as having happened)."
            f = click.option(f"--{name}", metavar=metavar, help=help_text)(f)
        return f

    return decorate


def make_filter(options: dict[str, Any]) -> EventFilter:
    """An ``EventFilter`` from the filter options among ``options`` (raises NE505)."""
    return EventFilter.parse(**{name: options.get(name) for name, _, _ in FILTERS})


def jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value
