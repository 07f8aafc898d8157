"""One event per distinct happening: repeated mentions merge, the extra ones kept as evidence.

Two events are the same happening when they share the CAMEO root, the dyad (actor ids where
known, else the head words; either order for symmetric types such as CONSULT), the date and
the modality. The first mention stays the record; later ones become its ``mentions``.
"""

from __future__ import annotations

from dataclasses import replace

from ...types import Event, EventActor

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}


def _party(actor: EventActor | None) -> str:
    if actor is None:
        return ""
    return actor.actor_id or actor.text.lower()


def key(event: Event) -> tuple[str, ...]:
    dyad = [_party(event.source), _party(event.target)]
    if event.plover in SYMMETRIC:
        dyad.sort()
    # With neither party known, only the same trigger word says it is the same happening.
    anchor = "" if any(dyad) else event.trigger.text.lower()
    return (event.cameo_root, *dyad, anchor, event.date or "", event.modality)


def merge(events: list[Event]) -> list[Event]:
    """``events`` (in text order) with repeated mentions folded into their first mention."""
    kept: dict[tuple[str, ...], Event] = {}
    for event in events:
        k = key(event)
        first = kept.get(k)
        if first is None:
            kept[k] = event
            continue
        kept[k] = replace(
            first,
            mentions=(*first.mentions, event.evidence, *event.mentions),
            confidence=max(first.confidence, event.confidence),
        )
    return list(kept.values())
