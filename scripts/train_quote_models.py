"""Train the quote-attribution models on PolNeAR train and write their weight tables.

    python scripts/train_quote_models.py --data ../shared/datasets/PolNeAR/train.jsonl

Two logistic-regression models, shipped in ``src/newsevents/extract/data/``:

- ``cue_model.tsv``: is a token an attribution cue? Every candidate token
  (``cues.is_candidate``) of every article is an example, positive when it is the syntactic
  head of a gold cue span; features from ``cues.cue_features``.
- ``source_model.tsv``: which noun phrase head near a gold cue is its source? Every
  candidate (``sources.candidates``) is an example, positive when it lies in the gold source
  span; features from ``sources.source_features``.

Regularisation strength and thresholds are chosen by 5-fold cross-validation over articles
(grouped: no article is in two folds), and the cross-validated figures are written into each
file's header. The final models are fitted on all of train (scikit-learn, a dependency of the
package). PolNeAR dev is never read here: it is kept for ``newsevents eval quotes``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from spacy.tokens import Doc, DocBin

from newsevents.extract import cues, sources
from newsevents.extract.attribution import find_source
from newsevents.extract.quote_lexicons import lexicons
from newsevents.extract.quote_marks import find_quotations
from newsevents.parse.nlp import load
from newsevents.settings import Settings

OUT = Path(__file__).resolve().parent.parent / "src" / "newsevents" / "extract" / "data"
C_VALUES = (0.1, 0.3, 1.0)
CUE_THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.71, 0.05))
SOURCE_THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
MIN_WEIGHT = 5e-3
# Features seen on fewer examples than this are dropped: they cannot be weighed reliably and
# would only bloat the shipped tables.
MIN_COUNT = 5
PROVENANCE = [
    "# Trained on PolNeAR train ({n} articles; Newell, Margolin, Ruths 2018, LREC;",
    "# networkdynamics/PolNeAR c3eee833) by scripts/train_quote_models.py.",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="PolNeAR train.jsonl")
    parser.add_argument("--cache", type=Path, help="parsed DocBin to reuse (written if absent)")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the model tables")
    parser.add_argument("--only", choices=("cue", "source"), help="train one model only")
    parser.add_argument("--c", type=float, help="use this regularisation strength, no search")
    args = parser.parse_args()
    if "test" in args.data.name or "dev" in args.data.name:
        parser.error("train the quote models on the train split only")

    records = [json.loads(line) for line in args.data.open(encoding="utf-8") if line.strip()]
    docs = _parse(records, args.cache)
    c_values = (args.c,) if args.c else C_VALUES
    if args.only in (None, "cue"):
        _train_cue(records, docs, c_values, args.out / cues.MODEL_FILE)
    if args.only in (None, "source"):
        _train_source(records, docs, c_values, args.out / sources.MODEL_FILE)


def _train_cue(records: list[dict[str, Any]], docs: list[Doc], c_values: Any, out: Path) -> None:
    rows: list[list[str]] = []
    labels: list[int] = []
    groups: list[int] = []
    lex = lexicons()
    for number, (record, doc) in enumerate(zip(records, docs, strict=True)):
        quoted = cues.quoted_tokens(doc, find_quotations(doc.text))
        gold = _cue_heads(doc, record)
        first_line = cues.first_line_end(doc)
        for token in doc:
            if cues.is_candidate(token):
                rows.append(cues.cue_features(token, quoted, lex, first_line))
                labels.append(int(token.i in gold))
                groups.append(number)
    x, vectorizer = _vectorize(rows)
    y = np.array(labels)
    print(f"cue: {len(records)} articles, {len(y)} candidates, {int(y.sum())} gold cue heads")

    def score(c: float, probabilities: Any) -> tuple[float, float, dict[str, float]]:
        best = max(
            ((t, _prf(y, probabilities >= t)) for t in CUE_THRESHOLDS), key=lambda r: r[1]["f1"]
        )
        return best[1]["f1"], best[0], best[1]

    c, threshold, stats, model = _select(x, y, groups, c_values, score)
    header = [
        "# Attribution-cue classifier (logistic regression) over cues.cue_features.",
        *[line.format(n=len(records)) for line in PROVENANCE],
        f"# C={c}; threshold chosen by 5-fold grouped cross-validation on train.",
        f"# Cross-validated cue-head precision {stats['precision']}, recall"
        f" {stats['recall']}, F1 {stats['f1']}.",
    ]
    _write(out, header, vectorizer, model, threshold)


def _train_source(records: list[dict[str, Any]], docs: list[Doc], c_values: Any, out: Path) -> None:
    rows: list[list[str]] = []
    labels: list[int] = []
    groups: list[int] = []
    # Per attribution: (first row, last row, rule choice correct).
    examples: list[tuple[int, int, bool]] = []
    unreachable = 0
    for number, (record, doc) in enumerate(zip(records, docs, strict=True)):
        quoted = cues.quoted_tokens(doc, find_quotations(doc.text))
        for attribution in record["attributions"]:
            cue, source = attribution.get("cue"), attribution.get("source")
            if cue is None or source is None:
                continue
            span = doc.char_span(cue["start"], cue["end"], alignment_mode="expand")
            if span is None or not len(span):
                continue
            head = span.root
            rule = find_source(head, quoted)
            found = sources.candidates(head, quoted)
            hits = _source_heads(doc, found, source)
            if not any(hits):
                unreachable += 1
                continue
            first = len(rows)
            for token, hit in zip(found, hits, strict=True):
                rows.append(sources.source_features(head, token, rule=rule, quoted=quoted))
                labels.append(int(hit))
                groups.append(number)
            examples.append((first, len(rows), rule is not None and _inside(rule, source)))
    x, vectorizer = _vectorize(rows)
    y = np.array(labels)
    rule_accuracy = sum(e[2] for e in examples) / len(examples)
    print(
        f"source: {len(examples)} attributions ({unreachable} with no candidate in the gold"
        f" source), {len(y)} candidates; rule accuracy {rule_accuracy:.4f}"
    )

    def score(c: float, probabilities: Any) -> tuple[float, float, dict[str, float]]:
        results = []
        for threshold in SOURCE_THRESHOLDS:
            correct = 0
            for first, last, rule_ok in examples:
                best = first + int(np.argmax(probabilities[first:last]))
                correct += bool(y[best]) if probabilities[best] >= threshold else rule_ok
            results.append((correct / len(examples), threshold))
        accuracy, threshold = max(results)
        return accuracy, threshold, {"accuracy": round(accuracy, 4)}

    c, threshold, stats, model = _select(x, y, groups, c_values, score)
    header = [
        "# Attribution-source ranker (logistic regression) over sources.source_features.",
        *[line.format(n=len(records)) for line in PROVENANCE],
        f"# C={c}; threshold chosen by 5-fold grouped cross-validation on train.",
        f"# Cross-validated accuracy on gold cues {stats['accuracy']} (rules alone"
        f" {rule_accuracy:.4f}; {unreachable} attributions had no candidate in the source).",
    ]
    _write(out, header, vectorizer, model, threshold)


def _vectorize(rows: list[list[str]]) -> tuple[Any, DictVectorizer]:
    counts: Counter[str] = Counter(f for row in rows for f in set(row))
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(
        [{f: 1.0 for f in row if counts[f] >= MIN_COUNT} for row in rows]
    ).tocsr()
    # liblinear takes 32-bit sparse indices only.
    x.indices = x.indices.astype(np.int32)
    x.indptr = x.indptr.astype(np.int32)
    return x, vectorizer


def _select(
    x: Any,
    y: Any,
    groups: list[int],
    c_values: Any,
    score: Callable[[float, Any], tuple[float, float, dict[str, float]]],
) -> tuple[float, float, dict[str, float], LogisticRegression]:
    """Cross-validate each C, keep the best, refit it on everything."""
    folds = list(GroupKFold(n_splits=5).split(x, y, groups))
    best: tuple[float, float, float, dict[str, float]] | None = None
    for c in c_values:
        probabilities = np.zeros(len(y))
        for train, test in folds:
            model = _model(c).fit(x[train], y[train])
            probabilities[test] = model.predict_proba(x[test])[:, 1]
        value, threshold, stats = score(c, probabilities)
        print(f"  C={c}: {stats} at threshold {threshold}")
        if best is None or value > best[0]:
            best = (value, c, threshold, stats)
    assert best is not None
    _, c, threshold, stats = best
    return c, threshold, stats, _model(c).fit(x, y)


def _model(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=2000, solver="liblinear")


def _parse(records: list[dict[str, Any]], cache: Path | None) -> list[Doc]:
    nlp = load(Settings.from_env().model)
    if cache is not None and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe((r["text"] for r in records), batch_size=16))
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return docs


def _cue_heads(doc: Doc, record: dict[str, Any]) -> set[int]:
    heads: set[int] = set()
    for attribution in record["attributions"]:
        cue = attribution.get("cue")
        if cue is None:
            continue
        span = doc.char_span(cue["start"], cue["end"], alignment_mode="expand")
        if span is not None and len(span):
            heads.add(span.root.i)
    return heads


def _source_heads(doc: Doc, found: list[Any], source: dict[str, Any]) -> list[bool]:
    """Which candidates head the gold source span: its syntactic root, or when that is no
    candidate the first candidate inside it. Only one is positive, so "Chatham House" inside
    "Chietigj Bajpaee, senior fellow at Chatham House" does not count as the source."""
    span = doc.char_span(source["start"], source["end"], alignment_mode="expand")
    inside = [_inside(t, source) for t in found]
    if span is None or not any(inside):
        return inside
    root = span.root.i
    if any(t.i == root for t in found):
        return [t.i == root for t in found]
    first = inside.index(True)
    return [i == first for i in range(len(found))]


def _inside(token: Any, span: dict[str, Any]) -> bool:
    return bool(span["start"] <= token.idx < span["end"])


def _prf(y: Any, predicted: Any) -> dict[str, float]:
    tp = int((predicted & (y == 1)).sum())
    p = tp / max(1, int(predicted.sum()))
    r = tp / max(1, int(y.sum()))
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _write(
    path: Path,
    header: list[str],
    vectorizer: DictVectorizer,
    model: LogisticRegression,
    threshold: float,
) -> None:
    names = vectorizer.get_feature_names_out()
    weights = {
        str(n): float(w) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) >= MIN_WEIGHT
    }
    lines = [
        *header,
        "feature\tweight",
        f"__bias__\t{float(model.intercept_[0]):.6f}",
        f"__threshold__\t{threshold}",
        *(f"{name}\t{w:.6f}" for name, w in sorted(weights.items())),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path}: {len(weights)} weights, threshold {threshold}")


if __name__ == "__main__":
    main()
