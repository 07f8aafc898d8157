"""Gold files that hold references, not copies: per article, a dataset file and record id under
the shared datasets folder, and the gold spans as offsets into that record's ``text``
(``gold/quantities``, ``gold/news_triggers``, the hand-marked training words of the event
model). The articles stay in the shared datasets, several of which may not be redistributed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import NewsEventsError
from . import read_gold


def read_references(path: Path, spans: str, *, limit: int | None = None) -> list[dict[str, Any]]:
    """The articles of a gold file: ``{"dataset", "id", spans: [...]}`` per line."""
    return list(read_gold(path, limit=limit, required=("dataset", "id", spans)))


def find_datasets(path: Path, *, shared: str = "") -> Path:
    """The shared datasets folder: ``datasets`` in ``shared`` (``NEWSEVENTS_SHARED``) when
    given, else ``shared/datasets`` next to the gold file or an ancestor."""
    if shared:
        given = Path(shared) / "datasets"
        if given.is_dir():
            return given
        raise NewsEventsError("NE701", str(path), detail=f"no datasets folder in {shared}")
    for folder in path.resolve().parents:
        candidate = folder / "shared" / "datasets"
        if candidate.is_dir():
            return candidate
    raise NewsEventsError("NE701", str(path), detail="no shared/datasets folder above it")


def texts(
    datasets: Path, articles: Iterable[Mapping[str, Any]], spans: str
) -> dict[tuple[str, str], str]:
    """(dataset, id) -> the record's text, each of the article's ``spans`` checked against it
    (a changed source file is an error, not a silent shift)."""
    articles = list(articles)
    wanted: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        wanted[article["dataset"]].add(article["id"])
    found: dict[tuple[str, str], str] = {}
    for name, ids in wanted.items():
        file = datasets / name
        try:
            with file.open(encoding="utf-8") as handle:
                for line in handle:
                    record = json.loads(line)
                    if record.get("id") in ids:
                        found[(name, record["id"])] = record["text"]
        except (OSError, json.JSONDecodeError) as e:
            raise NewsEventsError("NE701", str(file), detail=str(e)) from e
        missing = ids - {i for n, i in found if n == name}
        if missing:
            raise NewsEventsError("NE701", str(file), detail=f"no records {sorted(missing)}")
    for article in articles:
        text = found[(article["dataset"], article["id"])]
        for span in article[spans]:
            if text[span["start"] : span["end"]] != span["text"]:
                raise NewsEventsError(
                    "NE701",
                    f"{article['dataset']}#{article['id']}",
                    detail=f"offsets {span['start']}-{span['end']} no longer give {span['text']!r}",
                )
    return found
