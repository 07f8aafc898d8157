"""Quotations marked in the text: spans between double quotation marks, across paragraphs.

News style opens every paragraph of a multi-paragraph quotation with a quotation mark and
closes only the last one, so a paragraph that ends inside a quotation continues in the next
paragraph when that one opens with a mark; each paragraph's part is its own ``Quotation``,
and the parts share a ``group``. Curly and straight marks mix freely in scraped text
(``“looking forward ... nations."`` in the sample), so any double mark closes an open one.
Single quotation marks are left alone: in body text they are mostly apostrophes; two of them
(``''``) are a double mark, as in The New York Times' archive text.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = ('"', "''")
_MARK_CHARS = "\"'“”„«» "
# A straight mark opens after these (or at the start of a paragraph), otherwise it closes.
_OPEN_AFTER = " \t\n([{—–-:/"


@dataclass(frozen=True, slots=True, kw_only=True)
class Quotation:
    """One paragraph's part of a quotation: ``text[start:end]`` includes its marks."""

    start: int
    end: int
    group: int
    # Whether the closing mark is in this part; False for all but the last part of a
    # multi-paragraph quotation and for quotations left unclosed at the end of a paragraph.
    closed: bool

    def inner(self, text: str) -> tuple[int, int]:
        """The quoted words without the marks (and without the space inside them)."""
        start, end = self.start, self.end
        while start < end and text[start] in _MARK_CHARS:
            start += 1
        while end > start and (text[end - 1] in _MARK_CHARS or text[end - 1].isspace()):
            end -= 1
        return start, end


def paragraph_bounds(
    text: str, paragraphs: tuple[tuple[int, int], ...] = ()
) -> list[tuple[int, int]]:
    """``paragraphs`` when given, else the non-blank lines of ``text``."""
    if paragraphs:
        return list(paragraphs)
    bounds: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            bounds.append((start, end))
        start = end + 1
    return bounds


def find_quotations(text: str, paragraphs: tuple[tuple[int, int], ...] = ()) -> list[Quotation]:
    """Every quotation in ``text``, in order; ``paragraphs`` are (start, end) offsets."""
    quotations: list[Quotation] = []
    group = -1
    carried = False  # the previous paragraph ended inside a quotation
    for p_start, p_end in paragraph_bounds(text, paragraphs):
        opened: int | None = None
        first = _first_visible(text, p_start, p_end)
        if carried and (first is None or _mark(text, first, p_end) is None):
            # The open quotation was never continued: it ended with its paragraph.
            carried = False
        i = p_start
        while i < p_end:
            mark = _mark(text, i, p_end)
            if mark is None:
                i += 1
                continue
            kind, width = mark
            if opened is None:
                if kind == "open" or (kind == "straight" and _opens(text, i, p_start)):
                    opened = i
                    if not (carried and i == first):
                        group += 1
                    carried = False
            elif kind in ("close", "straight"):
                end = i + width
                quotations.append(Quotation(start=opened, end=end, group=group, closed=True))
                opened = None
            else:
                # A second opening mark before any closing one: the first was never closed.
                quotations.append(Quotation(start=opened, end=i, group=group, closed=False))
                group += 1
                opened = i
            i += width
        if opened is not None:
            end = p_end
            while end > opened + 1 and text[end - 1].isspace():
                end -= 1
            quotations.append(Quotation(start=opened, end=end, group=group, closed=False))
            carried = True
    return [q for q in quotations if q.end - q.start > 2]


def _mark(text: str, i: int, end: int) -> tuple[str, int] | None:
    """The quotation mark at ``text[i]``: its kind (open, close, straight) and width."""
    ch = text[i]
    if ch in OPENING:
        return "open", 1
    if ch in CLOSING:
        return "close", 1
    if ch == '"':
        return "straight", 1
    if text.startswith("''", i) and i + 2 <= end:
        return "straight", 2
    return None


def _opens(text: str, i: int, p_start: int) -> bool:
    return i == p_start or text[i - 1] in _OPEN_AFTER


def _first_visible(text: str, start: int, end: int) -> int | None:
    for i in range(start, end):
        if not text[i].isspace():
            return i
    return None
