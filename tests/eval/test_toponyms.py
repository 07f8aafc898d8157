"""``newsevents eval toponyms``: scoring and the report on LGL / GeoWebNews gold (issue 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.errors import NewsEventsError
from newsevents.eval.toponyms import distance_km, evaluate, score
from newsevents.settings import Settings

from ..conftest import DATASETS

pytestmark = pytest.mark.issue(3)

MOSCOW = (55.75, 37.62)
ST_PETERSBURG = (59.94, 30.31)


def test_distance_km() -> None:
    assert distance_km(*MOSCOW, *MOSCOW) == 0
    assert 620 < distance_km(*MOSCOW, *ST_PETERSBURG) < 650


def test_score_recognition_and_resolution() -> None:
    gold = [[(0, 6, *MOSCOW), (10, 20, *ST_PETERSBURG), (30, 35, None, None), (40, 45, *MOSCOW)]]
    system = [[(0, 6, 55.8, 37.6), (10, 20, *MOSCOW), (30, 35, None, None), (50, 55, 0.0, 0.0)]]
    scores = score(system, gold)
    assert (scores["precision"], scores["recall"]) == (0.75, 0.75)
    # Of the two recognised gold toponyms with coordinates, one is within 161 km.
    assert scores["acc_161km"] == 0.5


def test_unresolved_prediction_counts_as_a_miss() -> None:
    scores = score([[(0, 6, None, None)]], [[(0, 6, *MOSCOW)]])
    assert scores["acc_161km"] == 0.0 and scores["resolved_share"] == 0.0


def test_records_without_toponyms_are_refused(tmp_path: Path, settings: Settings) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "text": "Moscow"}) + "\n")
    with pytest.raises(NewsEventsError, match="NE701"):
        evaluate(bad, settings=settings)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["LGL", "GeoWebNews"])
def test_report_on_geoparsing_sets(settings: Settings, name: str) -> None:
    report = evaluate(DATASETS / name / "dev.jsonl", settings=settings, limit=10)
    assert report.n == 10
    assert {
        "precision",
        "recall",
        "f1",
        "acc_161km",
        "mean_km",
        "median_km",
    } <= report.metrics.keys()
    assert report.metrics["f1"] > 0.5
    assert any(key.startswith("baseline") for key in report.breakdown)
