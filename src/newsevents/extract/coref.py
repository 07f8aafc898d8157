"""Link spans of the article to its actors: names, pronouns and nominals.

The events, quotes and quantities extractors call this module; the actors extractor calls
``add_references`` once, so every record's actors already carry the pronoun and nominal
mentions this module is confident about.

API (all offsets are character offsets into ``document.body``, end-exclusive)::

    actor_for_span(actors, start, end) -> Actor | None
        The actor with a mention overlapping [start, end): the one overlapping most, then the
        one with the shorter mention. Use it for a speaker, source or target span.

    referents(doc, actors, start, end) -> tuple[Actor, ...]
        What [start, end) refers to: the actor of an overlapping mention; else, for a pronoun
        ("he", "his", "she") or a nominal ("the Russian leader", "the prime minister", "the two
        leaders"), the actors it resolves to (two for "the two leaders"); else ().

    add_references(doc, actors, *, when=None) -> list[Actor]
        ``actors`` with the mentions of pronouns and singular nominals added where the
        resolution is confident (see below), mentions kept sorted.

Resolution, in the order a reader would do it:

- A pronoun (he/him/his, she/her) looks back over the people mentioned in its sentence and
  the two before; a person whose gender is known (first name, a gendered title) and differs
  is skipped. A subject pronoun prefers the latest subject; a possessive prefers the subject
  of its clause; an object pronoun skips the subject of its own verb. Pronouns inside a
  quotation are only resolved when one person is mentioned inside it (otherwise the speaker
  is a likely referent and quotes are the quotes extractor's business).
- A nominal ("the Russian leader", "the prime minister") is a definite noun phrase whose head
  is a title noun not followed by a name; it resolves to the latest person whose country
  agrees with its demonym and whose title or sector agrees with its head.
- "The two leaders", "both leaders", "the leaders": the two latest distinct people that agree.
Confident = the rule picked a candidate of matching gender and, for nominals, country.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..ontology import agents, countries, lexicon, names
from ..types import Actor, Span

# Sectors whose people are "leaders".
_LEADER_SECTORS = frozenset({"GOV", "REB", "OPP", "PTY", "IGO"})
_WINDOW_SENTENCES = 2


def mention(doc: Doc, start: int, end: int) -> Span:
    """The record span of tokens ``start``..``end`` (exclusive), without a possessive
    ending the tokenizer left attached ("Clinton’s" -> "Clinton")."""
    s = doc[start:end]
    text, stop = s.text, s.end_char
    for ending in POSSESSIVES:
        if text.endswith(ending) and len(text) > len(ending):
            text, stop = text[: -len(ending)], stop - len(ending)
            break
    return Span(start=s.start_char, end=stop, text=text)


POSSESSIVES = ("'s", "’s")


def with_id(actor: Actor, actor_id: str) -> Actor:
    return replace(actor, id=actor_id)


def actor_for_span(actors: Sequence[Actor], start: int, end: int) -> Actor | None:
    best: tuple[int, int, Actor] | None = None
    for actor in actors:
        for m in actor.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            rank = (overlap, -(m.end - m.start))
            if best is None or rank > best[:2]:
                best = (*rank, actor)
    return best[2] if best else None


def referents(doc: Doc, actors: Sequence[Actor], start: int, end: int) -> tuple[Actor, ...]:
    found = actor_for_span(actors, start, end)
    if found is not None:
        return (found,)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    resolver = _Resolver(doc, actors)
    for token in span:
        if token.lower_ in lexicon.words("pronoun"):
            one = resolver.pronoun(token, confident_only=False)
            return (one,) if one else ()
    head = span.root
    return resolver.nominal(head)


def add_references(doc: Doc, actors: Sequence[Actor], *, when: str | None = None) -> list[Actor]:
    """``actors`` with confident pronoun and nominal mentions added. ``when`` (the
    publication date) is accepted for symmetry with the other resolvers; titles already
    carry the date's reading."""
    resolver = _Resolver(doc, actors)
    extra: dict[str, list[Span]] = defaultdict(list)
    for token in doc:
        if resolver.covered(token):
            continue
        if token.lower_ in lexicon.words("pronoun"):
            actor = resolver.pronoun(token, confident_only=True)
            if actor is not None:
                extra[actor.id].append(mention(doc, token.i, token.i + 1))
                resolver.note(token, actor)
            continue
        found = resolver.nominal(token)
        if len(found) == 1 and not resolver.plural(token):
            start = resolver.nominal_start(token)
            extra[found[0].id].append(mention(doc, start, token.i + 1))
    return [
        replace(a, mentions=tuple(sorted({*a.mentions, *extra[a.id]}, key=lambda m: m.start)))
        if extra.get(a.id)
        else a
        for a in actors
    ]


class _Resolver:
    def __init__(self, doc: Doc, actors: Sequence[Actor]) -> None:
        self.doc = doc
        self.actors = list(actors)
        self.people = [a for a in actors if a.type == "person"]
        self.sent_starts = [s.start_char for s in doc.sents]
        self.quotes = _quoted_ranges(doc.text)
        self.mention_chars = {i for a in actors for m in a.mentions for i in range(m.start, m.end)}
        # Pronouns resolved so far count as mentions of their person (a chain of "he"s).
        self.resolved: list[tuple[int, bool, Actor]] = []
        self.gender = {a.id: _gender(a) for a in self.people}

    def covered(self, token: Token) -> bool:
        return token.idx in self.mention_chars

    def note(self, token: Token, actor: Actor) -> None:
        self.resolved.append((token.idx, token.dep_ in {"nsubj", "nsubjpass"}, actor))

    def _sentence(self, char: int) -> int:
        return bisect_right(self.sent_starts, char) - 1

    def _quote(self, char: int) -> tuple[int, int] | None:
        return next((q for q in self.quotes if q[0] <= char < q[1]), None)

    def _candidates(self, before: int, lo: int, hi: int) -> list[tuple[int, bool, Actor]]:
        """(position, is-subject, person) mentions in [lo, min(hi, before)), latest first."""
        found: list[tuple[int, bool, Actor]] = []
        for actor in self.people:
            for m in actor.mentions:
                if lo <= m.start < min(hi, before):
                    token = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                    subject = token is not None and token.root.dep_ in {"nsubj", "nsubjpass"}
                    found.append((m.start, subject, actor))
        found += [r for r in self.resolved if lo <= r[0] < min(hi, before)]
        return sorted(found, key=lambda f: -f[0])

    def pronoun(self, token: Token, *, confident_only: bool) -> Actor | None:
        value = lexicon.value("pronoun", token.lower_) or ""
        gender, _, role = value.partition(":")
        if gender not in {"m", "f"}:
            return None
        sentence = self._sentence(token.idx)
        lo = self.sent_starts[max(0, sentence - _WINDOW_SENTENCES)]
        hi = len(self.doc.text)
        quote = self._quote(token.idx)
        if quote is not None:
            lo, hi = quote
        candidates = [
            c for c in self._candidates(token.idx, lo, hi) if self.gender[c[2].id] in {None, gender}
        ]
        if not candidates:
            return None
        distinct = {c[2].id for c in candidates}
        if quote is not None:
            return candidates[0][2] if len(distinct) == 1 else None
        allowed = {c[2].id for c in candidates}
        if role in {"subj", "poss", "refl"}:
            # The subject of the nearest clause above the pronoun that has one: "Modi
            # thanked Putin ... and said he" -> Modi; "Gabuev said that Putin's interactions
            # show he" -> Putin (the possessor of that subject).
            subject = _governing_subject(token)
            if subject is not None:
                owner = self._person_in(subject)
                if owner is not None and (owner.id in allowed or role == "poss"):
                    return owner if self.gender[owner.id] in {None, gender} else None
        if len(distinct) == 1:
            return candidates[0][2]
        if role == "obj":
            own = _own_subject(token) or _controller(token)
            if own is None:
                return None if confident_only else candidates[0][2]
            subject_actor = self._person_in(own)
            rest = [c for c in candidates if c[2] is not subject_actor]
            return rest[0][2] if rest else None
        if role == "subj":
            # "..., he said": the latest person who was a subject, in this sentence or the
            # one before.
            since = self.sent_starts[max(0, sentence - 1)]
            subjects = [c for c in candidates if c[1] and c[0] >= since]
            if subjects:
                return subjects[0][2]
        return None if confident_only else candidates[0][2]

    def _person_in(self, token: Token) -> Actor | None:
        """The person a subject names: itself, or its possessor or apposition ("Putin's
        interactions", "Prime Minister Narendra Modi")."""
        found = self._actor_at(token)
        if found is not None:
            return found
        for child in token.children:
            if child.dep_ in {"poss", "appos", "compound"}:
                found = self._actor_at(child)
                if found is not None:
                    return found
        return None

    def _actor_at(self, token: Token) -> Actor | None:
        return actor_for_span(self.people, token.idx, token.idx + len(token.text))

    def plural(self, token: Token) -> bool:
        return token.tag_ in {"NNS", "NNPS"}

    def nominal_start(self, token: Token) -> int:
        return min(
            [token.i]
            + [c.i for c in token.lefts if c.dep_ in {"det", "amod", "compound", "nummod"}]
        )

    def nominal(self, token: Token) -> tuple[Actor, ...]:
        """People a definite title noun phrase ("the Russian leader") refers back to."""
        if token.pos_ not in {"NOUN", "PROPN"}:
            return ()
        lefts = list(token.lefts)
        if not any(c.lower_ in {"the", "both"} for c in lefts):
            return ()
        phrase = _nominal_phrase(token)
        if phrase is None:
            return ()
        nxt = token.nbor(1) if token.i + 1 < len(self.doc) else None
        if nxt is not None and nxt.pos_ == "PROPN":
            return ()  # "the prime minister Narendra Modi": a title, not a reference
        country = None
        of = [g for c in token.rights if c.lower_ == "of" for g in c.children]
        for c in [*lefts, *of]:
            found = countries.by_demonym(c.text) or countries.by_name(c.text)
            if found is not None:
                country = found.iso3
        # "The leaders" after two have been named are those two, as "the two leaders" are.
        plural = self.plural(token)
        wanted = 2 if plural or any(c.lower_ in {"two", "both"} for c in lefts) else 1
        matches: list[Actor] = []
        for _, _, actor in self._candidates(token.idx, 0, token.idx):
            if actor in matches or not _agrees(actor, phrase, country):
                continue
            matches.append(actor)
            if len(matches) == wanted:
                break
        if plural and len(matches) < 2:
            return ()
        return tuple(matches)


def _nominal_phrase(token: Token) -> str | None:
    nominals = lexicon.words("nominal")
    prev = token.nbor(-1) if token.i > 0 else None
    if prev is not None and f"{prev.lower_} {token.lemma_.lower()}" in nominals:
        return f"{prev.lower_} {token.lemma_.lower()}"
    for form in (token.lower_, token.lemma_.lower()):
        if form in nominals:
            return form
    return None


def _agrees(actor: Actor, phrase: str, country: str | None) -> bool:
    if country is not None and actor.country != country:
        return False
    title = (actor.title or "").lower()
    if phrase == "leader":
        return actor.sector in _LEADER_SECTORS or "leader" in title
    if phrase in title:
        return True
    agent = agents.agent(phrase)
    # "the minister" for a Foreign Minister; "the official" for any government person.
    return phrase.split()[-1] in title or (
        agent is not None and agent.kind == "member" and agent.sector == actor.sector
    )


def _governing_subject(token: Token) -> Token | None:
    """The subject of the nearest clause at or above ``token`` other than ``token`` itself:
    clauses without a subject of their own ("said he", "issued ... for his actions") hand
    the question up to the clause they belong to."""
    head = token.head
    while True:
        for child in head.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.i != token.i:
                return child
        if head.head.i == head.i:
            return None
        head = head.head


def _own_subject(token: Token) -> Token | None:
    """The explicit subject of the verb ``token`` depends on, if it has one."""
    head = token.head
    for child in head.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.i != token.i:
            return child
    return None


def _controller(token: Token) -> Token | None:
    """Who does the subjectless verb ``token`` depends on: the object of the verb that
    governs it ("thanked Putin for hosting him": Putin hosts, so "him" is someone else), else
    that verb's subject ("promised to visit him")."""
    verb = token.head
    governor = verb.head
    if verb.dep_ == "pcomp" and governor.dep_ == "prep":
        governor = governor.head
    elif verb.dep_ not in {"xcomp", "advcl"}:
        return None
    if governor.i == verb.i or governor.pos_ not in {"VERB", "AUX"}:
        return None
    found = {child.dep_: child for child in governor.children}
    return found.get("dobj") or found.get("nsubj") or found.get("nsubjpass")


def _gender(actor: Actor) -> str | None:
    for word in (actor.title or "").lower().split():
        if found := lexicon.value("gendered", word):
            return found
    first = actor.name.split()[0].rstrip(".") if actor.name else ""
    return names.gender(first) if len(actor.name.split()) > 1 else None


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges between opening and closing quotation marks."""
    ranges: list[tuple[int, int]] = []
    start: int | None = None
    for i, ch in enumerate(text):
        if ch == "“" or (ch == '"' and start is None):
            start = i
        elif (ch == "”" or ch == '"') and start is not None:
            ranges.append((start, i + 1))
            start = None
        elif ch == "\n" and start is not None and text[i - 1 : i + 1] == "\n\n":
            start = None  # a quote left open at a paragraph end continues in the next one
    return ranges
