"""Who did what to whom, when and where: CAMEO/PLOVER event coding (issue 4).

``find_events(doc, document=..., actors=..., times=..., places=...)`` codes every sentence:

1. ``triggers``: verbs and nouns the dictionary codes (PETRARCH2 CAMEO verbs + our data files);
2. ``classifier``: a linear model picks the PLOVER type from the trigger, its dictionary code
   and the sentence; the CAMEO code is the dictionary's when it agrees with that type, else the
   type's general code (``data/type_codes.tsv``), so ``cameo`` and ``plover`` always agree;
3. ``arguments``: source and target from the parse, linked to ``actors`` by their mentions;
4. ``modality``: negated, planned, hypothetical, uncertain or asserted, and who reports it;
5. ``dating``: the times and places linked to the trigger, else the publication date;
6. ``dedup``: repeated mentions of one happening merge into one event.

``actors``, ``times`` and ``places`` come from the other extractors and may be empty: the coder
then leaves the actor ids, dates and places it cannot fill as None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...ontology.cameo import cameo, goldstein
from ...ontology.countries import by_demonym, countries
from ...ontology.gazetteer import best
from ...ontology.plover import plover_for
from ...ontology.tables import read_tsv
from ...types import (
    Actor,
    Document,
    Event,
    EventActor,
    EventLocation,
    Evidence,
    Place,
    Span,
    Time,
)
from ..coref import referents
from . import dating, modality
from .acled import category as acled_category
from .adjuncts import fold_adjuncts
from .arguments import (
    Arguments,
    actor_like,
    arguments,
    demand_on_another,
    governing_subject,
    medium,
    object_types,
    phrase,
    sanctioned,
    visited_place,
)
from .classifier import NO_EVENT, TypeModel, features, sentence_features, shipped_model
from .dedup import SYMMETRIC, merge
from .hazards import hazard
from .lexicon import Match
from .purpose import errand, fold_purposes
from .stance import Stance, requested, stance, threatened
from .triggers import FALLBACK, candidates, main_verb

__all__ = ["find_events"]

PACKAGE = "newsevents.extract.events"
LEDE_PARAGRAPHS = 2
# A visit with no named host goes to the place visited ("was in Moscow for a visit").
VISIT_CODES = {"042", "043"}
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
PLURAL_TAGS = {"NNS", "NNPS"}
RECIPROCALS = {"other", "another"}
# Sanctions and embargoes (CAMEO 16 "reduce relations", 163 "impose embargo, boycott, or
# sanctions", which PLOVER codes COERCE): their target may be named only through its economy.
SANCTION_CODES = ("16",)
# Below this classifier probability a candidate is more likely noise than an event; where the
# classifier gives the dictionary's type at least MIN_AGREED, two signals vouch for it.
MIN_CONFIDENCE = 0.3
MIN_AGREED = 0.15
# A sentence's main verb that the dictionary does not code is an event only when the
# classifier is sure of its type from the words alone. 0.3 scores about half a point higher
# on PLV train (5-fold CV), whose every sentence holds an event, but codes uncoded verbs of
# ordinary news ("India gets oil", "trade has seen growth") as events: the eval cannot see
# that cost, the sample article does (33 events against 27).
MIN_FALLBACK = 0.5


@cache
def type_codes() -> dict[str, str]:
    return {row["type"]: row["code"] for row in read_tsv(PACKAGE, "data/type_codes.tsv")}


def choose_code(plover_type: str, dictionary_code: str | None) -> str:
    """The dictionary's code when it means ``plover_type``, else the type's general code."""
    if dictionary_code:
        mapping = plover_for(dictionary_code)
        if mapping is not None and mapping.type == plover_type:
            return dictionary_code
    return type_codes()[plover_type]


def _names_place(trigger: Token, places: Sequence[Place]) -> bool:
    """Whether the trigger's own phrase names a place ("attended a forum in Vladivostok"):
    one the toponym extractor found and links to it, else one the parser tagged."""
    if dating.where(trigger, places) is not None:
        return True
    return any(t.ent_type_ in PLACE_ENTITIES for t in trigger.subtree if t.i != trigger.i)


def _actor_index(actors: Sequence[Actor]) -> list[tuple[int, int, Actor]]:
    return sorted(((m.start, m.end, a) for a in actors for m in a.mentions), key=lambda x: x[:2])


def _event_actor(token: Token, index: list[tuple[int, int, Actor]]) -> EventActor:
    span = phrase(token)
    actor = next((a for s, e, a in index if s <= token.idx < e), None)
    if actor is None:
        # "US Jewish organisations": the named actor may be a modifier inside the phrase.
        actor = next((a for s, e, a in index if span.start_char <= s < span.end_char), None)
    country = actor.country if actor else None
    if actor is None and token.ent_type_ == "GPE":
        # A place named as a party ("visited Moscow", "the China-India border") that the
        # actor extractor did not list still has a country.
        entry = best(token.text)
        country = entry.country if entry else None
    elif actor is None and token.ent_type_ == "NORP":
        # "Russian" in "Russian exports": the nation the adjective names.
        nation = by_demonym(token.text)
        country = nation.iso3 if nation else None
    return EventActor(
        actor_id=actor.id if actor else None,
        text=span.text,
        country=country,
        sector=actor.sector if actor else None,
        start=span.start_char,
        end=span.end_char,
    )


def _pair(
    token: Token | None, linked: EventActor | None, actors: Sequence[Actor]
) -> tuple[Actor, Actor] | None:
    """The two people a plural party with no actor of its own refers back to ("the two
    leaders", "both leaders", "the leaders"), in the order the article first names them."""
    if token is None or linked is None or linked.actor_id is not None:
        return None
    if token.tag_ not in PLURAL_TAGS or sum(a.type == "person" for a in actors) < 2:
        return None
    span = phrase(token)
    found = referents(token.doc, actors, span.start_char, span.end_char)
    if len(found) != 2:
        return None
    first, second = sorted(found, key=lambda a: min(m.start for m in a.mentions))
    return first, second


def _reciprocal(trigger: Token) -> Token | None:
    """The "each other" or "one another" the trigger is done to, if any ("saw each other",
    "met with one another")."""
    for child in trigger.children:
        objects = [child]
        if child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ == "pobj"]
        for token in objects:
            lefts = {c.lower_ for c in token.lefts}
            if token.lower_ in RECIPROCALS and lefts & {"each", "one"}:
                return token
    return None


def _as_event_actor(actor: Actor, span: SpacySpan) -> EventActor:
    return EventActor(
        actor_id=actor.id,
        text=span.text,
        country=actor.country,
        sector=actor.sector,
        start=span.start_char,
        end=span.end_char,
    )


def _location(place: Place | None) -> EventLocation | None:
    if place is None:
        return None
    return EventLocation(
        name=place.name or place.text, country=place.country, lat=place.lat, lon=place.lon
    )


def _seat_location(trigger: Token) -> EventLocation | None:
    """ "talks at the Kremlin": the seat of government, at its capital's coordinates."""
    found = dating.seat(trigger)
    if found is None:
        return None
    name, entry = found
    country = countries().get(entry.country)
    city = best(country.capital, country=entry.country) if country and country.capital else None
    return EventLocation(
        name=name,
        country=entry.country,
        lat=city.lat if city else None,
        lon=city.lon if city else None,
    )


def _dateline_location(document: Document) -> EventLocation | None:
    line = document.dateline
    if line is None or line.place is None:
        return None
    entry = best(line.place, country=line.country)
    return EventLocation(
        name=line.place,
        country=line.country,
        lat=entry.lat if entry else None,
        lon=entry.lon if entry else None,
    )


def _lede(document: Document) -> tuple[int, int]:
    """The top of the story (first two paragraphs): in wire copy, the day's news."""
    if document.paragraphs:
        return document.paragraphs[0][0], document.paragraphs[:LEDE_PARAGRAPHS][-1][1]
    return (0, len(document.body))


def code_sentence(
    sentence: SpacySpan,
    *,
    model: TypeModel,
    document: Document,
    actors: Sequence[Actor] = (),
    times: Sequence[Time] = (),
    places: Sequence[Place] = (),
) -> list[Event]:
    """The events of one sentence, before merging repeated mentions."""
    coded = _code_sentence(
        sentence, model=model, document=document, actors=actors, times=times, places=places
    )
    return [c.event for c in coded]


def _code_sentence(
    sentence: SpacySpan,
    *,
    model: TypeModel,
    document: Document,
    actors: Sequence[Actor],
    times: Sequence[Time],
    places: Sequence[Place],
) -> list[dating.Coded]:
    index = _actor_index(actors)
    found = candidates(sentence)
    matches = [m for _, m in found]
    triggers = {t.i for t, _ in found}
    words = sentence_features(sentence) if found else {}
    lede_start, lede_end = _lede(document)
    dateline_end = document.dateline.end if document.dateline else 0
    events: list[dating.Coded] = []
    pending = list(found)
    journeyed = False
    while pending:
        trigger, match = pending.pop(0)
        if match.rule == FALLBACK and (events or journeyed):
            continue
        if not pending and match.rule != FALLBACK:
            # No coded word of the sentence made an event so far: its main verb may still.
            verb = main_verb(sentence)
            if verb is not None and verb.i not in triggers:
                pending.append((verb, Match(None, FALLBACK)))
        found_features = features(trigger, match, matches, words)
        probabilities = model.probabilities(found_features)
        # A vow of a hostile act is a threat whatever the classifier reads of the vow verb
        # ("have sworn to fight": stance() codes it), so it is never dropped as no event.
        vow = threatened(trigger) is not None
        if NO_EVENT in model.classes:
            # The model learnt what a dictionary word used of no act looks like ("belong",
            # "hoped", "so-called") from gold sentences with no event and from words of news
            # articles marked by hand. A word is no event where both the event model's own
            # reading (trigger, parties, parse) and the full one, with the sentence's bag of
            # words, say so. The hand-marked words train the event model only, so the first
            # knows campaign news; the bag of words knows the gold sentences, and keeps their
            # acts (requiring the event model alone cost 2 points of coverage on PLV).
            nothing = model.classes.index(NO_EVENT)
            if int(probabilities.argmax()) == nothing and not vow:
                # The event model's own reading is needed only here: a second pass over the
                # features for every candidate slowed the coder from 736 to 611 sentences/s.
                own = model.probabilities(found_features, words=False)
                if int(own.argmax()) == nothing:
                    continue
            probabilities = probabilities.copy()
            probabilities[nothing] = 0.0
        best_index = int(probabilities.argmax())
        plover_type, probability = model.classes[best_index], float(probabilities[best_index])
        dictionary = plover_for(match.code) if match.code else None
        backed = dictionary.type if dictionary else None
        if probability < MIN_CONFIDENCE and backed in model.classes:
            # The classifier is unsure; the type the dictionary backs wins if the classifier
            # finds it plausible too ("fired tear gas": ASSAULT 175).
            backed_probability = float(probabilities[model.classes.index(str(backed))])
            if backed_probability >= MIN_AGREED:
                plover_type, probability = str(backed), backed_probability
        if (
            match.keep
            and backed in model.classes
            and plover_type != backed
            and modality.read(trigger).modality == "asserted"
        ):
            # A row of ours marked keep ("broke off diplomatic ties" 161): a construction the
            # training sentences lack, whose words ("diplomatic ties") pull the classifier
            # towards the type they usually go with. One negated or still to come is left to
            # the classifier and stance(), which read a refusal, promise or threat.
            plover_type = str(backed)
            probability = float(probabilities[model.classes.index(plover_type)])
        elif probability < (MIN_AGREED if plover_type == backed else MIN_CONFIDENCE) and not vow:
            continue
        if match.rule == FALLBACK and probability < MIN_FALLBACK:
            continue
        if (purpose := errand(trigger)) is not None and purpose.code:
            # "sent experts to Iran to investigate the crash" is the inquiry, "called Morrison
            # to congratulate him" the congratulation.
            match, dictionary = purpose, plover_for(purpose.code)
            if dictionary is not None and dictionary.type in model.classes:
                plover_type = backed = dictionary.type
                probability = max(probability, float(probabilities[model.classes.index(backed)]))
        if plover_type == "ASSAULT" and trigger.pos_ == "VERB" and medium(trigger) is not None:
            # An attack made on Twitter, in an interview or on television is one of words
            # (ACCUSE: CAMEO 11 disapprove), whatever the verb and its object suggest.
            plover_type = "ACCUSE"
        code = choose_code(plover_type, match.code)
        entry = cameo(code)
        mapping = plover_for(code)
        if entry is None or mapping is None:
            continue
        args = arguments(
            trigger,
            symmetric=plover_type in SYMMETRIC,
            objects=plover_type in object_types(),
            after=dateline_end,
        )
        if args.source is None and args.target is None:
            # The parse links no party to the trigger itself: the subject of the clause it
            # sits in ("X and Y are guilty of violating the ceasefire") is its doer.
            subject = governing_subject(trigger)
            if subject is not None and subject.idx >= dateline_end:
                args = Arguments(source=subject, target=None)
        if (
            match.rule == FALLBACK
            and trigger.lemma_.lower() == "be"
            and (
                args.source is None
                or not actor_like(args.source)
                or any(c.dep_ == "acomp" for c in trigger.children)
            )
        ):
            # An uncoded copula is an event only when an actor is its subject and it says
            # where or what the actor is doing ("the army was on the streets"); otherwise it
            # states how things are ("The weather was mild", "India is increasingly estranged
            # from forums").
            continue
        if args.source is not None and hazard(args.source):
            continue  # "Floods hit Japan": a disaster, not an interaction
        if not any(t is not None and actor_like(t) for t in (args.source, args.target)):
            # As in PETRARCH, an event needs a party: a verb with no actor around it ("trade
            # has increased") is a development, and smoke, floods or a virus that "kill" or
            # "shoot up" are no actors. One party that can act is enough (the other may be a
            # place or a thing: "shelled the town").
            continue
        if match.rule == FALLBACK and args.source is None:
            # A verb the dictionary does not code, with nobody doing it ("the two leaders were
            # pictured in videos"), says too little to be an act.
            continue
        target = args.target
        if target is None and code in VISIT_CODES:
            target = visited_place(trigger)
            if target is None and not _names_place(trigger, places):
                # A visit with no host and no place ("Putin going on a nostalgia trip") is a
                # figure of speech or a journey, not a meeting anyone could record; the
                # sentence's main verb ("he was in Vietnam") then tells no act either.
                journeyed = True
                continue
        if target is None and code.startswith(SANCTION_CODES):
            target = sanctioned(trigger, args.source)
        source_actor = _event_actor(args.source, index) if args.source is not None else None
        target_actor = _event_actor(target, index) if target is not None else None
        pair = _pair(args.source, source_actor, actors)
        if pair is not None:
            # "The leaders also saw each other", "the two leaders will hold talks": a plural
            # reference to two people is the dyad, one doing it to the other.
            other = _reciprocal(trigger)
            if other is not None or (target is None and plover_type in SYMMETRIC):
                assert args.source is not None
                source_actor = _as_event_actor(pair[0], phrase(args.source))
                target_actor = _as_event_actor(
                    pair[1], phrase(other) if other is not None else phrase(args.source)
                )
                target = other if other is not None else args.source
        reading = modality.read(trigger)
        refused = reading.modality == "negated"
        demand = demand_on_another(trigger) if trigger.pos_ == "VERB" else None
        if demand is not None:
            # "X said Y must withdraw" is X's request, made now: asserted, X's own.
            reading = modality.Reading("asserted", None, ())
        act = dictionary.type if dictionary else None
        if (
            reading.modality == "negated"
            and trigger.dep_ in {"xcomp", "ccomp"}
            and trigger.head.i in triggers
        ):
            # "refused to deploy": the refusal is the event (REJECT), coded on its verb.
            continue
        # A promise, threat, refusal or demand is coded as such, not as the act it is about.
        taken: Stance | None
        if demand is not None:
            # PLOVER codes what one party says another must do as the request, whatever the
            # act ("Russia said Sudan must return the helicopter": 1053, not a RETREAT).
            taken = requested(act or plover_type, match.code, negated=refused)
        else:
            taken = stance(plover_type, act, match.code, reading, trigger)
        kind = taken.modality if taken else reading.modality
        lede = lede_start <= trigger.idx < lede_end
        when = dating.when(
            trigger,
            times,
            published=document.published,
            lede=lede,
            asserted=kind == "asserted",
        )
        if (
            taken is None
            and kind == "asserted"
            and when.time is not None
            and when.precision == "day"
            and document.published
            and (when.date or "") > document.published
        ):
            # Dated after publication, it has not happened yet ("Tuesday's talks").
            kind = "planned"
            taken = stance(plover_type, act, match.code, replace(reading, modality=kind), trigger)
        if taken is not None:
            plover_type, code = taken.plover, taken.code
        elif kind == "negated" and act is not None and match.code:
            # "avoided condemning Russia": no disapproval happened; the record says which
            # act did not happen, not a REJECT the text never reports.
            plover_type, code = act, match.code
        entry, mapping = cameo(code), plover_for(code)
        if entry is None or mapping is None:
            continue
        place = dating.where(trigger, places)
        location = _location(place) or _seat_location(trigger)
        if location is None and when.time is None and lede and kind == "asserted":
            location = _dateline_location(document)
        reporter = None
        if reading.reporter is not None:
            reporter = _event_actor(reading.reporter, index).actor_id
        events.append(
            dating.Coded(
                trigger=trigger,
                dated=when.time is not None,
                backed=backed,
                event=Event(
                    id="",
                    cameo=code,
                    cameo_root=entry.root,
                    plover=plover_type,
                    mode=mapping.mode,
                    quad_class=entry.quad_class,
                    goldstein=goldstein(code),
                    source=source_actor,
                    target=target_actor,
                    date=when.date,
                    date_precision=when.precision,
                    location=location,
                    modality=kind,
                    reported_by=reporter,
                    evidence=Evidence(
                        sentence=sentence.text, start=sentence.start_char, end=sentence.end_char
                    ),
                    trigger=Span(
                        start=trigger.idx, end=trigger.idx + len(trigger.text), text=trigger.text
                    ),
                    confidence=round(probability, 3),
                    acled=acled_category(
                        code,
                        plover_type,
                        trigger,
                        target,
                        target_actor.sector if target_actor else None,
                    ),
                ),
            )
        )
    return fold_adjuncts(fold_purposes(events))


def event_mentions(
    doc: Doc,
    *,
    document: Document,
    actors: Sequence[Actor] = (),
    times: Sequence[Time] = (),
    places: Sequence[Place] = (),
    model: TypeModel | None = None,
) -> list[Event]:
    """Every coded event mention of the article, sentence by sentence, before repeated mentions
    of one happening are merged (what ``newsevents eval triggers`` scores word by word)."""
    coded = _code_article(doc, document, actors, times, places, model or shipped_model())
    return [c.event for c in coded]


def _code_article(
    doc: Doc,
    document: Document,
    actors: Sequence[Actor],
    times: Sequence[Time],
    places: Sequence[Place],
    model: TypeModel,
) -> list[dating.Coded]:
    coded: list[dating.Coded] = []
    for sentence in doc.sents:
        coded.extend(
            _code_sentence(
                sentence,
                model=model,
                document=document,
                actors=actors,
                times=times,
                places=places,
            )
        )
    return coded


def find_events(
    doc: Doc,
    *,
    document: Document,
    actors: Sequence[Actor] = (),
    times: Sequence[Time] = (),
    places: Sequence[Place] = (),
    model: TypeModel | None = None,
) -> list[Event]:
    """Every distinct event of the article, in text order, ids ``E1``, ``E2``, ..."""
    coded = _code_article(doc, document, actors, times, places, model or shipped_model())
    merged = merge(dating.inherit(coded, document=document))
    merged.sort(key=lambda e: (e.trigger.start, e.cameo))
    return [replace(e, id=f"E{n}") for n, e in enumerate(merged, start=1)]
