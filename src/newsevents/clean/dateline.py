"""Datelines: the place (and agency, sometimes a date) that opens a wire story.

Handles the common forms: ``MOSCOW —``, ``NEW DELHI (AP) —``, ``SPRINGFIELD, Ill. (AP) —``,
``Washington, July 8 (Reuters) -``, ``Mexico City (AFP) –``, ``WASHINGTON--``,
lower-cased ``gandhinagar: gujarat ...``, and a first paragraph that is only ``ahmedabad:``.
A candidate is accepted when its place is in the gazetteer or an agency is named, so a
shouted opening word is not taken for a city.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..ontology import gazetteer
from ..ontology.us_states import state
from ..types import Dateline

_SEP = r"\s*(?:—|–|--|-|:|\ufffd)\s*"
_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_AGENCY = r"\((?P<agency>[A-Z][\w.&' -]{0,24})\)"
_REGION = r"(?:,\s*(?P<region>[A-Z][A-Za-z.' ]{1,30}?))?"
_DATE = rf"(?:,\s*(?P<date>{_MONTH_DAY}))?"
_TAIL = rf"{_REGION}{_DATE}\s*(?:{_AGENCY})?(?P<sep>{_SEP})"
_CAPS = re.compile(rf"(?P<place>[A-Z][A-Z.'’ -]*[A-Z.]){_TAIL}")
_TITLE = re.compile(rf"(?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}}){_TAIL}")
_ALONE = re.compile(r"(?P<place>[A-Za-z][\w.' -]{1,40}):\s*")
# Lower-cased sources (Times of India as archived) write "gandhinagar: gujarat assembly ...".
_LOWER = re.compile(r"(?P<place>[a-z][a-z.' -]{1,30}?)(?P<sep>:\s+)")


@dataclass(frozen=True, slots=True)
class ParsedDateline:
    text: str  # the dateline as written, separator included
    place: str | None
    country: str | None
    agency: str | None
    date: str | None

    def as_dateline(self) -> Dateline:
        """The record's ``Dateline``, at the start of the text it was parsed from."""
        return Dateline(
            text=self.text,
            start=0,
            end=len(self.text),
            place=self.place,
            country=self.country,
            agency=self.agency,
            date=self.date,
        )


def parse_dateline(paragraph: str) -> ParsedDateline | None:
    """Parse the dateline at the start of ``paragraph``, or return None."""
    if (found := _ALONE.fullmatch(paragraph)) is not None:
        return _accept(found, paragraph, need_agency=False)
    for pattern in (_CAPS, _TITLE, _LOWER):
        found = pattern.match(paragraph)
        if found is None or found.end() >= len(paragraph):
            continue
        # A hyphen only separates when spaced ("Reuters) - ") or doubled; "U.S.-based" is a word.
        sep_start = found.start("sep")
        spaced = found["sep"].startswith(" ") or paragraph[sep_start - 1 : sep_start] == " "
        if found["sep"].strip() == "-" and not spaced:
            continue
        parsed = _accept(found, paragraph, need_agency=pattern is not _CAPS)
        if parsed is not None:
            return parsed
    return None


def _accept(found: re.Match[str], paragraph: str, *, need_agency: bool) -> ParsedDateline | None:
    place = found["place"].strip(" .,")
    region = found.groupdict().get("region")
    agency = found.groupdict().get("agency")
    country = _country(place, region)
    if country is None and agency is None:
        return None
    if need_agency and agency is None and not gazetteer.lookup(place):
        return None
    if place.isupper() or place.islower():
        place = place.title()
    if region:
        place = f"{place}, {region.strip()}"
    text = paragraph[: found.end()].rstrip()
    return ParsedDateline(
        text=text, place=place, country=country, agency=agency, date=found.groupdict().get("date")
    )


def _country(place: str, region: str | None) -> str | None:
    if region:
        if state(region):
            return "USA"
        region_entry = gazetteer.best(region.strip())
        if region_entry is not None:
            entry = gazetteer.best(place, country=region_entry.country)
            return entry.country if entry else region_entry.country
    entry = gazetteer.best(place)
    return entry.country if entry else None
