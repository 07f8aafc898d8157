"""Cleaning whole articles: the bundled sample and our wire-style fixtures."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsevents.clean.article import clean_article
from newsevents.errors import NewsEventsError
from newsevents.read import iter_inputs
from newsevents.settings import Settings
from newsevents.types import Document, RawArticle

from ..conftest import ARTICLES, SAMPLE

pytestmark = pytest.mark.issue(2)

EXPECTED: dict[str, dict[str, Any]] = json.loads((ARTICLES / "expected.json").read_text())


def _document(name: str, settings: Settings) -> Document:
    (raw,) = list(iter_inputs([str(ARTICLES / name)], settings=settings))
    assert isinstance(raw, RawArticle)
    return clean_article(raw, settings=settings)


def test_sample_structure(settings: Settings) -> None:
    raw = RawArticle(source="sample", text=SAMPLE.read_text(encoding="utf-8"))
    document = clean_article(raw, settings=settings)
    assert document.title == (
        "Putin Meets Indian Prime Minister in Russia on His First Visit "
        "Since Moscow Sent Troops into Ukraine"
    )
    assert document.dateline is not None
    assert (document.dateline.place, document.dateline.country) == ("Moscow", "RUS")
    assert document.published == "2024-07-08"
    assert document.date_source == "caption"
    assert document.byline is not None
    assert document.byline.startswith("Pathi reported from New Delhi and Heintz from Tallinn")
    assert "Ashok Sharma" in document.byline
    # The caption is kept once, without its credit, and out of the body.
    assert len(document.captions) == 1
    assert document.captions[0].endswith("Monday, July 8, 2024.")
    assert "AP Photo" not in document.captions[0] and "via AP" not in document.captions[0]
    body = document.body
    assert body.startswith("MOSCOW — India’s Prime Minister Narendra Modi was in Moscow on Monday")
    assert "speaks with Indian Prime Minister" not in body
    assert "Story Continues" not in body
    assert "via AP" not in body
    assert "reported from New Delhi" not in body
    assert body.endswith("vegetable oil, gold and silver.")
    # Paragraphs kept, indentation gone.
    assert "\n\n    " not in body
    assert len(document.paragraphs) == 26
    for start, end in document.paragraphs:
        assert body[start:end].strip() == body[start:end] != ""
    kinds = [d.kind for d in document.removed]
    assert kinds == ["duplicate", "photo_credit", "story_continues"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_wire_styles(name: str, settings: Settings) -> None:
    expected = EXPECTED[name]
    document = _document(name, settings)
    assert document.title == expected["title"]
    if expected["dateline"] is None:
        assert document.dateline is None
    else:
        assert document.dateline is not None
        got = {k: getattr(document.dateline, k) for k in expected["dateline"]}
        assert got == expected["dateline"]
    assert (document.published, document.date_source) == (
        expected["published"],
        expected["date_source"],
    )
    for part in expected["byline_contains"]:
        assert document.byline is not None and part in document.byline
    assert len(document.captions) == expected["captions"]
    kinds = {d.kind for d in document.removed}
    assert set(expected["removed_kinds"]) <= kinds
    assert document.body.startswith(expected["body_starts"])
    for text in expected["body_excludes"]:
        assert text not in document.body


def test_date_argument_wins(settings: Settings) -> None:
    raw = RawArticle(source="x", text=SAMPLE.read_text(encoding="utf-8"), date="2020-01-01")
    document = clean_article(raw, settings=settings, date="2024-07-09")
    assert (document.published, document.date_source) == ("2024-07-09", "argument")


def test_metadata_date_beats_caption(settings: Settings) -> None:
    raw = RawArticle(
        source="x", text=SAMPLE.read_text(encoding="utf-8"), date="2024-07-09T01:00:00Z"
    )
    document = clean_article(raw, settings=settings)
    assert (document.published, document.date_source) == ("2024-07-09", "metadata")


def test_id_is_stable_hash_of_body(settings: Settings) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    a = clean_article(RawArticle(source="a", text=text), settings=settings)
    # Different debris around the same story gives the same cleaned body and id.
    b = clean_article(RawArticle(source="b", text=text + "\n\nAdvertisement\n"), settings=settings)
    assert a.id == b.id and len(a.id) == 16
    given = clean_article(RawArticle(source="c", text=text, id="wire-42"), settings=settings)
    assert given.id == "wire-42"


def test_debris_in_the_middle_only_when_unambiguous(settings: Settings) -> None:
    text = (
        "NEW DELHI (AP) — Officials met on Monday.\n\n"
        "Follow the money, the minister told parliament on Twitter.\n\n"
        "Advertisement\n\n"
        "The talks will continue on Tuesday.\n\n"
        "Follow Jane Doe on Twitter @janedoe."
    )
    document = clean_article(RawArticle(source="x", text=text), settings=settings)
    assert "Follow the money" in document.body
    assert "Advertisement" not in document.body
    assert "@janedoe" not in document.body


def test_exact_duplicate_paragraph_removed(settings: Settings) -> None:
    para = (
        "The two leaders met at the Kremlin on Tuesday and agreed to expand trade in oil and arms."
    )
    lead = "MOSCOW — Russia and India held talks on Tuesday."
    text = (
        f"{lead}\n\n{para}\n\n{para}\n\nNo agreement on payments was reached, officials said later."
    )
    document = clean_article(RawArticle(source="x", text=text), settings=settings)
    assert document.body.count("agreed to expand trade") == 1
    assert [d.kind for d in document.removed] == ["duplicate"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "NE102"),
        ("   \n\n \t ", "NE102"),
        ("Advertisement\n\nStory Continues", "NE202"),
        (
            "Le gouvernement français a annoncé lundi de nouvelles mesures pour soutenir les "
            "agriculteurs, après plusieurs semaines de manifestations et de blocages routiers.",
            "NE201",
        ),
    ],
)
def test_bad_text(text: str, code: str, settings: Settings) -> None:
    with pytest.raises(NewsEventsError) as info:
        clean_article(RawArticle(source="bad.txt", text=text), settings=settings)
    assert info.value.code == code
    assert str(info.value).startswith(f"{code} bad.txt: ")
