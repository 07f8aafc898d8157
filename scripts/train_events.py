"""Train the event-type classifier shipped in the package.

Usage: python scripts/train_events.py [--shared ../shared] [--tune]

Training data (train/dev splits only; never a test split), read from ``shared/datasets``:

- ``PLV/train.jsonl``: Hu et al. (2024) PLV train, 1,044 news sentences (research use; cite the
  paper);
- ``PLOVER_GSR/dev.jsonl``: PLOVER gold standard records, 322 sentences (CC BY-SA 4.0, Open
  Event Data Alliance);
- ``CAMEO_ConfliBERT/dev.jsonl``: CAMEO ConfliBERT round-7 majority annotations, 100 sentences
  (GPL-3.0). Its sentences with no event train the ``NONE`` class: each of their dictionary
  words is an example of a word used of no act;
- ``src/newsevents/models/events/news_triggers.jsonl`` (ours, MIT): 783 candidate trigger words
  in 62 of 64 articles of ``PolNeAR/train.jsonl`` (Newell et al. 2018, political news 2015-16,
  research use; cite the paper), each judged by hand by the newsevents developers as used of no
  act (``NONE``, 571) or as an act with its PLOVER type (212). Stored as article ids and
  offsets, no text. The articles are PolNeAR train shuffled with ``random.Random(13)``, taken in
  that order: for the first 25, every event the coder of round 8 (commit 4ba2d5b) output was
  judged; for the next 39, every candidate word the retrained classifier read as an event, or
  as no event with probability below 0.8, 0.75 and 0.7 in three batches. Words that were unclear
  were left unmarked. The guideline: an act is one party doing something to another that PLOVER
  types (criticising, demanding, suing, endorsing a person, meeting, attacking); opinions and
  wishes ("think", "want"), statements, figures of speech ("fight for a bill"), support for a
  policy rather than a party, commerce, polls and elections, and words inside names ("so-called")
  are no event. These examples train the event model only (``training.marked_examples``).

Only the fitted weights of two logistic regressions (over the coder's event features, and over
the sentence's TF-IDF weighted words and word pairs) and those words' IDF weights are shipped
(``src/newsevents/models/events/types.npz``, with ``types.json`` recording the files, their
sha256 and the example counts): no sentence from the data is stored in the model. ``--tune``
prints 5-fold cross-validated accuracy for a few regularisation strengths first.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsevents.eval import read_gold, sha256
from newsevents.eval.events import marked_pool, marked_provenance
from newsevents.extract.events.classifier import MODEL_FILE
from newsevents.extract.events.training import (
    MARKED_FILE,
    TEXT_C,
    C,
    examples,
    fit,
    folds,
)
from newsevents.parse.nlp import load
from newsevents.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
FILES = ("PLV/train.jsonl", "PLOVER_GSR/dev.jsonl", "CAMEO_ConfliBERT/dev.jsonl")
OUT = ROOT / "src" / "newsevents" / "models" / MODEL_FILE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--tune", action="store_true")
    args = parser.parse_args()
    nlp = load(Settings.from_env({}).model)
    items = []
    provenance = []
    for name in FILES:
        path = args.shared / "datasets" / name
        records = list(read_gold(path))
        found = examples(records, nlp.pipe(r["text"] for r in records))
        items.extend(found)
        provenance.append(
            {"file": name, "sha256": sha256(path), "records": len(records), "examples": len(found)}
        )
        print(f"{name}: {len(records)} records, {len(found)} examples")
    found = marked_pool(args.shared / "datasets", nlp)
    items.extend(found)
    articles = len({e.record for e in found})
    provenance.append(marked_provenance(args.shared / "datasets", articles, len(found)))
    print(f"{MARKED_FILE}: {articles} articles, {len(found)} examples")
    if args.tune:
        fold_of = folds([e.record for e in items])
        for c in (4.0, 16.0, 32.0, 64.0, 128.0):
            right = 0
            for k in range(max(fold_of.values()) + 1):
                train = [e for e in items if fold_of[e.record] != k]
                test = [e for e in items if fold_of[e.record] == k]
                model = fit(train, c=c)
                right += sum(model.predict(e.features)[0] == e.label for e in test)
            print(f"C={c}: 5-fold accuracy {right / len(items):.4f}")
    model = fit(items, c=C)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    model.save(OUT)
    meta = {
        "model": "logistic regression over newsevents event features"
        " + logistic regression over sentence TF-IDF words and word pairs (scores added)",
        "C": C,
        "text_C": TEXT_C,
        "text_weight": model.text_weight,
        "text_terms": len(model.text_index),
        "classes": list(model.classes),
        "features": len(model.index),
        "training": provenance,
        "script": "scripts/train_events.py",
    }
    OUT.with_suffix(".json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(
        f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes, {len(model.index)} features)"
    )


if __name__ == "__main__":
    main()
