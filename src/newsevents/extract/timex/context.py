"""What a resolution may look at, and what it gives back (``resolve.py``, ``periods.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from .calendar import Tense

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class Context:
    """What a resolution may look at besides the words."""

    anchor: date | None
    tense: Tense
    # The most recent quarter the article named (year, quarter): "the quarter", "a year earlier"
    # in earnings stories refer to it.
    quarter: tuple[int, int] | None = None
    # Countries named near the expression (alpha-3), nearest first, for fiscal years.
    countries: tuple[str, ...] = ()
    # The text just before the expression (a few words), for rates such as "$5 a year".
    before: str = ""
    # The last date the article gave explicitly (a year or a month), for "that year",
    # "the following month".
    reference: date | None = None
    reference_granularity: str | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    type: TimexType
    value: str | None
    relative: bool = True
    range_start: str | None = None
    range_end: str | None = None
    quarter: tuple[int, int] | None = None
    anchor_note: str | None = None
