"""Source and target of a trigger, read off the parse (issue 4): one test per rule, on
wire-style sentences written for these tests and on sentences of the shared dev data (read
from ``../shared/datasets`` by id, never copied here)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsevents.extract.events.arguments import arguments, governing_subject, phrase
from newsevents.parse.nlp import load
from newsevents.settings import Settings

from ...conftest import dev_text as dev

pytestmark = pytest.mark.issue(4)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load(Settings.from_env({}).model)


def _token(doc: Doc, word: str) -> Token:
    found = [t for t in doc if t.text == word]
    assert len(found) == 1, word
    return found[0]


def parties(
    nlp: Language, text: str, trigger: str, *, objects: bool = False, symmetric: bool = False
) -> tuple[str | None, str | None]:
    """(source phrase, target phrase) of ``trigger`` in ``text``."""
    found = arguments(_token(nlp(text), trigger), symmetric=symmetric, objects=objects)
    source = phrase(found.source).text if found.source is not None else None
    target = phrase(found.target).text if found.target is not None else None
    return source, target


# --- sources --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        (
            "Several left-wing US Jewish organisations have rejected the peace proposal.",
            "rejected",
            "US Jewish organisations",
        ),
        ("A U.S. government watchdog agency has criticized the raids.", "criticized", "agency"),
    ],
)
def test_a_name_qualifying_the_subject_leaves_the_phrase_the_source(
    nlp: Language, text: str, trigger: str, source: str
) -> None:
    assert (parties(nlp, text, trigger)[0] or "").endswith(source)


def test_a_possessor_is_still_the_source(nlp: Language) -> None:
    # "India's exports", "Russia's invasion": the possessor acts, not the thing.
    text = "Russia's invasion killed thousands of civilians."
    assert parties(nlp, text, "killed")[0] == "Russia"


def test_a_possessive_pronoun_takes_the_governing_subject(nlp: Language) -> None:
    text = "The United States lifted its economic embargo against Libya."
    assert parties(nlp, text, "embargo")[0] == "United States"


def test_a_pronoun_of_a_reported_clause_takes_a_common_noun_reporter(nlp: Language) -> None:
    text = "The newspaper said it will boycott the ceremony."
    assert parties(nlp, text, "boycott")[0] == "newspaper"


def test_a_passive_without_agent_is_done_by_the_state_it_happens_in(nlp: Language) -> None:
    text = dev("PLV/train.jsonl", "PLV_train-437")  # "... was arrested in Rwanda for ..."
    assert parties(nlp, text, "arrested")[0] == "Rwanda"


def test_a_passive_with_an_agent_keeps_the_agent(nlp: Language) -> None:
    text = "The opposition leader was arrested in Kigali by the police."
    assert parties(nlp, text, "arrested")[0] == "police"


def test_an_active_verb_joined_to_a_passive_is_done_by_its_subject(nlp: Language) -> None:
    text = (
        "Montenegro's prime minister has been indicted by the U.N. war crimes court for his "
        "alleged part in atrocities and will resign."  # after PLOVER GSR dev
    )
    assert parties(nlp, text, "indicted")[0] == "U.N. war crimes court"
    assert parties(nlp, text, "resign")[0] == "Montenegro's prime minister"
    # A second passive keeps the agent.
    assert parties(nlp, "The leader was arrested by police and charged.", "charged")[0] == (
        "police"
    )


def test_a_purpose_clause_shares_the_subject(nlp: Language) -> None:
    text = "Australia sent troops to help the Philippine army."
    assert parties(nlp, text, "help")[0] == "Australia"


def test_a_demand_reaches_a_coordinated_verb(nlp: Language) -> None:
    text = "The Bush administration said that China must drop barriers or face penalties."
    source, target = parties(nlp, text, "face")
    assert source == "Bush administration" and target == "China"


def test_a_party_named_after_the_head_belongs_to_the_phrase(nlp: Language) -> None:
    text = dev("PLOVER_GSR/dev.jsonl", "PLOVER-GSR01-AGREE-0024")  # "Leaders of the Azadliq ..."
    source, _ = parties(nlp, text, "agreed")
    assert source is not None and source.startswith("Leaders of the Azadliq")
    text = dev("PLOVER_GSR/dev.jsonl", "PLOVER-GSR01-PROTEST-0020")  # "Demonstrators in Baghdad"
    assert parties(nlp, text, "blocked")[0] == "Demonstrators in Baghdad"


def test_a_place_name_is_whole(nlp: Language) -> None:
    # A misattached "of" phrase does not grow a place's name.
    text = "Modi met Putin at a summit in Kazakhstan of the Shanghai Cooperation Organization."
    doc = nlp(text)
    assert phrase(_token(doc, "Kazakhstan")).text == "Kazakhstan"


# --- targets --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record_id", "trigger", "target"),
    [
        ("PLV_train-979", "rejected", "referendum"),  # "Baghdad has rejected the referendum"
    ],
)
def test_rejected_things_are_targets(
    nlp: Language, record_id: str, trigger: str, target: str
) -> None:
    text = dev("PLV/train.jsonl", record_id)
    assert parties(nlp, text, trigger, objects=True)[1] == target


def test_a_thing_is_a_target_only_for_types_that_take_one(nlp: Language) -> None:
    text = "The government agreed to share information on the attacks."
    assert parties(nlp, text, "agreed", objects=False)[1] is None
    text = "The opposition rejected the election results."
    assert parties(nlp, text, "rejected", objects=True)[1] == "election results"


def test_an_event_noun_object_gives_its_own_target(nlp: Language) -> None:
    text = "The rebels launched an attack on the army base."
    assert parties(nlp, text, "launched")[1] == "army base"
    # No party of its own: the act is not the target.
    text = "The committee will not end the inquiry."
    assert parties(nlp, text, "end", objects=True)[1] is None


def test_against_names_the_one_acted_on(nlp: Language) -> None:
    text = "The lawyer filed a complaint with the United Nations against the Lebanese state."
    assert parties(nlp, text, "filed")[1] == "Lebanese state"


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Indian authorities have imposed a curfew in parts of Kashmir.", "imposed", "Kashmir"),
        ("Turkish authorities imposed a curfew in the town of Cizre.", "imposed", "Cizre"),
        ("Pakistan has refused to deploy peacekeepers in Iraq.", "refused", "Iraq"),
    ],
)
def test_the_place_of_the_act_is_the_target_when_no_party_is(
    nlp: Language, text: str, trigger: str, target: str
) -> None:
    assert parties(nlp, text, trigger)[1] == target


def test_people_in_a_place_are_the_place(nlp: Language) -> None:
    text = "The European Union provided food aid to hungry people in Somalia."
    assert parties(nlp, text, "provided")[1] == "Somalia"


def test_a_titled_person_in_a_place_stays_the_person(nlp: Language) -> None:
    text = "Germany summoned the Chinese ambassador in Berlin."
    assert parties(nlp, text, "summoned")[1] == "Chinese ambassador in Berlin"


def test_an_object_pronoun_takes_its_antecedent(nlp: Language) -> None:
    text = dev("PLV/train.jsonl", "PLV_train-200")  # "... called ... Morrison ... him"
    target = parties(nlp, text, "congratulate")[1]
    assert target is not None and target.endswith("Scott Morrison")


def test_an_object_pronoun_never_lands_on_the_source(nlp: Language) -> None:
    text = "Modi thanked Putin for hosting him."
    assert parties(nlp, text, "hosting") == ("Putin", "him")


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("But Modi is expected to seek closer relations with Russia.", "seek", "Modi"),
        ("Iran was urged to release the tanker.", "release", "Iran"),
    ],
)
def test_the_subject_of_a_passive_does_what_it_is_expected_to(
    nlp: Language, text: str, trigger: str, source: str
) -> None:
    assert parties(nlp, text, trigger)[0] == source


def test_the_party_an_act_waits_on_is_the_target(nlp: Language) -> None:
    text = dev("PLV/train.jsonl", "PLV_train-167")  # "... until the government provides ..."
    assert parties(nlp, text, "end")[1] == "government"


def test_whom_a_governed_verb_lets_is_the_target(nlp: Language) -> None:
    text = dev("PLV/train.jsonl", "PLV_train-453")  # "refused to allow an Ethiopian plane"
    assert parties(nlp, text, "refused")[1] == "Ethiopian plane"


def test_person_nouns_are_parties(nlp: Language) -> None:
    text = "The police detained several suspects after the attack."
    assert parties(nlp, text, "detained")[1] == "several suspects"


def test_whose_thing_it_is_names_the_target(nlp: Language) -> None:
    text = "The court rejected an appeal filed by the defence lawyers."
    target = parties(nlp, text, "rejected", objects=True)[1]
    assert target is not None and target.endswith("lawyers")
    # No author: the thing itself, for a type that takes one.
    text = "The court rejected the documents filed on Monday."
    assert parties(nlp, text, "rejected", objects=True)[1] == "documents"


def test_a_kind_of_thing_is_no_party(nlp: Language) -> None:
    # "a rollover trade deal": the tagger calls "rollover" a proper noun, NER names nothing.
    text = dev("PLV/train.jsonl", "PLV_train-672")  # "Canada and the United Kingdom ..."
    assert parties(nlp, text, "agreed", symmetric=True) == ("Canada", "United Kingdom")
    assert parties(nlp, text, "agreed")[1] is None


def test_an_abbreviated_country_modifying_a_thing_is_a_party(nlp: Language) -> None:
    text = "US Predator attacks killed five militants in North Waziristan."
    source = parties(nlp, text, "killed")[0]
    assert source is not None and source.startswith("US")


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        (
            "Chinese Premier Li Keqiang and his Pakistani counterpart signed a trade agreement.",
            "signed",
            "his Pakistani counterpart",
        ),
        (
            "The foreign minister met a senior representative of the rebel faction on Monday.",
            "met",
            "senior representative",
        ),
    ],
)
def test_office_nouns_are_parties(nlp: Language, text: str, trigger: str, target: str) -> None:
    assert parties(nlp, text, trigger, symmetric=True)[1] == target


def test_an_act_beside_another_does_not_lend_its_doer(nlp: Language) -> None:
    # The police fired; they did not demonstrate.
    text = "Police fired tear gas during a demonstration against the government."
    assert parties(nlp, text, "demonstration") == (None, "government")
    text = "The army shelled the town after a protest by the opposition."
    assert parties(nlp, text, "protest")[0] == "opposition"


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Police fired tear gas as protests continued in the capital.", "protests"),
        ("Israeli jets struck Gaza while talks continued in Cairo.", "talks"),
    ],
)
def test_a_happening_that_is_its_own_clauses_subject_borrows_no_parties(
    nlp: Language, text: str, noun: str
) -> None:
    # The protests and the talks go on beside the act; neither is done by its doers.
    assert parties(nlp, text, noun) == (None, None)


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Senator Warren attacked the judge on Twitter on Monday.", "attacked", "judge"),
        ("France criticised Iran in a statement on Sunday.", "criticised", "Iran"),
        ("The minister denounced Kenya on state television.", "denounced", "Kenya"),
    ],
)
def test_the_medium_of_an_act_is_no_party(
    nlp: Language, text: str, trigger: str, target: str
) -> None:
    assert parties(nlp, text, trigger)[1] == target


def test_a_stance_participle_is_held_by_its_subject(nlp: Language) -> None:
    text = dev("PLOVER_GSR/dev.jsonl", "PLOVER-GSR01-REJECT-0028")  # "Israel is opposed to ..."
    assert parties(nlp, text, "opposed")[0] == "Israel"
    text = "The opposition is opposed to the new constitution."
    assert parties(nlp, text, "opposed", objects=True) == ("opposition", "new constitution")
    # With an agent it is a passive again.
    text = "The rebels were opposed by government troops."
    assert parties(nlp, text, "opposed") == ("government troops", "rebels")
    # Taking part: those engaged or involved in an act did it.
    text = "Two militia leaders were involved in the killing of the governor."
    assert parties(nlp, text, "killing") == ("militia leaders", "governor")


def test_an_appositive_misparsed_as_a_subject_describes_the_first(nlp: Language) -> None:
    text = dev("PLOVER_GSR/dev.jsonl", "PLOVER-GSR01-INVESTIGATE-0009")  # "Members of the ..."
    assert parties(nlp, text, "investigated")[0] == "Association of African Jurists"


def test_a_declared_demand_is_the_declarers(nlp: Language) -> None:
    text = "The Security Council declared that Iran must halt uranium enrichment."
    assert parties(nlp, text, "halt") == ("Security Council", "Iran")


def test_the_state_of_a_passive_may_hang_on_its_phrase(nlp: Language) -> None:
    text = dev("PLOVER_GSR/dev.jsonl", "PLOVER-GSR01-INVESTIGATE-0006")  # "... in Italy ..."
    assert parties(nlp, text, "put") == ("Italy", "US national")
    text = "The opposition leader was put under house arrest in Rwanda."
    assert parties(nlp, text, "put")[0] == "Rwanda"


def test_the_one_quoted_is_the_speaker(nlp: Language) -> None:
    text = "King Hassan of Morocco was quoted today as saying he would host a meeting in Rabat."
    assert parties(nlp, text, "host")[0] == "King Hassan of Morocco"


def test_a_participle_is_the_verb_of_a_sentence_parsed_without_one(nlp: Language) -> None:
    text = dev("PLOVER_GSR/dev.jsonl", "PLOVER-GSR01-AID-0001")  # "Doctors from two ... donated"
    source = parties(nlp, text, "donated")[0]
    assert source is not None and source.startswith("Doctors from")
    # A participle that takes no object is still a passive: the sanctions are imposed.
    text = "Sanctions imposed on Russia by the European Union."
    assert parties(nlp, text, "imposed")[0] == "European Union"


def test_a_relative_clause_does_not_borrow_the_main_subject(nlp: Language) -> None:
    text = (
        "The UN mission on Sunday condemned the bombing of a police academy in the capital, "
        "which left at least 30 dead and more than 30 others wounded."
    )
    wounded = _token(nlp(text), "wounded")
    assert governing_subject(wounded) is None
    # Outside a relative clause the nearest subject above still acts.
    guilty = nlp("Both the army and the rebels are guilty of violating the ceasefire.")
    assert governing_subject(_token(guilty, "violating")).text == "army"


@pytest.mark.parametrize(
    ("text", "noun", "doer"),
    [
        ("Amnesty accused the army of torture.", "torture", "army"),
        ("Washington blamed Moscow for the attack on the convoy.", "attack", "Moscow"),
        ("Police arrested five men for the bombing of the church.", "bombing", "men"),
        ("The UN accused Russia of bombing hospitals in Syria.", "bombing", "Russia"),
    ],
)
def test_the_accused_did_the_act_laid_at_their_door(
    nlp: Language, text: str, noun: str, doer: str
) -> None:
    # Not the accuser: Amnesty tortured no one.
    assert parties(nlp, text, noun)[0] == doer


def test_a_warning_of_an_act_lays_it_at_no_ones_door(nlp: Language) -> None:
    assert parties(nlp, "Officials warned residents of an attack.", "attack")[0] != "residents"


def test_a_count_given_as_up_to_is_still_the_object(nlp: Language) -> None:
    # The parse makes "up" a particle of the verb and "to" a preposition under it.
    text = "Afghan rebels have kidnapped up to 16 Russian civilian advisers from a bazaar."
    assert parties(nlp, text, "kidnapped") == ("Afghan rebels", "Russian civilian advisers")
