"""Opening a store: create it, check that it is ours, migrate an old one, refuse the rest.

A store is one DuckDB file. Its ``schema_version`` table names the application and the
schema versions applied; a file without it (or with another application's) is refused, never
written to. Migrations run in one transaction, so a failed migration leaves the store as it was.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path
from typing import Final

import duckdb

from ..errors import NewsEventsError

logger = logging.getLogger(__name__)

APPLICATION: Final = "newsevents"
# version -> (file, what it adds). A new store runs them all in order, an old one those it
# lacks: one path to every version, so new and migrated stores cannot drift apart.
MIGRATIONS: Final[dict[int, tuple[str, str]]] = {
    1: ("schema.sql", "documents, actors, mentions, events, quotes, quantities, places"),
    2: ("migrations/002_near_duplicates.sql", "near-duplicate signatures, duplicates, stories"),
}
SCHEMA_VERSION: Final = max(MIGRATIONS)
DEFAULT_DB: Final = "newsevents.duckdb"

VERSION_TABLE = """
CREATE TABLE schema_version (
    application VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    applied TIMESTAMP NOT NULL DEFAULT current_timestamp,
    description VARCHAR NOT NULL,
    PRIMARY KEY (application, version)
)
"""


def migration_sql(version: int) -> str:
    return _package_text(MIGRATIONS[version][0])


def _package_text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def open_store(path: str | Path, *, write: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the store at ``path``, at the current schema version.

    ``write=True`` creates the store when it does not exist and returns the read-write
    connection (only the writer asks for one). Read-only opening of an old store migrates it
    first through a short read-write connection.
    """
    name = str(path)
    if not Path(name).exists():
        if not write:
            raise NewsEventsError("NE504", name)
        connection = _connect(name, read_only=False)
        _initialize(connection, name)
        return connection
    connection = _connect(name, read_only=not write)
    try:
        found = _version(connection, name)
        if found < SCHEMA_VERSION:
            if not write:
                connection.close()
                _connect_and_migrate(name)
                connection = _connect(name, read_only=True)
            else:
                migrate(connection, name, found)
    except BaseException:
        connection.close()
        raise
    return connection


def _connect(name: str, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(name, read_only=read_only)
    except duckdb.IOException as e:
        message = str(e).split("\n")[0]
        if "lock" in message.lower():
            detail = "it is locked by another process, probably an ingest still running"
        elif "not a valid duckdb" in message.lower() or "database file" in message.lower():
            raise NewsEventsError("NE501", name, detail="not a DuckDB database file") from e
        else:
            detail = message
        raise NewsEventsError("NE503", name, detail=detail) from e
    except duckdb.Error as e:
        raise NewsEventsError("NE503", name, detail=str(e).split("\n")[0]) from e


def _connect_and_migrate(name: str) -> None:
    connection = _connect(name, read_only=False)
    try:
        migrate(connection, name, _version(connection, name))
    finally:
        connection.close()


def _tables(connection: duckdb.DuckDBPyConnection) -> list[str]:
    rows = connection.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
        "ORDER BY table_name"
    ).fetchall()
    return [str(r[0]) for r in rows]


def _version(connection: duckdb.DuckDBPyConnection, name: str) -> int:
    """The store's schema version; initializes an empty file; raises for a foreign one."""
    tables = _tables(connection)
    if not tables:
        _initialize(connection, name)
        return SCHEMA_VERSION
    if "schema_version" not in tables:
        listed = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise NewsEventsError("NE501", name, detail=f"it has tables {listed} and no schema_version")
    try:
        row = connection.execute(
            "SELECT max(version) FROM schema_version WHERE application = ?", [APPLICATION]
        ).fetchone()
    except duckdb.Error as e:
        raise NewsEventsError("NE501", name, detail="its schema_version table is not ours") from e
    if row is None or row[0] is None:
        raise NewsEventsError("NE501", name, detail="its schema_version names another application")
    found = int(row[0])
    if found > SCHEMA_VERSION:
        raise NewsEventsError("NE502", name, found=found, supported=SCHEMA_VERSION)
    return found


def _initialize(connection: duckdb.DuckDBPyConnection, name: str) -> None:
    try:
        connection.execute("BEGIN TRANSACTION")
        connection.execute(VERSION_TABLE)
        for version, (_, description) in sorted(MIGRATIONS.items()):
            connection.execute(migration_sql(version))
            connection.execute(
                "INSERT INTO schema_version (application, version, description) VALUES (?, ?, ?)",
                [APPLICATION, version, description],
            )
        connection.execute("COMMIT")
    except duckdb.Error as e:
        connection.execute("ROLLBACK")
        raise NewsEventsError("NE503", name, detail=f"cannot create the schema: {e}") from e


def migrate(connection: duckdb.DuckDBPyConnection, name: str, found: int) -> None:
    """Apply every migration after ``found``, all in one transaction."""
    pending = [v for v in sorted(MIGRATIONS) if v > found]
    if not pending:
        return
    logger.info("migrating %s from schema version %d to %d", name, found, SCHEMA_VERSION)
    version = pending[0]
    try:
        connection.execute("BEGIN TRANSACTION")
        for version in pending:
            connection.execute(migration_sql(version))
            connection.execute(
                "INSERT INTO schema_version (application, version, description) VALUES (?, ?, ?)",
                [APPLICATION, version, MIGRATIONS[version][1]],
            )
        connection.execute("COMMIT")
    except duckdb.Error as e:
        connection.execute("ROLLBACK")
        raise NewsEventsError("NE506", name, version=version, detail=str(e)) from e
