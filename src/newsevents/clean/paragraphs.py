"""Normalise raw text and split it into paragraphs, the unit every cleaning step works on."""

from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINE = re.compile(r"\n\s*\n")
_TERMINAL = tuple('.!?:;"”’)]…')


def normalize(text: str) -> str:
    """Unify newlines and spaces, drop invisible characters and control codes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_ZERO_WIDTH)
    text = "".join(
        ch for ch in text if ch == "\n" or ch == "\t" or unicodedata.category(ch)[0] != "C"
    )
    return unicodedata.normalize("NFC", text)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of ``normalize``d text, each on one line with single spaces.

    Blank lines separate paragraphs. Inside a block, lines are joined when the block is
    hard-wrapped (many lines of similar width) or when a line plainly continues (no terminal
    punctuation, next line starts in lower case); otherwise each line stands alone, which keeps
    the separate lines of a scraped caption block apart.
    """
    paragraphs: list[str] = []
    for block in _BLANK_LINE.split(text):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if _hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
            continue
        current = lines[0]
        for line in lines[1:]:
            if not current.endswith(_TERMINAL) and line[0].islower():
                current = f"{current} {line}"
            else:
                paragraphs.append(current)
                current = line
        paragraphs.append(current)
    return paragraphs


def _hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 3:
        return False
    widths = [len(line) for line in lines[:-1]]
    return max(widths) <= 100 and sum(55 <= w <= 100 for w in widths) >= 0.6 * len(widths)


def fingerprint(text: str) -> str:
    """Letters and digits only, case-folded: compares text across spacing and punctuation."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())
