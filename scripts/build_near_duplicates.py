"""Build a near-duplicate evaluation set from the shared news articles.

Usage: python scripts/build_near_duplicates.py [--shared ../shared] [--seed 13] --out FILE
       [--with-text]

Every article of PolNeAR (train, dev), IndiaPoliceEvents (dev documents), LGL (dev) and
GeoWebNews (dev) is an original; each gets one syndicated-style copy made by 1-3 realistic
edits, the way wire stories reach other outlets:
  boilerplate  an outlet's header or footer added (copyright line, newsletter pitch, links)
  drop         paragraphs dropped (sentences, for one-paragraph articles), never the lead
  headline     the headline rewritten (prefix, outlet suffix, shortened) or one added
  truncate     cut to the first 45-80% of the text at a sentence end
  words        light word edits: 2-4% of words swapped for a synonym or spelling variant
               (table below) or deleted
The originals themselves are the true non-duplicates, and topically close ones: the
IndiaPoliceEvents documents are Times of India reports on the same riots, PolNeAR holds
several outlets' coverage of the same 2016 campaign days, and copies share boilerplate
with copies of other stories (the trap for short articles). One in ten multi-paragraph
originals also gets a follow-up, a true non-duplicate that shares most of its text: its lead
paragraph replaced by the lead of another article of the same dataset, as when a developing
story gets a new top over the same background (it reports new events, so it must be parsed).

The output lists, per item, the dataset record id it comes from and the edits (operation and
parameters) that make it, and a split (dev/test, by a hash of the record id) for choosing
thresholds on one half and reporting the other; ``--with-text`` also writes the texts (do not
commit that file: the datasets' licences do not allow redistribution). ``build`` is what
benchmarks/near_duplicates.py calls; the same seed always gives the same set.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FILES = (
    "PolNeAR/train.jsonl",
    "PolNeAR/dev.jsonl",
    "IndiaPoliceEvents/dev_docs.jsonl",
    "LGL/dev.jsonl",
    "GeoWebNews/dev.jsonl",
)
OPERATIONS = ("boilerplate", "drop", "headline", "truncate", "words")
LEAD_MIN_WORDS = 25

# Edit material written for this set (not taken from any dataset): what outlets add around
# a syndicated story.
BOILERPLATE = (
    "Copyright {year} The Associated Press. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed without permission.",
    "Sign up for our daily newsletter to get the top stories delivered to your inbox every "
    "morning. Click here to subscribe.",
    "Follow us on Twitter and Facebook for the latest updates. Have a news tip? Email our "
    "newsroom at tips@example.com.",
    "Related coverage: More stories from the region | Latest politics news | Opinion and "
    "analysis | Photo galleries",
    "This story has been published from a wire agency feed without modifications to the "
    "text. Only the headline has been changed.",
    "Advertisement. Story continues below.",
    "Reporting by staff writers; additional reporting by wire services. Editing by the news desk.",
    "Please read our comment policy before commenting. Comments are moderated and may take "
    "some time to appear.",
)
HEADLINE_PREFIXES = ("UPDATE 1-", "UPDATE 2-", "WATCH: ", "BREAKING: ", "REFILE-")
HEADLINE_SUFFIXES = (" | World News", " - The Daily Courier", " | Local News", " (VIDEO)")
# Word edits: a synonym or spelling variant a copy desk might use.
WORD_SWAPS = {
    "said": "stated", "says": "states", "told": "informed", "people": "persons",
    "about": "around", "police": "officers", "percent": "per cent", "center": "centre",
    "organization": "organisation", "program": "programme", "also": "additionally",
    "however": "but", "many": "numerous", "big": "large", "help": "assist", "show": "reveal",
    "two": "2", "three": "3", "four": "4", "Monday": "on Monday", "government": "administration",
    "officials": "authorities", "city": "town", "killed": "slain", "president": "President",
}  # fmt: skip

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+")


@dataclass
class Item:
    id: str
    base: str  # the dataset record id the text comes from
    group: str  # originals and their copies share a group
    kind: str  # "original", "copy" or "followup" (a distinct story over shared background)
    split: str
    edits: list[dict[str, Any]] = field(default_factory=list)
    text: str = ""
    title: str | None = None

    def to_dict(self, *, with_text: bool) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "base": self.base,
            "group": self.group,
            "kind": self.kind,
            "split": self.split,
            "edits": self.edits,
        }
        if with_text:
            data["text"] = self.text
            data["title"] = self.title
        return data


def split_of(record_id: str) -> str:
    return "dev" if int(hashlib.sha1(record_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def originals(shared: Path) -> list[tuple[str, str, str | None]]:
    """(id, text, title) of every shared news article, in file order."""
    found = []
    for name in FILES:
        with (shared / "datasets" / name).open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                title = record.get("meta", {}).get("title")
                found.append((record["id"], record["text"], title))
    return found


def _paragraphs(text: str) -> list[str]:
    parts = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    return parts


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def apply(edit: dict[str, Any], text: str, title: str | None) -> str:
    """One edit, replayed from its parameters."""
    op = edit["op"]
    if op == "boilerplate":
        block = BOILERPLATE[edit["which"]].format(year=edit.get("year", 2018))
        return f"{block}\n\n{text}" if edit["where"] == "head" else f"{text}\n\n{block}"
    if op == "drop":
        units = _paragraphs(text) if edit["unit"] == "paragraph" else _sentences(text)
        kept = [u for i, u in enumerate(units) if i not in set(edit["indices"])]
        return ("\n\n" if edit["unit"] == "paragraph" else " ").join(kept)
    if op == "headline":
        paragraphs = _paragraphs(text)
        base = title or " ".join(paragraphs[0].split()[:10])
        if edit["style"] == "prefix":
            new = HEADLINE_PREFIXES[edit["which"]] + base
        elif edit["style"] == "suffix":
            new = base + HEADLINE_SUFFIXES[edit["which"]]
        else:
            new = " ".join(base.split()[: edit["words"]]) + " ..."
        if title and paragraphs and _same(paragraphs[0], title):
            return "\n\n".join([new, *paragraphs[1:]])
        return f"{new}\n\n{text}"
    if op == "truncate":
        sentences = _sentences(text)
        keep = max(1, round(len(sentences) * edit["share"]))
        return " ".join(sentences[:keep])
    if op == "words":
        rng = random.Random(edit["seed"])
        out = []
        for word in text.split(" "):
            roll = rng.random()
            if roll < edit["rate"] / 2 and word in WORD_SWAPS:
                out.append(WORD_SWAPS[word])
            elif roll < edit["rate"] / 4:
                continue
            else:
                out.append(word)
        return " ".join(out)
    raise ValueError(f"unknown edit {op!r}")


def followup(text: str, donor: str) -> str:
    """``text`` with its top (headline and lead paragraph) replaced by ``donor``'s top."""
    new_top, _ = _split_top(donor)
    _, rest = _split_top(text)
    return "\n\n".join([*new_top, *rest])


def _split_top(text: str) -> tuple[list[str], list[str]]:
    """(headline lines and the lead paragraph, the rest): the lead is the first paragraph of
    at least LEAD_MIN_WORDS words; shorter ones above it are headlines."""
    paragraphs = _paragraphs(text)
    for i, paragraph in enumerate(paragraphs):
        if len(paragraph.split()) >= LEAD_MIN_WORDS:
            return paragraphs[: i + 1], paragraphs[i + 1 :]
    return paragraphs[:1], paragraphs[1:]


def _same(paragraph: str, title: str) -> bool:
    return paragraph.strip().rstrip(".") == title.strip().rstrip(".")


def _plan_edits(rng: random.Random, text: str) -> list[dict[str, Any]]:
    ops = rng.sample(OPERATIONS, k=rng.choice((1, 1, 2, 2, 3)))
    # Truncation and drops change what follows; headline and boilerplate go on last.
    ops.sort(key=lambda op: ("words", "drop", "truncate", "headline", "boilerplate").index(op))
    edits: list[dict[str, Any]] = []
    for op in ops:
        if op == "boilerplate":
            edits.append(
                {"op": op, "which": rng.randrange(len(BOILERPLATE)),
                 "where": rng.choice(("head", "tail", "tail")), "year": rng.choice((2016, 2018))}
            )  # fmt: skip
        elif op == "drop":
            paragraphs = _paragraphs(text)
            unit = "paragraph" if len(paragraphs) >= 4 else "sentence"
            units = paragraphs if unit == "paragraph" else _sentences(text)
            if len(units) < 3:
                continue
            n = max(1, round(len(units) * rng.uniform(0.1, 0.25)))
            indices = sorted(rng.sample(range(1, len(units)), k=min(n, len(units) - 1)))
            edits.append({"op": op, "unit": unit, "indices": indices})
        elif op == "headline":
            style = rng.choice(("prefix", "suffix", "short"))
            edit: dict[str, Any] = {"op": op, "style": style}
            if style == "prefix":
                edit["which"] = rng.randrange(len(HEADLINE_PREFIXES))
            elif style == "suffix":
                edit["which"] = rng.randrange(len(HEADLINE_SUFFIXES))
            else:
                edit["words"] = rng.randint(4, 7)
            edits.append(edit)
        elif op == "truncate":
            edits.append({"op": op, "share": round(rng.uniform(0.45, 0.8), 2)})
        else:
            edits.append({"op": op, "rate": round(rng.uniform(0.04, 0.08), 3),
                          "seed": rng.randrange(2**31)})  # fmt: skip
    return edits or [{"op": "boilerplate", "which": 0, "where": "tail", "year": 2018}]


def build(shared: Path, *, seed: int = 13) -> list[Item]:
    """Originals and one edited copy of each, in a seeded arrival order (a copy may arrive
    before its original, as when a syndicating outlet publishes first)."""
    rng = random.Random(seed)
    items: list[Item] = []
    copies: list[Item] = []
    found = originals(shared)
    for record_id, text, title in found:
        split = split_of(record_id)
        items.append(
            Item(record_id, record_id, record_id, "original", split, text=text, title=title)
        )
        edits = _plan_edits(rng, text)
        copied = text
        for edit in edits:
            copied = apply(edit, copied, title)
        copies.append(
            Item(f"{record_id}~copy", record_id, record_id, "copy", split, edits, copied, title)
        )
        if len(_paragraphs(text)) >= 4 and rng.random() < 0.1:
            prefix = record_id.split("-")[0]
            donors = [(other, t, h) for other, t, h in found
                      if other.startswith(prefix) and other != record_id]  # fmt: skip
            donor = rng.choice(donors)
            edit = {"op": "followup", "lead_from": donor[0]}
            copies.append(
                Item(f"{record_id}~followup", record_id, f"{record_id}~followup", "followup",
                     split, [edit], followup(text, donor[1]), donor[2])
            )  # fmt: skip
    items += copies
    rng.shuffle(items)
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--with-text", action="store_true", help="Also write the texts.")
    args = parser.parse_args()
    items = build(args.shared, seed=args.seed)
    with args.out.open("w", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps(item.to_dict(with_text=args.with_text), sort_keys=True) + "\n")
    copies = [i for i in items if i.kind == "copy"]
    followups = sum(i.kind == "followup" for i in items)
    by_op: dict[str, int] = {}
    for item in copies:
        for edit in item.edits:
            by_op[edit["op"]] = by_op.get(edit["op"], 0) + 1
    print(f"wrote {args.out}: {len(items) - len(copies) - followups} originals, "
          f"{len(copies)} copies, {followups} follow-ups; "
          f"edits: {json.dumps(by_op, sort_keys=True)}")  # fmt: skip


if __name__ == "__main__":
    main()
