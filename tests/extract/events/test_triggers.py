"""Candidate triggers (issue 4): which word of a sentence stands for an act when a verb and
the event noun that is its object both name one; wire-style sentences written for these
tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.extract.events.triggers import ACTS_ON, acted_on, candidates
from newsevents.parse.nlp import load
from newsevents.settings import Settings

pytestmark = pytest.mark.issue(4)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load(Settings.from_env({}).model)


def triggers(nlp: Language, text: str) -> dict[str, str]:
    """Trigger word -> the rule that made it a candidate."""
    (sentence,) = nlp(text).sents
    return {token.text: match.rule for token, match in candidates(sentence)}


def test_a_verb_acting_on_an_act_is_the_event(nlp: Language) -> None:
    # The commission did not mediate: it stopped mediating.
    found = triggers(nlp, "The U.N. commission ended mediation efforts in the dispute.")
    assert found == {"ended": ACTS_ON + "045"}
    found = triggers(nlp, "The ministry condemned the bombing of the school.")
    assert list(found) == ["condemned"]


def test_a_light_verb_leaves_the_act_to_its_object(nlp: Language) -> None:
    found = triggers(nlp, "The envoy undertook a mediation mission between the two sides.")
    assert list(found) == ["mediation"]
    found = triggers(nlp, "A court in Rome issued an arrest warrant for the general.")
    assert "arrest" not in found  # the warrant's modifier is not an act of its own


def test_a_participle_used_as_a_preposition_acts_on_nothing(nlp: Language) -> None:
    found = triggers(nlp, "Demonstrators rioted following a peaceful demonstration in Cairo.")
    assert "following" not in found and "demonstration" in found


def test_the_act_a_verb_acts_on(nlp: Language) -> None:
    doc = nlp("The government suspended peace talks with the rebels.")
    verb = next(t for t in doc if t.text == "suspended")
    found = acted_on(verb)
    assert found is not None and found.code == "040"
    doc = nlp("The government suspended the newspaper's licence.")
    assert acted_on(next(t for t in doc if t.text == "suspended")) is None


@pytest.mark.parametrize(
    "text",
    [
        "The rebels released a video showing the captured soldiers.",
        "Rebels attacked the convoy in a video released on Monday.",
        "The footage was released by the group on Monday.",
        "The ministry issued a report on the clashes.",
    ],
)
def test_a_publication_released_is_no_release(nlp: Language, text: str) -> None:
    # Phoenix's "release" is 084 (RETREAT: freeing people or property).
    assert not {"released", "issued"} & set(triggers(nlp, text))


def test_people_released_are_a_release(nlp: Language) -> None:
    assert "released" in triggers(nlp, "Hamas released two hostages on Friday.")


def test_an_attack_that_killed_is_one_event(nlp: Language) -> None:
    found = triggers(nlp, "Israeli airstrikes killed 20 people in Gaza on Sunday.")
    assert list(found) == ["killed"]
    found = triggers(nlp, "A Russian missile strike hit a hospital in Kyiv.")
    assert list(found) == ["hit"]
    # An act of another kind that caused it stays an event of its own.
    found = triggers(nlp, "Protests forced the president to resign.")
    assert "Protests" in found


def test_a_verb_naming_a_kept_noun_carries_its_type(nlp: Language) -> None:
    # Phoenix's "launch * fight games" (150) is one army's show of force; games held by allies
    # are joint exercises, whose row (062) is kept. The verb stays the trigger.
    (sentence,) = nlp("US and Western allies launch war games near Iran waters.").sents
    found = {token.text: match for token, match in candidates(sentence)}
    assert list(found) == ["launch"]
    assert (found["launch"].code, found["launch"].keep) == ("062", True)
