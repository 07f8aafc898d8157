"""The trigger dictionary: verbs and nouns that name events, with their CAMEO codes.

Reviewable data files feed it: the PETRARCH2 CAMEO verb dictionary converted to tables
(``ontology/data/cameo_verbs.tsv``, ``cameo_verb_patterns.tsv``, ``cameo_synsets.tsv``), our
verb additions and overrides (``data/event_verbs.tsv``), verbs coded by who does them
(``data/subject_verbs.tsv``: "nurses struck" is a strike) and our event nouns
(``data/event_nouns.tsv``). A row of ours may keep a verb to those of its Phoenix patterns
that share its own CAMEO root. A verb's code comes from its subject's row, else its most specific
matching pattern (words that must follow it, or precede it as its subject), else its own
default code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from ...ontology.agents import agent
from ...ontology.tables import read_tsv

ONTOLOGY = "newsevents.ontology"
PACKAGE = "newsevents.extract.events"
# How far past the verb a pattern's words may be found (tokens of the verb's own subtree).
WINDOW = 12
# A pattern item that stands for the verb's direct object (or the passive subject), whatever
# its words: "returned 12 skulls to Peru" returns property, "returned to Geneva" does not.
OBJECT = "@object"
OBJECT_DEPS = {"dobj", "nsubjpass"}
# What a parenthesised pattern group may attach by: a preposition, a particle ("called off"),
# the agent of a passive ("by"), an indirect object's "to".
PHRASE_DEPS = {"prep", "prt", "agent", "dative"}
# Pattern words that only link ("withdraw * from"): a tie between two patterns goes to the one
# that names more.
PREPOSITIONS = frozenset(
    {
        "about",
        "against",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "out",
        "over",
        "to",
        "toward",
        "towards",
        "under",
        "with",
        "without",
    }
)


@dataclass(frozen=True, slots=True)
class Pattern:
    before: tuple[frozenset[str], ...]
    after: tuple[frozenset[str], ...]
    code: str
    # PETRARCH's parenthesised groups: "(for sanctions)" is a prepositional phrase headed by
    # "for" that belongs to the verb, not any "for" further on ("called Erdogan on Friday"
    # is no "call (on)" appeal). Each group is its preposition and the words of its object.
    phrases: tuple[tuple[frozenset[str], tuple[frozenset[str], ...]], ...] = ()
    # Whose pattern it is, for the rule a match reports: ours override Phoenix's on its verbs.
    source: str = "phoenix"
    # Our row says its type stands over the event classifier's (``keep`` in event_verbs.tsv).
    keep: bool = False

    @property
    def size(self) -> int:
        return len(self.before) + len(self.after)

    @property
    def content(self) -> int:
        """How many of its words are more than a bare preposition: of two patterns of one
        size, "withdraw * &pko" (1661) says more than "withdraw * from" (0874)."""
        return sum(1 for item in (*self.before, *self.after) if item.isdisjoint(PREPOSITIONS))


@dataclass(frozen=True, slots=True)
class Entry:
    """What the dictionary knows about one trigger lemma."""

    code: str | None  # default code; None: only patterns code it
    patterns: tuple[Pattern, ...]
    source: str  # "phoenix", "newsevents" or "noun"


@dataclass(frozen=True, slots=True)
class Match:
    code: str | None
    rule: str  # which entry/pattern gave the code, for explanations
    keep: bool = False  # the code's type stands over the classifier's


@cache
def _synsets() -> dict[str, frozenset[str]]:
    sets: dict[str, set[str]] = {}
    for row in read_tsv(ONTOLOGY, "data/cameo_synsets.tsv"):
        # A multi-word member matches on its last two words ("armed forces", "cease fire"),
        # which forms() offers as a pair: its head alone would let "set fire" be a ceasefire
        # and any "to" an auxiliary.
        words = row["word"].replace("-", " ").split()
        sets.setdefault(row["set"], set()).add(" ".join(words[-2:]))
    return {name: frozenset(words) for name, words in sets.items()}


def _item(word: str) -> frozenset[str]:
    word = word.strip("()")
    if word.startswith("&"):
        return _synsets().get(word, frozenset())
    return frozenset({word})


def _items(text: str) -> tuple[frozenset[str], ...]:
    items = tuple(_item(w) for w in text.split() if w.strip("()"))
    return tuple(i for i in items if i)


def _phrases(text: str) -> tuple[tuple[frozenset[str], tuple[frozenset[str], ...]], ...]:
    """The parenthesised groups of a pattern: (preposition, words of its object). A group
    left open runs to the end of the pattern, as PETRARCH reads it."""
    groups: list[list[str]] = []
    inside = False
    for word in text.split():
        if word.startswith("("):
            groups.append([])
            inside = True
        if inside and word.strip("()"):
            groups[-1].append(word)
        if word.endswith(")"):
            inside = False
    found = []
    for group in groups:
        items = [_item(w) for w in group]
        if items and items[0]:
            found.append((items[0], tuple(i for i in items[1:] if i)))
    return tuple(found)


def _pattern(
    before: str, after: str, code: str, source: str = "phoenix", keep: bool = False
) -> Pattern:
    return Pattern(_items(before), _items(after), code, _phrases(after), source, keep)


@cache
def verbs() -> dict[str, Entry]:
    """Verb lemma (or "verb particle" phrase) -> entry."""
    by_block: dict[str, list[Pattern]] = {}
    for row in read_tsv(ONTOLOGY, "data/cameo_verb_patterns.tsv"):
        pattern = _pattern(row["before"], row["after"], row["code"])
        if pattern.size:
            by_block.setdefault(row["block"], []).append(pattern)
    codes: dict[str, str | None] = {}
    patterns: dict[str, list[Pattern]] = {}
    for row in read_tsv(ONTOLOGY, "data/cameo_verbs.tsv"):
        verb = row["verb"]
        if codes.get(verb) is None:
            codes[verb] = row["code"] or None
        patterns.setdefault(verb, []).extend(by_block.get(row["block"], ()))
    entries = {
        verb: Entry(
            code=codes[verb],
            patterns=tuple(sorted(patterns[verb], key=lambda p: (-p.size, -p.content))),
            source="phoenix",
        )
        for verb in codes
    }
    ours: dict[str, list[Pattern]] = {}
    defaults: dict[str, str] = {}
    own_root: set[str] = set()
    for row in read_tsv(PACKAGE, "data/event_verbs.tsv"):
        if row["after"]:
            # An empty code here means: this phrase is not an event ("the talks went well").
            ours.setdefault(row["lemma"], []).append(
                _pattern("", row["after"], row["code"], "newsevents", row["keep"] == "yes")
            )
        else:
            defaults[row["lemma"]] = row["code"]
            if row["patterns"] == "root":
                own_root.add(row["lemma"])
    for lemma in sorted(set(ours) | set(defaults)):
        old = entries.get(lemma)
        code = defaults.get(lemma, old.code if old else None)
        borrowed = old.patterns if old else ()
        if lemma in own_root and code:
            borrowed = tuple(p for p in borrowed if p.code[:2] == code[:2])
        entries[lemma] = Entry(
            code=code,
            patterns=tuple(ours.get(lemma, ())) + borrowed,
            source="newsevents" if lemma in defaults else (old.source if old else "newsevents"),
        )
    return entries


@cache
def subject_verbs() -> dict[str, tuple[frozenset[str], str]]:
    """Verb lemma -> (subject sectors, code): acts that differ by who does them
    (``data/subject_verbs.tsv``)."""
    return {
        row["lemma"]: (frozenset(row["sectors"].split()), row["code"])
        for row in read_tsv(PACKAGE, "data/subject_verbs.tsv")
    }


def _by_subject(token: Token, lemma: str) -> Match | None:
    """The code ``subject_verbs`` gives ``token``: no direct object, a subject of the sector."""
    rule = subject_verbs().get(lemma)
    if rule is None or any(c.dep_ in OBJECT_DEPS for c in token.children):
        return None
    sectors, code = rule
    # An infinitive's doer is its governor's subject ("the union vowed not to strike").
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    if not doers and token.dep_ == "xcomp":
        doers = [c for c in token.head.children if c.dep_ == "nsubj"]
    for child in doers:
        found = agent(child.lemma_) or agent(child.text)
        if found is not None and found.sector in sectors:
            return Match(code, f"newsevents:{lemma} by {found.sector}")
    return None


@cache
def no_events() -> frozenset[str]:
    """Verbs our table says are no event by themselves ("expect", "increase", "try"): the
    fallback for an uncoded sentence does not code them either."""
    return frozenset(
        row["lemma"]
        for row in read_tsv(PACKAGE, "data/event_verbs.tsv")
        if not row["code"] and not row["after"]
    )


@cache
def pace_verbs() -> frozenset[str]:
    """Verbs that change the pace or scale of the act their object names ("stepped up
    attacks", "reiterated its demand"): the noun is the event, whatever the verb's patterns
    say (``data/pace_verbs.tsv``)."""
    return frozenset(row["lemma"] for row in read_tsv(PACKAGE, "data/pace_verbs.tsv"))


def phrasal_lemma(verb: Token) -> str:
    """The verb's lemma with its particle, if any ("step up")."""
    particle = next((c for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return f"{lemma} {particle.lower_}" if particle is not None else lemma


@cache
def light_verbs() -> frozenset[str]:
    """Verbs that carry out the act their object names ("held talks", "issued a warrant"):
    the event noun object is the event, not the verb."""
    return frozenset(row["lemma"] for row in read_tsv(PACKAGE, "data/light_verbs.tsv"))


@cache
def nouns() -> dict[str, str]:
    """Event noun lemma -> CAMEO code."""
    return {row["lemma"]: row["code"] for row in read_tsv(PACKAGE, "data/event_nouns.tsv")}


# Modifiers saying parties act together.
JOINT_WORDS = frozenset({"joint", "combined", "bilateral", "multinational", "trilateral"})


@cache
def noun_keeps() -> dict[str, str]:
    """Event noun -> its ``keep`` value in event_nouns.tsv: "yes" where the row's type stands
    over the classifier's, "joint" where it does so for parties acting together."""
    return {
        row["lemma"]: row["keep"]
        for row in read_tsv(PACKAGE, "data/event_nouns.tsv")
        if row["keep"]
    }


def joint(noun: Token) -> bool:
    """Whether the act ``noun`` names is done by two or more parties together: "joint",
    "combined" or "bilateral" exercises, exercises "with" another army, or a doer that is
    itself several ("Jordan and the United States began ...", "French and Egyptian warships
    launched ...", "staged by U.S. marines and Jordanian armed forces")."""
    if any(c.dep_ == "amod" and c.lower_ in JOINT_WORDS for c in noun.children):
        return True
    verb = noun.head if noun.dep_ in {"dobj", "nsubjpass", "pobj"} else None
    if verb is not None and verb.dep_ == "prep":
        verb = verb.head  # "a new round of joint exercises": the round's verb
        if verb.dep_ in {"dobj", "nsubjpass"}:
            verb = verb.head
    holders = [noun] if verb is None else [noun, verb]
    if any(c.dep_ == "prep" and c.lower_ == "with" for h in holders for c in h.children):
        return True
    if verb is None:
        return False
    # A subject or agent phrase holding a conjunct: "Jordan and the United States", "by U.S.
    # marines and Jordanian armed forces" (the agent's subtree holds its object's conjuncts).
    doers = [c for c in verb.children if c.dep_ in {"nsubj", "agent"}]
    return any(t.dep_ == "conj" for d in doers for t in d.subtree)


def forms(token: Token) -> frozenset[str]:
    """The strings a dictionary word may match: lower-case text and lemma, and each paired
    with the word before (a hyphen passed over: "cease-fire"), for multi-word synset members."""
    lower, lemma = token.lower_, token.lemma_.lower()
    before = token.nbor(-1) if token.i > 0 else None
    if before is not None and before.text == "-" and before.i > 0:
        before = before.nbor(-1)
    if before is None:
        return frozenset((lower, lemma))
    left = before.lower_
    return frozenset((lower, lemma, f"{left} {lower}", f"{left} {lemma}"))


def _subsequence(items: tuple[frozenset[str], ...], words: list[frozenset[str]]) -> bool:
    wanted = iter(items)
    item = next(wanted, None)
    for word in words:
        if item is None:
            break
        if not item.isdisjoint(word):
            item = next(wanted, None)
    return item is None


def match_verb(token: Token) -> Match | None:
    """The dictionary code of verb ``token``: best pattern, else the verb's default code.

    Returns None when the verb is not in the dictionary, and a Match with code None when it
    is but neither its default nor any pattern codes it here.
    """
    lemma = token.lemma_.lower()
    particle = next((c for c in token.children if c.dep_ in {"prt", "prep"}), None)
    entry = None
    if particle is not None:
        entry = verbs().get(f"{lemma} {particle.lower_}")
    entry = entry or verbs().get(lemma)
    if entry is None:
        return None
    if (by_subject := _by_subject(token, lemma)) is not None:
        return by_subject
    after = [forms(t) for t in token.subtree if t.i > token.i][:WINDOW]
    if any(c.dep_ in OBJECT_DEPS for c in token.children):
        after.insert(0, frozenset({OBJECT}))
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    before = [forms(t) for s in subjects for t in s.subtree]
    # Most patterns fail on their first word: test every item against all words at once
    # before paying for the ordered match.
    seen_after = frozenset().union(*after)
    seen_before = frozenset().union(*before)
    for pattern in entry.patterns:
        if any(item.isdisjoint(seen_after) for item in pattern.after):
            continue
        if any(item.isdisjoint(seen_before) for item in pattern.before):
            continue
        if (
            _subsequence(pattern.after, after)
            and _subsequence(pattern.before, before)
            and all(_has_phrase(token, prep, words) for prep, words in pattern.phrases)
        ):
            words = " ".join("/".join(sorted(i)[:2]) for i in pattern.after)
            return Match(pattern.code or None, f"{pattern.source}:{lemma} * {words}", pattern.keep)
    return Match(entry.code, f"{entry.source}:{lemma}")


def _has_phrase(verb: Token, prep: frozenset[str], words: tuple[frozenset[str], ...]) -> bool:
    """Whether ``verb`` governs a prepositional phrase headed by ``prep`` whose object holds
    ``words``: attached to the verb or to its direct object ("imposed sanctions on Iran"),
    and not a date ("on Friday" is no "call on")."""
    holders = [verb, *(c for c in verb.children if c.dep_ in OBJECT_DEPS)]
    for holder in holders:
        for child in holder.children:
            if child.dep_ not in PHRASE_DEPS or prep.isdisjoint(forms(child)):
                continue
            objects = [t for t in child.children if t.dep_ == "pobj"]
            if objects and all(o.ent_type_ in {"DATE", "TIME"} for o in objects):
                continue
            if _subsequence(words, [forms(t) for t in child.subtree if t.i != child.i]):
                return True
    return False


def match_noun(token: Token) -> Match | None:
    """The code of an event noun (``talks``, ``invasion``), compounds first (``phone call``)."""
    lemma = token.lemma_.lower()
    left = token.nbor(-1) if token.i > token.sent.start else None
    if left is not None and left.dep_ == "compound":
        pair = f"{left.lemma_.lower()} {lemma}"
        code = nouns().get(pair)
        if code:
            return Match(code, f"noun:{pair}", _kept(pair, token))
    code = nouns().get(lemma)
    return Match(code, f"noun:{lemma}", _kept(lemma, token)) if code else None


def _kept(entry: str, noun: Token) -> bool:
    keep = noun_keeps().get(entry)
    return keep == "yes" or (keep == "joint" and joint(noun))
