"""Turn a matched temporal expression into a TIMEX3 type and value.

Relative expressions need an anchor (the publication date); without one they keep their type
and a null value instead of a guess. The clause's tense picks the direction of bare weekdays and
months ("said Friday" is the Friday before, "will meet Tuesday" the Tuesday after).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from .calendar import (
    Tense,
    add_months,
    fmt,
    month_year,
    quarter_of,
    season_year,
    shift,
    weekday_date,
    year_of_weekday,
)
from .grammar import Candidate
from .lexicon import fiscal_starts, lexicon, number

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


def resolve(candidate: Candidate, text: str, context: Context) -> Resolved | None:
    """The type and value of ``candidate`` (whose words are ``text``), or None if it is not one."""
    handler = _HANDLERS[candidate.rule]
    g = {k: (v.lower() if isinstance(v, str) else v) for k, v in candidate.groups.items()}
    return handler(g, text, context)


def _relative(type_: TimexType, context: Context, compute: str | None) -> Resolved:
    return Resolved(type=type_, value=compute if context.anchor else None)


def _month(word: str) -> int:
    return int(lexicon().table("month")[word.rstrip(".").lower()])


def _capitalised(text: str, word: str | None) -> bool:
    """Month and weekday names count only capitalised ("May", not the verb "may")."""
    if not word:
        return True
    found = re.search(re.escape(word), text, re.IGNORECASE)
    return found is not None and text[found.start()].isupper()


def _date_full(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    if not _capitalised(text, g.get("month")):
        return None
    month = int(g["nmonth"] or 0) if g.get("nmonth") else _month(g["month"] or "")
    day = int(g["day"] or 0)
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if g.get("year"):
        year = int(g["year"] or 0)
        year = year + (1900 if year > 40 else 2000) if year < 100 else year
        return Resolved(type="DATE", value=f"{year:04d}-{month:02d}-{day:02d}", relative=False)
    if c.anchor is None:
        return Resolved(type="DATE", value=None)
    year = month_year(c.anchor, month, c.tense, day)
    if g.get("wd"):
        weekday = int(lexicon().table("weekday")[(g["wd"] or "").rstrip(".")])
        year = year_of_weekday(c.anchor, month, day, weekday) or year
    return Resolved(type="DATE", value=f"{year:04d}-{month:02d}-{day:02d}")


def _month_rule(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    if not _capitalised(text, g["month"]):
        return None
    month = _month(g["month"] or "")
    if g.get("year"):
        return Resolved(type="DATE", value=f"{g['year']}-{month:02d}", relative=False)
    if c.anchor is None:
        return Resolved(type="DATE", value=None)
    relation = " ".join((g.get("mrel") or "").split())
    if relation in {"last", "this past"}:
        # "last April": the latest April before this month.
        year = c.anchor.year if month < c.anchor.month else c.anchor.year - 1
    elif relation == "next":
        year = c.anchor.year if month > c.anchor.month else c.anchor.year + 1
    elif relation == "this":
        year = c.anchor.year
    else:
        year = month_year(c.anchor, month, c.tense)
    return Resolved(type="DATE", value=f"{year:04d}-{month:02d}")


def _year(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    return Resolved(type="DATE", value=g["year"], relative=False)


def _decade(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    if g.get("decade"):
        return Resolved(type="DATE", value=(g["decade"] or "")[:3], relative=False)
    return Resolved(type="DATE", value="19" + (g["short"] or "")[0], relative=False)


def _century(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    return Resolved(type="DATE", value=f"{int(g['ord'] or 1) - 1:02d}", relative=False)


def _fiscal_split(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    if not g.get("pre") and not g.get("post"):
        return None
    y1 = int(g["y1"] or 0)
    y2 = int(g["y2"] or 0)
    y2 = y2 if y2 > 100 else (y1 // 100) * 100 + y2
    if y2 != y1 + 1:
        return None
    value = f"FY{y1}-{y2 % 100:02d}"
    # A split year cannot be a calendar fiscal year: take the nearest country whose year
    # starts in another month, and give the span only when one is known.
    for country in c.countries:
        start = fiscal_starts().get(country)
        if start is not None:
            first = date(y1, start, 1)
            last = add_months(first, 11)
            return Resolved(
                type="DATE",
                value=value,
                relative=False,
                range_start=fmt(first, "M"),
                range_end=fmt(last, "M"),
                anchor_note=f"fiscal year of {country}",
            )
    return Resolved(type="DATE", value=value, relative=False)


def _fiscal_year(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    year = int(g["year"] or 0)
    year = year + 2000 if year < 100 else year
    # TimeML writes "fiscal 1989" as the year it is named after.
    return Resolved(type="DATE", value=str(year), relative=False)


_ORDINAL_Q = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}


def _quarter(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    q = int((g["qq"] or "q0")[1]) if g.get("qq") else _ORDINAL_Q[g["q"] or "first"]
    if text.lower().endswith("quarters") and not g.get("qq"):
        return Resolved(type="SET", value=f"XXXX-Q{q}", relative=False)
    explicit = g.get("ypre") or g.get("ymid") or g.get("yq") or g.get("ypost")
    if explicit and explicit[0].isdigit():
        year = int(explicit)
        return Resolved(type="DATE", value=f"{year}-Q{q}", relative=False, quarter=(year, q))
    if c.anchor is None:
        return Resolved(type="DATE", value=None)
    shift_years = {"last": -1, "next": 1}.get(g.get("deic") or "", 0)
    if explicit:
        shift_years = {"last year": -1, "next year": 1}.get(explicit, 0)
    year, current = quarter_of(c.anchor)
    # An unqualified quarter is the latest such quarter that has ended or is under way.
    if not (g.get("deic") or explicit) and q > current:
        year -= 1
    year += shift_years
    return Resolved(type="DATE", value=f"{year}-Q{q}", quarter=(year, q))


def _quarter_ref(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    which = (g.get("which") or "").replace(" ", "-")
    kind = g.get("kind") or g.get("bare") or "quarter"
    if kind in {"nine months", "six months"} or "nine" in kind or "six" in kind:
        return Resolved(type="DURATION", value="P9M" if "nine" in kind else "P6M", relative=False)
    if kind == "half":
        return None
    if c.anchor is None:
        return Resolved(type="DATE", value=None)
    if which in {"current", "this"}:
        year, q = quarter_of(c.anchor)
    elif c.quarter is not None:
        year, q = c.quarter
    else:
        # The quarter most recently ended before the story.
        year, q = quarter_of(shift(c.anchor, "M", -3))
        if which in {"current", "this"}:
            year, q = quarter_of(c.anchor)
    if which in {"year-earlier", "year-ago", "comparable", "corresponding"} or (
        "year" in text.lower() and which not in {"this", "current"}
    ):
        year -= 1
    elif which == "next":
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    elif which in {"last", "previous"} and c.quarter is None:
        pass
    if kind == "period" and which == "fiscal":
        return None
    same = (
        (year, q)
        if which not in {"year-earlier", "year-ago", "comparable", "corresponding"}
        else None
    )
    return Resolved(type="DATE", value=f"{year}-Q{q}", quarter=same)


def _year_earlier(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    if c.anchor is None:
        return Resolved(type="DATE", value=None)
    if c.quarter is not None:
        return Resolved(type="DATE", value=f"{c.quarter[0] - 1}-Q{c.quarter[1]}")
    return Resolved(type="DATE", value=str(c.anchor.year - 1))


# What stands before "a year" when it is a rate ("$5 a year", "twice a week").
_RATE = re.compile(r"(?i)(\d|%|\bcents?|\bdollars?|\bpercent|\btimes|\btwice|\bonce|\bper)\W*$")

_UNIT_LETTER = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "day": "D",
    "decade": "DE",
    "century": "CE",
    "centurie": "CE",
    "quarter": "Q",
    "hour": "TH",
    "minute": "TM",
    "second": "TS",
    "weekend": "WE",
}


def _unit(word: str | None) -> str:
    word = (word or "").lower()
    return _UNIT_LETTER.get(word[:-1] if word.endswith("s") else word, _UNIT_LETTER.get(word, ""))


def _deictic(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    unit_word = (g["unit"] or "").replace(" ", "")
    unit = "FY" if unit_word == "fiscalyear" else _unit(unit_word)
    rel = " ".join((g["rel"] or "").split())
    step = {
        "this": 0,
        "the current": 0,
        "the same": 0,
        "last": -1,
        "the past": -1,
        "the previous": -1,
        "the latest": -1,
        "next": 1,
        "the coming": 1,
        "the end of the": 0,
    }[rel]
    if rel == "the past" and unit in {"DE", "CE"}:
        return None
    if c.anchor is None:
        return Resolved(type="DATE", value=None)
    if unit == "FY":
        return Resolved(type="DATE", value=str(c.anchor.year + step))
    if unit == "WE":
        day = shift(c.anchor, "W", step)
        return Resolved(type="DATE", value=fmt(day, "W") + "-WE")
    granularity = {"DE": "DE", "CE": "CE", "Q": "Q", "W": "W", "M": "M"}.get(unit, "Y")
    day = shift(c.anchor, unit if unit != "Y" else "Y", step)
    return Resolved(
        type="DATE",
        value=fmt(day, granularity),
        quarter=quarter_of(day) if unit == "Q" else None,
    )


def _anaphoric(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    unit = "Y" if g.get("aunit") == "year" else "M"
    if c.reference is None or (unit == "M" and c.reference_granularity == "Y"):
        return None
    which = " ".join((g.get("which") or "").split())
    step = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1}.get(
        which, 0
    )
    return Resolved(
        type="DATE",
        value=fmt(shift(c.reference, unit, step), unit),
        relative=False,
        anchor_note=f"{fmt(c.reference, c.reference_granularity or unit)} (earlier in the text)",
    )


def _the_weekend(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    if c.anchor is None:
        return Resolved(type="DATE", value=None)
    step = {"last": -1, "next": 1}.get(text.split()[0].lower(), 0)
    if step == 0 and c.tense == "past" and c.anchor.isoweekday() < 6:
        step = -1
    return Resolved(type="DATE", value=fmt(shift(c.anchor, "W", step), "W") + "-WE")


def _amount(g: dict[str, str | None]) -> str:
    if g.get("num"):
        value = number(g["num"] or "")
        if value is None:
            return "X"
        if "and a half" in (g.get("num") or ""):
            return str(value)
        return str(value)
    return "X"


def _ago(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    unit = _unit(g["unit"])
    if not unit or unit == "WE":
        return None
    amount = _amount(g)
    direction = -1 if (g["dir"] or "") in {"ago", "earlier", "before"} else 1
    if amount == "X":
        return Resolved(type="DATE", value="PAST_REF" if direction < 0 else "FUTURE_REF")
    if c.anchor is None:
        return Resolved(type="DATE", value=None)
    if unit.startswith("T"):
        return Resolved(type="TIME", value=None)
    n = int(amount) * direction
    if c.quarter is not None and unit == "Y" and int(amount) == 1:
        return Resolved(type="DATE", value=f"{c.quarter[0] + n}-Q{c.quarter[1]}")
    day = shift(c.anchor, unit, n)
    return Resolved(
        type="DATE", value=fmt(day, unit if unit in {"M", "W", "D", "Q", "DE"} else "Y")
    )


def _duration(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    unit = _unit(g["unit"])
    vague = (g.get("vague") or "").strip()
    approx = " ".join((g.get("approx") or "").split())
    plural = (g["unit"] or "").lower().endswith("s")
    if not unit or unit == "WE":
        return None
    # A bare unit is a duration only in plural phrases such as "the past weeks", "within days".
    bare = not g.get("num") and not vague
    if bare and (not plural or approx in {"the", ""}):
        return None
    amount = _amount(g) if g.get("num") else "X"
    if not approx and (g.get("num") or "").lower() in {"a", "an"} and _RATE.search(c.before):
        return None
    if vague in {"recent"} and unit in {"Y", "D"}:
        return Resolved(type="DATE", value="PAST_REF", relative=False)
    if unit == "DE" and amount != "X":
        unit, amount = "Y", str(int(amount) * 10)
    elif unit == "CE" and amount != "X":
        unit, amount = "Y", str(int(amount) * 100)
    value = f"PT{amount}{unit[1]}" if unit.startswith("T") else f"P{amount}{unit}"
    return Resolved(type="DURATION", value=value, relative=False)


def _day(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    word = " ".join((g["dword"] or "").split())
    offset = int(lexicon().table("day")[word])
    pod = {"night": "NI", "morning": "MO", "afternoon": "AF", "evening": "EV"}.get(
        g.get("pod") or ""
    )
    if word in {"tonight", "last night", "overnight"}:
        pod = "NI"
    if c.anchor is None:
        return Resolved(type="TIME" if pod else "DATE", value=None)
    day = shift(c.anchor, "D", offset).isoformat()
    return Resolved(type="TIME" if pod else "DATE", value=f"{day}T{pod}" if pod else day)


def _pod(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    if (g.get("prel") or "") == "the" and g["pod"] != "morning":
        return None
    pod = {"night": "NI", "morning": "MO", "afternoon": "AF", "evening": "EV"}[g["pod"] or ""]
    if c.anchor is None:
        return Resolved(type="TIME", value=None)
    return Resolved(type="TIME", value=f"{c.anchor.isoformat()}T{pod}")


def _weekday(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    if not _capitalised(text, g["wd"]):
        return None
    weekday = int(lexicon().table("weekday")[(g["wd"] or "").rstrip(".")])
    pod = {"night": "NI", "morning": "MO", "afternoon": "AF", "evening": "EV"}.get(
        g.get("pod") or ""
    )
    if g.get("plural"):
        return Resolved(
            type="SET", value=f"XXXX-WXX-{weekday}" + (f"T{pod}" if pod else ""), relative=False
        )
    if c.anchor is None:
        return Resolved(type="DATE", value=None)
    rel = " ".join((g.get("wrel") or "").split())
    tense: Tense = c.tense
    if rel in {"last", "this past"}:
        tense = "past"
    elif rel in {"next", "this coming"}:
        tense = "future"
    day = weekday_date(c.anchor, weekday, tense)
    if rel == "next" and (day - c.anchor).days < 2:
        day = shift(day, "W", 1)
    elif rel == "last" and day == c.anchor:
        day = shift(day, "W", -1)
    # TimeML annotators mostly value "Friday night" as the day (measured on TempEval-3 train).
    return Resolved(type="DATE", value=day.isoformat())


def _clock(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    if g.get("named"):
        clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[g["named"] or ""]
    else:
        hour = int(g["h"] or 0)
        if not 1 <= hour <= 12:
            return None
        minute = int(g["m"] or 0)
        if (g["ampm"] or "").startswith("p") and hour != 12:
            hour += 12
        elif (g["ampm"] or "").startswith("a") and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{minute:02d}"
    if c.anchor is None:
        return Resolved(type="TIME", value=None)
    day = c.anchor
    if g.get("month") and g.get("day"):
        month, number_ = _month(g["month"] or ""), int(g["day"] or 1)
        day = date(month_year(c.anchor, month, c.tense, number_), month, number_)
    elif g.get("wd"):
        day = weekday_date(
            c.anchor, int(lexicon().table("weekday")[(g["wd"] or "").rstrip(".")]), c.tense
        )
    elif g.get("dword"):
        day = shift(c.anchor, "D", int(lexicon().table("day")[g["dword"] or "today"]))
    return Resolved(type="TIME", value=f"{day.isoformat()}T{clock}")


def _season(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    season = lexicon().table("season")[g["season"] or ""]
    rel = " ".join((g.get("srel") or "").split())
    if not rel and not g.get("year"):
        return None
    if g.get("year"):
        return Resolved(type="DATE", value=f"{g['year']}-{season}", relative=False)
    if c.anchor is None:
        return Resolved(type="DATE", value=None)
    relation = {"last": "last", "this past": "last", "the past": "last", "next": "next"}.get(rel)
    if relation is None and rel in {"the", "early", "late"}:
        relation = "last" if c.tense == "past" else ("next" if c.tense == "future" else None)
    return Resolved(type="DATE", value=f"{season_year(c.anchor, season, relation)}-{season}")


def _set(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    if g.get("adv"):
        return Resolved(type="SET", value=lexicon().table("set")[g["adv"] or ""], relative=False)
    if g.get("sunit"):
        unit = _unit(g["sunit"])
        return Resolved(type="SET", value=f"P1{unit}", relative=False)
    if g.get("wd"):
        weekday = int(lexicon().table("weekday")[(g["wd"] or "").rstrip(".")])
        return Resolved(type="SET", value=f"XXXX-WXX-{weekday}", relative=False)
    if g.get("month"):
        return Resolved(type="SET", value=f"XXXX-{_month(g['month'] or ''):02d}", relative=False)
    return None


def _reference(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    word = " ".join((g["ref"] or "").replace("’", "'").split())
    return Resolved(type="DATE", value=lexicon().table("reference")[word], relative=False)


_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}


def _spelled_year(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    """Years as broadcast transcripts spell them: "nineteen ninety-six", "two thousand"."""
    rest = (g.get("rest") or "").replace("-", " ").split()
    century = 1900 if (g.get("century") or "").startswith("nineteen") else 2000
    if century == 1900 and not rest:
        return None
    total = 0
    for word in rest:
        total += _TENS.get(word) or (number(word) or 0)
    return Resolved(type="DATE", value=str(century + total), relative=False)


def _holiday(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    word = " ".join((g["holiday"] or "").replace("’", "'").split())
    month_day = lexicon().table("holiday")[word]
    if g.get("year"):
        return Resolved(type="DATE", value=f"{g['year']}-{month_day}", relative=False)
    if c.anchor is None:
        return Resolved(type="DATE", value=None)
    month, day = (int(p) for p in month_day.split("-"))
    return Resolved(type="DATE", value=f"{month_year(c.anchor, month, c.tense, day)}-{month_day}")


_HANDLERS = {
    "date_mdy": _date_full,
    "date_dmy": _date_full,
    "date_iso": _date_full,
    "date_slash": _date_full,
    "month": _month_rule,
    "year": _year,
    "decade": _decade,
    "century": _century,
    "fiscal_split": _fiscal_split,
    "fiscal_year": _fiscal_year,
    "quarter": _quarter,
    "quarter_ref": _quarter_ref,
    "year_earlier": _year_earlier,
    "deictic": _deictic,
    "the_weekend": _the_weekend,
    "anaphoric": _anaphoric,
    "ago": _ago,
    "duration": _duration,
    "day": _day,
    "pod": _pod,
    "weekday": _weekday,
    "clock": _clock,
    "season": _season,
    "set": _set,
    "reference": _reference,
    "holiday": _holiday,
    "spelled_year": _spelled_year,
}

__all__ = ["Context", "Resolved", "TimexType", "replace", "resolve"]
