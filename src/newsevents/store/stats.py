"""What a store holds: counts per table, stories and copies, failures, dates, events, runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from .rows import RECORD_TABLES

TABLES = (*RECORD_TABLES, "duplicates", "signatures", "failures", "ingest_runs")


def _one(connection: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Any:
    row = connection.execute(sql, params or []).fetchone()
    return row[0] if row else None


def store_stats(connection: duckdb.DuckDBPyConnection, path: str | Path) -> dict[str, Any]:
    """A JSON-ready summary of the store at ``path``."""
    c = connection
    documents = int(_one(c, "SELECT count(*) FROM documents"))
    copies = int(_one(c, "SELECT count(*) FROM duplicates"))
    first, last = c.execute(
        "SELECT min(try_cast(published AS DATE)), max(try_cast(published AS DATE)) FROM documents"
    ).fetchone() or (None, None)
    event_first, event_last = c.execute("SELECT min(day), max(day) FROM events").fetchone() or (
        None,
        None,
    )
    return {
        "store": str(path),
        "bytes": Path(path).stat().st_size if Path(path).exists() else 0,
        "schema_version": int(_one(c, "SELECT max(version) FROM schema_version")),
        "tables": {t: int(_one(c, f"SELECT count(*) FROM {t}")) for t in TABLES},
        "documents": {
            "stored": documents,
            "stories": documents - copies,
            "copies": copies,
            "stories_with_copies": int(
                _one(c, "SELECT count(*) FROM stories WHERE num_articles > 1")
            ),
            "largest_story_articles": int(
                _one(c, "SELECT coalesce(max(num_articles), 0) FROM stories")
            ),
            "published_first": first.isoformat() if first else None,
            "published_last": last.isoformat() if last else None,
        },
        "events": {
            "total": int(_one(c, "SELECT count(*) FROM events")),
            "first_day": event_first.isoformat() if event_first else None,
            "last_day": event_last.isoformat() if event_last else None,
            "by_quad_class": {
                str(q): int(n)
                for q, n in c.execute(
                    "SELECT quad_class, count(*) FROM events GROUP BY 1 ORDER BY 1"
                ).fetchall()
            },
            "top_cameo_roots": {
                str(r): int(n)
                for r, n in c.execute(
                    "SELECT cameo_root, count(*) AS n FROM events GROUP BY 1 "
                    "ORDER BY n DESC, 1 LIMIT 10"
                ).fetchall()
            },
            "top_dyads": {
                f"{s}->{t}": int(n)
                for s, t, n in c.execute(
                    "SELECT source_country, target_country, count(*) AS n FROM events "
                    "WHERE source_country IS NOT NULL AND target_country IS NOT NULL "
                    "GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 10"
                ).fetchall()
            },
        },
        "failures_by_code": {
            str(code): int(n)
            for code, n in c.execute(
                "SELECT code, count(*) FROM failures GROUP BY 1 ORDER BY 1"
            ).fetchall()
        },
        "runs": [
            {
                "id": int(r[0]),
                "started": r[1].isoformat(sep=" "),
                "status": r[2],
                "read": int(r[3]),
                "new": int(r[4]),
                "duplicates": int(r[5]),
                "already_stored": int(r[6]),
                "failed": int(r[7]),
                "events": int(r[8]),
            }
            for r in c.execute(
                "SELECT id, started, status, n_read, n_new, n_duplicates, n_already_stored, "
                "n_failed, n_events FROM ingest_runs ORDER BY id DESC LIMIT 5"
            ).fetchall()
        ],
    }
