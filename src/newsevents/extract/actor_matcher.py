"""Find the ontology's names in a parsed article: organisations, seats of government,
countries, capitals, demonyms (the tables in ``ontology/data/``), and organisation names the
small model splits ("Center for Russia, Europe, Asia Studies" -> one name).

Names are compared token by token in ``gazetteer.key`` form, tokenised by spaCy's English
tokenizer exactly as article text is, so "U.S." and "US", "Médecins Sans Frontières" and its
spelling in the table meet. The longest name wins; the first token must be capitalised, so
"us" and "who" are not the US and the WHO.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

import spacy
from spacy.tokens import Doc

from ..ontology import countries, lexicon, organizations
from ..ontology.countries import Country, Metonym
from ..ontology.gazetteer import key
from ..ontology.organizations import Organization

Kind = Literal["org", "metonym", "name", "capital", "demonym"]

# When one phrase is several things, the more specific reading wins: "Georgia" the country
# over nothing; "Congress party" the organisation over a demonym.
_PRIORITY: dict[Kind, int] = {"org": 0, "metonym": 1, "name": 2, "capital": 3, "demonym": 4}


@dataclass(frozen=True, slots=True)
class TableMatch:
    """Tokens ``start``..``end`` (exclusive) of the doc name a table entry."""

    start: int
    end: int
    kind: Kind
    org: Organization | None = None
    country: Country | None = None
    metonym: Metonym | None = None


Entry = tuple[Kind, Organization | Country | Metonym]


@cache
def _phrases() -> tuple[dict[tuple[str, ...], Entry], dict[str, int]]:
    """Token-key tuple -> entry, and the longest phrase starting with each first key."""
    tokenizer = spacy.blank("en").tokenizer
    forms: list[tuple[str, Entry]] = []
    for org in organizations.organizations():
        forms += [(name, ("org", org)) for name in (org.name, *org.aliases)]
    for surface, kind, code in countries.surface_forms():
        if kind == "metonym":
            found = countries.metonym(surface)
            if found is not None:
                forms.append((surface, ("metonym", found)))
        else:
            forms.append((surface, (kind, countries.countries()[code])))  # type: ignore[arg-type]
    table: dict[tuple[str, ...], Entry] = {}
    longest: dict[str, int] = {}
    for surface, entry in forms:
        text = surface[4:] if surface.startswith(("the ", "The ")) else surface
        keys = tuple(key(t.text) for t in tokenizer(text))
        if not keys or not keys[0]:
            continue
        old = table.get(keys)
        if old is None or _PRIORITY[entry[0]] < _PRIORITY[old[0]]:
            table[keys] = entry
        longest[keys[0]] = max(longest.get(keys[0], 0), len(keys))
    return table, longest


def find_table_names(doc: Doc) -> list[TableMatch]:
    """Non-overlapping table names in ``doc``, leftmost-longest, in document order."""
    table, longest = _phrases()
    keys = [key(t.text) for t in doc]
    found: list[TableMatch] = []
    i = 0
    while i < len(doc):
        first = keys[i]
        width = longest.get(first, 0) if first and doc[i].text[:1].isupper() else 0
        match: TableMatch | None = None
        for n in range(min(width, len(doc) - i), 0, -1):
            entry = table.get(tuple(keys[i : i + n]))
            if entry is not None and _fits(doc, i, i + n):
                match = _match(i, i + n, entry)
                break
        if match is None:
            i += 1
            continue
        found.append(match)
        i = match.end
    return found


def find_org_names(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Token spans of organisation names built as "<Head> for|of|on <Names>" that no table
    has ("Center for Russia, Europe, Asia Studies", "Institute for Peace and Conflict
    Studies"), skipping tokens in ``taken``. The name runs over capitalised words, commas
    and "and" while a capitalised word follows, so it ends on a name word."""
    heads = lexicon.words("org_head")
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(doc) - 2:
        token = doc[i]
        nxt = doc[i + 1]
        if not (
            token.lower_ in heads
            and token.text[:1].isupper()
            and nxt.lower_ in {"for", "of", "on"}
            and doc[i + 2].text[:1].isupper()
            and i not in taken
        ):
            i += 1
            continue
        end = i + 2
        j = i + 2
        while j < len(doc) and j not in taken:
            t = doc[j]
            if t.text[:1].isupper() and t.is_alpha:
                end = j + 1
            elif not (t.text in {",", "&"} or t.lower_ in {"and", "of", "the", "for"}):
                break
            j += 1
        # A leading capitalised word belongs to the name too ("Carnegie Endowment for").
        start = i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and start - 1 not in taken:
            start -= 1
        if end - start >= 3:
            spans.append((start, end))
        i = end
    return spans


def _fits(doc: Doc, start: int, end: int) -> bool:
    """A name must not stop inside a hyphenated word ("U.K.-based" is not "U.K.")
    nor inside a longer proper name ("New Delhi Television" is not the capital)."""
    if end < len(doc) and doc[end].text == "-" and not doc[end].whitespace_:
        return doc[end - 1].whitespace_ != ""
    return True


def _match(start: int, end: int, entry: Entry) -> TableMatch:
    kind, value = entry
    if isinstance(value, Organization):
        return TableMatch(start=start, end=end, kind=kind, org=value)
    if isinstance(value, Metonym):
        return TableMatch(start=start, end=end, kind=kind, metonym=value)
    return TableMatch(start=start, end=end, kind=kind, country=value)
