"""The period a quantity is for, when its sentence states one, normalised like times.

"in the 2023-24 financial year" -> "FY2023-24", "fiscal 2023" -> "FY2023", "in June 2020" ->
"2020-06", "the first quarter of 2024" -> "2024-Q1", "in 2012" -> "2012". Relative periods
("this year", "last week") need the publication date and the times extractor; they are left
out. Only a period in the quantity's own clause counts: "Imports touched $60 billion in the
2023-24 financial year" gives the period, a date in another clause of the sentence does not.
"""

from __future__ import annotations

import calendar
import re

from spacy.tokens import Doc, Span, Token

# English month names and abbreviations ("June", "Jun", "Sept"); Python never sets a locale
# on its own, so the calendar module's names are the English ones.
_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}
_YEAR = r"((?:19|20)\d\d)"
_FY_SPAN = re.compile(
    rf"{_YEAR}\s*[-–/]\s*(\d\d(?:\d\d)?)\s+(?:financial|fiscal)\s+year"
    rf"|(?:financial|fiscal)\s+year\s+(?:of\s+)?{_YEAR}\s*[-–/]\s*(\d\d(?:\d\d)?)",
    re.I,
)
_FY_SHORT = re.compile(
    rf"\bFY\s?'?(\d\d(?:\d\d)?)(?:\s*[-–/]\s*(\d\d(?:\d\d)?))?\b|\bfiscal\s+(?:year\s+)?{_YEAR}\b",
    re.I,
)
_QUARTER = re.compile(
    rf"\b(first|second|third|fourth|Q[1-4])\s+quarter\s+(?:of\s+)?{_YEAR}|\bQ([1-4])\s+{_YEAR}",
    re.I,
)
_MONTH_YEAR = re.compile(rf"\b([A-Za-z]{{3,9}})\.?\s+{_YEAR}\b")
_BARE_YEAR = re.compile(rf"^(?:in\s+|the\s+year\s+|during\s+)?{_YEAR}$", re.I)
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis"})


def find_period(doc: Doc, start: int, end: int) -> str | None:
    """The normalised period for the quantity at tokens ``start``..``end``, or None."""
    sentence = doc[start].sent
    clause = _clause(doc[start:end].root)
    best: tuple[int, str] | None = None
    for match_start, match_end, value in _candidates(sentence):
        span = doc.char_span(match_start, match_end, alignment_mode="expand")
        if span is None or (span.start < end and start < span.end):
            continue
        if _clause(span.root) != clause:
            continue
        distance = min(abs(span.start - end), abs(start - span.end))
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None


def _candidates(sentence: Span) -> list[tuple[int, int, str]]:
    text = sentence.text
    offset = sentence.start_char
    found: list[tuple[int, int, str]] = []
    for m in _FY_SPAN.finditer(text):
        first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        found.append((offset + m.start(), offset + m.end(), f"FY{first}-{second[-2:]}"))
    for m in _FY_SHORT.finditer(text):
        if any(s <= offset + m.start() < e for s, e, _ in found):
            continue
        if m.group(3):
            value = f"FY{m.group(3)}"
        else:
            first = m.group(1) if len(m.group(1)) == 4 else f"20{m.group(1)}"
            value = f"FY{first}-{m.group(2)[-2:]}" if m.group(2) else f"FY{first}"
        found.append((offset + m.start(), offset + m.end(), value))
    for m in _QUARTER.finditer(text):
        if m.group(1):
            name = m.group(1).lower()
            quarter = _ORDINAL.get(name) or int(name[1])
            found.append((offset + m.start(), offset + m.end(), f"{m.group(2)}-Q{quarter}"))
        else:
            found.append((offset + m.start(), offset + m.end(), f"{m.group(4)}-Q{m.group(3)}"))
    for m in _MONTH_YEAR.finditer(text):
        month = _MONTHS.get(m.group(1).lower())
        if month is not None:
            found.append((offset + m.start(), offset + m.end(), f"{m.group(2)}-{month:02d}"))
    for ent in sentence.ents:
        after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if after is not None and after.text == "-":
            continue  # "a 1990-like confrontation"
        if ent.label_ == "DATE" and _BARE_YEAR.match(ent.text):
            year = _BARE_YEAR.match(ent.text)
            assert year is not None
            if not any(s < ent.end_char and ent.start_char < e for s, e, _ in found):
                found.append((ent.start_char, ent.end_char, year.group(1)))
    return found


def _clause(token: Token) -> Token:
    """The head of the clause ``token`` is in: up the tree to a clause boundary."""
    while token.head != token and token.dep_ not in _CLAUSE_DEPS:
        token = token.head
    return token
