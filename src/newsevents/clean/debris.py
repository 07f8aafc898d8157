"""Recognise scraper debris with the patterns in ``data/debris.tsv``.

The table is data so that analysts can review and extend it; each row says what a kind of
debris looks like, what cleaning does with it, and where it was seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ..ontology.tables import read_tsv

Action = Literal["drop", "strip", "caption", "byline", "date"]
Where = Literal["any", "head", "tail"]


@dataclass(frozen=True, slots=True)
class DebrisRule:
    kind: str
    action: Action
    where: Where
    pattern: re.Pattern[str]
    seen_in: str


@dataclass(frozen=True, slots=True)
class Match:
    rule: DebrisRule
    groups: dict[str, str]


@cache
def rules() -> tuple[DebrisRule, ...]:
    return tuple(
        DebrisRule(
            kind=row["kind"],
            action=row["action"],  # type: ignore[arg-type]
            where=row["where"],  # type: ignore[arg-type]
            pattern=re.compile(row["pattern"]),
            seen_in=row["seen_in"],
        )
        for row in read_tsv("newsevents.clean", "data/debris.tsv")
    )


def match_paragraph(paragraph: str, *, position: Where) -> Match | None:
    """The first whole-paragraph rule that applies at this position (head, tail or any)."""
    for rule in rules():
        if rule.action == "strip" or (rule.where != "any" and rule.where != position):
            continue
        found = rule.pattern.fullmatch(paragraph)
        if found:
            groups = {k: v for k, v in found.groupdict().items() if v is not None}
            return Match(rule=rule, groups=groups)
    return None


def strip_inline(paragraph: str) -> tuple[str, list[tuple[str, str]]]:
    """Remove inline debris (photo credits); return the rest and (kind, removed text) pairs."""
    removed: list[tuple[str, str]] = []
    for rule in rules():
        if rule.action != "strip":
            continue
        for found in rule.pattern.finditer(paragraph):
            removed.append((rule.kind, found.group(0).strip()))
        paragraph = rule.pattern.sub("", paragraph)
    return paragraph.strip(), removed
