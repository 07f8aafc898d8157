"""Writing records and failures: JSON formats to stdout, failures to stderr and ``--errors``."""

from __future__ import annotations

import json
import sys
import time
from typing import IO, Any

import click

from ..types import ArticleRecord, Failure


def dumps(data: Any, *, indent: int | None = None) -> str:
    """Deterministic JSON: sorted keys, real Unicode, no wall-clock values."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=indent)


class Reporter:
    """Counts results, reports failures as one line each, ends with a summary line."""

    def __init__(self, errors_file: IO[str] | None, *, quiet: bool = False) -> None:
        self.errors_file = errors_file
        self.quiet = quiet
        self.ok = 0
        self.failed = 0
        self.started = time.perf_counter()

    def failure(self, failure: Failure) -> None:
        self.failed += 1
        click.echo(str(failure), err=True)
        if self.errors_file is not None:
            self.errors_file.write(dumps(failure.to_dict()) + "\n")
            self.errors_file.flush()

    def record(self, record: ArticleRecord) -> None:
        self.ok += 1

    def summary(self) -> None:
        if self.quiet:
            return
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        click.echo(
            f"{self.ok} ok, {self.failed} failed, {self.ok / elapsed:.1f} articles/s",
            err=True,
        )


def is_terminal(stream: IO[str] | None = None) -> bool:
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())
