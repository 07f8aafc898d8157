"""The word lists quantity extraction reads, loaded once from the package's data files."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..ontology.tables import read_tsv

_DATA = "newsevents.extract.data"


@dataclass(frozen=True, slots=True, kw_only=True)
class NumberWord:
    value: float
    kind: str  # unit, tens, scale, vague, fraction


@dataclass(frozen=True, slots=True, kw_only=True)
class QuantityLexicons:
    numbers: dict[str, NumberWord]
    # Currency form (lower case) -> ISO 4217 code, for forms before and after the number.
    currency_before: dict[str, str]
    currency_after: dict[str, str]
    # Unit form (lower case, words separated by one space) -> (unit, kind).
    units: dict[str, tuple[str, str]]
    # Comparator phrase (lower case) -> comparator, before and after the number.
    comparators_before: dict[str, str]
    comparators_after: dict[str, str]
    # Noun or verb form (lower case) -> role: person, casualty, arrest, time.
    nouns: dict[str, str]

    @property
    def longest_unit(self) -> int:
        return max(len(form.split()) for form in self.units)

    @property
    def longest_comparator(self) -> int:
        return max(len(p.split()) for p in (*self.comparators_before, *self.comparators_after))


@cache
def quantity_lexicons() -> QuantityLexicons:
    currencies = read_tsv(_DATA, "quantity_currencies.tsv")
    comparators = read_tsv(_DATA, "quantity_comparators.tsv")
    return QuantityLexicons(
        numbers={
            r["word"]: NumberWord(value=float(r["value"]), kind=r["kind"])
            for r in read_tsv(_DATA, "quantity_numbers.tsv")
        },
        currency_before={r["form"]: r["code"] for r in currencies if r["position"] == "before"},
        currency_after={r["form"]: r["code"] for r in currencies if r["position"] == "after"},
        units={r["form"]: (r["unit"], r["kind"]) for r in read_tsv(_DATA, "quantity_units.tsv")},
        comparators_before={
            r["phrase"]: r["comparator"] for r in comparators if r["position"] == "before"
        },
        comparators_after={
            r["phrase"]: r["comparator"] for r in comparators if r["position"] == "after"
        },
        nouns={r["word"]: r["role"] for r in read_tsv(_DATA, "quantity_nouns.tsv")},
    )
