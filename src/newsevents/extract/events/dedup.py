"""One event per distinct happening: repeated mentions merge, the extra ones kept as evidence.

Two events are the same happening when they share the CAMEO root, the dyad (actor ids where
known, else the head words; either order for symmetric types such as CONSULT), the date and
the modality. The first mention stays the record; later ones become its ``mentions``. A later
mention that adds nothing of its own (no date, no counterpart) joins the dated happening of the
same actor and code it can only be.
"""

from __future__ import annotations

from dataclasses import replace

from ...types import Event, EventActor

# Types where "X and Y" doing it together do it to each other ("X and Y signed a treaty").
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT"}


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


def _compatible(a: EventActor | None, b: EventActor | None) -> bool:
    if a is None or b is None:
        return True
    # "Russia" and "the Kremlin" are different actors of one state: a retelling may name either.
    if a.country and b.country:
        return a.country == b.country
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id
    return a.text.lower() == b.text.lower()


def _fold(event: Event, into: Event) -> Event:
    return replace(
        into,
        mentions=(*into.mentions, event.evidence, *event.mentions),
        confidence=max(into.confidence, event.confidence),
    )


def date_undated(events: list[Event]) -> list[Event]:
    """An undated retelling of a dated happening joins it: "since Moscow sent troops into
    Ukraine" and, later, "the Kremlin sent troops into Ukraine in February 2022" are one event
    because the text repeats the same code, act and target (issue 4: background events keep
    their own dates, taken only where the text links them)."""
    out = list(events)
    absorbed: set[int] = set()
    for i, event in enumerate(out):
        if event.date_precision != "unknown" or event.target is None:
            continue
        for j, home in enumerate(out):
            if (
                j != i
                and j not in absorbed
                and home.date_precision not in {"unknown", "day"}
                and home.cameo == event.cameo
                and home.modality == event.modality
                and _party(home.target) == _party(event.target)
                and _compatible(home.source, event.source)
            ):
                out[j] = _fold(event, home)
                absorbed.add(i)
                break
    return [e for k, e in enumerate(out) if k not in absorbed]


def fold_partial(events: list[Event]) -> list[Event]:
    """A later mention that names fewer parties joins the dated happening it repeats: "talks
    at the Kremlin on Tuesday" between Modi and Putin, then "Modi ... was looking forward to
    Tuesday's talks", are one planned event. Same code, date and modality, one party in
    common, and no party the first mention does not have ("traveled to Russia" and "met with
    Putin" stay two events)."""
    out: list[Event] = []
    for event in events:
        for n, home in enumerate(out):
            if (
                event.date is not None
                and home.date == event.date
                and home.cameo == event.cameo
                and home.modality == event.modality
                and _shares_party(home, event)
                and _within(event.source, home.source)
                and _within(event.target, home.target)
            ):
                out[n] = _fold(event, home)
                break
        else:
            out.append(event)
    return out


def _within(party: EventActor | None, home: EventActor | None) -> bool:
    """``party`` adds nothing to ``home``: missing, or the same actor."""
    return party is None or (home is not None and _party(party) == _party(home))


def _shares_party(a: Event, b: Event) -> bool:
    pairs = ((a.source, b.source), (a.target, b.target))
    return any(_party(x) and _party(x) == _party(y) for x, y in pairs)


def fold_bare(events: list[Event]) -> list[Event]:
    """An undated mention with no target joins the first dated event of the same actor, code
    and modality: "Modi's trip could help the Russian leader", after "Modi was in Moscow on
    a two-day visit", is that visit again. With nothing of its own (no day, no counterpart)
    it cannot be told apart from the happening the text has already dated."""
    out: list[Event] = []
    for event in events:
        source = event.source.actor_id if event.source is not None else None
        if event.date is None and event.target is None and source:
            home = next(
                (
                    n
                    for n, e in enumerate(out)
                    if e.date is not None
                    and e.cameo == event.cameo
                    and e.modality == event.modality
                    and e.source is not None
                    and e.source.actor_id == source
                ),
                None,
            )
            if home is not None:
                out[home] = _fold(event, out[home])
                continue
        out.append(event)
    return out


def merge(events: list[Event]) -> list[Event]:
    """``events`` (in text order) with repeated mentions folded into their first mention."""
    kept: dict[tuple[str, ...], Event] = {}
    for event in events:
        k = key(event)
        first = kept.get(k)
        if first is None:
            kept[k] = event
            continue
        kept[k] = _fold(event, first)
    return fold_bare(date_undated(fold_partial(list(kept.values()))))
