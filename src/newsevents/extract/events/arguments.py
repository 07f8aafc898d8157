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
- "X and Y met": for symmetric events with no object, Y becomes the target.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# Prepositions whose object is the one acted on ("attack on", "talks with", "sanctions against").
TARGET_PREPS = {"against", "with", "to", "on", "into", "upon", "toward", "towards", "at", "for"}
NOUN_TARGET_PREPS = TARGET_PREPS | {"of", "between"}
# Dependency labels of the words that make up an actor's phrase to the left of its head.
PHRASE_LEFT = {"compound", "amod", "nmod", "poss", "det", "nummod", "case", "quantmod", "flat"}
NOMINAL = {"NOUN", "PROPN", "PRON", "NUM"}
# Pronouns that cannot be actors ("it" can: "it attacked"; "there" cannot).
NOT_ACTORS = {"there", "that", "this", "which", "what", "who", "whom", "itself"}


@dataclass(frozen=True, slots=True)
class Arguments:
    source: Token | None
    target: Token | None
    others: tuple[Token, ...] = ()  # further co-sources ("Modi and Putin")


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
    while start < token.i and (doc[start].is_punct or doc[start].dep_ == "det"):
        # "the U.S." keeps the U.S.; a leading determiner or quote mark is not the actor.
        if doc[start].dep_ == "det" and doc[start].head.i != token.i:
            break
        start += 1
    return doc[start:end]


def _usable(token: Token | None) -> Token | None:
    if token is None or token.lower_ in NOT_ACTORS or token.pos_ not in NOMINAL | {"ADJ"}:
        return None
    return token


def _child(token: Token, deps: set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _pobj(prep: Token) -> Token | None:
    return _child(prep, {"pobj", "pcomp"})


def _prep_object(token: Token, preps: set[str]) -> Token | None:
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            obj = _pobj(child)
            if obj is not None:
                return obj
    return None


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
    if verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return verb_subject(head, depth + 1)
    if verb.dep_ == "relcl":
        return head
    if verb.dep_ == "acl" and verb.tag_ in {"VBG", "VB"}:
        return head
    return None


def verb_target(verb: Token) -> Token | None:
    passive = _child(verb, {"nsubjpass"})
    if passive is not None:
        return passive
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return None  # "sanctions imposed by X": the noun is the event, not its target
    for deps in ({"dobj"}, {"dative", "iobj"}):
        obj = _child(verb, deps)
        if obj is not None:
            return obj
    return _prep_object(verb, TARGET_PREPS)


def noun_source(noun: Token) -> Token | None:
    for child in noun.lefts:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.ent_type_ in ACTOR_ENTS):
            return child
        if child.dep_ == "amod" and child.ent_type_ == "NORP":
            return child
    for child in noun.rights:
        if child.dep_ == "acl":
            agent = _agent(child)
            if agent is not None:
                return agent
        if child.dep_ == "prep" and child.lower_ == "by":
            return _pobj(child)
    return None


ACTOR_ENTS = {"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"}


def noun_target(noun: Token) -> Token | None:
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPS:
            obj = _pobj(child)
            if obj is not None:
                return obj
        if child.dep_ == "acl":
            # "sanctions imposed ... on Russia"
            obj = _prep_object(child, TARGET_PREPS)
            if obj is not None:
                return obj
    return None


def light_verb_subject(noun: Token) -> Token | None:
    """The subject of the verb a noun is the object of ("Modi held talks")."""
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"}:
        return verb_subject(head)
    if noun.dep_ == "pobj" and head.head.pos_ == "VERB" and head.dep_ == "agent":
        return verb_subject(head.head) if head.head.dep_ != "advcl" else None
    return None


def arguments(trigger: Token, *, symmetric: bool) -> Arguments:
    """Source and target of ``trigger``; ``symmetric`` events take "X and Y" as source and
    target when nothing else is the target."""
    if trigger.pos_ in {"VERB", "AUX"}:
        source = _usable(verb_subject(trigger))
        target = _usable(verb_target(trigger))
    else:
        source = _usable(noun_source(trigger) or light_verb_subject(trigger))
        target = _usable(noun_target(trigger))
        if target is None and trigger.dep_ == "dobj":
            target = _usable(_prep_object(trigger.head, TARGET_PREPS))
    others: tuple[Token, ...] = ()
    if source is not None:
        others = tuple(c for c in source.conjuncts if c.i > source.i and _usable(c))
        if symmetric and target is None and others:
            target, others = others[0], others[1:]
    if target is not None and source is not None and target.i == source.i:
        target = None
    return Arguments(source=source, target=target, others=others)
