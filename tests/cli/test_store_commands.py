"""ingest, query, dyads, export and stats from the command line: output and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import main

from ..conftest import SAMPLE
from ..store.corpus import articles, write_jsonl

pytestmark = pytest.mark.issue(6)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_ingest_prints_a_summary_and_is_idempotent(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "a.jsonl", articles("LGL/dev.jsonl", 3), bad_lines=1)
    db = str(tmp_path / "s.duckdb")
    code, out, err = _run("ingest", str(corpus), str(SAMPLE), "--db", db)
    assert code == 0 and out == ""
    assert "NE106" in err and err.rstrip().endswith(f"-> {db}")
    assert "read 5, new 4, duplicates 0, already stored 0, failed 1, events" in err
    code, _, err = _run("ingest", str(corpus), str(SAMPLE), "--db", db)
    assert code == 0 and "read 5, new 0, duplicates 0, already stored 4, failed 1" in err


def test_ingest_of_only_bad_input_exits_1(tmp_path: Path) -> None:
    code, _, err = _run("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "s.db"))
    assert code == 1 and "NE101" in err


def test_ingest_into_a_foreign_database_exits_1(tmp_path: Path) -> None:
    import duckdb

    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INTEGER)").close()
    code, _, err = _run("ingest", str(SAMPLE), "--db", str(other))
    assert code == 1 and err.startswith(f"NE501 {other}: not a newsevents store")


def test_query_formats(store_db: Path) -> None:
    db = str(store_db)
    code, out, _ = _run("query", "--db", db, "--source", "USA", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 3 and {r["cameo"] for r in rows} == {"163"}
    code, out, _ = _run("query", "--db", db, "--plover", "ACCUSE", "--format", "csv")
    table = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(table) == 3 and table[0]["modality"] == "negated"
    code, out, _ = _run("query", "--db", db, "--cameo", "042", "--format", "json")
    assert code == 0 and [r["day"] for r in json.loads(out)] == [
        "2024-07-08",
        "2024-07-20",
        "2024-09-02",
    ]
    code, out, _ = _run("query", "--db", db, "--actor", "Modi", "--limit", "2")
    assert code == 0 and "2 events" in out and "Modi" in out and "(IND)" in out
    # The table shows dates as coded, at their own precision, not as a first day.
    code, out, _ = _run("query", "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    coarse = [r for r in rows if r["date"] and len(r["date"]) < 10]
    assert code == 0 and coarse, "the hand-built store holds a month- or year-dated event"
    # Parties carry their actor's resolved name beside the words of the mention.
    assert ("Modi", "Narendra Modi") in {(r["source"], r["source_name"]) for r in rows}
    code, out, _ = _run("query", "--db", db)
    assert code == 0 and coarse[0]["date"] in out


def test_query_bad_filter_and_missing_store_exit_1(store_db: Path, tmp_path: Path) -> None:
    code, _, err = _run("query", "--db", str(store_db), "--since", "last week")
    assert code == 1 and err.startswith("NE505 --since: invalid value 'last week'")
    code, _, err = _run("query", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1 and "NE504" in err and not (tmp_path / "none.duckdb").exists()


def test_query_usage_error_exits_2(store_db: Path) -> None:
    code, _, _ = _run("query", "--db", str(store_db), "--format", "xml")
    assert code == 2


def test_dyads_table_csv_and_sparkline(store_db: Path) -> None:
    db = str(store_db)
    args = ("dyads", "--db", db, "--source", "IND", "--target", "RUS", "--since", "2024-07-01")
    code, out, _ = _run(*args, "--format", "csv", "--modality", "any")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [(r["period"], r["events"]) for r in rows] == [
        ("2024-07-01", "6"),
        ("2024-08-01", "0"),
        ("2024-09-01", "3"),
    ]
    # By default only asserted events count; the store holds negated ones too.
    code, out, _ = _run(*args, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["events"] for r in rows] == ["4", "0", "2"]
    code, out, _ = _run(*args, "--measure", "quad", "--freq", "year", "--format", "csv")
    assert code == 0 and "q3_verbal_conflict" in out.splitlines()[0]
    code, out, _ = _run(*args, "--both", "--measure", "goldstein")
    assert code == 0 and "IND->RUS goldstein" in out and "RUS->IND goldstein" in out
    code, out, _ = _run(*args, "--format", "sparkline")
    assert code == 0 and out.startswith("IND->RUS events █▁▅")
    # The terminal reads periods as their frequency writes them; CSV keeps the first day.
    assert "2024-07 .. 2024-09" in out
    code, out, _ = _run(*args, "--freq", "week", "--modality", "any")
    assert code == 0 and "2024-W27" in out and "2024-07-01" not in out


def test_dyads_requires_both_countries(store_db: Path) -> None:
    code, _, _ = _run("dyads", "--db", str(store_db), "--source", "IND")
    assert code == 2


@pytest.mark.parametrize(
    ("fmt", "name", "extra", "n"),
    [
        # GDELT has no modality column: negated events stay out unless asked for.
        ("gdelt", "e.tsv", (), 15),
        ("gdelt", "e.tsv", ("--modality", "any"), 18),
        ("plover", "e.jsonl", (), 18),
    ],
)
def test_export_files(
    store_db: Path, tmp_path: Path, fmt: str, name: str, extra: tuple[str, ...], n: int
) -> None:
    out = tmp_path / name
    args = ("export", "--db", str(store_db), "--format", fmt, "--out", str(out), *extra)
    code, _, err = _run(*args)
    assert code == 0 and err.startswith(f"wrote {n} events to {out}")
    assert len(out.read_text(encoding="utf-8").splitlines()) == n


def test_export_tables(store_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    code, _, err = _run(
        "export", "--db", str(store_db), "--format", "parquet", "--out", str(out), "--source", "RUS"
    )
    assert code == 0 and "events 3" in err and (out / "events.parquet").exists()


def test_export_to_an_unwritable_place_exits_1(store_db: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = _run(
        "export", "--db", str(store_db), "--format", "csv", "--out", str(blocker / "dir")
    )
    assert code == 1 and err.startswith("NE507")


def test_stats(store_db: Path) -> None:
    code, out, _ = _run("stats", "--db", str(store_db), "--json")
    stats = json.loads(out)
    assert code == 0 and stats["schema_version"] == 2
    assert stats["documents"] == {
        "stored": 6,
        "stories": 3,
        "copies": 3,
        "stories_with_copies": 1,
        "largest_story_articles": 4,
        "published_first": "2024-07-08",
        "published_last": "2024-09-02",
    }
    assert stats["events"]["total"] == 18 and stats["events"]["top_dyads"]["IND->RUS"] == 12
    assert stats["events"]["by_quad_class"] == {"1": 12, "3": 3, "4": 3}
    code, out, _ = _run("stats", "--db", str(store_db))
    assert code == 0 and "schema version 2" in out and "top dyads" in out
