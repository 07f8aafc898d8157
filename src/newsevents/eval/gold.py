"""The ``Document`` an extractor sees for a gold record: its raw text, parsed as it is.

Gold offsets index the raw text, so evaluations skip the debris cleaner; the dateline at the
start of the text is still read, as the pipeline reads it.
"""

from __future__ import annotations

from typing import Any

from ..clean.dateline import parse_dateline
from ..types import Document


def gold_document(record: dict[str, Any], *, published: str | None = None) -> Document:
    text: str = record["text"]
    parsed = parse_dateline(text.split("\n", 1)[0])
    dateline = parsed.as_dateline() if parsed else None
    return Document(
        id=str(record.get("id", "")),
        source=str(record.get("id", "")),
        url=None,
        title=None,
        dateline=dateline,
        published=published,
        date_source="metadata" if published else "none",
        byline=None,
        captions=(),
        body=text,
        language="en",
    )
