"""Precision and recall of the near-duplicate detector on the built near-duplicate set.

Usage: python benchmarks/near_duplicates.py [--shared ../shared] [--seed 13] [--tune] [--json]

Builds the set (scripts/build_near_duplicates.py: every shared news article and one edited
copy of it, about 3,900 items in a seeded arrival order), cleans each item as ingest does, and
runs the store's detector over them in that order: an item is linked to the earlier story it
copies, or becomes a story itself. A link is correct when both items come from the same
article. Precision = correct links / links; recall = article pairs whose later item was linked
to the earlier / article pairs. Links between two originals count as false positives (some may
be real duplicates in the datasets; they are listed), and so do links of follow-ups (another
article's lead over this one's body: a new story that must be parsed); how many follow-ups
were linked is reported on its own. Reported for the dev and test halves of
the set (split by record id); ``--tune`` picks thresholds on dev by F1 and reports test.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from dataclasses import asdict
from itertools import product
from pathlib import Path
from typing import Any

from newsevents.clean.article import clean_article
from newsevents.errors import NewsEventsError
from newsevents.settings import Settings
from newsevents.store.dedup import DedupSettings, NearDuplicateIndex, Signature, signature
from newsevents.types import RawArticle

ROOT = Path(__file__).resolve().parent.parent


def _builder() -> Any:
    spec = importlib.util.spec_from_file_location(
        "build_near_duplicates", ROOT / "scripts" / "build_near_duplicates.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def prepare(shared: Path, seed: int) -> list[tuple[Any, Signature]]:
    """The set's items that clean to a document, with the signature of the clean body."""
    settings = Settings.from_env({})
    prepared = []
    for item in _builder().build(shared, seed=seed):
        raw = RawArticle(source=item.id, id=item.id, text=item.text, title=item.title)
        try:
            document = clean_article(raw, settings=settings)
        except NewsEventsError:
            continue
        prepared.append((item, signature(document.body)))
    return prepared


def run(
    prepared: list[tuple[Any, Signature]], dedup: DedupSettings, split: str | None
) -> dict[str, Any]:
    index = NearDuplicateIndex(dedup)
    group = {item.id: item.group for item, _ in prepared}
    kind = {item.id: item.kind for item, _ in prepared}
    links: list[tuple[str, str]] = []
    for item, sig in prepared:
        if split and item.split != split:
            continue
        match = index.find(sig)
        if match is None:
            index.add(item.id, sig)
        else:
            links.append((item.id, match.canonical_id))
    items = [item for item, _ in prepared if not split or item.split == split]
    members: dict[str, int] = {}
    for item in items:
        members[item.group] = members.get(item.group, 0) + 1
    pairs = sum(1 for n in members.values() if n == 2)
    correct = [(a, b) for a, b in links if group[a] == group[b]]
    between_originals = [(a, b) for a, b in links if kind[a] == kind[b] == "original"]
    followups = [item.id for item in items if item.kind == "followup"]
    # A follow-up linked either way (as the copy, or as the story a later item was linked to).
    linked_followups = {x for link in links for x in link if kind[x] == "followup"}
    precision = len(correct) / len(links) if links else 0.0
    recall = len(correct) / pairs if pairs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    by_op: dict[str, list[int]] = {}
    linked = {group[a] for a, _ in correct}
    for item in items:
        if item.kind != "copy" or members[item.group] != 2:
            continue
        for op in {e["op"] for e in item.edits}:
            counts = by_op.setdefault(op, [0, 0])
            counts[0] += item.group in linked
            counts[1] += 1
    return {
        "items": len(items),
        "pairs": pairs,
        "links": len(links),
        "correct": len(correct),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "recall_by_edit": {op: round(a / b, 4) for op, (a, b) in sorted(by_op.items())},
        "followups": len(followups),
        "followups_linked": len(linked_followups),
        "links_between_originals": between_originals[:20],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--tune", action="store_true", help="Choose thresholds on dev.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    started = time.perf_counter()
    prepared = prepare(args.shared, args.seed)
    report: dict[str, Any] = {"seed": args.seed, "items_cleaned": len(prepared)}
    chosen = DedupSettings()
    if args.tune:
        grid = [
            DedupSettings(lsh_threshold=t, jaccard=j, containment=c)
            for t, j, c in product((0.2, 0.3, 0.4, 0.5), (0.4, 0.5, 0.6, 0.7), (0.7, 0.8, 0.9))
        ]
        scored = [(run(prepared, s, "dev")["f1"], s) for s in grid]
        best = max(f for f, _ in scored)
        # Among ties, the strictest thresholds (fewest false links on unseen data).
        chosen = max((s for f, s in scored if f == best),
                     key=lambda s: (s.jaccard, s.containment, s.lsh_threshold))  # fmt: skip
        report["tuned_on_dev"] = {"f1": best, **asdict(chosen)}
    report["settings"] = asdict(chosen)
    for split in ("dev", "test", None):
        report[split or "all"] = run(prepared, chosen, split)
    report["seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"near-duplicate set: seed {args.seed}, {len(prepared)} items cleaned, "
          f"settings {report['settings']}")  # fmt: skip
    for split in ("dev", "test", "all"):
        r = report[split]
        print(f"{split:5} pairs {r['pairs']:5}  links {r['links']:5}"
              f"  precision {r['precision']:.4f}  recall {r['recall']:.4f}  F1 {r['f1']:.4f}"
              f"  follow-ups linked {r['followups_linked']}/{r['followups']}"
              f"  links between originals {len(r['links_between_originals'])}")  # fmt: skip
    print("recall by edit (all):", json.dumps(report["all"]["recall_by_edit"]))
    for a, b in report["all"]["links_between_originals"]:
        print(f"  original linked to original: {a} -> {b}")
    print(f"{report['seconds']} s")


if __name__ == "__main__":
    main()
