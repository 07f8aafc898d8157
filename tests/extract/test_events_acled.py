"""ACLED categories of events: the CAMEO code's, refined by the weapon and the victims."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.eval.gold import gold_document
from newsevents.extract.events.acled import weapon, weapons
from newsevents.parse.nlp import load
from newsevents.pipeline import extract_record
from newsevents.settings import Settings
from newsevents.types import Event

pytestmark = pytest.mark.issue(4)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load(Settings.from_env({}).model)


def events(nlp: Language, text: str) -> tuple[Event, ...]:
    return extract_record(nlp(text), gold_document({"id": "t", "text": text})).events


def sub_event(nlp: Language, text: str, trigger: str) -> str | None:
    found = [e for e in events(nlp, text) if e.trigger.text == trigger]
    assert len(found) == 1, [(e.trigger.text, e.acled) for e in events(nlp, text)]
    return found[0].acled["sub_event_type"] if found[0].acled else None


def test_weapon_table_ranks_are_consistent() -> None:
    table = weapons()
    by_type: dict[str, set[int]] = {}
    for rank, kind in table.values():
        by_type.setdefault(kind, set()).add(rank)
    assert all(len(ranks) == 1 for ranks in by_type.values())


def test_the_most_specific_weapon_wins(nlp: Language) -> None:
    doc = nlp("A suicide bomber detonated a car bomb near the market.")
    assert weapon(doc[:]) == "Suicide bomb"
    assert weapon(nlp("Rebels fired mortars and rockets at the base.")[:]) == (
        "Shelling/artillery/missile attack"
    )
    assert weapon(nlp("The minister met the ambassador.")[:]) is None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Syrian warplanes pounded the village of Kashkash on Monday.",
            "pounded",
            "Air/drone strike",
        ),
        (
            "A suicide bomber blew himself up at a checkpoint in Kabul on Monday, "
            "killing 12 soldiers.",
            "killing",
            "Suicide bomb",
        ),
        ("Gunmen killed four villagers in Borno state on Sunday.", "killed", "Attack"),
        (
            "Government troops clashed with rebel fighters near Aleppo on Tuesday.",
            "clashed",
            "Armed clash",
        ),
    ],
)
def test_assault_takes_acled_category_from_means_and_victims(
    nlp: Language, text: str, trigger: str, expected: str
) -> None:
    assert sub_event(nlp, text, trigger) == expected


def test_disasters_are_no_events(nlp: Language) -> None:
    assert events(nlp, "Heavy rains and floods hit parts of Japan on Friday.") == ()
    assert events(nlp, "The novel coronavirus has killed six people in the United Kingdom.") == ()
    # A blast is not a hazard: a bomb blast is an attack.
    assert events(nlp, "Militants bombed a police station in Quetta on Monday.")
