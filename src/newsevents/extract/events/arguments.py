"""Who did it and to whom: source and target of a trigger, read off the dependency parse.

Rules, in order (``source``/``target`` are token heads; spans come from ``phrase``):
- verbs: the subject is the source; in the passive the ``by`` agent is the source and the
  passive subject the target ("was received by Putin"); the direct object, dative or the object
  of a directed preposition ("against", "with", "to", ...) is the target;
- a verb without its own subject takes it from the verb it depends on: controlled infinitives
  ("agreed to cooperate": the subject of "agreed"; "urged Iran to release": the object of
  "urged"), coordinated verbs ("met and hugged"), relative clauses ("troops who attacked");
- nouns: a possessive, compound or nationality adjective is the source ("Russia's invasion",
  "US sanctions", "Chinese attack"), as is the ``by`` agent of a participle ("sanctions
  imposed by the United States"); ``of``/``on``/``against``/``with``/``into`` objects are the
  target ("invasion of Ukraine", "sanctions on Russia");
- a noun that is the object of a light verb ("held talks", "imposed sanctions", "sent troops")
  takes the verb's subject as its source;
- "X and Y met": for symmetric events with no object, Y becomes the target;
- sources and targets are actors, not things: where the word in the slot is not actor-like
  (a named person, group, place or nationality, an agent noun such as "police" or "rebels",
  or a pronoun), the nearest actor-like word inside its phrase is taken ("suspended aid for
  Bosnia" -> Bosnia, "dismissed an appeal from President Gbagbo" -> Gbagbo), else none;
- a pronoun subject of a reported clause takes the reporting subject ("Nigeria announced that
  it will withdraw" -> Nigeria); coreference across sentences is the actors' business.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from ...ontology.agents import agents
from ...ontology.countries import by_demonym, by_name
from ...ontology.tables import read_tsv
from ..quote_lexicons import lexicons
from .lexicon import nouns as event_nouns
from .modality import charged_act, reporting_verbs

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# Prepositions that place an act beside another happening, whose doer may be anyone: "police
# fired tear gas during a demonstration" (the police did not demonstrate).
OCCASIONS = {"during", "after", "before", "following", "since", "amid", "despite", "until"}
# Participles that state a stance or a part of their subject, not something done to it:
# "Israel is opposed to French mediation" (Israel opposes it), "is committed to talks", "Serb
# forces were engaged in ethnic cleansing" (they did it).
STANCES = {"oppose", "commit", "dedicate", "devote", "engage", "involve"}
# Passive verbs whose subject is the speaker: "was quoted as saying", "was cited as saying".
QUOTED = {"quote", "cite"}
# Verbs that lay an act at someone's door: "accused the army of torture", "convicted him of
# murder": the accused did the act the "of" phrase names (for any verb, the "for" phrase:
# "blamed Russia for the bombing", "thanked India for its help").
IMPUTING = {"accuse", "suspect", "convict", "acquit", "clear", "absolve"}
# Prepositions whose object is the one acted on ("attack on", "talks with", "sanctions against").
TARGET_PREPS = {"against", "with", "to", "on", "into", "upon", "toward", "towards", "at", "for"}
TARGET_PREPS |= {"from"}
# "talks at the Kremlin" names a place, not a party.
NOUN_TARGET_PREPS = (TARGET_PREPS - {"at"}) | {"of"}
# "a clash along the China-India border", "fighting between X and Y": the parties.
PARTY_PREPS = {"between", "along", "across", "over", "on"}
# Dependency labels of the words that make up an actor's phrase to the left of its head.
PHRASE_LEFT = {"compound", "amod", "nmod", "poss", "det", "nummod", "case", "quantmod", "flat"}
# Buildings (FAC: "the Great Hall of the People") are where things happen, not who acts.
ACTOR_ENTS = {"GPE", "NORP", "ORG", "PERSON", "LOC"}
PRONOUNS = {"he", "she", "they", "it", "we", "him", "her", "them", "us", "i", "me"}
# Possessives name the party inside a phrase ("a warrant for his actions").
POSSESSIVES = {"his", "her", "their", "its", "our"}
# Clauses below a slot are other events, never part of its actor phrase.
CLAUSES = {"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "conj", "cc", "punct"}
PACKAGE = "newsevents.extract.events"
DEONTIC = {"must", "should"}
HYPHENS = {"-", "–", "/"}
LOCATIVE = {"in", "at", "near", "during", "inside", "outside", "within", "throughout"}
# Where an act happens, which PLOVER codes as its target when no party is acted on.
PLACE_PREPS = {"in", "inside", "within", "throughout"}
# Conjunctions that make an act depend on another party ("until the government pays").
CONDITIONS = {"until", "unless"}


@dataclass(frozen=True, slots=True)
class Arguments:
    source: Token | None
    target: Token | None
    others: tuple[Token, ...] = ()  # further co-sources ("Modi and Putin")


@cache
def agent_nouns() -> frozenset[str]:
    """One-word agent nouns (the actor tables' ``agents.tsv``) plus the collective words that
    name parties in wire copy (``data/actor_nouns.tsv``)."""
    words = {phrase for phrase in agents() if " " not in phrase}
    words |= {r["noun"] for r in read_tsv(PACKAGE, "data/actor_nouns.tsv")}
    return frozenset(words)


def actor_like(token: Token) -> bool:
    if token.pos_ == "ADJ":
        return token.ent_type_ in {"NORP", "GPE"}  # "Russian invasion", "Chinese troops"
    if token.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return False
    if token.ent_type_ in ACTOR_ENTS:
        return True
    if token.pos_ == "PRON":
        return token.lower_ in PRONOUNS or (token.dep_ == "poss" and token.lower_ in POSSESSIVES)
    if token.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL"}:
        return False
    # An untagged proper name ("Modi" is often missed by the small model's NER) is an actor,
    # and so is a noun whose person's name follows it ("the jornalist Moussa Tchangari"); a
    # body's acronym in brackets may hang on any noun of the phrase ("extension ... (UNIFIL)").
    return (
        token.pos_ == "PROPN"
        or (token.pos_ == "NOUN" and token.lemma_.lower() in agent_nouns())
        or any(
            c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.left_edge.i == token.i + 1
            for c in token.children
        )
    )


@cache
def _abstract() -> tuple[frozenset[str], tuple[str, ...]]:
    rows = read_tsv(PACKAGE, "data/abstract_nouns.tsv")
    words = frozenset(r["entry"] for r in rows if r["kind"] == "word")
    return words, tuple(r["entry"] for r in rows if r["kind"] == "suffix")


def abstract(token: Token) -> bool:
    """A common noun naming a state of affairs or an idea ("tensions", "trade"), no party."""
    lemma = token.lemma_.lower()
    words, suffixes = _abstract()
    return lemma in words or lemma.endswith(suffixes)


@cache
def object_types() -> frozenset[str]:
    """PLOVER types whose target may be a thing acted on, not a party (``object_targets.tsv``)."""
    return frozenset(r["type"] for r in read_tsv(PACKAGE, "data/object_targets.tsv"))


@cache
def partitives() -> frozenset[str]:
    """Collective words whose of-phrase names the actor ("a group of refugees")."""
    rows = read_tsv(PACKAGE, "data/actor_nouns.tsv")
    return frozenset(r["noun"] for r in rows if r["of"] == "yes")


def actor_in(token: Token | None) -> Token | None:
    """``token`` if it names an actor, else the nearest actor-like word of its phrase."""
    if token is None:
        return None
    if token.lemma_.lower() in partitives():
        inner = next(iter(_prep_objects(token, {"of"})), None)
        if inner is not None and actor_like(inner):
            return inner
    if actor_like(token):
        return token
    author = _author(token)
    if author is not None:
        return author
    frontier = [token]
    for _ in range(4):
        nxt = []
        for node in frontier:
            for child in node.children:
                if child.dep_ in CLAUSES or child.pos_ == "VERB":
                    continue
                if child.dep_ == "prep" and child.lower_ in LOCATIVE:
                    continue  # "agreements in the Great Hall": where, not whom
                # "a rollover trade deal": a kind of deal, no party ("US Predator attacks"
                # still name the US below it).
                unnamed = child.dep_ == "compound" and _unnamed_modifier(child, node)
                if actor_like(child) and child.ent_type_ not in {"DATE", "TIME"} and not unnamed:
                    return _head_of_name(child)
                nxt.append(child)
        frontier = nxt
    return None


def _unnamed_modifier(word: Token, head: Token) -> bool:
    """A capitalised word the parser calls a proper noun but NER names nothing ("rollover",
    "Brexit") modifying a common noun that is no party itself: it classifies the thing. A
    country's name or its abbreviation ("US Predator attacks") still names a party."""
    return (
        word.pos_ == "PROPN"
        and not word.ent_type_
        and not word.text.isupper()
        and by_name(word.text) is None
        and head.pos_ == "NOUN"
        and not head.ent_type_
        and not actor_like(head)
    )


def _author(thing: Token) -> Token | None:
    """Whose a thing is, when a ``by`` phrase says it ("rejected an appeal filed by the
    lawyers", "a bid by Industry Minister Sharon", "crimes committed by Croat forces"): the
    party the act is aimed at."""
    for child in thing.rights:
        by = None
        if child.dep_ == "acl" and child.tag_ == "VBN":
            by = _agent(child)
        elif child.dep_ == "prep" and child.lower_ == "by":
            by = _pobj(child)
        if by is not None and actor_like(by):
            return by
    return None


def _head_of_name(token: Token) -> Token:
    """A compound part of a name stands for the whole name ("U.S." in "U.S. Supreme Court")."""
    while token.dep_ in {"compound", "flat"} and token.head.ent_type_ == token.ent_type_:
        token = token.head
    return token


# A party named after its head ("the government of Sindh province", "activists from the
# Fatah Party", "police in the Gaza Strip") belongs to the actor phrase.
NAMING_PREPS = {"of", "from", "in"}


def phrase(token: Token, depth: int = 0) -> Span:
    """The actor phrase headed by ``token``: the head, its left modifiers and a party named
    after it ("Leaders of the Azadliq coalition"), no clauses."""
    doc = token.doc
    # "the China-India border": each side of the pair is a party of its own.
    hyphenated = any(
        0 <= i < len(doc) and doc[i].text in HYPHENS for i in (token.i - 1, token.i + 1)
    )
    if (
        depth == 0
        and not hyphenated
        and _named_by_modifier(token, token.head)
        and not actor_like(token.head)
    ):
        # "US" in "US Jewish organisations": the name stays the party (its actor, its
        # country), the phrase is the whole noun phrase it qualifies.
        token = token.head
    span = _core(token)
    end = span.end
    if depth < 2 and token.pos_ in {"NOUN", "PROPN"} and token.ent_type_ not in {"GPE", "LOC"}:
        # A place's name is whole ("a summit in Kazakhstan of the SCO" is a misattachment).
        preps = NAMING_PREPS if token.pos_ == "NOUN" else NAMING_PREPS - {"in"}
        for prep in token.rights:
            obj = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ in preps else None
            if obj is None or not _named(obj) or prep.i != end:
                continue
            end = phrase(obj, depth + 1).end
    return doc[span.start : end]


def _named(token: Token) -> bool:
    """A phrase with a name in it ("the Azadliq opposition coalition", "Iraq")."""
    return any(
        t.pos_ == "PROPN" or (t.ent_type_ in ACTOR_ENTS and t.pos_ != "PRON") for t in _core(token)
    )


def _core(token: Token) -> Span:
    doc = token.doc
    start = token.i
    for child in token.lefts:
        if child.dep_ in PHRASE_LEFT and not (
            # "China-India border": China is a party of its own, not part of India's name.
            child.i + 1 < token.i and doc[child.i + 1].text in HYPHENS
        ):
            start = min(start, child.left_edge.i)
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in {"flat", "compound"} and child.i == end:
            end = child.i + 1
    while start < token.i and (doc[start].is_punct or doc[start].dep_ in {"det", "nummod"}):
        start += 1
    return doc[start:end]


def _child(token: Token, deps: set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _pobj(prep: Token) -> Token | None:
    return _child(prep, {"pobj", "pcomp"})


def _prep_objects(token: Token, preps: set[str]) -> list[Token]:
    found = []
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            obj = _pobj(child)
            if obj is not None:
                found.append(obj)
    return found


def medium(verb: Token) -> Token | None:
    """The channel an act is done through ("attacked the judge on Twitter", "criticised the
    ruling in a statement", "on state television"): it is no party to the act, and an act
    done through it is one of words (``quote_media.tsv``, column ``act_medium``)."""
    lex = lexicons()
    for child in verb.rights:
        if child.dep_ != "prep" or child.lower_ not in lex.medium_preps:
            continue
        obj = _pobj(child)
        if obj is not None and (obj.lemma_.lower() in lex.act_media or obj.lower_ in lex.act_media):
            return obj
    return None


def _agent(token: Token) -> Token | None:
    agent = _child(token, {"agent"})
    return _pobj(agent) if agent is not None else None


def _stance(verb: Token) -> Token | None:
    """The subject of a stance participle with no agent ("Israel is opposed to")."""
    if verb.lemma_.lower() not in STANCES or _agent(verb) is not None:
        return None
    return _child(verb, {"nsubjpass"})


def _set_off(phrase: Token) -> bool:
    """A phrase between commas: ", a body linked to the OAU,"."""
    doc, start, end = phrase.doc, phrase.left_edge.i, phrase.right_edge.i
    # The parser hangs either comma on the phrase or outside it.
    before = doc[start].text if doc[start].is_punct else doc[start - 1].text if start else ""
    after = doc[end].text if doc[end].is_punct else doc[end + 1].text if end + 1 < len(doc) else ""
    return before == "," and after == ","


def _main_participle(verb: Token) -> Token | None:
    """The subject phrase of a sentence the parser gave no verb, when ``verb`` is its real
    main verb: "Doctors from two aid groups donated and delivered goods" is parsed as a noun
    root ("Doctors") modified by a participle ("donated"). A participle with an object or a
    past-tense verb beside it acts; one without ("protesters arrested in Moscow") is passive."""
    root = verb.sent.root
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or root.pos_ not in {"NOUN", "PROPN"}:
        return None
    if _agent(verb) is not None or not root.i <= verb.head.i < verb.i:
        return None
    acts = any(c.dep_ == "dobj" or (c.dep_ == "conj" and c.tag_ == "VBD") for c in verb.children)
    return actor_in(root) if acts else None


def verb_subject(verb: Token, depth: int = 0) -> Token | None:
    """The doer of ``verb``, inherited from the verb it depends on when it has none."""
    if depth > 4:
        return None
    holder = _stance(verb) or _main_participle(verb)
    if holder is not None:
        return holder
    if _child(verb, {"nsubjpass"}) is not None or (verb.tag_ == "VBN" and verb.dep_ == "acl"):
        agent = _agent(verb)
        if agent is not None:
            return agent
        if _child(verb, {"nsubjpass"}) is not None:
            # "was arrested in Rwanda": PLOVER takes the state where it happens as the doer.
            # "was put under investigation in Italy": the place may hang on the phrase.
            held = _prep_objects(verb, {"under", "into"})
            places = [_place(o) for o in _prep_objects(verb, {"in"})]
            places += [_place(o) for h in held for o in _prep_objects(h, {"in"})]
            return next((p for p in places if p is not None and p.ent_type_ == "GPE"), None)
    # The subject nearest the verb: a dateline misparsed as a second subject
    # ("MOSCOW — India's Prime Minister Modi was in Moscow") comes first.
    subjects = [c for c in verb.lefts if c.dep_ in {"nsubj", "csubj"}]
    if len(subjects) > 1 and _set_off(subjects[-1]):
        # "Members of the Association, a body linked to the OAU, investigated": an appositive
        # misparsed as a second subject describes the first.
        subjects.pop()
    subject = subjects[-1] if subjects else _child(verb, {"nsubj", "csubj"})
    if subject is not None:
        return subject
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "xcomp" and head.pos_ != "ADJ":
        # Object control ("urged Iran to release") else subject control ("agreed to meet").
        obj = _child(head, {"dobj"})
        if obj is not None and obj.i < verb.i:
            return obj
        # "Modi is expected to seek", "Iran was urged to release": the passive subject acts.
        passive = _child(head, {"nsubjpass"})
        return passive if passive is not None else verb_subject(head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        # "thanked Putin for hosting him": the object of the governing verb hosted.
        governor = head.head
        obj = _child(governor, {"dobj"})
        return obj if obj is not None else verb_subject(governor, depth + 1)
    purpose = verb.dep_ == "advcl" and verb.tag_ == "VB" and _child(verb, {"aux"}) is not None
    joined = verb.dep_ == "conj" and verb.tag_ != "VBN"
    if joined and (passive_subject := _child(head, {"nsubjpass"})) is not None:
        # "The prime minister has been indicted by the court and will resign": an active verb
        # joined to a passive one is done by the passive's subject, not by its agent.
        return passive_subject
    if verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG") or purpose:
        # "sent troops to help the army": the sender helps.
        return verb_subject(head, depth + 1)
    if verb.dep_ in {"acomp", "attr"} or (head.pos_ == "ADJ" and verb.dep_ == "xcomp"):
        # "Colombia is ready to contribute", "Russia is willing to withdraw".
        return verb_subject(head, depth + 1)
    if verb.dep_ == "relcl" or (verb.dep_ == "amod" and verb.tag_ == "VBG"):
        # "troops who attacked", "protesting farmers"
        return head
    if verb.dep_ == "acl" and verb.tag_ in {"VBG", "VB"}:
        if not actor_like(head) and head.dep_ == "dobj" and head.head.pos_ == "VERB":
            # "passed a resolution criticizing X": the resolution's author criticizes.
            return verb_subject(head.head, depth + 1)
        return head
    return None


def _resolve(pronoun: Token) -> Token:
    """A pronoun subject of a reported or subordinate clause, or a possessive ("lifted its
    embargo"), -> the governing subject, itself the source of its clause ("Rivals of the
    government said they will boycott": the rivals)."""
    if pronoun.lower_ not in {"it", "they", "he", "she", "its", "their", "his", "her"}:
        return pronoun
    node = pronoun.head
    for _ in range(4):
        if node.head.i == node.i:
            break
        node = node.head
        # The subject nearest the verb, as in ``verb_subject`` (a dateline parsed as a subject);
        # "King Hassan was quoted as saying he would host": the one quoted speaks.
        quoted = node.lemma_.lower() in QUOTED
        subjects = [
            c for c in node.lefts if c.dep_ == "nsubj" or (quoted and c.dep_ == "nsubjpass")
        ]
        found = _source(subjects[-1]) if subjects else None
        if found is not None and found.pos_ != "PRON":
            return found
    return pronoun


def _up_to(verb: Token) -> list[Token]:
    """The object counted by "up to" ("kidnapped up to 16 advisers"), which the parse makes a
    particle and a preposition of the verb."""
    for up in verb.children:
        if up.lower_ == "up" and up.dep_ in {"prt", "advmod"}:
            for to in up.children:
                obj = _pobj(to) if to.lower_ == "to" else None
                if obj is not None and any(c.dep_ == "nummod" for c in obj.children):
                    return [obj]
    return []


def verb_target(verb: Token) -> Token | None:
    passive = _child(verb, {"nsubjpass"})
    if passive is not None and _stance(verb) is None:
        return actor_in(passive)
    if (verb.dep_ == "acl" and verb.tag_ == "VBN") or verb.dep_ == "amod":
        return None  # "sanctions imposed by X", "protesting farmers": the noun is no target
    objects = [c for c in verb.rights if c.dep_ in {"dative", "iobj", "dobj"}]
    objects += _up_to(verb)
    # A named object is the target ("met Putin"); a common one may be the instrument sent
    # somewhere ("sent troops into Ukraine"), so a directed preposition's object comes first.
    named = [o for o in objects if o.pos_ in {"PROPN", "PRON"} or o.ent_type_ in ACTOR_ENTS]
    rest = [o for o in objects if o not in named]
    # "filed a complaint with the council against X": "against" names the one acted on.
    channel = medium(verb)
    directed = sorted(
        (o for o in _prep_objects(verb, TARGET_PREPS) if channel is None or o.i != channel.i),
        key=lambda o: o.head.lower_ != "against",
    )
    slots = named + directed + rest
    for slot in slots:
        if slot.lemma_.lower() in event_nouns() and slot.dep_ == "dobj":
            # "held a meeting with X", "launched an attack on X": the act's own target.
            inner = noun_target(slot)
            if inner is not None:
                return inner
        found = actor_in(slot)
        if found is not None and not (found.dep_ == "poss" and found.pos_ == "PRON"):
            # "lifted its blockade of Yemen": "its" is the subject again; look further.
            return found
        if found is not None:
            further = [t for t in _actors_below(slot) if t.i != found.i and t.dep_ != "poss"]
            if further:
                return further[0]
    return None


def noun_source(noun: Token) -> Token | None:
    for child in noun.lefts:
        if child.ent_type_ in {"DATE", "TIME"}:
            continue  # "last month's U.S. invasion": when, not who
        if child.dep_ == "poss" or (child.dep_ in {"compound", "amod"} and actor_like(child)):
            return _head_of_name(child) if child.dep_ == "compound" else child
    for child in noun.rights:
        if child.dep_ == "acl":
            agent = _agent(child)
            if agent is not None:
                return agent
        if child.dep_ == "prep" and child.lower_ == "by":
            return _pobj(child)
    return None


def _actors_below(token: Token) -> list[Token]:
    """Actor-like words of a phrase, in text order, without entering clauses."""
    found = []
    for child in token.subtree:
        if child.ent_type_ in {"DATE", "TIME"} or not actor_like(child):
            continue
        hyphenated = child.i + 1 < len(child.doc) and child.doc[child.i + 1].text in HYPHENS
        if child.dep_ in PHRASE_LEFT and actor_like(child.head) and not hyphenated:
            continue  # "Ukrainian" in "Ukrainian President Zelenskyy": part of one actor
        path = child
        while path.i != token.i and path.dep_ not in CLAUSES and path.pos_ != "VERB":
            path = path.head
        if path.i == token.i:
            found.append(child)
    return found


def parties(noun: Token) -> list[Token]:
    """The parties named in a noun's "between"/"along" phrase ("China-India border")."""
    found: list[Token] = []
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in PARTY_PREPS:
            obj = _pobj(child)
            if obj is not None:
                found += _actors_below(obj)
    return found


def noun_target(noun: Token) -> Token | None:
    slots: list[Token] = []
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPS:
            obj = _pobj(child)
            if obj is not None:
                slots.append(obj)
        if child.dep_ == "acl":
            # "sanctions imposed ... on Russia"
            slots += _prep_objects(child, TARGET_PREPS)
    for slot in slots:
        found = actor_in(slot)
        if found is not None:
            return found
    return None


def light_verb_subject(noun: Token) -> Token | None:
    """The subject of the verb a noun is the object of ("Modi held talks", "Modi was in
    Moscow for a visit"); a coordinated noun shares it ("its rejection and condemnation")."""
    if noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        return noun_source(noun.head) or light_verb_subject(noun.head)
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass", "attr"} and head.pos_ in {"VERB", "AUX"}:
        return verb_subject(head)
    if (doer := _imputed(noun)) is not None:
        return doer
    if noun.dep_ == "pobj" and head.dep_ == "agent" and head.head.pos_ == "VERB":
        return verb_subject(head.head) if head.head.dep_ != "advcl" else None
    if (
        noun.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.head.pos_ in {"VERB", "AUX"}
        and head.lower_ not in OCCASIONS
    ):
        return verb_subject(head.head) if head.head.dep_ not in {"advcl", "xcomp"} else None
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.dep_ in {"dobj", "attr"}:
        # "continued a hunger strike in protest of X": the striker protests.
        owner = head.head
        if owner.head.pos_ in {"VERB", "AUX"} and noun_source(owner) is None:
            return verb_subject(owner.head)
    return None


def _imputed(noun: Token) -> Token | None:
    """Who a verb says did the act ``noun`` names: its object, or passive subject, in "accused
    the army of torture", "blamed Russia for the bombing", "was convicted of murder"."""
    noun = charged_act(noun)
    prep, verb = noun.head, noun.head.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    if verb.dep_ == "dobj" and prep.lower_ == "of" and verb.head.lemma_.lower() in IMPUTING:
        # The parse may hang the "of" phrase on the accused ("accused [the army of torture]").
        return verb if actor_like(verb) else None
    if verb.pos_ != "VERB":
        return None
    if not (prep.lower_ == "for" or (prep.lower_ == "of" and verb.lemma_.lower() in IMPUTING)):
        return None
    doer = _child(verb, {"dobj", "nsubjpass"})
    return doer if doer is not None and actor_like(doer) else None


def _named_by_modifier(found: Token, slot: Token) -> bool:
    """``found`` only qualifies ``slot``'s head ("US" in "US Jewish organisations", "U.S." in
    "a U.S. government watchdog agency"): the whole phrase is the party, not the modifier."""
    return (
        found.i != slot.i
        and found.head.i == slot.i
        and found.dep_ in PHRASE_LEFT - {"poss"}  # "India's exports", "Modi's trip": India, Modi
        and slot.pos_ == "NOUN"
        and slot.lemma_.lower() not in event_nouns()  # "U.S. airstrikes": the U.S. acts
    )


def _source(subject: Token | None) -> Token | None:
    """A subject is the source even when it is not actor-like ("the newspaper"), unless a
    named actor sits inside it ("Members of the Association")."""
    if subject is None:
        return None
    found = actor_in(subject)
    if found is not None:
        return found
    # "the newspaper", "musicians": a noun doing something is taken as the actor, unless it
    # names a happening ("the talks went on") or a state of affairs ("tensions persisted").
    if (
        subject.pos_ == "NOUN"
        and subject.lemma_.lower() not in event_nouns()
        and not abstract(subject)
    ):
        return subject
    return None


def _continued(noun: Token) -> Token | None:
    """The verb whose clause a noun's clause continues ("met Putin, to be followed by talks")."""
    if noun.dep_ in SUBJECTS:
        # "as protests continued", "while talks went on": the noun's clause tells of a
        # happening of its own, not one the main clause's parties took part in.
        return None
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ in {"agent", "prep"}:
        verb = verb.head
    if verb.pos_ == "VERB" and verb.dep_ in {"advcl", "conj", "xcomp"} and verb.head.i != verb.i:
        return verb.head if verb.head.pos_ == "VERB" else None
    return None


def governing_subject(trigger: Token) -> Token | None:
    """The actor subject of the nearest clause above ``trigger`` that has one ("Both the
    military and the rebels are guilty of violating the ceasefire": the military), for a
    trigger the parse gives no party of its own."""
    if _child(trigger, {"nsubj", "nsubjpass"}) is not None:
        return None  # "30 others wounded": the clause has a subject, if not an actor
    node = trigger
    for _ in range(6):
        if node.head.i == node.i or node.dep_ == "relcl":
            # A relative clause describes its noun ("the bombing ..., which left 30
            # wounded"): the main clause's subject did not do what it tells.
            return None
        node = node.head
        if node.pos_ not in {"VERB", "AUX", "ADJ"}:
            continue
        subject = _child(node, {"nsubj", "nsubjpass"})
        if subject is not None:
            return _source(subject)
    return None


def visited_place(trigger: Token) -> Token | None:
    """The place a visit goes to when no host is named ("was in Moscow ... for a visit")."""
    holders = [trigger]
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep":
        holders.append(trigger.head.head)
    for holder in holders:
        for obj in _prep_objects(holder, {"in", "to"}):
            if obj.ent_type_ == "GPE":
                return obj
    return None


def _nation(token: Token) -> str | None:
    """The country a nationality word or country name stands for ("Russian", "Iran")."""
    if token.ent_type_ not in {"NORP", "GPE"}:
        return None
    country = by_demonym(token.text) or by_name(token.text)
    return country.iso3 if country else None


def sanctioned(trigger: Token, source: Token | None) -> Token | None:
    """Who a sanction hits when no preposition says it ("sanctions ... that shut Western
    markets off to Russian exports", "sanctions that target Iranian banks"): the first
    nation whose goods, firms or money are named ("Russian oil") in the trigger's own phrase,
    else in its sentence, other than the sanctioner's. PLOVER's target of a sanction is the
    sanctioned state, which wire copy often names only through its economy."""
    excluded: set[int] = set()
    own: set[str] = set()
    if source is not None:
        for party in (source, *source.conjuncts):
            excluded.update(t.i for t in party.subtree)
            if (country := _nation(party)) is not None:
                own.add(country)
    inside = [t for t in trigger.subtree if t.i not in excluded]
    rest = [t for t in trigger.sent if t.i not in excluded]
    for pool in (inside, rest):
        for token in pool:
            if token.dep_ not in {"amod", "poss", "compound"} or actor_like(token.head):
                continue  # a party of its own ("China and India have become buyers")
            country = _nation(token)
            if country is not None and country not in own:
                return token
    return None


def demanded(trigger: Token) -> tuple[Token, Token | None] | None:
    """(requester, addressee) when the trigger is what someone says another must or should do
    ("Russia said Sudan must return the helicopter": Russia asks Sudan). PLOVER codes these
    as the request, by the speaker, to the clause's subject."""
    clause = trigger
    for _ in range(3):
        # "China must drop barriers or face penalties", "the US must be ready to mediate":
        # the demand is on the verb the trigger is coordinated with or governed by.
        if any(c.dep_ == "aux" and c.lower_ in DEONTIC for c in clause.children):
            break
        if clause.dep_ not in {"conj", "xcomp", "acomp"}:
            return None
        clause = clause.head
    else:
        return None
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in reporting_verbs():
        return None
    speaker = _child(clause.head, {"nsubj"})
    if speaker is None:
        return None
    return speaker, _child(clause, {"nsubj", "nsubjpass"})


def demand_on_another(trigger: Token) -> tuple[Token, Token] | None:
    """(requester, addressee) when the trigger is what a speaker says some other party must do:
    "Russia said Sudan must return the helicopter", "the US told Iran it must halt enrichment";
    not an obligation the speaker states of itself ("Iran said it must respond", "we must act")
    nor one of a thing ("the deal should help")."""
    request = demanded(trigger)
    if request is None:
        return None
    speaker, addressee = request
    if addressee is None:
        return None
    if not actor_like(addressee) or addressee.lower_ == speaker.lower_:
        return None
    if addressee.pos_ == "PRON":
        # A pronoun names the speaker itself unless the speaker addressed someone ("told Iran
        # it must"), who is then the one meant.
        told = _child(speaker.head, {"dobj", "dative"})
        if told is None or addressee.lower_ in {"i", "we", "me", "us"} or not actor_like(told):
            return None
    return speaker, addressee


def arguments(
    trigger: Token, *, symmetric: bool, objects: bool = False, after: int = 0
) -> Arguments:
    """Source and target of ``trigger``; ``symmetric`` events take "X and Y" as source and
    target when nothing else is the target; ``objects`` events (``object_types``) take the
    thing acted on when no party is. Words before character ``after`` (a dateline, "KYIV,
    Ukraine (AP) —", which the parser sometimes takes for a subject) are no parties."""
    found = _arguments(trigger, symmetric=symmetric, objects=objects)
    if after <= 0:
        return found
    source, target = found.source, found.target
    if source is not None and source.idx < after:
        source = next(
            (t for t in source.subtree if t.idx >= after and actor_like(t)),
            next((t for t in trigger.lefts if t.idx >= after and t.dep_ in SUBJECTS), None),
        )
    if target is not None and target.idx < after:
        target = None
    if source is found.source:
        return Arguments(source=source, target=target, others=found.others)
    others: tuple[Token, ...] = ()
    if source is not None:
        others = tuple(c for c in source.conjuncts if c.i > source.i and actor_like(c))
        if symmetric and target is None and others:
            target, others = others[0], others[1:]
    return Arguments(source=source, target=target, others=others)


def _arguments(trigger: Token, *, symmetric: bool, objects: bool) -> Arguments:
    request = demand_on_another(trigger) if trigger.pos_ == "VERB" else None
    if request is not None:
        return Arguments(source=_source(request[0]), target=actor_in(request[1]))
    if trigger.pos_ in {"VERB", "AUX"}:
        source = _source(verb_subject(trigger))
        target = verb_target(trigger)
    else:
        source = actor_in(noun_source(trigger) or light_verb_subject(trigger))
        target = noun_target(trigger)
        if source is None and target is None:
            named = parties(trigger)
            source = named[0] if named else None
            target = named[1] if len(named) > 1 else None
        main = _continued(trigger) if source is None and target is None else None
        if main is not None:
            source, target = _source(verb_subject(main)), verb_target(main)
        if target is None and trigger.dep_ == "dobj":
            target = verb_target(trigger.head)
    if source is not None and source.pos_ == "PRON":
        source = _resolve(source)
    others: tuple[Token, ...] = ()
    if source is not None:
        others = tuple(c for c in source.conjuncts if c.i > source.i and actor_like(c))
        if symmetric and target is None and others:
            target, others = others[0], others[1:]
    if target is not None and source is not None and target.i == source.i:
        target = None
    if target is None:
        target = _further_target(trigger, source)
    if target is None and objects:
        target = thing_target(trigger, source)
    if target is not None and target.lower_ in OBJECT_PRONOUNS:
        target = _not_source(_antecedent(target), source) or target
    return Arguments(source=source, target=_located(target), others=others)


OBJECT_PRONOUNS = {"him", "her", "them"}


def _antecedent(pronoun: Token) -> Token:
    """An object pronoun -> the object of the clause above it ("called Morrison to
    congratulate him": Morrison; "hit military positions, destroying them"), else itself."""
    node = pronoun.head
    for _ in range(4):
        if node.head.i == node.i:
            break
        node = node.head
        objects = [c for c in node.children if c.dep_ == "dobj" and c.i < pronoun.i]
        if objects and objects[-1].pos_ != "PRON":
            return actor_in(objects[-1]) or objects[-1]
    return pronoun


def _not_source(target: Token, source: Token | None) -> Token | None:
    """A resolved pronoun that lands on the source ("thanked Putin for hosting him": him is
    not Putin) stays unresolved."""
    return None if source is not None and target.i == source.i else target


# Entity types that measure or date an act, never what it is done to.
MEASURES = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}


def _thing(token: Token | None) -> Token | None:
    """``token`` as the thing acted on, unless it is a measure, a pronoun or an event noun
    (whose own target is looked for instead: "launched an attack on the embassy")."""
    if token is None or token.ent_type_ in MEASURES or token.pos_ not in {"NOUN", "PROPN"}:
        return None
    if token.lemma_.lower() in event_nouns():
        return noun_target(token)  # "condemned the attack on a church": the church
    return token


def thing_target(trigger: Token, source: Token | None, depth: int = 0) -> Token | None:
    """When no party is acted on, the thing that is: PLOVER codes the object of the act as
    its target ("rejected the election results", "boycotted the vote", "seized control of
    the charities"), also through a controlled verb ("agreed to lift a ban on imports")."""
    taken = set() if source is None else {t.i for t in source.subtree}
    slots: list[Token] = []
    if trigger.pos_ in {"VERB", "AUX"}:
        if _child(trigger, {"nsubjpass"}) is not None:
            return None  # the passive subject is the target; it was no party
        slots += [c for c in trigger.rights if c.dep_ in {"dobj", "dative"}]
        slots += _prep_objects(trigger, TARGET_PREPS)
    else:
        slots += _prep_objects(trigger, NOUN_TARGET_PREPS)
    for slot in slots:
        found = _thing(slot)
        if found is not None and found.i not in taken:
            return found
    if depth < 2 and trigger.pos_ == "VERB":
        for child in trigger.rights:
            if child.dep_ == "xcomp" and child.pos_ == "VERB":
                return thing_target(child, source, depth + 1)
    return None


def _place(token: Token) -> Token | None:
    """``token`` when it names a place ("in Tehran", "in South Sudan") or a part of one ("in
    parts of Kashmir", "in some areas of west Darfur"), else None."""
    if token.ent_type_ in {"GPE", "LOC"}:
        return token
    inner = next(iter(_prep_objects(token, {"of"})), None)
    if token.pos_ == "NOUN" and inner is not None and inner.ent_type_ in {"GPE", "LOC"}:
        return inner
    return None


def _located(target: Token | None) -> Token | None:
    """The place a common-noun target is in ("aid to people in Somalia", "deploy peacekeepers
    in Iraq", "a curfew for residents in parts of Kashmir"): PLOVER names the place acted on,
    not an unnamed group or thing in it."""
    if target is None or target.pos_ != "NOUN" or target.ent_type_ in ACTOR_ENTS:
        return target
    title = agents().get(target.lemma_.lower())
    if (title is not None and title.kind == "title") or any(
        c.dep_ in PHRASE_LEFT and actor_like(c) for c in target.lefts
    ):
        return target  # "the Chinese ambassador in Berlin" is the ambassador, not Berlin
    for obj in _prep_objects(target, {"in"}):
        place = _place(obj)
        if place is not None:
            return _head_of_name(place)
    return target


def _further_target(trigger: Token, source: Token | None) -> Token | None:
    """A target the trigger's own slots do not give, in PLOVER's conventions: whom a reported
    demand or warning addresses ("demanded that the government end curbs": the government),
    the target of the act a verb governs ("refused to respond to a demand from the US"), else
    the country or city the act happens in ("opened an embassy in Tehran", "a curfew in
    Algiers": PLOVER takes the place as the target when no party is acted on)."""
    taken = set() if source is None else {t.i for t in source.subtree}
    found: list[Token | None] = []
    if trigger.pos_ in {"VERB", "AUX"}:
        for child in trigger.children:
            if child.dep_ == "ccomp" and child.pos_ in {"VERB", "AUX"}:
                found.append(actor_in(_child(child, {"nsubj", "nsubjpass"})))
            elif child.dep_ == "xcomp" and child.pos_ == "VERB":
                found.append(verb_target(child))
                # "refused to allow an Ethiopian plane to land": whom the governed verb lets.
                let = [c for c in child.children if c.dep_ == "ccomp"]
                found += [actor_in(_child(c, {"nsubj"})) for c in let]
            elif child.dep_ == "advcl" and any(m.lower_ in CONDITIONS for m in child.children):
                # "will not end the strike until the government pays": the party on whom it
                # depends is the one addressed.
                found.append(actor_in(_child(child, {"nsubj"})))
    holders = [trigger]
    if trigger.pos_ not in {"VERB", "AUX"} and trigger.dep_ in {"dobj", "nsubjpass", "attr"}:
        holders.append(trigger.head)  # "imposed a curfew in Algiers"
    holders += [c for c in trigger.children if c.dep_ == "dobj"]
    # "refused to deploy peacekeepers in Iraq": where the governed act would happen.
    governed = [c for c in trigger.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    holders += governed + [c for v in governed for c in v.children if c.dep_ == "dobj"]
    for holder in holders:
        found += [_place(o) for o in _prep_objects(holder, PLACE_PREPS)]
    for token in found:
        if token is not None and token.i not in taken and token.pos_ != "PRON":
            return _head_of_name(token)
    return None
