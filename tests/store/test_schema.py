"""Stores are created, migrated, or refused with a clear message; never corrupted."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from newsevents.errors import NewsEventsError
from newsevents.store.schema import (
    APPLICATION,
    MIGRATIONS,
    SCHEMA_VERSION,
    VERSION_TABLE,
    migration_sql,
    open_store,
)

pytestmark = pytest.mark.issue(6)


def _shape(connection: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    columns = connection.execute(
        "SELECT table_name, ordinal_position, column_name, data_type, is_nullable, "
        "column_default FROM information_schema.columns WHERE table_schema = 'main' "
        "AND table_name <> 'schema_version' ORDER BY 1, 2"
    ).fetchall()
    constraints = connection.execute(
        "SELECT table_name, constraint_type, constraint_column_names::VARCHAR "
        "FROM duckdb_constraints() ORDER BY 1, 2, 3"
    ).fetchall()
    return columns + constraints


def _old_store(path: Path, version: int) -> None:
    """A store as an older newsevents left it: migrations 1..version only."""
    connection = duckdb.connect(str(path))
    connection.execute(VERSION_TABLE)
    for v in range(1, version + 1):
        connection.execute(migration_sql(v))
        connection.execute(
            "INSERT INTO schema_version (application, version, description) VALUES (?, ?, ?)",
            [APPLICATION, v, MIGRATIONS[v][1]],
        )
    connection.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_store_has_the_current_version(tmp_path: Path) -> None:
    connection = open_store(tmp_path / "new.duckdb", write=True)
    rows = connection.execute("SELECT application, version FROM schema_version").fetchall()
    assert rows == [(APPLICATION, v) for v in sorted(MIGRATIONS)]
    assert max(MIGRATIONS) == SCHEMA_VERSION


def test_new_and_migrated_stores_have_the_same_schema(tmp_path: Path) -> None:
    fresh = open_store(tmp_path / "fresh.duckdb", write=True)
    _old_store(tmp_path / "old.duckdb", 1)
    migrated = open_store(tmp_path / "old.duckdb", write=True)
    assert _shape(fresh) == _shape(migrated)
    assert fresh.execute("SELECT * FROM stories").fetchall() == []


def test_old_store_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _old_store(path, 1)
    connection = duckdb.connect(str(path))
    connection.execute(
        "INSERT INTO documents (id, seq, source, date_source, captions, body, language, "
        "paragraph_starts, paragraph_ends, removed_kinds, removed_texts, body_sha256) "
        "VALUES ('d1', 1, 'a.txt', 'none', [], 'Body.', 'en', [0], [5], [], [], 'x')"
    )
    connection.close()
    # A read-only command migrates it too (through a short read-write connection).
    migrated = open_store(path)
    assert migrated.execute("SELECT max(version) FROM schema_version").fetchone() == (2,)
    assert migrated.execute("SELECT doc_id, num_articles FROM stories").fetchall() == [("d1", 1)]


def test_foreign_duckdb_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute("CREATE TABLE sales (id INTEGER, amount DOUBLE)")
    connection.close()
    before = _sha(path)
    for write in (False, True):
        with pytest.raises(NewsEventsError) as caught:
            open_store(path, write=write)
        assert caught.value.code == "NE501"
        assert "sales" in str(caught.value) and str(path) in str(caught.value)
    assert _sha(path) == before


def test_other_applications_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute("CREATE TABLE schema_version (version INTEGER)")
    connection.execute("INSERT INTO schema_version VALUES (7)")
    connection.close()
    with pytest.raises(NewsEventsError) as caught:
        open_store(path, write=True)
    assert caught.value.code == "NE501"


def test_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 100)
    before = _sha(path)
    with pytest.raises(NewsEventsError) as caught:
        open_store(path, write=True)
    assert caught.value.code in ("NE501", "NE503")
    assert _sha(path) == before


def test_newer_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.duckdb"
    open_store(path, write=True).close()
    connection = duckdb.connect(str(path))
    connection.execute(
        "INSERT INTO schema_version (application, version, description) VALUES (?, 99, 'x')",
        [APPLICATION],
    )
    connection.close()
    with pytest.raises(NewsEventsError) as caught:
        open_store(path)
    assert caught.value.code == "NE502"
    assert "99" in str(caught.value) and "upgrade newsevents" in str(caught.value)


def test_failed_migration_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _old_store(path, 1)
    connection = duckdb.connect(str(path))
    # Something else already made a table the migration creates: the migration must fail
    # as a whole, not half-apply.
    connection.execute("CREATE TABLE duplicates (x INTEGER)")
    connection.close()
    with pytest.raises(NewsEventsError) as caught:
        open_store(path, write=True)
    assert caught.value.code == "NE506"
    connection = duckdb.connect(str(path))
    assert connection.execute("SELECT max(version) FROM schema_version").fetchone() == (1,)
    tables = {r[0] for r in connection.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert "signatures" not in tables
    columns = connection.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'ingest_runs'"
    ).fetchall()
    assert ("n_duplicates",) not in columns


def test_missing_store_is_not_created_by_readers(tmp_path: Path) -> None:
    path = tmp_path / "missing.duckdb"
    with pytest.raises(NewsEventsError) as caught:
        open_store(path)
    assert caught.value.code == "NE504"
    assert not path.exists()


def test_store_locked_by_a_writer_in_another_process(tmp_path: Path) -> None:
    path = tmp_path / "locked.duckdb"
    open_store(path, write=True).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True);"
            " time.sleep(30)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(NewsEventsError) as caught:
            open_store(path)
        assert caught.value.code == "NE503"
        assert "locked" in str(caught.value)
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    time.sleep(0.1)
    open_store(path).close()
