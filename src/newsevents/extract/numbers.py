"""Read a number written in digits or words from the tokens of a parse.

"1,00,000" (Indian digit grouping), "1.5bn", "300 crore", "two million", "twenty-five",
"two hundred and fifty", "a dozen", "hundreds" (a vague plural: at least 200) and "half" (a
share) are all numbers here; the word tables are ``data/quantity_numbers.tsv``. Nothing is
guessed from a date parser: "$65" is 65, never the year 2065.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from .quantity_lexicons import QuantityLexicons

# Western (1,234,567) and Indian (12,34,567) digit grouping, or plain digits, with decimals.
_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{2,3})+|\d+)(?:\.\d+)?$")
# A number with a scale letter glued on: "1.5bn", "5m", "20k".
_GLUED = re.compile(r"^((?:\d{1,3}(?:,\d{2,3})+|\d+)(?:\.\d+)?)([a-z]+)$")
_JOINERS = frozenset({"-", "and"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Number:
    """Tokens ``start``..``end`` (exclusive) of a number and what it is worth."""

    start: int
    end: int
    value: float
    vague: bool = False  # "hundreds": a lower bound
    fraction: bool = False  # "half", "two-thirds": a share, in percent
    words: bool = False  # written in words, not digits


def read_number(doc: Doc, i: int, lex: QuantityLexicons) -> Number | None:
    """The number that starts at token ``i``, or None."""
    token = doc[i]
    text = token.lower_
    digits = _digits(text, lex)
    if digits is not None:
        value, end = _scaled(doc, i + 1, digits, lex)
        return Number(start=i, end=end, value=value)
    if text in ("a", "an") and i + 1 < len(doc):
        word = lex.numbers.get(doc[i + 1].lower_)
        if (
            word is not None
            and word.kind == "scale"
            and word.value in (100.0, 1000.0)
            and len(doc[i + 1].text) > 2
        ):
            value, end = _scaled(doc, i + 2, word.value, lex)  # "a hundred", "a thousand"
            return Number(start=i, end=end, value=value, words=True)
        if doc[i + 1].lower_ == "dozen":
            return Number(start=i, end=i + 2, value=12.0, words=True)
        return None
    word = lex.numbers.get(text)
    if word is None:
        return None
    if word.kind == "vague":
        return Number(start=i, end=i + 1, value=word.value, vague=True, words=True)
    if word.kind == "fraction":
        return _fraction(doc, i, word.value)
    if word.kind == "scale":
        return None  # "million" alone is no number
    if i + 2 < len(doc) and doc[i + 1].text == "-":
        joined = lex.numbers.get(f"{text}-{doc[i + 2].lower_}")
        if joined is not None and joined.kind == "fraction":  # "two-thirds" split in three
            return _fraction(doc, i, joined.value, end=i + 3)
    return _words(doc, i, lex)


def _fraction(doc: Doc, i: int, value: float, *, end: int | None = None) -> Number | None:
    """ "half of the city", "a third of voters", "two-thirds", "half a kilometre": a share.
    A lone "third" or "quarter" is an ordinal ("a third stew", "the fourth quarter")."""
    end = i + 1 if end is None else end
    following = doc[end].lower_ if end < len(doc) else ""
    preceding = doc[i - 1].lower_ if i > 0 else ""
    if end == i + 1 and doc[i].lower_ != "half" and preceding not in ("a", "one"):
        return None
    if end == i + 1 and following not in ("of", "a", "an"):
        return None
    return Number(start=i, end=end, value=value, fraction=True, words=True)


def _digits(text: str, lex: QuantityLexicons) -> float | None:
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    glued = _GLUED.match(text)
    if glued:
        scale = lex.numbers.get(glued.group(2))
        if scale is not None and scale.kind == "scale" and scale.value >= 1000:
            return float(glued.group(1).replace(",", "")) * scale.value
    return None


def _scaled(doc: Doc, i: int, value: float, lex: QuantityLexicons) -> tuple[float, int]:
    """``value`` times the scale words from token ``i`` on ("300 crore", "2.5 million")."""
    while i < len(doc):
        word = lex.numbers.get(doc[i].lower_)
        if word is None or word.kind != "scale" or (len(doc[i].text) <= 2 and value >= 1000):
            break
        if len(doc[i].text) <= 2 and doc[i].text.isupper() and doc[i].text != "M":
            break  # "20 B" is likely a name, not a billion
        value *= word.value
        i += 1
    return value, i


def _words(doc: Doc, i: int, lex: QuantityLexicons) -> Number | None:
    """ "twenty-five", "two hundred and fifty", "three million"."""
    total = 0.0
    current = 0.0
    end = i
    j = i
    seen = False
    last = ""  # kind of the previous number word
    while j < len(doc):
        text = doc[j].lower_
        if "-" in text and text not in lex.numbers:
            parts = text.split("-")
            if all(p in lex.numbers and lex.numbers[p].kind in ("unit", "tens") for p in parts):
                current += sum(lex.numbers[p].value for p in parts)
                seen = True
                j += 1
                end = j
                continue
            break
        word = lex.numbers.get(text)
        if word is not None and word.kind in ("unit", "tens") and last in ("", "tens", "scale"):
            if last == "tens" and word.kind == "tens":
                break
            current += word.value
            last = word.kind
        elif word is not None and word.kind == "scale" and seen and len(text) > 2:
            if word.value == 100:
                current *= 100
            else:
                total += current * word.value
                current = 0.0
            last = "scale"
        elif (
            text in _JOINERS
            and ((last == "tens" and text == "-") or (last == "scale" and text == "and"))
            and j + 1 < len(doc)
            and doc[j + 1].lower_ in lex.numbers
        ):
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
        end = j
    if not seen:
        return None
    return Number(start=i, end=end, value=total + current, words=True)
