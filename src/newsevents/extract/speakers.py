"""Who a speaker mention names: "he" -> the last named speaker, "who" -> the noun it relates to.

Actors and their coreference are ``actors``' and ``coref``'s business: a mention an actor
covers (names, and the pronouns and nominals ``coref`` resolved confidently) is that actor.
What this module adds is the quotation convention coref leaves to quotes: a "he said" /
"she wrote" that coref was not sure of refers to the person quoted last, when that was a
few paragraphs ago at most; only then is coref's best guess (``coref.referents``) taken. A
relative pronoun ("Graham, who had endorsed ...") names the noun it relates to. A name no
actor covers keeps its fullest earlier form ("Bajpaee" -> "Chietigj Bajpaee").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..types import Actor, Speaker
from .attribution import mention
from .coref import actor_for_span, referents

PERSONAL = frozenset({"he", "she", "him", "her"})
# Entities that name a speaker; NORP ("the Kentucky Republican") describes one instead.
_NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "FAC"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
# A pronoun looks this many characters back for the speaker it refers to, no further:
# beyond a few paragraphs "he" is as likely someone else.
_PRONOUN_REACH = 1200


class SpeakerResolver:
    """Resolves the speakers of one document, in order, remembering who spoke last."""

    def __init__(self, doc: Doc, actors: tuple[Actor, ...]) -> None:
        self._doc = doc
        self._actors = actors
        self._persons = [e for e in doc.ents if e.label_ == "PERSON"]
        self._last: tuple[int, str, Actor | None] | None = None  # (offset, name, actor)

    def resolve(self, source: Token) -> Speaker:
        span = mention(source)
        start, end = span.start_char, span.end_char
        actor = actor_for_span(self._actors, start, end)
        if actor is not None:
            name = actor.name
        elif source.lower_ in PERSONAL:
            name, actor = self._antecedent(start, end)
        elif source.lower_ in _RELATIVE and source.head.dep_ == "relcl":
            noun = source.head.head
            noun_span = mention(noun)
            actor = actor_for_span(self._actors, noun_span.start_char, noun_span.end_char)
            name = actor.name if actor is not None else self._name(noun, noun_span)
        else:
            name = self._name(source, span)
        if self._is_person(source, actor) and name != source.text:
            self._last = (start, name, actor)
        return Speaker(
            actor_id=actor.id if actor is not None else None, name=name, start=start, end=end
        )

    @staticmethod
    def _is_person(source: Token, actor: Actor | None) -> bool:
        """Whether a later "he" or "she" can refer back to this speaker."""
        if actor is not None:
            return actor.type == "person"
        return (
            source.lower_ in PERSONAL
            or source.ent_type_ == "PERSON"
            or (source.pos_ == "PROPN" and source.ent_type_ not in ("ORG", "GPE", "NORP", "FAC"))
        )

    def _antecedent(self, start: int, end: int) -> tuple[str, Actor | None]:
        if self._last is not None and start - self._last[0] <= _PRONOUN_REACH:
            return self._last[1], self._last[2]
        guesses = referents(self._doc, self._actors, start, end)
        if len(guesses) == 1:
            return guesses[0].name, guesses[0]
        before = [e for e in self._persons if e.end_char <= start]
        if before and start - before[-1].end_char <= _PRONOUN_REACH:
            return self._full_name(before[-1].text, before[-1].start_char), None
        return self._doc.text[start:end], None

    def _name(self, source: Token, span: Span) -> str:
        for ent in self._doc.ents:
            if ent.start <= source.i < ent.end and ent.label_ in _NAME_ENTS:
                return self._full_name(ent.text, ent.start_char)
        for child in source.children:
            if child.dep_ == "appos":
                for ent in self._doc.ents:
                    if ent.start <= child.i < ent.end and ent.label_ == "PERSON":
                        return self._full_name(ent.text, ent.start_char)
        if source.pos_ == "PROPN":
            return self._full_name(span.text, span.start_char)
        return span.text

    def _full_name(self, name: str, offset: int) -> str:
        """The longest earlier person name ending with a lone surname ("Bajpaee").

        Only a single word is expanded: "Bill Clinton" is not "Hillary Clinton".
        """
        words = name.split()
        if len(words) != 1:
            return name
        best = name
        for ent in self._persons:
            if ent.start_char >= offset:
                break
            if ent.text.split()[-1] == words[-1] and len(ent.text) > len(best):
                best = ent.text
        return best
