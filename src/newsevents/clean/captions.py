"""Photo captions: recognise them, strip their credits, drop scraped duplicates."""

from __future__ import annotations

from .paragraphs import fingerprint


def is_truncated_copy(paragraph: str, other: str) -> bool:
    """``paragraph`` repeats the start of ``other`` (scrapers often keep a caption's first
    line as alt text, then the full caption)."""
    short, full = fingerprint(paragraph), fingerprint(other)
    return len(short) >= 20 and len(full) > len(short) and full.startswith(short)
