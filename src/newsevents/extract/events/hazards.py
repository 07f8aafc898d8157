"""Natural hazards, diseases and accidents as doers: the sign of a disaster, not an event.

"Floods hit Japan" and "the virus has killed six people" have the grammar of an attack and no
attacker; the event coder drops a candidate whose source is one of these nouns
(``data/hazards.tsv``).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ...ontology.tables import read_tsv

PACKAGE = "newsevents.extract.events"


@cache
def hazards() -> frozenset[str]:
    return frozenset(row["lemma"] for row in read_tsv(PACKAGE, "data/hazards.tsv"))


def hazard(token: Token) -> bool:
    """A common noun naming a natural force, a disease or an accident."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.ent_type_ in {"PERSON", "ORG", "NORP"}:
        return False
    return token.lemma_.lower() in hazards() or token.lower_ in hazards()
