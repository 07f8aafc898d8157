"""Every query filter, with events that match and events that must not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents.errors import NewsEventsError
from newsevents.store.query import EventFilter, query_events
from newsevents.store.schema import open_store

pytestmark = pytest.mark.issue(6)

# Three stories with the same six events (e1..e6) on 2024-07-08, 2024-07-20 and 2024-09-02;
# e4 is negated with no date of its own, e5 (United States, no target) is dated 2022-02,
# e6 is dated 2019.


def _ids(db: Path, **given: str | None) -> list[tuple[str, str]]:
    table = query_events(open_store(db), EventFilter.parse(**given))
    doc, event = table.columns.index("doc_id"), table.columns.index("event_id")
    return [(row[doc], row[event]) for row in table.rows]


def _events(db: Path, **given: str | None) -> set[str]:
    return {event for _, event in _ids(db, **given)}


def test_no_filter_returns_every_event_of_every_story_once(store_db: Path) -> None:
    found = _ids(store_db)
    assert len(found) == 18 == len(set(found))
    assert not any(doc.startswith("copy-") for doc, _ in found)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"source": "IND"}, {"e1", "e3", "e4", "e6"}),
        ({"source": "ind"}, {"e1", "e3", "e4", "e6"}),
        ({"source": "USA"}, {"e5"}),
        ({"source": "CHN"}, set()),
        ({"target": "IND"}, {"e2"}),
        ({"source": "RUS", "target": "IND"}, {"e2"}),
        ({"cameo": "04"}, {"e1", "e2", "e6"}),
        ({"cameo": "042"}, {"e1"}),
        ({"cameo": "16"}, {"e5"}),
        ({"cameo": "19"}, set()),
        ({"plover": "consult"}, {"e1", "e2", "e6"}),
        ({"plover": "ACCUSE"}, {"e4"}),
        ({"plover": "ASSAULT"}, set()),
        ({"actor": "Modi"}, {"e1", "e2", "e3", "e6"}),
        ({"actor": "narendra"}, {"e1", "e2", "e3", "e6"}),  # the resolved name, not the text
        ({"actor": "United States"}, {"e5"}),
        ({"actor": "Xi Jinping"}, set()),
        ({"place": "Moscow"}, {"e1", "e2"}),
        ({"place": "vladivostok"}, {"e6"}),
        ({"place": "RUS"}, {"e1", "e2", "e3", "e6"}),
        ({"place": "Kyiv"}, set()),
        ({"modality": "negated"}, {"e4"}),
        ({"modality": "PLANNED"}, set()),
        ({"text": "buggy"}, {"e2"}),
        ({"text": "sanctions"}, {"e5"}),
        ({"text": "tariff"}, set()),
        ({"source": "IND", "cameo": "04", "place": "Moscow"}, {"e1"}),
    ],
)
def test_filter(store_db: Path, given: dict[str, str], expected: set[str]) -> None:
    assert _events(store_db, **given) == expected


def test_since_and_until_use_the_event_day(store_db: Path) -> None:
    july = _ids(store_db, since="2024-07-01", until="2024-07-31")
    assert {doc for doc, _ in july} == {"1d858d0aa1c8f8cd", "later-1"}
    # e5 (2022-02) and e6 (2019) are counted on their own dates, not the publication's.
    assert {e for _, e in july} == {"e1", "e2", "e3", "e4"}
    assert _events(store_db, until="2019-12-31") == {"e6"}
    assert _events(store_db, since="2024-09-01") == {"e1", "e2", "e3", "e4"}
    assert _events(store_db, since="2025-01-01") == set()


def test_rows_are_in_day_order_with_story_counts(store_db: Path) -> None:
    table = query_events(open_store(store_db), EventFilter())
    days = [row[table.columns.index("day")] for row in table.rows]
    assert days == sorted(days) and isinstance(days[0], dt.date)
    articles = {
        row[table.columns.index("doc_id")]: row[table.columns.index("num_articles")]
        for row in table.rows
    }
    assert articles == {"1d858d0aa1c8f8cd": 4, "later-1": 1, "later-2": 1}


def test_limit(store_db: Path) -> None:
    assert len(query_events(open_store(store_db), EventFilter(), limit=5).rows) == 5


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("source", "India"),
        ("target", "R1"),
        ("cameo", "0x"),
        ("cameo", "04111"),
        ("plover", "CONSULT!"),
        ("since", "2024-13-01"),
        ("until", "yesterday"),
        ("modality", "rumoured"),
    ],
)
def test_bad_filter_values_are_refused_with_the_option_named(name: str, value: str) -> None:
    with pytest.raises(NewsEventsError) as caught:
        EventFilter.parse(**{name: value})
    assert caught.value.code == "NE505"
    assert str(caught.value).startswith(f"NE505 --{name}: invalid value {value!r}")


def test_empty_strings_mean_no_filter() -> None:
    assert EventFilter.parse(source="", text=None).is_empty()
