"""Expand command-line inputs (files, directories, ``-`` for stdin) into raw articles."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import NewsEventsError
from ..settings import Settings
from ..types import Failure, RawArticle
from .encoding import decode
from .html import looks_like_html, read_html
from .records import looks_like_json, read_json_text

# Files taken from a directory; other files (images, archives) are not articles.
ARTICLE_SUFFIXES = frozenset(
    {".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson", ""}
)
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
STDIN = "-"


def iter_inputs(
    inputs: Iterable[str], *, settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[RawArticle | Failure]:
    """Every article in ``inputs``, in order; unreadable items come out as ``Failure``."""
    for name in inputs:
        if name == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(settings.max_bytes + 1)
            yield from _read_bytes(data, source="<stdin>", suffix="", settings=settings)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if _is_article_file(p, root=path)):
                yield from _read_file(child, settings=settings)
        elif path.exists():
            yield from _read_file(path, settings=settings)
        else:
            yield NewsEventsError("NE101", name).to_failure()


def _is_article_file(path: Path, *, root: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return path.is_file() and not hidden and path.suffix.lower() in ARTICLE_SUFFIXES


def _read_file(path: Path, *, settings: Settings) -> Iterator[RawArticle | Failure]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise NewsEventsError("NE104", source, size=size, limit=settings.max_bytes)
        data = path.read_bytes()
    except NewsEventsError as e:
        yield e.to_failure()
        return
    except OSError as e:
        yield NewsEventsError("NE109", source, detail=e.strerror or str(e)).to_failure()
        return
    yield from _read_bytes(data, source=source, suffix=path.suffix.lower(), settings=settings)


def _read_bytes(
    data: bytes, *, source: str, suffix: str, settings: Settings
) -> Iterator[RawArticle | Failure]:
    try:
        text = decode(data, source=source, max_bytes=settings.max_bytes)
        if suffix in JSON_SUFFIXES or (suffix not in HTML_SUFFIXES and looks_like_json(text)):
            yield from read_json_text(text, source=source)
        elif suffix in HTML_SUFFIXES or looks_like_html(text):
            yield read_html(text, source=source)
        else:
            yield RawArticle(source=source, text=text)
    except NewsEventsError as e:
        yield e.to_failure()
