"""Event coding on real sentences: wire-style sentences written for these tests, sentences from
the shared dev data, and the sample article (issue 4)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from spacy.language import Language

from newsevents.eval import read_gold
from newsevents.eval.references import texts
from newsevents.extract.events import find_events
from newsevents.extract.events.classifier import NO_EVENT, TypeModel, shipped_model, text_terms
from newsevents.extract.events.lexicon import Match, match_verb, nouns, verbs
from newsevents.extract.events.purpose import errand, phone_call
from newsevents.extract.events.training import (
    examples,
    fit,
    label_of,
    marked_annotations,
    marked_examples,
)
from newsevents.ontology.cameo import cameo
from newsevents.ontology.plover import plover_for
from newsevents.ontology.tables import read_tsv
from newsevents.parse.nlp import load
from newsevents.settings import Settings
from newsevents.types import Actor, ArticleRecord, Document, Event, Place, Span, Time

from ..conftest import DATASETS, assert_valid_record

pytestmark = pytest.mark.issue(4)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load(Settings.from_env({}).model)


def document(text: str, *, published: str | None = "2024-07-08") -> Document:
    return Document(
        id="test",
        source="test",
        url=None,
        title=None,
        dateline=None,
        published=published,
        date_source="text" if published else "none",
        byline=None,
        captions=(),
        body=text,
        language="en",
        paragraphs=((0, len(text)),),
    )


def time_of(text: str, phrase: str, value: str) -> Time:
    start = text.index(phrase)
    return Time(text=phrase, start=start, end=start + len(phrase), type="DATE", value=value)


def actor(text: str, name: str, id: str, country: str, *also: str) -> Actor:
    mentions = []
    for form in (name, *also):
        start = text.index(form)
        mentions.append(Span(start=start, end=start + len(form), text=form))
    return Actor(
        id=id, name=name, type="state", country=country, sector="GOV", mentions=tuple(mentions)
    )


def code(nlp: Language, text: str, **kwargs: Any) -> list[Event]:
    published = kwargs.pop("published", "2024-07-08")
    return find_events(nlp(text), document=document(text, published=published), **kwargs)


def one(events: list[Event], trigger: str) -> Event:
    found = [e for e in events if e.trigger.text == trigger]
    assert len(found) == 1, [(e.trigger.text, e.plover) for e in events]
    return found[0]


def party(e: Event, role: str) -> str | None:
    actor = getattr(e, role)
    return None if actor is None else actor.text


# --- the dictionary data --------------------------------------------------------------------


def test_dictionary_codes_exist_and_map_to_plover() -> None:
    for lemma, value in nouns().items():
        assert cameo(value) is not None, lemma
    for lemma, entry in verbs().items():
        if entry.code:
            assert cameo(entry.code) is not None, lemma
    for row in read_tsv("newsevents.extract.events", "data/type_codes.tsv"):
        assert plover_for(row["code"]).type == row["type"]  # type: ignore[union-attr]


def test_verb_patterns_pick_the_specific_code(nlp: Language) -> None:
    doc = nlp("The United States imposed sanctions on Russia.")
    match = match_verb(doc[3])
    assert match is not None and match.code == "163"
    doc = nlp("The government imposed a curfew in the capital.")
    match = match_verb(doc[2])
    assert match is not None and match.code == "1723"


# --- who did what to whom ---------------------------------------------------------------------


def test_meeting_between_two_leaders(nlp: Language) -> None:
    events = code(nlp, "Modi met Russian President Vladimir Putin at his residence outside Moscow.")
    met = one(events, "met")
    assert (met.plover, met.cameo_root, met.modality) == ("CONSULT", "04", "asserted")
    assert party(met, "source") == "Modi"
    assert party(met, "target") == "Russian President Vladimir Putin"
    assert met.quad_class == 1 and met.goldstein is not None
    assert met.evidence.sentence.startswith("Modi met")


def test_visit_codes_who_visits_whom(nlp: Language) -> None:
    text = "German Chancellor Olaf Scholz visited Beijing on Tuesday to meet Xi Jinping."
    visit = one(code(nlp, text), "visited")
    assert (visit.plover, visit.cameo, visit.mode) == ("CONSULT", "042", "visit")
    assert party(visit, "source") == "German Chancellor Olaf Scholz"
    assert party(visit, "target") == "Beijing"


def test_a_visit_with_no_host_and_no_place_is_no_event(nlp: Language) -> None:
    # The sample's analyst: neither the trip nor where Putin "was" is an act anyone did.
    text = "We see Putin going on a nostalgia trip — he was in Vietnam, he was in North Korea."
    assert code(nlp, text) == []
    forum = one(code(nlp, "Modi attended a forum in the port of Vladivostok."), "attended")
    assert forum.cameo == "042"


def test_passive_agent_is_the_source(nlp: Language) -> None:
    text = "The Indian prime minister was received by Putin at the Kremlin on Monday."
    hosted = one(code(nlp, text), "received")
    assert hosted.plover == "CONSULT"
    assert party(hosted, "source") == "Putin"
    assert party(hosted, "target") == "The Indian prime minister".removeprefix("The ")


def test_x_and_y_met(nlp: Language) -> None:
    met = one(code(nlp, "Modi and Putin met in Moscow on Monday."), "met")
    assert (party(met, "source"), party(met, "target")) == ("Modi", "Putin")


def test_several_events_in_one_sentence(nlp: Language) -> None:
    text = (
        "Israeli troops attacked the village of Beit Ummar on Friday and arrested "
        "three Palestinian activists, the army said."
    )
    events = code(nlp, text)
    assert one(events, "attacked").plover == "ASSAULT"
    arrested = one(events, "arrested")
    assert arrested.plover == "COERCE" and arrested.cameo == "173"
    assert party(arrested, "source") == "Israeli troops"
    assert arrested.acled == {"event_type": "Strategic developments", "sub_event_type": "Arrests"}


def test_noun_events_take_possessive_and_prepositional_parties(nlp: Language) -> None:
    text = "The talks came a year after Russia's invasion of Ukraine."
    invasion = one(code(nlp, text), "invasion")
    assert invasion.plover == "ASSAULT"
    assert (party(invasion, "source"), party(invasion, "target")) == ("Russia", "Ukraine")


def test_clash_between_named_parties(nlp: Language) -> None:
    text = "A confrontation along the disputed China-India border left 20 soldiers dead."
    clash = one(code(nlp, text), "confrontation")
    assert clash.plover == "ASSAULT"
    assert (party(clash, "source"), party(clash, "target")) == ("China", "India")


def test_pronoun_of_a_reported_clause_takes_the_reporter(nlp: Language) -> None:
    text = "Nigeria announced that it will withdraw its peacekeeping force from Chad."
    withdraw = one(code(nlp, text), "withdraw")
    assert party(withdraw, "source") == "Nigeria"
    assert withdraw.modality == "planned"


def test_arguments_link_to_actors(nlp: Language) -> None:
    text = "Russian President Vladimir Putin met Indian Prime Minister Narendra Modi on Monday."
    actors = [
        actor(text, "Vladimir Putin", "A1", "RUS"),
        actor(text, "Narendra Modi", "A2", "IND"),
    ]
    met = one(code(nlp, text, actors=actors), "met")
    assert met.source is not None and met.target is not None
    assert (met.source.actor_id, met.source.country) == ("A1", "RUS")
    assert (met.target.actor_id, met.target.country) == ("A2", "IND")


# --- modality -------------------------------------------------------------------------------


def test_avoided_condemning_is_no_asserted_disapproval(nlp: Language) -> None:
    text = "Under Modi's leadership, India has avoided condemning Russia's military action."
    events = code(nlp, text)
    assert not [e for e in events if e.plover == "ACCUSE" and e.modality == "asserted"]
    assert one(events, "condemning").modality == "negated"


def test_did_not_attend_is_no_visit(nlp: Language) -> None:
    events = code(nlp, "The president did not attend the summit in Kazakhstan.")
    assert not [e for e in events if e.plover == "CONSULT" and e.modality == "asserted"]


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("The two leaders will hold talks in Beijing on Tuesday.", "hold", "planned"),
        ("Modi is expected to visit Washington next month.", "visit", "planned"),
        ("Iran may attack shipping in the Gulf, officials warned.", "attack", "uncertain"),
        ("Rebels reportedly attacked a convoy near Goma.", "attacked", "uncertain"),
        ("If Serbia attacks Kosovo, NATO would respond.", "attacks", "hypothetical"),
        # "would" in reported speech is the speaker's own "will", put in the past by "said"
        # (PLOVER GSR: "NATO confirmed on Wednesday it would tighten the naval blockade").
        ("NATO said on Wednesday it would tighten the blockade of Serbia.", "tighten", "planned"),
        ("French farmers said they would blockade Paris from Monday.", "blockade", "planned"),
        # ... but not with a condition, nor said of someone else.
        ("The president said he would visit Moscow if the talks succeed.", "visit", "hypothetical"),
        ("Ukrainian officials said Russia would attack Kyiv again.", "attack", "hypothetical"),
        ("Police arrested 40 protesters in Nairobi on Monday.", "arrested", "asserted"),
        ("The ministry denied that its troops had shelled the town.", "shelled", "negated"),
        # An open question, which a negation above it does not answer.
        ("It is not clear whether the army shelled the town.", "shelled", "uncertain"),
        ("Officials did not say whether the army had shelled the town.", "shelled", "uncertain"),
    ],
)
def test_modality(nlp: Language, text: str, trigger: str, modality: str) -> None:
    assert one(code(nlp, text), trigger).modality == modality


def test_reported_by_names_who_claims_it(nlp: Language) -> None:
    text = "Ukraine said Russian forces attacked the port of Odesa overnight."
    actors = [actor(text, "Ukraine", "A1", "UKR"), actor(text, "Russian forces", "A2", "RUS")]
    attack = one(code(nlp, text, actors=actors), "attacked")
    assert attack.reported_by == "A1"
    assert attack.source is not None and attack.source.actor_id == "A2"


@pytest.mark.parametrize(
    ("text", "accuser", "accused", "act"),
    [
        ("Amnesty accused the army of torture.", "Amnesty", "army", "torture"),
        ("Ukraine blamed Russia for the attack on the port.", "Ukraine", "Russia", "attack"),
        ("Ukraine blamed Russia for attacking the port.", "Ukraine", "Russia", "attacking"),
        # The parse makes "bombing" a modifier of "hospitals".
        ("The UN accused Russia of bombing hospitals in Syria.", "UN", "Russia", "bombing"),
    ],
)
def test_an_act_laid_at_anothers_door_is_the_accusers_claim(
    nlp: Language, text: str, accuser: str, accused: str, act: str
) -> None:
    actors = [actor(text, accuser, "A1", ""), actor(text, accused, "A2", "")]
    found = one(code(nlp, text, actors=actors), act)
    assert found.reported_by == "A1"
    assert found.source is not None and found.source.actor_id == "A2"


# --- dates and places -----------------------------------------------------------------------


def test_planned_talks_are_dated_to_that_day(nlp: Language) -> None:
    text = "Modi met Putin on Monday, to be followed by talks at the Kremlin on Tuesday."
    times = [time_of(text, "Monday", "2024-07-08"), time_of(text, "Tuesday", "2024-07-09")]
    events = code(nlp, text, times=times)
    talks, met = one(events, "talks"), one(events, "met")
    assert (talks.date, talks.date_precision, talks.modality) == ("2024-07-09", "day", "planned")
    assert (party(talks, "source"), party(talks, "target")) == ("Modi", "Putin")
    assert (met.date, met.date_precision, met.modality) == ("2024-07-08", "day", "asserted")


def test_background_events_keep_their_own_dates(nlp: Language) -> None:
    text = (
        "Ties have grown since the Kremlin sent troops into Ukraine in February 2022. "
        "A deadly clash between China and India in 2020 soured relations. "
        "An arrest warrant was issued in 2023 by the International Criminal Court."
    )
    times = [
        time_of(text, "February 2022", "2022-02"),
        time_of(text, "2020", "2020"),
        time_of(text, "2023", "2023"),
    ]
    events = code(nlp, text, times=times)
    assert (one(events, "sent").date, one(events, "sent").date_precision) == ("2022-02", "month")
    assert party(one(events, "sent"), "target") == "Ukraine"
    assert (one(events, "clash").date, one(events, "clash").date_precision) == ("2020", "year")
    warrant = one(events, "warrant")
    assert warrant.date == "2023"
    assert warrant.plover in {"ACCUSE", "COERCE"}  # a charge, or the arrest it orders
    assert party(warrant, "source") == "International Criminal Court"


def test_unlinked_time_is_not_taken(nlp: Language) -> None:
    text = "In 2019 the two countries signed a trade deal. Police arrested 12 protesters."
    times = [time_of(text, "2019", "2019")]
    arrested = one(code(nlp, text, times=times, published="2024-03-01"), "arrested")
    assert arrested.date == "2024-03-01" and arrested.date != "2019"


def test_place_linked_to_the_event(nlp: Language) -> None:
    text = "Police fired tear gas at protesters in Nairobi on Tuesday."
    start = text.index("Nairobi")
    place = Place(
        text="Nairobi",
        start=start,
        end=start + 7,
        name="Nairobi",
        country="KEN",
        admin1=None,
        lat=-1.28,
        lon=36.82,
        feature="city",
        geonameid=184745,
        confidence=0.9,
    )
    events = code(nlp, text, places=[place])
    assert events and all(e.location is not None for e in events)
    assert events[0].location.country == "KEN"  # type: ignore[union-attr]


# --- one event per happening ----------------------------------------------------------------


def test_repeated_mentions_merge(nlp: Language) -> None:
    text = (
        "Chinese and Indian troops clashed in the Galwan valley on Monday. "
        "Indian officials said Chinese and Indian troops clashed with rocks and clubs."
    )
    events = [e for e in code(nlp, text) if e.trigger.text == "clashed"]
    assert len(events) == 1
    assert len(events[0].mentions) == 1


def test_parties_that_differ_stay_two_events(nlp: Language) -> None:
    text = "Modi last traveled to Russia in 2019, when he attended a forum and met with Putin."
    times = [time_of(text, "2019", "2019")]
    triggers = {e.trigger.text for e in code(nlp, text, times=times)}
    assert {"traveled", "met"} <= triggers


def test_undated_retelling_joins_the_dated_event(nlp: Language) -> None:
    text = (
        "It was his first trip since Moscow sent troops into Ukraine. "
        "Trade has grown since Moscow sent troops into Ukraine in February 2022."
    )
    times = [time_of(text, "February 2022", "2022-02")]
    sent = [e for e in code(nlp, text, times=times) if e.trigger.text == "sent"]
    assert len(sent) == 1
    assert sent[0].date == "2022-02" and len(sent[0].mentions) == 1


def test_a_bare_retelling_joins_the_dated_happening(nlp: Language) -> None:
    # The sample: "Modi's trip could help the Russian leader", told below the lede, is the
    # visit the lede dated.
    paragraphs = [
        "Indian Prime Minister Narendra Modi visited Moscow on Monday.",
        "Trade between the two countries has grown fast.",
        "Putin's foreign travel has been sparse in recent years, so Modi's trip could help"
        " the Russian leader boost his clout.",
    ]
    text = "\n\n".join(paragraphs)
    starts = [text.index(p) for p in paragraphs]
    doc = replace(
        document(text),
        paragraphs=tuple((a, a + len(p)) for a, p in zip(starts, paragraphs, strict=True)),
    )
    second = text.rindex("Modi")
    modi = replace(
        actor(text, "Narendra Modi", "a1", "IND"),
        mentions=(
            *actor(text, "Narendra Modi", "a1", "IND").mentions,
            Span(start=second, end=second + 4, text="Modi"),
        ),
    )
    times = [
        time_of(text, "Monday", "2024-07-08"),
        time_of(text, "recent years", "PAST_REF"),
    ]
    found = find_events(nlp(text), document=doc, actors=[modi], times=times)
    visits = [e for e in found if e.cameo == "042"]
    assert [(e.trigger.text, e.date, len(e.mentions)) for e in visits] == [
        ("visited", "2024-07-08", 1)
    ]


def test_no_party_no_event(nlp: Language) -> None:
    assert code(nlp, "Trade has increased sharply this year.") == []
    assert code(nlp, "The weather was mild in March.") == []


def test_an_uncoded_verb_nobody_does_is_no_event(nlp: Language) -> None:
    # The sample: the leaders were shown in videos; nobody did anything to anyone.
    text = "Later, the two leaders were pictured in videos shared by the Kremlin near Moscow."
    assert code(nlp, text) == []


def test_a_state_an_actor_is_in_is_no_event(nlp: Language) -> None:
    # The sample's analyst, on India: a copula with an adjective says how things stand.
    text = "Bajpaee said India is increasingly estranged from forums in which China plays a role."
    assert code(nlp, text) == []


def test_things_that_shoot_up_or_blow_up_are_no_parties(nlp: Language) -> None:
    text = "Thick black smoke shot up on Friday after two trailers blew up at a chemical plant."
    assert [e.plover for e in code(nlp, text) if e.modality == "asserted"] == []
    # One party that can act is enough: the other may be a place.
    shelled = one(code(nlp, "Rebel fighters shelled the town on Friday."), "shelled")
    assert shelled.plover == "ASSAULT" and party(shelled, "source") == "Rebel fighters"


# --- the shared dev data --------------------------------------------------------------------


def _gold(name: str, record_id: str) -> dict[str, Any]:
    with (DATASETS / name).open(encoding="utf-8") as handle:
        for line in handle:
            record: dict[str, Any] = json.loads(line)
            if record["id"] == record_id:
                return record
    raise AssertionError(record_id)


@pytest.mark.parametrize(
    ("record_id", "trigger", "plover", "source"),
    [
        ("PLOVER-GSR01-AGREE-0001", "agreed", "AGREE", "Senior Hungarian and Romanian officials"),
        ("PLOVER-GSR01-AGREE-0003", "agreed", "AGREE", "The United States"),
    ],
)
def test_plover_gold_sentences(
    nlp: Language, record_id: str, trigger: str, plover: str, source: str
) -> None:
    record = _gold("PLOVER_GSR/dev.jsonl", record_id)
    event = one(code(nlp, record["text"]), trigger)
    assert event.plover == plover
    assert source.endswith(party(event, "source") or "<none>")


# --- the sample -----------------------------------------------------------------------------


def test_sample_events(sample_record: ArticleRecord, sample_dict: dict[str, Any]) -> None:
    assert_valid_record(sample_dict)
    events = sample_record.events
    by_trigger = {e.trigger.text: e for e in events}
    assert by_trigger["met"].plover == "CONSULT"
    assert party(by_trigger["met"], "source") == "Modi"
    assert "Putin" in (party(by_trigger["met"], "target") or "")
    assert by_trigger["visit"].plover == "CONSULT" and by_trigger["visit"].mode == "visit"
    assert by_trigger["talks"].modality == "planned"
    # "talks at the Kremlin on Tuesday" and, later, "Tuesday's talks" (planned by its date, no
    # cue of its own, one party named) are one happening: PLOVER's planned CONSULT, 036 AGREE.
    talks = [e for e in events if e.trigger.text == "talks"]
    assert len(talks) == 1, [(e.cameo, e.modality, e.date) for e in talks]
    assert (talks[0].cameo, talks[0].date) == ("036", "2024-07-09")
    assert any("Tuesday's talks" in m.sentence for m in talks[0].mentions)
    invasion = [
        e
        for e in events
        if e.plover == "ASSAULT"
        and e.source is not None
        and e.source.country == "RUS"
        and e.target is not None
        and e.target.country == "UKR"
    ]
    assert invasion, "Russia's invasion of Ukraine is missing"
    clash = by_trigger["confrontation"]
    assert clash.plover == "ASSAULT"
    assert clash.source is not None and clash.target is not None
    assert {clash.source.country, clash.target.country} == {"CHN", "IND"}
    warrant = by_trigger["warrant"]
    # PLOVER: a charge (ACCUSE, allege); Phoenix's CAMEO dictionary: "issue arrest warrants"
    # is 173 arrest (COERCE). Either way it is the court's act, dated 2023.
    assert warrant.plover in {"ACCUSE", "COERCE"}
    assert (warrant.date, warrant.date_precision) == ("2023", "year")
    assert warrant.source is not None and "Criminal Court" in warrant.source.text
    assert by_trigger["sanctions"].cameo == "163"
    # "Modi thanked Putin ... for hosting him": Putin hosts Modi.
    hosting = by_trigger["hosting"]
    assert hosting.source is not None and hosting.target is not None
    assert (hosting.source.country, hosting.target.country) == ("RUS", "IND")
    # "The leaders also saw each other ... at a summit of the SCO": Modi and Putin met.
    saw = by_trigger["saw"]
    assert saw.source is not None and saw.target is not None
    assert (saw.source.country, saw.target.country) == ("IND", "RUS")
    assert (saw.date, saw.plover) == ("2022-09", "CONSULT")
    assert "summit" not in by_trigger or by_trigger["summit"].date != "2022-09"
    # "Modi is expected to seek to continue close relations with Russia": Modi seeks.
    assert party(by_trigger["seek"], "source") == "Modi"
    assert not [
        e
        for e in events
        if e.plover == "ACCUSE" and e.modality == "asserted" and party(e, "source") == "India"
    ]
    assert [e.id for e in events] == [f"E{n}" for n in range(1, len(events) + 1)]


def test_clause_hanging_off_a_time_takes_it(nlp: Language) -> None:
    text = "Modi last traveled to Russia in 2019, when he attended a forum in Vladivostok."
    times = [time_of(text, "2019", "2019")]
    events = code(nlp, text, times=times)
    assert one(events, "traveled").date == "2019"
    assert (one(events, "attended").date, one(events, "attended").date_precision) == (
        "2019",
        "year",
    )


# --- round 2: what the sample showed (issue 4) ------------------------------------------------


LEDE = "Modi met Putin in Moscow on Monday.\n\nThe two leaders spoke for two hours."


def paragraphs(*parts: str) -> tuple[str, Document]:
    """A story whose first two paragraphs (the lede: the day's news) are ``LEDE``'s."""
    text = "\n\n".join((LEDE, *parts))
    spans, start = [], 0
    for part in text.split("\n\n"):
        spans.append((start, start + len(part)))
        start += len(part) + 2
    body = document(text)
    fields = {f: getattr(body, f) for f in body.__dataclass_fields__}
    return text, Document(**{**fields, "paragraphs": tuple(spans)})


@pytest.mark.parametrize(
    "text",
    [
        "Tensions have persisted despite talks and have seeped into how Delhi looks at Moscow.",
        "Stability returned to the border region after talks with Pakistan.",
        "Trade between the two countries has suffered since the sanctions.",
    ],
)
def test_abstract_noun_is_no_source(nlp: Language, text: str) -> None:
    doc = nlp(text)
    subject = next(t for t in doc if t.dep_ in {"nsubj", "nsubjpass"})
    for event in code(nlp, text):
        assert event.source is None or subject.text not in event.source.text, event


def test_common_noun_doing_something_stays_a_source(nlp: Language) -> None:
    text = "The newspaper criticized the government over the arrests."
    criticized = one(code(nlp, text), "criticized")
    assert party(criticized, "source") == "newspaper"


def test_undated_event_has_no_date(nlp: Language) -> None:
    text, body = paragraphs("Police arrested 12 protesters in Kolkata.")
    times = [time_of(text, "Monday", "2024-07-08")]
    events = find_events(nlp(text), document=body, times=times)
    met, arrested = one(events, "met"), one(events, "arrested")
    assert (met.date, met.date_precision) == ("2024-07-08", "day")
    # Only reported by the publication date, which the record already carries.
    assert (arrested.date, arrested.date_precision) == (None, "unknown")


def test_retelling_continues_the_dated_clash(nlp: Language) -> None:
    second = (
        "A clash in June 2020 along the disputed border between China and India altered their "
        "relationship as rival troops fought with rocks and clubs. "
        "At least 20 Indian soldiers and four Chinese soldiers were killed."
    )
    text, body = paragraphs(second)
    times = [time_of(text, "Monday", "2024-07-08"), time_of(text, "June 2020", "2020-06")]
    events = find_events(nlp(text), document=body, times=times)
    clash = one(events, "clash")
    assert (clash.date, clash.date_precision) == ("2020-06", "month")
    # The fighting and the deaths are that clash told in detail: one event, more evidence.
    assert any("were killed" in m.sentence for m in clash.mentions)
    assert not [e for e in events if e.plover == "ASSAULT" and e.date is None]


def test_retelling_needs_the_same_paragraph(nlp: Language) -> None:
    text, body = paragraphs(
        "A clash in June 2020 between China and India altered their relationship.",
        "Police arrested 12 protesters in Kolkata.",
    )
    times = [time_of(text, "June 2020", "2020-06")]
    arrested = one(find_events(nlp(text), document=body, times=times), "arrested")
    assert arrested.date is None


def test_present_perfect_does_not_inherit(nlp: Language) -> None:
    text, body = paragraphs(
        "A clash in June 2020 between China and India altered their relationship. "
        "China has accused India of provoking the fight.",
    )
    times = [time_of(text, "Monday", "2024-07-08"), time_of(text, "June 2020", "2020-06")]
    accused = one(find_events(nlp(text), document=body, times=times), "accused")
    assert accused.date is None


@pytest.mark.parametrize(
    ("text", "trigger", "name", "country"),
    [
        (
            "Modi met Putin, to be followed by talks at the Kremlin on Tuesday.",
            "talks",
            "Kremlin",
            "RUS",
        ),
        (
            "Macron received Scholz at the Elysee Palace on Friday.",
            "received",
            "Elysee Palace",
            "FRA",
        ),
    ],
)
def test_seat_of_government_is_a_location(
    nlp: Language, text: str, trigger: str, name: str, country: str
) -> None:
    event = one(code(nlp, text), trigger)
    assert event.location is not None
    assert (event.location.name, event.location.country) == (name, country)
    assert event.location.lat is not None  # the capital's coordinates


def test_seat_in_dev_sentence_is_a_location(nlp: Language) -> None:
    record = _gold("PLV/train.jsonl", "PLV_train-944")  # "... met ... at the Kremlin, where"
    met = one(code(nlp, record["text"]), "met")
    assert met.location is not None and met.location.country == "RUS"


def test_seat_as_actor_is_no_location(nlp: Language) -> None:
    event = one(
        code(nlp, "The Kremlin criticized the new sanctions on Russian banks."), "criticized"
    )
    assert event.location is None


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "China and India have become key buyers of Iranian oil following sanctions imposed "
            "by the United States that shut Western markets off to Iranian exports.",
            "IRN",
        ),
        ("The European Union imposed new sanctions that target Venezuelan banks.", "VEN"),
        ("Washington imposed sanctions on Russia over the poisoning.", "RUS"),
    ],
)
def test_sanctions_hit_the_state_named(nlp: Language, text: str, country: str) -> None:
    sanction = next(e for e in code(nlp, text) if e.cameo_root == "16")
    assert sanction.target is not None and sanction.target.country == country
    assert sanction.source is not None and sanction.source.country != country


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Argentina broke diplomatic ties with Britain in 1982.", "broke"),
        ("Saudi Arabia cut ties with Canada on Monday.", "cut"),
        ("Morocco severed ties with Iran over its support for the Polisario Front.", "severed"),
    ],
)
def test_ties_broken_off_are_a_sanction(nlp: Language, text: str, trigger: str) -> None:
    # Word by word "diplomatic ties" reads as SUPPORT; the table's row (keep: yes) stands.
    event = one(code(nlp, text), trigger)
    assert (event.plover, event.cameo, event.modality) == ("SANCTION", "161", "asserted")


@pytest.mark.parametrize(
    "text",
    [
        "Police fired tear gas at protesters in Nairobi.",
        # A story's "protests" pulls the words towards PROTEST; the table's row stands.
        "Police fired tear gas as protests continued in the capital.",
    ],
)
def test_tear_gas_fired_is_violent_repression(nlp: Language, text: str) -> None:
    event = one(code(nlp, text), "fired")
    assert (event.plover, event.cameo) == ("ASSAULT", "175")
    assert event.source is not None and event.source.text == "Police"


@pytest.mark.parametrize(
    "text",
    [
        "Senator Warren attacked the judge on Twitter on Monday.",
        "The minister attacked the opposition in an interview on state television.",
    ],
)
def test_an_attack_made_in_words_is_an_accusation(nlp: Language, text: str) -> None:
    event = one(code(nlp, text), "attacked")
    assert event.plover == "ACCUSE"
    assert event.target is not None and "Twitter" not in event.target.text


def test_a_kept_row_still_to_come_is_a_threat(nlp: Language) -> None:
    event = one(code(nlp, "Bahrain will cut ties with Qatar, the foreign minister said."), "cut")
    assert (event.plover, event.modality) == ("THREATEN", "planned")
    assert event.confidence > 0.5


def leaders(text: str) -> list[Actor]:
    return [
        replace(actor(text, "Modi", "a1", "IND"), type="person"),
        replace(actor(text, "Putin", "a2", "RUS"), type="person"),
    ]


@pytest.mark.parametrize(
    ("second", "trigger"),
    [
        ("The leaders also saw each other in 2022 at a summit in Uzbekistan.", "saw"),
        ("The two leaders will hold talks at the Kremlin on Tuesday.", "hold"),
        ("Both leaders talked with one another again in Astana.", "talked"),
    ],
)
def test_a_plural_reference_to_two_leaders_is_their_dyad(
    nlp: Language, second: str, trigger: str
) -> None:
    text = "Modi met Putin near Moscow on Monday. " + second
    times = [time_of(text, "Monday", "2024-07-08")]
    times += [
        time_of(text, w, v) for w, v in (("2022", "2022"), ("Tuesday", "2024-07-09")) if w in text
    ]
    events = code(nlp, text, actors=leaders(text), times=times)
    # An undated meeting of the same two is the one told before, and merges into it.
    told = [
        e
        for e in events
        if any(second in m.sentence for m in (e.evidence, *e.mentions))
        and (e.trigger.text == trigger or any(m.sentence == second for m in e.mentions))
    ]
    # "at a summit" is the meeting itself, not a second one between "the leaders" and nobody
    assert len(told) == 1, [(e.trigger.text, e.source, e.target) for e in events]
    event = told[0]
    assert event.source is not None and event.target is not None
    assert (event.source.actor_id, event.target.actor_id) == ("a1", "a2")


def test_a_plural_reference_doing_a_one_sided_act_keeps_its_words(nlp: Language) -> None:
    # The two leaders condemned the attack: each did, and neither to the other.
    text = "Modi met Putin near Moscow on Monday. The two leaders condemned the attack in Kabul."
    event = one(code(nlp, text, actors=leaders(text)), "condemned")
    assert event.target is None or event.target.actor_id is None


def test_main_verb_of_a_reported_clause(nlp: Language) -> None:
    from newsevents.extract.events.triggers import main_verb

    doc = nlp("Officials said rebels torched a police station near Goma.")
    verb = main_verb(next(doc.sents))
    assert verb is not None and verb.text == "torched"
    assert main_verb(next(nlp("A storm over the capital.").sents)) is None


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        (
            "Farmers staged protests outside parliament on Monday to demand subsidies from the "
            "government.",
            "protests",
            "government",
        ),
        (
            "Tens of thousands of university students throughout Indonesia staged mass "
            "demonstrations Saturday to demand political reforms by President Suharto's "
            "government.",  # PLOVER GSR dev
            "demonstrations",
            "President Suharto's government",
        ),
    ],
)
def test_purpose_is_part_of_the_act(nlp: Language, text: str, trigger: str, target: str) -> None:
    events = code(nlp, text)
    protest = one(events, trigger)
    assert protest.plover == "PROTEST"
    # The demand is what the protest is for, not a second event; whom it is aimed at is the
    # protest's target.
    assert not [e for e in events if e.trigger.text == "demand"]
    assert party(protest, "target") == target


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # A participle of demanding on a protest says what the protest asks and of whom.
        (
            "Protesters marched through the capital demanding the resignation of the prime "
            "minister.",
            "marched",
            "prime minister",
        ),
        (
            "Students staged a protest outside the ministry demanding that authorities release "
            "a fellow student.",
            "protest",
            "authorities",
        ),
    ],
)
def test_what_a_protest_demands_is_part_of_it(
    nlp: Language, text: str, trigger: str, target: str
) -> None:
    events = code(nlp, text)
    protest = one(events, trigger)
    assert protest.plover == "PROTEST"
    # Neither the demand nor the release it asks for happened apart from the protest.
    assert [e.trigger.text for e in events] == [trigger]
    assert party(protest, "target") == target


def test_pressing_ahead_is_no_demand(nlp: Language) -> None:
    # "press" and "call" ask for something only with "for" or "on".
    events = code(nlp, "The army pressed ahead with the offensive against the rebels.")
    assert one(events, "offensive").plover == "ASSAULT"


def test_purpose_of_an_uncoded_verb_stays_an_event(nlp: Language) -> None:
    # "wrote" codes nothing, so the demand is the sentence's only event.
    events = code(nlp, "The union wrote to the president to demand higher wages.")
    demand = one(events, "demand")
    assert (demand.plover, party(demand, "source")) == ("REQUEST", "union")


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        (
            "The IAEA has dispatched inspectors to Esfahan Uranium Conversion Facilities (UCF) "
            "in central Iran to monitor resumption of peaceful nuclear work at the plant.",
            "dispatched",
            "Esfahan Uranium Conversion Facilities",
        ),  # PLOVER GSR dev
        (
            "The United Nations will send a team of experts to Yemen next week to investigate "
            "the attack on the convoy.",
            "send",
            None,
        ),
    ],
)
def test_sending_envoys_to_investigate_is_the_investigation(
    nlp: Language, text: str, trigger: str, target: str | None
) -> None:
    # PLOVER codes the inquiry (CAMEO 09, ACCUSE investigate), coded on the sending, with
    # the inquiry folded into it.
    events = code(nlp, text)
    sending = one(events, trigger)
    assert (sending.plover, sending.cameo_root) == ("ACCUSE", "09")
    assert [e.trigger.text for e in events] == [trigger]
    if target is not None:
        assert party(sending, "target") == target


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "cameo", "target"),
    [
        (
            "Prime Minister Benjamin Netanyahu called new Australian Prime Minister Scott "
            "Morrison on Wednesday to congratulate him on becoming Australia's new prime "
            "minister.",  # PLV train
            "called",
            "SUPPORT",
            "051",
            "new Australian Prime Minister Scott Morrison",
        ),
        (
            "On Nov. 18, NATO Secretary General Jens Stoltenberg called Erdogan to apologize for "
            "the case.",
            "called",
            "SUPPORT",
            "055",
            "Erdogan",
        ),
        (
            "Pakistan summoned France's ambassador Monday to complain about a campaign against "
            "Muslims in the European nation.",
            "summoned",
            "ACCUSE",
            "110",
            "France's ambassador",
        ),
    ],
)
def test_a_call_made_to_praise_or_complain_is_the_praise_or_complaint(
    nlp: Language, text: str, trigger: str, plover: str, cameo: str, target: str
) -> None:
    events = code(nlp, text)
    call = one(events, trigger)
    assert (call.plover, call.cameo, call.modality) == (plover, cameo, "asserted")
    assert party(call, "target") == target
    # The congratulation or complaint is the call's errand, not a second event.
    assert len([e for e in events if e.plover == plover]) == 1


@pytest.mark.parametrize(
    "text",
    [
        "President Reuven Rivlin called Ethiopian President Sahle Work Zawde on Friday to "
        "explain the importance of burying the remains.",
        # "called on" asks; "called off" cancels.
        "Anti-war groups called on workers to condemn the war.",
        "The unions called off the strike to praise the new law.",
    ],
)
def test_a_call_for_other_errands_is_no_errand(nlp: Language, text: str) -> None:
    call = next(t for t in nlp(text) if t.text == "called")
    assert errand(call) is None


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "U.S. President Donald Trump called Saudi Arabia's King Salman on Saturday, "
            "discussing ways to maintain sufficient supply.",  # PLV train
            "Saudi Arabia's King Salman",
        ),
        (
            "President Reuven Rivlin called Ethiopian President Sahle Work Zawde on Friday to "
            "explain the importance of burying the remains.",
            "Ethiopian President Sahle Work Zawde",
        ),
        ("Putin phoned Modi on Monday.", "Modi"),
    ],
)
def test_a_call_made_to_a_party_is_a_consultation(nlp: Language, text: str, target: str) -> None:
    call = next(t for t in nlp(text) if t.lemma_ in {"call", "phone"})
    match = phone_call(call)
    assert match is not None and (match.code, match.keep) == ("041", True)
    event = one(code(nlp, text), call.text)
    assert (event.plover, event.cameo, party(event, "target")) == ("CONSULT", "041", target)


@pytest.mark.parametrize(
    "text",
    [
        "The opposition called him a traitor.",  # a name called
        "He called the move unconstitutional.",
        "Anti-war groups called on workers to condemn the war.",  # a demand
        "The president called elections for May.",  # no party called
    ],
)
def test_naming_demanding_or_calling_things_is_no_phone_call(nlp: Language, text: str) -> None:
    call = next(t for t in nlp(text) if t.text == "called")
    assert phone_call(call) is None


def test_a_named_noun_is_a_party(nlp: Language) -> None:
    # The misspelt "jornalist" is no agent noun, but the name beside it makes it a party.
    events = code(
        nlp,
        "The jornalist Moussa Tchangari was arrested on Monday in Niger for collaborating "
        "with Boko Haram Islamists.",  # PLV train
    )
    arrest = one(events, "arrested")
    assert (arrest.plover, party(arrest, "target")) == ("COERCE", "jornalist")


def test_troops_sent_to_monitor_a_truce_are_no_inquiry(nlp: Language) -> None:
    events = code(nlp, "The UN deployed 300 troops to monitor the ceasefire.")
    assert one(events, "deployed").cameo_root != "09"


@pytest.mark.parametrize(
    ("text", "verb", "trigger", "plover", "source"),
    [
        (
            "The Taliban stepped up attacks on Afghan security forces.",
            "stepped",
            "attacks",
            "ASSAULT",
            "Taliban",
        ),
        (
            "The United States speeded up the withdrawal of some invasion forces from Panama "
            "on Wednesday.",  # PLOVER GSR dev
            "speeded",
            "withdrawal",
            "RETREAT",
            "United States",
        ),
        (
            "The Syrian army on Thursday intensified its bombardment of a besieged Palestinian "
            "neighborhood.",
            "intensified",
            "bombardment",
            "ASSAULT",
            "Syrian army",
        ),
    ],
)
def test_a_pace_verb_leaves_the_act_to_its_noun(
    nlp: Language, text: str, verb: str, trigger: str, plover: str, source: str
) -> None:
    # "stepped up", "intensified": Phoenix codes these as cooperation (060) or mobilisation
    # (154); the act is the one stepped up.
    events = code(nlp, text)
    act = one(events, trigger)
    assert (act.plover, party(act, "source")) == (plover, source)
    assert not [e for e in events if e.trigger.text == verb]


def test_a_reiterated_demand_is_aimed_at_whom_it_asks(nlp: Language) -> None:
    events = code(
        nlp,
        "The International Labor Office (ILO) reiterated its demand today that Israel ease "
        "restrictions on the movement of Palestinian workers.",  # PLOVER GSR dev
    )
    demand = one(events, "demand")
    assert (demand.plover, party(demand, "target")) == ("REQUEST", "Israel")
    # The easing is asked for, not done.
    assert [e.trigger.text for e in events] == ["demand"]


def test_a_purpose_named_by_an_object_is_part_of_the_act(nlp: Language) -> None:
    events = code(
        nlp,
        "Young Algerians blocked roads leading to the city centre on Sunday to press their "
        "demands for greater freedom and opportunities from President Bouteflika's "
        "government.",  # PLOVER GSR dev
    )
    # One protest, aimed at the government; the roads "leading to" the centre do nothing.
    assert [e.trigger.text for e in events] == ["blocked"]
    protest = events[0]
    assert protest.plover == "PROTEST"
    assert party(protest, "target") == "President Bouteflika's government"


def test_a_date_possessive_is_no_doer(nlp: Language) -> None:
    events = code(nlp, "Five officers have hidden in the embassy since last month's U.S. invasion.")
    assert party(one(events, "invasion"), "source") == "U.S."


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Both the navy and the militia were guilty of violating the truce.", "navy"),
        (
            "Both the Phillippines military and the Moro Islamic Liberation Front are guilty "
            "of violating the ceasefire agreement signed in March 2001.",  # PLOVER GSR dev
            "Phillippines military",
        ),
    ],
)
def test_clause_subject_is_the_doer_when_the_trigger_has_none(
    nlp: Language, text: str, source: str
) -> None:
    violating = one(code(nlp, text), "violating")
    assert party(violating, "source") == source


# --- the type classifier --------------------------------------------------------------------


def test_text_terms_count_words_and_pairs(nlp: Language) -> None:
    sentence = next(nlp("Police arrested the protesters and police fired tear gas.").sents)
    terms = text_terms(sentence)
    assert terms["x:police"] == 2.0
    assert terms["x:tear gas"] == 1.0
    assert terms["x:the protesters"] == 1.0
    assert "x:." not in terms  # punctuation is no word


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        (
            "Thousands of demonstrators marched through the capital on Sunday demanding "
            "the president's resignation.",
            "PROTEST",
        ),
        ("Rebels shelled the town overnight, killing four civilians.", "ASSAULT"),
    ],
)
def test_bag_of_words_alone_reads_the_sentence(nlp: Language, text: str, plover: str) -> None:
    # The shipped model's second part, fed only the sentence's words. The event part then adds
    # only its intercepts, which are no reading of the words (after round 14's retrain they
    # favour ACCUSE over PROTEST here), so the words' own contribution is the log ratio of the
    # full reading to the event part's.
    model = shipped_model()
    terms = text_terms(next(nlp(text).sents))
    words = np.log(model.probabilities(terms)) - np.log(model.probabilities(terms, words=False))
    assert model.classes[int(words.argmax())] == plover


def test_the_trigger_outweighs_the_words_where_they_mislead(nlp: Language) -> None:
    # The words alone ("halt", "construction") lean away from a request; the event model
    # knows the trigger "urged" and its object clause.
    text = "The foreign minister urged Israel to halt settlement construction."
    model = shipped_model()
    words = model.probabilities(text_terms(next(nlp(text).sents)))
    assert model.classes[int(words.argmax())] != "REQUEST"
    urged = one(code(nlp, text), "urged")
    assert (urged.plover, party(urged, "source"), party(urged, "target")) == (
        "REQUEST",
        "foreign minister",
        "Israel",
    )


def test_unknown_words_leave_the_scores_alone() -> None:
    model = shipped_model()
    assert np.allclose(model.probabilities({"x:qqzzxx": 3.0}), model.probabilities({}))


def test_the_event_model_alone_leaves_the_bag_of_words_out(nlp: Language) -> None:
    model = shipped_model()
    terms = text_terms(next(nlp("Campaign aides said the senator lost the debate.").sents))
    trigger = {"t:attack": 1.0, "dp:ASSAULT": 1.0}
    own = model.probabilities(trigger, words=False)
    # The sentence's words change the full reading but not the event model's own.
    assert np.allclose(model.probabilities({**trigger, **terms}, words=False), own)
    assert not np.allclose(model.probabilities({**trigger, **terms}), own)


@pytest.mark.slow
def test_fitted_model_survives_saving(nlp: Language, tmp_path: Path) -> None:
    records = list(read_gold(DATASETS / "PLOVER_GSR" / "dev.jsonl"))[::3]
    items = examples(records, nlp.pipe(r["text"] for r in records))
    model = fit(items)
    assert model.text_index and model.text_weight == 1.0
    model.save(tmp_path / "types.npz")
    with np.load(tmp_path / "types.npz", allow_pickle=False) as data:
        loaded = TypeModel.from_arrays({k: data[k] for k in data.files})
    for item in items[:30]:
        # Saved weights are float16: equal to a hundredth.
        assert np.allclose(
            loaded.probabilities(item.features), model.probabilities(item.features), atol=0.01
        )
    # The bag of words moves the scores: without it the probabilities differ.
    alone = replace(model, text_weight=0.0)
    assert not np.allclose(
        alone.probabilities(items[0].features), model.probabilities(items[0].features)
    )


def test_a_split_gold_label_trains_as_the_dictionary_type_else_the_first() -> None:
    # PLV's YIELD is CONCEDE or RETREAT: the dictionary's type picks one where it is either.
    event = {"label": None, "label_candidates": ["CONCEDE", "RETREAT"]}
    assert label_of(event, Match("0841", "phoenix:release")) == "RETREAT"
    assert label_of(event, Match("081", "phoenix:ease")) == "CONCEDE"
    # Coded as something else, it still trains as a yielding, not as nothing.
    assert label_of(event, Match("110", "phoenix:accuse")) == "CONCEDE"
    assert label_of({"label": "ASSAULT", "label_candidates": ["ASSAULT"]}, Match(None, "x")) == (
        "ASSAULT"
    )
    assert label_of({"label": None, "label_candidates": []}, Match(None, "x")) is None


def test_an_event_free_gold_sentence_trains_its_dictionary_words_as_no_event(
    nlp: Language,
) -> None:
    text = "The mayor hoped the council would approve the budget, she said."
    record = {"id": "r1", "text": text, "events": []}
    found = examples([record], [nlp(text)])
    assert found and {e.label for e in found} == {NO_EVENT}
    # A record that names no events at all (not an empty list) trains nothing.
    assert examples([{"id": "r2", "text": text}], [nlp(text)]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Hale hoped the utilities would buy his credits.",
        "He said he was trying to find some middle ground.",
    ],
)
def test_dictionary_words_used_of_no_act_are_no_event(nlp: Language, text: str) -> None:
    assert NO_EVENT in shipped_model().classes
    assert code(nlp, text) == []


def test_hand_marked_news_words_train_with_their_labels(nlp: Language) -> None:
    text = "The senator attacked the governor on Monday. He wants a bigger majority."
    spans = [("attacked", "ACCUSE"), ("wants", NO_EVENT), ("governor", "ASSAULT")]
    annotation = {
        "dataset": "x.jsonl",
        "id": "a1",
        "triggers": [
            {"start": text.index(w), "end": text.index(w) + len(w), "text": w, "label": label}
            for w, label in spans
        ],
    }
    found = marked_examples([annotation], [nlp(text)])
    # "governor" is no candidate trigger of its sentence: it trains nothing.
    assert [e.label for e in found] == ["ACCUSE", NO_EVENT]
    assert {e.record for e in found} == {"a1"}


def test_the_shipped_hand_marked_words_still_match_their_articles() -> None:
    annotations = list(marked_annotations())
    labels = {t["label"] for a in annotations for t in a["triggers"]}
    assert NO_EVENT in labels and labels <= set(shipped_model().classes)
    # Offsets into the shared train articles, checked word for word (an error if moved).
    found = texts(DATASETS, annotations, "triggers")
    assert len(found) == len(annotations) >= 50
    assert all(a["dataset"].endswith("train.jsonl") for a in annotations)


@pytest.mark.parametrize(
    "text",
    [
        # Campaign news: opinions, wishes and figures of speech, not acts.
        "I think the governor will win the race.",
        "The senator wants a wall on the border.",
        "The so-called reform will leave taxpayers holding the bag.",
    ],
)
def test_opinions_and_figures_of_speech_in_political_news_are_no_event(
    nlp: Language, text: str
) -> None:
    assert code(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "modality"),
    [
        (
            "Mr. Trump is demanding that President Obama make a pledge not to pardon her.",
            "demanding",
            "REQUEST",
            "asserted",
        ),
        (
            "The governor praised the president for his response to the storm.",
            "praised",
            "SUPPORT",
            "asserted",
        ),
        (
            "Democrats will sue the state of Arizona over voter access to the polls.",
            "sue",
            "ACCUSE",
            "planned",
        ),
    ],
)
def test_acts_in_political_news_stay_events(
    nlp: Language, text: str, trigger: str, plover: str, modality: str
) -> None:
    event = one(code(nlp, text), trigger)
    assert (event.plover, event.modality) == (plover, modality)
