"""Throughput of ``newsevents extract`` against bare ``nlp.pipe`` on the same articles.

Usage: python benchmarks/extract_throughput.py [--n 1000] [--shared ../shared]

Takes the first N articles of the shared datasets' news articles (PolNeAR, IndiaPoliceEvents,
LGL, GeoWebNews, in that order, cycling if N is larger), runs
  1. the baseline: ``nlp.pipe`` over the raw article texts, and
  2. the product: the full pipeline (read records -> clean -> nlp.pipe -> extract),
in the same process after a warm-up, and prints both rates and their ratio.
"""

from __future__ import annotations

import argparse
import json
import time
from itertools import cycle, islice
from pathlib import Path

from newsevents.parse.nlp import load
from newsevents.pipeline import run
from newsevents.settings import Settings
from newsevents.types import ArticleRecord, RawArticle

FILES = (
    "PolNeAR/train.jsonl",
    "IndiaPoliceEvents/dev_docs.jsonl",
    "LGL/dev.jsonl",
    "GeoWebNews/dev.jsonl",
)


def articles(shared: Path, n: int) -> list[RawArticle]:
    found: list[RawArticle] = []
    for name in FILES:
        with (shared / "datasets" / name).open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                found.append(RawArticle(source=record["id"], id=record["id"], text=record["text"]))
    return list(islice(cycle(found), n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared"
    )
    args = parser.parse_args()

    settings = Settings.from_env({}, check_language=True)
    nlp = load(settings.model)
    items = articles(args.shared, args.n)
    texts = [a.text or "" for a in items]
    # Warm-up: caches (gazetteer, tables, matchers) are built here, not timed.
    list(run(items[:20], settings=settings, nlp=nlp))

    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    baseline = time.perf_counter() - start

    start = time.perf_counter()
    results = list(run(items, settings=settings, nlp=nlp))
    product = time.perf_counter() - start

    ok = sum(isinstance(r, ArticleRecord) for r in results)
    chars = sum(len(t) for t in texts)
    print(f"articles: {len(items)} ({chars / len(items):.0f} characters on average), records: {ok}")
    print(f"nlp.pipe (baseline): {len(items) / baseline:8.1f} articles/s")
    print(f"extract (product):   {len(items) / product:8.1f} articles/s")
    print(f"ratio extract/nlp.pipe: {baseline / product:.2f}")


if __name__ == "__main__":
    main()
