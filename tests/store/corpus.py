"""Small corpora of real articles from the shared datasets, written as JSON Lines inputs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from ..conftest import DATASETS

# Tables whose rows an ingest decides (ingest_runs and schema_version carry wall-clock times).
DATA_TABLES = (
    "documents", "actors", "mentions", "events", "quotes", "quantities", "places", "times",
    "duplicates", "signatures", "failures",
)  # fmt: skip


def articles(name: str, n: int, *, skip: int = 0) -> list[dict[str, Any]]:
    """``n`` records of a shared dataset file as ingest inputs (id, text, title, url, date)."""
    found = []
    with (DATASETS / name).open(encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if i < skip:
                continue
            if len(found) == n:
                break
            record = json.loads(line)
            meta = record.get("meta", {})
            found.append(
                {
                    "id": record["id"],
                    "text": record["text"],
                    "title": meta.get("title"),
                    "url": meta.get("url"),
                    "date": meta.get("date") or meta.get("publication_date"),
                }
            )
    return found


def write_jsonl(path: Path, records: list[dict[str, Any]], *, bad_lines: int = 0) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines += [f'{{"id": "broken-{i}", "text": ' for i in range(bad_lines)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every data table, sorted: two stores are equal row for row when equal."""
    connection = duckdb.connect(str(db), read_only=True)
    try:
        return {
            table: sorted(
                connection.execute(f"SELECT * FROM {table}").fetchall(), key=lambda r: repr(r)
            )
            for table in DATA_TABLES
        }
    finally:
        connection.close()
