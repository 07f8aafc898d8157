"""Is the first paragraph of a plain-text article its headline?"""

from __future__ import annotations

import re

from .paragraphs import fingerprint

_SENTENCE_END = re.compile(r"[.!?…][\"”’)]?$")


def looks_like_headline(paragraph: str, *, following: int) -> bool:
    """A short line with no sentence-final period, followed by more text.

    Headlines may end in "?" or "!" but rarely in ".", and run to at most ~25 words.
    """
    if following == 0:
        return False
    words = paragraph.split()
    if not 2 <= len(words) <= 30 or len(paragraph) > 250:
        return False
    if paragraph.endswith("."):
        return False
    return not (_SENTENCE_END.search(paragraph) and paragraph[-1] not in "?!")


def same_text(a: str, b: str) -> bool:
    """Equal up to case, spacing and punctuation (a metadata title repeated in the body)."""
    return fingerprint(a) == fingerprint(b)
