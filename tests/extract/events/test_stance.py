"""Promises, threats and refusals (issue 4): an act the text says an actor will do, would do or
will not do is coded as the stance taken on it, and what a stance is about is no event of its
own. Wire-style sentences written for these tests and sentences of the shared dev data (read
from ``../shared/datasets`` by id, never copied here)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.eval.gold import gold_document
from newsevents.extract.events import code_sentence, modality
from newsevents.extract.events.arguments import demand_on_another
from newsevents.extract.events.classifier import shipped_model
from newsevents.extract.events.stance import COOPERATIVE, HOSTILE, YIELDING, stance_code
from newsevents.ontology.cameo import cameo
from newsevents.ontology.plover import plover_for
from newsevents.ontology.tables import read_tsv
from newsevents.parse.nlp import load
from newsevents.settings import Settings
from newsevents.types import Event

from ...conftest import dev_text as dev

pytestmark = pytest.mark.issue(4)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load(Settings.from_env({}).model)


def events(nlp: Language, text: str) -> list[Event]:
    doc = nlp(text)
    document = gold_document({"id": "test", "text": text})
    return [
        e for s in doc.sents for e in code_sentence(s, model=shipped_model(), document=document)
    ]


def at(found: list[Event], trigger: str) -> Event:
    hits = [e for e in found if e.trigger.text == trigger]
    assert len(hits) == 1, [(e.trigger.text, e.plover, e.cameo) for e in found]
    return hits[0]


# --- the table ------------------------------------------------------------------------------


def test_stance_codes_exist_and_mean_their_stance() -> None:
    rows = read_tsv("newsevents.extract.events", "data/stance_codes.tsv")
    assert {r["stance"] for r in rows} == {"AGREE", "THREATEN", "REJECT", "REQUEST"}
    for row in rows:
        assert cameo(row["code"]) is not None, row
        mapping = plover_for(row["code"])
        assert mapping is not None and mapping.type == row["stance"], row
        act = row["act"]
        assert act in COOPERATIVE | HOSTILE | YIELDING or (
            act.isdigit() and cameo(act) is not None
        ), row


def test_the_longest_code_prefix_wins() -> None:
    assert stance_code("REJECT", "RETREAT", "0841") == "1243"  # refuse to release persons
    assert stance_code("REJECT", "RETREAT", "087") == "1246"
    assert stance_code("REJECT", "RETREAT", None) == "124"
    assert stance_code("THREATEN", "SANCTION", "163") == "1312"
    assert stance_code("THREATEN", "ASSAULT", "190") == "1384"
    assert stance_code("AGREE", "CONSULT", "040") == "036"
    assert stance_code("AGREE", "RETREAT", "0841") == "0353"  # intent to release


def test_intent_cues_are_the_actors_own() -> None:
    cues = modality.intent_cues()
    assert {"will", "would", "wo", "plan", "threaten", "vow"} <= cues
    assert not {"expect", "schedule", "due", "could", "may"} & cues


# --- refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("Israel will not release the prisoners held since the raid.", "release", "1243"),
        ("The union said it will not end the strike until wages are paid.", "end", "1242"),
        ("Lebanon says it won't accept any more refugees from Syria.", "accept", "1223"),
        ("France will not lift the ban on British beef.", "lift", "1241"),
    ],
)
def test_will_not_is_a_refusal(nlp: Language, text: str, trigger: str, code: str) -> None:
    event = at(events(nlp, text), trigger)
    assert (event.plover, event.cameo, event.modality) == ("REJECT", code, "asserted")


def test_refusal_in_dev_data(nlp: Language) -> None:
    # "The U.S. said it would not meet hostage-takers demands to release prisoners in Iraq"
    event = at(events(nlp, dev("PLOVER_GSR/dev.jsonl", "PLOVER-GSR01-REJECT-0018")), "meet")
    assert event.plover == "REJECT" and event.modality == "asserted"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The president did not attend the summit in Kazakhstan.", "attend"),
        ("India has not condemned Russia's invasion of Ukraine.", "condemned"),
        ("Israel will not attack Iran, the prime minister said.", "attack"),  # not cooperation
    ],
)
def test_a_negation_that_reports_is_no_refusal(nlp: Language, text: str, trigger: str) -> None:
    event = at(events(nlp, text), trigger)
    assert event.plover != "REJECT" and event.modality == "negated"


# --- threats --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        (
            "Turkey's president says it will begin a new military operation against Kurdish"
            " fighters in Syria within days.",
            "begin",
            "1384",
        ),
        (
            "The army says it will shell the rebel-held town unless the fighters leave.",
            "shell",
            "1384",
        ),
    ],
)
def test_an_announced_hostile_act_is_a_threat(
    nlp: Language, text: str, trigger: str, code: str
) -> None:
    event = at(events(nlp, text), trigger)
    assert (event.plover, event.cameo) == ("THREATEN", code)
    assert event.modality in {"planned", "hypothetical"}


def test_a_vow_to_attack_is_one_threat(nlp: Language) -> None:
    found = events(nlp, "The rebels vowed to attack government positions in the north.")
    assert [e.plover for e in found] == ["THREATEN"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Workers threatened to strike on Monday over unpaid wages.", "133"),
        ("The union threatened to stage protests across the country.", "133"),
        ("Washington threatened to impose sanctions on Caracas.", "1312"),
        ("The rebels threatened to attack the capital.", "1384"),
        # Nothing hostile named: CAMEO's generic threat.
        ("The minister threatened to resign.", "130"),
    ],
)
def test_a_threat_is_coded_by_what_it_threatens(nlp: Language, text: str, code: str) -> None:
    found = at(events(nlp, text), "threatened")
    assert (found.plover, found.cameo) == ("THREATEN", code)


def test_a_warning_of_anothers_act_is_no_threat_of_it(nlp: Language) -> None:
    own = at(events(nlp, "Israel warned that it would bomb Beirut."), "warned")
    assert own.cameo == "1383"
    found = events(nlp, "Officials warned that Iran may attack shipping in the Gulf.")
    assert all(e.cameo == "130" for e in found if e.trigger.text == "warned")


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "code"),
    [
        ("The rebels vowed not to attack the town.", "vowed", "AGREE", "0356"),
        ("The rebels promised not to attack the town.", "promised", "AGREE", "0356"),
        ("Police promised not to arrest the protesters.", "promised", "AGREE", "0351"),
        ("The government vowed not to impose sanctions on Iran.", "impose", "AGREE", "0354"),
        ("The minister promised not to meet the rebels.", "promised", "REJECT", "125"),
        ("Iran pledged not to release the prisoners.", "pledged", "REJECT", "1243"),
        # A labour strike forgone eases dissent (0352); a military one would be 0356.
        ("The union vowed not to strike.", "strike", "AGREE", "0352"),
    ],
)
def test_a_promise_not_to_act_is_restraint_or_refusal(
    nlp: Language, text: str, trigger: str, plover: str, code: str
) -> None:
    # Not to use force is a promise of restraint, neither the threat that "vow ... attack"
    # reads as nor the attack itself; not to cooperate is a refusal.
    found = events(nlp, text)
    assert [(e.trigger.text, e.plover, e.cameo, e.modality) for e in found] == [
        (trigger, plover, code, "asserted")
    ]


def test_threat_in_dev_data(nlp: Language) -> None:
    # "Palestinian leaders said they would boycott all official contact with the United States."
    text = dev("PLOVER_GSR/dev.jsonl", "PLOVER-GSR01-THREATEN-0007")
    event = at(events(nlp, text), "boycott")
    assert (event.plover, event.cameo) == ("THREATEN", "1312")


@pytest.mark.parametrize(
    "text",
    [
        "Iran may attack shipping in the Gulf, officials warned.",  # speculation, not a threat
        "Government troops are expected to attack the rebel stronghold this week.",
    ],
)
def test_what_others_expect_is_no_threat(nlp: Language, text: str) -> None:
    event = at(events(nlp, text), "attack")
    assert event.plover == "ASSAULT"


@pytest.mark.parametrize(
    "text",
    [
        "Iran warned it would attack any tanker entering its waters.",
        "Iran warned that Iran would attack any tanker entering its waters.",
    ],
)
def test_a_warning_about_ones_own_attack_is_a_threat(nlp: Language, text: str) -> None:
    # The warner and the attacker are one: the intent is the warner's own, one threat.
    assert [e.plover for e in events(nlp, text)] == ["THREATEN"]


def test_a_promised_meeting_is_agree(nlp: Language) -> None:
    event = at(events(nlp, "The two leaders will hold talks in Beijing on Tuesday."), "hold")
    assert (event.plover, event.cameo, event.modality) == ("AGREE", "036", "planned")


def test_a_promise_to_yield_names_what_is_yielded(nlp: Language) -> None:
    # Read as a promise, the release is CAMEO 0353 "express intent to release persons".
    event = at(events(nlp, "The army will release the detained journalists on Friday."), "release")
    assert event.modality == "planned"
    assert (event.plover, event.cameo) in {("AGREE", "0353"), ("RETREAT", "0841")}


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        ("Japan has decided to lift the sanctions imposed on India.", "lift", "RETREAT"),
        ("The United States continued to send arms to Pakistan last year.", "send", "AID"),
    ],
)
def test_a_decided_or_continued_act_is_carried_out(
    nlp: Language, text: str, trigger: str, plover: str
) -> None:
    event = at(events(nlp, text), trigger)
    assert (event.plover, event.modality) == (plover, "asserted")


def test_what_a_thing_is_for_is_no_promise(nlp: Language) -> None:
    # PLV train codes this sentence AID: the funding's purpose is nobody's promise (AGREE).
    text = "Germany on Thursday announced a sixfold increase in funding to fight the epidemic."
    event = at(events(nlp, text), "fight")
    assert event.plover != "AGREE"
    assert event.modality == "planned"


def test_what_an_act_deals_in_is_for_is_the_acts_purpose(nlp: Language) -> None:
    text = "Qatar launched a mediation effort to resolve the rift between Sudan and Chad."
    assert [(e.trigger.text, e.plover) for e in events(nlp, text)] == [("launched", "CONSULT")]


# --- what a stance is about -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stance", "content"),
    [
        (
            "The Islamic Jihad movement rejected an invitation to attend a meeting of Palestinian"
            " factions next week.",
            "rejected",
            "attend",
        ),
        (
            "The United States and South Korea failed to reach agreement on a free-trade deal.",
            "failed",
            "deal",
        ),
        (
            "Greece demanded that its European partners refuse to recognize Macedonia.",
            "demanded",
            "refuse",
        ),
        (
            # Content of content: the negotiations are part of the mediation refused.
            "Israel is opposed to French mediation in peace negotiations with Syria.",
            "opposed",
            "negotiations",
        ),
    ],
)
def test_the_content_of_a_stance_is_no_event(
    nlp: Language, text: str, stance: str, content: str
) -> None:
    found = events(nlp, text)
    assert at(found, stance).plover in {"REJECT", "REQUEST"}
    assert not [e for e in found if e.trigger.text == content]


def test_someone_elses_clause_under_a_warning_stays_an_event(nlp: Language) -> None:
    found = events(nlp, "Iran may attack shipping in the Gulf, officials warned.")
    assert at(found, "attack").modality == "uncertain"


# --- demands on another ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "code", "source", "target"),
    [
        # What the act is says what is demanded: its release (1053), mediation (108).
        (
            "The European Union said Serbia must release the detained journalists.",
            "release",
            "1053",
            "European Union",
            "Serbia",
        ),
        (
            "Mubarak said the US must be ready to mediate between Israelis and Palestinians.",
            "mediate",
            "108",
            "Mubarak",
            "US",
        ),
        # A demand not to attack asks for de-escalation, not an attack.
        ("Russia said Israel must not attack Syria again.", "attack", "1056", "Russia", "Israel"),
        # The pronoun is the one the speaker addressed.
        (
            "The United States told Iran it must halt uranium enrichment.",
            "halt",
            "100",
            "United States",
            "it",
        ),
    ],
)
def test_what_another_must_do_is_a_request(
    nlp: Language, text: str, trigger: str, code: str, source: str, target: str
) -> None:
    found = at(events(nlp, text), trigger)
    assert found.source is not None and found.target is not None
    assert (found.plover, found.cameo, found.modality, found.source.text, found.target.text) == (
        "REQUEST",
        code,
        "asserted",
        source,
        target,
    )


@pytest.mark.parametrize(
    "text",
    [
        # The speaker's own obligation, by pronoun or by name, is no request of anyone.
        "Iran said it must respond to the attack on its embassy.",
        "The government said the government must cut spending.",
    ],
)
def test_what_the_speaker_itself_must_do_is_no_request(nlp: Language, text: str) -> None:
    # The rule leaves these to the classifier, which may still read the words as a request.
    must = next(t for t in nlp(text) if t.lower_ == "must").head
    assert demand_on_another(must) is None


def test_a_demand_in_dev_data(nlp: Language) -> None:
    # "Russia said on Tuesday that Sudan must return a Mi-26 helicopter that was captured by
    # the Sudanese authorities last week."
    found = at(events(nlp, dev("PLOVER_GSR/dev.jsonl", "PLOVER-GSR01-DEMAND-0028")), "return")
    assert found.source is not None and found.target is not None
    assert (found.plover, found.cameo) == ("REQUEST", "1053")
    assert (found.source.text, found.target.text) == ("Russia", "Sudan")


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "code", "modality"),
    [
        # Readiness is the actor's own stated intent: a hostile act so announced is a threat,
        # a cooperative one refused when the readiness is denied.
        (
            "Iraq's government said it is prepared to impose martial law.",
            "impose",
            "THREATEN",
            "1324",
            "planned",
        ),
        (
            "The rebels are not willing to negotiate with the government.",
            "negotiate",
            "REJECT",
            "120",
            "asserted",
        ),
        (
            "The government is not prepared to release the prisoners.",
            "release",
            "REJECT",
            "1243",
            "asserted",
        ),
    ],
)
def test_readiness_states_intent(
    nlp: Language, text: str, trigger: str, plover: str, code: str, modality: str
) -> None:
    found = at(events(nlp, text), trigger)
    assert (found.plover, found.cameo, found.modality) == (plover, code, modality)


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        # A vow is no attack, whatever its words: the hostile act it names is threatened.
        ("Hamas pledged to continue its attacks on Israel.", "pledged", "1384"),
        ("Rebels have sworn to fight until they gain control of the villages.", "sworn", "1384"),
    ],
)
def test_a_vow_of_a_hostile_act_is_a_threat(
    nlp: Language, text: str, trigger: str, code: str
) -> None:
    found = at(events(nlp, text), trigger)
    assert (found.plover, found.cameo) == ("THREATEN", code)


def test_a_vow_to_fight_an_ill_threatens_nobody(nlp: Language) -> None:
    found = events(nlp, "The president promised to fight corruption.")
    assert all(e.plover != "THREATEN" for e in found)
