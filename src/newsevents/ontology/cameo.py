"""CAMEO event codes with their labels, Goldstein values and QuadClass (``data/cameo_codes.tsv``).

Codes are strings that keep their leading zeros (``"010"``, ``"0811"``); the root is the first two
digits. The table comes from ``shared/ontology`` through ``scripts/build_ontology.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .tables import read_tsv

PACKAGE = "newsevents.ontology"


@dataclass(frozen=True, slots=True, kw_only=True)
class CameoCode:
    code: str
    label: str
    # None for the five manual codes GDELT never scored (155, 176, 1834, 1951, 1952).
    goldstein: float | None
    quad_class: int
    root: str
    base_code: str
    level: int  # 1 root, 2 base, 3 sub-code


@cache
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO code -> its entry."""
    return {
        row["code"]: CameoCode(
            code=row["code"],
            label=row["label"],
            goldstein=float(row["goldstein"]) if row["goldstein"] else None,
            quad_class=int(row["quad_class"]),
            root=row["root"],
            base_code=row["base_code"],
            level=int(row["level"]),
        )
        for row in read_tsv(PACKAGE, "data/cameo_codes.tsv")
    }


def cameo(code: str) -> CameoCode | None:
    """The entry for ``code``, or None when CAMEO has no such code."""
    return cameo_codes().get(code)


def root_of(code: str) -> str:
    """``"1712"`` -> ``"17"``."""
    return code[:2]


def goldstein(code: str) -> float | None:
    """The Goldstein value of ``code``; unscored sub-codes fall back to their base code's value."""
    entry = cameo(code)
    while entry is not None and entry.goldstein is None and entry.code != entry.root:
        entry = cameo(entry.base_code if entry.base_code != entry.code else entry.root)
    return entry.goldstein if entry else None
