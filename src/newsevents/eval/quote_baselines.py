"""The reference row of ``newsevents eval quotes``: textacy's direct-quotation extractor.

textacy (``textacy.extract.triples.direct_quotations``) is the nearest open relative of our
extractor and finds direct quotations only. It is measured on the same parse and scored the
same way, so the two rows compare. It comes with the ``baseline`` extra; without it the row
is left out of the report, which says so.
"""

from __future__ import annotations

from importlib.util import find_spec
from typing import TYPE_CHECKING

from spacy.tokens import Doc

if TYPE_CHECKING:
    from .quotes import Unit

BASELINE_NAME = "baseline_textacy_direct_quotations"


def available() -> bool:
    return find_spec("textacy") is not None


def baseline_units(doc: Doc) -> list[Unit]:
    from .quotes import Unit, word_tokens

    if not available():
        return []
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        # textacy refuses a text with an odd number of quotation marks ("safest to bail
        # out"); that article then counts as no output from the baseline.
        return []
    units: list[Unit] = []
    for triple in triples:
        content = triple.content
        speaker = triple.speaker
        units.append(
            Unit(
                tokens=word_tokens(doc, [(content.start_char, content.end_char)]),
                kind="direct",
                source=(speaker[0].idx, speaker[-1].idx + len(speaker[-1].text))
                if speaker
                else None,
            )
        )
    return units
