"""Build the CAMEO/PLOVER package data from the shared ontology tables and the Phoenix verb file.

Usage: python scripts/build_ontology.py [--shared ../shared]

Reads ``shared/ontology/*.csv`` and ``shared/ontology/phoenix/CAMEO.2.0.txt`` and writes, under
``src/newsevents/ontology/data/``:

- ``cameo_codes.tsv``: code, label, Goldstein value, QuadClass, root, base code, level;
- ``cameo_plover.tsv``: CAMEO code -> PLOVER Draft 2.0 type, mode and context, with the sub-code
  exceptions (163 -> COERCE, 1712 -> ASSAULT, ...) flagged; 2021 mode names that Draft 2.0 dropped
  are renamed to their Draft 2.0 mode (the old name stays in ``mode_2021``);
- ``plover_types.tsv`` and ``plover_modes.tsv``: Draft 2.0 types and modes with their scores;
- ``cameo_verbs.tsv``, ``cameo_verb_patterns.tsv``, ``cameo_synsets.tsv``: the PETRARCH2 CAMEO verb
  dictionary as reviewable tables (verb -> block and code; block pattern -> code; synonym sets).

Rerun it whenever a source table changes; the output is deterministic.
"""

from __future__ import annotations

import argparse
import csv
import re
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsevents" / "ontology" / "data"

# CAMEO2PLOVER-2021 uses some pre-Draft-2.0 mode names; the shared README asks users to map them.
# These are the Draft 2.0 modes that cover the same events (PLOVER_MANUAL.tex mode tables).
MODE_RENAMES = {
    ("ASSAULT", "assassinate"): "targeted",
    ("ASSAULT", "massacre"): "targeted",
    ("ASSAULT", "cleansing"): "targeted",
    ("ASSAULT", "seize"): "destroy",
    ("ASSAULT", "pro_autocracy"): "crowd-control",
    ("COERCE", "ban"): "restrict",
    ("THREATEN", "ban"): "restrict",
    ("THREATEN", "political"): "restrict",
    ("RETREAT", "return"): "release",
    ("RETREAT", "ease"): "",
}

PLOVER_NOTICE = (
    "# Derived from the PLOVER manual (Draft 2.0) and CAMEO2PLOVER-2021.txt,\n"
    "# openeventdata/PLOVER commit 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f.\n"
    "# Licence: CC BY-SA 4.0. Cite: Open Event Data Alliance; Halterman et al. (2023),\n"
    "# PLOVER and POLECAT. Built by scripts/build_ontology.py.\n"
)
CAMEO_NOTICE = (
    "# CAMEO 1.1b3 codes and labels (Schrodt 2012) with GDELT Goldstein values and QuadClass,\n"
    "# via shared/ontology/cameo_codes.csv (see its README). Built by scripts/build_ontology.py.\n"
)
PHOENIX_NOTICE = (
    "# Converted from PETRARCH2 CAMEO.2.0.txt (openeventdata/petrarch2 commit\n"
    "# 676801cd9cb2924bbbad09f86d15c9323e7097bf) by scripts/build_ontology.py.\n"
    "# The MIT License (MIT) Copyright (c) 2015 Open Event Data Alliance. Permission is hereby\n"
    "# granted, free of charge, to any person obtaining a copy of this software and associated\n"
    "# documentation files, to deal in the Software without restriction, subject to the condition\n"
    "# that the above copyright notice and this permission notice shall be included in all copies\n"
    "# or substantial portions of the Software. THE SOFTWARE IS PROVIDED AS IS, WITHOUT WARRANTY\n"
    "# OF ANY KIND. (Full text: ontology/data/LICENSE.phoenix.)\n"
)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_tsv(out: Path, name: str, notice: str, header: list[str], rows: list[list[str]]) -> None:
    for row in rows:
        assert all("\t" not in cell and "\n" not in cell for cell in row), row
    text = notice + "\t".join(header) + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    (out / name).write_text(text, encoding="utf-8")
    print(f"{name}: {len(rows)} rows")


def build_cameo(ontology: Path, out: Path) -> None:
    rows = [
        [r[k] for k in ("code", "label", "goldstein", "quad_class", "root", "base_code", "level")]
        for r in read_csv(ontology / "cameo_codes.csv")
    ]
    header = ["code", "label", "goldstein", "quad_class", "root", "base_code", "level"]
    write_tsv(out, "cameo_codes.tsv", CAMEO_NOTICE, header, rows)


def build_plover(ontology: Path, out: Path) -> None:
    rows = []
    for r in read_csv(ontology / "cameo_to_plover.csv"):
        mode = r["mode"]
        if r["mode_valid_draft2"] == "no":
            mode = MODE_RENAMES[(r["plover_type"], mode)]
        rows.append(
            [r["cameo_code"], r["plover_type"], mode, r["mode"], r["context"], r["exception"]]
        )
    header = ["cameo_code", "plover_type", "mode", "mode_2021", "context", "exception"]
    write_tsv(out, "cameo_plover.tsv", PLOVER_NOTICE, header, rows)

    types = [
        [
            r["type"],
            r["quad_class"],
            r["score"],
            r["requires_recipient"],
            r["cameo_roots"],
            r["former_names"],
            r["definition"],
        ]
        for r in read_csv(ontology / "plover_event_types.csv")
    ]
    header = [
        "type",
        "quad_class",
        "score",
        "requires_recipient",
        "cameo_roots",
        "former_names",
        "definition",
    ]
    write_tsv(out, "plover_types.tsv", PLOVER_NOTICE, header, types)
    modes = [
        [r["type"], r["mode"], r["score"], r["description"]]
        for r in read_csv(ontology / "plover_modes.csv")
    ]
    header = ["type", "mode", "score", "description"]
    write_tsv(out, "plover_modes.tsv", PLOVER_NOTICE, header, modes)


# --- the PETRARCH2 verb dictionary ------------------------------------------------------------

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_VERB = re.compile(r"^(\+?)([A-Z][A-Z0-9_'\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?")
_PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]")
_CODE = re.compile(r"^\d{2,4}$")


def _code(raw: str) -> str:
    """``042:043`` (reciprocal) -> ``042``; ``:173`` -> ``173``; ``---`` -> empty."""
    for part in raw.strip().split(":"):
        part = part.strip()
        if _CODE.match(part):
            return part
    return ""


def _words(text: str) -> str:
    """A pattern side as space-separated lower-case items: ``(to border)`` stays grouped."""
    text = re.sub(r"[$+^%]", " ", text)
    text = text.replace("{", " ").replace("}", " ").replace("_", " ")
    items = [w.strip().lower() for w in text.split()]
    return " ".join(w for w in items if w and w not in {"(", ")"})


def build_verbs(phoenix: Path, out: Path) -> None:
    lines = (phoenix / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    synsets: list[list[str]] = []
    verbs: dict[tuple[str, str], str] = {}
    patterns: list[list[str]] = []
    section = "header"
    current_set = ""
    block = ""
    block_code = ""
    for line in lines:
        if line.startswith("####### SYNONYM SETS"):
            section = "synsets"
            continue
        if line.startswith("####### VERB PATTERNS"):
            section = "verbs"
            continue
        if line.startswith("######## TRANSFORMATIONS"):
            break
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        if section == "synsets":
            if body.startswith("&"):
                current_set = body.strip().lower()
            elif body.startswith("+") and current_set:
                word = body[1:].strip().rstrip("_").replace("_", " ").lower()
                synsets.append([current_set, word])
        elif section == "verbs":
            if m := _BLOCK.match(body):
                block = m.group(1).lower()
                block_code = _code(m.group(2))
                continue
            if m := _PATTERN.match(body):
                left, _, right = m.group(1).partition("*")
                code = _code(m.group(2))
                if code:
                    patterns.append([block, _words(left), _words(right), code])
                continue
            if m := _VERB.match(body.strip()):
                phrase = m.group(2).replace("_", " ").lower().strip()
                code = _code(m.group(4)[1:-1]) if m.group(4) else block_code
                verbs.setdefault((phrase, block), code)
    write_tsv(
        out,
        "cameo_synsets.tsv",
        PHOENIX_NOTICE,
        ["set", "word"],
        sorted({(s, w) for s, w in synsets if w}, key=lambda r: (r[0], r[1])),  # type: ignore[arg-type]
    )
    write_tsv(
        out,
        "cameo_verbs.tsv",
        PHOENIX_NOTICE + "# code empty: the verb codes an event only through a pattern below.\n",
        ["verb", "block", "code"],
        [[v, b, c] for (v, b), c in sorted(verbs.items())],
    )
    seen: set[tuple[str, ...]] = set()
    unique = []
    for p in patterns:
        if tuple(p) not in seen and (p[1] or p[2]):
            seen.add(tuple(p))
            unique.append(p)
    write_tsv(
        out,
        "cameo_verb_patterns.tsv",
        PHOENIX_NOTICE
        + "# before/after: words left/right of the verb (&set = any word of cameo_synsets.tsv).\n",
        ["block", "before", "after", "code"],
        unique,
    )


def build(shared: Path, out: Path) -> None:
    ontology = shared / "ontology"
    build_cameo(ontology, out)
    build_plover(ontology, out)
    build_verbs(ontology / "phoenix", out)
    license_text = (ontology / "phoenix" / "LICENSE").read_text(encoding="utf-8")
    (out / "LICENSE.phoenix").write_text(license_text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--check", action="store_true", help="fail when a shipped file differs from a rebuild"
    )
    args = parser.parse_args()
    if not args.check:
        build(args.shared, OUT)
        return
    with tempfile.TemporaryDirectory() as tmp:
        build(args.shared, Path(tmp))
        stale = [
            p.name
            for p in sorted(Path(tmp).iterdir())
            if p.read_bytes() != (OUT / p.name).read_bytes()
        ]
    if stale:
        raise SystemExit(f"stale, rerun scripts/build_ontology.py: {', '.join(stale)}")


if __name__ == "__main__":
    main()
