"""The ``newsevents`` command line. Commands parse arguments, call a library function and
format its result; this package is the only place that prints."""

from __future__ import annotations

import logging

import click

from .. import __version__
from .dyads import dyads_command
from .eval import eval_command
from .export import export_command
from .extract import extract
from .ingest import ingest_command
from .query import query_command
from .stats import stats_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="newsevents")
@click.option("-v", "--verbose", is_flag=True, help="Log progress and warnings to stderr.")
def main(verbose: bool) -> None:
    """Turn news articles into structured, traceable political event data.

    Exit codes: 0 success; 1 input error (nothing could be processed); 2 usage error.
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(message)s")


main.add_command(extract)
main.add_command(eval_command)
main.add_command(ingest_command)
main.add_command(query_command)
main.add_command(dyads_command)
main.add_command(export_command)
main.add_command(stats_command)
