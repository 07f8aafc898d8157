"""Toponyms resolved to the gazetteer with the article's context (issue 3)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.eval.gold import gold_document
from newsevents.extract.places import find_places, places_in
from newsevents.parse.nlp import load
from newsevents.settings import Settings
from newsevents.types import ArticleRecord, Place

pytestmark = pytest.mark.issue(3)


@pytest.fixture(scope="module")
def nlp(settings: Settings) -> Language:
    return load(settings.model)


def _places(nlp: Language, text: str) -> list[Place]:
    return find_places(nlp(text), document=gold_document({"id": "t", "text": text}))


def _first(places: list[Place], words: str) -> Place:
    for place in places:
        if place.text == words:
            return place
    raise AssertionError(f"no {words!r} in {[p.text for p in places]}")


def test_sample_places(sample_record: ArticleRecord) -> None:
    places = list(sample_record.places)
    moscow = _first(places, "Moscow")
    assert (moscow.country, moscow.feature, moscow.geonameid) == ("RUS", "city", 524901)
    assert _first(places, "Vladivostok").country == "RUS"
    assert _first(places, "Chennai").admin1 == "Tamil Nadu"
    assert _first(places, "Kazakhstan").feature == "country"
    indian = _first(places, "Indian")
    assert (indian.country, indian.feature) == ("IND", "demonym")
    # Not in the gazetteer, but the text says where it is: "Novo-Ogaryovo, near Moscow".
    novo = [p for p in places if p.text == "Novo-Ogaryovo"]
    assert len(novo) == 2
    assert all(p.feature == "near" and (p.lat, p.lon) == (moscow.lat, moscow.lon) for p in novo)
    assert [p.start for p in places] == sorted(p.start for p in places)


def test_never_invents_coordinates(sample_record: ArticleRecord) -> None:
    for place in sample_record.places:
        if place.lat is not None:
            assert place.name is not None and place.feature is not None


@pytest.mark.parametrize(
    ("text", "words", "country", "admin1"),
    [
        # A qualifier names the region.
        (
            "Police in Alexandria, La., arrested two men on Sunday.",
            "Alexandria",
            "USA",
            "Louisiana",
        ),
        ("The festival returns to Paris, Texas, next spring.", "Paris", "USA", "Texas"),
        ("Pathi reported from Tallinn, Estonia.", "Tallinn", "EST", "Harju"),
        # Other places of the article pick the reading.
        (
            "Georgia lawmakers met in Atlanta, and officials in Savannah and Macon agreed.",
            "Georgia",
            "USA",
            "Georgia",
        ),
        (
            "Georgia's president spoke in Tbilisi after talks with Armenia and Azerbaijan.",
            "Georgia",
            "GEO",
            None,
        ),
        ("French police searched homes in Paris and Marseille.", "Paris", "FRA", "Ile-de-France"),
    ],
)
def test_context_picks_the_reading(
    nlp: Language, text: str, words: str, country: str, admin1: str | None
) -> None:
    place = _first(_places(nlp, text), words)
    assert (place.country, place.admin1) == (country, admin1)


def test_dateline_country_breaks_a_tie(nlp: Language) -> None:
    text = "LONDON (Reuters) - Officials in Richmond said the storm had passed."
    assert _first(_places(nlp, text), "Richmond").country == "GBR"


def test_unknown_place_keeps_null_coordinates(nlp: Language) -> None:
    text = "Fighting spread to Qaryat al-Bustan Hamdani and nearby farms, residents said."
    for place in _places(nlp, text):
        if place.name is None:
            assert (place.lat, place.lon, place.geonameid) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "not_places"),
    [
        # Surnames that are also towns, common words that are also towns.
        (
            "Darryl Keith Warden, 44, was charged, said officer Sheila Williams.",
            {"Warden", "Williams"},
        ),
        ("Theresa Fallon works at the Center for Russia, Europe, Asia Studies.", {"Center"}),
        ("The minister may resign in March, said Tom Police.", {"March", "Police"}),
    ],
)
def test_negatives(nlp: Language, text: str, not_places: set[str]) -> None:
    assert not_places.isdisjoint(p.text for p in _places(nlp, text))


def test_places_inside_organisation_names(nlp: Language) -> None:
    text = (
        "Officers from the Kentucky State Police and the Laurel County Sheriff's Office responded."
    )
    found = {p.text: p for p in _places(nlp, text)}
    assert found["Kentucky"].feature == "admin1"
    assert found["Laurel County"].feature == "admin2"
    assert found["Laurel County"].admin1 == "Kentucky"


def test_places_in_a_span(nlp: Language) -> None:
    text = "Modi flew to Moscow. He then went to Vladivostok."
    places = _places(nlp, text)
    second = text.index("He")
    assert [p.text for p in places_in(places, second, len(text))] == ["Vladivostok"]


def test_short_forms_read_as_the_full_name(nlp: Language) -> None:
    """ "DeKalb" after "DeKalb County"; a town the model tags ORG beside a place."""
    text = (
        "Decatur and Avondale Estates want to annex land, but DeKalb County officials object. "
        "Avondale has tried before, and DeKalb may say no again."
    )
    places = _places(nlp, text)
    assert _first(places, "DeKalb").feature == "admin2"
    assert _first(places, "DeKalb").admin1 == "Georgia"
    assert _first(places, "Avondale Estates").admin1 == "Georgia"
    assert _first(places, "Decatur").admin1 == "Georgia"


def test_a_designator_names_the_kind_of_place(nlp: Language) -> None:
    text = (
        "The Province of Ontario cut the sales tax. Ontario officials in Woodstock and "
        "Tillsonburg welcomed it."
    )
    places = _places(nlp, text)
    assert _first(places, "Ontario").feature == "admin1"
    assert _first(places, "Ontario").country == "CAN"
    assert _first(places, "Woodstock").country == "CAN"


def test_england_is_the_first_level_region(nlp: Language) -> None:
    place = _first(_places(nlp, "She had been living in England for four years."), "England")
    assert (place.feature, place.country) == ("admin1", "GBR")


def test_a_name_in_capitals_is_no_acronym(nlp: Language) -> None:
    text = "CAMBRIDGE - Students in Cambridge and Oxford protested on Monday."
    places = _places(nlp, text)
    assert {p.country for p in places if p.text in {"CAMBRIDGE", "Cambridge"}} == {"GBR"}
