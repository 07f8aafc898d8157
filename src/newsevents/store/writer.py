"""The writer: the only read-write connection to a store, one transaction per batch.

Everything a batch adds (documents with their lists, near-duplicate links and signatures,
failures, the run's counters) is committed together or not at all, so a process killed at any
point leaves the store as it was after its last committed batch; re-running the same input
skips what is stored and ends with exactly the rows of one uninterrupted run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import duckdb

from .. import __version__
from ..types import ArticleRecord, Document, Failure
from .dedup import DedupSettings, Match, NearDuplicateIndex, Signature
from .rows import COLUMNS, RECORD_TABLES, Row, document_row, record_rows
from .schema import open_store

logger = logging.getLogger(__name__)

# Rows per INSERT statement: DuckDB's executemany is slow, one multi-row VALUES is fast.
ROWS_PER_STATEMENT: Final = 256


@dataclass(frozen=True, slots=True, kw_only=True)
class Canonical:
    """A new story: its full record and the signature later copies are matched against."""

    record: ArticleRecord
    signature: Signature


@dataclass(frozen=True, slots=True, kw_only=True)
class Copy:
    """A near-duplicate of a stored (or earlier in this run) canonical document."""

    document: Document
    match: Match


Item = Canonical | Copy | Failure


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchCounts:
    read: int
    already_stored: int


class Writer:
    """Opens (creating or migrating) the store read-write and writes batches to it."""

    def __init__(self, path: str | Path, *, dedup: DedupSettings | None = None) -> None:
        self.path = str(path)
        self.connection = open_store(path, write=True)
        self.index = NearDuplicateIndex(dedup)
        self.run_id: int | None = None
        self._load_index()
        row = self.connection.execute("SELECT coalesce(max(seq), 0) FROM documents").fetchone()
        self._next_seq = int(row[0] if row else 0) + 1

    def _load_index(self) -> None:
        rows = self.connection.execute(
            "SELECT s.doc_id, s.minhash, s.shingles, s.lead, s.head FROM signatures s "
            "JOIN documents d ON d.id = s.doc_id ORDER BY d.seq"
        ).fetchall()
        self.index.add_all(
            (str(i), Signature.from_blobs(bytes(m), int(n), bytes(lead), bytes(head)))
            for i, m, n, lead, head in rows
        )

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start_run(self, inputs: Sequence[str]) -> int:
        """Record a new run; runs left 'running' by a killed process become 'interrupted'."""
        c = self.connection
        c.execute("BEGIN TRANSACTION")
        c.execute("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
        row = c.execute("SELECT coalesce(max(id), 0) + 1 FROM ingest_runs").fetchone()
        run_id = int(row[0]) if row else 1
        c.execute(
            "INSERT INTO ingest_runs (id, started, status, version, inputs) "
            "VALUES (?, ?, 'running', ?, ?)",
            [run_id, _now(), __version__, list(inputs)],
        )
        c.execute("COMMIT")
        self.run_id = run_id
        return run_id

    def finish_run(self, status: str = "done") -> None:
        if self.run_id is None:
            return
        self.connection.execute(
            "UPDATE ingest_runs SET status = ?, finished = ? WHERE id = ?",
            [status, _now(), self.run_id],
        )

    def stored(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored documents."""
        wanted = sorted(set(ids))
        if not wanted:
            return set()
        rows = self.connection.execute(
            "SELECT id FROM documents WHERE id IN (SELECT unnest(?))", [wanted]
        ).fetchall()
        return {str(r[0]) for r in rows}

    def write(self, items: Sequence[Item], counts: BatchCounts) -> None:
        """Write one batch in one transaction, in order; the run's counters move with it."""
        tables: dict[str, list[Row]] = {name: [] for name in RECORD_TABLES}
        signatures: list[Row] = []
        duplicates: list[Row] = []
        failures: list[Row] = []
        stored_sources: list[str] = []
        new = copies = events = 0
        for item in items:
            if isinstance(item, Failure):
                key = hashlib.sha1(f"{item.source}\0{item.code}".encode()).hexdigest()[:16]
                failures.append((key, item.source, item.code, item.message))
                continue
            if isinstance(item, Canonical):
                document = item.record.document
                for name, rows in record_rows(item.record, seq=self._next_seq).items():
                    tables[name].extend(rows)
                signatures.append(
                    (document.id, item.signature.shingles, *item.signature.to_blobs())
                )
                new += 1
                events += len(item.record.events)
            else:
                document = item.document
                tables["documents"].append(document_row(document, seq=self._next_seq))
                match = item.match
                duplicates.append(
                    (document.id, match.canonical_id, match.jaccard, match.containment)
                )
                copies += 1
            stored_sources.append(document.source)
            self._next_seq += 1

        c = self.connection
        c.execute("BEGIN TRANSACTION")
        try:
            for name, rows in tables.items():
                _insert(c, name, COLUMNS[name], rows)
            _insert(c, "signatures", ("doc_id", "shingles", "minhash", "lead", "head"), signatures)
            _insert(
                c, "duplicates", ("doc_id", "canonical_id", "jaccard", "containment"), duplicates
            )
            _insert(c, "failures", ("id", "source", "code", "message"), failures, ignore=True)
            if stored_sources:
                # An input that failed before and is stored now is no longer a failure.
                c.execute(
                    "DELETE FROM failures WHERE source IN (SELECT unnest(?))", [stored_sources]
                )
            if self.run_id is not None:
                moved = [counts.read, new, copies, counts.already_stored, len(failures), events]
                c.execute(
                    "UPDATE ingest_runs SET n_read = n_read + ?, n_new = n_new + ?, "
                    "n_duplicates = n_duplicates + ?, n_already_stored = n_already_stored + ?, "
                    "n_failed = n_failed + ?, n_events = n_events + ? WHERE id = ?",
                    [*moved, self.run_id],
                )
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        logger.info(
            "committed %d new, %d copies, %d failed, %d events", new, copies, len(failures), events
        )


def _insert(
    connection: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Row],
    *,
    ignore: bool = False,
) -> None:
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    one = "(" + ", ".join("?" * len(columns)) + ")"
    suffix = " ON CONFLICT DO NOTHING" if ignore else ""
    for i in range(0, len(rows), ROWS_PER_STATEMENT):
        chunk = rows[i : i + ROWS_PER_STATEMENT]
        values = ", ".join([one] * len(chunk))
        connection.execute(
            f"INSERT INTO {table} ({names}) VALUES {values}{suffix}",
            [v for row in chunk for v in row],
        )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
