"""Which noun phrase is the source of an attribution: a ranker over the cue's neighbours.

The rules in ``attribution.find_source`` (the subject, "according to X", the agent, the
possessor, ...) give one answer; news writing has many more shapes ("criticism from the
Washington Post", "a study by ... concluded", "X, a spokesman, ..."). A logistic-regression
ranker, trained on PolNeAR train by ``scripts/train_quote_models.py``, scores every noun
phrase head near the cue by the dependency path between them, its kind and whether the rules
chose it, and the best-scoring candidate is the source. The model ships as
``data/source_model.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Token

from .linear import LinearModel, load_model

MODEL_FILE = "source_model.tsv"
# How far (in tokens, on the cue's line) a source is looked for.
WINDOW = 40
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_NOT_HEADS = frozenset({"compound", "det", "amod", "nummod", "case", "punct", "flat"})
_RELATIVE_TAGS = frozenset({"WP", "WDT"})


def source_model() -> LinearModel:
    return load_model(MODEL_FILE)


def candidates(cue: Token, quoted: set[int]) -> list[Token]:
    """Noun phrase heads on the cue's line within ``WINDOW`` tokens, outside quotations
    unless the cue itself is quoted."""
    doc = cue.doc
    start, end = max(0, cue.i - WINDOW), min(len(doc), cue.i + WINDOW + 1)
    for i in range(cue.i - 1, start - 1, -1):
        if "\n" in doc[i].text:
            start = i + 1
            break
    for i in range(cue.i + 1, end):
        if "\n" in doc[i].text:
            end = i
            break
    inside = cue.i in quoted
    found: list[Token] = []
    for token in doc[start:end]:
        if token.i == cue.i or (token.i in quoted and not inside):
            continue
        if token.dep_ in _NOT_HEADS:
            continue
        if token.pos_ in _NOMINAL or token.tag_ in _RELATIVE_TAGS:
            found.append(token)
    return found


def path(cue: Token, other: Token) -> str:
    """The dependency path from ``cue`` up to the common ancestor and down to ``other``."""
    up: list[str] = []
    ancestors = {cue.i: 0}
    node = cue
    for depth in range(1, 5):
        if node.head == node:
            break
        up.append(node.dep_)
        node = node.head
        ancestors[node.i] = depth
    down: list[str] = []
    node = other
    for _ in range(5):
        if node.i in ancestors:
            steps = up[: ancestors[node.i]]
            return (
                "^" + "^".join(steps) + "_" + "_".join(reversed(down))
                if steps
                else ("_" + "_".join(reversed(down)))
            )
        if node.head == node:
            break
        down.append(node.dep_)
        node = node.head
    return "far"


def source_features(cue: Token, other: Token, *, rule: Token | None, quoted: set[int]) -> list[str]:
    """The ranker's features of ``other`` as the source of ``cue``."""
    route = path(cue, other)
    lemma = cue.lemma_.lower()
    kind = other.ent_type_ or other.pos_
    if other.pos_ == "PRON" or other.tag_ in _RELATIVE_TAGS:
        kind = f"PRON:{other.lower_}"
    distance = abs(other.i - cue.i)
    bucket = "1" if distance == 1 else "2-3" if distance <= 3 else "4-8" if distance <= 8 else "9+"
    side = "before" if other.i < cue.i else "after"
    features = [
        f"path={route}",
        f"cp|path={cue.pos_}|{route}",
        f"l|path={lemma}|{route}",
        f"kind={kind}",
        f"kind|path={kind}|{route}",
        f"dep={other.dep_}",
        f"side={side}",
        f"dist={bucket}",
        f"side|dist={side}|{bucket}",
        f"cp|side={cue.pos_}|{side}",
    ]
    if rule is not None and rule.i == other.i:
        features += ["rule", f"rule|cp={cue.pos_}"]
    if other.i in quoted:
        features.append("quoted")
    if any(t.ent_type_ == "PERSON" for t in other.subtree if t.i <= other.i):
        features.append("person_np")
    return features


def choose(cue: Token, *, rule: Token | None, quoted: set[int]) -> Token | None:
    """The best-scoring candidate, or ``rule`` when no candidate reaches the threshold."""
    model = source_model()
    best: tuple[float, Token] | None = None
    for other in candidates(cue, quoted):
        score = model.score(source_features(cue, other, rule=rule, quoted=quoted))
        if best is None or score > best[0]:
            best = (score, other)
    if best is None or model.probability_of(best[0]) < model.threshold:
        return rule
    return best[1]
