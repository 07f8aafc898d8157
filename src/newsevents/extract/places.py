"""Toponyms of the body, resolved to the gazetteer with the article's context (issue 3).

``find_places(doc, document=...)`` finds every toponym (``toponyms/recognise.py``: spaCy's place
entities, demonyms, and gazetteer names the model missed), ranks each one's gazetteer readings
with what the article says (``toponyms/rank.py``), and returns one ``Place`` per mention.

Coordinates are never invented: a place the gazetteer does not know keeps null coordinates,
unless the text puts it next to a known one ("Novo-Ogaryovo, near Moscow"), when it takes that
place's point with ``feature="near"``. A demonym ("Indian") keeps its country with
``feature="demonym"``. Later stages read places by offset, like times.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc

from ..ontology import gazetteer
from ..ontology.gazetteer import GazetteerEntry
from ..types import Actor, Document, Place
from .toponyms.lexicon import near_alternation
from .toponyms.rank import Context, Votes, Weights, posterior_votes, rank, total, votes
from .toponyms.recognise import Mention, find_mentions

# How far after an unknown place its "near X" may stand (characters).
_NEAR_WINDOW = 40


def find_places(
    doc: Doc,
    *,
    document: Document,
    actors: Sequence[Actor] = (),
    weights: Weights = Weights(),  # noqa: B008  (frozen, so one shared default is safe)
) -> list[Place]:
    """Every toponym in ``doc`` (the parse of ``document.body``), resolved, in text order."""
    mentions = find_mentions(doc)
    readings = [_readings(m) for m in mentions]
    names = [m.lookup or m.text for m in mentions]
    keys = [gazetteer.key(n) for n in names]
    _short_forms(names, keys, readings)
    # A name the text once says the kind of ("Province of Ontario") is that kind throughout.
    for mention, name_key, entries in list(zip(mentions, keys, readings, strict=True)):
        if mention.feature:
            readings = [
                entries if k == name_key else r for k, r in zip(keys, readings, strict=True)
            ]
    own = [votes(n, entries, weights) for n, entries in zip(names, readings, strict=True)]
    text = document.body  # what ``doc`` parsed (doc.text would rebuild it from the tokens)
    qualifiers = [_qualifier(text, mentions, readings, i) for i in range(len(mentions))]
    context = Context(
        dateline_country=document.dateline.country if document.dateline else None,
        actor_countries=frozenset(a.country for a in actors if a.country),
    )
    # Votes from the readings' priors, then twice from what they ranked as with that context
    # ("Georgia" next to DeKalb County votes for the state the second time); the last round
    # also weighs nearness to the others' best readings.
    ranked: list[list[tuple[GazetteerEntry, float]]] = []
    for round_ in range(3):
        # Each name votes once, however often it is repeated.
        distinct = dict(zip(keys, own, strict=True))
        context = dataclasses.replace(
            context,
            votes=total(list(distinct.values())),
            voters=sum(1 for v in distinct.values() if v.countries),
            resolved=tuple(r[0] for r in ranked if r) if round_ == 2 else (),
        )
        ranked = [
            rank(n, entries, context, v, qualifier=q, w=weights)
            for n, entries, v, q in zip(names, readings, own, qualifiers, strict=True)
        ]
        own = [posterior_votes(r) for r in ranked]
    places: list[Place] = []
    resolved: dict[str, Place] = {}
    for i, mention in enumerate(mentions):
        entries = readings[i]
        name_key = keys[i]
        if ranked[i]:
            entry, probability = ranked[i][0]
            place = _place(
                mention, entry, probability, feature="demonym" if entry.demonym else None
            )
        else:
            near = _near(text, i, mentions, readings, context, own, weights)
            place = near or _relocated(resolved.get(name_key), mention) or _unknown(mention)
        # One sense per article: a repeated name without a qualifier reads as the first did.
        if qualifiers[i] is None and name_key in resolved and entries:
            place = _relocated(resolved[name_key], mention) or place
        elif place.lat is not None or name_key not in resolved:
            resolved[name_key] = place
        places.append(place)
    return places


# Readings of a name that make it no short form of a longer one: "Kansas" next to "Kansas
# City" is the state, "Washington" next to "Washington County" the capital or the state.
_OWN_STANDING = {"country", "admin1", "continent", "region", "water"}


def _short_forms(
    names: list[str], keys: list[str], readings: list[tuple[GazetteerEntry, ...]]
) -> None:
    """A name the article also gives in full reads as the full name: "DeKalb" after "DeKalb
    County", "Avondale" after "Avondale Estates" (changes the lists in place)."""
    full: dict[str, int] = {}
    for i, name_key in enumerate(keys):
        # Only a place's own name: "Springfield City" is no name of Springfield, Ohio.
        if " " in name_key and any(not e.alternate for e in readings[i]):
            full.setdefault(name_key, i)
    if not full:
        return
    for i, name_key in enumerate(keys):
        if any(e.feature in _OWN_STANDING for e in readings[i]):
            continue
        longer = [j for k, j in full.items() if k.startswith(name_key + " ")]
        if len(longer) == 1:  # "Springfield" beside two longer names is neither
            j = longer[0]
            names[i], keys[i], readings[i] = names[j], keys[j], readings[j]


def _readings(mention: Mention) -> tuple[GazetteerEntry, ...]:
    entries = gazetteer.candidates(mention.lookup or mention.text)
    if mention.feature:
        entries = tuple(e for e in entries if e.feature == mention.feature) or entries
    if mention.source == "demonym":
        return tuple(e for e in entries if e.demonym)
    # A demonym reading only for words tagged as such ("Indian" the people, not a town).
    return tuple(e for e in entries if not e.demonym) or entries


def _qualifier(
    text: str, mentions: list[Mention], readings: list[tuple[GazetteerEntry, ...]], i: int
) -> GazetteerEntry | None:
    """The region named right after a place, "Springfield, Ill." or "Tallinn, Estonia"."""
    if i + 1 >= len(mentions):
        return None
    between = text[mentions[i].end : mentions[i + 1].start]
    if not re.fullmatch(r",\s*", between):
        return None
    for entry in readings[i + 1]:
        if entry.feature in {"country", "admin1"} and not entry.demonym:
            return entry
    return None


def _place(
    mention: Mention, entry: GazetteerEntry, confidence: float, *, feature: str | None = None
) -> Place:
    admin1 = entry.name if entry.feature == "admin1" else None
    if admin1 is None and entry.country:
        admin1 = gazetteer.admin1_name(entry.country, entry.admin1)
    return Place(
        text=mention.text,
        start=mention.start,
        end=mention.end,
        name=entry.name,
        country=entry.country or None,
        admin1=admin1,
        lat=entry.lat,
        lon=entry.lon,
        feature=feature or entry.feature,
        geonameid=entry.geonameid,
        confidence=round(confidence, 3),
    )


def _unknown(mention: Mention) -> Place:
    return Place(
        text=mention.text,
        start=mention.start,
        end=mention.end,
        name=None,
        country=None,
        admin1=None,
        lat=None,
        lon=None,
        feature=None,
        geonameid=None,
        confidence=0.0,
    )


def _relocated(place: Place | None, mention: Mention) -> Place | None:
    """``place`` moved to ``mention``'s offsets (a repeated name)."""
    if place is None:
        return None
    return dataclasses.replace(place, text=mention.text, start=mention.start, end=mention.end)


def _near(
    text: str,
    i: int,
    mentions: list[Mention],
    readings: list[tuple[GazetteerEntry, ...]],
    context: Context,
    own: list[Votes],
    weights: Weights,
) -> Place | None:
    """An unknown place the text sets beside a known one: "Novo-Ogaryovo, near Moscow"."""
    mention = mentions[i]
    words = near_alternation()
    pattern = re.compile(rf"(?i)[\s,]*(?:\w+\s+){{0,3}}(?:{words})\s+(?:the\s+)?")
    for j in range(i + 1, len(mentions)):
        other = mentions[j]
        if other.start - mention.end > _NEAR_WINDOW:
            break
        if readings[j] and pattern.fullmatch(text[mention.end : other.start]):
            ranked = rank(other.lookup or other.text, readings[j], context, own[j], w=weights)
            entry, probability = ranked[0]
            # Half the confidence: the point is the neighbour's, not the place's own.
            return _place(mention, entry, probability / 2, feature="near")
    return None


def places_in(places: Iterable[Place], start: int, end: int) -> list[Place]:
    """The places of ``places`` that lie inside the body span ``[start, end)``."""
    return [p for p in places if start <= p.start and p.end <= end]
