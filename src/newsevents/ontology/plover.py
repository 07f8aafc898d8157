"""PLOVER Draft 2.0 event types and modes, CAMEO -> PLOVER, and the ACLED categories.

Data files (built by ``scripts/build_ontology.py`` except ``acled.tsv`` and
``cameo_plover_draft2.tsv``, which are compiled by hand): ``plover_types.tsv``,
``plover_modes.tsv``, ``cameo_plover.tsv`` (with the sub-code exceptions such as 163 embargo ->
COERCE under SANCTION's 16), ``cameo_plover_draft2.tsv`` (codes Draft 2.0 moved to another
type), ``acled.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .cameo import cameo
from .tables import read_tsv

PACKAGE = "newsevents.ontology"


@dataclass(frozen=True, slots=True, kw_only=True)
class PloverType:
    name: str
    quad_class: int
    score: float
    requires_recipient: bool
    cameo_roots: str
    former_names: str
    definition: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PloverMapping:
    """What a CAMEO code means in PLOVER. ``type`` is None for statements and appeals (01/02)
    and for the bare root 08, which PLOVER splits into CONCEDE and RETREAT."""

    cameo: str
    type: str | None
    mode: str | None
    context: str | None
    exception: bool


@cache
def plover_types() -> dict[str, PloverType]:
    return {
        row["type"]: PloverType(
            name=row["type"],
            quad_class=int(row["quad_class"]),
            score=float(row["score"]),
            requires_recipient=row["requires_recipient"] == "yes",
            cameo_roots=row["cameo_roots"],
            former_names=row["former_names"],
            definition=row["definition"],
        )
        for row in read_tsv(PACKAGE, "data/plover_types.tsv")
    }


@cache
def plover_modes() -> dict[str, dict[str, float | None]]:
    """Type -> mode -> PLOVER score (None where the manual gives none)."""
    modes: dict[str, dict[str, float | None]] = {}
    for row in read_tsv(PACKAGE, "data/plover_modes.tsv"):
        modes.setdefault(row["type"], {})[row["mode"]] = (
            float(row["score"]) if row["score"] else None
        )
    return modes


@cache
def cameo_to_plover() -> dict[str, PloverMapping]:
    """Every CAMEO code -> its PLOVER mapping: the CAMEO2PLOVER table, with the codes Draft
    2.0 moved to another type (``cameo_plover_draft2.tsv``) as sub-code exceptions."""
    table = {
        row["cameo_code"]: PloverMapping(
            cameo=row["cameo_code"],
            type=row["plover_type"] or None,
            mode=row["mode"] or None,
            context=row["context"] or None,
            exception=row["exception"] == "yes",
        )
        for row in read_tsv(PACKAGE, "data/cameo_plover.tsv")
    }
    for row in read_tsv(PACKAGE, "data/cameo_plover_draft2.tsv"):
        old = table.get(row["cameo_code"])
        table[row["cameo_code"]] = PloverMapping(
            cameo=row["cameo_code"],
            type=row["plover_type"],
            mode=row["mode"] or None,
            context=old.context if old else None,
            exception=True,
        )
    return table


def plover_for(code: str) -> PloverMapping | None:
    """The PLOVER mapping of ``code``, falling back to its base code then its root.

    Sub-code exceptions win because the code itself is looked up first: ``plover_for("163")``
    is COERCE although root 16 is SANCTION.
    """
    table = cameo_to_plover()
    entry = cameo(code)
    for candidate in (code, entry.base_code if entry else code[:3], code[:2]):
        if candidate in table:
            return table[candidate]
    return None


@cache
def _acled() -> dict[str, tuple[str, str, str]]:
    return {
        row["cameo"]: (row["plover_type"], row["event_type"], row["sub_event_type"])
        for row in read_tsv(PACKAGE, "data/acled.tsv")
    }


def acled_for(code: str, plover_type: str | None) -> dict[str, str] | None:
    """ACLED ``event_type``/``sub_event_type`` for an ASSAULT, PROTEST or COERCE event coded
    ``code``: the longest CAMEO prefix in ``acled.tsv`` whose PLOVER type agrees, else None."""
    if plover_type not in {"ASSAULT", "PROTEST", "COERCE"}:
        return None
    table = _acled()
    for length in (4, 3, 2):
        row = table.get(code[:length]) if len(code) >= length else None
        if row is not None:
            if row[0] != plover_type:
                return None
            return {"event_type": row[1], "sub_event_type": row[2]}
    return None
