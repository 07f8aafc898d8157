"""Every table of the store as Parquet or CSV files, one file per table, in a directory.

Without filters every table is written as stored (plus the ``stories`` view). With event
filters, ``events`` holds the matching events and the document tables hold the rows of the
documents those events come from (their copies included); run tables are left out.
CSV cannot hold lists or bytes: list columns are written as JSON arrays, bytes as hex.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final, Literal

import duckdb

from ..errors import NewsEventsError
from ..store.query import EventFilter
from ..store.rows import RECORD_TABLES

TableFormat = Literal["parquet", "csv"]

# Tables written without filters, in this order.
ALL_TABLES: Final = (
    *RECORD_TABLES,
    "duplicates",
    "signatures",
    "stories",
    "failures",
    "ingest_runs",
    "schema_version",
)


def table_select(connection: duckdb.DuckDBPyConnection, table: str, fmt: TableFormat) -> str:
    """The select list for ``table``: every column, made CSV-safe when ``fmt`` is csv."""
    columns = connection.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_name = ? AND table_schema = 'main' ORDER BY ordinal_position",
        [table],
    ).fetchall()
    parts = []
    for name, kind in columns:
        quoted = f'"{name}"'
        if fmt == "csv" and str(kind).endswith("[]"):
            parts.append(f"to_json({quoted}) AS {quoted}")
        elif fmt == "csv" and kind == "BLOB":
            parts.append(f"hex({quoted}) AS {quoted}")
        else:
            parts.append(quoted)
    return ", ".join(parts)


def _scope(table: str, where: EventFilter) -> tuple[str, list[object]] | None:
    """The WHERE clause limiting ``table`` to the filtered events' documents, or None to skip."""
    condition, params = where.where()
    docs = f"SELECT DISTINCT e.doc_id FROM events e WHERE {condition}"
    if table == "events":
        return condition, params
    if table == "documents":
        return (f"id IN ({docs}) OR id IN (SELECT doc_id FROM duplicates "
                f"WHERE canonical_id IN ({docs}))", params + params)  # fmt: skip
    if table in ("duplicates",):
        return f"canonical_id IN ({docs})", params
    if table in (*RECORD_TABLES, "signatures", "stories"):
        return f"doc_id IN ({docs})", params
    return None


def write_tables(
    connection: duckdb.DuckDBPyConnection,
    out: str | Path,
    fmt: TableFormat,
    where: EventFilter | None = None,
) -> dict[str, int]:
    """Write one ``<table>.<fmt>`` per table into the directory ``out``; rows per table."""
    where = where or EventFilter()
    target = Path(out)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise NewsEventsError("NE507", str(out), detail=e.strerror or str(e)) from e
    counts: dict[str, int] = {}
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    for table in ALL_TABLES:
        if where.is_empty():
            condition, params = "TRUE", list[object]()
        else:
            scoped = _scope(table, where)
            if scoped is None:
                continue
            condition, params = scoped
        alias = " e" if table == "events" else ""
        sql = f"SELECT {table_select(connection, table, fmt)} FROM {table}{alias} WHERE {condition}"
        path = target / f"{table}.{fmt}"
        # Each file appears complete or not at all; other files in the directory are left alone.
        partial = target / f".{table}.{fmt}.partial"
        try:
            connection.execute(f"COPY ({sql}) TO '{_literal(partial)}' ({options})", params)
            os.replace(partial, path)
        except (OSError, duckdb.Error) as e:
            partial.unlink(missing_ok=True)
            raise NewsEventsError("NE507", str(path), detail=str(e).split("\n")[0]) from e
        row = connection.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
        counts[table] = int(row[0]) if row else 0
    return counts


def _literal(path: Path) -> str:
    return str(path).replace("'", "''")
