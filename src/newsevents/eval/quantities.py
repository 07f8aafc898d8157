"""``newsevents eval quantities``: quantities against a hand-annotated gold set (issue 5).

The gold file (``gold/quantities/quantities.jsonl`` in the repository) holds references, not
copies: per article, a dataset file and record id under the shared datasets folder, and the
gold quantities as offsets into that record's ``text``. The datasets folder is
``$NEWSEVENTS_SHARED/datasets`` when that is set, else found by walking up from the gold file's
folder to a ``shared/datasets`` (the layout CI and the worktrees use). Each article's raw text
is parsed as a ``Document`` body, unchanged.

- ``span_precision/recall/f1``: predicted and gold spans match one-to-one when they overlap
  (largest overlap first);
- on matched pairs, ``value_accuracy`` (equal within 0.5 %), ``unit_accuracy``,
  ``kind_accuracy``, ``approximate_accuracy``, ``period_accuracy`` (exact, null included) and
  ``subject_accuracy`` (content words of the two subjects overlap with F1 >= 0.5);
- ``breakdown`` gives recall and value accuracy per gold kind.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..extract.actors import find_actors
from ..extract.quantities import find_quantities
from ..parse.nlp import load
from ..settings import Settings
from ..types import Document, Quantity
from . import EvalReport, prf
from .gold import gold_document
from .references import find_datasets, read_references, texts

VALUE_TOLERANCE = 0.005
SUBJECT_F1 = 0.5
FIELDS = ("value", "unit", "kind", "subject", "approximate", "period")


@dataclass(slots=True)
class _Tally:
    n_pred: int = 0
    n_gold: int = 0
    matched: int = 0
    exact: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    # Gold kind -> [gold, matched, value correct].
    kinds: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))


def evaluate(path: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    articles = read_references(path, "quantities", limit=limit)
    datasets = find_datasets(path, shared=settings.shared)
    found = texts(datasets, articles, "quantities")
    nlp = load(settings.model)
    tally = _Tally()
    errors: list[dict[str, Any]] = []
    bodies = [found[(a["dataset"], a["id"])] for a in articles]
    for article, doc in zip(articles, nlp.pipe(bodies, batch_size=8), strict=True):
        record = {"id": article["id"], "text": doc.text}
        document: Document = gold_document(record)
        actors = tuple(find_actors(doc, document=document))
        predicted = find_quantities(doc, document=document, actors=actors)
        _score(tally, predicted, article["quantities"], errors, article["id"])
    spans = prf(tally.matched, tally.n_pred, tally.n_gold)
    metrics = {
        "span_precision": spans["precision"],
        "span_recall": spans["recall"],
        "span_f1": spans["f1"],
        **{
            f"{name}_accuracy": round(tally.correct[name] / tally.matched, 4)
            if tally.matched
            else 0.0
            for name in FIELDS
        },
    }
    breakdown = {
        kind: {
            "n_gold": gold,
            "recall": round(found / gold, 4) if gold else 0.0,
            "value_accuracy": round(value / found, 4) if found else 0.0,
        }
        for kind, (gold, found, value) in sorted(tally.kinds.items())
    }
    exact = prf(tally.exact, tally.n_pred, tally.n_gold)
    return EvalReport(
        task="quantities",
        data=str(path),
        n=len(articles),
        metrics=metrics,
        breakdown=breakdown,
        details={
            "quantities": {
                "gold": tally.n_gold,
                "predicted": tally.n_pred,
                "matched": tally.matched,
            },
            "exact_span_f1": exact["f1"],
            "datasets": str(datasets),
            "errors": errors[:200],
        },
    )


def _score(
    tally: _Tally,
    predicted: list[Quantity],
    gold: list[dict[str, Any]],
    errors: list[dict[str, Any]],
    article: str,
) -> None:
    tally.n_pred += len(predicted)
    tally.n_gold += len(gold)
    pairs = _match(predicted, gold)
    tally.matched += len(pairs)
    found_p = {i for i, _ in pairs}
    found_g = {j for _, j in pairs}
    errors += [
        {"article": article, "missed": g["text"], "start": g["start"]}
        for j, g in enumerate(gold)
        if j not in found_g
    ]
    errors += [
        {"article": article, "false_alarm": p.text, "start": p.start}
        for i, p in enumerate(predicted)
        if i not in found_p
    ]
    for g in gold:
        tally.kinds[g["kind"]][0] += 1
    for i, j in pairs:
        p, g = predicted[i], gold[j]
        tally.exact += p.start == g["start"] and p.end == g["end"]
        right = {
            "value": _same_value(p.value, g["value"]),
            "unit": p.unit == g["unit"],
            "kind": p.kind == g["kind"],
            "subject": same_subject(p.subject, g["subject"]),
            "approximate": p.approximate == g["approximate"],
            "period": p.period == g["period"],
        }
        for name, ok in right.items():
            tally.correct[name] += ok
        tally.kinds[g["kind"]][1] += 1
        tally.kinds[g["kind"]][2] += right["value"]
        wrong = [name for name, ok in right.items() if not ok]
        if wrong:
            errors.append(
                {
                    "article": article,
                    "text": g["text"],
                    "wrong": wrong,
                    "predicted": p.to_dict(),
                    "gold": g,
                }
            )


def _match(predicted: list[Quantity], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    candidates = sorted(
        (
            (-(min(p.end, g["end"]) - max(p.start, g["start"])), i, j)
            for i, p in enumerate(predicted)
            for j, g in enumerate(gold)
            if min(p.end, g["end"]) > max(p.start, g["start"])
        )
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _same_value(predicted: float | None, gold: float | None) -> bool:
    if predicted is None or gold is None:
        return predicted == gold
    return abs(predicted - gold) <= VALUE_TOLERANCE * max(abs(gold), 1e-9)


def same_subject(predicted: str | None, gold: str | None) -> bool:
    """Content words of the two subjects overlap with F1 >= 0.5 (both missing is right)."""
    if not predicted or not gold:
        return not predicted and not gold
    p, g = _content_words(predicted), _content_words(gold)
    shared = len(p & g)
    if not shared:
        return False
    precision, recall = shared / len(p), shared / len(g)
    return 2 * precision * recall / (precision + recall) >= SUBJECT_F1


def _content_words(text: str) -> set[str]:
    words = {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP_WORDS}
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words}
