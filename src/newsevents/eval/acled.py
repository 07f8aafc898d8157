"""``newsevents eval acled``: the events' ACLED categories against labelled news snippets.

The gold is CASE 2021 shared task 2 (``classes`` format: one label per snippet, ACLED's 25
sub-event types plus five kinds of news ACLED does not code). Each raw snippet goes through the
whole extraction (actors, times, places, events) as an article body; the snippet's ACLED
category is that of its first asserted event carrying one (wire copy names the main happening
first), or none.

- ``sub_event_accuracy`` / ``event_type_accuracy`` over snippets with an ACLED label (a snippet
  with no category predicted is wrong), ``sub_event_macro_f1`` over their labels;
- ``mapped_sub_event_accuracy``: the same over the sub-event types ``ontology/data/acled.tsv``
  can give at all (ACLED categories that depend on who the actors are, such as "Government
  regains territory", are left out of that table on purpose);
- ``any_event_sub_event_recall``: the label is the category of some event of the snippet;
- ``non_acled_quiet``: over the snippets ACLED would not code (disasters, organised crime,
  diplomacy, claims), the share with no asserted event carrying an ACLED category.

Reference row (``breakdown["baseline_dictionary"]``): the dictionary alone, as PETRARCH
codes, the first trigger whose CAMEO code the ACLED table maps, with no classifier and no
party checks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from ..errors import NewsEventsError
from ..extract.events.triggers import candidates
from ..ontology.plover import acled_for, plover_for
from ..ontology.tables import read_tsv
from ..parse.nlp import load
from ..pipeline import extract_record
from ..settings import Settings
from ..types import Event
from . import EvalReport, confusion_matrix, prf, read_gold
from .gold import gold_document

NONE = "none"


@cache
def categories() -> dict[str, tuple[str, str] | None]:
    """CASE 2021 label -> (ACLED event type, sub-event type), None for news ACLED does not code."""
    rows = read_tsv("newsevents.eval", "data/case2021_acled.tsv")
    return {
        r["label"]: (r["event_type"], r["sub_event_type"]) if r["event_type"] else None
        for r in rows
    }


@cache
def mapped_sub_events() -> frozenset[str]:
    """The sub-event types the ontology's ACLED table can give."""
    rows = read_tsv("newsevents.ontology", "data/acled.tsv")
    return frozenset(r["sub_event_type"] for r in rows)


def predicted(events: Sequence[Event]) -> tuple[str, str] | None:
    """The snippet's category: its first asserted event's that has one."""
    for event in sorted(events, key=lambda e: e.trigger.start):
        if event.modality == "asserted" and event.acled:
            return event.acled["event_type"], event.acled["sub_event_type"]
    return None


def dictionary_category(doc: Doc) -> tuple[str, str] | None:
    """The reference: the first dictionary trigger the ACLED table maps, type from its code."""
    for sentence in doc.sents:
        for _, match in candidates(sentence):
            mapping = plover_for(match.code) if match.code else None
            found = acled_for(match.code, mapping.type) if match.code and mapping else None
            if found:
                return found["event_type"], found["sub_event_type"]
    return None


class _Scores:
    def __init__(self) -> None:
        self.n = self.sub = self.kind = self.mapped_n = self.mapped = 0
        self.gold: Counter[str] = Counter()
        self.pred: Counter[str] = Counter()
        self.tp: Counter[str] = Counter()

    def add(self, gold: tuple[str, str], guess: tuple[str, str] | None) -> None:
        self.n += 1
        right = guess is not None and guess[1] == gold[1]
        self.sub += right
        self.kind += guess is not None and guess[0] == gold[0]
        self.gold[gold[1]] += 1
        self.pred[guess[1] if guess else NONE] += 1
        self.tp[gold[1]] += right
        if gold[1] in mapped_sub_events():
            self.mapped_n += 1
            self.mapped += right

    def macro_f1(self) -> float:
        scores = [prf(self.tp[c], self.pred[c], self.gold[c])["f1"] for c in self.gold]
        return round(sum(scores) / len(scores), 4) if scores else 0.0

    def share(self, right: int, n: int) -> float:
        return round(right / n, 4) if n else 0.0


def evaluate(path: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    records = list(read_gold(path, limit=limit, required=("text", "labels")))
    table = categories()
    unknown = sorted({label for r in records for label in r["labels"]} - set(table))
    if unknown:
        raise NewsEventsError("NE701", str(path), detail=f"labels with no ACLED row: {unknown}")
    nlp = load(settings.model)
    ours, reference = _Scores(), _Scores()
    recall = quiet = quiet_n = 0
    quiet_by_label: Counter[str] = Counter()
    n_by_label: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    records_with_label = [r for r in records if r["labels"]]
    docs = nlp.pipe(r["text"] for r in records_with_label)
    for record, doc in zip(records_with_label, docs, strict=True):
        events = extract_record(doc, gold_document(record)).events
        guess = predicted(events)
        label = record["labels"][0]
        gold = table[label]
        n_by_label[label] += 1
        if gold is None:
            quiet_n += 1
            silent = guess is None
            quiet += silent
            quiet_by_label[label] += silent
            continue
        ours.add(gold, guess)
        reference.add(gold, dictionary_category(doc))
        confusion[gold[1], guess[1] if guess else NONE] += 1
        found = {e.acled["sub_event_type"] for e in events if e.acled}
        recall += gold[1] in found
    metrics = {
        "sub_event_accuracy": ours.share(ours.sub, ours.n),
        "event_type_accuracy": ours.share(ours.kind, ours.n),
        "sub_event_macro_f1": ours.macro_f1(),
        "mapped_sub_event_accuracy": ours.share(ours.mapped, ours.mapped_n),
        "any_event_sub_event_recall": ours.share(recall, ours.n),
    }
    if quiet_n:
        metrics["non_acled_quiet"] = round(quiet / quiet_n, 4)
    breakdown: dict[str, dict[str, float]] = {
        "baseline_dictionary": {
            "sub_event_accuracy": reference.share(reference.sub, reference.n),
            "event_type_accuracy": reference.share(reference.kind, reference.n),
            "sub_event_macro_f1": reference.macro_f1(),
            "mapped_sub_event_accuracy": reference.share(reference.mapped, reference.mapped_n),
        },
        "sub_event_f1_per_label": {
            c: prf(ours.tp[c], ours.pred[c], ours.gold[c])["f1"] for c in sorted(ours.gold)
        },
        "non_acled_quiet_per_label": {
            label: round(quiet_by_label[label] / n_by_label[label], 4)
            for label in sorted(quiet_by_label.keys() | {k for k, v in table.items() if not v})
            if n_by_label[label]
        },
    }
    details: dict[str, Any] = {
        "snippets_with_acled_label": ours.n,
        "snippets_with_mapped_label": ours.mapped_n,
        "snippets_acled_does_not_code": quiet_n,
        "confusion": confusion_matrix(confusion),
    }
    return EvalReport(
        task="acled",
        data=str(path),
        n=len(records),
        metrics=metrics,
        breakdown=breakdown,
        details=details,
    )
