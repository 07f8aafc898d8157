"""One attribution relation from the parse: given a cue token, its source and its content.

The cue is found by ``cues.find_cues``; this module reads the dependency tree around it:
the content is the cue's clausal complement ("said [that India needs ...]"), the clause the
cue interrupts ("The economy, [he said], is fine"), the clause "according to" hangs from, or
the quotation next to it ("“...,” he said"); the source is the cue's subject, the object of
"according to", the agent of a passive or the possessor of a nominal cue ("Trump's claim").
The addressee ("told The Associated Press") and medium ("in a statement", "on X") are the
cue's objects and prepositional phrases that the lexicons in ``data/`` name.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .quote_lexicons import Lexicons, lexicons
from .quote_marks import Quotation
from .sources import choose

# Dependents of a cue that hold what was said.
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "oprd", "acl", "relcl", "csubj"})
_SUBJECTS = frozenset({"nsubj", "csubj"})
# Determiners and modifiers kept on the left of a speaker's head noun ("the U.S. envoy").
_MENTION_LEFT = frozenset({"compound", "det", "amod", "poss", "nmod", "nummod", "case", "flat"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_SKIP_EDGE = frozenset({",", ".", ";", "—", "–", "-", "--", "(", ")", "and", "but", "or"})
_TIME_ENTS = frozenset({"DATE", "TIME"})
# Dependencies through which a cue shares the subject of the word it hangs from.
_CLIMB = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp", "prep"})
_INVERTED_SUBJECTS = frozenset({"dobj", "attr", "npadvmod", "dep", "appos", "oprd", "nsubj"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_JOINERS = frozenset({",", ":", ";", "—", "–", "-"})
_DASHES = frozenset({"—", "–", "--", "-"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Attribution:
    """An attribution found around one cue; offsets are characters into ``doc.text``."""

    cue: Span
    source: Token | None
    # Character spans of the content, in order (several for multi-paragraph quotations).
    content: tuple[tuple[int, int], ...]
    addressee: Span | None
    medium: Span | None


def attribute(
    doc: Doc, cue: Token, quotations: list[Quotation], lexicons: Lexicons, quoted: set[int]
) -> Attribution | None:
    """The attribution hanging from ``cue``, or None when no content can be found.

    ``quoted`` holds the indexes of the tokens inside quotation marks.
    """
    source = choose(cue, rule=find_source(cue, quoted), quoted=quoted)
    addressee = _addressee(cue, lexicons)
    medium = _medium(cue, lexicons)
    excluded = _excluded(cue, source, addressee, medium)
    if cue.text == ":":
        tokens = _after_colon(cue)
    elif cue.dep_ == "prep" or cue.pos_ in ("ADV", "ADP"):
        tokens = _host_clause(cue)
    else:
        tokens = _complements(cue, lexicons, excluded)
        interrupts = cue.dep_ == "parataxis" or (
            cue.dep_ in ("advcl", "conj") and cue.head.i > cue.i
        )
        if not tokens and interrupts:
            tokens = _host_clause(cue)  # "The economy, he said, is fine."
        if not tokens and _adjacent_quotation(doc, cue, source, quotations, quoted) is None:
            tokens = _fallback(cue, excluded)
    # The parse can join paragraphs into one sentence; what a cue attributes by syntax stays
    # in its own paragraph (quotations then grow across paragraphs on their own).
    line_start, line_end = _line_start(cue), _line_end(cue)
    tokens = [t for t in tokens if t.i not in excluded and line_start <= t.i < line_end]
    spans = _char_spans(doc, tokens)
    if not spans:
        adjacent = _adjacent_quotation(doc, cue, source, quotations, quoted)
        if adjacent is None:
            return None
        spans = [(adjacent.start, adjacent.end)]
    content = _with_quotations(spans, quotations)
    return Attribution(
        cue=_cue_phrase(doc, cue),
        source=source,
        content=tuple(content),
        addressee=addressee,
        medium=medium,
    )


def find_source(cue: Token, quoted: set[int]) -> Token | None:
    """The head token of who said it, following the tree upwards through shared subjects.

    The parse often makes a dateline ("WASHINGTON — Sen. Sanders said"), a timestamp, a date
    ("Saturday at the convention, Warren said") or a word of the quotation itself the
    subject; then the noun phrase nearest the cue after it, on the cue's own line and
    outside the quotation, is the speaker instead.
    """
    source = _climb(cue)
    if source is None:
        source = _inverted(cue, quoted)
        if source is None and cue.dep_ in ("advcl", "conj", "xcomp"):
            source = _inverted(cue.head, quoted)  # "..., said Skelly, explaining ..."
        if source is None and cue.tag_ in _FINITE:
            # A finite verb has a subject even when the parse lost it ("Alarmed by the
            # unrest, Senator Harry Reid, the minority leader, said ...").
            source = _nearest_phrase(cue, after=max(cue.sent.start, _line_start(cue)) - 1)
        return source
    if source.i in quoted and cue.i not in quoted:
        last_quoted = max((i for i in quoted if i < cue.i), default=-1)
        return _nearest_phrase(cue, after=max(last_quoted, _line_start(cue) - 1))
    if source.i > cue.i:
        return source
    if source.i < _line_start(cue) or _is_frame(source, cue):
        return _nearest_phrase(cue, after=max(source.i, _line_start(cue) - 1))
    return source


def _inverted(cue: Token, quoted: set[int]) -> Token | None:
    """ "''...,'' said Richard L. Trumka": a speaker after the verb the parse did not make
    its subject, right after a quotation."""
    doc = cue.doc
    if not any(i in quoted for i in range(max(0, cue.i - 3), cue.i)):
        return None
    for child in cue.rights:
        if child.pos_ in ("PROPN", "NOUN") and child.dep_ in _INVERTED_SUBJECTS:
            return child
    following = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    if following is not None and following.pos_ == "PROPN":
        return following.head if following.head.pos_ == "PROPN" else following
    return None


def _is_frame(source: Token, cue: Token) -> bool:
    """A date, time or dateline place standing where the speaker should be."""
    if source.ent_type_ in _TIME_ENTS:
        return True
    doc = source.doc
    between = doc[source.i + 1 : cue.i]
    return source.ent_type_ == "GPE" and any(t.text in _DASHES for t in between)


def _nearest_phrase(cue: Token, *, after: int) -> Token | None:
    """The root of the last noun phrase between ``after`` and ``cue`` outside brackets."""
    doc = cue.doc
    start = after + 1
    for token in doc[start : cue.i]:
        if token.text in _DASHES:
            start = token.i + 1
    chunks = [
        c for c in doc.noun_chunks if start <= c.start and c.end <= cue.i and c.root.dep_ != "pobj"
    ]
    people = [c for c in chunks if c.root.ent_type_ in ("PERSON", "ORG") or c.root.pos_ == "PRON"]
    chosen = (people or chunks)[-1:]
    return chosen[0].root if chosen else None


def _climb(cue: Token) -> Token | None:
    token: Token | None = cue
    for _ in range(4):
        if token is None:
            return None
        found = _own_source(token)
        if found is not None:
            return found
        if token.dep_ in _CLIMB and token.head != token:
            # "X took the stage and said ...", "X posted photos, saying ...": the subject is
            # shared with the verb this one hangs from.
            head = token.head
            if (
                token.dep_ in ("advcl", "conj")
                and head.dep_ == "ccomp"
                and head.head.lemma_.lower() in lexicons().speech_lemmas
            ):
                # "X said the process could be messy, adding ...", "X said he had not ...
                # and suggested ...": the parse hangs the second cue on the reported
                # clause, but it is X who adds and suggests.
                head = head.head
            token = head
            continue
        if token.dep_ in ("acl", "relcl") and token.head != token:
            return token.head
        return None
    return None


def _own_source(token: Token) -> Token | None:
    if token.lower_ == "according":
        for child in token.children:
            if child.lower_ == "to":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        return None
    if token.text == ":":
        return _before_colon(token)
    children = list(token.children)
    for child in children:
        if child.dep_ in _SUBJECTS:
            # A relative pronoun ("Graham, who had endorsed ...") is the mention itself;
            # ``speakers`` resolves it to the noun it relates to.
            return child
    for child in children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if token.pos_ in ("NOUN", "PROPN"):
        for child in children:
            if child.dep_ == "poss":
                return child
        for child in children:
            # "criticism from the Washington Post", "a demand by the DOJ"
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _before_colon(colon: Token) -> Token | None:
    """ "Ryan: ...", "- Michael P. McDonald: ..." and "Trump tweeted: ...": the noun phrase
    right before the colon, or the subject of the verb right before it."""
    doc = colon.doc
    start = _line_start(colon)
    for token in doc[start : colon.i]:
        if token.text in _DASHES:
            start = token.i + 1
    if colon.i <= start:
        return None
    last = doc[colon.i - 1]
    if last.pos_ in ("PROPN", "NOUN", "PRON"):
        return last
    for token in reversed(doc[start : colon.i]):
        if token.pos_ in ("VERB", "AUX"):
            return _climb(token)
    return None


def _line_start(token: Token) -> int:
    """Index of the first token after the last line break before ``token``."""
    doc = token.doc
    for i in range(token.i - 1, -1, -1):
        if "\n" in doc[i].text:
            return i + 1
    return 0


def _line_end(token: Token) -> int:
    """Index of the first token with a line break at or after ``token``."""
    doc = token.doc
    for i in range(token.i, len(doc)):
        if "\n" in doc[i].text:
            return i
    return len(doc)


def mention(source: Token) -> Span:
    """The noun phrase of ``source`` without what follows its head ("the U.S. envoy"),
    and without anything before a line break (a timestamp, a headline)."""
    doc = source.doc
    floor = _line_start(source)
    start, end = _left_edge(source), source.i + 1
    if source.ent_iob_ in ("B", "I"):
        for ent in doc.ents:
            if ent.start <= source.i < ent.end:
                start, end = min(ent.start, start), max(ent.end, end)
                break
    return doc[max(start, floor) : end]


def _left_edge(token: Token) -> int:
    start = token.i
    for child in token.lefts:
        if child.dep_ in _MENTION_LEFT:
            start = min(start, child.left_edge.i)
    return start


def _excluded(
    cue: Token, source: Token | None, addressee: Span | None, medium: Span | None
) -> set[int]:
    excluded = {cue.i}
    if source is not None and source.i != cue.i:
        excluded.update(t.i for t in source.subtree if not _contains(source, cue))
    for span in (addressee, medium):
        if span is not None:
            excluded.update(range(span.start, span.end))
    return excluded


def _contains(outer: Token, inner: Token) -> bool:
    return outer.left_edge.i <= inner.i <= outer.right_edge.i


def _complements(cue: Token, lexicons: Lexicons, excluded: set[int]) -> list[Token]:
    tokens: list[Token] = []
    has_clause = any(c.dep_ in _COMPLEMENTS for c in cue.children)
    for child in cue.children:
        if child.i in excluded:
            continue
        dep = child.dep_
        # An adverbial clause is a circumstance ("..., he wrote, also sharing a picture"),
        # or a second cue of its own ("..., adding that ..."), never the content.
        take = dep in _COMPLEMENTS
        if dep in ("dobj", "attr") and not has_clause and child.lower_ not in ("it", "this"):
            take = True
        if dep == "prep" and child.lower_ in lexicons.content_preps and not _is_time(child):
            take = True
        if dep == "parataxis" and child.i > cue.i:
            take = True
        if take:
            tokens.extend(child.subtree)
    return sorted(tokens, key=lambda t: t.i)


def _is_time(prep: Token) -> bool:
    return any(t.ent_type_ in _TIME_ENTS for t in prep.subtree)


def _host_clause(cue: Token) -> list[Token]:
    """The clause ``cue`` interrupts or hangs from, without ``cue``'s own phrase."""
    host = cue.head
    if host == cue:
        return []
    inner = {t.i for t in cue.subtree}
    sent = cue.sent
    return [t for t in host.subtree if t.i not in inner and sent.start <= t.i < sent.end]


def _after_colon(colon: Token) -> list[Token]:
    sent = colon.sent
    return [t for t in colon.doc[colon.i + 1 : sent.end]]


def _char_spans(doc: Doc, tokens: list[Token]) -> list[tuple[int, int]]:
    """Contiguous runs of ``tokens`` as character spans, trimmed of edge punctuation."""
    runs: list[list[Token]] = []
    # Sorted: a non-projective parse yields a subtree out of order.
    for token in sorted(tokens, key=lambda t: t.i):
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    spans: list[tuple[int, int]] = []
    for run in runs:
        while run and (run[0].lower_ in _SKIP_EDGE or run[0].is_space):
            run = run[1:]
        while run and (run[-1].lower_ in _SKIP_EDGE or run[-1].is_space):
            run = run[:-1]
        if run and any((t.is_alpha and not t.is_stop) or t.like_num for t in run):
            spans.append((run[0].idx, run[-1].idx + len(run[-1].text)))
    # Runs split only by the excluded source or a comma stay one content span when close.
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start - merged[-1][1] <= 3:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _with_quotations(
    spans: list[tuple[int, int]], quotations: list[Quotation]
) -> list[tuple[int, int]]:
    """``spans`` grown to the whole of every quotation they touch (all its paragraphs)."""
    groups = {q.group for q in quotations for s, e in spans if q.start < e and s < q.end}
    parts = [(q.start, q.end) for q in quotations if q.group in groups]
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans + parts):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        else:
            result.append((start, end))
    return result


def _fallback(cue: Token, excluded: set[int]) -> list[Token]:
    """What a cue with no complement the parse recognises is about: the words it governs
    on its right ("commented on the reason"), or for a participle modifying a noun, that
    noun phrase ("the group of contests known as Super Tuesday")."""
    right = [
        t
        for child in cue.rights
        if child.dep_ not in ("punct", "cc", "conj") and child.i not in excluded
        for t in child.subtree
    ]
    if right:
        return right
    if cue.dep_ in ("acl", "relcl") and cue.head != cue:
        inner = {t.i for t in cue.subtree}
        return [t for t in cue.head.subtree if t.i not in inner]
    return []


def _adjacent_quotation(
    doc: Doc, cue: Token, source: Token | None, quotations: list[Quotation], quoted: set[int]
) -> Quotation | None:
    """The quotation the cue frames when the parse does not link them ("“...,” he said.",
    "..., telling reporters: “...”")."""
    frame = [cue.i]
    if source is not None:
        frame.extend(t.i for t in source.subtree)
    for child in cue.children:
        if child.dep_ != "punct" and not any(t.i in quoted for t in child.subtree):
            frame.extend(t.i for t in child.subtree)
    first, last = doc[min(frame)], doc[max(frame)]
    for quotation in quotations:
        if quotation.end <= first.idx and _only_joiners(doc, quotation.end, first.idx):
            return quotation
        after = last.idx + len(last.text)
        if quotation.start >= after and _only_joiners(doc, after, quotation.start):
            return quotation
    return None


def _only_joiners(doc: Doc, start: int, end: int) -> bool:
    """Whether characters ``start``..``end`` hold at most a comma, colon or dash and spaces."""
    if end - start > 4:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is None or all(t.is_space or t.text in _JOINERS for t in span)


def _cue_phrase(doc: Doc, cue: Token) -> Span:
    end = cue.i + 1
    for child in cue.rights:
        if child.i == end and (
            child.dep_ == "prt" or (cue.lower_ == "according" and child.lower_ == "to")
        ):
            end += 1
    return doc[cue.i : end]


def _addressee(cue: Token, lexicons: Lexicons) -> Span | None:
    lemma = cue.lemma_.lower()
    if lemma in lexicons.addressee_object:
        for child in cue.children:
            if child.dep_ in ("dobj", "dative") and _is_audience(child):
                has_other = (
                    any(
                        c.dep_ in _COMPLEMENTS or (c.dep_ == "punct" and c.text in "“”\"'")
                        for c in cue.children
                    )
                    or child.i > cue.i
                )
                if has_other:
                    return _phrase(child)
    for child in cue.children:
        if child.dep_ in ("prep", "dative") and child.lower_ == "to" and child.i > cue.i:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and _is_audience(pobj) and lemma in lexicons.speech_lemmas:
                return _phrase(pobj)
    return None


def _is_audience(token: Token) -> bool:
    return (
        token.pos_ in ("PROPN", "PRON")
        or token.ent_type_ in ("PERSON", "ORG", "NORP")
        or (token.pos_ == "NOUN" and token.tag_ == "NNS")
    )


def _phrase(token: Token) -> Span:
    doc = token.doc
    end = token.i + 1
    return doc[_left_edge(token) : end]


def _medium(cue: Token, lexicons: Lexicons) -> Span | None:
    """ "said in a statement", "wrote on X"; for "posted photos of his arrival on X, saying
    ...", the phrase in the posting verb's own words (not in what was said)."""
    preps = [c for c in cue.children if c.dep_ == "prep"]
    if cue.dep_ == "advcl" and cue.head != cue:
        said = {t.i for t in cue.subtree}
        preps += [
            t for t in cue.head.subtree if t.dep_ == "prep" and t.i not in said and t.i < cue.i
        ]
    for prep in preps:
        if prep.lower_ not in lexicons.medium_preps:
            continue
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is not None and _names_medium(pobj, lexicons):
            return cue.doc[prep.i : pobj.right_edge.i + 1]
    return None


def _names_medium(pobj: Token, lexicons: Lexicons) -> bool:
    words = {pobj.lemma_.lower(), pobj.text.lower()}
    words.update(c.lemma_.lower() for c in pobj.children if c.dep_ in ("compound", "amod"))
    return bool(words & lexicons.media)
