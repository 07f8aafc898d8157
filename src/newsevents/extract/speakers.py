"""Who a speaker mention names: "he" -> the last named speaker, "Bajpaee" -> "Chietigj Bajpaee".

A mention that an actor's mentions cover is that actor. Otherwise a personal pronoun takes the
last speaker quoted before it (news writes "“...,” he said" right after naming the speaker),
or failing that the last person named before it; a surname takes the fullest earlier form of
the name; a common noun with a name in apposition ("the ambassador, Verma") takes that name.
The name is then linked to an actor by its surname where the actors list has one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..types import Actor, Speaker
from .attribution import mention

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
        self._last: tuple[int, str, str | None] | None = None  # (offset, name, actor id)

    def resolve(self, source: Token) -> Speaker:
        span = mention(source)
        start, end = span.start_char, span.end_char
        actor = self._actor_at(start, end)
        name: str
        if actor is not None:
            name = actor.name
        elif source.lower_ in PERSONAL:
            name, actor = self._antecedent(start)
        elif source.lower_ in _RELATIVE and source.head.dep_ == "relcl":
            # "Graham, who had endorsed ...": the mention is "who", the name is Graham's.
            noun = source.head.head
            name = self._name(noun, mention(noun))
            actor = self._actor_at(noun.idx, noun.idx + len(noun.text)) or self._actor_named(name)
            if actor is not None:
                name = actor.name
        else:
            name = self._name(source, span)
            actor = self._actor_named(name)
            if actor is not None:
                name = actor.name
        actor_id = actor.id if actor is not None else None
        if self._is_person(source, actor) and name != source.text:
            self._last = (start, name, actor_id)
        return Speaker(actor_id=actor_id, name=name, start=start, end=end)

    @staticmethod
    def _is_person(source: Token, actor: Actor | None) -> bool:
        """Whether "he" or "she" can refer back to this speaker."""
        if actor is not None:
            return actor.type == "person"
        return source.lower_ in PERSONAL or source.ent_type_ == "PERSON" or (
            source.pos_ == "PROPN" and source.ent_type_ not in ("ORG", "GPE", "NORP", "FAC")
        )

    def _antecedent(self, offset: int) -> tuple[str, Actor | None]:
        doc = self._doc
        if self._last is not None and offset - self._last[0] <= _PRONOUN_REACH:
            actor = self._actor_by_id(self._last[2])
            return self._last[1], actor
        before = [e for e in self._persons if e.end_char <= offset]
        if before and offset - before[-1].end_char <= _PRONOUN_REACH:
            name = self._full_name(before[-1].text, before[-1].start_char)
            actor = self._actor_at(before[-1].start_char, before[-1].end_char)
            return (actor.name if actor else name), actor
        token = doc.char_span(offset, offset + 1, alignment_mode="expand")
        return (token.text if token is not None else doc.text[offset:]), None

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

    def _actor_at(self, start: int, end: int) -> Actor | None:
        for actor in self._actors:
            for m in actor.mentions:
                if m.start < end and start < m.end:
                    return actor
        return None

    def _actor_named(self, name: str) -> Actor | None:
        words = name.split()
        if not words:
            return None
        for actor in self._actors:
            if actor.name == name:
                return actor
        for actor in self._actors:
            if actor.type == "person" and actor.name.split()[-1:] == words[-1:]:
                return actor
        return None

    def _actor_by_id(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self._actors if a.id == actor_id), None)
