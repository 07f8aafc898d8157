"""The trigger dictionary's own entries (issue 4): patterns that read the verb's direct object
(``@object``) and the codes that correct Phoenix's, on wire-style sentences written for these
tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.extract.events.lexicon import _phrases, match_noun, match_verb, no_events
from newsevents.extract.events.triggers import main_verb
from newsevents.parse.nlp import load
from newsevents.settings import Settings

pytestmark = pytest.mark.issue(4)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load(Settings.from_env({}).model)


def code_of(nlp: Language, text: str, verb: str) -> str | None:
    token = next(t for t in nlp(text) if t.text == verb)
    match = match_verb(token)
    return match.code if match else None


@pytest.mark.parametrize(
    ("text", "verb", "code"),
    [
        ("ICE returned 11 oil paintings to a museum in Germany.", "returned", "0842"),
        ("The United States lifted sanctions against Sudan on Friday.", "lifted", "085"),
        ("Japan lifted its embargo on Iranian oil.", "lifted", "085"),
        ("The U.S. rolled back tariffs on Chinese goods.", "rolled", "085"),
        ("The court granted the police permission to detain him.", "granted", "080"),
        ("Yemen let free the activists on Sunday.", "let", "0841"),
        ("The president declared a cessation of hostilities.", "declared", "0871"),
        ("Police arrested 40 protesters in Nairobi.", "arrested", "173"),
        ("Israeli soldiers arrested more than 100 Palestinians.", "arrested", "173"),
        ("The president will extend the night-time curfew in Abidjan.", "extend", "1723"),
        ("The interior minister resigned on Friday after the riots.", "resigned", "0831"),
        ("About 200 rebels surrendered to the army on Sunday.", "surrendered", "0874"),
        ("Soldiers beat up three detainees with the knowledge of officers.", "beat", "182"),
        ("Bahrain broke off diplomatic relations with Qatar.", "broke", "161"),
        ("Iran cut off relations with Morocco.", "cut", "161"),
        ("Qatar downgraded its diplomatic ties with Iran.", "downgraded", "161"),
        ("Saudi Arabia cut ties with Canada on Monday.", "cut", "161"),
        ("Morocco severed ties with Iran.", "severed", "161"),
        ("Czechia and Albania have upgraded their diplomatic ties.", "upgraded", "050"),
    ],
)
def test_our_entries(nlp: Language, text: str, verb: str, code: str) -> None:
    assert code_of(nlp, text, verb) == code


def test_the_object_item_needs_a_direct_object(nlp: Language) -> None:
    # Travelling back somewhere returns nothing to anyone.
    assert code_of(nlp, "U.S. negotiators return to Geneva this week.", "return") != "0842"


@pytest.mark.parametrize(
    ("text", "noun", "code"),
    [
        ("US and Western allies launch war games near Iran waters.", "games", "062"),
        ("China and Russia held joint naval drills in the Yellow Sea.", "drills", "062"),
        ("Azerbaijani troops take part in peacekeeping operations in Iraq.", "peacekeeping", "074"),
        ("The envoy undertook a mediation mission between Syria and Arafat.", "mediation", "045"),
    ],
)
def test_event_nouns(nlp: Language, text: str, noun: str, code: str) -> None:
    token = next(t for t in nlp(text) if t.text == noun)
    match = match_noun(token)
    assert match is not None and match.code == code


@pytest.mark.parametrize(
    ("text", "noun", "kept"),
    [
        ("China and Russia held joint naval drills in the Yellow Sea.", "drills", True),
        (
            "Jordan and the United States began a new round of joint military exercises.",
            "exercises",
            True,
        ),
        ("French and Egyptian warships launched war games in the Mediterranean.", "games", True),
        ("The war game was staged by U.S. marines and Jordanian armed forces.", "game", True),
        ("China staged military exercises with Russia near Taiwan.", "exercises", True),
        # One army alone shows force; the classifier reads it.
        ("Iran held naval drills in the Gulf on Friday.", "drills", False),
    ],
)
def test_exercises_keep_cooperation_only_where_held_together(
    nlp: Language, text: str, noun: str, kept: bool
) -> None:
    token = next(t for t in nlp(text) if t.text == noun)
    match = match_noun(token)
    assert match is not None and (match.code, match.keep) == ("062", kept)


def test_the_fallback_passes_over_verbs_that_are_no_event(nlp: Language) -> None:
    # The sample's analyst quote: the effort is no act; what is tried is the candidate.
    doc = nlp("In my view, he's trying to demonstrate that he's not a vassal to China.")
    assert {"try", "expect", "increase"} <= no_events()
    verb = main_verb(next(iter(doc.sents)))
    assert verb is not None and verb.lemma_ == "demonstrate"


def test_getting_is_no_act(nlp: Language) -> None:
    # The sample: where India gets its oil is trade, no act of either country.
    doc = nlp("India now gets more than 40% of its oil imports from Russia, analysts say.")
    assert "get" in no_events()
    assert main_verb(next(iter(doc.sents))) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Phoenix's "(on)" is a phrase the verb governs: an appeal to someone.
        ("The minister called on Serbia to withdraw its troops.", "020"),
        ("The senators called for sanctions against the generals.", "1312"),
        # "on Friday" is when the call was made; the call itself is Phoenix's default, a phone
        # call (041), not an appeal.
        ("The president called his Ethiopian counterpart on Friday.", "041"),
    ],
)
def test_a_parenthesised_pattern_group_is_a_phrase_the_verb_governs(
    nlp: Language, text: str, code: str
) -> None:
    assert code_of(nlp, text, "called") == code


def test_pattern_groups_are_read_as_petrarch_writes_them() -> None:
    # A group is its preposition and the words of its object; one left open runs to the end.
    phrases = _phrases("(on &country)")
    assert [sorted(prep) for prep, _ in phrases] == [["on"]]
    assert _phrases("off (from") == ((frozenset({"from"}), ()),)
    assert _phrases("(for sanctions) now") == ((frozenset({"for"}), (frozenset({"sanctions"}),)),)


def test_an_occurrence_is_no_seizure(nlp: Language) -> None:
    # Phoenix codes "take" as 171 (seize); "the vote will take place" seizes nothing.
    assert code_of(nlp, "The vote will take place in March.", "take") is None
    assert code_of(nlp, "Rebels took the town of Kidal.", "took") == "192"  # occupied


def test_idioms_of_death_and_origin_are_no_acts(nlp: Language) -> None:
    # Phoenix codes "pass" (080) and "hail" (051); "passed away", "hailing from" are neither.
    assert code_of(nlp, "The former senator passed away on Sunday.", "passed") is None
    assert code_of(nlp, "A youth hailing from Khant village was found dead.", "hailing") is None
    assert code_of(nlp, "The president hailed the agreement on Sunday.", "hailed") == "051"


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        # Phoenix: "arrive (to)" 040, "go to" 040.
        ("Since coming to power in June, Duterte has become controversial.", "coming"),
        ("Greeks went to the polls on Sunday.", "went"),
    ],
)
def test_idioms_of_office_and_voting_are_no_acts(nlp: Language, text: str, verb: str) -> None:
    assert not code_of(nlp, text, verb)
    assert code_of(nlp, "Merkel went to Paris on Monday.", "went") == "040"


def test_passing_a_law_is_no_concession(nlp: Language) -> None:
    # Phoenix codes "pass" as 080 (allow); what a law does is coded on its own words.
    assert not code_of(nlp, "Parliament passed the budget on Friday.", "passed")
    assert code_of(nlp, "Parliament passed a law banning rallies.", "banning") == "172"


def test_a_multi_word_synonym_matches_as_a_whole(nlp: Language) -> None:
    # &ceasefire holds "cease fire": its last word alone is no ceasefire.
    assert code_of(nlp, "The rebels agreed to a cease-fire on Sunday.", "agreed") == "0356"
    assert code_of(nlp, "The rebels agreed to a cease fire on Sunday.", "agreed") == "0356"
    assert code_of(nlp, "Settlers set fire to the offices overnight.", "set") != "0356"


@pytest.mark.parametrize(
    ("text", "verb", "code"),
    [
        ("Nurses struck for a second day in Lagos.", "struck", "143"),
        ("Teachers struck across the country on Monday over pay.", "struck", "143"),
        ("The union vowed not to strike.", "strike", "143"),  # the governor's subject
        # Armed doers, and a strike at something, are attacks (Phoenix's 190 and patterns).
        ("Rebels struck at dawn.", "struck", "190"),
        ("Israeli jets struck targets in Gaza.", "struck", "195"),
        # An army getting ready to fight raises its readiness (MOBILIZE 150).
        ("The Macedonian army prepared to resume shelling rebel territory.", "prepared", "150"),
        ("The ministry prepared to reopen the embassy.", "prepared", "030"),
    ],
)
def test_a_strike_by_workers_is_no_attack(nlp: Language, text: str, verb: str, code: str) -> None:
    assert code_of(nlp, text, verb) == code


def test_nouns_of_military_force_keep_their_type(nlp: Language) -> None:
    # "an invasion" is a use of force whatever the sentence; "an attack" may be one of words.
    doc = nlp("After the invasion and the attack, the shelling went on.")
    found = {t.text: match_noun(t) for t in doc if t.pos_ == "NOUN"}
    assert found["invasion"] is not None and found["invasion"].keep
    assert found["shelling"] is not None and found["shelling"].keep
    assert found["attack"] is not None and not found["attack"].keep


def test_nouns_of_street_protest_keep_their_type(nlp: Language) -> None:
    # A demonstration "against alleged violations" is still a protest, not an accusation; a
    # rally may be a campaign's, and is left to the classifier.
    doc = nlp("The demonstrations and the riot followed the protest, before the rally.")
    found = {t.lemma_: match_noun(t) for t in doc if t.pos_ == "NOUN"}
    assert all(found[n] is not None and found[n].keep for n in ("demonstration", "riot", "protest"))
    assert found["rally"] is not None and not found["rally"].keep


@pytest.mark.parametrize(
    ("text", "verb", "code"),
    [
        # Phoenix's "blame" block lends delay's "* negotiations" (161) and prevent's
        # "* protest" (1721) to every verb in it.
        (
            "Mugabe accused the United States of blackmail in the negotiations on Namibia.",
            "accused",
            "112",
        ),
        ("The government condemned the protest by farmers in Pretoria.", "condemned", "111"),
        ("The opposition condemned the president's visit to Moscow.", "condemned", "111"),
        ("The group denounced the detentions of 49 journalists.", "denounced", "111"),
        # Patterns of the verb's own root still give the finer code.
        ("Ankara blamed the PKK for the attack on Sunday.", "blamed", "1124"),
        ("Amnesty accused the army of torture in the north.", "accused", "1122"),
    ],
)
def test_accusing_verbs_keep_to_their_own_patterns(
    nlp: Language, text: str, verb: str, code: str
) -> None:
    assert code_of(nlp, text, verb) == code


@pytest.mark.parametrize(
    ("text", "verb", "code"),
    [
        # Of two patterns of one size, the one naming what is withdrawn or mobilised wins
        # over the one that names only a preposition ("withdraw * from" 0874).
        ("The UN withdrew peacekeepers from the Golan Heights.", "withdrew", "1661"),
        ("Israel mobilized troops for a possible war against Syria.", "mobilized", "154"),
        ("The army withdrew from the town.", "withdrew", "0874"),
        # Ours: inspectors, observers and aid workers (CAMEO 1662, 1663).
        ("The UN withdrew its weapons inspectors from Iraq.", "withdrew", "1662"),
        ("The agency withdrew its aid workers from the camp.", "withdrew", "1663"),
        ("Libya must hand over the two suspects.", "hand", "084"),
    ],
)
def test_the_pattern_that_names_more_wins(nlp: Language, text: str, verb: str, code: str) -> None:
    assert code_of(nlp, text, verb) == code


@pytest.mark.parametrize(
    ("text", "verb", "code"),
    [
        # PLOVER REJECT "refuses or turns down a request, proposal, plan, meeting or norm".
        ("The United States reneged on the nuclear accord with Iran.", "reneged", "120"),
        (
            "The rebels dismissed an appeal from the president to lay down their arms.",
            "dismissed",
            "120",
        ),
        ("Hamas dismissed the Egyptian ceasefire proposal as a trap.", "dismissed", "120"),
        # Dismissing a report stays Phoenix's denial (016), a statement PLOVER does not code.
        ("The ministry dismissed the report as lies.", "dismissed", "016"),
    ],
)
def test_turning_down_a_request_or_commitment_is_a_rejection(
    nlp: Language, text: str, verb: str, code: str
) -> None:
    assert code_of(nlp, text, verb) == code


@pytest.mark.parametrize(
    ("text", "verb", "code"),
    [
        # CAMEO 154 "mobilize or increase armed forces".
        ("Israel has strengthened its forces in Lebanon.", "strengthened", "154"),
        ("The army beefed up its troop presence along the border.", "beefed", "154"),
        ("NATO reinforced its troops in Estonia on Monday.", "reinforced", "154"),
        # CAMEO 191 and 163: tightening a blockade or sanctions imposes more of them.
        ("NATO will tighten the naval blockade of Serbia.", "tighten", "191"),
        ("The EU tightened sanctions on Belarus.", "tightened", "163"),
        # Police preventing a demonstration restrict a freedom (1721), not Phoenix's 112.
        ("Turkish police prevented the demonstration by students.", "prevented", "1721"),
        # An official protest is a complaint (114), not a street protest.
        ("Serbia lodged an official protest with Albania.", "lodged", "114"),
        ("Kyrgyzstan received a mission of observers from the OSCE.", "received", "0862"),
        ("The rebels began to demobilize their fighters.", "demobilize", "0873"),
        # Phoenix's "grant * &military" (072) matches the army officers granted asylum.
        ("Peru granted diplomatic asylum to five Panamanian army officers.", "granted", "075"),
        # Turning down a request is a refusal; Phoenix's "decline * comment" (011) reached
        # the "comment" the request was for.
        ("The FBI declined a request from the AP to comment.", "declined", "120"),
        ("The FBI declined to comment.", "declined", "011"),
        ("The governor denied permission for the rally.", "denied", "120"),
        ("Denmark accepted a formula for ending its fisheries dispute.", "accepted", "030"),
        ("The rebels accepted the terms of the truce.", "accepted", "030"),
        ("Police opened fire to disperse the demonstrators.", "opened", "193"),
        # Extradition is judicial cooperation (063), which PLOVER COOPERATE lists.
        ("Zambia extradited a suspected militant to Britain.", "extradited", "063"),
        ("The agencies shared intelligence with Jordan on the plot.", "shared", "064"),
        ("Kenya has been sharing expertise with Somali police.", "sharing", "064"),
        ("The bank gave account information to the Indian government.", "gave", "064"),
        # Phoenix's order block lends order lead's "lead * attack" (113) and monitor's
        # "monitor * sanctions" (090).
        ("The prime minister ordered massive attacks on the Gaza Strip.", "ordered", "190"),
        ("The president ordered new sanctions on Iran's leaders.", "ordered", "163"),
        # A party boycotting a vote or courts protests (143); an embargo is imposed.
        ("Opposition parties are boycotting the presidential poll.", "boycotting", "143"),
        ("Lawyers boycotted the courts on Friday.", "boycotted", "143"),
        ("The UAE has repealed the Israel Boycott Law.", "repealed", "081"),
        ("Parliament repealed the ban on opposition parties.", "repealed", "081"),
        ("The senator took a parting shot at the administration.", "took", "111"),
    ],
)
def test_rows_of_our_own_name_the_act(nlp: Language, text: str, verb: str, code: str) -> None:
    assert code_of(nlp, text, verb) == code
