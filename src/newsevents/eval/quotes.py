"""``newsevents eval quotes``: quote attribution against PolNeAR (issue 5).

Each gold article's raw ``text`` is parsed as the body of a ``Document`` (no cleaning), so
offsets compare directly. One gold attribution is one unit: its content tokens (the exact
fragments when discontinuous), its source span and its kind. Predicted quotes sharing a cue
form one unit too, since a cue with a continued quotation is one attribution in PolNeAR.

- A predicted unit matches a gold unit when they share at least half of the shorter one's
  tokens (words; punctuation and spaces do not count); matching is one-to-one, largest
  overlap first. ``content_precision/recall/f1`` follow.
- ``speaker_accuracy``: of matched units whose gold has a source, the share whose predicted
  speaker overlaps the gold source span or is an actor with a mention there.
- ``breakdown`` splits by kind (recall by gold kind, precision by predicted kind; our
  ``partial`` counts as PolNeAR's ``mixed``) and carries the reference baseline row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from ..extract.actors import find_actors
from ..extract.quotes import find_quotes
from ..parse.nlp import load
from ..settings import Settings
from ..types import Actor, Quote
from . import EvalReport, prf, read_gold
from .gold import gold_document
from .quote_baselines import BASELINE_NAME, available, baseline_units

KINDS = ("direct", "indirect", "mixed")


@dataclass(frozen=True, slots=True, kw_only=True)
class Unit:
    """One attribution, gold or predicted, as the scorer sees it."""

    tokens: frozenset[int]
    kind: str
    source: tuple[int, int] | None  # character span
    # Character spans of every mention of the speaker's actor (empty when unknown).
    actor_mentions: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class Tally:
    n_pred: int = 0
    n_gold: int = 0
    matched: int = 0
    speaker_n: int = 0
    speaker_ok: int = 0
    by_kind: dict[str, list[int]] = field(
        default_factory=lambda: {k: [0, 0, 0, 0] for k in KINDS}
    )  # kind -> [pred, pred matched, gold, gold matched]

    def add(self, predicted: list[Unit], gold: list[Unit]) -> None:
        self.n_pred += len(predicted)
        self.n_gold += len(gold)
        pairs = match(predicted, gold)
        self.matched += len(pairs)
        for p in predicted:
            self.by_kind[p.kind][0] += 1
        for g in gold:
            self.by_kind[g.kind][2] += 1
        for i, j in pairs:
            self.by_kind[predicted[i].kind][1] += 1
            self.by_kind[gold[j].kind][3] += 1
            if gold[j].source is not None:
                self.speaker_n += 1
                self.speaker_ok += speaker_correct(predicted[i], gold[j])

    def metrics(self) -> dict[str, float]:
        scores = prf(self.matched, self.n_pred, self.n_gold)
        result = {
            "content_precision": scores["precision"],
            "content_recall": scores["recall"],
            "content_f1": scores["f1"],
            "speaker_accuracy": round(self.speaker_ok / self.speaker_n, 4)
            if self.speaker_n
            else 0.0,
        }
        for kind in KINDS:
            pred, pred_ok, gold, gold_ok = self.by_kind[kind]
            p = pred_ok / pred if pred else 0.0
            r = gold_ok / gold if gold else 0.0
            result[f"{kind}_f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
        return result

    def kinds(self) -> dict[str, dict[str, float]]:
        table: dict[str, dict[str, float]] = {}
        for kind in KINDS:
            pred, pred_ok, gold, gold_ok = self.by_kind[kind]
            p = pred_ok / pred if pred else 0.0
            r = gold_ok / gold if gold else 0.0
            table[kind] = {
                "precision": round(p, 4),
                "recall": round(r, 4),
                "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                "n_gold": gold,
                "n_pred": pred,
            }
        return table


def evaluate(path: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    nlp = load(settings.model)
    records = list(read_gold(path, limit=limit))
    ours, baseline = Tally(), Tally()
    texts = (r["text"] for r in records)
    for record, doc in zip(records, nlp.pipe(texts, batch_size=8), strict=True):
        meta = record.get("meta") or {}
        document = gold_document(record, published=meta.get("publication_date"))
        gold = gold_units(doc, record)
        actors = tuple(find_actors(doc, document=document))
        quotes = find_quotes(doc, document=document, actors=actors)
        ours.add(predicted_units(doc, quotes, actors), gold)
        baseline.add(baseline_units(doc), gold)
    metrics = ours.metrics()
    breakdown: dict[str, dict[str, float]] = dict(ours.kinds())
    if available():
        breakdown[BASELINE_NAME] = baseline.metrics()
    return EvalReport(
        task="quotes",
        data=str(path),
        n=len(records),
        metrics=metrics,
        breakdown=breakdown,
        details={
            "units": {"gold": ours.n_gold, "predicted": ours.n_pred, "matched": ours.matched},
            "speaker": {"scored": ours.speaker_n, "correct": ours.speaker_ok},
            "matching": "shared words >= half of the shorter unit's words, one-to-one",
            "baseline": BASELINE_NAME
            if available()
            else "textacy is not installed: pip install 'newsevents[baseline]'",
        },
    )


def word_tokens(doc: Doc, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Indexes of the word tokens (not punctuation or space) overlapping ``spans``."""
    found: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        words = [t.i for t in span if not (t.is_punct or t.is_space)]
        found.update(words or [t.i for t in span])
    return frozenset(found)


def gold_units(doc: Doc, record: dict[str, Any]) -> list[Unit]:
    units: list[Unit] = []
    for attribution in record["attributions"]:
        content = attribution["content"]
        pieces = content.get("fragments") or [content]
        source = attribution.get("source")
        units.append(
            Unit(
                tokens=word_tokens(doc, [(p["start"], p["end"]) for p in pieces]),
                kind=attribution["kind"],
                source=(source["start"], source["end"]) if source else None,
            )
        )
    return units


def predicted_units(doc: Doc, quotes: list[Quote], actors: tuple[Actor, ...]) -> list[Unit]:
    """Quotes grouped by cue (a continued quotation is part of its cue's attribution)."""
    groups: dict[tuple[int, int] | int, list[Quote]] = {}
    for number, quote in enumerate(quotes):
        key: tuple[int, int] | int = (quote.cue.start, quote.cue.end) if quote.cue else number
        groups.setdefault(key, []).append(quote)
    by_id = {a.id: a for a in actors}
    units: list[Unit] = []
    for members in groups.values():
        speaker = members[0].speaker
        actor = by_id.get(speaker.actor_id) if speaker and speaker.actor_id else None
        units.append(
            Unit(
                tokens=word_tokens(doc, [(q.start, q.end) for q in members]),
                kind=unit_kind([q.kind for q in members]),
                source=(speaker.start, speaker.end) if speaker else None,
                actor_mentions=tuple((m.start, m.end) for m in actor.mentions) if actor else (),
            )
        )
    return units


def unit_kind(kinds: list[str]) -> str:
    if all(k == "direct" for k in kinds):
        return "direct"
    if all(k == "indirect" for k in kinds):
        return "indirect"
    return "mixed"


def match(predicted: list[Unit], gold: list[Unit]) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted index, gold index), largest overlap first."""
    candidates: list[tuple[int, int, int]] = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            shared = len(p.tokens & g.tokens)
            shorter = min(len(p.tokens), len(g.tokens))
            if shared and shared * 2 >= shorter:
                candidates.append((shared, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def speaker_correct(predicted: Unit, gold: Unit) -> bool:
    if predicted.source is None or gold.source is None:
        return False
    spans = (predicted.source, *predicted.actor_mentions)
    g_start, g_end = gold.source
    return any(start < g_end and g_start < end for start, end in spans)
