"""What a trigger asserts: asserted, negated, planned, hypothetical or uncertain, and who
reports it ("X said Y attacked").

The cue words are data (``data/modality_cues.tsv``). The trigger's own auxiliaries, adverbs and
clause mark are read first; then the chain of verbs it is the complement of ("avoided
condemning", "is expected to seek", "said ... attacked"), nearest first. A noun trigger reads
the verb it is the object of ("will hold talks"). Infinitives of purpose or sequence ("to be
followed by talks") are planned.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from ...ontology.tables import read_tsv
from ...types import Modality

PACKAGE = "newsevents.extract.events"
# Dependencies along which a governing verb's meaning reaches its complement.
COMPLEMENT = {"xcomp", "ccomp", "pcomp", "acomp", "prep", "pobj", "conj", "dobj"}
# Priority when several cues apply: negation wins over everything, then hypothetical, ...
RANK: dict[str, int] = {"negated": 4, "hypothetical": 3, "uncertain": 2, "planned": 1}
# Verbs that lay an act at someone's door: what they say was done is their claim.
ACCUSING = {"accuse", "blame"}
# Clause marks that make an announced act conditional.
CONDITIONS = {"if", "unless", "provided"}


@dataclass(frozen=True, slots=True)
class Reading:
    modality: Modality
    reporter: Token | None  # head of the source that reports or claims the event
    cues: tuple[str, ...]


@cache
def _cues() -> dict[tuple[str, str], str]:
    return {
        (row["where"], row["cue"]): row["kind"]
        for row in read_tsv(PACKAGE, "data/modality_cues.tsv")
    }


@cache
def intent_cues() -> frozenset[str]:
    """Cues by which an actor states what it means to do ("will", "vowed to", "threatened to"),
    as against what others expect or schedule ("is expected to", "is due to")."""
    rows = read_tsv(PACKAGE, "data/modality_cues.tsv")
    return frozenset(row["cue"] for row in rows if row.get("intent") == "yes")


@cache
def reporting_verbs() -> frozenset[str]:
    """Verbs that report or claim what their clause says ("said", "announced")."""
    return frozenset(c for (where, c), kind in _cues().items() if kind == "reported")


def _announced(verb: Token) -> bool:
    """Whether ``verb``'s "would" is the "will" of reported speech, put in the past by the
    reporting verb (or "warned"): "NATO said it would tighten the blockade" reports NATO's
    plan, as "NATO said: we will tighten" does. It is so when the reporter speaks of itself (a
    pronoun or its own name as subject) and no condition is attached ("... would visit if the
    talks succeed"); "analysts said the deal would help" stays a conjecture."""
    governor = verb.head
    if verb.dep_ != "ccomp" or governor.tag_ not in {"VBD", "VBN"}:
        return False
    if _cues().get(("governor", governor.lemma_.lower())) != "reported" and (
        governor.lemma_.lower() != "warn"
    ):
        return False
    own, speaker = subject(verb), subject(governor)
    if own is None or speaker is None:
        return False
    if own.pos_ != "PRON" and own.lower_ != speaker.lower_:
        return False
    return not any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
        for c in verb.children
    )


def _own(verb: Token) -> list[tuple[str, str]]:
    """Cues on the verb itself: (kind, cue word)."""
    cues = _cues()
    found = []
    for child in verb.children:
        word = child.lower_
        if child.dep_ in {"aux", "auxpass"} and ("aux", word) in cues:
            kind = cues["aux", word]
            if word == "would" and _announced(verb):
                kind = "planned"
            found.append((kind, word))
        elif child.dep_ == "neg" or (child.dep_ == "advmod" and ("adverb", word) in cues):
            kind = "negated" if child.dep_ == "neg" else cues["adverb", word]
            if kind != "reported":
                found.append((kind, word))
        elif child.dep_ == "mark" and ("mark", word) in cues:
            found.append((cues["mark", word], word))
    done = verb.dep_ == "xcomp" and cues.get(("governor", verb.head.lemma_.lower())) == "done"
    if (
        verb.dep_ in {"advcl", "xcomp", "acl"}
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
        and not done
    ):
        found.append(("planned", "to"))
    return found


def subject(verb: Token) -> Token | None:
    """The subject of ``verb``, active or passive."""
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _according_to(verb: Token) -> Token | None:
    if "according" not in verb.sent.text:
        return None
    for token in verb.subtree:
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            to = token.doc[token.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def charged_act(noun: Token) -> Token:
    """The word that stands in an "of"/"for" phrase for the act ``noun`` names: the noun, or
    the noun the parse made it a modifier of ("accused Russia of [bombing] hospitals")."""
    if noun.dep_ == "compound" and noun.head.dep_ == "pobj":
        return noun.head
    return noun


def _imputer(noun: Token) -> Token | None:
    """Who lays the act ``noun`` names at another's door: "Amnesty accused the army of
    torture", "Washington blamed Moscow for the attack" (the act is their claim)."""
    noun = charged_act(noun)
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"of", "for"}:
        return None
    owner = prep.head
    if owner.dep_ == "dobj":
        owner = owner.head  # the parse may hang the phrase on the accused
    return subject(owner) if owner.lemma_.lower() in ACCUSING else None


def read(trigger: Token) -> Reading:
    """The modality of ``trigger`` and the head of whoever reports it."""
    cues = _cues()
    found: list[tuple[str, str]] = []
    reporter: Token | None = None
    verb = trigger
    if trigger.pos_ not in {"VERB", "AUX"} and trigger.dep_ != "nsubj":
        # A noun reads the verb it belongs to: "will hold talks", "avoided the summit"; not
        # the verb it is the subject of ("the trip could help him").
        head = trigger.head
        if head.dep_ in {"prep", "agent"}:
            head = head.head
        verb = head if head.pos_ in {"VERB", "AUX", "ADJ"} else trigger
        if verb.i != trigger.i:
            found.extend(_own(verb))
        reporter = _imputer(trigger)
    else:
        found.extend(_own(verb))
    own = len(found)
    node = verb
    questioned = False
    for _ in range(6):
        if node.dep_ not in COMPLEMENT or node.head.i == node.i:
            break
        if node.dep_ == "ccomp" and any(
            c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in node.children
        ):
            # "It is not clear whether Iran will attack": an open question, which no
            # negation above it answers.
            found.append(("uncertain", "whether"))
            questioned = True
        governor = node.head
        lemma = governor.lemma_.lower()
        kind = cues.get(("governor", lemma))
        if (kind == "reported" and node.dep_ in {"ccomp", "conj"}) or (
            kind == "reported" and node.dep_ == "prep" and lemma in ACCUSING
        ):
            reporter = reporter or subject(governor)
        elif kind not in {None, "reported", "done"} and node.dep_ != "conj":
            found.append((kind, lemma))
        # "is not willing to negotiate": the copula holds the negation of the intent the
        # adjective states ("it is not clear whether" negates no act).
        intent = node.dep_ == "acomp" and cues.get(("governor", node.lemma_.lower())) == "planned"
        if (
            not questioned
            and any(c.dep_ == "neg" for c in governor.children)
            and (node.dep_ in {"xcomp", "ccomp"} or intent)
        ):
            found.append(("negated", "not " + lemma))
        node = governor
    reporter = reporter or _according_to(verb)
    if not found:
        return Reading("asserted", reporter, ())
    if questioned:
        # Whatever the clause's own auxiliaries say ("whether Iran will attack"), whether it
        # happens is the question.
        return Reading("uncertain", reporter, tuple(w for _, w in found))
    # The trigger's own auxiliaries and adverbs say more than the verbs above it ("officials
    # warned Iran may attack": uncertain, not the warning's hypothetical); negation anywhere
    # still wins.
    pool = found[:own] if own and not any(k == "negated" for k, _ in found[own:]) else found
    kind = max((k for k, _ in pool), key=lambda k: RANK.get(k, 0))
    modality: Modality = kind  # type: ignore[assignment]
    return Reading(modality, reporter, tuple(w for _, w in found))
