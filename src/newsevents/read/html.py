"""HTML pages: main text and metadata with trafilatura."""

from __future__ import annotations

from typing import Any

import trafilatura

from ..errors import NewsEventsError
from ..types import RawArticle


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or any(
        tag in head for tag in ("<body", "<article", "<head>", "<p>", "<div")
    )


def read_html(
    html: str, *, source: str, id: str | None = None, url: str | None = None
) -> RawArticle:
    """Extract the article from ``html``; trafilatura's title/date/url fill the metadata."""
    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, TypeError) as e:
        raise NewsEventsError("NE108", source, detail=str(e)) from e
    if extracted is None:
        raise NewsEventsError("NE108", source, detail="trafilatura found no main text")
    data: dict[str, Any] = extracted if isinstance(extracted, dict) else extracted.as_dict()
    main_text = str(data.get("text") or "")
    if not main_text.strip():
        raise NewsEventsError("NE108", source, detail="trafilatura found no main text")
    # trafilatura joins paragraphs with one newline; cleaning splits paragraphs on blank lines.
    text = "\n\n".join(line for line in main_text.split("\n") if line.strip())
    return RawArticle(
        source=source,
        text=text,
        id=id,
        title=data.get("title") or None,
        date=data.get("date") or None,
        url=url or data.get("url") or None,
        author=data.get("author") or None,
    )
