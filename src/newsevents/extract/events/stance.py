"""The stance an actor takes on an act that has not happened: PLOVER codes the promise, the
threat or the refusal, not the act.

- A cooperative act still to come is AGREE ("will hold talks on Tuesday": 036 express intent
  to meet).
- A concession or de-escalation still to come keeps its type ("will release the journalists"):
  PLOVER's CONCEDE includes promised easing and announced, not yet carried out, ceasefires
  and withdrawals. Where the classifier reads it as a promise (AGREE), CAMEO's "express intent
  to yield" names which (035x).
- A hostile act an actor says it will or would carry out is THREATEN ("will begin a military
  operation against Kurdish fighters": 1384; "would boycott all official contact": 1312).
- A cooperative act or concession an actor says it will not carry out is REJECT ("will not end
  the strike until ...": 1242; "will not accept any more refugees": 1223). A negation that
  only reports what did not happen ("did not attend", "has avoided condemning") is no refusal:
  the act keeps its own type and the record says it is negated.
- An act a speaker says another must or should carry out is REQUEST, by the speaker ("Russia
  said Sudan must return the helicopter": 1053 demand release of persons or property), whatever
  the act's own type; a demand not to carry out a hostile act asks for de-escalation (1056).
- A hostile act an actor promises not to carry out is AGREE, a promise of restraint ("vowed not
  to attack the town": 0356 express intent to de-escalate military engagement), never the
  threat or the attack that the words "vow" and "attack" would otherwise be read as; a
  cooperative one is a refusal ("promised not to meet the rebels": REJECT).

The CAMEO code for each comes from ``data/stance_codes.tsv``, by the act's own code where it
says more than its type (the longest code prefix listed), else by its PLOVER type.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from ...ontology.plover import plover_for
from ...ontology.tables import read_tsv
from ...types import Modality
from .arguments import abstract
from .lexicon import match_noun, match_verb
from .modality import Reading, intent_cues, subject

PACKAGE = "newsevents.extract.events"
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
HOSTILE = {"SANCTION", "PROTEST", "COERCE", "MOBILIZE", "ASSAULT"}
YIELDING = {"CONCEDE", "RETREAT"}
GENERIC_THREAT = "130"
DEMAND = "100"
# CAMEO 087 de-escalate military engagement: what a demand not to attack asks for.
DE_ESCALATE = "087"
# Verbs of promising: with a negated complement ("vowed not to attack") they promise restraint.
PROMISES = frozenset({"promise", "pledge", "vow", "swear", "commit", "guarantee", "assure"})
# Verbs of threatening: their complement says what with ("threatened to strike": 133).
THREATS = frozenset({"threaten", "warn", "vow", "pledge", "promise", "swear"})


@dataclass(frozen=True, slots=True)
class Stance:
    plover: str
    code: str
    modality: Modality


@cache
def _codes() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for row in read_tsv(PACKAGE, "data/stance_codes.tsv"):
        table.setdefault(row["stance"], {})[row["act"]] = row["code"]
    return table


def stance_code(stance: str, act_type: str, act_code: str | None) -> str | None:
    """The CAMEO code for taking ``stance`` on an act of ``act_type`` (CAMEO ``act_code``)."""
    codes = _codes().get(stance, {})
    if act_code:
        for n in range(len(act_code), 1, -1):
            if act_code[:n] in codes:
                return codes[act_code[:n]]
    return codes.get(act_type)


def _intends(trigger: Token, cue: str) -> bool:
    """Whether intent cue ``cue`` states what the doer of ``trigger`` means to do: an
    auxiliary does ("Iran will attack"), and so does a governing verb whose subject is the
    doer's ("Iran vowed to attack", "Iran warned it would attack"); a governor with another
    subject speaks of someone else's act ("officials warned Iran may attack")."""
    node = trigger
    for _ in range(6):
        if node.head.i == node.i:
            return True  # no governor: the cue is the trigger's own
        node = node.head
        if node.lemma_.lower() != cue:
            continue
        doer, speaker = subject(trigger), subject(node)
        if doer is None or speaker is None or doer.pos_ == "PRON":
            return True
        return doer.lower_ == speaker.lower_
    return True


def forgone(trigger: Token) -> Token | None:
    """The act a promise verb says will not be done ("vowed not to attack": attack)."""
    if trigger.lemma_.lower() not in PROMISES:
        return None
    for child in trigger.children:
        if (
            child.dep_ in {"xcomp", "ccomp"}
            and child.pos_ in {"VERB", "AUX"}
            and any(c.dep_ == "neg" for c in child.children)
        ):
            return child
    return None


def _infinitive(verb: Token) -> bool:
    """A "to" infinitive with no subject of its own."""
    return any(c.tag_ == "TO" for c in verb.children) and not any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children
    )


def threatened(trigger: Token) -> tuple[str, str] | None:
    """The hostile act a threat verb names in its complement as its own, as (PLOVER type,
    CAMEO code): "threatened to strike" (143), "warned it would impose sanctions" (163); not
    another's act ("warned that Iran may attack")."""
    if trigger.lemma_.lower() not in THREATS:
        return None
    cue = trigger.lemma_.lower()
    for child in trigger.children:
        if child.pos_ != "VERB" or not (
            child.dep_ in {"xcomp", "ccomp"} or (child.dep_ == "advcl" and _infinitive(child))
        ):
            continue  # the parser makes some infinitives adverbial: "have sworn to fight"
        if not _intends(child, cue):
            continue
        sub = match_verb(child)
        if sub is None or not sub.code:
            continue
        if any(c.dep_ == "dobj" and abstract(c) and match_noun(c) is None for c in child.children):
            continue  # "vowed to fight corruption" threatens nobody
        mapping = plover_for(sub.code)
        if mapping is not None and mapping.type in HOSTILE:
            return mapping.type, sub.code
    return None


def requested(act_type: str, act_code: str | None, *, negated: bool) -> Stance:
    """The demand that another carry out an act of ``act_type`` (CAMEO ``act_code``), or,
    ``negated``, that it not ("must not attack": de-escalate)."""
    if negated:
        if act_type not in HOSTILE:
            return Stance("REQUEST", DEMAND, "asserted")
        act_type, act_code = "RETREAT", DE_ESCALATE
    mapping = plover_for(act_code) if act_code else None
    own = act_code if mapping is not None and mapping.type == act_type else None
    return Stance("REQUEST", stance_code("REQUEST", act_type, own) or DEMAND, "asserted")


def _restraint(act_type: str, act_code: str | None) -> Stance | None:
    """The promise not to carry out an act of ``act_type`` (CAMEO ``act_code``): restraint
    (AGREE) for a hostile act, a refusal (REJECT) for a cooperative one whose code is known
    ("promised not to meet the rebels")."""
    mapping = plover_for(act_code) if act_code else None
    own = act_code if mapping is not None and mapping.type == act_type else None
    if act_type in HOSTILE:
        stance = "AGREE"
    elif act_type in COOPERATIVE and own is not None:
        stance = "REJECT"
    else:
        return None
    found = stance_code(stance, act_type, own)
    return Stance(stance, found, "asserted") if found else None


def _active(trigger: Token) -> bool:
    return not any(c.dep_ in {"auxpass", "nsubjpass"} for c in trigger.children)


def stance(
    plover_type: str,
    act: str | None,
    act_code: str | None,
    reading: Reading,
    trigger: Token,
) -> Stance | None:
    """The stance coded for the act at ``trigger``, given how the text frames it
    (``reading``); None when the act is coded as itself. ``plover_type`` is the classifier's
    type, ``act``/``act_code`` the dictionary's type and code for the trigger: the dictionary
    names the act where the classifier already names a stance ("will boycott": AGREE by the
    classifier, SANCTION 163 by the dictionary, a THREATEN 1312 in all)."""

    def code_for(kind: str) -> str | None:
        return act_code if kind == act else None

    promised = forgone(trigger)
    if promised is not None:
        # The promise carries the event; its act is known by the dictionary's code for the
        # complement, else by what the classifier read the promise as ("pledged not to use
        # force": MOBILIZE).
        sub = match_verb(promised)
        code = sub.code if sub is not None else None
        mapping = plover_for(code) if code else None
        if mapping is not None and mapping.type:
            return _restraint(mapping.type, code)
        return _restraint(plover_type, None) if plover_type in HOSTILE else None
    if act != "THREATEN" or act_code in {None, GENERIC_THREAT}:
        # A verb of threatening or vowing is a threat of the hostile act its complement names
        # as the speaker's own, whatever the classifier read ("Hamas pledged to continue its
        # attacks": no attack by the pledge); the act says which threat, unless the verb's own
        # pattern already names one ("threatened sanctions": 1312).
        named = threatened(trigger)
        if named is not None:
            found = stance_code("THREATEN", *named)
            if found:
                return Stance("THREATEN", found, reading.modality)
    intended = any(_intends(trigger, cue) for cue in reading.cues if cue in intent_cues())
    if reading.modality == "negated":
        if trigger.dep_ in {"xcomp", "ccomp"} and forgone(trigger.head) is not None:
            # "The union vowed not to strike", where the promise verb is no candidate.
            return _restraint(act or plover_type, act_code)
        # The dictionary names the act refused where it knows one: "will not attack" is no
        # refusal to cooperate, whatever the classifier reads.
        own = act or plover_type
        if intended and own in COOPERATIVE and _active(trigger):
            found = stance_code("REJECT", own, code_for(own))
            return Stance("REJECT", found, "asserted") if found else None
        return None
    if plover_type == "THREATEN" and act in HOSTILE and act_code and not intended:
        # A threat is the threatener's own word ("vowed to attack"); an attack others
        # speculate about ("Iran may attack shipping, officials warned") is that attack, as
        # uncertain as the text says.
        return Stance(act, act_code, reading.modality)
    if reading.modality not in {"planned", "hypothetical"}:
        return None
    if reading.cues == ("to",) and trigger.head.pos_ in {"NOUN", "PROPN"}:
        # What a thing is for ("funding to fight the epidemic", "a team of experts to
        # investigate") is nobody's promise: the act keeps its type, still to come.
        return None
    own = plover_type
    if (plover_type == "AGREE" and act in (COOPERATIVE | HOSTILE) - {"AGREE"}) or (
        plover_type == "THREATEN" and act in HOSTILE
    ):
        own = act
    if own in YIELDING and plover_type != "AGREE":
        return None  # a promised concession is one (PLOVER CONCEDE: "promised easing")
    if own in COOPERATIVE and own != "AGREE" and reading.modality == "planned":
        found = stance_code("AGREE", own, code_for(own))
        return Stance("AGREE", found, reading.modality) if found else None
    if own in HOSTILE and intended and _active(trigger):
        found = stance_code("THREATEN", own, code_for(own))
        return Stance("THREATEN", found, reading.modality) if found else None
    return None
