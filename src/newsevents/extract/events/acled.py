"""ACLED's category for an event: the CAMEO code's, refined by the means and the victims.

``ontology.plover.acled_for`` maps a CAMEO code to ACLED's event and sub-event type where the
code alone decides it. ACLED files political violence by how it is done and to whom, which the
CAMEO code often leaves open ("use conventional military force" is ACLED's armed clash between
armed groups, its attack on civilians, or an air strike): an ASSAULT event whose sentence names
a weapon (``ontology/data/acled_weapons.tsv``) takes that weapon's "Explosions/Remote violence"
sub-event type, and one whose target is civilians (agent sector CVL) with no such weapon is
"Violence against civilians: Attack".
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from ...ontology.agents import agent
from ...ontology.plover import acled_for
from ...ontology.tables import read_tsv

REMOTE = "Explosions/Remote violence"
CIVILIANS = "Violence against civilians"
# Sub-event types a CAMEO code names on its own (a sexual assault, an abduction): kept as coded.
SPECIFIC = {"Sexual violence", "Abduction/forced disappearance"}
REFINED = {"Battles", REMOTE, CIVILIANS}
CIVILIAN_SECTOR = "CVL"


@cache
def weapons() -> dict[tuple[str, ...], tuple[int, str]]:
    """Lemma sequence -> (rank, sub-event type)."""
    rows = read_tsv("newsevents.ontology", "data/acled_weapons.tsv")
    return {tuple(r["phrase"].split()): (int(r["rank"]), r["sub_event_type"]) for r in rows}


@cache
def _longest() -> int:
    return max(len(k) for k in weapons())


def weapon(sentence: Span) -> str | None:
    """The sub-event type of the weapon a sentence names, the lowest rank where several."""
    lemmas = [t.lemma_.lower() for t in sentence]
    table = weapons()
    best: tuple[int, str] | None = None
    for start in range(len(lemmas)):
        for size in range(min(_longest(), len(lemmas) - start), 0, -1):
            found = table.get(tuple(lemmas[start : start + size]))
            if found is not None:
                best = found if best is None or found[0] < best[0] else best
                break
    return best[1] if best else None


def civilian(target: Token | None, sector: str | None) -> bool:
    if sector == CIVILIAN_SECTOR:
        return True
    if target is None:
        return False
    entry = agent(target.lemma_.lower()) or agent(target.lower_)
    return entry is not None and entry.sector == CIVILIAN_SECTOR


def category(
    code: str,
    plover_type: str,
    trigger: Token,
    target: Token | None = None,
    target_sector: str | None = None,
) -> dict[str, str] | None:
    """ACLED ``event_type``/``sub_event_type`` of an event, or None where none fits."""
    found = acled_for(code, plover_type)
    if found is None or plover_type != "ASSAULT":
        return found
    if found["event_type"] not in REFINED or found["sub_event_type"] in SPECIFIC:
        return found
    means = weapon(trigger.sent)
    if means is not None:
        return {"event_type": REMOTE, "sub_event_type": means}
    if civilian(target, target_sector):
        return {"event_type": CIVILIANS, "sub_event_type": "Attack"}
    return found
