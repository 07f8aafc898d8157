"""Numbers with their unit and what they count: money, shares, counts, casualties, measures.

``find_quantities`` reads each number (``numbers``) and the words around it:

1. a comparator before or after it ("close to", "more than", "at least", "or more", "-odd"),
   a currency sign or word ("$", "rs", "rupees"), a scale ("crore", "billion") and a unit
   ("%", "per cent", "acres", "square feet"), from the tables in ``data/``;
2. what is counted: the noun the number counts ("20 Indian soldiers"), the noun after "of"
   ("40% of its oil imports"), the noun the amount describes ("a $25,000 cash prize") or the
   subject of the clause ("India-Russia trade ... touching close to $65 billion");
3. the kind: money, percent, measure; a count of people becomes ``casualties`` when they were
   killed, died, were injured or are a death toll (``data/quantity_nouns.tsv``);
4. the period the sentence gives ("in the 2023-24 financial year" -> "FY2023-24",
   ``quantity_periods``) and the actor the counted people are (``coref.actor_for_span``).

Dates, clock times, durations ("six days"), ages, ordinals, identifiers ("County Road 35")
and game scores are not quantities and are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from spacy.tokens import Doc

from ..types import Actor, Document, Quantity
from .coref import actor_for_span
from .numbers import Number, read_number
from .quantity_lexicons import QuantityLexicons, quantity_lexicons
from .quantity_periods import find_period
from .quantity_subjects import counted_noun, subject_of

QuantityKind = Literal["money", "percent", "count", "casualties", "measure"]
_TIME_ENTS = frozenset({"DATE", "TIME"})
_CLOCK = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "est", "ist", "hrs"})
# Words before a number that make it a name or a label, not an amount ("County Road 35").
_LABELS = frozenset(
    {
        "no",
        "no.",
        "number",
        "#",
        "route",
        "road",
        "highway",
        "interstate",
        "section",
        "article",
        "season",
        "episode",
        "chapter",
        "page",
        "room",
        "flight",
        "district",
        "ward",
        "sector",
        "block",
        "level",
        "grade",
        "class",
        "phase",
        "channel",
        "version",
        "model",
        "patriot",
    }
)


@dataclass(slots=True)
class _Reading:
    """What is known about one number while it is read."""

    number: Number
    start: int  # token span of the whole quantity, comparator and unit included
    end: int
    unit: str | None = None
    unit_kind: str | None = None  # percent, measure
    currency: str | None = None
    comparator: str | None = None
    # The other number of a range or change ("25 to 30 projects", "from 58 to 62"): the two
    # count the same thing.
    partner: _Reading | None = None


def find_quantities(
    doc: Doc, *, document: Document, actors: tuple[Actor, ...] = ()
) -> list[Quantity]:
    """Every quantity in ``doc`` (the parse of ``document.body``), by offset."""
    lex = quantity_lexicons()
    readings: list[_Reading] = []
    i = 0
    while i < len(doc):
        number = read_number(doc, i, lex)
        if number is None:
            i += 1
            continue
        reading = _read_around(doc, number, lex)
        if reading is not None:
            readings.append(reading)
            i = max(reading.end, number.end)
        else:
            i = number.end
    _ranges(doc, readings, lex)
    quantities = []
    for reading in readings:
        quantity = _quantity(doc, reading, readings, lex, document, actors)
        if quantity is not None:
            quantities.append(quantity)
    return quantities


def _read_around(doc: Doc, number: Number, lex: QuantityLexicons) -> _Reading | None:
    reading = _Reading(number=number, start=number.start, end=number.end)
    _currency_before(doc, reading, lex)
    _unit_after(doc, reading, lex)
    _comparator(doc, reading, lex)
    if _not_an_amount(doc, reading, lex):
        return None
    return reading


def _currency_before(doc: Doc, reading: _Reading, lex: QuantityLexicons) -> None:
    i = reading.start - 1
    if i >= 0 and doc[i].text == "." and i > 0 and doc[i - 1].lower_ == "rs":
        i -= 1  # "Rs." split from its full stop
    if i >= 0 and doc[i].lower_ in lex.currency_before:
        reading.currency = lex.currency_before[doc[i].lower_]
        reading.start = i


def _unit_after(doc: Doc, reading: _Reading, lex: QuantityLexicons) -> None:
    i = reading.number.end
    for width in range(lex.longest_unit, 0, -1):
        words, end = _words_from(doc, i, width)
        if len(words) < width:
            continue
        form = " ".join(words)
        if form in lex.units and not reading.currency:
            unit, kind = lex.units[form]
            if form == "points" and doc[i].text != "-":
                continue  # "25 points" is a score; "a ten-point lead" is a share
            if reading.number.fraction and kind == "measure" and doc[i].lower_ not in ("a", "an"):
                continue
            reading.unit, reading.unit_kind, reading.end = unit, kind, end
            return
        if form in lex.currency_after and width == 1:
            reading.currency, reading.end = lex.currency_after[form], end
            return
    if reading.number.fraction and i < len(doc) and doc[i].lower_ in ("a", "an"):
        words, end = _words_from(doc, i + 1, 1)  # "half a kilometre"
        if words and words[0] in lex.units and lex.units[words[0]][1] == "measure":
            reading.unit, reading.unit_kind = lex.units[words[0]]
            reading.end = end
            return
    if i + 1 < len(doc) and doc[i].lower_ == "per" and doc[i + 1].lower_ == "cent":
        reading.unit, reading.unit_kind, reading.end = "percent", "percent", i + 2


def _words_from(doc: Doc, i: int, width: int) -> tuple[list[str], int]:
    """Up to ``width`` lower-cased words from token ``i``, hyphens skipped ("-square-foot")."""
    words: list[str] = []
    while i < len(doc) and len(words) < width:
        if doc[i].text != "-":
            words.append(doc[i].lower_)
        i += 1
    return words, i


def _comparator(doc: Doc, reading: _Reading, lex: QuantityLexicons) -> None:
    for width in range(lex.longest_comparator, 0, -1):
        start = reading.start - width
        if start < 0:
            continue
        phrase = " ".join(t.lower_ for t in doc[start : reading.start])
        if phrase in lex.comparators_before:
            reading.comparator = lex.comparators_before[phrase]
            reading.start = start
            break
    for width in range(lex.longest_comparator, 0, -1):
        tokens = [t for t in doc[reading.end : reading.end + width + 1]]
        if tokens and tokens[0].text == "-":
            tokens = tokens[1 : width + 1]  # "50-odd"
            skip = 1
        else:
            tokens = tokens[:width]
            skip = 0
        phrase = " ".join(t.lower_ for t in tokens)
        if len(tokens) == width and phrase in lex.comparators_after:
            reading.comparator = reading.comparator or lex.comparators_after[phrase]
            reading.end += width + skip
            break


def _not_an_amount(doc: Doc, reading: _Reading, lex: QuantityLexicons) -> bool:
    """Dates, times, ages, labels, scores: numbers that are no quantity."""
    number = reading.number
    if reading.unit == "foot" and reading.end + 1 < len(doc) and doc[reading.end].text == "-":
        return bool(doc[reading.end + 1].like_num)  # "6-foot-7": a height
    if reading.currency is not None or reading.unit is not None:
        return False
    if _in_date(doc, number):
        return True
    first = doc[number.start]
    if number.words and first.lower_ == "one" and reading.comparator is None:
        return True  # "one of them", "one more brigade"
    if not number.words and 1000 <= number.value <= 2100 and "," not in first.text:
        return True  # a year
    return _is_label(doc, number, lex)


def _is_label(doc: Doc, number: Number, lex: QuantityLexicons) -> bool:
    """Clock times, scores, ordinals, addresses, ages and names with a number in them."""
    first = doc[number.start]
    after = doc[number.end] if number.end < len(doc) else None
    before = doc[number.start - 1] if number.start > 0 else None
    if after is not None:
        if after.lower_ in _CLOCK or after.text in (":", "th", "st", "nd"):
            return True
        if after.lower_ == "block":
            return True  # "the 3200 block of North Monticello": an address
        if after.text == "-" and number.end + 1 < len(doc):
            nxt = doc[number.end + 1]
            if nxt.like_num or lex.nouns.get(nxt.lower_) == "time":
                return True  # "91-89", "100-day"
            if number.words and nxt.tag_ == "NN":
                return True  # "a two-state solution", "a two-car garage": a kind, no amount
    if before is None:
        return False
    if before.lower_ in _LABELS or (before.pos_ == "PROPN" and not number.words):
        return True  # "County Road 35", "SiriusXM Patriot 125"
    if number.words and first.text[:1].isupper() and before.pos_ == "PROPN":
        return True  # "the NCAA Final Four"
    two_back = doc[number.start - 2] if number.start > 1 else None
    if two_back is None:
        return False
    if before.text == "-" and two_back.like_num:
        return True  # the second half of a score or a date range
    # "Darryl Keith Warden, 44, of ...": an age.
    return (
        before.text == ","
        and two_back.pos_ == "PROPN"
        and after is not None
        and after.text in (",", ".")
    )


def _in_date(doc: Doc, number: Number) -> bool:
    """Inside a date or time the tagger found ("March 15", "24 hours", "last week"); a date
    entity of bare numbers ("from 30 to 34") is the tagger's mistake and is no date."""
    for ent in doc.ents:
        if ent.label_ in _TIME_ENTS and ent.start < number.end and number.start < ent.end:
            return any(not (t.like_num or t.is_punct or t.lower_ in ("to", "and")) for t in ent)
    return False


def _ranges(doc: Doc, readings: list[_Reading], lex: QuantityLexicons) -> None:
    """ "25 to 30 projects", "between 3 and 4": the first number is a lower bound, the second
    an upper one, and they count the same thing. "risen from 58 to 62" is a change of one
    figure, and "beats Trump by 46 percent to 42 percent" no range: both stay exact."""
    for a, b in pairwise(readings):
        gap = doc[a.end : b.start]
        opener = doc[a.start - 1].lower_ if a.start > 0 else ""
        if opener == "from" and 0 < len(gap) <= 4 and gap[-1].lower_ == "to":
            # "from 59 dead on Wednesday to 69": the second counts what the first counts.
            a.partner, b.partner = b, a
        if len(gap) != 1 or gap[0].lower_ not in ("to", "and", "-", "–"):
            continue
        if b.number.value <= a.number.value:
            continue
        if gap[0].lower_ == "and" and opener != "between":
            continue
        if opener == "from" and _is_change(doc, a.start - 1, lex):
            continue
        if a.comparator in (None, "about"):
            a.comparator = "at_least"
        if b.comparator is None:
            b.comparator = "at_most"
        if a.unit is None and b.unit is not None:
            a.unit, a.unit_kind = b.unit, b.unit_kind
        if a.currency is None and b.currency is not None:
            a.currency = b.currency
        a.partner, b.partner = b, a


def _is_change(doc: Doc, i: int, lex: QuantityLexicons) -> bool:
    """Whether "from" at token ``i`` follows a verb or noun of change ("rose", "a spurt")."""
    for token in doc[max(0, i - 8) : i]:
        if "change" in (lex.nouns.get(token.lower_), lex.nouns.get(token.lemma_.lower())):
            return True
    return False


def _quantity(
    doc: Doc,
    reading: _Reading,
    readings: list[_Reading],
    lex: QuantityLexicons,
    document: Document,
    actors: tuple[Actor, ...],
) -> Quantity | None:
    number = reading.number
    counted = counted_noun(doc, reading.start, reading.end, lex)
    if counted is None and reading.partner is not None:
        counted = counted_noun(doc, reading.partner.start, reading.partner.end, lex)
    kind: QuantityKind
    unit = reading.unit
    if reading.currency is not None:
        kind, unit = "money", reading.currency
    elif reading.unit_kind == "measure":
        kind = "measure"  # "half a kilometre" too
    elif reading.unit_kind == "percent" or number.fraction:
        kind, unit = "percent", unit or "percent"
    elif counted is None:
        return None  # a bare number: nothing to say what it counts
    elif counted.role == "time":
        return None  # a duration
    else:
        kind = "casualties" if counted.casualty else "count"
        unit = "people" if counted.person else None
    value = number.value
    comparator = reading.comparator
    if number.vague and comparator is None:
        comparator = "at_least"
    if number.fraction and kind == "measure":
        value = number.value / 100  # "half a kilometre"
    start_char = doc[reading.start].idx
    end_char = doc[reading.end - 1].idx + len(doc[reading.end - 1].text)
    subject = subject_of(doc, reading.start, reading.end, counted, kind, lex)
    actor = None
    if counted is not None and counted.person:
        actor = actor_for_span(actors, counted.start_char, counted.end_char)
    return Quantity(
        text=doc[reading.start : reading.end].text,
        start=start_char,
        end=end_char,
        value=value,
        unit=unit,
        kind=kind,
        subject=subject,
        period=find_period(doc, reading.start, reading.end),
        approximate=comparator,
        actor_id=actor.id if actor is not None else None,
    )
