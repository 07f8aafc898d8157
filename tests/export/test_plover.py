"""The PLOVER JSON Lines export reads back and matches the store's events."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsevents.export.plover import FORMAT, write_plover
from newsevents.store.query import EventFilter
from newsevents.store.schema import open_store

pytestmark = pytest.mark.issue(6)


def _read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_round_trip(store_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    connection = open_store(store_db)
    n = write_plover(connection, out)
    events = _read(out)
    stored = connection.execute(
        "SELECT gid, plover, mode, cameo, goldstein, source_country, target_country, "
        "evidence_sentence, day FROM events WHERE plover IS NOT NULL"
    ).fetchall()
    assert n == len(events) == len(stored) == 18
    by_id = {str(r[0]): r for r in stored}
    for event in events:
        _gid, plover, mode, cameo, goldstein, source, target, sentence, day = by_id[
            str(event["event_id"])
        ]
        assert event["format"] == FORMAT
        assert (event["event_type"], event["event_mode"], event["cameo"]) == (plover, mode, cameo)
        assert event["goldstein"] == goldstein
        actor = event["actor"]
        assert isinstance(actor, dict) and actor["country"] == source
        recipient = event["recipient"]
        assert (recipient["country"] if isinstance(recipient, dict) else None) == target
        evidence = event["evidence"]
        assert isinstance(evidence, dict) and evidence["sentence"] == sentence
        assert event["event_date"] == day.isoformat()


def test_one_event_in_full(store_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    write_plover(open_store(store_db), out, EventFilter(cameo="042", until=dt.date(2024, 7, 10)))
    (event,) = _read(out)
    assert event["event_type"] == "CONSULT" and event["event_mode"] == "visit"
    assert event["actor"] == {
        "country": "IND",
        "name": "Narendra Modi",
        "sector": "GOV",
        "text": "Modi",
    }
    assert event["location"] == {
        "country": "RUS",
        "lat": 55.75204,
        "lon": 37.61781,
        "name": "Moscow",
    }
    assert (event["num_articles"], event["num_sources"]) == (4, 3)
    assert event["story_id"] == "1d858d0aa1c8f8cd" and event["record_event_id"] == "e1"


def test_events_without_a_plover_type_are_left_out(store_db: Path, tmp_path: Path) -> None:
    connection = open_store(store_db, write=True)
    connection.execute("UPDATE events SET plover = NULL, cameo = '010' WHERE id = 'e3'")
    out = tmp_path / "e.jsonl"
    assert write_plover(connection, out) == 15
    assert {e["record_event_id"] for e in _read(out)} == {"e1", "e2", "e4", "e5", "e6"}


def test_same_store_same_bytes(store_db: Path, tmp_path: Path) -> None:
    connection = open_store(store_db)
    write_plover(connection, tmp_path / "a.jsonl")
    write_plover(connection, tmp_path / "b.jsonl")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
