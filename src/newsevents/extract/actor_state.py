"""Shared state of one article's actor reading: the table matches, the clusters of
mentions built so far, and the tokens already spoken for. ``actors._Reader`` and
``actor_groups.GroupReader`` read through it."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..types import ActorType, Document
from .actor_matcher import TableMatch, find_org_names, find_table_names
from .actor_titles import Description


@dataclass(slots=True)
class Cluster:
    """Mentions of one actor while the article is read."""

    kind: ActorType
    key: str
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token spans
    names: list[str] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    affiliation: str | None = None
    basis: str | None = None
    descriptions: list[Description] = field(default_factory=list)
    org_name: str | None = None


class ReaderState:
    """Table matches and clusters of one article; subclasses add the reading steps."""

    def __init__(self, doc: Doc, document: Document) -> None:
        self.doc = doc
        self.document = document
        self.when = document.published
        self.blocked: set[int] = set()
        if document.dateline is not None:
            # "MOSCOW —" places the story; it is not an actor.
            self.blocked = {
                t.i for t in doc if document.dateline.start <= t.idx < document.dateline.end
            }
        self.tables = [m for m in find_table_names(doc) if m.start not in self.blocked]
        self.table_at: dict[int, TableMatch] = {
            i: m for m in self.tables for i in range(m.start, m.end)
        }
        taken = set(self.table_at)
        self.org_spans = find_org_names(doc, taken)
        self.org_at: dict[int, tuple[int, int]] = {i: s for s in self.org_spans for i in range(*s)}
        self.clusters: list[Cluster] = []
        self.used: set[int] = set()  # tokens describing a person, not actors themselves

    # --- helpers the title reader calls back --------------------------------------------

    def country_of(self, i: int) -> str | None:
        match = self.table_at.get(i)
        if match is None:
            return None
        if match.country is not None:
            return match.country.iso3
        if match.metonym is not None:
            return match.metonym.country
        if match.org is not None and match.org.sector in {"GOV", "MIL", "LEG", "SPY"}:
            return match.org.country
        return None

    def is_org(self, i: int) -> bool:
        match = self.table_at.get(i)
        if match is not None:
            return match.org is not None
        token = self.doc[i]
        return i in self.org_at or (token.ent_type_ == "ORG" and token.pos_ != "DET")

    # --- clusters ------------------------------------------------------------------------

    def _mentioned(self) -> set[int]:
        return {i for c in self.clusters for s, e in c.mentions for i in range(s, e)}

    def _cluster(self, k: str, kind: ActorType) -> Cluster:
        for cluster in self.clusters:
            if cluster.key == k:
                return cluster
        cluster = Cluster(kind=kind, key=k)
        self.clusters.append(cluster)
        return cluster
