"""Resolution of quarters, weeks, months and years counted from the anchor, and durations.

"the third quarter", "last week", "two years ago", "a year earlier", "that year", "for the past
three months": the handlers ``resolve.py`` dispatches to for these rules.
"""

from __future__ import annotations

import re

from .calendar import fmt, quarter_of, shift
from .context import Context, Resolved
from .lexicon import number

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


def quarter(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
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


def quarter_ref(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
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
    if kind == "period" and which == "fiscal":
        return None
    same = (
        (year, q)
        if which not in {"year-earlier", "year-ago", "comparable", "corresponding"}
        else None
    )
    return Resolved(type="DATE", value=f"{year}-Q{q}", quarter=same)


def year_earlier(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
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


def unit_letter(word: str | None) -> str:
    """The TIMEX3 letter of a unit word ("weeks" -> "W", "hours" -> "TH")."""
    word = (word or "").lower()
    return _UNIT_LETTER.get(word[:-1] if word.endswith("s") else word, _UNIT_LETTER.get(word, ""))


def deictic(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    unit_word = (g["unit"] or "").replace(" ", "")
    unit = "FY" if unit_word == "fiscalyear" else unit_letter(unit_word)
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
        "the full": 0,
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


def anaphoric(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
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


def the_weekend(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    if c.anchor is None:
        return Resolved(type="DATE", value=None)
    step = {"last": -1, "next": 1}.get(text.split()[0].lower(), 0)
    if step == 0 and c.tense == "past" and c.anchor.isoweekday() < 6:
        step = -1
    return Resolved(type="DATE", value=fmt(shift(c.anchor, "W", step), "W") + "-WE")


def _amount(g: dict[str, str | None]) -> str:
    """The number of units, "X" when vague ("several")."""
    value = number(g["num"] or "") if g.get("num") else None
    return "X" if value is None else str(value)


def ago(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    unit = unit_letter(g["unit"])
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


def duration(g: dict[str, str | None], text: str, c: Context) -> Resolved | None:
    unit = unit_letter(g["unit"])
    vague = (g.get("vague") or "").strip()
    approx = " ".join((g.get("approx") or "").split())
    plural = (g["unit"] or "").lower().endswith("s")
    if not unit or unit == "WE":
        return None
    # A bare unit is a duration only in plural phrases such as "the past weeks", "within days".
    bare = not g.get("num") and not vague
    # "the weeks ahead" is a stretch of time to come, as "the coming weeks" is.
    if bare and (not plural or approx in {"the", ""}) and not (plural and g.get("ahead")):
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
