"""Ingest over real articles: idempotent, failures recorded, copies linked, records intact."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from newsevents.pipeline import extract_text
from newsevents.read import iter_inputs
from newsevents.settings import Settings
from newsevents.store.ingest import IngestCounts, ingest
from newsevents.store.records import load_record
from newsevents.store.schema import open_store

from ..conftest import SAMPLE, assert_valid_record
from .corpus import articles, snapshot, write_jsonl

pytestmark = pytest.mark.issue(6)


def _ingest(paths: list[Path | str], db: Path, settings: Settings, **kw: object) -> IngestCounts:
    names = [str(p) for p in paths]
    return ingest(
        iter_inputs(names, settings=settings),
        db=db,
        settings=settings,
        inputs=names,
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def small_settings() -> Settings:
    return Settings.from_env({}, batch_size=4)


def test_ingest_twice_adds_nothing(tmp_path: Path, small_settings: Settings) -> None:
    corpus = write_jsonl(tmp_path / "lgl.jsonl", articles("LGL/dev.jsonl", 10), bad_lines=1)
    db = tmp_path / "s.duckdb"
    first = _ingest([corpus], db, small_settings)
    assert (first.read, first.new, first.already_stored, first.failed) == (11, 10, 0, 1)
    assert first.read == first.new + first.duplicates + first.already_stored + first.failed
    before = snapshot(db)
    assert len(before["documents"]) == 10 and len(before["failures"]) == 1
    second = _ingest([corpus], db, small_settings)
    assert (second.new, second.duplicates, second.already_stored, second.failed) == (0, 0, 10, 1)
    assert snapshot(db) == before
    runs = (
        duckdb.connect(str(db), read_only=True)
        .execute(
            "SELECT status, n_read, n_new, n_already_stored, n_failed FROM ingest_runs ORDER BY id"
        )
        .fetchall()
    )
    assert runs == [("done", 11, 10, 0, 1), ("done", 11, 0, 10, 1)]


def test_same_input_twice_in_one_run_is_stored_once(
    tmp_path: Path, small_settings: Settings
) -> None:
    corpus = write_jsonl(tmp_path / "a.jsonl", articles("LGL/dev.jsonl", 3))
    db = tmp_path / "s.duckdb"
    counts = _ingest([corpus, corpus, SAMPLE, SAMPLE], db, small_settings)
    assert (counts.read, counts.new, counts.already_stored) == (8, 4, 4)


def test_failures_are_recorded_and_cleared_when_the_input_is_fixed(
    tmp_path: Path, small_settings: Settings
) -> None:
    bad = tmp_path / "story.txt"
    bad.write_bytes(b"")
    db = tmp_path / "s.duckdb"
    counts = _ingest([bad, tmp_path / "missing.txt"], db, small_settings)
    assert counts.failed == 2 and counts.new == 0
    connection = duckdb.connect(str(db))
    rows = connection.execute("SELECT source, code, message FROM failures ORDER BY code").fetchall()
    connection.close()
    assert rows == [
        (str(tmp_path / "missing.txt"), "NE101", "no such file or directory"),
        (str(bad), "NE102", "input is empty"),
    ]
    bad.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    counts = _ingest([bad], db, small_settings)
    assert counts.new == 1
    connection = duckdb.connect(str(db))
    assert connection.execute("SELECT code FROM failures").fetchall() == [("NE101",)]


def test_stored_record_is_the_extracted_record(tmp_path: Path, settings: Settings) -> None:
    """End to end over real extraction: as extractors land, the stored records grow with them."""
    db = tmp_path / "s.duckdb"
    _ingest([SAMPLE], db, settings)
    extracted = extract_text(SAMPLE.read_text(encoding="utf-8"), source=str(SAMPLE))
    stored = load_record(open_store(db), extracted.document.id)
    assert stored == extracted
    assert stored is not None
    assert_valid_record(json.loads(json.dumps(stored.to_dict())))
    connection = open_store(db)
    row = connection.execute("SELECT count(*) FROM events").fetchone()
    assert row == (len(extracted.events),)


def _wire(record: dict[str, object], *, outlet: str, suffix: str = "", cut: int = 0) -> dict:  # type: ignore[type-arg]
    text = str(record["text"])
    sentences = text.split(". ")
    if cut:
        text = ". ".join(sentences[: len(sentences) - cut]) + "."
    return {
        **record,
        "id": f"{record['id']}@{outlet}",
        "url": f"https://www.{outlet}/news/{record['id']}",
        "text": text + suffix,
    }


def test_syndicated_copies_are_stored_once_and_linked(
    tmp_path: Path, small_settings: Settings
) -> None:
    stories = articles("GeoWebNews/dev.jsonl", 6)
    originals = [{**r, "url": f"https://apnews.com/{r['id']}"} for r in stories[:3]]
    copies = [
        _wire(originals[0], outlet="dailyherald.com", suffix="\n\nCopyright 2018 The Associated "
              "Press. All rights reserved. This material may not be published, broadcast, "
              "rewritten or redistributed."),
        _wire(originals[0], outlet="eastoregonian.com", cut=2),
        _wire(originals[1], outlet="seattletimes.com", suffix="\n\nMore World News: "
              "subscribe to our daily newsletter for the top stories of the day."),
    ]  # fmt: skip
    # Distinct stories (the other three) must stay distinct.
    corpus = write_jsonl(tmp_path / "wire.jsonl", originals + copies + stories[3:])
    db = tmp_path / "s.duckdb"
    counts = _ingest([corpus], db, small_settings)
    assert (counts.new, counts.duplicates) == (6, 3)
    connection = open_store(db)
    links = connection.execute("SELECT doc_id, canonical_id FROM duplicates").fetchall()
    assert sorted(links) == sorted(
        [
            (f"{stories[0]['id']}@dailyherald.com", stories[0]["id"]),
            (f"{stories[0]['id']}@eastoregonian.com", stories[0]["id"]),
            (f"{stories[1]['id']}@seattletimes.com", stories[1]["id"]),
        ]
    )
    # Copies are stored as documents but not parsed: their lists are empty.
    copy = load_record(connection, f"{stories[0]['id']}@dailyherald.com")
    assert (
        copy is not None
        and copy.document.url == f"https://www.dailyherald.com/news/{stories[0]['id']}"
    )
    assert copy.actors == () and copy.events == ()
    story = dict(
        connection.execute(
            "SELECT doc_id, num_articles || '/' || num_sources FROM stories"
        ).fetchall()
    )
    assert story[stories[0]["id"]] == "3/3" and story[stories[1]["id"]] == "2/2"
    assert story[stories[2]["id"]] == "1/1"
    connection.close()
    # Re-ingesting the copies changes nothing.
    before = snapshot(db)
    again = _ingest([corpus], db, small_settings)
    assert again.already_stored == 9 and snapshot(db) == before


def test_a_copy_in_a_later_run_links_to_the_stored_story(
    tmp_path: Path, small_settings: Settings
) -> None:
    (story,) = articles("GeoWebNews/dev.jsonl", 1, skip=10)
    db = tmp_path / "s.duckdb"
    _ingest([write_jsonl(tmp_path / "a.jsonl", [story])], db, small_settings)
    copy = _wire(story, outlet="example-daily.com", suffix="\n\nRead more at our website.")
    counts = _ingest([write_jsonl(tmp_path / "b.jsonl", [copy])], db, small_settings)
    assert (counts.new, counts.duplicates) == (0, 1)


def test_progress_is_reported_per_batch(tmp_path: Path, small_settings: Settings) -> None:
    corpus = write_jsonl(tmp_path / "a.jsonl", articles("LGL/dev.jsonl", 9))
    seen: list[int] = []
    _ingest([corpus], tmp_path / "s.duckdb", small_settings, on_batch=lambda c: seen.append(c.read))
    assert seen == [4, 8, 9]


def test_parse_failure_of_a_story_fails_its_copies_the_same_way_every_run(
    tmp_path: Path, small_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    stories = articles("GeoWebNews/dev.jsonl", 2, skip=20)
    copy = _wire(stories[0], outlet="copies.example.com", suffix="\n\nShare this article.")
    corpus = write_jsonl(tmp_path / "a.jsonl", [stories[0], copy, stories[1]])
    import newsevents.pipeline as module

    real = module.extract_record

    def broken(doc, document):  # type: ignore[no-untyped-def]
        if document.id == stories[0]["id"]:
            raise ValueError("extractor bug")
        return real(doc, document)

    monkeypatch.setattr(module, "extract_record", broken)
    db = tmp_path / "s.duckdb"
    for expected in ((1, 0, 2), (0, 1, 2)):
        counts = _ingest([corpus], db, small_settings)
        assert (counts.new, counts.already_stored, counts.failed) == expected
    codes = duckdb.connect(str(db)).execute("SELECT code FROM failures ORDER BY code").fetchall()
    assert codes == [("NE401",), ("NE508",)]


@pytest.mark.slow
def test_workers_never_change_what_is_stored(tmp_path: Path, small_settings: Settings) -> None:
    records = articles("LGL/dev.jsonl", 8, skip=40)
    corpus = write_jsonl(
        tmp_path / "a.jsonl",
        [*records, _wire(records[0], outlet="x.com", suffix="\n\nSubscribe now.")],
    )
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    _ingest([corpus], one, small_settings)
    _ingest([corpus], two, replace(small_settings, batch_size=2), workers=2)
    assert snapshot(one)["documents"] != []
    a, b = snapshot(one), snapshot(two)
    # Batch size moves nothing but the order rows were written in, which is not stored.
    assert a == b
