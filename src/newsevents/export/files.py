"""Writing an export so that an interrupted run never leaves a half-written file behind."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ..errors import NewsEventsError


@contextmanager
def atomic_text(path: str | Path) -> Iterator[IO[str]]:
    """A text file that appears at ``path`` only when the block finishes without error."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.partial")
    try:
        handle = temporary.open("w", encoding="utf-8", newline="\n")
    except OSError as e:
        raise NewsEventsError("NE507", str(path), detail=e.strerror or str(e)) from e
    try:
        with handle:
            yield handle
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
