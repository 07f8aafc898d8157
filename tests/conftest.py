"""Shared fixtures: the real model (loaded once), the bundled sample, the shared gold data."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from newsevents.pipeline import extract_text
from newsevents.schemas import article_schema, offset_problems
from newsevents.settings import Settings
from newsevents.types import ArticleRecord

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", ROOT.parent / "shared"))
SAMPLE = SHARED / "samples" / "000_1839534ac2fbbf65.txt"
DATASETS = SHARED / "datasets"
ARTICLES = Path(__file__).parent / "data" / "articles"


def pytest_configure(config: pytest.Config) -> None:
    if not SAMPLE.exists():
        raise pytest.UsageError(
            f"the shared data is missing: expected {SAMPLE} (set NEWSEVENTS_SHARED to its folder)"
        )


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.from_env({})


@pytest.fixture(scope="session")
def sample_record(settings: Settings) -> ArticleRecord:
    return extract_text(SAMPLE.read_text(encoding="utf-8"), source=str(SAMPLE), settings=settings)


@pytest.fixture(scope="session")
def sample_dict(sample_record: ArticleRecord) -> dict[str, Any]:
    data = sample_record.to_dict()
    # Through JSON and back, as users see it.
    loaded: dict[str, Any] = json.loads(json.dumps(data))
    return loaded


def assert_valid_record(data: dict[str, Any]) -> None:
    """Schema-valid, every span's offsets give back its text from the body, and no mention
    belongs to two actors."""
    jsonschema.validate(data, article_schema())
    assert offset_problems(data) == []
    owners: dict[tuple[int, int], str] = {}
    for actor in data["actors"]:
        for m in actor["mentions"]:
            key = (m["start"], m["end"])
            other = owners.get(key)
            assert other is None, f"{m['text']!r} is a mention of {other} and {actor['id']}"
            owners[key] = actor["id"]


def dev_text(name: str, record_id: str) -> str:
    """The text of one record of a shared dev file, read by id (never copied into the repo)."""
    with (DATASETS / name).open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] == record_id:
                return str(record["text"])
    raise AssertionError(record_id)
