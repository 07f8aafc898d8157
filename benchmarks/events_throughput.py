"""Throughput of the event coder against bare ``nlp.pipe`` on the same sentences.

Usage: python benchmarks/events_throughput.py [--n 2000] [--shared ../shared]

Takes N gold sentences of the shared event sets (PLV train, PLOVER GSR, CAMEO ConfliBERT,
cycling if N is larger) and, in one process after a warm-up, times
  1. the baseline: ``nlp.pipe`` over the sentences, and
  2. the product: ``nlp.pipe`` plus ``find_events`` on every parsed sentence,
then prints both rates in sentences per second, the coder's own rate (its share of the time
only) and the ratio product/baseline.
"""

from __future__ import annotations

import argparse
import json
import time
from itertools import cycle, islice
from pathlib import Path

from newsevents.extract.events import find_events
from newsevents.parse.nlp import load
from newsevents.settings import Settings
from newsevents.types import Document

FILES = ("PLV/train.jsonl", "PLOVER_GSR/dev.jsonl", "CAMEO_ConfliBERT/dev.jsonl")


def sentences(shared: Path, n: int) -> list[str]:
    found: list[str] = []
    for name in FILES:
        with (shared / "datasets" / name).open(encoding="utf-8") as handle:
            found += [json.loads(line)["text"] for line in handle if line.strip()]
    return list(islice(cycle(found), n))


def document(text: str) -> Document:
    return Document(
        id="bench",
        source="bench",
        url=None,
        title=None,
        dateline=None,
        published="2024-07-08",
        date_source="text",
        byline=None,
        captions=(),
        body=text,
        language="en",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared"
    )
    args = parser.parse_args()
    nlp = load(Settings.from_env({}).model)
    texts = sentences(args.shared, args.n)
    # Warm-up: dictionary tables and the model arrays load here, not in the timed runs.
    for doc in nlp.pipe(texts[:50]):
        find_events(doc, document=document(doc.text))

    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    baseline = time.perf_counter() - start

    start = time.perf_counter()
    coding = 0.0
    events = 0
    for doc in nlp.pipe(texts, batch_size=64):
        began = time.perf_counter()
        events += len(find_events(doc, document=document(doc.text)))
        coding += time.perf_counter() - began
    product = time.perf_counter() - start

    n = len(texts)
    print(f"sentences: {n}, events: {events}")
    print(f"nlp.pipe (baseline):        {n / baseline:8.1f} sentences/s")
    print(f"nlp.pipe + find_events:     {n / product:8.1f} sentences/s")
    print(f"find_events alone:          {n / coding:8.1f} sentences/s")
    print(f"ratio product/nlp.pipe: {baseline / product:.2f}")


if __name__ == "__main__":
    main()
