"""The debris table, and debris found in real articles of the shared datasets."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from newsevents.clean.article import clean_article
from newsevents.clean.debris import match_paragraph, rules, strip_inline
from newsevents.settings import Settings
from newsevents.types import RawArticle

from ..conftest import DATASETS

pytestmark = pytest.mark.issue(2)

CASES: list[dict[str, str]] = json.loads(
    (Path(__file__).parent.parent / "data" / "debris_cases.json").read_text()
)


def test_table_is_well_formed() -> None:
    table = rules()
    assert len(table) >= 30
    kinds = [rule.kind for rule in table]
    assert len(kinds) == len(set(kinds))
    for rule in table:
        assert rule.action in {"drop", "strip", "caption", "byline", "date"}
        assert rule.where in {"any", "head", "tail"}
        assert rule.seen_in


def test_at_least_fifteen_real_world_kinds() -> None:
    assert len({case["kind"] for case in CASES}) >= 15


@cache
def _records(file: str) -> dict[str, dict[str, Any]]:
    with (DATASETS / file).open(encoding="utf-8") as handle:
        return {r["id"]: r for r in map(json.loads, handle)}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['kind']}-{c['id'][:40]}")
def test_real_debris(case: dict[str, str]) -> None:
    record = _records(case["file"])[case["id"]]
    settings = Settings(check_language=False)
    document = clean_article(RawArticle(source=case["id"], text=record["text"]), settings=settings)
    kind = case["kind"]
    if kind == "byline":
        assert document.byline and document.byline not in document.body
    elif kind == "caption":
        assert document.captions and document.captions[0] not in document.body
    elif kind == "dateline":
        assert document.dateline is not None and document.dateline.country is not None
    else:
        removed = [d for d in document.removed if d.kind == kind]
        assert removed
        for debris in removed:
            assert debris.text not in document.body.split("\n\n")
    assert document.body.strip()


@pytest.mark.parametrize(
    ("paragraph", "position", "kind"),
    [
        ("Story Continues", "tail", "story_continues"),
        ("Advertisement", "any", "advertisement"),
        ("Facebook Twitter Linkedin Mail", "any", "share_bar"),
        ("This story is from March 12, 2002", "any", "story_date"),
        ("Follow Pam Key on Twitter @pamkeyNEN.", "tail", "social_follow"),
        ("(Reporting by David Bailey; Editing by Cynthia Osterman.)", "tail", "reporting_by"),
        ("Media playback is unsupported on your device", "any", "media_unsupported"),
        ("Source: Al Jazeera and news agencies", "tail", "aljazeera_source"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "tail", "reuters_trust"),
        ("By HANNA ARHIROVA and MONIKA SCISLOWSKA", "head", "by_line"),
        ("___.", "any", "separator"),
    ],
)
def test_rule_matches(paragraph: str, position: Any, kind: str) -> None:
    found = match_paragraph(paragraph, position=position)
    assert found is not None and found.rule.kind == kind


@pytest.mark.parametrize(
    ("paragraph", "position"),
    [
        (
            "By winning the Republican primary in Ohio, John Kasich picked up all 66 delegates.",
            "head",
        ),
        ("Follow the money, the minister told parliament.", "any"),
        ("Advertisements ran on television for weeks.", "any"),
        ("Copyright law was at the heart of the dispute, the court said.", "any"),
    ],
)
def test_content_is_not_debris(paragraph: str, position: Any) -> None:
    assert match_paragraph(paragraph, position=position) is None


def test_photo_credits_stripped() -> None:
    caption = (
        "Putin speaks with Modi at Novo-Ogaryovo, Monday, July 8, 2024. "
        "(Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP)"
    )
    rest, removed = strip_inline(caption)
    assert rest.endswith("July 8, 2024.")
    assert removed == [("photo_credit", "(Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP)")]
    rest, removed = strip_inline("Protesters in Nairobi. REUTERS/Thomas Mukoya")
    assert rest == "Protesters in Nairobi." and removed[0][0] == "reuters_photo_credit"
