"""What an act is for is part of the act: "staged demonstrations to demand reforms" is one
PROTEST, "agreed to cooperate" one AGREE, "offered troops to help him" one offer.

An infinitive that states the purpose or content of another coded event in its sentence
(``to`` + verb hanging off that event's trigger, or off the light verb of its noun: "staged
demonstrations to demand") is not coded as an event of its own: PLOVER codes the act that
happened, and the purpose has not happened. What the purpose names is kept: where the act
has no target, the purpose's target is whom the act is aimed at ("demonstrations to demand
reforms by President Suharto" -> Suharto).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from .dating import Coded

PURPOSE_DEPS = {"advcl", "xcomp", "acl"}
# A noun trigger's light verb: "staged demonstrations", "held talks".
LIGHT_DEPS = {"dobj", "attr", "nsubjpass"}


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
    return None


def fold_purposes(coded: list[Coded]) -> list[Coded]:
    """``coded`` (one sentence's events) without the events that are another's purpose."""
    by_token = {c.trigger.i: n for n, c in enumerate(coded)}
    dropped: set[int] = set()
    out = list(coded)
    for n, item in enumerate(coded):
        if not _purpose(item.trigger):
            continue
        home = _governor(item.trigger, by_token)
        if home is None or home == n or home in dropped:
            continue
        dropped.add(n)
        act = out[home].event
        if act.target is None and item.event.target is not None:
            out[home] = replace(out[home], event=replace(act, target=item.event.target))
    return [c for n, c in enumerate(out) if n not in dropped]
