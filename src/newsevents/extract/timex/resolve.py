"""Turn a matched temporal expression into a TIMEX3 type and value.

Relative expressions need an anchor (the publication date); without one they keep their type
and a null value instead of a guess. The clause's tense picks the direction of bare weekdays and
months ("said Friday" is the Friday before, "will meet Tuesday" the Tuesday after).
"""

from __future__ import annotations

import re
from datetime import date

from . import periods
from .calendar import (
    Tense,
    add_months,
    fmt,
    month_year,
    nth_weekday,
    season_year,
    shift,
    weekday_date,
    year_of_weekday,
)
from .context import Context, Resolved
from .grammar import Candidate
from .lexicon import fiscal_starts, lexicon, number


def resolve(candidate: Candidate, text: str, context: Context) -> Resolved | None:
    """The type and value of ``candidate`` (whose words are ``text``), or None if it is not one."""
    handler = _HANDLERS[candidate.rule]
    g = {k: (v.lower() if isinstance(v, str) else v) for k, v in candidate.groups.items()}
    return handler(g, text, context)


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
    if g.get("tens"):
        # "the nineties": the decade of the 1900s, as a bare "the '90s" is.
        tens = _TENS[(g["tens"] or "").lower().removesuffix("ies") + "y"]
        return Resolved(type="DATE", value=f"19{tens // 10}", relative=False)
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
        unit = periods.unit_letter(g["sunit"])
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
    word = " ".join((g["holiday"] or "").replace("’", "'").split()).lower()
    fixed = lexicon().table("holiday").get(word)
    # A holiday on the nth weekday of its month ("Thanksgiving": the fourth Thursday of
    # November) moves from year to year.
    moving = None if fixed else lexicon().table("holiday_nth")[word].split("-")
    month = int(fixed.split("-")[0]) if fixed else int(moving[0] if moving else 1)
    if g.get("year"):
        year = int(g["year"] or 0)
    elif c.anchor is None:
        return Resolved(type="DATE", value=None)
    else:
        year = month_year(c.anchor, month, c.tense, int(fixed.split("-")[1]) if fixed else 15)
    explicit = g.get("year") is not None
    if fixed:
        return Resolved(type="DATE", value=f"{year}-{fixed}", relative=not explicit)
    weekday, nth = (int(moving[1]), moving[2]) if moving else (1, "1")
    day = nth_weekday(year, month, weekday, -1 if nth == "L" else int(nth))
    return Resolved(type="DATE", value=day.isoformat(), relative=not explicit)


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
    "quarter": periods.quarter,
    "quarter_ref": periods.quarter_ref,
    "year_earlier": periods.year_earlier,
    "deictic": periods.deictic,
    "the_weekend": periods.the_weekend,
    "anaphoric": periods.anaphoric,
    "ago": periods.ago,
    "duration": periods.duration,
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
