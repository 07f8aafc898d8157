"""Office holders with date ranges (``data/leaders.tsv``): who was whose head of state,
minister or IGO official on a given day.

``holder("Modi", "2024-07-08")`` -> IND GOV Prime Minister; a person whose offices all ended
before the day is a former official (ELI); outside any recorded range the person's default
code from the Phoenix dictionaries applies (usually ELI); before their first office only
their country is known (status "other"). Hand-compiled rows (recent office
holders) take precedence over rows derived from the Phoenix dictionaries, which stop in 2019.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .gazetteer import key
from .tables import read_tsv

Status = Literal["current", "former", "default", "other"]


@dataclass(frozen=True, slots=True)
class Office:
    person: str
    country: str | None
    sector: str | None
    title: str | None
    affiliation: str | None
    start: str | None  # YYYY-MM-DD; None = unknown or open
    end: str | None  # exclusive; None = still held when the table was compiled
    source: str  # hand, phoenix:Countries, phoenix:International


@dataclass(frozen=True, slots=True)
class Holding:
    """What the table says about a person on a day."""

    person: str
    country: str | None
    sector: str | None
    title: str | None
    affiliation: str | None
    status: Status


@cache
def _index() -> dict[str, tuple[Office, ...]]:
    by_key: dict[str, list[Office]] = defaultdict(list)
    for row in read_tsv("newsevents.ontology", "data/leaders.tsv"):
        office = Office(
            person=row["name"],
            country=row["country"] or None,
            sector=row["sector"] or None,
            title=row["title"] or None,
            affiliation=row["affiliation"] or None,
            start=row["start"] or None,
            end=row["end"] or None,
            source=row["source"],
        )
        names = {key(row["name"])} | {key(a) for a in row["aliases"].split("|") if a}
        for name in names:
            by_key[name].append(office)
    return {k: tuple(v) for k, v in by_key.items()}


def offices(name: str) -> tuple[Office, ...]:
    """Every recorded office of every person called ``name``."""
    return _index().get(key(name), ())


@cache
def _surnames() -> dict[str, frozenset[str]]:
    people: dict[str, set[str]] = defaultdict(set)
    for offices_ in _index().values():
        for office in offices_:
            words = key(office.person).split()
            if len(words) > 1:
                people[words[-1]].add(office.person)
    return {k: frozenset(v) for k, v in people.items()}


def holder_by_surname(name: str, when: str | None, *, sector: str | None) -> Holding | None:
    """``holder`` for a surname alone ("Mugabe"), when exactly one person of that surname
    held an office of ``sector`` (from the title the article gives) on ``when``, or, without a
    date, ever."""
    words = key(name).split()
    if len(words) != 1:
        return None
    matches: list[Holding] = []
    for person in _surnames().get(words[0], frozenset()):
        mine = [o for o in offices(person) if o.person == person]
        hits = _covering(mine, when) if when else mine
        if any(o.sector == sector for o in hits):
            found = holder(person, when)
            if found is not None:
                matches.append(found)
    return matches[0] if len(matches) == 1 else None


def known(name: str) -> bool:
    return key(name) in _index()


def holder(name: str, when: str | None) -> Holding | None:
    """What ``name`` was on ``when`` (YYYY-MM-DD; None = the latest record), or None when
    the name is unknown or belongs to several people the date does not separate."""
    found = offices(name)
    if not found:
        return None
    people = {o.person for o in found}
    if len(people) > 1:
        holding = [p for p in people if _covering([o for o in found if o.person == p], when)]
        if len(holding) != 1:
            return None
        people = set(holding)
    person = people.pop()
    mine = [o for o in found if o.person == person]
    hand = [o for o in mine if o.source == "hand"]
    pool = hand or mine
    if current := _covering(pool, when):
        return _holding(current[0], "current")
    dated = [o for o in pool if o.start or o.end]
    if when is not None and dated and all(o.end and o.end <= when for o in dated):
        latest = max(dated, key=lambda o: o.end or "")
        if hand or not [o for o in mine if not (o.start or o.end)]:
            return Holding(
                person=person,
                country=latest.country,
                sector="ELI",
                title=latest.title,
                affiliation=latest.affiliation,
                status="former",
            )
    defaults = [o for o in mine if not (o.start or o.end)]
    if defaults:
        return _holding(defaults[0], "default")
    if dated:
        # Known, but holding nothing recorded on that day: the country is still theirs.
        latest = max(dated, key=lambda o: o.end or o.start or "")
        return Holding(
            person=person,
            country=latest.country,
            sector=None,
            title=None,
            affiliation=latest.affiliation,
            status="other",
        )
    return None


def _covering(offices: list[Office], when: str | None) -> list[Office]:
    if when is None:
        # No date: the offices still held when the table was compiled.
        return [o for o in offices if o.start and not o.end]
    return [
        o
        for o in offices
        if (o.start or o.end) and (o.start or "") <= when and (o.end is None or when < o.end)
    ]


def _holding(office: Office, status: Status) -> Holding:
    return Holding(
        person=office.person,
        country=office.country,
        sector=office.sector,
        title=office.title,
        affiliation=office.affiliation,
        status=status,
    )
