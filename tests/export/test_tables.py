"""Parquet and CSV exports of every table read back to exactly the store's rows."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsevents.export.tables import ALL_TABLES, table_select, write_tables
from newsevents.store.query import EventFilter
from newsevents.store.schema import open_store

pytestmark = pytest.mark.issue(6)


def _read(fmt: str, path: Path, connection: duckdb.DuckDBPyConnection, table: str) -> str:
    if fmt == "parquet":
        return f"SELECT * FROM read_parquet('{path}')"
    # CSV: read every column with the store's type (lists come back from JSON text).
    columns = connection.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_name = ? AND table_schema = 'main' ORDER BY ordinal_position",
        [table],
    ).fetchall()
    types = {name: ("VARCHAR" if kind.endswith("[]") or kind == "BLOB" else kind)
             for name, kind in columns}  # fmt: skip
    struct = "{" + ", ".join(f"'{n}': '{t}'" for n, t in types.items()) + "}"
    return f"SELECT * FROM read_csv('{path}', header = true, columns = {struct})"


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_every_table_round_trips(store_db: Path, tmp_path: Path, fmt: str) -> None:
    connection = open_store(store_db)
    out = tmp_path / "export"
    counts = write_tables(connection, out, fmt)  # type: ignore[arg-type]
    assert list(counts) == list(ALL_TABLES)
    assert counts["documents"] == 6 and counts["events"] == 18 and counts["duplicates"] == 3
    for table in ALL_TABLES:
        path = out / f"{table}.{fmt}"
        assert path.exists(), table
        stored = f"SELECT {table_select(connection, table, fmt)} FROM {table}"  # type: ignore[arg-type]
        exported = _read(fmt, path, connection, table)
        assert connection.execute(f"SELECT count(*) FROM ({exported})").fetchone() == (
            counts[table],
        )
        for a, b in ((stored, exported), (exported, stored)):
            missing = connection.execute(f"SELECT count(*) FROM ({a} EXCEPT ALL {b})").fetchone()
            assert missing == (0,), f"{table}: rows differ after the {fmt} round trip"


def test_filtered_export_keeps_the_documents_of_matching_events(
    store_db: Path, tmp_path: Path
) -> None:
    connection = open_store(store_db)
    counts = write_tables(connection, tmp_path / "usa", "parquet", EventFilter(source="USA"))
    assert counts["events"] == 3
    # The three stories, plus the sample's three copies.
    assert counts["documents"] == 6 and counts["duplicates"] == 3
    assert "ingest_runs" not in counts and "failures" not in counts
    assert counts["actors"] == 15
    codes = connection.execute(
        f"SELECT DISTINCT source_country FROM read_parquet('{tmp_path / 'usa' / 'events.parquet'}')"
    ).fetchall()
    assert codes == [("USA",)]


def test_other_files_in_the_directory_are_left_alone(store_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    write_tables(open_store(store_db), out, "csv", EventFilter(source="RUS"))
    assert (out / "notes.txt").read_text() == "mine"
    assert not list(out.glob(".*partial"))
