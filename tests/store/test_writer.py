"""The writer: one transaction per batch, so a failing batch leaves nothing behind."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newsevents.store.dedup import signature
from newsevents.store.writer import BatchCounts, Canonical, Writer
from newsevents.types import ArticleRecord, Failure

from .corpus import snapshot

pytestmark = pytest.mark.issue(6)


def test_a_batch_that_fails_midway_writes_nothing(
    tmp_path: Path, rich_record: ArticleRecord
) -> None:
    db = tmp_path / "s.duckdb"
    good = Canonical(record=rich_record, signature=signature(rich_record.document.body))
    with Writer(db) as writer:
        writer.start_run(["x"])
        writer.write([good], BatchCounts(read=1, already_stored=0))
    before = snapshot(db)
    with Writer(db) as writer:
        writer.run_id = 1
        other = replace(rich_record, document=replace(rich_record.document, id="other"))
        # The second item repeats a stored id: the insert fails after "other" and a failure
        # row were already sent, and the whole batch must roll back.
        batch = [
            Canonical(record=other, signature=good.signature),
            Failure(source="bad.txt", code="NE102", message="input is empty"),
            good,
        ]
        with pytest.raises(Exception, match=r"(?i)constraint|duplicate"):
            writer.write(batch, BatchCounts(read=3, already_stored=0))
        row = writer.connection.execute("SELECT n_read, n_new FROM ingest_runs").fetchone()
        assert row == (1, 1)
    assert snapshot(db) == before


def test_sequence_numbers_continue_across_writers(
    tmp_path: Path, rich_record: ArticleRecord
) -> None:
    db = tmp_path / "s.duckdb"
    for i in range(3):
        record = replace(rich_record, document=replace(rich_record.document, id=f"d{i}"))
        with Writer(db) as writer:
            assert len(writer.index) == i  # the stories stored so far, reloaded
            writer.write(
                [Canonical(record=record, signature=signature(record.document.body))],
                BatchCounts(read=1, already_stored=0),
            )
    rows = snapshot(db)["documents"]
    assert sorted((r[0], r[1]) for r in rows) == [("d0", 1), ("d1", 2), ("d2", 3)]
