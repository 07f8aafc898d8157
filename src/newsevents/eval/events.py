"""``newsevents eval events``: event coding against gold event sentences, end to end.

The coder reads each raw gold sentence and finds its events itself. Per gold event (one with a
PLOVER type; CAMEO 01/02-only events have none) the predicted event whose source and target
overlap the gold ones most is scored, else the most confident one; a sentence with no
predicted event counts as wrong.

Metrics: ``type_macro_f1`` and ``type_accuracy`` (a prediction is right when it is one of the
gold ``label_candidates``), ``cameo_root_accuracy`` where the gold has a root (and
``cameo_root_accuracy_plover`` over roots 03-20, the ones the coder emits), ``source_f1`` and
``target_f1`` (a predicted span matches when it shares a content word with the gold span,
abbreviations such as "US" and "U.N." included;
``*_strict`` ask for token F1 >= 0.5). Where the gold has sentences with no event (CAMEO
ConfliBERT's raters found none in half of its sentences), ``no_event_accuracy`` is the share of
them in which the coder asserts nothing: the only precision figure these gold sets allow, since
their other sentences are not exhaustively annotated.

When the shipped model was trained on the evaluated file (its sha256 is in
``models/events/types.json``), the figures are 5-fold cross-validated: for each fold the
classifier is retrained on every training file minus that fold's records, and scores only the
records it did not see. Reference rows (``breakdown``): the bag-of-words baseline of issue 4
(TF-IDF word 1-2 grams + logistic regression on PLV train + PLOVER GSR, cross-validated the
same way) and the parse baseline (subject of the root verb as source, its object as target).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ..errors import NewsEventsError
from ..extract.events import code_sentence
from ..extract.events.classifier import MODEL_FILE, MODEL_PACKAGE, TypeModel, shipped_model
from ..extract.events.training import (
    FOLDS,
    MARKED_FILE,
    SEED,
    Example,
    examples,
    fit,
    folds,
    marked_annotations,
    marked_examples,
)
from ..parse.nlp import load
from ..settings import Settings
from ..types import Event
from . import EvalReport, confusion_matrix, prf, read_gold, sha256
from .gold import gold_document
from .references import texts

BASELINE_FILES = ("PLV/train.jsonl", "PLOVER_GSR/dev.jsonl")
# The figures reported per fold seed when several are asked for.
HEADLINE = ("type_macro_f1", "type_accuracy", "source_f1", "target_f1")


def _training() -> list[dict[str, Any]]:
    name = MODEL_FILE.removesuffix(".npz") + ".json"
    with resources.files(MODEL_PACKAGE).joinpath(name).open(encoding="utf-8") as f:
        meta: dict[str, Any] = json.load(f)
    training: list[dict[str, Any]] = meta["training"]
    return training


def _content(doc: Doc, start: int, end: int) -> set[int]:
    """The content words of a span. Abbreviations count: "U.S." and "U.N." are not alphabetic
    and "US" is the stop word "us" lower-cased, yet each names a party."""
    return {t.i for t in doc if start <= t.idx < end and _is_content(t.text, t.lower_)}


def _is_content(text: str, lower: str) -> bool:
    if not any(c.isalnum() for c in text):
        return False
    return lower not in STOP_WORDS or (text.isupper() and len(text) > 1)


def span_match(
    doc: Doc, pred: tuple[int, int] | None, gold: dict[str, Any] | None
) -> tuple[bool, bool]:
    """(shares a content word, token F1 >= 0.5) for a predicted and a gold span."""
    if pred is None or not gold or gold.get("start") is None:
        return False, False
    p = _content(doc, *pred)
    g = _content(doc, gold["start"], gold["end"])
    common = len(p & g)
    if not common:
        return False, False
    f1 = 2 * common / (len(p) + len(g))
    return True, f1 >= 0.5


def _span(actor: Any) -> tuple[int, int] | None:
    if actor is None or actor.start is None or actor.end is None:
        return None
    return int(actor.start), int(actor.end)


def _overlap(pred: tuple[int, int] | None, gold: dict[str, Any] | None) -> int:
    if pred is None or not gold or gold.get("start") is None:
        return 0
    return max(0, min(pred[1], int(gold["end"])) - max(pred[0], int(gold["start"])))


def select(events: Sequence[Event], gold: dict[str, Any]) -> Event | None:
    """The predicted event scored against ``gold``."""
    if not events:
        return None

    def key(e: Event) -> tuple[int, float]:
        score = _overlap(_span(e.source), gold.get("source")) + _overlap(
            _span(e.target), gold.get("target")
        )
        return score, e.confidence

    return max(events, key=key)


class _Tally:
    def __init__(self) -> None:
        self.n = 0
        self.right = 0
        self.gold: Counter[str] = Counter()
        self.pred: Counter[str] = Counter()
        self.tp: Counter[str] = Counter()
        self.confusion: Counter[tuple[str, str]] = Counter()

    def add(self, candidates: Sequence[str], gold_label: str | None, predicted: str) -> None:
        label = gold_label or (predicted if predicted in candidates else candidates[0])
        self.n += 1
        self.gold[label] += 1
        self.pred[predicted] += 1
        self.confusion[label, predicted] += 1
        if predicted in candidates:
            self.right += 1
            self.tp[label] += 1

    def macro_f1(self) -> float:
        scores = [prf(self.tp[c], self.pred[c], self.gold[c])["f1"] for c in self.gold]
        return round(sum(scores) / len(scores), 4) if scores else 0.0

    def per_label(self) -> dict[str, float]:
        return {c: prf(self.tp[c], self.pred[c], self.gold[c])["f1"] for c in sorted(self.gold)}

    def accuracy(self) -> float:
        return round(self.right / self.n, 4) if self.n else 0.0


class _Spans:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, role: str, doc: Doc, pred: tuple[int, int] | None, gold: Any) -> None:
        has_gold = bool(gold) and gold.get("start") is not None
        self.counts[role + "_gold"] += has_gold
        self.counts[role + "_pred"] += pred is not None
        loose, strict = span_match(doc, pred, gold)
        self.counts[role + "_tp"] += loose
        self.counts[role + "_tp_strict"] += strict

    def f1(self, role: str, strict: bool = False) -> float:
        tp = self.counts[role + ("_tp_strict" if strict else "_tp")]
        return prf(tp, self.counts[role + "_pred"], self.counts[role + "_gold"])["f1"]


def _gold_events(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in record.get("events", []) if e.get("label_candidates")]


def _training_examples(
    path: Path, records: list[dict[str, Any]], docs: list[Doc], nlp: Any
) -> tuple[list[Example], list[Example]] | None:
    """(the other training files' examples, the evaluated file's own) when the shipped model
    was trained on ``path``; None when it was not, and the shipped model may score it."""
    digest = sha256(path)
    training = _training()
    if digest not in {t["sha256"] for t in training}:
        return None
    root = path.resolve().parent.parent
    pool: list[Example] = []
    own: list[Example] = []
    for entry in training:
        if "marked" in entry:
            pool.extend(_marked_pool(path, root, entry, nlp))
            continue
        if entry["sha256"] == digest:
            own = examples(records, docs)
            continue
        other = root / entry["file"]
        if not other.exists() or sha256(other) != entry["sha256"]:
            raise NewsEventsError(
                "NE702", str(path), detail=f"cross-validation needs {entry['file']} beside it"
            )
        gold = list(read_gold(other))
        pool.extend(examples(gold, nlp.pipe(r["text"] for r in gold)))
    return pool, own


def marked_provenance(datasets: Path, articles: int, found: int) -> dict[str, Any]:
    """The ``types.json`` training entry of the hand-marked trigger words: the annotation
    file's digest and those of the dataset files it points into."""
    source = resources.files(MODEL_PACKAGE).joinpath(MARKED_FILE)
    names = sorted({a["dataset"] for a in marked_annotations()})
    return {
        "marked": MARKED_FILE,
        "sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
        "datasets": {name: sha256(datasets / name) for name in names},
        "records": articles,
        "examples": found,
    }


def marked_pool(datasets: Path, nlp: Any) -> list[Example]:
    """The examples of the hand-marked trigger words, their articles read from ``datasets``."""
    annotations = list(marked_annotations())
    found = texts(datasets, annotations, "triggers")
    articles = (found[(a["dataset"], a["id"])] for a in annotations)
    return marked_examples(annotations, nlp.pipe(articles))


def _marked_pool(path: Path, root: Path, entry: dict[str, Any], nlp: Any) -> list[Example]:
    for name, digest in entry["datasets"].items():
        other = root / name
        if not other.exists() or sha256(other) != digest:
            raise NewsEventsError(
                "NE702", str(path), detail=f"cross-validation needs {name} beside it"
            )
    return marked_pool(root, nlp)


def _models(
    records: list[dict[str, Any]],
    training: tuple[list[Example], list[Example]] | None,
    *,
    seed: int,
) -> dict[str, TypeModel]:
    """Record id -> the model that may score it: the shipped one, or, for a file it was
    trained on, one retrained without the record's fold."""
    if training is None:
        model = shipped_model()
        return {str(r["id"]): model for r in records}
    pool, own = training
    fold_of = folds([str(r["id"]) for r in records], seed=seed)
    chosen: dict[str, TypeModel] = {}
    for k in sorted(set(fold_of.values())):
        model = fit(pool + [e for e in own if fold_of[e.record] != k])
        chosen.update({rid: model for rid, f in fold_of.items() if f == k})
    return chosen


def _bag_of_words(path: Path, records: list[dict[str, Any]], *, seed: int) -> dict[str, str]:
    """Record id -> the baseline's type (TF-IDF 1-2 grams + logistic regression)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    root = path.resolve().parent.parent
    digest = sha256(path)
    pool: list[tuple[str, str]] = []
    own = False
    for name in BASELINE_FILES:
        other = root / name
        if other.exists() and sha256(other) == digest:
            own = True
            continue
        if other.exists():
            pool += [
                (r["text"], e["label"])
                for r in read_gold(other)
                for e in r.get("events", [])
                if e.get("label")
            ]
    if not pool and not own:
        return {}  # the baseline's training files are not beside the evaluated one
    ids = [str(r["id"]) for r in records]
    fold_of = folds(ids, seed=seed) if own else {i: 0 for i in ids}
    predicted: dict[str, str] = {}
    for k in sorted(set(fold_of.values())):
        train = pool + (
            [
                (r["text"], e["label"])
                for r in records
                if fold_of[str(r["id"])] != k
                for e in r.get("events", [])
                if e.get("label")
            ]
            if own
            else []
        )
        model = make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
            LogisticRegression(C=10.0, max_iter=3000),
        )
        model.fit([t for t, _ in train], [y for _, y in train])
        test = [r for r in records if fold_of[str(r["id"])] == k]
        if test:
            for r, y in zip(test, model.predict([r["text"] for r in test]), strict=True):
                predicted[str(r["id"])] = str(y)
    return predicted


def _root_dyad(doc: Doc) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None, None
    subj = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    obj = next((c for c in root.children if c.dep_ in {"dobj", "dative"}), None)

    def span(t: Any) -> tuple[int, int] | None:
        if t is None:
            return None
        sub = list(t.subtree)
        return sub[0].idx, sub[-1].idx + len(sub[-1].text)

    return span(subj), span(obj)


def evaluate(
    path: Path,
    *,
    settings: Settings,
    limit: int | None = None,
    seeds: Sequence[int] = (SEED,),
) -> EvalReport:
    """Score the coder on ``path``. Where that takes cross-validation, ``seeds`` are the fold
    seeds: with several, each metric is their mean, and ``breakdown["fold_seeds"]`` holds
    each seed's headline figures (how much of a difference the luck of the folds makes)."""
    records = list(read_gold(path, limit=limit))
    if not any(_gold_events(r) for r in records):
        raise NewsEventsError("NE701", str(path), detail="no events with a PLOVER type")
    nlp = load(settings.model)
    docs = list(nlp.pipe(r["text"] for r in records))
    training = _training_examples(path, records, docs, nlp)
    if training is None or not seeds:
        seeds = (SEED,)
    reports = [
        _score(path, records, docs, _models(records, training, seed=seed), seed=seed)
        for seed in seeds
    ]
    report = mean_report(reports, seeds)
    return replace(
        report,
        details=report.details
        | {"cross_validated": training is not None, "folds": FOLDS if training else None},
    )


def mean_report(reports: Sequence[EvalReport], seeds: Sequence[int]) -> EvalReport:
    """One report for runs with different fold seeds: each metric is the mean; the first
    run's breakdown and details stand for all, with each seed's headline figures beside."""
    first = reports[0]
    if len(reports) == 1:
        return replace(first, details=first.details | {"fold_seed": seeds[0]})
    metrics = {
        name: round(sum(r.metrics[name] for r in reports) / len(reports), 4)
        for name in first.metrics
    }
    per_seed = {
        f"seed {seed} {name}": r.metrics[name]
        for seed, r in zip(seeds, reports, strict=True)
        for name in HEADLINE
        if name in r.metrics
    }
    return replace(
        first,
        metrics=metrics,
        breakdown=first.breakdown | {"fold_seeds": per_seed},
        details=first.details
        | {"fold_seeds": list(seeds), "breakdown_and_details_of_seed": seeds[0]},
    )


def _score(
    path: Path,
    records: list[dict[str, Any]],
    docs: list[Doc],
    models: dict[str, TypeModel],
    *,
    seed: int,
) -> EvalReport:
    bow = _bag_of_words(path, records, seed=seed)

    types, spans, base_types, base_spans = _Tally(), _Spans(), _Tally(), _Spans()
    roots: Counter[str] = Counter()
    found_any = spurious = empty_sentences = 0
    asserted_in_empty = 0
    for record, doc in zip(records, docs, strict=True):
        document = gold_document(record)
        model = models[str(record["id"])]
        predicted = [e for s in doc.sents for e in code_sentence(s, model=model, document=document)]
        gold = _gold_events(record)
        if not record.get("events"):
            empty_sentences += 1
            spurious += bool(predicted)
            asserted_in_empty += any(e.modality == "asserted" for e in predicted)
        found_any += bool(predicted) and bool(gold)
        for event in record.get("events", []):
            if event.get("cameo_root"):
                chosen = select(predicted, event)
                right = chosen is not None and chosen.cameo_root == event["cameo_root"]
                roots["n"] += 1
                roots["right"] += right
                if event["cameo_root"] not in {"01", "02"}:
                    roots["n_plover"] += 1
                    roots["right_plover"] += right
        sub, obj = _root_dyad(doc)
        for event in gold:
            chosen = select(predicted, event)
            types.add(
                event["label_candidates"],
                event.get("label"),
                chosen.plover or "NONE" if chosen else "NONE",
            )
            spans.add("source", doc, _span(chosen.source) if chosen else None, event.get("source"))
            spans.add("target", doc, _span(chosen.target) if chosen else None, event.get("target"))
            base_types.add(
                event["label_candidates"], event.get("label"), bow.get(str(record["id"]), "NONE")
            )
            base_spans.add("source", doc, sub, event.get("source"))
            base_spans.add("target", doc, obj, event.get("target"))

    n_events = types.n
    metrics = {
        "type_macro_f1": types.macro_f1(),
        "type_accuracy": types.accuracy(),
        "source_f1": spans.f1("source"),
        "target_f1": spans.f1("target"),
        "source_f1_strict": spans.f1("source", strict=True),
        "target_f1_strict": spans.f1("target", strict=True),
        "coverage": round(found_any / max(1, sum(bool(_gold_events(r)) for r in records)), 4),
    }
    if empty_sentences:
        metrics["no_event_accuracy"] = round(1 - asserted_in_empty / empty_sentences, 4)
    if roots["n"]:
        metrics["cameo_root_accuracy"] = round(roots["right"] / roots["n"], 4)
    if roots["n_plover"]:
        metrics["cameo_root_accuracy_plover"] = round(roots["right_plover"] / roots["n_plover"], 4)
    breakdown: dict[str, dict[str, float]] = {}
    if bow:
        breakdown["baseline_bag_of_words"] = {
            "type_macro_f1": base_types.macro_f1(),
            "type_accuracy": base_types.accuracy(),
        }
    breakdown |= {
        "baseline_root_subject_object": {
            "source_f1": base_spans.f1("source"),
            "target_f1": base_spans.f1("target"),
        },
        "type_f1_per_label": types.per_label(),
    }
    details = {
        "gold_events_scored": n_events,
        "sentences_without_gold_events": empty_sentences,
        "spurious_sentences": spurious,
        "sentences_without_gold_events_asserting_one": asserted_in_empty,
        "span_counts": dict(spans.counts),
        "confusion": confusion_matrix(types.confusion),
    }
    return EvalReport(
        task="events",
        data=str(path),
        n=len(records),
        metrics=metrics,
        breakdown=breakdown,
        details=details,
    )
