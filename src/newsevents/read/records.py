"""JSON and JSON Lines records: ``id``, ``text``/``body``/``content`` (or ``html``), ``title``,
``date``/``published``, ``url``. Unknown fields are ignored."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import NewsEventsError
from ..types import Failure, RawArticle
from .html import looks_like_html, read_html

TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("date", "published", "published_at", "pubdate")


def looks_like_json(text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[")


def read_json_text(text: str, *, source: str) -> Iterator[RawArticle | Failure]:
    """A JSON document (object or array of objects) or JSON Lines; one item per record.

    A malformed line in JSON Lines fails alone (``source:LINE``); the other lines still read.
    """
    stripped = text.strip()
    try:
        whole = json.loads(stripped)
    except json.JSONDecodeError as e:
        lines = [line for line in stripped.split("\n") if line.strip()]
        if len(lines) <= 1:
            yield NewsEventsError(
                "NE106", source, detail=f"{e.msg} at line {e.lineno}"
            ).to_failure()
            return
        yield from _read_lines(stripped, source=source)
        return
    if isinstance(whole, list):
        for i, item in enumerate(whole):
            yield _safe_record(item, source=f"{source}[{i}]")
    else:
        yield _safe_record(whole, source=source)


def _read_lines(text: str, *, source: str) -> Iterator[RawArticle | Failure]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            yield NewsEventsError(
                "NE106", where, detail=f"{e.msg} at column {e.colno}"
            ).to_failure()
            continue
        yield _safe_record(item, source=where)


def _safe_record(item: Any, *, source: str) -> RawArticle | Failure:
    try:
        return record_to_article(item, source=source)
    except NewsEventsError as e:
        return e.to_failure()


def record_to_article(item: Any, *, source: str) -> RawArticle:
    if not isinstance(item, dict):
        raise NewsEventsError(
            "NE106", source, detail=f"expected an object, got {type(item).__name__}"
        )
    record_id = item.get("id")
    record_id = str(record_id) if record_id not in (None, "") else None
    url = _string(item.get("url"))
    text = next((v for f in TEXT_FIELDS if isinstance(v := item.get(f), str) and v.strip()), None)
    html = _string(item.get("html"))
    if text is not None and looks_like_html(text):
        html, text = text, None
    if text is None and html is None:
        raise NewsEventsError("NE107", source)
    date = next((v for f in DATE_FIELDS if isinstance(v := item.get(f), str) and v.strip()), None)
    title = _string(item.get("title"))
    author = _string(item.get("author")) or _string(item.get("byline"))
    if html is not None:
        article = read_html(html, source=source, id=record_id, url=url)
        return RawArticle(
            source=source,
            text=article.text,
            id=record_id,
            title=title or article.title,
            date=date or article.date,
            url=url or article.url,
            author=author or article.author,
        )
    return RawArticle(
        source=source, text=text, id=record_id, title=title, date=date, url=url, author=author
    )


def _string(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
