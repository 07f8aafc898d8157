"""Every field of a record survives the store: write, read back, compare."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents.store.records import load_record
from newsevents.store.rows import COLUMNS, event_day
from newsevents.store.schema import open_store
from newsevents.types import ArticleRecord

from ..conftest import assert_valid_record
from .handbuilt import write_records

pytestmark = pytest.mark.issue(6)


def test_handbuilt_record_is_valid(rich_record: ArticleRecord) -> None:
    assert_valid_record(rich_record.to_dict())
    assert rich_record.events and rich_record.quotes and rich_record.times


def test_record_round_trip_is_exact(rich_record: ArticleRecord, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    write_records(db, [rich_record])
    connection = open_store(db)
    loaded = load_record(connection, rich_record.document.id)
    assert loaded == rich_record
    assert loaded is not None and loaded.to_dict() == rich_record.to_dict()


def test_real_sample_round_trip(sample_record: ArticleRecord, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    write_records(db, [sample_record])
    assert load_record(open_store(db), sample_record.document.id) == sample_record


def test_unknown_document_loads_as_none(store_db: Path) -> None:
    assert load_record(open_store(store_db), "no-such-id") is None


def test_insert_columns_are_the_schema_columns(store_db: Path) -> None:
    connection = open_store(store_db)
    for table, columns in COLUMNS.items():
        found = connection.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position",
            [table],
        ).fetchall()
        assert tuple(c for (c,) in found) == columns, table


@pytest.mark.parametrize(
    ("value", "published", "expected"),
    [
        ("2024-07-08", None, dt.date(2024, 7, 8)),
        ("2024-07-08T10:00", None, dt.date(2024, 7, 8)),
        ("2022-02", "2024-07-08", dt.date(2022, 2, 1)),
        ("2019", None, dt.date(2019, 1, 1)),
        ("2024-W28", None, dt.date(2024, 7, 8)),
        (None, "2024-07-08", dt.date(2024, 7, 8)),
        ("PRESENT_REF", "2024-07-08", dt.date(2024, 7, 8)),
        ("2024-13-45", "2024-07-08", dt.date(2024, 7, 8)),
        (None, None, None),
    ],
)
def test_event_day(value: str | None, published: str | None, expected: dt.date | None) -> None:
    assert event_day(value, published) == expected
