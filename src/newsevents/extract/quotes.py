"""Who said what: quotations and reported speech with their speaker, cue, addressee and medium.

``find_quotes`` runs in four steps:

1. quotation marks (``quote_marks``): every quoted stretch, across paragraphs;
2. cues (``cues``): a classifier trained on PolNeAR picks the words that attribute ("said",
   "told", "according to", "claims", ":");
3. attribution (``attribution``): for each cue, its content and source from the parse;
4. continuation: a quotation no cue claims ("“...,” he said. “And ...”", or a paragraph that
   is only a quotation) continues the speaker quoted just before it.

Speakers are then resolved to names and actors (``speakers``). Each content part becomes one
``Quote``: a quotation of several paragraphs gives one quote per paragraph, all with the same
speaker and cue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc

from ..types import Actor, Document, Quote, Span, Speaker
from .attribution import Attribution, attribute
from .cues import find_cues, quoted_tokens
from .quote_lexicons import lexicons
from .quote_marks import Quotation, find_quotations, paragraph_bounds
from .speakers import SpeakerResolver

QuoteKind = Literal["direct", "partial", "indirect", "mixed"]
# A quotation with fewer words than this is a phrase (a scare quote, a title), not something
# a speaker goes on saying, unless it ends a sentence.
_MIN_CONTINUATION_WORDS = 4


@dataclass(slots=True)
class _Found:
    attribution: Attribution
    probability: float
    parts: list[tuple[int, int]]


def find_quotes(doc: Doc, *, document: Document, actors: tuple[Actor, ...] = ()) -> list[Quote]:
    """Every attributed statement in ``doc`` (the parse of ``document.body``), by offset."""
    text = doc.text
    quotations = find_quotations(text, document.paragraphs)
    lex = lexicons()
    found: list[_Found] = []
    quoted = quoted_tokens(doc, quotations)
    for token, probability in find_cues(doc, quotations, quoted):
        attribution = attribute(doc, token, quotations, lex, quoted)
        if attribution is not None:
            found.append(_Found(attribution, probability, list(attribution.content)))
    found = _outside_quotations(found, quotations)
    found = _drop_nested(found, quotations)
    found = _drop_duplicates([f for f in found if f.parts])
    _continue_speakers(found, quotations, paragraph_bounds(text, document.paragraphs), text)

    resolver = SpeakerResolver(doc, actors)
    quotes: list[Quote] = []
    for item in sorted(found, key=lambda f: (f.parts[0][0], f.attribution.cue.start)):
        a = item.attribution
        speaker: Speaker | None = resolver.resolve(a.source) if a.source is not None else None
        cue = _span(a.cue.start_char, a.cue.end_char, text)
        addressee = (
            _span(a.addressee.start_char, a.addressee.end_char, text) if a.addressee else None
        )
        medium = _span(a.medium.start_char, a.medium.end_char, text) if a.medium else None
        for start, end in item.parts:
            quotes.append(
                Quote(
                    text=text[start:end],
                    start=start,
                    end=end,
                    kind=_kind(start, end, quotations, text),
                    speaker=speaker,
                    cue=cue,
                    addressee=addressee,
                    medium=medium,
                )
            )
    return sorted(quotes, key=lambda q: (q.start, q.end))


def _span(start: int, end: int, text: str) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def _outside_quotations(found: list[_Found], quotations: list[Quotation]) -> list[_Found]:
    """Drop attributions reported inside a quotation that someone outside it is quoted for.

    In "“As Obama said, we must act,” Smith said", the words are Smith's; "Obama said"
    is part of what Smith said, not a separate quote of the article.
    """

    def holder(offset: int) -> Quotation | None:
        return next((q for q in quotations if q.start <= offset < q.end), None)

    claimed: set[int] = set()
    for item in found:
        if holder(item.attribution.cue.start_char) is None:
            for q in quotations:
                if any(s < q.end and q.start < e for s, e in item.parts):
                    claimed.add(q.group)
    kept = []
    for item in found:
        inside = holder(item.attribution.cue.start_char)
        if inside is None or inside.group not in claimed:
            kept.append(item)
    return kept


def _drop_nested(found: list[_Found], quotations: list[Quotation]) -> list[_Found]:
    """Drop an attribution reported inside another one's reported speech.

    In "Officials said Smith told them the plan was dead", Smith's telling is part of what
    the officials said: each word belongs to one attribution, as in PolNeAR's univocal
    annotation, and the article attributes it to the officials. Inside a quotation a cue
    is the quoted speaker's own words and is left to ``_outside_quotations``.
    """
    kept = []
    for inner in found:
        cue = inner.attribution.cue.start_char
        nested = any(
            s <= cue < e and not _is_quotation(s, e, quotations)
            for outer in found
            if outer is not inner
            for s, e in outer.parts
        )
        if not nested:
            kept.append(inner)
    return kept


def _is_quotation(start: int, end: int, quotations: list[Quotation]) -> bool:
    return any(q.start <= start and end <= q.end for q in quotations)


def _drop_duplicates(found: list[_Found]) -> list[_Found]:
    """Of attributions sharing most of their content, the likelier one ("said ... in a
    statement" with both "said" and "statement" taken for cues)."""
    kept: list[_Found] = []
    for item in sorted(found, key=lambda f: -f.probability):
        if not any(_mostly_shared(item.parts, other.parts) for other in kept):
            kept.append(item)
    return kept


def _mostly_shared(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    shared = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)
    shorter = min(sum(e - s for s, e in a), sum(e - s for s, e in b))
    return shorter > 0 and shared >= 0.8 * shorter


def _continue_speakers(
    found: list[_Found],
    quotations: list[Quotation],
    paragraphs: list[tuple[int, int]],
    text: str,
) -> None:
    """Give each unclaimed quotation to the attribution just before it, if close enough."""
    claimed = [(s, e) for f in found for s, e in f.parts]
    for quotation in quotations:
        if any(s < quotation.end and quotation.start < e for s, e in claimed):
            continue
        if not _sentence_like(quotation, text):
            continue
        previous = _previous(found, quotation.start)
        if previous is None or not _close(previous, quotation, paragraphs, text):
            continue
        previous.parts.append((quotation.start, quotation.end))
        previous.parts.sort()
        claimed.append((quotation.start, quotation.end))


def _sentence_like(quotation: Quotation, text: str) -> bool:
    start, end = quotation.inner(text)
    words = text[start:end].split()
    return len(words) >= _MIN_CONTINUATION_WORDS or text[start:end].rstrip().endswith(
        (".", "?", "!")
    )


def _previous(found: list[_Found], offset: int) -> _Found | None:
    before = [f for f in found if f.parts[-1][1] <= offset]
    return max(before, key=lambda f: f.parts[-1][1], default=None)


def _close(
    previous: _Found, quotation: Quotation, paragraphs: list[tuple[int, int]], text: str
) -> bool:
    """Same paragraph, or the next one when the quotation is all that paragraph says."""
    last = previous.parts[-1][1]
    here = _paragraph(paragraphs, quotation.start)
    there = _paragraph(paragraphs, last - 1)
    if here is None or there is None:
        return False
    if here == there:
        return True
    if here != there + 1:
        return False
    start, end = paragraphs[here]
    rest = (text[start : quotation.start] + text[quotation.end : end]).strip()
    return len(rest) <= 2


def _paragraph(paragraphs: list[tuple[int, int]], offset: int) -> int | None:
    for number, (start, end) in enumerate(paragraphs):
        if start <= offset < end:
            return number
    return None


def _kind(start: int, end: int, quotations: list[Quotation], text: str) -> QuoteKind:
    """direct: all quoted; indirect: nothing quoted; partial: reported speech quoting only
    fragments ("said he hoped it will “go a long way ...”"); mixed: reported speech with a
    quoted sentence of its own."""
    touched = [q for q in quotations if min(end, q.end) > max(start, q.start)]
    if not touched:
        return "indirect"
    if any(q.start <= start + 1 and end <= q.end + 1 for q in touched):
        return "direct"
    for q in touched:
        inner_start, inner_end = q.inner(text)
        words = text[inner_start:inner_end]
        if words[:1].isupper() or words[:1].isdigit():
            return "mixed"
    return "partial"
