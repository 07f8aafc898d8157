"""Attribution cues: which words introduce what someone said, wrote or thinks.

A logistic-regression classifier over each candidate token's lemma, its place in the parse
(a clausal complement, a person as subject, a quotation next to it) and the reporting-verb
lexicon decides. It is trained on PolNeAR train by ``scripts/train_cue_model.py`` and ships as
a table of feature weights (``data/cue_model.tsv``, read by ``linear``); the same
``cue_features`` function serves training and extraction.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .linear import LinearModel, load_model
from .quote_lexicons import Lexicons, lexicons
from .quote_marks import Quotation

MODEL_FILE = "cue_model.tsv"
# Parts of speech a cue can have ("said", "claim", "according", "reportedly", ":").
CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ", "ADV", "ADP", "AUX"})
_KEY_CHILD_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "nsubj", "nsubjpass", "dative", "agent", "acl", "prt", "advcl"}
)


def cue_model() -> LinearModel:
    return load_model(MODEL_FILE)


def is_candidate(token: Token) -> bool:
    return token.pos_ in CANDIDATE_POS or token.text == ":"


def quoted_tokens(doc: Doc, quotations: list[Quotation]) -> set[int]:
    """Indexes of the tokens inside quotation marks (the marks excluded)."""
    inside: set[int] = set()
    text = doc.text
    for quotation in quotations:
        start, end = quotation.inner(text)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def first_line_end(doc: Doc) -> int:
    """The offset of the first line break of ``doc`` (its length when there is none)."""
    text = doc.text  # built from the tokens on every access: read it once per document
    found = text.find("\n")
    return len(text) if found < 0 else found


def cue_features(token: Token, quoted: set[int], lex: Lexicons, first_line: int) -> list[str]:
    """The classifier's features of ``token`` (strings; present means 1). ``quoted`` holds the
    tokens inside quotation marks, ``first_line`` is ``first_line_end(token.doc)``."""
    lemma = _lemma(token)
    features = [
        f"l={lemma}",
        f"p={token.pos_}",
        f"t={token.tag_}",
        f"d={token.dep_}",
        f"l|d={lemma}|{token.dep_}",
        f"l|t={lemma}|{token.tag_}",
    ]
    kind = lex.reporting.get(lemma)
    if kind is not None:
        features += [f"cls={kind}", f"cls|d={kind}|{token.dep_}", f"cls|p={kind}|{token.pos_}"]
    for child in token.children:
        features.append(f"c={child.dep_}")
        if child.dep_ in _KEY_CHILD_DEPS:
            features.append(f"l|c={lemma}|{child.dep_}")
            if kind is not None:
                features.append(f"cls|c={kind}|{child.dep_}")
        if child.dep_ == "prep":
            features += [f"prep={_word(child)}", f"l|prep={lemma}|{_word(child)}"]
        if child.dep_ in ("nsubj", "poss", "agent"):
            subject = _subject_kind(child)
            features += [f"subj={subject}", f"l|subj={lemma}|{subject}", f"subjl={_lemma(child)}"]
            if kind is not None:
                features.append(f"cls|subj={kind}|{subject}")
        if child.dep_ == "ccomp" and any(g.dep_ == "mark" for g in child.children):
            features.append("ccomp_mark")
        if child.dep_ == "neg":
            features.append("neg")
    reporter = _reporting_ancestor(token, lex)
    if reporter is not None:
        # Inside what someone else says ("officials said Smith told them ..."): PolNeAR
        # gives each word to one attribution, the outer one.
        features += [f"anc={lex.reporting[reporter.lemma_.lower()]}", f"anc_l={_lemma(reporter)}"]
    head = token.head
    if head != token:
        features += [f"h={_lemma(head)}", f"hd={head.dep_}", f"hp={head.pos_}"]
    else:
        features.append("root")
    doc = token.doc
    previous = doc[token.i - 1] if token.i > 0 else None
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if previous is not None:
        features.append(f"pv={_word(previous)}")
    if following is not None:
        features += [f"nx={_word(following)}", f"l|nx={lemma}|{_word(following)}"]
    if token.i in quoted:
        features.append("inq")
    if token.idx < first_line:
        features.append("first_line")  # a headline or lead
    sent = token.sent
    if any(i in quoted for i in range(sent.start, sent.end)):
        features.append("sentq")
        if kind is not None:
            features.append(f"cls|sentq={kind}")
    if _next_to_quotation(token, quoted):
        features += ["qnear", f"l|qnear={lemma}"]
    if token.text == ":":
        features.append(f"colon_pv={previous.pos_ if previous is not None else ''}")
        line_start = next((i + 1 for i in range(token.i - 1, -1, -1) if "\n" in doc[i].text), 0)
        # "TAPPER: ...", "Bill Clinton: Hillary thinks ...": a speaker's name opening a line.
        features.append(f"colon_at={min(token.i - line_start, 6)}")
        if previous is not None and previous.text.isupper() and len(previous.text) > 1:
            features.append("colon_caps")
        if (following is not None and following.i in quoted) or (
            following is not None and following.text in "“\"'"
        ):
            features.append("colon_q")
    return features


def _reporting_ancestor(token: Token, lex: Lexicons) -> Token | None:
    """The nearest ancestor in the reporting lexicon whose complement holds ``token``."""
    child = token
    for ancestor in token.ancestors:
        if child.dep_ in ("ccomp", "xcomp", "csubj") and _lemma(ancestor) in lex.reporting:
            return ancestor
        child = ancestor
    return None


def _lemma(token: Token) -> str:
    return "<sp>" if token.is_space else token.lemma_.lower()


def _word(token: Token) -> str:
    return "<sp>" if token.is_space else token.lower_


def _subject_kind(token: Token) -> str:
    if token.ent_type_:
        return token.ent_type_
    if token.pos_ == "PRON":
        return f"PRON:{_word(token)}"
    return token.pos_


def _next_to_quotation(token: Token, quoted: set[int]) -> bool:
    """A quotation ends or starts within three tokens of ``token`` (past its subject)."""
    doc = token.doc
    left = min([token.i] + [c.left_edge.i for c in token.lefts if c.dep_ == "nsubj"])
    right = max([token.i] + [c.right_edge.i for c in token.rights if c.dep_ == "nsubj"])
    before = range(max(0, left - 3), left)
    after = range(right + 1, min(len(doc), right + 4))
    return any(i in quoted for i in before) or any(i in quoted for i in after)


def find_cues(
    doc: Doc, quotations: list[Quotation], quoted: set[int] | None = None
) -> list[tuple[Token, float]]:
    """Tokens the model takes for cues, with their probability, in order.

    ``quoted`` (the tokens inside quotation marks) is computed when not given.
    """
    model = cue_model()
    lex = lexicons()
    if quoted is None:
        quoted = quoted_tokens(doc, quotations)
    first_line = first_line_end(doc)
    found: list[tuple[Token, float]] = []
    for token in doc:
        if not is_candidate(token):
            continue
        probability = model.probability(cue_features(token, quoted, lex, first_line))
        if probability >= model.threshold:
            found.append((token, probability))
    return found
