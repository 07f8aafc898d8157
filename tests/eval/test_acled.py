"""The ACLED evaluation: snippets through the whole extraction, scored by category."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.errors import NewsEventsError
from newsevents.eval.acled import categories, evaluate, mapped_sub_events
from newsevents.settings import Settings

pytestmark = pytest.mark.issue(4)

GOLD = [
    {
        "id": "a1",
        "text": "Police arrested 40 protesters in Nairobi on Monday.",
        "labels": ["ARREST"],
    },
    {
        "id": "a2",
        "text": "Thousands of people marched peacefully through central Lagos on Saturday.",
        "labels": ["PEACE_PROTEST"],
    },
    {
        "id": "a3",
        "text": "Heavy rains and floods hit parts of Japan on Friday; the death toll rose to 66.",
        "labels": ["NATURAL_DISASTER"],
    },
]


def write(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    path = tmp_path / "snippets.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_every_case_label_has_a_row_and_acled_names_exist_in_the_ontology() -> None:
    table = categories()
    assert len(table) == 30  # 25 ACLED sub-event types and 5 kinds of news ACLED does not code
    assert sum(v is None for v in table.values()) == 5
    named = {v[1] for v in table.values() if v}
    # Every sub-event type the ontology can give is one the gold can name.
    assert mapped_sub_events() <= named


def test_snippets_are_scored_by_their_first_category(tmp_path: Path) -> None:
    report = evaluate(write(tmp_path, GOLD), settings=Settings.from_env({}))
    assert report.n == 3
    assert report.details["snippets_with_acled_label"] == 2
    assert report.metrics["non_acled_quiet"] == 1.0  # floods are no attack
    assert report.details["confusion"]["Arrests"] == {"Arrests": 1}
    assert report.metrics["event_type_accuracy"] >= 0.5
    assert "baseline_dictionary" in report.breakdown


def test_a_label_without_a_row_is_refused(tmp_path: Path) -> None:
    bad = [dict(GOLD[0], labels=["PICNIC"])]
    with pytest.raises(NewsEventsError, match="NE701"):
        evaluate(write(tmp_path, bad), settings=Settings.from_env({}))
