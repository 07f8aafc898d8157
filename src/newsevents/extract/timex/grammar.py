"""The forms of temporal expressions news uses, as regular expressions (HeidelTime-style).

Each rule is a named pattern whose groups ``resolve.py`` turns into a TIMEX3 value. Spans follow
TimeML conventions: a leading "the" and modifiers ("nearly", "early") belong to the expression,
a possessive "'s" does not. Words come from ``data/words.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from .lexicon import lexicon


@dataclass(frozen=True, slots=True)
class Candidate:
    rule: str
    start: int
    end: int
    groups: dict[str, str | None]


_APPROX = (
    r"(?P<approx>(?:about|nearly|almost|some|more\s+than|less\s+than|at\s+least|roughly|around"
    r"|over|just|only|under|up\s+to|within|barely|fully|another|the\s+next|the\s+past|the\s+last"
    r"|the\s+first|the\s+previous|the\s+coming|the\s+following|the\s+latest|the\s+final"
    r"|the\s+other|the|past|last|next|first|previous|coming|following|latest|final)\s+)?"
)
_MOD = (
    r"(?P<mod>(?:early|late|earlier|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
    r"|the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)(?:\s+|-))?"
)
_UNIT = (
    r"(?P<unit>years?|months?|weeks?|days?|decades?|centur(?:y|ies)|quarters?|hours?|minutes?"
    r"|seconds?|weekends?)"
)
_YEAR = r"(?:1[6-9]|20)\d{2}"


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    lex = lexicon()
    month = rf"(?P<month>{lex.alternation('month')})"
    weekday = rf"(?P<wd>{lex.alternation('weekday')})"
    number_word = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(lex.table("number"), key=len, reverse=True)
    )
    num = rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|(?:{number_word})(?:(?:\s+|-)(?:{number_word}))*)"
    pod = r"(?P<pod>morning|afternoon|evening|night)"
    rules = {
        "date_mdy": (
            rf"(?:{weekday},?\s+)?{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
            rf"(?:,?\s+(?P<year>{_YEAR})\b)?"
        ),
        "date_dmy": (
            rf"(?:{weekday},?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month}"
            rf"(?:,?\s+(?P<year>{_YEAR})\b)?"
        ),
        "date_iso": r"(?P<year>(?:19|20)\d{2})-(?P<nmonth>[01]\d)-(?P<day>[0-3]\d)",
        "date_slash": r"(?P<nmonth>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)?\d{2})",
        "month": (
            rf"(?:(?P<mrel>last|next|this|this\s+past)\s+)?{_MOD}{month}"
            rf"(?:(?:\s+of)?,?\s+(?P<year>{_YEAR})\b)?"
        ),
        # "the 1988 period" keeps its "the"; "the 2020 clash" does not.
        "year": (
            rf"{_MOD}(?:the\s+(?={_YEAR}\s+period))?(?P<year>{_YEAR})"
            r"(?:\s+(?P<period>period))?"
        ),
        "decade": (
            rf"(?:the\s+)?{_MOD}(?:(?P<decade>(?:1[6-9]|20)\d0)|['’](?P<short>\d0))['’]?s"
            r"|the\s+(?:nineteen[\s-]+)?(?P<tens>twenties|thirties|forties|fifties|sixties"
            r"|seventies|eighties|nineties)"
        ),
        "century": r"(?:the\s+)?(?P<ord>\d{1,2})(?:st|nd|rd|th)[\s-]+century",
        "fiscal_split": (
            rf"(?:the\s+)?(?:(?P<pre>FY|fiscal(?:\s+year)?|financial\s+year)\s*)?"
            rf"(?P<y1>{_YEAR})\s*[-–/]\s*(?P<y2>\d{{2}}|{_YEAR})"
            r"(?:\s+(?P<post>financial|fiscal|budget|tax)\s+year)?"
        ),
        "fiscal_year": rf"(?:the\s+)?(?:fiscal(?:\s+year)?\s+|FY\s*)(?P<year>{_YEAR}|\d{{2}})\b",
        "quarter": (
            rf"(?:(?P<deic>this|last|next)\s+year['’]s\s+|(?P<ypre>{_YEAR})['’]s\s+)?"
            rf"(?:the\s+|a\s+)?(?:(?P<ymid>{_YEAR})\s+)?(?:flat\s+|fiscal\s+)?"
            r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarters?"
            rf"(?:\s+of\s+(?P<ypost>{_YEAR}|this\s+year|last\s+year|next\s+year))?"
            rf"|(?P<qq>Q[1-4])(?:\s+(?P<yq>{_YEAR}))?"
        ),
        "quarter_ref": (
            r"(?:the\s+)?(?P<which>latest|current|past|last|recent|previous|same|this|next"
            r"|year[\s-]earlier|year[\s-]ago|comparable|corresponding|fiscal|just-ended)"
            r"(?:\s+fiscal)?\s+(?P<kind>quarter|period|nine\s+months|six\s+months|half)"
            r"(?:\s+(?:a\s+year\s+(?:earlier|ago)|last\s+year))?"
            r"|the\s+(?P<bare>quarter|period)"
        ),
        "year_earlier": r"(?:the\s+)?year[\s-](?:earlier|ago)\b",
        "deictic": (
            rf"{_MOD}(?P<rel>this|last|next|the\s+past|the\s+previous|the\s+coming|the\s+current"
            r"|the\s+latest|the\s+same|the\s+full|the\s+end\s+of\s+the)\s+"
            r"(?P<unit>year|month|week|weekend|decade|century|quarter|fiscal\s+year)\b"
        ),
        "anaphoric": (
            r"(?P<amod>(?:later|earlier|early|late)\s+(?:in\s+)?)?(?P<which>that|the\s+following"
            r"|the\s+previous|the\s+next|the\s+same|the\s+preceding)\s+(?P<aunit>year|month)"
        ),
        "the_weekend": r"(?:the|this|last|next)\s+weekend",
        "ago": (
            rf"{_APPROX}(?:{num}|(?P<vague>a\s+few|several|many|some|few))[\s-]+{_UNIT}"
            r"(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence)"
        ),
        "duration": (
            rf"{_APPROX}(?:{num}[\s-]+(?:and\s+a\s+half\s+|more\s+|additional\s+)?"
            r"|(?P<vague>a\s+few\s+|several\s+|many\s+"
            r"|some\s+|few\s+|recent\s+|coming\s+|the\s+coming\s+|the\s+next\s+few\s+|the\s+past\s+few\s+"
            rf"|the\s+last\s+few\s+))?{_UNIT}(?P<ahead>\s+ahead)?"
        ),
        "day": (
            r"(?P<dmod>(?:early|late|earlier|later)\s+)?"
            rf"(?P<dword>today|yesterday|tomorrow|tonight|last\s+night|overnight)(?:\s+{pod})?"
        ),
        "pod": rf"(?P<prel>this|later\s+this|earlier\s+this|the|mid|mid-)\s*{pod}",
        "weekday": (
            rf"(?P<wmod>(?:early|late|earlier|later)\s+)?(?P<wrel>last|next|this|this\s+past|"
            rf"this\s+coming)?\s*{weekday}(?:\s+{pod})?(?P<plural>s)?\b"
        ),
        "clock": (
            r"(?:(?:about|around|approximately|shortly\s+after|shortly\s+before|just\s+after"
            r"|just\s+before)\s+)?(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)"
            r"(?:\s+(?P<tz>EST|EDT|ET|GMT|UTC|CST|CDT|PST|PDT|local\s+time))?"
            rf"(?:,?\s+(?:{weekday}|(?P<dword>today|yesterday|tomorrow)"
            rf"|{month}\s+(?P<day>\d{{1,2}})\b))?"
            r"|(?P<named>noon|midnight|midday)"
        ),
        "season": (
            rf"(?P<srel>this|last|next|early|late|the|this\s+past|the\s+past)?\s*"
            rf"(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?"
        ),
        "set": (
            rf"(?P<adv>{lex.alternation('set')})"
            r"|(?:every|each|per)\s+(?P<sunit>day|week|month|year|quarter)"
            rf"|(?:every|each)\s+(?:{weekday}|{month})"
        ),
        "reference": rf"(?P<ref>{lex.alternation('reference')})",
        "spelled_year": (
            r"(?P<century>nineteen|two\s+thousand(?:\s+and)?)\s*(?P<rest>(?:(?:twenty|thirty|forty"
            r"|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight"
            r"|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
            r"|nineteen|one|two|three|four|five|six|seven|eight|nine)?)"
        ),
        "holiday": (
            rf"(?P<holiday>{lex.alternation('holiday')}|{lex.alternation('holiday_nth')})"
            rf"(?:\s+(?P<year>{_YEAR}))?"
        ),
    }
    flags = re.IGNORECASE
    return tuple(
        (name, re.compile(rf"\b(?:{body})(?![\w-])", flags)) for name, body in rules.items()
    )


# Words a rule cannot match without: a rule whose word is absent from the text is skipped
# (most texts have no season, holiday or fiscal year, and the full patterns are slow to try).
_TRIGGERS = {
    name: re.compile(trigger, re.IGNORECASE)
    for name, trigger in {
        "date_iso": r"\d{4}-\d\d-\d\d",
        "date_slash": r"\d/\d",
        "decade": r"\d0['’]?s\b|ties\b",
        "century": r"century",
        "fiscal_split": r"\d{4}\s*[-–/]\s*\d\d",
        "fiscal_year": r"fiscal|\bFY",
        "quarter": r"quarter|\bQ[1-4]\b",
        "quarter_ref": r"quarter|period|months|half",
        "year_earlier": r"year[\s-](?:earlier|ago)",
        "anaphoric": r"(?:that|following|previous|next|same|preceding)\s+(?:year|month)",
        "the_weekend": r"weekend",
        "pod": r"morning|afternoon|evening|night",
        "clock": r"\d\s*[ap]\.?\s?m\b|noon|midnight|midday",
        "season": r"spring|summer|fall|autumn|winter",
        "set": r"daily|weekly|monthly|yearly|hourly|every|each|per\b",
        "spelled_year": r"nineteen|two\s+thousand",
        "holiday": (
            r"christmas|new\s+year|valentine|halloween|thanksgiving|labor\s+day|memorial\s+day"
            r"|luther\s+king|presidents|mother|father|columbus\s+day"
        ),
        "ago": r"\bago\b|earlier|later|from\s+now|hence",
        "day": r"today|yesterday|tomorrow|tonight|night|overnight",
    }.items()
}


def candidates(text: str) -> Iterator[Candidate]:
    """Every match of every rule in ``text`` (overlapping; the resolver picks among them)."""
    for name, pattern in _patterns():
        trigger = _TRIGGERS.get(name)
        if trigger is not None and trigger.search(text) is None:
            continue
        for found in pattern.finditer(text):
            words = found.group()
            # Optional words before a name may leave the match starting on a space.
            start = found.start() + len(words) - len(words.lstrip())
            end = found.end() - (len(words) - len(words.rstrip()))
            if end > start:
                yield Candidate(rule=name, start=start, end=end, groups=found.groupdict())
