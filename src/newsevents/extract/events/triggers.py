"""Candidate triggers: the verbs and nouns of a sentence that the dictionary codes as events.

Statements ("said", "told": CAMEO 01) are not events here: who said what is the quotes'
business (issue 5). A noun that is the object of a coded verb ("imposed sanctions", "held
talks") is the same event as the verb and is dropped, as is the modifier of a coded noun
("arrest" in "arrest warrant"). A reporting verb whose reported clause holds a candidate
("announced that it will withdraw") is not a second event: the reported act is the event,
and the reporter becomes its ``reported_by`` (PLOVER codes "announced ... will withdraw" once).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import Match, match_noun, match_verb
from .modality import reporting_verbs

STATEMENT_ROOT = "01"


def candidates(sentence: Span) -> list[tuple[Token, Match]]:
    """(trigger, dictionary match) for every coded verb and event noun of ``sentence``."""
    verbs: dict[int, Match] = {}
    nouns: dict[int, Match] = {}
    for token in sentence:
        if token.pos_ == "VERB":
            match = match_verb(token)
            if match is not None and match.code and not match.code.startswith(STATEMENT_ROOT):
                verbs[token.i] = match
        elif token.pos_ in {"NOUN", "PROPN"} and token.ent_type_ not in {"ORG", "GPE", "PERSON"}:
            match = match_noun(token)
            if match is not None:
                nouns[token.i] = match
    doc = sentence.doc
    reporting = reporting_verbs()
    for i in list(verbs):
        token = doc[i]
        if token.lemma_.lower() in reporting and any(
            c.dep_ == "ccomp" and c.i in verbs for c in token.children
        ):
            del verbs[i]
    found = [(doc[i], m) for i, m in verbs.items()]
    for i, match in nouns.items():
        token = doc[i]
        if token.dep_ in {"dobj", "nsubjpass"} and token.head.i in verbs:
            continue
        if token.dep_ == "compound" and token.head.i in nouns:
            continue
        found.append((token, match))
    return sorted(found, key=lambda pair: pair[0].i)
