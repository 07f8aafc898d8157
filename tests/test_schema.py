"""The record format: schema, offset invariant, determinism."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from newsevents.pipeline import extract_text
from newsevents.schemas import article_schema, offset_problems
from newsevents.settings import Settings
from newsevents.types import ArticleRecord

from .conftest import SAMPLE, assert_valid_record

pytestmark = pytest.mark.issue(2)

TOP_LEVEL = ["schema", "document", "actors", "times", "places", "events", "quotes", "quantities"]


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(article_schema())


def test_sample_record_is_valid(sample_dict: dict[str, Any]) -> None:
    assert sorted(sample_dict) == sorted(TOP_LEVEL)
    assert sample_dict["schema"] == "newsevents.article/1"
    assert_valid_record(sample_dict)


def test_offset_checker_catches_a_bad_span(sample_dict: dict[str, Any]) -> None:
    broken = json.loads(json.dumps(sample_dict))
    broken["document"]["dateline"]["end"] += 1
    assert offset_problems(broken)


def test_same_input_same_bytes(settings: Settings, sample_record: ArticleRecord) -> None:
    again = extract_text(SAMPLE.read_text(encoding="utf-8"), source=str(SAMPLE), settings=settings)
    first = json.dumps(sample_record.to_dict(), sort_keys=True)
    assert json.dumps(again.to_dict(), sort_keys=True) == first


def test_schema_documents_every_document_field(sample_dict: dict[str, Any]) -> None:
    properties = article_schema()["properties"]["document"]["properties"]
    assert sorted(properties) == sorted(sample_dict["document"])
