"""Calendar arithmetic in TIMEX3 terms: shift an anchor date, write values at a granularity."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

Tense = Literal["past", "present", "future"] | None

# TIMEX3 granularities: year, month, day, ISO week, quarter, decade, century.
Granularity = Literal["Y", "M", "D", "W", "Q", "DE", "CE"]


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(day: date, unit: str, n: int) -> date:
    """``day`` moved by ``n`` units (Y, M, W, D, Q, DE, CE)."""
    if unit == "D":
        return day + timedelta(days=n)
    if unit == "W":
        return day + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit]
    return add_months(day, n * months)


def fmt(day: date, granularity: str) -> str:
    """``day`` written at ``granularity`` ("2024-W27", "2024-Q3", "202" for the 2020s)."""
    if granularity == "D":
        return day.isoformat()
    if granularity == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "W":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if granularity == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "DE":
        return f"{day.year // 10:03d}"
    if granularity == "CE":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def weekday_date(anchor: date, weekday: int, tense: Tense) -> date:
    """The ``weekday`` (ISO 1-7) a clause in ``tense`` means, in a story dated ``anchor``.

    Past: the latest such day up to the anchor ("said Friday"); future: the next one from the
    anchor ("will hold talks on Tuesday"); otherwise the nearest, past winning a tie.
    """
    back = (anchor.isoweekday() - weekday) % 7
    forward = (weekday - anchor.isoweekday()) % 7
    if tense == "past":
        return anchor - timedelta(days=back)
    if tense == "future":
        return anchor + timedelta(days=forward)
    # News mostly reports what has happened: the day ahead wins only when clearly nearer.
    return anchor + timedelta(days=forward) if forward + 1 < back else anchor - timedelta(days=back)


def month_year(anchor: date, month: int, tense: Tense, day: int | None = None) -> int:
    """The year of a month (and day) named without one, by tense, else the nearest."""
    here = (anchor.month, anchor.day if day is not None else 0)
    there = (month, day or 0)
    # Tense decides only within nine months; farther than that the parse is the likelier
    # error ("the offer expires Dec. 1" read off a past-tense "said").
    if tense == "past":
        year = anchor.year if there <= here else anchor.year - 1
        if (anchor - date(year, month, min(day or 1, 28))).days <= 270:
            return year
    if tense == "future":
        year = anchor.year if there >= here else anchor.year + 1
        if (date(year, month, min(day or 28, 28)) - anchor).days <= 270:
            return year

    def gap(year: int) -> int:
        target = date(year, month, min(day or 15, calendar.monthrange(year, month)[1]))
        return abs((target - anchor).days)

    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=gap)


def year_of_weekday(anchor: date, month: int, day: int, weekday: int) -> int | None:
    """The year near ``anchor`` when ``month``/``day`` is a ``weekday`` ("Monday, Oct. 26")."""
    for year in (anchor.year, anchor.year + 1, anchor.year - 1):
        try:
            if date(year, month, day).isoweekday() == weekday:
                return year
        except ValueError:
            return None
    return None


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def season_year(anchor: date, season: str, relation: str | None) -> int:
    """The year of "last fall" / "this spring" / "next winter" in a story dated ``anchor``."""
    # Where each season sits in the year (month it starts); winter starts in December.
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
    current = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}
    now = current.get(anchor.month, "FA")
    year = anchor.year - 1 if season == "WI" and anchor.month <= 2 else anchor.year
    if relation == "last":
        if season == now or start > anchor.month:
            year -= 1
    elif relation == "next" and (season == now or start <= anchor.month):
        year += 1
    return year


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` ``weekday`` (ISO 1-7) of a month; ``nth`` -1 is the last one."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)
