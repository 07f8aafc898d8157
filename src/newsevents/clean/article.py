"""From a raw article to a ``Document``: title, captions, byline, dateline, date, clean body.

Order matters: the headline is taken first, then each paragraph is labelled (inline credits
mark captions; truncated and exact repeats are duplicates; head and tail runs of debris are
read from each end inwards, so "Follow X on Twitter" is only debris at the end of a story).
What remains, in order, is the body; nothing in it is rewritten, only whole paragraphs and
credits are removed, and every removal is listed in ``Document.removed``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..errors import NewsEventsError
from ..settings import Settings
from ..types import DateSource, Debris, Document, RawArticle
from .captions import is_truncated_copy
from .dateline import parse_dateline
from .debris import Where, match_paragraph, strip_inline
from .headline import looks_like_headline, same_text
from .language import identify
from .paragraphs import fingerprint, normalize, split_paragraphs
from .pubdate import find_full_date, parse_date

PARAGRAPH_SEPARATOR = "\n\n"
# The publication date is looked for in this many leading body paragraphs, no deeper:
# later dates in a story are usually about the events it reports.
LEAD_PARAGRAPHS = 2


@dataclass
class _Parts:
    body: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)
    removed: list[Debris] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # from debris such as "This story is from ..."


def clean_article(raw: RawArticle, *, settings: Settings, date: str | None = None) -> Document:
    """Clean ``raw`` (whose ``text`` is set) into a ``Document``.

    ``date`` is a publication date given by the caller; it wins over every other source.
    Raises ``NewsEventsError`` (NE102 empty, NE202 nothing left, NE201 not English).
    """
    text = normalize(raw.text or "")
    if not text.strip():
        raise NewsEventsError("NE102", raw.source)
    paragraphs = split_paragraphs(text)

    title = raw.title.strip() if raw.title and raw.title.strip() else None
    first = _first_content(paragraphs)
    if first is not None:
        candidate = paragraphs[first]
        if title and same_text(candidate, title):
            paragraphs.pop(first)
        elif (
            title is None
            and parse_dateline(candidate) is None
            and looks_like_headline(candidate, following=len(paragraphs) - first - 1)
        ):
            title = paragraphs.pop(first)

    parts = _label(paragraphs)
    if not parts.body:
        raise NewsEventsError("NE202", raw.source)
    body = PARAGRAPH_SEPARATOR.join(parts.body)

    if settings.check_language:
        language, confidence = identify(body)
        if language != "en" and confidence >= settings.min_language_confidence:
            raise NewsEventsError("NE201", raw.source, language=language, confidence=confidence)

    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in parts.body:
        spans.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)

    parsed = parse_dateline(parts.body[0])
    dateline = parsed.as_dateline() if parsed else None
    published, date_source = _publication_date(raw, date, parts)
    return Document(
        id=raw.id or hashlib.sha256(body.encode("utf-8")).hexdigest()[:16],
        source=raw.source,
        url=raw.url,
        title=title,
        dateline=dateline,
        published=published,
        date_source=date_source,
        byline=" ".join(parts.byline) or raw.author or None,
        captions=tuple(parts.captions),
        body=body,
        language="en",
        paragraphs=tuple(spans),
        removed=tuple(parts.removed),
    )


def _first_content(paragraphs: list[str]) -> int | None:
    """Index of the first paragraph that is not head debris (a timestamp, a share bar...)."""
    for i, paragraph in enumerate(paragraphs):
        if match_paragraph(paragraph, position="head") is None and not strip_inline(paragraph)[1]:
            return i
    return None


def _label(paragraphs: list[str]) -> _Parts:
    parts = _Parts()
    n = len(paragraphs)
    kinds: list[str | None] = [None] * n
    seen: set[str] = set()
    for i, paragraph in enumerate(paragraphs):
        key = fingerprint(paragraph)
        later = paragraphs[i + 1 : i + 3]
        if key in seen or any(is_truncated_copy(paragraph, other) for other in later):
            kinds[i] = "duplicate"
        seen.add(key)

    def classify(i: int, position: Where) -> bool:
        """Label paragraph i if it is debris at this position; False when it is content."""
        if kinds[i] is not None:
            return True
        paragraph = paragraphs[i]
        if strip_inline(paragraph)[1]:
            kinds[i] = "caption"
            return True
        found = match_paragraph(paragraph, position=position)
        if found is None:
            return False
        kinds[i] = f"{found.rule.action}:{found.rule.kind}"
        return True

    start = 0
    while start < n and classify(start, "head"):
        start += 1
    end = n - 1
    while end >= start and classify(end, "tail"):
        end -= 1
    for i in range(start, end + 1):
        classify(i, "any")

    for paragraph, kind in zip(paragraphs, kinds, strict=True):
        if kind is None:
            parts.body.append(paragraph)
        elif kind == "duplicate":
            parts.removed.append(Debris(kind="duplicate", text=paragraph))
        elif kind == "caption":
            rest, credits = strip_inline(paragraph)
            parts.captions.append(rest)
            parts.removed.extend(Debris(kind=k, text=t) for k, t in credits)
        else:
            _apply(kind, paragraph, parts)
    return parts


def _apply(kind: str, paragraph: str, parts: _Parts) -> None:
    action, rule_kind = kind.split(":", 1)
    found = match_paragraph(paragraph, position="head")
    found = found or match_paragraph(paragraph, position="tail")
    groups = found.groups if found else {}
    if action == "byline":
        parts.byline.append(paragraph)
    elif action == "caption":
        parts.captions.append(groups.get("caption", paragraph))
    else:
        if action == "date" and "date" in groups:
            parsed = parse_date(groups["date"])
            if parsed:
                parts.dates.append(parsed)
        parts.removed.append(Debris(kind=rule_kind, text=paragraph))


def _publication_date(
    raw: RawArticle, argument: str | None, parts: _Parts
) -> tuple[str | None, DateSource]:
    if argument:
        return argument, "argument"
    if raw.date and (parsed := parse_date(raw.date)):
        return parsed, "metadata"
    for caption in parts.captions:
        if found := find_full_date(caption):
            return found[0], "caption"
    if parts.dates:
        return parts.dates[0], "text"
    for paragraph in parts.body[:LEAD_PARAGRAPHS]:
        if found := find_full_date(paragraph):
            return found[0], "text"
    return None, "none"
