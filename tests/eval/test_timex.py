"""``newsevents eval timex``: scoring and the report on TempEval-3 gold (issue 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.errors import NewsEventsError
from newsevents.eval.timex import _score, evaluate
from newsevents.settings import Settings

from ..conftest import DATASETS

pytestmark = pytest.mark.issue(3)


def test_score_relaxed_strict_and_value() -> None:
    gold = [[(0, 6, "DATE", "2024-07-09"), (10, 19, "DATE", "2024-W27"), (30, 34, "DATE", "2019")]]
    system = [
        [(0, 6, "DATE", "2024-07-09"), (12, 19, "DATE", "2024-W28"), (40, 45, "DATE", "2020")]
    ]
    scores = _score(system, gold)
    assert scores["relaxed_recall"] == round(2 / 3, 4)
    assert scores["strict_recall"] == round(1 / 3, 4)
    assert scores["value_precision"] == round(1 / 3, 4)  # one right value of three predictions
    assert scores["type_accuracy"] == 1.0


def test_records_without_timexes_are_refused(tmp_path: Path, settings: Settings) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "text": "Friday", "dct": "2024-07-08"}) + "\n")
    with pytest.raises(NewsEventsError, match="NE701"):
        evaluate(bad, settings=settings)


@pytest.mark.slow
def test_report_on_tempeval(settings: Settings) -> None:
    report = evaluate(DATASETS / "TempEval3" / "train.jsonl", settings=settings, limit=8)
    assert report.n == 8
    assert {"value_f1", "relaxed_f1", "strict_f1", "type_accuracy"} <= report.metrics.keys()
    assert report.metrics["relaxed_f1"] > 0.5
    assert "baseline spaCy DATE/TIME + dateparser" in report.breakdown
