"""The quantities scorer: gold references resolved in the shared datasets, loose subjects, and
a clear error for a bad gold file."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import NewsEventsError
from newsevents.eval.quantities import same_subject
from newsevents.eval.references import find_datasets, read_references
from newsevents.settings import Settings

from ..conftest import DATASETS, ROOT

pytestmark = pytest.mark.issue(5)

GOLD = ROOT / "gold" / "quantities" / "quantities.jsonl"


def test_gold_file_references_the_shared_datasets() -> None:
    articles = read_references(GOLD, "quantities")
    assert sum(len(a["quantities"]) for a in articles) >= 150
    assert find_datasets(GOLD, shared=Settings.from_env().shared).resolve() == DATASETS.resolve()
    for article in articles:
        assert (DATASETS / article["dataset"]).exists()
        assert "test" not in article["dataset"]


def test_subjects_compare_by_content_words() -> None:
    assert same_subject("Indian soldiers killed", "soldiers killed")
    assert same_subject("oil imports from Russia", "its oil imports")
    assert not same_subject("India-Russia trade", "oil imports")
    assert same_subject(None, None)
    assert not same_subject("trade", None)


def test_bad_gold_files_are_named_errors(tmp_path: Path) -> None:
    broken = tmp_path / "gold.jsonl"
    broken.write_text('{"dataset": "LGL/dev.jsonl"}\n', encoding="utf-8")
    with pytest.raises(NewsEventsError, match=r"NE701 .*gold.jsonl:1: .*dataset, id and"):
        read_references(broken, "quantities")
    with pytest.raises(NewsEventsError, match="NE701"):
        read_references(tmp_path / "missing.jsonl", "quantities")
    with pytest.raises(NewsEventsError, match="no shared/datasets folder"):
        find_datasets(Path("/") / "gold.jsonl")
    # A shared folder given by NEWSEVENTS_SHARED wins over the walk up from the gold file.
    assert find_datasets(Path("/") / "gold.jsonl", shared=str(DATASETS.parent)) == DATASETS
    with pytest.raises(NewsEventsError, match="no datasets folder in"):
        find_datasets(GOLD, shared=str(tmp_path))
