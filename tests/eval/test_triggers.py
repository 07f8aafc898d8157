"""The news-trigger scorer: hand-judged words of real articles, resolved in the shared datasets,
scored against what the coder codes at each word (issue 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.errors import NewsEventsError
from newsevents.eval.references import read_references, texts
from newsevents.eval.triggers import evaluate
from newsevents.settings import Settings

from ..conftest import DATASETS, ROOT

pytestmark = pytest.mark.issue(4)

GOLD = ROOT / "gold" / "news_triggers" / "polnear_dev.jsonl"


def test_gold_file_holds_judged_words_of_dev_articles() -> None:
    articles = read_references(GOLD, "triggers")
    labels = [t["label"] for a in articles for t in a["triggers"]]
    assert labels.count("EVENT") == 40 and labels.count("NONE") == 119
    assert {a["dataset"] for a in articles} == {"PolNeAR/dev.jsonl"}
    # Every offset still gives its word in the shared text.
    assert len(texts(DATASETS, articles, "triggers")) == len(articles)


def test_scores_each_judged_word_against_the_coder() -> None:
    report = evaluate(GOLD, settings=Settings.from_env({}, shared=str(DATASETS.parent)), limit=4)
    counts = report.breakdown["counts"]
    judged = sum(len(a["triggers"]) for a in read_references(GOLD, "triggers", limit=4))
    assert report.n == judged == counts["acts"] + counts["none"]
    assert report.metrics["event_recall"] == round(counts["acts_coded"] / counts["acts"], 4)
    assert report.metrics["no_event_accuracy"] == round(
        (counts["none"] - counts["none_coded"]) / counts["none"], 4
    )
    # Every miss names its article and word.
    assert all({"id", "word", "label", "coded"} <= m.keys() for m in report.details["misses"])


def test_a_moved_word_is_a_named_error(tmp_path: Path) -> None:
    article = read_references(GOLD, "triggers", limit=1)[0]
    article["triggers"][0]["start"] += 1
    moved = tmp_path / "moved.jsonl"
    moved.write_text(json.dumps(article) + "\n", encoding="utf-8")
    with pytest.raises(NewsEventsError, match=r"NE701 .*no longer give"):
        texts(DATASETS, read_references(moved, "triggers"), "triggers")
