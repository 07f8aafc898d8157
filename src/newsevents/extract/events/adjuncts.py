"""An act told twice in one clause is one act: "demonstrators rioted following a demonstration
calling for Mubarak's removal", "youths threw stones during demonstrations against the army".

A noun event with no doer of its own (none, or the one it borrows from the verb's clause) that
sits in a prepositional adjunct of a verb event of the same PLOVER type is the same happening
seen from the side: the verb names who did it, the noun often whom it was aimed at. It is
folded into the verb's event, which takes its target where it has none. Different types stay
apart: in "police fired tear gas during a demonstration" the police did not demonstrate. The
verb's type must be one its word can name (the dictionary's, where it codes the word): the
classifier reads the whole sentence, and a demonstration nearby can make it call the firing a
protest.
"""

from __future__ import annotations

from dataclasses import replace

from ...types import EventActor
from .dating import Coded


def fold_adjuncts(coded: list[Coded]) -> list[Coded]:
    """``coded`` (one sentence's events) with each noun event that has no doer of its own, in
    an adjunct of a verb event of its own type, folded into that event."""
    by_token = {c.trigger.i: n for n, c in enumerate(coded)}
    out = list(coded)
    folded: set[int] = set()
    for n, item in enumerate(coded):
        trigger, event = item.trigger, item.event
        if trigger.pos_ != "NOUN":
            continue
        prep = trigger.head
        # "during demonstrations"; "following a demonstration" (a participle taking an object)
        if trigger.dep_ not in {"pobj", "dobj"} or prep.dep_ != "prep":
            continue
        home = by_token.get(prep.head.i)
        if home is None or home in folded or prep.head.pos_ != "VERB":
            continue
        act = out[home].event
        if act.plover != event.plover or act.modality != event.modality or act.source is None:
            continue
        if event.source is not None and _span(event.source) != _span(act.source):
            continue
        if out[home].backed not in {None, act.plover}:
            continue
        if act.target is None and event.target is not None:
            out[home] = replace(out[home], event=replace(act, target=event.target))
        folded.add(n)
    return [c for n, c in enumerate(out) if n not in folded]


def _span(actor: EventActor) -> tuple[int | None, int | None]:
    return actor.start, actor.end
