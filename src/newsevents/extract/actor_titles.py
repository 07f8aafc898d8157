"""What the words around a person's name say about them: the title before the name
("Indian Prime Minister Narendra Modi"), the appositive after it ("Chietigj Bajpaee, senior
South Asia research fellow at the U.K.-based Chatham House"), or the noun the name is in
apposition to ("Russia's foreign minister, Sergei Lavrov").

``describe`` returns a ``Description``: the title as written, the agent phrase it matched
(for the sector), the country a demonym, country name or seat of government gives, whether
the office is a former one, the organisation the person belongs to, and the tokens used, so
the caller does not also read "Indian" or "Russia's" there as actors of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..ontology import agents, lexicon
from ..ontology.agents import Agent

# Entity labels that end a title run: a date or number is not part of anyone's title.
_STOP_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_AFFILIATION_PREPS = frozenset({"at", "of", "with", "for", "from", "in"})


@dataclass(slots=True)
class Description:
    title: str | None = None
    agent: Agent | None = None
    country: str | None = None
    former: bool = False
    affiliation: int | None = None  # token index inside an organisation mention
    used: set[int] = field(default_factory=set)  # tokens that describe the person


# Callbacks from the caller, who knows the article's table matches:
# the country a token names (demonym, country, capital or seat), and whether it is inside an
# organisation mention.
CountryOf = Callable[[int], str | None]
IsOrg = Callable[[int], bool]


def agent_at(tokens: Sequence[Token], end: int) -> tuple[Agent, int] | None:
    """The longest agent phrase ending at ``tokens[end - 1]`` and its start index; each word
    may match as written or by lemma ("ministers" -> "minister"); hyphens are skipped."""
    words: list[tuple[int, Token]] = [
        (i, t) for i, t in enumerate(tokens[:end]) if t.text not in {"-", "–"}
    ]
    best: tuple[Agent, int] | None = None
    for n in range(1, min(agents.longest(), len(words)) + 1):
        window = words[len(words) - n :]
        for phrase in _variants([t for _, t in window]):
            found = agents.agent(phrase)
            if found is not None:
                best = (found, window[0][0])
                break
    return best


def _variants(tokens: list[Token]) -> list[str]:
    phrases = [""]
    for t in tokens:
        forms = {t.lower_, t.lemma_.lower()}
        phrases = [f"{p} {f}".strip() for p in phrases for f in forms]
    return phrases


def describe(
    doc: Doc, start: int, end: int, *, country_of: CountryOf, is_org: IsOrg, taken: set[int]
) -> Description:
    """Describe the person named by tokens ``start``..``end``; ``taken`` are tokens of other
    names, where a title run stops."""
    found = Description()
    _title_before(doc, start, found, country_of=country_of, is_org=is_org, taken=taken)
    root = doc[start:end].root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= end and child.pos_ in {"NOUN", "PROPN"}:
            _appositive(doc, child, found, country_of=country_of, is_org=is_org)
    # "Russia's foreign minister, Sergei Lavrov": the name is in apposition to the title.
    head = root.head
    if root.dep_ == "appos" and head.i < start and not found.agent:
        _appositive(doc, head, found, country_of=country_of, is_org=is_org)
    return found


def _title_before(
    doc: Doc,
    start: int,
    found: Description,
    *,
    country_of: CountryOf,
    is_org: IsOrg,
    taken: set[int],
) -> None:
    sentence_start = doc[start].sent.start
    run: list[Token] = []
    i = start - 1
    while i >= sentence_start:
        t = doc[i]
        if i in taken and not (country_of(i) or is_org(i)):
            break
        if t.ent_type_ in _STOP_ENTS:
            break
        words = lexicon.words("former")
        ok = (
            t.pos_ in {"PROPN", "NOUN", "ADJ"}
            or t.tag_ == "POS"
            or t.text in {"-", "–"}
            or (t.lower_ == "of" and bool(run))
            or t.lower_ in words
        )
        if not ok:
            break
        run.insert(0, t)
        i -= 1
    if not run:
        return
    # The title is the agent phrase nearest the name ("Kremlin spokesman", "U.S.
    # Secretary of State": the phrase may run through "of").
    first, end = 0, 0
    for end in range(len(run), 0, -1):
        hit = agent_at(run, end)
        if hit is not None and hit[0].kind in {"title", "member"}:
            agent, first = hit
            found.agent = agent
            found.title = _text(run[first:end])
            break
    if found.agent is None and not any(country_of(t.i) for t in run):
        return
    # "NATO Secretary-General": NATO; not the "State" of "Secretary of State".
    in_title = {t.i for t in run[first:end]} if found.agent is not None else set()
    _absorb(run, found, country_of=country_of, is_org=is_org, not_orgs=in_title)


def _appositive(
    doc: Doc, head: Token, found: Description, *, country_of: CountryOf, is_org: IsOrg
) -> None:
    modifiers = list(doc[head.left_edge.i : head.i + 1])
    hit = agent_at(modifiers, len(modifiers))
    if hit is None:
        return
    agent, _ = hit
    if found.agent is None:
        found.agent = agent
        kept = [
            t
            for t in modifiers
            if t.pos_ != "DET"
            and t.tag_ != "POS"
            and t.lower_ not in lexicon.words("former")
            and not country_of(t.i)
            and not is_org(t.i)
        ]
        found.title = _text(kept) if kept else None
    _absorb(modifiers, found, country_of=country_of, is_org=is_org, not_orgs=set())
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in _AFFILIATION_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            # "President of Russia": the country of the office; "ambassador to Russia"
            # is not (and "to" is not among the prepositions read here).
            if prep.lower_ == "of" and found.country is None and (code := country_of(obj.i)):
                found.country = code
                found.used.add(obj.i)
            org = next((t.i for t in obj.subtree if is_org(t.i)), None)
            if org is not None and found.affiliation is None:
                found.affiliation = org


def _absorb(
    tokens: Sequence[Token],
    found: Description,
    *,
    country_of: CountryOf,
    is_org: IsOrg,
    not_orgs: set[int],
) -> None:
    """Read "former", the first country and the first organisation among ``tokens``, which
    all describe the person."""
    for t in tokens:
        found.used.add(t.i)
        if t.lower_ in lexicon.words("former"):
            found.former = True
        if found.country is None and (code := country_of(t.i)):
            found.country = code
        if found.affiliation is None and t.i not in not_orgs and is_org(t.i):
            found.affiliation = t.i


def _text(tokens: Sequence[Token]) -> str:
    """The tokens as written, with a space where tokens left out stood between them."""
    parts: list[str] = []
    for t, nxt in zip(tokens, [*tokens[1:], None], strict=True):
        gap = nxt is not None and nxt.i != t.i + 1
        parts.append(t.text + (" " if gap and not t.whitespace_ else t.whitespace_))
    return "".join(parts).strip(" ,")
