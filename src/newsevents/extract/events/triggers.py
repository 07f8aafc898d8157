"""Candidate triggers: the verbs and nouns of a sentence that the dictionary codes as events.

Statements ("said", "told": CAMEO 01) are not events here: who said what is the quotes'
business (issue 5). A noun that is the object of a coded verb ("imposed sanctions", "held
talks") is the same event as the verb and is dropped, as is the modifier of a coded noun
("arrest" in "arrest warrant"), and so is an event noun whose act is the verb's own type
("airstrikes killed 20 people"); but where the verb's code is only Phoenix's default for a
generic verb ("a warrant was issued"), the noun is the event and the verb is dropped, as it is
after a verb that only steps an act up or repeats it ("stepped up attacks", "reiterated its
demand": data/pace_verbs.tsv). A participle describing a route ("roads leading to the
centre") is no act.
A reporting verb whose reported clause holds a candidate ("announced that it will withdraw")
is not a second event: the reported act is the event and the reporter its ``reported_by``
(PLOVER codes "announced ... will withdraw" once).

A sentence where the dictionary codes nothing still gets one candidate, its main verb (the
reported clause's verb under a reporting verb: "said troops withdrew"), marked with the rule
``fallback`` and no code: the classifier then decides from the words alone whether and what
it is, and the coder keeps it only when the classifier is confident (issue 4: the coder finds
the event itself; the dictionary cannot list every verb).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Span, Token

from ...ontology.plover import plover_for
from ...ontology.tables import read_tsv
from .lexicon import (
    Match,
    light_verbs,
    match_noun,
    match_verb,
    no_events,
    pace_verbs,
    phrasal_lemma,
)
from .modality import reporting_verbs
from .purpose import CALL_CODE, errand, phone_call

PACKAGE = "newsevents.extract.events"
STATEMENT_ROOT = "01"
# Named things are not happenings ("March" the month, "Rally" the party).
NOT_EVENT_ENTS = {"ORG", "GPE", "PERSON", "DATE", "TIME", "NORP", "LOC", "FAC", "WORK_OF_ART"}


FALLBACK = "fallback"
# Participles news uses as prepositions ("rioted following a demonstration"): they act on
# nothing, whatever the parse makes of them.
PREPOSITION_PARTICIPLES = frozenset(
    {"following", "including", "regarding", "concerning", "excluding", "considering", "pending"}
)
# Participles that say where a thing goes or what an event came before ("roads leading to the
# city centre", "power lines leading into Kabul", "the weeks leading up to the war"): a route
# or a sequence, not an act.
ROUTE_PARTICIPLES = frozenset({"leading", "running", "linking", "connecting"})
ROUTE_PREPS = frozenset({"to", "into", "toward", "towards", "up", "from"})
# Verbs that free people or property, and also make things public: with a publication
# (data/publications.tsv) they do the second.
PUBLISHING = frozenset({"release", "issue", "publish", "post", "air", "broadcast", "circulate"})
# The rule of a verb that is a candidate for the act its object names ("ended mediation
# efforts"): "acts-on:" and the noun's code.
ACTS_ON = "acts-on:"


def main_verb(sentence: Span) -> Token | None:
    """The verb that carries a sentence: its root, or the clause a reporting root reports, or
    the act a verb the dictionary says is no event governs ("he's trying to demonstrate")."""
    root = sentence.root
    passed = reporting_verbs() | no_events()
    for _ in range(3):
        if root.lemma_.lower() not in passed:
            break
        clause = next((c for c in root.children if c.dep_ in {"ccomp", "xcomp"}), None)
        if clause is None or clause.pos_ not in {"VERB", "AUX"}:
            break
        root = clause
    if root.pos_ not in {"VERB", "AUX"} or root.lemma_.lower() in passed or published(root):
        return None
    return root


def acted_on(verb: Token) -> Match | None:
    """The dictionary match of the event noun that is ``verb``'s object, or qualifies it
    ("talks" in "halted the talks", "mediation" in "ended mediation efforts")."""
    for child in verb.children:
        if child.dep_ not in {"dobj", "nsubjpass"} or child.pos_ not in {"NOUN", "PROPN"}:
            continue
        for noun in (child, *(c for c in child.children if c.dep_ == "compound")):
            if noun.ent_type_ in NOT_EVENT_ENTS:
                continue
            match = match_noun(noun)
            if match is not None:
                return match
    return None


@cache
def publications() -> frozenset[str]:
    """Nouns for what is published rather than freed (``data/publications.tsv``)."""
    return frozenset(row["word"] for row in read_tsv(PACKAGE, "data/publications.tsv"))


def published(verb: Token) -> bool:
    """Whether ``verb`` makes a publication public: "released a video", "a report issued on
    Monday", "the video was released by the group"."""
    if verb.lemma_.lower() not in PUBLISHING:
        return False
    found = publications()
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in found:
        return True
    return any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in found for c in verb.children)


def _route(verb: Token) -> bool:
    """Whether ``verb`` is a participle describing a route or a run-up ("roads leading to")."""
    return (
        verb.dep_ == "acl"
        and verb.lower_ in ROUTE_PARTICIPLES
        and verb.head.pos_ in {"NOUN", "PROPN"}
        and any(c.dep_ in {"prep", "prt"} and c.lower_ in ROUTE_PREPS for c in verb.children)
    )


def _governing_verb(noun: Token) -> Token | None:
    """The verb whose object ``noun`` is, or qualifies ("mediation" in "ended mediation
    efforts")."""
    head = noun
    if head.dep_ == "compound" and head.head.pos_ in {"NOUN", "PROPN"}:
        head = head.head
    verb = head.head
    if (
        head.dep_ in {"dobj", "nsubjpass"}
        and verb.pos_ == "VERB"
        and verb.dep_ != "prep"
        and verb.lower_ not in PREPOSITION_PARTICIPLES
    ):
        return verb
    return None


def _same_type(noun: Match, verb: Match) -> bool:
    first = plover_for(noun.code) if noun.code else None
    second = plover_for(verb.code) if verb.code else None
    return first is not None and second is not None and first.type == second.type


def candidates(sentence: Span) -> list[tuple[Token, Match]]:
    """(trigger, dictionary match) for every coded verb and event noun of ``sentence``, else
    the sentence's main verb with an uncoded ``fallback`` match."""
    found = _coded(sentence)
    if found:
        return found
    verb = main_verb(sentence)
    return [(verb, Match(None, FALLBACK))] if verb is not None else []


def _coded(sentence: Span) -> list[tuple[Token, Match]]:
    verbs: dict[int, Match] = {}
    nouns: dict[int, Match] = {}
    for token in sentence:
        if token.pos_ == "VERB":
            if _route(token):
                continue
            match = match_verb(token)
            if match is not None and match.code == CALL_CODE:
                match = phone_call(token) or match
            if match is not None and match.code and match.code.startswith(STATEMENT_ROOT):
                # "called Morrison to congratulate him": Phoenix's "call * to congratulate" is
                # a comment (013), but the call is the congratulation.
                match = errand(token) or match
            if (
                match is not None
                and match.code
                and not match.code.startswith(STATEMENT_ROOT)
                and not published(token)
            ):
                verbs[token.i] = match
        elif token.pos_ in {"NOUN", "PROPN"} and token.ent_type_ not in NOT_EVENT_ENTS:
            match = match_noun(token)
            if match is not None:
                nouns[token.i] = match
    doc = sentence.doc
    reporting = reporting_verbs()
    for i in list(verbs):
        token = doc[i]
        if token.lemma_.lower() in reporting and any(
            c.dep_ == "ccomp" and c.i in verbs for c in token.children
        ):
            del verbs[i]
    for i in list(verbs):
        # "sanctions imposed by X", "a warrant issued by Y": the participle is the noun's.
        if doc[i].dep_ == "acl" and doc[i].head.i in nouns:
            del verbs[i]
    found = [(doc[i], m) for i, m in verbs.items()]
    light = light_verbs()
    pace = pace_verbs()
    for i, match in nouns.items():
        token = doc[i]
        if token.dep_ == "compound" and token.head.i in nouns:
            continue
        if (
            token.dep_ == "nsubj"
            and token.head.i in verbs
            and _same_type(match, verbs[token.head.i])
        ):
            # "Israeli airstrikes killed 20 people": the strike is how they were killed, one
            # happening, coded on the verb that says what it did to whom.
            continue
        governor = _governing_verb(token)
        if governor is not None and phrasal_lemma(governor) in pace:
            # "stepped up attacks", "reiterated its demand": the attack or demand is the act.
            found = [(t, m) for t, m in found if t.i != governor.i]
        elif governor is not None and governor.i in verbs:
            rule = verbs[governor.i].rule
            if " * " in rule or rule.startswith("newsevents:"):
                # The verb's own pattern or code already names this act. Where our row keeps
                # the noun's type ("launch war games" with allies: 062, not Phoenix's 150 for
                # one army's games), the verb carries the noun's code and keeps it.
                if match.keep and rule.startswith("phoenix:") and match.code:
                    kept = replace(verbs[governor.i], code=match.code, keep=True)
                    found = [(t, kept if t.i == governor.i else m) for t, m in found]
                continue
            if governor.lemma_.lower() not in light:
                # "condemned the bombing", "cancelled the talks": the verb acts on the act
                # its object names, and is the event.
                continue
            # A light verb's generic default ("issued" 060) says less than the noun
            # ("warrant").
            found = [(t, m) for t, m in found if t.i != governor.i]
        elif (
            governor is not None
            and governor.lemma_.lower() not in light
            and match_verb(governor) is not None
        ):
            # A verb the dictionary knows but codes only through other objects ("ended
            # mediation efforts", "halted the talks"): the verb is the event, and what it is
            # the classifier reads off the act it ends, halts or suspends.
            if all(t.i != governor.i for t, _ in found):
                found.append((governor, Match(None, f"{ACTS_ON}{match.code}")))
            continue
        found.append((token, match))
    return sorted(found, key=lambda pair: pair[0].i)
