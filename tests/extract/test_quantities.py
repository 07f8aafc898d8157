"""Quantities on the bundled sample, on Indian police news from the shared datasets and on
paragraphs written for these tests; dates, times, ages and addresses are the negatives."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsevents.pipeline import extract_text
from newsevents.settings import Settings
from newsevents.types import ArticleRecord, Quantity

from ..conftest import DATASETS, assert_valid_record

pytestmark = pytest.mark.issue(5)


def quantity(record: ArticleRecord, text: str) -> Quantity:
    found = [q for q in record.quantities if q.text == text]
    assert len(found) == 1, [q.text for q in record.quantities]
    return found[0]


def quantities_of(text: str, settings: Settings) -> ArticleRecord:
    return extract_text(text, date="2024-07-08", settings=settings)


def dataset_text(name: str, record_id: str) -> str:
    with (DATASETS / name).open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] == record_id:
                text: str = record["text"]
                return text
    raise LookupError(record_id)


# --- the sample: AP, Modi visits Putin, 8 July 2024 ---------------------------------------


def test_sample_trade_with_its_period(sample_record: ArticleRecord) -> None:
    trade = quantity(sample_record, "close to $65 billion")
    assert (trade.value, trade.unit, trade.kind) == (65_000_000_000, "USD", "money")
    assert trade.approximate == "close_to"
    assert trade.period == "FY2023-24"
    assert trade.subject == "India-Russia trade"
    imports = quantity(sample_record, "$60 billion")
    exports = quantity(sample_record, "$4 billion")
    assert (imports.subject, exports.subject) == ("Imports from Russia", "exports from India")
    assert imports.period == exports.period == "FY2023-24"


def test_sample_shares(sample_record: ArticleRecord) -> None:
    oil = quantity(sample_record, "more than 40%")
    assert (oil.value, oil.unit, oil.kind, oil.approximate) == (
        40,
        "percent",
        "percent",
        "more_than",
    )
    assert oil.subject is not None and oil.subject.startswith("oil imports")
    equipment = quantity(sample_record, "60%")
    assert equipment.subject is not None and "military equipment" in equipment.subject


def test_sample_soldiers_killed(sample_record: ArticleRecord) -> None:
    indian = quantity(sample_record, "At least 20")
    assert (indian.value, indian.unit, indian.kind) == (20, "people", "casualties")
    assert indian.approximate == "at_least"
    assert indian.subject == "Indian soldiers killed"
    chinese = quantity(sample_record, "four")
    assert (chinese.value, chinese.kind, chinese.subject) == (
        4,
        "casualties",
        "Chinese soldiers killed",
    )
    # The counted soldiers are actors of their own.
    names = {a.id: a.name for a in sample_record.actors}
    assert names[indian.actor_id or ""] == "Indian soldiers"
    assert names[chinese.actor_id or ""] == "Chinese soldiers"


def test_sample_no_date_parser_trap(sample_record: ArticleRecord, sample_dict: Any) -> None:
    # "$65" is 65 (billion), never the year 2065; years and dates are no quantities.
    values = {q.value for q in sample_record.quantities}
    assert not values & {2065.0, 2019.0, 2020.0, 2022.0, 2023.0, 2024.0}
    assert not [q for q in sample_record.quantities if q.text in ("2023", "24", "8")]
    assert_valid_record(sample_dict)


# --- Indian police news: rupees in crore and lakh, Indian digit grouping, words ---------------


@pytest.fixture(scope="module")
def ahmedabad(settings: Settings) -> ArticleRecord:
    text = dataset_text("IndiaPoliceEvents/dev_docs.jsonl", "IPE-1")
    return extract_text(text, date="2002-03-01", settings=settings)


def test_crore_and_indian_grouping(ahmedabad: ArticleRecord) -> None:
    losses = quantity(ahmedabad, "around rs 300 crore")
    assert (losses.value, losses.unit, losses.kind, losses.approximate) == (
        3_000_000_000,
        "INR",
        "money",
        "about",
    )
    workers = quantity(ahmedabad, "over 1,00,000")
    assert (workers.value, workers.unit, workers.kind) == (100_000, "people", "count")
    assert workers.approximate == "more_than"
    share = quantity(ahmedabad, "30 per cent")
    assert (share.value, share.unit) == (30, "percent")


def test_durations_and_years_are_not_quantities(ahmedabad: ArticleRecord) -> None:
    texts = {q.text for q in ahmedabad.quantities}
    assert not texts & {"one", "six", "seven", "3", "1969", "1973", "1985", "1992"}


def test_lakh_and_casualties_in_words(settings: Settings) -> None:
    record = quantities_of(
        "An ex gratia of Rs 5 lakh was announced for the family. Two persons were stabbed "
        "and twenty-five were injured, while police arrested 14 protesters.",
        settings,
    )
    grant = quantity(record, "Rs 5 lakh")
    assert (grant.value, grant.unit, grant.subject) == (500_000, "INR", "ex gratia")
    stabbed = quantity(record, "Two")
    assert (stabbed.value, stabbed.kind, stabbed.unit) == (2, "casualties", "people")
    arrested = quantity(record, "14")
    assert (arrested.kind, arrested.unit) == ("count", "people")


def test_death_toll_changes_are_not_ranges(settings: Settings) -> None:
    record = quantities_of(
        "The death toll in the attack on the train had risen from 58 to 62 by Friday.",
        settings,
    )
    first, second = quantity(record, "58"), quantity(record, "62")
    assert first.kind == second.kind == "casualties"
    assert first.approximate is second.approximate is None


def test_ranges_bound_both_ends(settings: Settings) -> None:
    record = quantities_of(
        "The list has been narrowed down to about 25 to 30 projects, the mayor said.", settings
    )
    low, high = quantity(record, "about 25"), quantity(record, "30")
    assert (low.approximate, high.approximate) == ("at_least", "at_most")
    assert low.subject == high.subject == "projects"


def test_measures(settings: Settings) -> None:
    record = quantities_of(
        "Trustees approved a 34,000-square-foot store next to the 770-acre reservoir, about "
        "half a kilometre from the station.",
        settings,
    )
    store = quantity(record, "34,000-square-foot")
    assert (store.value, store.unit, store.kind) == (34_000, "square_foot", "measure")
    assert quantity(record, "770-acre").unit == "acre"
    walk = quantity(record, "about half a kilometre")
    assert (walk.value, walk.unit, walk.approximate) == (0.5, "km", "about")


def test_periods(settings: Settings) -> None:
    record = quantities_of(
        "Exports rose to $12 billion in fiscal 2023. Remittances reached $3.5 billion in June "
        "2020.",
        settings,
    )
    assert quantity(record, "$12 billion").period == "FY2023"
    assert quantity(record, "$3.5 billion").period == "2020-06"


def test_no_quantities_in_dates_times_ages_and_addresses(settings: Settings) -> None:
    record = quantities_of(
        "Arrested were Darryl Keith Warden, 44, of 2517 Memphis St., and Sheila D. Williams, "
        "41. Around 7:35 p.m. Sunday police went to the home. The hearing is on March 15 and "
        "the trial could take 60 to 90 days. The Final Four starts in 2018.",
        settings,
    )
    assert record.quantities == ()
