"""A store holding hand-built stories with events, copies and a failure, shared by the
store and export tests (each test gets its own copy of the file)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsevents.types import ArticleRecord

from .handbuilt import copy_of, other_story, sample_with_events, write_records

# Stories: the sample (2024-07-08) and the same events reported on two later days.
LATER = (("later-1", "2024-07-20"), ("later-2", "2024-09-02"))
COPIES = (
    ("copy-1", "https://www.apnews.com/article/modi-putin"),
    ("copy-2", "https://www.example-news.com/world/modi-moscow"),
    ("copy-3", "https://apnews.com/article/modi-putin-2"),
)


@pytest.fixture(scope="session")
def rich_record(sample_record: ArticleRecord) -> ArticleRecord:
    return sample_with_events(sample_record)


@pytest.fixture(scope="session")
def _built_store(tmp_path_factory: pytest.TempPathFactory, rich_record: ArticleRecord) -> Path:
    db = tmp_path_factory.mktemp("built") / "store.duckdb"
    records = [rich_record] + [
        other_story(rich_record, doc_id=i, published=day) for i, day in LATER
    ]
    copies = [
        (copy_of(rich_record.document, doc_id=i, url=url, edit="\n\nShare this story."), "")
        for i, url in COPIES
    ]
    canonical = rich_record.document.id
    write_records(db, records, copies=[(d, canonical) for d, _ in copies])
    return db


@pytest.fixture
def store_db(_built_store: Path, tmp_path: Path) -> Path:
    db = tmp_path / "store.duckdb"
    shutil.copy(_built_store, db)
    return db
