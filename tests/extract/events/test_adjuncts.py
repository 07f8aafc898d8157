"""An act told twice in one clause is one event (issue 4): a doer-less noun event in an adjunct
of a verb event of its own type folds into it. Wire-style sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.eval.gold import gold_document
from newsevents.extract.events import code_sentence
from newsevents.extract.events.classifier import shipped_model
from newsevents.parse.nlp import load
from newsevents.settings import Settings
from newsevents.types import Event

pytestmark = pytest.mark.issue(4)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load(Settings.from_env({}).model)


def events(nlp: Language, text: str) -> list[Event]:
    document = gold_document({"id": "test", "text": text})
    doc = nlp(text)
    return [
        e for s in doc.sents for e in code_sentence(s, model=shipped_model(), document=document)
    ]


def test_a_protest_told_by_verb_and_noun_is_one_event(nlp: Language) -> None:
    text = (
        "Egyptian demonstrators rioted following a peaceful demonstration calling for the "
        "removal of President Hosni Mubarak."
    )
    found = [e for e in events(nlp, text) if e.plover == "PROTEST"]
    assert [e.trigger.text for e in found] == ["rioted"]
    (protest,) = found
    assert protest.source is not None and protest.source.text == "Egyptian demonstrators"
    # The verb had no target; the noun's is whom the protest was aimed at.
    assert protest.target is not None and protest.target.text.endswith("Hosni Mubarak")


def test_a_verb_whose_word_names_another_act_keeps_the_noun_apart(nlp: Language) -> None:
    # "fire" is an attack in the dictionary, whatever the sentence's other words suggest: the
    # demonstration stays an event of its own, and the police are not its doers.
    text = "Police fired tear gas during a demonstration against the government."
    (demonstration,) = [e for e in events(nlp, text) if e.trigger.text == "demonstration"]
    assert demonstration.source is None or demonstration.source.text != "Police"
    assert demonstration.target is not None and demonstration.target.text == "government"


def test_acts_of_different_kinds_stay_apart(nlp: Language) -> None:
    text = "Rebels attacked an army convoy after talks with the government in Geneva."
    triggers = {e.trigger.text: e.plover for e in events(nlp, text)}
    assert triggers.get("attacked") == "ASSAULT"
    assert "talks" in triggers
