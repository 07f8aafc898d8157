"""Words of temporal expressions (``data/words.tsv``), fiscal years (``data/fiscal_years.tsv``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...ontology.tables import read_tsv

_PACKAGE = "newsevents.extract.timex"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word -> value tables by kind, and regex alternations ready to build patterns from."""

    words: dict[str, dict[str, str]]

    def table(self, kind: str) -> dict[str, str]:
        return self.words.get(kind, {})

    def alternation(self, kind: str) -> str:
        """A regex alternation of the ``kind`` words, longest first, abbreviations dot-optional."""
        forms = sorted(self.table(kind), key=len, reverse=True)
        return "|".join(_form(word, kind) for word in forms)


def _form(word: str, kind: str) -> str:
    escaped = re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]")
    # Month and weekday abbreviations are written with or without a dot ("Sept." / "Sept").
    if kind in {"month", "weekday"} and len(word) <= 4:
        return escaped + r"\.?"
    return escaped


@cache
def lexicon() -> Lexicon:
    words: dict[str, dict[str, str]] = {}
    for row in read_tsv(_PACKAGE, "data/words.tsv"):
        words.setdefault(row["kind"], {})[row["word"]] = row["value"]
    return Lexicon(words=words)


@cache
def fiscal_starts() -> dict[str, int]:
    """Country (alpha-3) -> month its government fiscal year starts, for non-calendar years."""
    return {
        row["country"]: int(row["start_month"])
        for row in read_tsv(_PACKAGE, "data/fiscal_years.tsv")
    }


def number(text: str) -> int | None:
    """The value of a number written in digits or words ("24", "twenty four", "a couple of");
    None for vague quantities ("several")."""
    text = " ".join(text.lower().replace("-", " ").split())
    if text.replace(",", "").isdigit():
        return int(text.replace(",", ""))
    table = lexicon().table("number")
    if text in table:
        value = table[text]
        return None if value == "X" else int(value)
    parts = text.split()
    if len(parts) > 1 and parts[0] in {"a", "an"}:
        parts = parts[1:]
    total = 0
    for part in parts:
        word_value = table.get(part)
        if word_value is None or word_value == "X":
            return None
        if word_value == "100":
            total = (total or 1) * 100
        else:
            total += int(word_value)
    return total or None
