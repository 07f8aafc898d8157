"""Temporal expressions of the body, normalised TIMEX3-style against the publication date (issue 3).

``find_times(doc, document=...)`` finds every date, time, duration and set the grammar
(``timex/grammar.py``) knows, keeps the longest where they overlap, and resolves each one
(``timex/resolve.py``) against ``document.published`` and the tense of its clause. Relative
expressions in an undated document keep a null value and say why in ``anchor``.

Later stages read the result by offset: ``times_in(times, start, end)`` gives the expressions
inside a span (an event's sentence, say).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..ontology import countries
from ..types import Document, Time
from .timex.calendar import Tense
from .timex.context import Context, Resolved
from .timex.grammar import Candidate, candidates
from .timex.lexicon import lexicon
from .timex.resolve import resolve

NO_ANCHOR = "unresolved: no publication date"

# Dependency labels that tie an auxiliary to its verb.
_AUX = {"aux", "auxpass"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}


def find_times(doc: Doc, *, document: Document) -> list[Time]:
    """Every temporal expression in ``doc`` (the parse of ``document.body``), in text order."""
    anchor = _date(document.published)
    text = doc.text
    chosen = _choose(doc, text)
    times: list[Time] = []
    quarter: tuple[int, int] | None = None
    reference: tuple[date, str] | None = None
    for candidate in chosen:
        words = text[candidate.start : candidate.end]
        context = Context(
            anchor=anchor,
            tense=tense(doc, candidate.start, candidate.end),
            quarter=quarter,
            countries=_countries(doc, candidate, document),
            before=text[max(0, candidate.start - 24) : candidate.start],
            reference=reference[0] if reference else None,
            reference_granularity=reference[1] if reference else None,
        )
        resolved = resolve(candidate, words, context)
        if resolved is None:
            continue
        quarter = resolved.quarter or quarter
        if resolved.type == "DATE" and not resolved.relative:
            reference = _explicit(resolved.value) or reference
        times.append(_time(candidate, words, resolved, anchor))
    return times


def times_in(times: Iterable[Time], start: int, end: int) -> list[Time]:
    """The expressions of ``times`` that lie inside the body span ``[start, end)``."""
    return [t for t in times if start <= t.start and t.end <= end]


def _date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _choose(doc: Doc, text: str) -> list[Candidate]:
    """Non-overlapping candidates that resolve, longest first, then leftmost."""
    # A probe context in which every rule can resolve: only the words decide here.
    day = date(2000, 1, 1)
    probe = Context(anchor=day, tense=None, reference=day, reference_granularity="D")
    valid = [
        c
        for c in candidates(text)
        if resolve(c, text[c.start : c.end], probe) is not None
        and not _inside_name(doc, c)
        and not _not_a_time(doc, text, c)
    ]
    valid.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: list[Candidate] = []
    for candidate in valid:
        if all(candidate.end <= t.start or t.end <= candidate.start for t in taken):
            taken.append(candidate)
    return sorted(taken, key=lambda c: c.start)


def _explicit(value: str | None) -> tuple[date, str] | None:
    """A date and its granularity from an explicit value ("1998", "1998-10", "1998-10-23")."""
    if value is None or not value[:4].isdigit():
        return None
    parts = value.split("-")
    try:
        if len(parts) == 1 and len(value) == 4:
            return date(int(value), 1, 1), "Y"
        if len(parts) == 2 and parts[1].isdigit():
            return date(int(parts[0]), int(parts[1]), 1), "M"
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            return date(int(parts[0]), int(parts[1]), int(parts[2])), "D"
    except ValueError:
        return None
    return None


# Rules whose words are lower case in running text: capitalised mid-sentence and quoted, they
# are a title ("This Week" on ABC, "High Noon").
_COMMON_WORD_RULES = {"deictic", "clock", "pod", "duration", "reference", "day", "ago", "set"}
_QUOTES = "\"'“”‘’`"
_NOMINAL = {"NOUN", "ADJ", "PROPN"}
# Before a quotation that opens a sentence of its own ("He said: "Today ...").
_SENTENCE_END = {"", ".", "!", "?", "\n", ":", ","}
# Words that make the number after them an estimate of a count, never a year.
_APPROXIMATIONS = {"about", "around", "some", "nearly", "almost", "than", "roughly", "over"}


def _not_a_time(doc: Doc, text: str, candidate: Candidate) -> bool:
    """Words that match a rule but say no time here.

    - "Now," opening a sentence is a discourse marker ("Now, he says, ...");
    - an age ("52 years old");
    - "a second" before a noun is an ordinal ("a second group");
    - a fraction ("three-quarters of its food");
    - a title: common time words capitalised in quotation marks ("This Week");
    - a count that looks like a year ("fired 1649 rounds", "about 1500 troops").
    """
    words = text[candidate.start : candidate.end]
    after = text[candidate.end : candidate.end + 12].lstrip()
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None:
        return False
    following = doc[span.end] if span.end < len(doc) else None
    if candidate.rule == "reference" and words == "Now" and after.startswith(","):
        return True
    if candidate.rule == "duration":
        if following is not None and following.lower_ == "old":
            return True
        if words.lower() == "a second" and following is not None and following.pos_ in _NOMINAL:
            return True
        if "-" in words and words.lower().endswith("quarters") and after.startswith("of "):
            return True
    if candidate.rule == "year" and words.isdigit() and _counts(span, following):
        return True
    if candidate.rule in _COMMON_WORD_RULES and not span[0].is_sent_start:
        titled = all(w[0].isupper() for w in words.split() if w[0].isalpha())
        before = text[max(0, candidate.start - 3) : candidate.start].rstrip()
        opened = before[-1:] in _QUOTES
        # A quotation that opens a sentence capitalises its first word: no title.
        if opened and text[: candidate.start].rstrip(_QUOTES + " ")[-1:] in _SENTENCE_END:
            return False
        if titled and (opened or after.lstrip(".,")[:1] in _QUOTES):
            return True
    return False


def _counts(span: Span, following: Token | None) -> bool:
    """A bare four-digit number counts the plural noun after it when a verb or an
    approximation comes before it ("fired 1649 rounds", "some 1800 troops"). "The 2019
    elections", "the 1989 protests of students" and "in 2020 talks" stay years."""
    if following is None or following.tag_ != "NNS" or span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.pos_ in {"VERB", "AUX"} or before.lower_ in _APPROXIMATIONS


def _inside_name(doc: Doc, candidate: Candidate) -> bool:
    """A match inside a named entity that is not a date ("Independence Day Parade", "Now TV")."""
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None:
        return False
    for token in span:
        if token.ent_type_ in {"ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "FAC", "LAW"}:
            return True
    return False


def tense(doc: Doc, start: int, end: int) -> Tense:
    """The tense of the clause that holds the characters ``[start, end)``.

    Future when an auxiliary or governing word looks ahead ("will", "is expected to", "to be
    followed by", "looking forward to"); past for a past or present-perfect verb; present for
    other finite verbs; None where no verb governs the expression (headlines, lists).
    """
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    cues = lexicon().table("future_cue")
    node: Token = span.root
    for _ in range(12):
        if node.head is node:
            break
        node = node.head
        if node.pos_ not in {"VERB", "AUX"}:
            if node.lower_ in cues or node.lemma_.lower() in cues:
                return "future"
            continue
        auxes = [c for c in node.children if c.dep_ in _AUX]
        # Auxiliaries by their form: "will" looks ahead, reported "would" does not.
        if any(a.lower_ in cues for a in auxes) or node.lemma_.lower() in cues:
            return "future"
        if any(a.tag_ == "TO" for a in auxes):
            # An infinitive has no tense of its own: it looks ahead only under a word that
            # does ("expected to seek"); otherwise the nearest day is the best guess.
            governor = node.head
            return "future" if governor.lemma_.lower() in cues else None
        if any(c.lower_ == "forward" for c in node.children):
            return "future"
        if node.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if node.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
            return "past"
        if node.tag_ in _FINITE or any(a.tag_ in _FINITE for a in auxes):
            return "present"
    return None


def _countries(doc: Doc, candidate: Candidate, document: Document) -> tuple[str, ...]:
    """Countries named in the sentence of ``candidate`` (nearest first), then the dateline's."""
    if candidate.rule != "fiscal_split":
        return ()
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    found: list[tuple[int, str]] = []
    if span is not None:
        for sentence in {span.sent, *_neighbours(span)}:
            for ent in sentence.ents:
                if ent.label_ not in {"GPE", "NORP"}:
                    continue
                country = countries.by_name(ent.text) or countries.by_demonym(ent.text)
                if country is not None:
                    found.append((abs(ent.start_char - candidate.start), country.iso3))
    found.sort()
    nearby = [c for _, c in found]
    if document.dateline and document.dateline.country:
        nearby.append(document.dateline.country)
    return tuple(dict.fromkeys(nearby))


def _neighbours(span: Span) -> list[Span]:
    """The sentence after ``span``'s ("India's financial year runs from April to March")."""
    sentence = span.sent
    if sentence.end < len(span.doc):
        return [span.doc[sentence.end].sent]
    return []


def _time(candidate: Candidate, words: str, resolved: Resolved, anchor: date | None) -> Time:
    if resolved.anchor_note:
        note: str | None = resolved.anchor_note
    elif not resolved.relative:
        note = None
    else:
        note = anchor.isoformat() if anchor else NO_ANCHOR
    return Time(
        text=words,
        start=candidate.start,
        end=candidate.end,
        type=resolved.type,
        value=resolved.value,
        anchor=note,
        range_start=resolved.range_start,
        range_end=resolved.range_end,
    )
