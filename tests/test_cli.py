"""The command line through click's runner (same process, model loaded once) and, for exit
codes and stdin, through a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from newsevents import __version__
from newsevents.cli import main

from .conftest import ARTICLES, SAMPLE, assert_valid_record

pytestmark = pytest.mark.issue(2)

STORY = (
    "NEW DELHI (AP) — Indian and Russian officials met on Monday to discuss trade in oil and arms."
)


def _invoke(*args: str, input: str | bytes | None = None) -> Any:
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_version_and_help() -> None:
    result = _invoke("--version")
    assert result.exit_code == 0 and __version__ in result.output


def _commands(group: click.Group) -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in group.commands.items():
        found.append((name, command))
        if isinstance(command, click.Group):
            found += [(f"{name} {n}", c) for n, c in _commands(command)]
    return found


@pytest.mark.parametrize("name", [name for name, _ in _commands(main)])
def test_every_command_has_help(name: str) -> None:
    result = _invoke(*name.split(), "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output and len(result.output.splitlines()) > 3


def test_extract_sample_json() -> None:
    result = _invoke("extract", str(SAMPLE), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert_valid_record(data)
    assert data["document"]["published"] == "2024-07-08"


def test_extract_pretty() -> None:
    # A wide terminal, so that names are not folded over two lines.
    args = ["extract", str(SAMPLE), "--format", "pretty"]
    result = CliRunner().invoke(main, args, env={"COLUMNS": "200"}, catch_exceptions=False)
    assert result.exit_code == 0
    assert "Putin Meets Indian Prime Minister" in result.stdout
    assert "Moscow (RUS)" in result.stdout
    # Event actors appear under their resolved names with their codes.
    assert "Narendra Modi" in result.stdout and "[IND/GOV]" in result.stdout
    assert "65,000,000,000" in result.stdout  # "close to $65 billion"


def test_default_format_off_a_terminal_is_jsonl() -> None:
    result = _invoke("extract", str(SAMPLE))
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["schema"] == "newsevents.article/1"


def test_stdin_with_date() -> None:
    result = _invoke("extract", "-", "--date", "2024-07-08", "--format", "json", input=STORY)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["document"]["published"] == "2024-07-08"
    assert data["document"]["date_source"] == "argument"
    assert data["document"]["source"] == "<stdin>"


def test_batch_keeps_going_and_records_errors(tmp_path: Path) -> None:
    errors = tmp_path / "errors.jsonl"
    result = _invoke(
        "extract", str(ARTICLES / "articles.jsonl"), "--format", "jsonl", "--errors", str(errors)
    )
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["document"]["id"] for r in records] == ["wire-001", "wire-002"]
    for record in records:
        assert_valid_record(record)
    failures = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [f["code"] for f in failures] == ["NE107", "NE106", "NE201"]
    assert set(failures[0]) == {"source", "code", "error"}
    assert failures[0]["source"].endswith("articles.jsonl:3")
    # Each failure is one line on stderr naming its input.
    stderr_lines = [line for line in result.stderr.splitlines() if line.startswith("NE")]
    assert len(stderr_lines) == 3
    assert stderr_lines[2].startswith("NE201 ") and "articles.jsonl:5" in stderr_lines[2]
    assert "2 ok, 3 failed" in result.stderr


def test_directory_of_mixed_inputs(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page.html").write_text((ARTICLES / "syndication.html").read_text())
    result = _invoke("extract", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 2
    assert "NE102" in result.stderr


def test_json_format_with_several_records_is_an_array() -> None:
    result = _invoke(
        "extract",
        str(ARTICLES / "ap_kyiv.txt"),
        str(ARTICLES / "afp_paris.txt"),
        "--format",
        "json",
    )
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 2


def test_bad_date_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["extract", str(SAMPLE), "--date", "8 July"])
    assert result.exit_code == 2
    assert "NE203" in result.output or "NE203" in result.stderr


def _run_cli(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsevents", *args], input=input, capture_output=True, timeout=300
    )


BAD_INPUTS = {
    "empty.txt": (b"", "NE102"),
    "blank.txt": (b"  \n\n  ", "NE102"),
    "binary.txt": (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00" * 50, "NE103"),
    "undecodable.txt": (bytes(range(128, 256)) * 40, "NE105"),
    "malformed.json": (b'{"id": "x", "text": "MOSCOW \xe2\x80\x94 Modi', "NE106"),
    "malformed.html": (b"<html><body><script>1</script></body></html>", "NE108"),
    "german.txt": (
        "Die Bundesregierung hat am Montag neue Hilfen für die Landwirtschaft angekündigt, "
        "nachdem Landwirte wochenlang gegen die Kürzung von Subventionen protestierten.".encode(),
        "NE201",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_single_bad_input_exits_1_with_one_line(tmp_path: Path, name: str) -> None:
    content, code = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(content)
    result = _run_cli("extract", str(path), "--format", "json")
    assert result.returncode == 1
    assert result.stdout == b""
    error_lines = [line for line in result.stderr.decode().splitlines() if line.startswith("NE")]
    assert error_lines == [error_lines[0]] and error_lines[0].startswith(f"{code} {path}: ")


def test_bad_input_in_process(tmp_path: Path) -> None:
    # The same contract without a subprocess, for the default (fast) run.
    for name, (content, code) in BAD_INPUTS.items():
        path = tmp_path / name
        path.write_bytes(content)
        result = _invoke("extract", str(path), "--format", "json")
        assert result.exit_code == 1, name
        assert result.stdout == ""
        assert result.stderr.startswith(f"{code} {path}: "), (name, result.stderr)


def test_huge_input(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    result = _invoke("extract", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"NE104 {path}: ")


@pytest.mark.slow
def test_real_process_stdin_and_exit_codes() -> None:
    ok = _run_cli("extract", "-", "--format", "json", "--date", "2024-07-08", input=STORY.encode())
    assert ok.returncode == 0
    assert json.loads(ok.stdout)["document"]["published"] == "2024-07-08"
    missing = _run_cli("extract", "/nonexistent.txt")
    assert missing.returncode == 1 and missing.stderr.decode().startswith("NE101 /nonexistent.txt")
    usage = _run_cli("extract")
    assert usage.returncode == 2


@pytest.mark.issue(4)
def test_a_fold_seed_for_a_task_that_does_not_cross_validate_is_a_usage_error(
    tmp_path: Path,
) -> None:
    gold = tmp_path / "timex.jsonl"
    gold.write_text("{}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "timex", "--data", str(gold), "--seed", "14"])
    assert result.exit_code == 2
    assert "timex does not cross-validate" in result.output
