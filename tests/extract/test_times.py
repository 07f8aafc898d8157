"""Temporal expressions resolved against the publication date and the clause's tense (issue 3)."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from newsevents.eval.gold import gold_document
from newsevents.extract.times import NO_ANCHOR, find_times, tense, times_in
from newsevents.parse.nlp import load
from newsevents.settings import Settings
from newsevents.types import ArticleRecord, Time

from ..conftest import assert_valid_record

pytestmark = pytest.mark.issue(3)

MONDAY = "2024-07-08"  # the sample's publication date, a Monday


@pytest.fixture(scope="module")
def nlp(settings: Settings) -> Language:
    return load(settings.model)


def _times(nlp: Language, text: str, published: str | None = MONDAY) -> list[Time]:
    return find_times(
        nlp(text), document=gold_document({"id": "t", "text": text}, published=published)
    )


def _only(times: list[Time], words: str) -> Time:
    found = [t for t in times if t.text == words]
    assert len(found) == 1, f"expected one {words!r} in {[t.text for t in times]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "words", "type_", "value"),
    [
        # Weekdays by the tense of their clause, in a story dated Monday 8 July 2024.
        (
            "Modi will hold talks with Putin at the Kremlin on Tuesday.",
            "Tuesday",
            "DATE",
            "2024-07-09",
        ),
        ("Kwatra told reporters Friday that trade had grown.", "Friday", "DATE", "2024-07-05"),
        ("The minister said on Sunday that the talks had failed.", "Sunday", "DATE", "2024-07-07"),
        (
            "The two leaders are expected to sign the agreement on Thursday.",
            "Thursday",
            "DATE",
            "2024-07-11",
        ),
        ("The vote took place last Monday in the capital.", "last Monday", "DATE", "2024-07-01"),
        # Weeks, months, years, quarters relative to the publication date.
        (
            "Modi stayed away from last week's summit in Kazakhstan.",
            "last week",
            "DATE",
            "2024-W27",
        ),
        ("Parliament will debate the bill next week.", "next week", "DATE", "2024-W29"),
        ("Modi last traveled to Russia in 2019, when he met Putin.", "2019", "DATE", "2019"),
        ("The two armies clashed two years ago along the border.", "two years ago", "DATE", "2022"),
        ("The 2020 clash in the Galwan valley killed 20 soldiers.", "2020", "DATE", "2020"),
        ("Russia sent troops into Ukraine in February 2022.", "February 2022", "DATE", "2022-02"),
        ("A confrontation in June 2020 altered the relationship.", "June 2020", "DATE", "2020-06"),
        ("The company said third-quarter profit rose 5%.", "third-quarter", "DATE", "2024-Q3"),
        (
            "Exports fell in the first quarter of 2023.",
            "the first quarter of 2023",
            "DATE",
            "2023-Q1",
        ),
        ("Imports rose sharply last year, officials said.", "last year", "DATE", "2023"),
        (
            "The leaders also met in September 2022 in Uzbekistan.",
            "September 2022",
            "DATE",
            "2022-09",
        ),
        (
            "The treaty was signed on Jan. 14, 1998, in Geneva.",
            "Jan. 14, 1998",
            "DATE",
            "1998-01-14",
        ),
        ("Protests spread across the region in the 1990s.", "the 1990s", "DATE", "199"),
        (
            "Police arrived yesterday morning after the blast.",
            "yesterday morning",
            "TIME",
            "2024-07-07TMO",
        ),
        (
            "The ceasefire will take effect at 6 a.m. Tuesday.",
            "6 a.m. Tuesday",
            "TIME",
            "2024-07-09T06:00",
        ),
        # Durations, sets and references.
        ("The talks have dragged on for two years.", "two years", "DURATION", "P2Y"),
        (
            "Rebels held the town for the past three months.",
            "the past three months",
            "DURATION",
            "P3M",
        ),
        ("The ministry publishes the figures daily.", "daily", "SET", "P1D"),
        ("Protesters gather every Monday outside parliament.", "every Monday", "SET", "XXXX-WXX-1"),
        ("India now gets 40% of its oil from Russia.", "now", "DATE", "PRESENT_REF"),
    ],
)
def test_resolves_against_publication_date(
    nlp: Language, text: str, words: str, type_: str, value: str
) -> None:
    found = _only(_times(nlp, text), words)
    assert (found.type, found.value) == (type_, value)


def test_relative_values_name_their_anchor(nlp: Language) -> None:
    times = _times(nlp, "Kwatra told reporters Friday that trade grew in 2023.")
    assert _only(times, "Friday").anchor == MONDAY
    assert _only(times, "2023").anchor is None  # absolute: resolved against nothing


def test_without_publication_date_relative_values_stay_unresolved(nlp: Language) -> None:
    times = _times(nlp, "Kwatra told reporters Friday that trade grew in 2023.", published=None)
    friday = _only(times, "Friday")
    assert friday.value is None and friday.anchor == NO_ANCHOR
    assert _only(times, "2023").value == "2023"


def test_fiscal_year_of_the_country_named_nearby(nlp: Language) -> None:
    text = (
        "India-Russia trade touched close to $65 billion in the 2023-24 financial year, "
        "Indian Foreign Secretary Vinay Mohan Kwatra told reporters Friday."
    )
    year = _only(_times(nlp, text), "the 2023-24 financial year")
    assert year.value == "FY2023-24"
    assert (year.range_start, year.range_end) == ("2023-04", "2024-03")
    assert year.anchor == "fiscal year of IND"


def test_fiscal_year_without_a_known_country_has_no_range(nlp: Language) -> None:
    year = _only(
        _times(nlp, "Sales grew in the 2023-24 financial year."), "the 2023-24 financial year"
    )
    assert year.value == "FY2023-24"
    assert year.range_start is None and year.range_end is None


@pytest.mark.parametrize(
    "text",
    [
        "The minister may resign if the coalition collapses.",  # "may", the verb
        "Subscriptions cost $5 a year for students.",  # a rate, not a duration
        "Thousands of workers march through the capital.",  # "march", the verb
        "The Independence Day Parade Committee met in the town hall.",  # inside a name
    ],
)
def test_negatives(nlp: Language, text: str) -> None:
    assert _times(nlp, text) == []


def test_tense_of_the_clause(nlp: Language) -> None:
    text = "Modi will hold talks on Tuesday. Kwatra said Friday that trade grew."
    doc = nlp(text)
    assert tense(doc, text.index("Tuesday"), text.index("Tuesday") + 7) == "future"
    assert tense(doc, text.index("Friday"), text.index("Friday") + 6) == "past"


def test_times_in_a_span(nlp: Language) -> None:
    text = "Modi arrived on Monday. Talks follow on Tuesday."
    times = _times(nlp, text)
    second = text.index("Talks")
    assert [t.text for t in times_in(times, second, len(text))] == ["Tuesday"]


def test_sample_times(sample_record: ArticleRecord, sample_dict: dict[str, Any]) -> None:
    """The issue's worked example: "Tuesday" is 2024-07-09 and "2023-24" a fiscal year."""
    assert_valid_record(sample_dict)
    by_text: dict[str, list[Time]] = {}
    for t in sample_record.times:
        by_text.setdefault(t.text, []).append(t)
    assert {t.value for t in by_text["Tuesday"]} == {"2024-07-09"}
    assert by_text["last week"][0].value == "2024-W27"
    assert by_text["Friday"][0].value == "2024-07-05"
    fiscal = by_text["the 2023-24 financial year"]
    assert all(
        (t.value, t.range_start, t.range_end) == ("FY2023-24", "2023-04", "2024-03") for t in fiscal
    )
    assert [t.start for t in sample_record.times] == sorted(t.start for t in sample_record.times)


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        # Holidays that move: the nth weekday of their month, in the year the tense gives.
        ("Shops were crowded on Thanksgiving Day.", "Thanksgiving Day", "2023-11-23"),
        ("Parliament returns after Labor Day 2024.", "Labor Day 2024", "2024-09-02"),
        ("The parade was held on Memorial Day.", "Memorial Day", "2024-05-27"),
        # Spelled decades, "the full year", "N more weeks", "the weeks ahead", "these days".
        ("Growth was faster in the nineties.", "the nineties", "199"),
        ("The company expects a loss for the full year.", "the full year", "2024"),
        ("The strike could go on for two more weeks.", "two more weeks", "P2W"),
        ("Prices may rise in the weeks ahead.", "the weeks ahead", "PXW"),
        ("These days few people vote.", "These days", "PRESENT_REF"),
        ("Rates will stay low in the near term.", "the near term", "FUTURE_REF"),
    ],
)
def test_general_rules_of_round_two(nlp: Language, text: str, words: str, value: str) -> None:
    assert _only(_times(nlp, text), words).value == value


@pytest.mark.parametrize(
    ("text", "not_times"),
    [
        ("Now, the minister says, the talks are over.", {"Now"}),  # a discourse marker
        ("Mr. Smith, 52 years old, will succeed him.", {"52 years"}),  # an age
        ("A second group of directors joined the bid.", {"A second"}),  # an ordinal
        ("Iraq imports about three-quarters of its food.", {"about three-quarters"}),  # fraction
        ('Baker said on ABC\'s "This Week" that talks would go on.', {"This Week"}),  # a title
        # Counts that look like years (IndiaPoliceEvents: "fired 1649 rounds of ammunition").
        ("The police had fired 1649 rounds of ammunition at the mobs.", {"1649"}),
        ("Some 1800 troops were deployed.", {"1800"}),
    ],
)
def test_words_that_say_no_time(nlp: Language, text: str, not_times: set[str]) -> None:
    assert not_times.isdisjoint(t.text for t in _times(nlp, text))


def test_years_before_plural_nouns_stay_years(nlp: Language) -> None:
    assert _only(_times(nlp, "The 2019 elections were marred by violence."), "2019")
    assert _only(_times(nlp, "In 2020 talks between the two sides collapsed."), "2020")
    assert _only(_times(nlp, "She recalled the 1989 protests of students in Beijing."), "1989")


def test_now_and_quoted_sentence_openers_stay_times(nlp: Language) -> None:
    assert _only(_times(nlp, "The bank now holds 5% of the shares."), "now").value == (
        "PRESENT_REF"
    )
    quoted = _times(nlp, 'He said: "Today is a sad day."')
    assert _only(quoted, "Today").value == MONDAY
