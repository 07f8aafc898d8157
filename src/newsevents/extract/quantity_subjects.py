"""What a quantity counts or measures: the counted noun and the subject phrase.

A count counts the noun right after it ("20 Indian soldiers", "12 other committees",
"5,176 rounds of ammunition"), the noun after "of" ("25 of its final 52 shots") or the noun
before "of" ("a mob of around 200"). An amount or share is about the noun after "of" ("40%
of its oil imports"), the noun it describes ("a $25,000 cash prize"), the noun before "of"
("losses of around rs 300 crore") or the subject of its clause ("India-Russia trade has seen
a sharp increase, touching close to $65 billion").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .quantity_lexicons import QuantityLexicons

_SKIPPABLE = frozenset({"ADJ", "NUM"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your"})
_DETERMINERS = frozenset({"the", "a", "an", "these", "those", "this", "that"})
# A subject phrase longer than this is cut back to its head noun and what precedes it.
_MAX_SUBJECT_TOKENS = 8
# A relative clause or prepositional phrase longer than this is left out of a subject.
_MAX_MODIFIER_TOKENS = 8


@dataclass(frozen=True, slots=True, kw_only=True)
class Counted:
    """The noun phrase a count counts (token span ``start``..``end``) and what it is."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    role: str | None  # person, time, casualty, arrest (of the head noun), or None
    person: bool
    casualty: bool
    event: str | None  # what happened to them: "killed", "arrested"


def counted_noun(doc: Doc, start: int, end: int, lex: QuantityLexicons) -> Counted | None:
    """The noun phrase counted by the quantity at tokens ``start``..``end``."""
    phrase = _noun_after(doc, end)
    adjective = _casualty_word_after(doc, end, lex)
    if phrase is None and adjective is not None:
        # "59 dead", "five seriously wounded": people, though no noun says so.
        word = doc[adjective]
        return Counted(
            start=adjective,
            end=adjective + 1,
            start_char=word.idx,
            end_char=word.idx + len(word.text),
            text=word.text,
            role="casualty",
            person=True,
            casualty=True,
            event=None,
        )
    if phrase is None and end < len(doc) and doc[end].lower_ == "of":
        phrase = _noun_after(doc, end + 1, allow_determiner=True)
    if phrase is None and start >= 2 and doc[start - 1].lower_ == "of":
        head = doc[start - 2]
        if head.pos_ in _NOMINAL:
            phrase = (_left_edge(head), head.i + 1)
    if phrase is None:
        return _casualty_only(doc, start, end, lex)
    first, stop = phrase
    head = doc[stop - 1]
    stop = _with_of_phrase(doc, stop)
    role = lex.nouns.get(head.lower_) or lex.nouns.get(head.lemma_.lower())
    person = role == "person" or head.ent_type_ in ("NORP", "PERSON") or role == "casualty"
    event = _event(doc, head, stop, lex)
    casualty = role == "casualty" or (event is not None and lex.nouns.get(event) == "casualty")
    span = doc[first:stop]
    return Counted(
        start=first,
        end=stop,
        start_char=span.start_char,
        end_char=span.end_char,
        text=span.text,
        role=role,
        person=person,
        casualty=casualty and person,
        event=event,
    )


def _casualty_word_after(doc: Doc, i: int, lex: QuantityLexicons) -> int | None:
    if i < len(doc) and doc[i].pos_ == "ADV":
        i += 1
    if (
        i < len(doc)
        and lex.nouns.get(doc[i].lower_) == "casualty"
        and doc[i].pos_ in ("ADJ", "VERB")
    ):
        return i
    return None


def _noun_after(doc: Doc, i: int, *, allow_determiner: bool = False) -> tuple[int, int] | None:
    """The noun chain starting at token ``i`` after adjectives: ("textile", "mills")."""
    first = i
    if allow_determiner:
        while i < len(doc) and (
            doc[i].lower_ in _DETERMINERS or doc[i].lower_ in _POSSESSIVE_PRONOUNS
        ):
            i += 1
        first = i
        # A named possessor stays in the phrase: "India's military equipment".
        while i + 1 < len(doc) and doc[i].pos_ == "PROPN" and doc[i + 1].tag_ == "POS":
            i += 2
        while (
            i + 2 < len(doc)
            and doc[i].pos_ == "PROPN"
            and doc[i + 1].pos_ == "PROPN"
            and doc[i + 2].tag_ == "POS"
        ):
            i += 3
    while (
        i < len(doc)
        and i - first < 6
        and (
            doc[i].pos_ in _SKIPPABLE
            or doc[i].text == "-"
            or (doc[i].tag_ in ("VBN", "VBG") and i > first and doc[i - 1].text == "-")
        )
    ):
        if doc[i].text == "-" and (
            i + 1 >= len(doc) or doc[i + 1].pos_ not in _NOMINAL | _SKIPPABLE | {"VERB"}
        ):
            return None
        i += 1
    if i >= len(doc) or doc[i].pos_ not in _NOMINAL:
        return None
    while i + 1 < len(doc) and doc[i].tag_ not in ("NNS", "NNPS"):  # a plural ends the chain
        if (
            doc[i + 1].pos_ in _NOMINAL
            and doc[i + 1].dep_ != "appos"
            and doc[i + 1].ent_type_ not in ("DATE", "TIME")
        ):
            i += 1
        elif (
            doc[i + 1].tag_ == "POS" and i + 2 < len(doc) and doc[i + 2].pos_ in _NOMINAL | {"ADJ"}
        ):
            i += 2  # "women's semifinal games": the possessor is no head
            while i < len(doc) and doc[i].pos_ == "ADJ":
                i += 1
            if i >= len(doc) or doc[i].pos_ not in _NOMINAL:
                return None
        else:
            break
    if doc[i].pos_ == "PROPN" and doc[i].ent_type_ != "NORP" and doc[i].tag_ != "NNPS":
        return None  # "8024 Turtle Creek", "2 Broadway": a name, not a thing counted
    while first < i and doc[first].text == "-":
        first += 1
    return first, i + 1


def _left_edge(head: Token) -> int:
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("compound", "amod", "nmod"):
            start = min(start, child.left_edge.i)
    return start


def _with_modifiers(doc: Doc, stop: int) -> int:
    """The end of a counted phrase with what follows its head and belongs to it: "calls
    received by the fire brigade", "students who went to the U.K.", "seats in the House"."""
    head = doc[stop - 1]
    end = stop
    for child in head.rights:
        if child.dep_ in ("acl", "relcl", "prep") and child.i <= end + 1:
            right = child.right_edge.i + 1
            words = doc[child.left_edge.i : right]
            # Short, and no other quantity in it ("townhouses ranging from $524,900 to ...").
            if right - stop <= _MAX_MODIFIER_TOKENS and not any(t.like_num for t in words):
                end = max(end, right)
    while end > stop and doc[end - 1].is_punct:
        end -= 1
    return end


def _with_of_phrase(doc: Doc, stop: int) -> int:
    """ "rounds of ammunition", "members of the committee": the "of" phrase belongs to it."""
    if stop + 1 < len(doc) and doc[stop].lower_ == "of" and not doc[stop + 1].like_num:
        pobj = next((c for c in doc[stop].children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.i - stop <= 4:
            return pobj.i + 1
    return stop


def _event(doc: Doc, head: Token, stop: int, lex: QuantityLexicons) -> str | None:
    """What happened to the counted people: "were killed", "who died", "injured"."""
    candidates: list[Token] = []
    first = head
    for _ in range(3):  # "24 civilians, 24 Kurdish fighters, and 25 militiamen were killed"
        if first.dep_ in ("conj", "appos") and first.head != first:
            first = first.head
    if first.i != head.i and first.dep_ in ("nsubj", "nsubjpass"):
        candidates.append(first.head)
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        candidates.append(head.head.head)  # "the lives of some 70,000 people"
    if head.dep_ in ("nsubj", "nsubjpass") and head.head != head:
        candidates.append(head.head)
        candidates += [c for c in head.head.children if c.dep_ in ("acomp", "oprd", "xcomp")]
    clauses = [c for c in head.children if c.dep_ in ("acl", "relcl")]
    candidates += clauses
    # "terrorists who were shot dead": the clause's complement says what happened.
    candidates += [g for c in clauses for g in c.children if g.dep_ in ("acomp", "oprd", "xcomp")]
    candidates += [c for c in head.children if c.dep_ in ("amod", "prep")]
    candidates += [g for c in head.children if c.dep_ == "prep" for g in c.children]
    if stop < len(doc):
        candidates.append(doc[stop])  # "left 20 people injured"
    for token in candidates:
        for word in (token.lower_, token.lemma_.lower()):
            if lex.nouns.get(word) in ("casualty", "arrest"):
                return word
    return None


def _casualty_only(doc: Doc, start: int, end: int, lex: QuantityLexicons) -> Counted | None:
    """A bare number in a casualty clause: "the toll now stands at 667", "the death toll
    from 544 to 607", "the figure of those dead has gone up from 30 to 34"."""
    token = doc[start:end].root
    holder: Token | None = None
    for _ in range(4):
        if token.head == token:
            break
        token = token.head
        if token.pos_ in ("NOUN", "PROPN"):
            holder = token
            break
        if token.pos_ in ("VERB", "AUX"):
            # "the figure of those dead has gone up from 30 to 34", "taking the death toll
            # in the city from 243 to 271": the subject or object says what is counted.
            holders = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
            holder = next((h for h in holders if _mentions_casualty(h, start, end, lex)), None)
            break
    if holder is None or not _mentions_casualty(holder, start, end, lex):
        return None
    first = _left_edge(holder)
    span = doc[first : holder.i + 1]
    return Counted(
        start=first,
        end=holder.i + 1,
        start_char=span.start_char,
        end_char=span.end_char,
        text=span.text,
        role="casualty",
        person=True,
        casualty=True,
        event=None,
    )


def _mentions_casualty(holder: Token, start: int, end: int, lex: QuantityLexicons) -> bool:
    return any(
        lex.nouns.get(t.lower_) == "casualty" for t in holder.subtree if t.i < start or t.i >= end
    )


def subject_of(
    doc: Doc, start: int, end: int, counted: Counted | None, kind: str, lex: QuantityLexicons
) -> str | None:
    """What the quantity at tokens ``start``..``end`` counts or measures, in the text's words."""
    if counted is not None and kind in ("count", "casualties"):
        text = _clean(doc, counted.start, _with_modifiers(doc, counted.end))
        if counted.event and counted.event not in text.lower().split():
            text = f"{text} {counted.event}"
        return text
    if end < len(doc) and doc[end].lower_ == "of":
        found = _noun_after(doc, end + 1, allow_determiner=True)
        if found is not None:
            return _clean(doc, found[0], _with_modifiers(doc, _with_of_phrase(doc, found[1])))
    if end + 1 < len(doc) and doc[end].lower_ == "in" and kind == "money":
        found = _noun_after(doc, end + 1, allow_determiner=True)
        if found is not None and not _is_time(doc[found[0] : found[1]], lex):
            return _clean(doc, *found)  # "$300 billion in federal funding", not "in 2023"
    described = _noun_after(doc, end)
    if described is not None:
        return _clean(doc, *described)
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in ("of", "worth", "at", "to") and start >= 2:
        head = doc[start - 2]
        if before.lower_ == "to" and start >= 3:
            head = doc[start - 3]  # "wages totalling to around rs 10 crore"
        if head.pos_ == "NOUN" and before.lower_ in ("of", "worth"):
            return _clean(doc, _left_edge(head), head.i + 1)
        if head.dep_ == "acl" and head.head.pos_ == "NOUN":
            noun = head.head  # "loss of wages totalling to ...", "projects valued at ..."
            return _clean(doc, _left_edge(noun), _with_of_phrase(doc, noun.i + 1))
    return _clause_subject(doc, start, end)


def _is_time(span: Span, lex: QuantityLexicons) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") or lex.nouns.get(t.lower_) == "time" for t in span)


def _clause_subject(doc: Doc, start: int, end: int) -> str | None:
    verb = doc[start:end].root
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
            noun = verb.head  # a participle describing a noun: the amount is that noun's
            return _clean(doc, _left_edge(noun), _with_of_phrase(doc, noun.i + 1))
        if verb.pos_ in ("VERB", "AUX"):
            gapped = [
                c
                for c in verb.children
                if c.dep_ == "conj" and c.pos_ in _NOMINAL and verb.i < c.i < start
            ]
            if gapped:
                # "Imports touched $60 billion and exports from India $4 billion": the verb
                # is left out, and the noun before the amount is its subject.
                noun = gapped[-1]
                tokens = [t for t in noun.subtree if t.i < start]
                return _clean(doc, tokens[0].i, tokens[-1].i + 1)
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.left_edge.i <= start < subject.right_edge.i + 1:
                return None  # the quantity is the subject itself
            if subject is not None and subject.pos_ != "PRON":
                tokens = sorted(subject.subtree, key=lambda t: t.i)
                if len(tokens) > _MAX_SUBJECT_TOKENS:
                    return _clean(doc, _left_edge(subject), subject.i + 1)
                return _clean(doc, tokens[0].i, tokens[-1].i + 1)
            if verb.dep_ not in ("advcl", "xcomp", "conj", "ccomp") or verb.head == verb:
                return None
        if verb.head == verb:
            return None
        verb = verb.head
    return None


def _clean(doc: Doc, start: int, end: int) -> str:
    """The phrase without a leading determiner or possessive pronoun ("its oil imports")."""
    while start < end and (
        doc[start].lower_ in _DETERMINERS
        or doc[start].lower_ in _POSSESSIVE_PRONOUNS
        or doc[start].text in ("-", ",")
    ):
        start += 1
    return doc[start:end].text
