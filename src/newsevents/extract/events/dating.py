"""When and where an event happened: the times and places the parse links to its trigger.

A time or place is linked when the trigger's clause hangs off it ("in 2019, when he attended
a forum"), or when, walking up from its head word, the first verb or trigger met is one of
the event's anchors: the trigger, the light verb a noun trigger is the object of ("held
talks on Tuesday"), the verb of the phrase a noun trigger sits in ("was in Moscow on Monday for
a two-day visit") and participles hanging off a noun trigger ("a warrant issued in 2023"). So a
background event keeps its own date ("since Moscow sent troops into Ukraine in February 2022")
and never takes one from another clause. Unlinked events get the publication date: precision
``day`` only for asserted events at the top of the story (its first two paragraphs report the
day's news in wire copy) that are not told as background ("since ...", "had ..."), else
``unknown``, meaning "reported by this date".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from ...types import Place, Time

Precision = Literal["day", "week", "month", "year", "range", "unknown"]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_WEEK = re.compile(r"^\d{4}-W\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
STOP_POS = {"VERB", "AUX"}


@dataclass(frozen=True, slots=True)
class When:
    date: str | None
    precision: Precision
    time: Time | None


def precision_of(time: Time) -> tuple[str | None, Precision]:
    """A TIMEX3 value as an event date and its precision."""
    value = time.value or ""
    if time.range_start and time.range_end and time.range_start != time.range_end:
        return time.range_start, "range"
    if _DAY.match(value):
        return value[:10], "day"
    if _WEEK.match(value):
        return value, "week"
    if _MONTH.match(value):
        return value, "month"
    if _YEAR.match(value):
        return value, "year"
    return None, "unknown"


def anchors(trigger: Token) -> set[int]:
    """Token indexes whose dependents describe the event itself."""
    found = {trigger.i}
    if trigger.pos_ not in STOP_POS:
        head = trigger.head
        if trigger.dep_ in {"dobj", "nsubjpass", "attr"}:
            found.add(head.i)
        elif trigger.dep_ == "pobj" and head.dep_ in {"prep", "agent"}:
            found.add(head.head.i)
        found.update(c.i for c in trigger.children if c.dep_ in {"acl", "relcl"})
    return found


def _linked(doc: Doc, start: int, end: int, trigger: Token, targets: set[int]) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.sent.start != trigger.sent.start:
        return False
    # A clause hanging off the time itself: "in 2019, when he attended a forum".
    node = trigger
    for _ in range(2):
        if node.head.i == node.i:
            break
        node = node.head
        if span.start <= node.i < span.end:
            return True
    node = span.root
    for _ in range(12):
        if node.i in targets:
            return True
        if node.i != span.root.i and (node.pos_ in STOP_POS or node.i == trigger.i):
            return False
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def when(
    trigger: Token, times: Sequence[Time], *, published: str | None, lede: bool, asserted: bool
) -> When:
    """The event date of ``trigger``."""
    targets = anchors(trigger)
    for time in times:
        if time.type not in {"DATE", "TIME"}:
            continue
        if _linked(trigger.doc, time.start, time.end, trigger, targets):
            date, precision = precision_of(time)
            if date is not None:
                return When(date, precision, time)
    if published is None:
        return When(None, "unknown", None)
    same_day = lede and asserted and not background(trigger)
    return When(published, "day" if same_day else "unknown", None)


def background(trigger: Token) -> bool:
    """A clause that tells an earlier happening ("since Russia sent troops", "had met",
    "after the 2020 clash"): never the day's news, even in the lede."""
    node = trigger
    for _ in range(4):
        for child in node.children:
            if child.dep_ == "mark" and child.lower_ in {"since", "after", "before", "until"}:
                return True
            if child.dep_ in {"aux"} and child.lower_ in {"had", "'d"}:
                return True
        if node.dep_ not in {"pobj", "prep", "dobj", "conj"} or node.head.i == node.i:
            break
        node = node.head
    return False


def where(trigger: Token, places: Sequence[Place]) -> Place | None:
    """The place linked to ``trigger``, the nearest when several are."""
    targets = anchors(trigger)
    linked = [p for p in places if _linked(trigger.doc, p.start, p.end, trigger, targets)]
    if not linked:
        return None
    return min(linked, key=lambda p: abs(p.start - trigger.idx))
