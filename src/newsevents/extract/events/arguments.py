"""Who did it and to whom: source and target of a trigger, read off the dependency parse.

Rules, in order (``source``/``target`` are token heads; spans come from ``phrase``):
- verbs: the subject is the source; in the passive the ``by`` agent is the source and the
  passive subject the target ("was received by Putin"); the direct object, dative or the object
  of a directed preposition ("against", "with", "to", ...) is the target;
- a verb without its own subject takes it from the verb it depends on: controlled infinitives
  ("agreed to cooperate": the subject of "agreed"; "urged Iran to release": the object of
  "urged"), coordinated verbs ("met and hugged"), relative clauses ("troops who attacked");
- nouns: a possessive, compound or nationality adjective is the source ("Russia's invasion",
  "US sanctions", "Chinese attack"), as is the ``by`` agent of a participle ("sanctions
  imposed by the United States"); ``of``/``on``/``against``/``with``/``into`` objects are the
  target ("invasion of Ukraine", "sanctions on Russia");
- a noun that is the object of a light verb ("held talks", "imposed sanctions", "sent troops")
  takes the verb's subject as its source;
- "X and Y met": for symmetric events with no object, Y becomes the target;
- sources and targets are actors, not things: where the word in the slot is not actor-like
  (a named person, group, place or nationality, an agent noun such as "police" or "rebels",
  or a pronoun), the nearest actor-like word inside its phrase is taken ("suspended aid for
  Bosnia" -> Bosnia, "dismissed an appeal from President Gbagbo" -> Gbagbo), else none;
- a pronoun subject of a reported clause takes the reporting subject ("Nigeria announced that
  it will withdraw" -> Nigeria); coreference across sentences is the actors' business.
"""

from __future__ import annotations

from dataclasses import dataclass

from functools import cache

from spacy.tokens import Span, Token

from ...ontology.tables import read_tsv

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# Prepositions whose object is the one acted on ("attack on", "talks with", "sanctions against").
TARGET_PREPS = {
    "against",
    "with",
    "to",
    "on",
    "into",
    "upon",
    "toward",
    "towards",
    "at",
    "for",
    "from",
    "in",
}
NOUN_TARGET_PREPS = TARGET_PREPS | {"of", "between"}
# Dependency labels of the words that make up an actor's phrase to the left of its head.
PHRASE_LEFT = {"compound", "amod", "nmod", "poss", "det", "nummod", "case", "quantmod", "flat"}
ACTOR_ENTS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"}
PRONOUNS = {"he", "she", "they", "it", "we", "him", "her", "them", "us", "i", "me"}
# Clauses below a slot are other events, never part of its actor phrase.
CLAUSES = {"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "conj", "cc", "punct"}
PACKAGE = "newsevents.extract.events"


@dataclass(frozen=True, slots=True)
class Arguments:
    source: Token | None
    target: Token | None
    others: tuple[Token, ...] = ()  # further co-sources ("Modi and Putin")


@cache
def agent_nouns() -> frozenset[str]:
    words = {r["noun"] for r in read_tsv(PACKAGE, "data/agent_nouns.tsv")}
    words |= {r["noun"] for r in read_tsv(PACKAGE, "data/actor_nouns.tsv")}
    return frozenset(words)


def actor_like(token: Token) -> bool:
    if token.ent_type_ in ACTOR_ENTS:
        return True
    if token.pos_ == "PRON":
        return token.lower_ in PRONOUNS
    return token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in agent_nouns()


def actor_in(token: Token | None) -> Token | None:
    """``token`` if it names an actor, else the nearest actor-like word of its phrase."""
    if token is None:
        return None
    if actor_like(token):
        return token
    frontier = [token]
    for _ in range(4):
        nxt = []
        for node in frontier:
            for child in node.children:
                if child.dep_ in CLAUSES or child.pos_ == "VERB":
                    continue
                if actor_like(child) and child.ent_type_ not in {"DATE", "TIME"}:
                    return _head_of_name(child)
                nxt.append(child)
        frontier = nxt
    return None


def _head_of_name(token: Token) -> Token:
    """A compound part of a name stands for the whole name ("U.S." in "U.S. Supreme Court")."""
    while token.dep_ in {"compound", "flat"} and token.head.ent_type_ == token.ent_type_:
        token = token.head
    return token


def phrase(token: Token) -> Span:
    """The actor phrase headed by ``token``: the head and its left modifiers, no clauses."""
    doc = token.doc
    start = token.i
    for child in token.lefts:
        if child.dep_ in PHRASE_LEFT:
            start = min(start, child.left_edge.i)
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in {"flat", "compound"} and child.i == end:
            end = child.i + 1
    while start < token.i and (doc[start].is_punct or doc[start].dep_ in {"det", "nummod"}):
        start += 1
    return doc[start:end]


def _child(token: Token, deps: set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _pobj(prep: Token) -> Token | None:
    return _child(prep, {"pobj", "pcomp"})


def _prep_objects(token: Token, preps: set[str]) -> list[Token]:
    found = []
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            obj = _pobj(child)
            if obj is not None:
                found.append(obj)
    return found


def _agent(token: Token) -> Token | None:
    agent = _child(token, {"agent"})
    return _pobj(agent) if agent is not None else None


def verb_subject(verb: Token, depth: int = 0) -> Token | None:
    """The doer of ``verb``, inherited from the verb it depends on when it has none."""
    if depth > 4:
        return None
    if _child(verb, {"nsubjpass"}) is not None or verb.tag_ == "VBN" and verb.dep_ == "acl":
        agent = _agent(verb)
        if agent is not None:
            return agent
        if _child(verb, {"nsubjpass"}) is not None:
            return None
    subject = _child(verb, {"nsubj", "csubj"})
    if subject is not None:
        return subject
    head = verb.head
    if head is verb:
        return None
    if verb.dep_ == "xcomp":
        # Object control ("urged Iran to release") else subject control ("agreed to meet").
        obj = _child(head, {"dobj"})
        return obj if obj is not None and obj.i < verb.i else verb_subject(head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        # "thanked Putin for hosting him": the object of the governing verb hosted.
        governor = head.head
        obj = _child(governor, {"dobj"})
        return obj if obj is not None else verb_subject(governor, depth + 1)
    if verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return verb_subject(head, depth + 1)
    if verb.dep_ == "relcl":
        return head
    if verb.dep_ == "acl" and verb.tag_ in {"VBG", "VB"}:
        return head
    return None


def _resolve(pronoun: Token) -> Token:
    """A pronoun subject of a reported or subordinate clause -> the governing subject."""
    if pronoun.lower_ not in {"it", "they", "he", "she"}:
        return pronoun
    node = pronoun.head
    for _ in range(4):
        if node.head is node:
            break
        node = node.head
        subject = _child(node, {"nsubj"})
        if subject is not None and subject.pos_ != "PRON" and actor_like(subject):
            return subject
    return pronoun


def verb_target(verb: Token) -> Token | None:
    passive = _child(verb, {"nsubjpass"})
    if passive is not None:
        return actor_in(passive)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return None  # "sanctions imposed by X": the noun is the event, not its target
    slots = [c for c in verb.rights if c.dep_ in {"dative", "iobj", "dobj"}]
    slots += _prep_objects(verb, TARGET_PREPS)
    for slot in slots:
        found = actor_in(slot)
        if found is not None:
            return found
    return None


def noun_source(noun: Token) -> Token | None:
    for child in noun.lefts:
        if child.dep_ == "poss" or child.dep_ in {"compound", "amod"} and actor_like(child):
            return _head_of_name(child) if child.dep_ == "compound" else child
    for child in noun.rights:
        if child.dep_ == "acl":
            agent = _agent(child)
            if agent is not None:
                return agent
        if child.dep_ == "prep" and child.lower_ == "by":
            return _pobj(child)
    return None


def noun_target(noun: Token) -> Token | None:
    slots: list[Token] = []
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPS:
            obj = _pobj(child)
            if obj is not None:
                slots.append(obj)
        if child.dep_ == "acl":
            # "sanctions imposed ... on Russia"
            slots += _prep_objects(child, TARGET_PREPS)
    for slot in slots:
        found = actor_in(slot)
        if found is not None:
            return found
    return None


def light_verb_subject(noun: Token) -> Token | None:
    """The subject of the verb a noun is the object of ("Modi held talks", "Modi was in
    Moscow for a visit")."""
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass", "attr"} and head.pos_ in {"VERB", "AUX"}:
        return verb_subject(head)
    if noun.dep_ == "pobj" and head.dep_ == "agent" and head.head.pos_ == "VERB":
        return verb_subject(head.head) if head.head.dep_ != "advcl" else None
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
        return _child(head.head, {"nsubj"})
    return None


def arguments(trigger: Token, *, symmetric: bool) -> Arguments:
    """Source and target of ``trigger``; ``symmetric`` events take "X and Y" as source and
    target when nothing else is the target."""
    if trigger.pos_ in {"VERB", "AUX"}:
        source = actor_in(verb_subject(trigger))
        target = verb_target(trigger)
    else:
        source = actor_in(noun_source(trigger) or light_verb_subject(trigger))
        target = noun_target(trigger)
        if target is None and trigger.dep_ == "dobj":
            target = verb_target(trigger.head)
    if source is not None and source.pos_ == "PRON":
        source = _resolve(source)
    others: tuple[Token, ...] = ()
    if source is not None:
        others = tuple(c for c in source.conjuncts if c.i > source.i and actor_like(c))
        if symmetric and target is None and others:
            target, others = others[0], others[1:]
    if target is not None and source is not None and target.i == source.i:
        target = None
    return Arguments(source=source, target=target, others=others)
