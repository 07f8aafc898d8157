"""Find the toponyms of a parsed text: spaCy's place entities plus gazetteer names it missed.

spaCy's small English model tags most country and city names GPE/LOC, but misses places inside
organisation names ("Laurel County Sheriff's Office", "University of Kentucky"), tags some towns
as people ("Columbus"), and tags demonyms NORP. The gazetteer scan adds names it knows from
capitalised words, with rules against the common false friends (a surname that is also a town).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ...ontology import gazetteer
from ...ontology.gazetteer import GazetteerEntry
from .lexicon import (
    designators,
    directions,
    institution_words,
    near_alternation,
    not_place_words,
    place_suffixes,
    street_words,
)

# Entity labels whose words may be, or contain, a place.
_PLACE_LABELS = {"GPE", "LOC"}
_HOST_LABELS = {"ORG", "FAC", "PERSON", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", ""}
# Cities this small are taken from untagged words only when the article names them as places
# elsewhere (a name that common is more often a person or a word).
MIN_UNTAGGED_POPULATION = 20000
MAX_NAME_TOKENS = 4


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # character offsets in the body
    end: int
    text: str
    # Where it came from: "entity" (GPE/LOC), "facility", "demonym", "embedded" (inside an
    # organisation or other name), "gazetteer" (untagged capitalised words), "repeat".
    source: str
    # The name to look up when it is not the text ("Texas" for "East Texas").
    lookup: str | None = None
    # The kind of place the words name, when they say it ("Province of Ontario": "admin1").
    feature: str | None = None


def find_mentions(doc: Doc) -> list[Mention]:
    """Toponym mentions in ``doc``, in text order, not overlapping."""
    mentions: list[Mention] = []
    for ent in doc.ents:
        mention = _from_entity(ent)
        if mention is not None:
            mentions.append(mention)
    text = doc.text  # built from the tokens on every access: once
    taken = _Taken(len(text), mentions)
    # Names the model tagged as places and the gazetteer knows: other mentions of them count too.
    known = {
        gazetteer.key(m.text)
        for m in mentions
        if m.source == "entity" and gazetteer.candidates(m.text)
    }
    # Countries the article's tagged places lie in: a one-word "person" that is a town there is
    # more likely the town.
    countries = {
        entry.country
        for m in mentions
        if m.source == "entity"
        for entry in gazetteer.candidates(m.lookup or m.text)[:1]
        if entry.country
    }
    people = {
        token.lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for token in ent
    }
    for mention in _scan(doc, taken, known, people, countries):
        mentions.append(mention)
        taken.add(mention)
    for mention in _beside_known(doc, text, mentions, taken):
        mentions.append(mention)
        taken.add(mention)
    return sorted(mentions, key=lambda m: m.start)


def _beside_known(doc: Doc, text: str, mentions: list[Mention], taken: _Taken) -> list[Mention]:
    """Names the gazetteer lacks that the text sets beside a known place ("Novo-Ogaryovo,
    near Moscow"), and their other mentions in the article."""
    starts = {m.start for m in mentions if gazetteer.candidates(m.lookup or m.text)}
    words = near_alternation()
    beside = re.compile(rf"(?i),?\s+(?:{words})\s+(?:the\s+)?")
    found: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in {"ORG", "FAC", "GPE", "LOC"} or taken.overlaps(
            ent.start_char, ent.end_char
        ):
            continue
        span = _trim(ent)
        after = beside.match(text, span.end_char)
        if after is not None and after.end() in starts:
            found.append(
                Mention(start=span.start_char, end=span.end_char, text=span.text, source="near")
            )
    for mention in list(found):
        for again in re.finditer(rf"\b{re.escape(mention.text)}\b", text):
            if not taken.overlaps(again.start(), again.end()) and again.start() != mention.start:
                found.append(
                    Mention(
                        start=again.start(), end=again.end(), text=mention.text, source="repeat"
                    )
                )
    return found


class _Taken:
    """Characters already claimed by a mention (a mask over the text: checked per token)."""

    def __init__(self, length: int, mentions: list[Mention]) -> None:
        self.mask = bytearray(length)
        for mention in mentions:
            self.add(mention)

    def add(self, mention: Mention) -> None:
        self.mask[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)

    def overlaps(self, start: int, end: int) -> bool:
        return any(self.mask[start:end])


def _trim(ent: Span) -> Span:
    """Drop a leading "the" and a trailing possessive: "the West Bank's" -> "West Bank"."""
    start, end = ent.start, ent.end
    if end - start > 1 and ent.doc[start].lower_ == "the":
        start += 1
    if end - start > 1 and ent.doc[end - 1].tag_ == "POS":
        end -= 1
    return ent.doc[start:end]


def _from_entity(ent: Span) -> Mention | None:
    span = _trim(ent)
    text = span.text
    if not any(c.isalpha() for c in text):
        return None
    if ent.label_ in _PLACE_LABELS or ent.label_ == "FAC":
        known = gazetteer.candidates(text)
        if not known and len(span) > 1:
            inner = _known_part(span)
            if inner is not None:
                return inner
        if ent.label_ == "FAC" and not (street_words() & {t.lower_.rstrip(".") for t in span}):
            return None
        # One word the gazetteer does not know is more often a misread name ("Saakashvili",
        # "meth") than a place: measured on the LGL and GeoWebNews dev sets, 3:1. A common
        # word that is also a small town ("Center") is no better.
        if len(span) == 1 and (not known or span[0].lower_ in not_place_words()):
            return None
        source = "entity" if ent.label_ in _PLACE_LABELS else "facility"
        return Mention(start=span.start_char, end=span.end_char, text=text, source=source)
    if ent.label_ == "NORP":
        entries = gazetteer.candidates(text)
        if any(e.demonym for e in entries):
            return Mention(start=span.start_char, end=span.end_char, text=text, source="demonym")
    return None


def _looked_up_as(span: Span, rest: Span, *, feature: str | None = None) -> Mention:
    """``span`` kept whole, looked up in the gazetteer as ``rest`` ("North Texas" as Texas)."""
    return Mention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        source="entity",
        lookup=rest.text,
        feature=feature,
    )


def _known_part(span: Span) -> Mention | None:
    """The place inside a longer name the gazetteer does not know.

    "North Texas" looks up Texas and keeps its words; "Henderson County Jail" and "Vancouver
    International Airport" shrink to "Henderson County" and "Vancouver".
    """
    designator = designators().get(span[0].lower_)
    if designator and len(span) > 2 and span[1].lower_ == "of":
        rest = span[2:]
        if any(e.feature == designator for e in gazetteer.candidates(rest.text)):
            return _looked_up_as(span, rest, feature=designator)
    if span[0].lower_ in directions() and len(span) > 1:
        rest = span[1:]
        if gazetteer.candidates(rest.text):
            return _looked_up_as(span, rest)
    for n in range(len(span) - 1, 0, -1):
        head = span[:n]
        if head[-1].is_punct or not _CAPITALISED.match(head[-1].text):
            continue
        # Not before a word that makes a place name of its own ("Tennessee Colony"); a small
        # town only before an institution's word ("Henderson County Jail", not "Center for").
        tail = span[n].lower_.rstrip(".")
        if tail in place_suffixes():
            continue
        entries = tuple(e for e in gazetteer.candidates(head.text) if not e.demonym)
        institution = tail in institution_words() or tail in street_words()
        if entries and (
            institution or (_strong(entries) and head[-1].lower_ not in not_place_words())
        ):
            return Mention(
                start=head.start_char, end=head.end_char, text=head.text, source="entity"
            )
    return None


def _strong(entries: tuple[GazetteerEntry, ...]) -> bool:
    """A name whose best reading is a country, region, county or sizeable city, not a demonym."""
    for entry in entries:
        if entry.demonym:
            continue
        if entry.feature in {"country", "admin1", "admin2", "continent", "region"}:
            return True
        if entry.feature == "city" and entry.population >= MIN_UNTAGGED_POPULATION:
            return True
    return False


_CAPITALISED = re.compile(r"[A-Z][\w.'’-]*$")


def _scan(
    doc: Doc, taken: _Taken, known: set[str], people: set[str], countries: set[str]
) -> list[Mention]:
    """Gazetteer names among capitalised words outside the accepted mentions."""
    found: list[Mention] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not _CAPITALISED.match(token.text) or taken.overlaps(token.idx, token.idx + len(token)):
            i += 1
            continue
        match = _longest(doc, i, taken, known, people, countries)
        if match is None:
            i += 1
            continue
        found.append(match[0])
        taken.add(match[0])
        i = match[1]
    return found


def _longest(
    doc: Doc, i: int, taken: _Taken, known: set[str], people: set[str], countries: set[str]
) -> tuple[Mention, int] | None:
    for n in range(min(MAX_NAME_TOKENS, len(doc) - i), 0, -1):
        span = doc[i : i + n]
        if not all(_CAPITALISED.match(t.text) or t.lower_ in {"of", "de"} for t in span):
            continue
        if span[-1].lower_ in {"of", "de"}:
            continue
        if taken.overlaps(span.start_char, span.end_char):
            continue
        entries = gazetteer.candidates(span.text)
        if not entries:
            continue
        source = _accept(span, entries, known, people, countries)
        if source is not None:
            mention = Mention(
                start=span.start_char, end=span.end_char, text=span.text, source=source
            )
            return mention, i + n
    return None


def _accept(
    span: Span,
    entries: tuple[GazetteerEntry, ...],
    known: set[str],
    people: set[str],
    countries: set[str],
) -> str | None:
    """Why ``span`` is a toponym, or None: the rules against false friends."""
    if gazetteer.key(span.text) in known:
        return "repeat"
    host = span[0].ent_type_
    first = span[0]
    if all(t.pos_ != "PROPN" for t in span) and not any(e.demonym for e in entries):
        return None
    if len(span) == 1 and first.lower_ in not_place_words():
        return None
    whole = span.start == _ent_start(span) and span.end == _ent_end(span)
    if host == "PERSON":
        # The small model tags some towns as people ("Gainesville"): a one-word "person" that
        # is a sizeable place, and no multi-word person of the article carries that word.
        local = tuple(e for e in entries if e.country in countries)
        if whole and len(span) == 1 and first.lower_ not in people and _strong(local):
            return "embedded"
        return None
    if host in {"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "NORP"}:
        # A place at the head of a name ("Kentucky State Police", "American Airlines") or
        # after "of" ("University of Kentucky") is a toponym inside it; a town only when an
        # institution word follows ("Alexandria Police").
        at_head = span.start == _ent_start(span)
        after_of = span.start > 0 and span.doc[span.start - 1].lower_ in {"of", "in"}
        if not (at_head or after_of):
            return None
        if _region_like(entries, whole=whole):
            return "embedded"
        # The whole name is a place's own name of two words or more listed with a place
        # ("Decatur, Avondale Estates", "Canal Winchester, Ohio", both tagged ORG): the model
        # took a town for an organisation.
        if (
            whole
            and len(span) > 1
            and _beside_place(span)
            and any(not e.alternate and not e.demonym for e in entries)
        ):
            return "embedded"
        following = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        if (after_of or following in institution_words()) and _strong_or_local(entries):
            return "embedded"
        return None
    if host in {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}:
        return None
    if first.is_sent_start and first.pos_ != "PROPN":
        return None
    if len(span.text) <= 3 and span.text.isupper():
        return None
    own = [e for e in entries if not e.alternate]
    return "gazetteer" if _strong(tuple(own)) else None


def _beside_place(span: Span) -> bool:
    """``span`` is joined by a comma or "and" to a place the model tagged."""
    doc = span.doc
    after = span.end + 1 < len(doc) and doc[span.end].text in {",", "and"}
    if after and doc[span.end + 1].ent_type_ in _PLACE_LABELS:
        return True
    before = span.start >= 2 and doc[span.start - 1].text in {",", "and"}
    return before and doc[span.start - 2].ent_type_ in _PLACE_LABELS


def _region_like(entries: tuple[GazetteerEntry, ...], *, whole: bool) -> bool:
    """Countries, states, regions and their demonyms: places in any organisation's name.

    By another name ("EU" for Europe) only when that name is the whole entity.
    """
    return any(
        e.feature in {"country", "admin1", "continent", "region"} and (whole or not e.alternate)
        for e in entries
    )


def _strong_or_local(entries: tuple[GazetteerEntry, ...]) -> bool:
    return _strong(entries) or any(e.feature == "admin2" for e in entries)


def _ent_start(span: Span) -> int:
    """First token of the entity around ``span``, after a leading "the"."""
    token = span[0]
    while token.i > 0 and token.ent_iob_ == "I":
        token = span.doc[token.i - 1]
    if token.lower_ == "the" and token.i + 1 < len(span.doc):
        return token.i + 1
    return token.i


def _ent_end(span: Span) -> int:
    i = span.end
    while i < len(span.doc) and span.doc[i].ent_iob_ == "I":
        i += 1
    return i
