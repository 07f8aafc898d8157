"""Crash safety: `newsevents ingest` killed with SIGKILL, then run again, ends with exactly
the rows of one clean run (compared row for row)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from .corpus import articles, snapshot, write_jsonl

pytestmark = [pytest.mark.issue(6), pytest.mark.slow]

BATCH = "3"


def _command(corpus: Path, db: Path) -> list[str]:
    return [
        sys.executable, "-m", "newsevents", "-v", "ingest", str(corpus), "--db", str(db),
        "--batch-size", BATCH,
    ]  # fmt: skip


def _corpus(tmp_path: Path) -> Path:
    records = articles("LGL/dev.jsonl", 14, skip=100)
    # A syndicated copy late in the input, of a story early in it, and a bad line.
    copy = {**records[1], "id": "copy-of-1", "url": "https://www.example.com/copy",
            "text": records[1]["text"] + "\n\nShare this story on social media."}  # fmt: skip
    return write_jsonl(tmp_path / "corpus.jsonl", [*records, copy], bad_lines=1)


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[object]]]:
    tmp = tmp_path_factory.mktemp("clean")
    corpus = _corpus(tmp)
    db = tmp / "clean.duckdb"
    subprocess.run(_command(corpus, db), check=True, capture_output=True)
    rows = snapshot(db)
    assert len(rows["documents"]) == 15 and len(rows["duplicates"]) == 1
    assert len(rows["failures"]) == 1
    return corpus, rows  # type: ignore[return-value]


def _kill_after(command: list[str], commits: int) -> int:
    """Start the ingest, SIGKILL it after ``commits`` committed batches (0: while it loads);
    returns the number of commits seen."""
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    seen = 0
    assert process.stderr is not None
    try:
        if commits > 0:
            for line in process.stderr:
                if line.startswith("committed"):
                    seen += 1
                    if seen >= commits:
                        break
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it was killed"
    return seen


@pytest.mark.parametrize("commits", [0, 2])
def test_killed_ingest_resumes_to_the_clean_result(
    tmp_path: Path, clean_run: tuple[Path, dict[str, list[object]]], commits: int
) -> None:
    corpus, expected = clean_run
    db = tmp_path / "killed.duckdb"
    command = _command(corpus, db)
    _kill_after(command, commits)
    if commits:
        # The batches committed before the kill are there, whole.
        partial = snapshot(db)
        assert len(partial["documents"]) + len(partial["failures"]) == commits * int(BATCH)
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    assert snapshot(db) == expected
    assert "already stored" in result.stderr
    runs = (
        duckdb.connect(str(db), read_only=True)
        .execute("SELECT status FROM ingest_runs ORDER BY id")
        .fetchall()
    )
    assert runs[-1] == ("done",)
    if commits:
        assert ("interrupted",) in runs


def test_killed_twice_still_ends_clean(
    tmp_path: Path, clean_run: tuple[Path, dict[str, list[object]]]
) -> None:
    corpus, expected = clean_run
    db = tmp_path / "killed.duckdb"
    command = _command(corpus, db)
    _kill_after(command, 1)
    _kill_after(command, 2)
    subprocess.run(command, capture_output=True, check=True)
    assert snapshot(db) == expected
