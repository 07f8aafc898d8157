"""stats on an empty store and on the hand-built one."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.store.schema import open_store
from newsevents.store.stats import TABLES, store_stats

pytestmark = pytest.mark.issue(6)


def test_empty_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    stats = store_stats(open_store(path, write=True), path)
    assert stats["tables"] == dict.fromkeys(TABLES, 0)
    assert stats["documents"]["published_first"] is None and stats["events"]["total"] == 0
    assert stats["runs"] == [] and stats["bytes"] > 0


def test_counts_match_the_tables(store_db: Path) -> None:
    connection = open_store(store_db)
    stats = store_stats(connection, store_db)
    for table, n in stats["tables"].items():
        assert connection.execute(f"SELECT count(*) FROM {table}").fetchone() == (n,)
    assert stats["events"]["top_cameo_roots"] == {"04": 9, "05": 3, "11": 3, "16": 3}
    assert stats["events"]["first_day"] == "2019-01-01"
