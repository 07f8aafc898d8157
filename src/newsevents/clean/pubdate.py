"""Publication dates: parse metadata values and find full dates written in text.

Only complete dates (day, month and year) count as a publication date; "Monday" or
"July 8" alone say nothing about the year, and resolving them is the job of the time
resolver (issue 3), which uses the date found here as its anchor.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_PATTERNS = (
    # July 8, 2024 / Jul. 8 2024 / Monday, July 8, 2024
    re.compile(rf"(?i)\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    # 8 July 2024 / 8th of July, 2024
    re.compile(rf"(?i)\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
    # 2024-07-08 / 2024/07/08
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/](?P<month>[01]?\d)[-/](?P<day>[0-3]?\d)\b"),
)


def _build(year: str, month: str, day: str) -> str | None:
    month_number = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
    try:
        return date(int(year), month_number, int(day)).isoformat()
    except ValueError:
        return None


def find_full_date(text: str) -> tuple[str, int, int] | None:
    """The first complete date written in ``text``: (ISO date, start, end)."""
    best: tuple[str, int, int] | None = None
    for pattern in _PATTERNS:
        for found in pattern.finditer(text):
            value = _build(found["year"], found["month"], found["day"])
            if value and (best is None or found.start() < best[1]):
                best = (value, found.start(), found.end())
                break
    return best


def parse_date(value: str) -> str | None:
    """Normalise a metadata date (ISO 8601, RFC 2822 or written out) to ``YYYY-MM-DD``."""
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    found = find_full_date(value)
    return found[0] if found else None


def is_iso_day(value: str) -> bool:
    """True for a valid ``YYYY-MM-DD`` string (the form ``--date`` accepts)."""
    try:
        return date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False
