"""``newsevents eval timex``: TIMEX3 recognition and normalisation against TempEval-3 gold.

Each gold document's raw text is parsed as it is (no cleaning, so offsets match) and
``find_times`` runs with the gold creation time (``dct``) as the publication date. Metrics, as
in TempEval-3 task A: span precision/recall/F1, strict (same offsets) and relaxed (overlap);
``value_f1``, where a relaxed match counts only when the values are equal; type accuracy over
relaxed matches. The reference row ``baseline`` is spaCy's DATE/TIME entities with values from
dateparser, measured the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import NewsEventsError
from ..extract.times import find_times
from ..parse.nlp import load
from ..settings import Settings
from . import EvalReport, prf, read_gold
from .gold import gold_document

Span = tuple[int, int, str, str | None]  # start, end, type, value

# The baseline writes a value at the granularity the words give: a year, a month, a day.
_YEAR_ONLY = re.compile(r"(?:the\s+)?(?:19|20)\d{2}")
_MONTH_NAME = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b")


def evaluate(path: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    gold_docs = list(read_gold(path, limit=limit))
    nlp = load(settings.model)
    system: list[list[Span]] = []
    baseline: list[list[Span]] = []
    gold: list[list[Span]] = []
    subcorpus: list[str] = []
    for record in gold_docs:
        if not isinstance(record.get("timexes"), list):
            raise NewsEventsError("NE701", f"{path}: {record.get('id')}", detail="no timexes list")
    for record, doc in zip(gold_docs, nlp.pipe(r["text"] for r in gold_docs), strict=True):
        document = gold_document(record, published=record.get("dct"))
        times = find_times(doc, document=document)
        system.append([(t.start, t.end, t.type, t.value) for t in times])
        baseline.append(_baseline(doc, record.get("dct")))
        gold.append([(t["start"], t["end"], t["type"], t["value"]) for t in record["timexes"]])
        subcorpus.append(str(record.get("meta", {}).get("subcorpus", "all")))
    metrics = _score(system, gold)
    breakdown = {"baseline spaCy DATE/TIME + dateparser": _score(baseline, gold)}
    for name in sorted(set(subcorpus)):
        picked = [i for i, s in enumerate(subcorpus) if s == name]
        breakdown[f"subcorpus {name}"] = _score(
            [system[i] for i in picked], [gold[i] for i in picked]
        )
    return EvalReport(
        task="timex",
        data=str(path),
        n=len(gold_docs),
        metrics=metrics,
        breakdown=breakdown,
        details={"errors": _errors(system, gold, gold_docs)},
    )


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _score(system: Sequence[Sequence[Span]], gold: Sequence[Sequence[Span]]) -> dict[str, float]:
    n_sys = sum(len(s) for s in system)
    n_gold = sum(len(g) for g in gold)
    strict = relaxed = value = typed = 0
    for sys_spans, gold_spans in zip(system, gold, strict=True):
        used: set[int] = set()
        for g in gold_spans:
            match = next(
                (i for i, s in enumerate(sys_spans) if i not in used and _overlaps(s, g)), None
            )
            if match is None:
                continue
            used.add(match)
            s = sys_spans[match]
            relaxed += 1
            strict += s[0] == g[0] and s[1] == g[1]
            value += s[3] is not None and s[3] == g[3]
            typed += s[2] == g[2]
    strict_prf = prf(strict, n_sys, n_gold)
    relaxed_prf = prf(relaxed, n_sys, n_gold)
    value_prf = prf(value, n_sys, n_gold)
    return {
        "strict_precision": strict_prf["precision"],
        "strict_recall": strict_prf["recall"],
        "strict_f1": strict_prf["f1"],
        "relaxed_precision": relaxed_prf["precision"],
        "relaxed_recall": relaxed_prf["recall"],
        "relaxed_f1": relaxed_prf["f1"],
        "value_precision": value_prf["precision"],
        "value_recall": value_prf["recall"],
        "value_f1": value_prf["f1"],
        "type_accuracy": round(typed / relaxed, 4) if relaxed else 0.0,
        "value_accuracy": round(value / relaxed, 4) if relaxed else 0.0,
    }


def _baseline(doc: Any, dct: str | None) -> list[Span]:
    """spaCy DATE/TIME entities, valued by dateparser relative to the creation time."""
    import dateparser  # slow to import; only the evaluation needs it

    base = datetime.fromisoformat(dct) if dct else None
    settings: dict[str, Any] = {"RELATIVE_BASE": base} if base else {}
    found: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        parsed = dateparser.parse(ent.text, languages=["en"], settings=settings)
        if parsed is None:
            value = None
        elif ent.label_ == "TIME":
            value = parsed.strftime("%Y-%m-%dT%H:%M")
        elif _YEAR_ONLY.fullmatch(ent.text.strip()):
            value = parsed.strftime("%Y")
        elif _MONTH_NAME.search(ent.text) and not re.search(r"\b\d{1,2}\b", ent.text):
            value = parsed.strftime("%Y-%m")
        else:
            value = parsed.date().isoformat()
        found.append((ent.start_char, ent.end_char, ent.label_, value))
    return found


def _errors(
    system: Sequence[Sequence[Span]], gold: Sequence[Sequence[Span]], docs: Sequence[dict[str, Any]]
) -> dict[str, int]:
    """Counts of the commonest value errors and misses, "gold text -> gold value | ours"."""
    counts: Counter[str] = Counter()
    for sys_spans, gold_spans, record in zip(system, gold, docs, strict=True):
        text = record["text"]
        for g in gold_spans:
            match = next((s for s in sys_spans if _overlaps(s, g)), None)
            words = " ".join(text[g[0] : g[1]].lower().split())
            if match is None:
                counts[f"missed: {words} -> {g[3]}"] += 1
            elif match[3] != g[3]:
                counts[f"value: {words} -> {g[3]} | {match[3]}"] += 1
        for s in sys_spans:
            if not any(_overlaps(s, g) for g in gold_spans):
                counts[f"spurious: {' '.join(text[s[0] : s[1]].lower().split())}"] += 1
    return dict(counts.most_common(60))
