"""When and where an event happened: the times and places the parse links to its trigger.

A time or place is linked when the trigger's clause hangs off it ("in 2019, when he attended
a forum"), or when, walking up from its head word, the first verb or trigger met is one of
the event's anchors: the trigger, the light verb a noun trigger is the object of ("held
talks on Tuesday"), the verb of the phrase a noun trigger sits in ("was in Moscow on Monday for
a two-day visit") and participles hanging off a noun trigger ("a warrant issued in 2023"). So a
background event keeps its own date ("since Moscow sent troops into Ukraine in February 2022")
and never takes one from another clause. Unlinked events get the publication date with
precision ``day`` only when they are asserted events at the top of the story (its first two
paragraphs report the day's news in wire copy) that are not told as background ("since ...",
"had ..."); any other unlinked event has no date (null, ``unknown``): the publication date
says only that it was reported by then, which the record already carries as ``published``.

``inherit`` then dates the past-tense retellings that continue a dated background event ("A
confrontation in June 2020 ... as rival troops fought with rocks. At least 20 soldiers were
killed."): see its docstring.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Doc, Token

from ...ontology.countries import Metonym, metonym
from ...types import Document, Event, Place, Time

Precision = Literal["day", "week", "month", "year", "range", "unknown"]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_WEEK = re.compile(r"^\d{4}-W\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
STOP_POS = {"VERB", "AUX"}
SEAT_PREPS = {"at", "in", "inside"}


@dataclass(frozen=True, slots=True)
class Coded:
    """An event with the trigger it was coded from; ``dated``: its date comes from a time
    expression linked to that trigger (not the publication date); ``backed``: the PLOVER type
    the dictionary gives the trigger's word, None where it codes none."""

    event: Event
    trigger: Token
    dated: bool
    backed: str | None = None


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
    if published is not None and lede and asserted and not background(trigger):
        return When(published, "day", None)
    return When(None, "unknown", None)


def past(trigger: Token) -> bool:
    """The trigger is told in the simple past ("fought", "were killed", "a clash that
    erupted"), not the present perfect ("have persisted") or the present."""
    verb = trigger
    if trigger.pos_ not in STOP_POS:
        head = trigger.head
        if head.dep_ in {"prep", "agent"}:
            head = head.head
        if head.pos_ not in STOP_POS:
            return False
        verb = head
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if verb.tag_ == "VBD":
        return not auxiliaries
    if verb.tag_ == "VBN":
        # "were killed", "had met"; not "have been killed"
        return bool(auxiliaries) and all(a.tag_ == "VBD" for a in auxiliaries)
    return False


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


def seat(trigger: Token) -> tuple[str, Metonym] | None:
    """A seat of government the event happens at ("talks at the Kremlin", "a meeting in the
    White House"): (its name as written, the table's entry). The places extractor leaves
    these buildings out, since the same words name the government as an actor elsewhere ("the
    Kremlin said"); after a locative preposition of the event they can only be a place."""
    for anchor in anchors(trigger):
        for prep in trigger.doc[anchor].children:
            if prep.dep_ != "prep" or prep.lower_ not in SEAT_PREPS:
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            start = min(
                [obj.i] + [c.left_edge.i for c in obj.lefts if c.dep_ in {"compound", "flat"}]
            )
            name = trigger.doc[start : obj.i + 1].text
            entry = metonym(name)
            if entry is not None:
                return name, entry
    return None


def where(trigger: Token, places: Sequence[Place]) -> Place | None:
    """The place linked to ``trigger``, the nearest when several are."""
    targets = anchors(trigger)
    linked = [p for p in places if _linked(trigger.doc, p.start, p.end, trigger, targets)]
    if not linked:
        return None
    return min(linked, key=lambda p: abs(p.start - trigger.idx))


def _paragraph(document: Document, offset: int) -> int:
    for n, (start, end) in enumerate(document.paragraphs):
        if start <= offset < end:
            return n
    return -1


def inherit(coded: Sequence[Coded], *, document: Document) -> list[Event]:
    """The events of ``coded`` (in text order), where a past-tense retelling takes its date
    from the dated background event it continues.

    An undated, asserted event told in the simple past continues the last event dated by its
    own time expression in the same sentence before it ("A confrontation in June 2020 ...
    as rival troops fought") or in the sentence just before it in the same paragraph ("At
    least 20 soldiers were killed."), provided that event is itself asserted and happened
    before publication. It takes that date. Where it has the same PLOVER type, it is that
    happening told in more detail (the casualties of the clash) and joins it as a mention.
    """
    events = [c.event for c in coded]
    absorbed: set[int] = set()
    for i, item in enumerate(coded):
        event = item.event
        if event.date is not None or event.modality != "asserted" or not past(item.trigger):
            continue
        sentence = item.trigger.sent
        anchor = None
        for j in range(i - 1, -1, -1):
            other = coded[j]
            other_sentence = other.trigger.sent
            if other_sentence.start != sentence.start and not _continues(
                other_sentence.end, sentence.start, document, item.trigger
            ):
                break
            if (
                other.dated
                and events[j].modality == "asserted"
                and other.trigger.i < item.trigger.i
                and (document.published is None or (events[j].date or "") < document.published)
            ):
                anchor = j
                break
        if anchor is None:
            continue
        home = events[anchor]
        if home.plover == event.plover:
            events[anchor] = replace(
                home,
                mentions=(*home.mentions, event.evidence, *event.mentions),
                confidence=max(home.confidence, event.confidence),
            )
            absorbed.add(i)
        else:
            events[i] = replace(event, date=home.date, date_precision=home.date_precision)
    return [e for k, e in enumerate(events) if k not in absorbed]


def _continues(previous_end: int, start: int, document: Document, trigger: Token) -> bool:
    """The sentence ending at token ``previous_end`` is the one just before the sentence
    starting at token ``start``, in the same paragraph."""
    if previous_end != start:
        return False
    doc = trigger.doc
    before = doc[previous_end - 1].idx
    return _paragraph(document, before) == _paragraph(document, trigger.idx)
