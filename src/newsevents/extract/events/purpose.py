"""What an act is for is part of the act: "staged demonstrations to demand reforms" is one
PROTEST, "agreed to cooperate" one AGREE, "offered troops to help him" one offer.

An infinitive that states the purpose or content of another coded event in its sentence
(``to`` + verb hanging off that event's trigger, off the light verb of its noun: "staged
demonstrations to demand", or off the thing the event's verb deals in: "launched a mediation
effort to resolve the rift") is not coded as an event of its own: PLOVER codes the act that
happened, and the purpose has not happened. What the purpose names is kept: where the act
has no target, the purpose's target is whom the act is aimed at ("demonstrations to demand
reforms by President Suharto" -> Suharto).

The same holds for what a promise, demand, refusal or threat is about: "urged the European
Community to support the PLO" is one REQUEST, "rejected an invitation to attend a meeting" one
REJECT, "failed to reach agreement on a free-trade deal" one REJECT. An event coded inside the
complement of such a stance (its clause, its object, or a clause that qualifies its object) has
not happened either and is folded into it. Accusations are left out: what an accuser alleges
("accused the cartel of carrying out the attack") may well have happened, and is kept as an
event the accuser reports.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from .arguments import actor_like
from .dating import Coded
from .lexicon import Match, light_verbs, match_verb, pace_verbs, phrasal_lemma

PURPOSE_DEPS = {"advcl", "xcomp", "acl"}
# Types whose event is a stance on another act, which then is its content.
STANCES = {"AGREE", "REQUEST", "REJECT", "THREATEN"}
# Dependencies that lead from a stance's trigger into what it is about; adverbial clauses
# ("until the prisoners are freed"), relative clauses and coordinated verbs are other events.
CONTENT_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "attr", "oprd"}
CONTENT_DEPTH = 5
# A noun trigger's light verb: "staged demonstrations", "held talks".
LIGHT_DEPS = {"dobj", "attr", "nsubjpass"}
# Verbs of demanding: what they ask for has not happened, whatever type the classifier gave
# the demand; a participle of one on a protest says what the protest demands. "call" and
# "press" demand only with "for" or "on" ("called for independence", "pressed for talks"; not
# "called off the talks", "pressed ahead with the offensive").
DEMANDS = {"demand", "urge", "call", "press"}
ASKING_ONLY_WITH = {"call": {"for", "on"}, "press": {"for", "on"}}
# Types of act that ask another party to act.
ASKING = {"PROTEST", "REQUEST"}


# An errand is coded as what it is for where PLOVER codes it so. Sending someone to
# investigate is the investigation (CAMEO 09, PLOVER ACCUSE): "sent a team of experts to Iran
# to investigate the crash", "dispatched inspectors to monitor the plant". Calling or summoning
# someone to praise, thank, apologise or complain is that word of approval or complaint
# (CAMEO 05, SUPPORT; 11, ACCUSE): "called Morrison to congratulate him", "summoned the Chinese
# ambassador to complain". Every gold sentence of these shapes in PLOVER GSR and PLV but one
# is coded so; a call "to discuss" stays a consultation. Troops sent "to monitor a ceasefire"
# are a deployment, not an inquiry.
SENDING = {"send", "dispatch", "despatch", "deploy", "fly"}
CONTACTING = {"call", "phone", "telephone", "ring", "summon", "write", "contact"}
ERRAND_ROOTS = {"send": ("09",), "contact": ("05", "11")}
# CAMEO 053 "rally support on behalf of" (Phoenix's "protest * arrest") is no word to the one
# called.
NOT_ERRANDS = {"053"}
ARMED = {"troop", "soldier", "force", "peacekeeper", "army", "unit", "battalion", "brigade"}


def _asks(child: Token) -> bool:
    """Whether ``child`` makes a contacting verb a demand or a cancellation ("called on",
    "called for", "called off"), not a date ("called him on Friday")."""
    if child.lower_ == "off" and child.dep_ in {"prt", "prep"}:
        return True
    if child.dep_ != "prep" or child.lower_ not in {"on", "for"}:
        return False
    return not all(o.ent_type_ in {"DATE", "TIME"} for o in child.children if o.dep_ == "pobj")


def errand(trigger: Token) -> Match | None:
    """The act a sending or contacting verb is done for, where that act is the event: the
    dictionary match of its purpose infinitive ("to investigate", "to congratulate")."""
    lemma = trigger.lemma_.lower()
    if trigger.pos_ != "VERB" or lemma not in SENDING | CONTACTING:
        return None
    if lemma in CONTACTING and any(_asks(c) for c in trigger.children):
        return None  # "called on Congress to act" is a demand, "called off" no call
    roots = ERRAND_ROOTS["send" if lemma in SENDING else "contact"]
    sent = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
    if any(c.lemma_.lower() in ARMED for c in sent):
        return None
    # The purpose hangs off the verb, or off what is sent ("a team of experts to investigate").
    holders = [trigger, *(t for c in sent for t in c.subtree if t.pos_ in {"NOUN", "PROPN"})]
    for holder in holders:
        for child in holder.children:
            if not _purpose(child):
                continue
            match = match_verb(child)
            if (
                match is not None
                and match.code
                and match.code.startswith(roots)
                and match.code not in NOT_ERRANDS
            ):
                return match
    return None


# Verbs of a telephone call, and what makes "call" name or ask instead: a predicate on its object
# ("called him a traitor", "called the move unconstitutional") or a clause it reports.
CALLING = {"call", "phone", "telephone", "ring"}
NAMING_DEPS = {"oprd", "attr", "xcomp", "ccomp", "acomp"}
CALL_CODE = "041"


def phone_call(trigger: Token) -> Match | None:
    """A call made to a party ("called Saudi Arabia's King Salman on Saturday", "phoned Modi
    to explain the decision"): the call itself, a consultation (CAMEO 041), marked to keep its
    type. Phoenix codes bare "call" so, but the sentences that train the classifier hold far
    more names called ("called him a traitor"), which it then reads in every call. A call
    made to praise or complain is that word (``errand``), which the coder applies after this.
    """
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in CALLING:
        return None
    if any(_asks(c) or c.dep_ in NAMING_DEPS for c in trigger.children):
        return None
    called = [c for c in trigger.children if c.dep_ == "dobj"]
    if len(called) != 1 or not actor_like(called[0]):
        return None
    return Match(CALL_CODE, f"newsevents:{trigger.lemma_.lower()} @actor", keep=True)


def _demands(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in DEMANDS:
        return False
    preps = ASKING_ONLY_WITH.get(lemma)
    return preps is None or any(c.dep_ == "prep" and c.lower_ in preps for c in verb.children)


def _purpose(trigger: Token) -> bool:
    return trigger.dep_ in PURPOSE_DEPS and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children
    )


def _governor(trigger: Token, by_token: dict[int, int]) -> int | None:
    """Index (into the coded list) of the event whose purpose ``trigger`` states."""
    head = trigger.head
    if any(c.dep_ == "auxpass" for c in head.children):
        # A passive governor ("is expected to visit", "was asked to leave") states how the
        # infinitive's event stands, not an act it serves: that event is coded on its own.
        return None
    if head.i in by_token:
        return by_token[head.i]
    for child in head.children:
        if child.dep_ in LIGHT_DEPS and child.i in by_token and child.i != trigger.i:
            return by_token[child.i]
    if head.pos_ == "NOUN" and head.dep_ in LIGHT_DEPS and head.head.i in by_token:
        # What a thing is for is what the act that deals in it is for: "launched a mediation
        # effort to resolve the rift", "hand over 30 vehicles to support health services".
        return by_token[head.head.i]
    return None


def _stance(trigger: Token, coded: list[Coded], by_token: dict[int, int]) -> int | None:
    """Index of the stance whose content ``trigger`` lies in, if any. A promise, refusal or
    threat is about the actor's own act; a clause with a subject of its own is someone
    else's ("officials warned Iran may attack"), which only a demand can be about."""
    node, doers, demanded = trigger, set(), False
    for _ in range(CONTENT_DEPTH):
        if node.dep_ not in CONTENT_DEPS or node.head.i == node.i:
            return None
        if node.dep_ == "ccomp":
            doers |= {
                c.lower_
                for c in node.children
                if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ != "PRON"
            }
        node = node.head
        # What is demanded has not happened, whether or not the demand is itself an event
        # ("a protest demanding that authorities release a student": no release).
        demanded = demanded or _demands(node)
        home = by_token.get(node.i)
        lemma = phrasal_lemma(node)
        if home is None and (lemma in light_verbs() or lemma in pace_verbs()):
            # "reiterated its demand that Israel ease restrictions": the parse hangs the
            # demand's clause on the verb that carries the demand.
            home = next(
                (by_token[c.i] for c in node.children if c.dep_ in LIGHT_DEPS and c.i in by_token),
                None,
            )
        if home is not None:
            stance = "REQUEST" if demanded else coded[home].event.plover
            if stance in STANCES:
                # "Iran warned that Iran would attack" is the warner's own act.
                own = doers <= {c.lower_ for c in node.children if c.dep_ == "nsubj"}
                return home if own or stance == "REQUEST" else None
            # An act inside another's content ("opposed to French mediation in peace
            # negotiations"): the stance above both holds it.
    return None


def _demanded_by_protest(
    trigger: Token, coded: list[Coded], by_token: dict[int, int]
) -> int | None:
    """Index of the protest whose demand ``trigger`` states: "demonstrated in Kirkuk calling
    for independence", "staged a sit-down protest demanding that authorities release ...".
    PLOVER codes one PROTEST, aimed at whom the demand is made of."""
    if trigger.tag_ != "VBG" or not _demands(trigger):
        return None
    if trigger.dep_ not in {"advcl", "acl", "xcomp"}:
        return None
    found = _governor(trigger, by_token)
    if found is not None and coded[found].event.plover == "PROTEST":
        return found
    for node in list(trigger.ancestors)[:3]:
        # The parser hangs the participle on the place marched through ("marched through
        # the capital demanding ..."): the protest is the verb above it.
        home = by_token.get(node.i)
        if home is not None:
            return home if coded[home].event.plover == "PROTEST" else None
        if node.pos_ in {"VERB", "AUX"}:
            return None
    return None


def fold_purposes(coded: list[Coded]) -> list[Coded]:
    """``coded`` (one sentence's events) without the events that are another's purpose or
    the content of another's stance; what is folded into a folded event goes to the event
    that one is folded into ("provided money to pay for aid": the aid is the provision's)."""
    by_token = {c.trigger.i: n for n, c in enumerate(coded)}
    home: dict[int, int] = {}
    for n, item in enumerate(coded):
        found = _governor(item.trigger, by_token) if _purpose(item.trigger) else None
        head = item.trigger.head
        if (
            found is None
            and item.trigger.dep_ in LIGHT_DEPS
            and head.i not in by_token
            and _purpose(head)
        ):
            # The purpose's act is named by the object of an uncoded verb: "blocked roads to
            # press their demands", "sent troops to launch an offensive".
            found = _governor(head, by_token)
        if found is None:
            found = _demanded_by_protest(item.trigger, coded, by_token)
        if found is None:
            found = _stance(item.trigger, coded, by_token)
        if found is not None and found != n:
            home[n] = found
    out = list(coded)
    for n in sorted(home):
        root, seen = home[n], {n}
        while root in home and root not in seen:
            seen.add(root)
            root = home[root]
        if root in seen:
            del home[n]  # a cycle: keep the event
            continue
        act, content = out[root].event, coded[n].event
        # A protest or a demand is aimed at whom it asks to act: the doer of the act it
        # demands ("a protest demanding that authorities release a student": the
        # authorities; "reiterated its demand that Israel ease restrictions": Israel).
        aimed = content.target
        if (
            act.plover in ASKING
            and content.plover not in ASKING
            and content.source is not None
            and (act.source is None or content.source.text != act.source.text)
        ):
            aimed = content.source
        if act.target is None and aimed is not None:
            out[root] = replace(out[root], event=replace(act, target=aimed))
    return [c for n, c in enumerate(out) if n not in home]
