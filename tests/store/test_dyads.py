"""Dyad series: every period listed, counts, Goldstein sums and QuadClass per direction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents.store.dyads import dyad_series, label, period_range, sparkline, truncate
from newsevents.store.query import EventFilter
from newsevents.store.schema import open_store

pytestmark = pytest.mark.issue(6)


def test_monthly_series_has_every_month_with_zeros(store_db: Path) -> None:
    series = dyad_series(open_store(store_db), source="IND", target="RUS", freq="month")
    periods = [p.period for p in series]
    assert periods[0] == dt.date(2019, 1, 1) and periods[-1] == dt.date(2024, 9, 1)
    assert len(periods) == 69 and len(set(periods)) == 69
    by_period = {p.period: p for p in series}
    # e1 (042, 1.9), e3 (051, 3.4), e4 (111, -2.0) in July for the sample and later-1.
    july = by_period[dt.date(2024, 7, 1)]
    assert july.events == 6
    assert july.goldstein == pytest.approx(2 * (1.9 + 3.4 - 2.0))
    assert july.quads == (4, 0, 2, 0)
    assert by_period[dt.date(2024, 8, 1)].events == 0
    assert by_period[dt.date(2024, 8, 1)].goldstein_mean is None
    assert by_period[dt.date(2019, 1, 1)].events == 3  # e6, dated 2019, in each story


def test_both_directions_are_two_series(store_db: Path) -> None:
    series = dyad_series(
        open_store(store_db),
        source="IND",
        target="RUS",
        freq="year",
        both=True,
        where=EventFilter(since=dt.date(2024, 1, 1)),
    )
    assert [(p.source, p.target, p.period.year, p.events) for p in series] == [
        ("IND", "RUS", 2024, 9),
        ("RUS", "IND", 2024, 3),
    ]
    reverse = series[1]
    assert reverse.goldstein == pytest.approx(3 * 2.8) and reverse.quads == (3, 0, 0, 0)


@pytest.mark.parametrize("freq", ["day", "week", "month", "year"])
def test_every_frequency_sums_to_the_same_total(store_db: Path, freq: str) -> None:
    where = EventFilter(since=dt.date(2024, 7, 1), until=dt.date(2024, 9, 30))
    series = dyad_series(
        open_store(store_db),
        source="IND",
        target="RUS",
        freq=freq,
        where=where,  # type: ignore[arg-type]
    )
    assert sum(p.events for p in series) == 9
    assert series[0].period == truncate(dt.date(2024, 7, 1), freq)  # type: ignore[arg-type]


def test_filters_apply_within_the_dyad(store_db: Path) -> None:
    series = dyad_series(
        open_store(store_db),
        source="IND",
        target="RUS",
        freq="year",
        where=EventFilter(modality="negated"),
    )
    assert sum(p.events for p in series) == 3
    assert sum(p.quads[2] for p in series) == 3


def test_a_dyad_without_events_is_empty(store_db: Path) -> None:
    assert dyad_series(open_store(store_db), source="CHN", target="IND") == []


def test_period_range_and_truncate() -> None:
    assert truncate(dt.date(2024, 7, 10), "week") == dt.date(2024, 7, 8)
    assert period_range(dt.date(2023, 11, 1), dt.date(2024, 2, 1), "month") == [
        dt.date(2023, 11, 1),
        dt.date(2023, 12, 1),
        dt.date(2024, 1, 1),
        dt.date(2024, 2, 1),
    ]
    assert len(period_range(dt.date(2024, 2, 26), dt.date(2024, 3, 2), "day")) == 6


def test_period_labels() -> None:
    day = dt.date(2024, 7, 8)
    assert [label(day, f) for f in ("day", "week", "month", "year")] == [
        "2024-07-08",
        "2024-W28",
        "2024-07",
        "2024",
    ]
    assert label(dt.date(2024, 12, 30), "week") == "2025-W01"  # ISO weeks cross years


def test_sparkline() -> None:
    assert sparkline([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█"
    assert sparkline([0, 0, 0]) == "▁▁▁"
    assert sparkline([2, 2]) == "▅▅"
    assert sparkline([-3.0, 0.0, 3.0]) == "▁▅█"
    assert sparkline([]) == ""
