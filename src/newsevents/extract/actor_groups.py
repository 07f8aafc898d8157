"""Groups and unnamed office holders: agent nouns with the country or organisation that
modifies them ("20 Indian soldiers" -> IND MIL, "Hamas militants" -> Hamas, "the president of
Armenia" -> ARM GOV when no Armenian president was named before)."""

from __future__ import annotations

from spacy.tokens import Token

from ..ontology import lexicon
from ..ontology.gazetteer import key
from ..types import ActorType
from .actor_state import Cluster, ReaderState
from .actor_titles import agent_at


class GroupReader(ReaderState):
    def _groups(self) -> None:
        mentioned = self._mentioned()
        for token in self.doc:
            if token.pos_ not in {"NOUN", "PROPN"} or token.i in mentioned:
                continue
            if token.i in self.table_at or token.i in self.org_at or token.i in self.blocked:
                continue
            if token.ent_type_ in {"PERSON", "ORG", "GPE", "FAC"} or token.i in self.used:
                continue
            if token.dep_ in {"compound", "amod"} or any(
                c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children
            ):
                continue  # "social media platform", "our people"
            left = list(self.doc[token.left_edge.i : token.i + 1])
            hit = agent_at(left, len(left))
            if hit is None:
                continue
            agent, first = hit
            org = self._org_modifier(token)
            if org is not None:
                # "Hamas militants", "a UN official", "a State Department spokesman":
                # members of a known organisation stand for it.
                begin = min(s for s, _ in org.mentions[-1:]) if org.mentions else token.i
                org.mentions[-1:] = []
                org.mentions.append((begin, token.i + 1))
                self.used.update(range(begin, token.i + 1))
                continue
            modifiers = self._country_modifiers(token)
            plural = token.tag_ in {"NNS", "NNPS"}
            if agent.kind == "title" and not plural and modifiers:
                # "the president of Armenia" with no Armenian president named before: an
                # unnamed office holder; otherwise coref links it to the named one.
                if not self._named_before(token, modifiers[-1][1], agent.sector):
                    self._office_holder(token, first, modifiers, agent.sector)
                continue
            if not (plural or agent.kind == "body" or (modifiers and agent.kind == "member")):
                continue  # "the president": a reference for coref, not a group
            if not modifiers and (
                agent.sector is None
                or token.lower_ in lexicon.words("nominal")
                or (
                    token.lemma_.lower() in lexicon.words("nominal")
                    and any(c.lower_ == "the" for c in token.lefts)
                )
            ):
                continue
            start = token.left_edge.i + first
            former = any(c.lower_ in lexicon.words("former") for c in token.lefts)
            sector = "ELI" if former else agent.sector
            country: str | None = None
            if modifiers:
                # "Hungarian and Romanian officials": one group per country; the one next
                # to the noun takes the phrase, the others their own word.
                *others, (last_mod, country) = modifiers
                start = min(start, last_mod) if last_mod < token.i else start
                for i, code in others:
                    if i in mentioned:
                        # "the leaders of the United States, Canada and Mexico": a state
                        # already named keeps its mention; a span has one actor.
                        continue
                    other = self._cluster(f"group:{code}:{sector}", "group")
                    other.country, other.sector, other.basis = code, sector, "demonym"
                    other.mentions.append((i, i + 1))
                    self.used.add(i)
            # Groups of a country merge by sector ("Indian soldiers", "Indian troops"); groups
            # without one only with the same noun ("troops" is not "police").
            k = f"group:{country}:{sector}" if country else f"group::{sector}:{token.lemma_}"
            cluster = self._cluster(k, "group")
            cluster.country, cluster.sector = country, sector
            cluster.basis = "demonym" if country else "title"
            cluster.mentions.append((start, token.i + 1))
            for i in range(start, token.i + 1):
                self.used.add(i)

    def _org_modifier(self, token: Token) -> Cluster | None:
        for child in token.children:
            match = self.table_at.get(child.i)
            if child.dep_ in {"compound", "nmod", "poss"} and match is not None and match.org:
                org = match.org
                kind: ActorType = (
                    "igo" if org.type == "igo" else ("ngo" if org.type == "ngo" else "organization")
                )
                cluster = self._cluster("org:" + org.name, kind)
                cluster.org_name, cluster.country, cluster.sector = (
                    org.name,
                    org.country,
                    org.sector,
                )
                cluster.basis = "organization"
                # The organisation's own mention becomes the start of the member phrase.
                span = (match.start, match.end)
                if span in cluster.mentions:
                    cluster.mentions.remove(span)
                cluster.mentions.append(span)
                return cluster
        return None

    def _named_before(self, token: Token, country: str, sector: str | None) -> bool:
        for cluster in self.clusters:
            if cluster.kind != "person" or cluster.mentions[0][0] >= token.i:
                continue
            said = [d.country for d in cluster.descriptions if d.country]
            if country in said or (cluster.country == country and sector == cluster.sector):
                return True
        return False

    def _office_holder(
        self, token: Token, first: int, modifiers: list[tuple[int, str]], sector: str | None
    ) -> None:
        start = min([token.left_edge.i + first, *(i for i, _ in modifiers if i < token.i)])
        end = max([token.i + 1, *(i + 1 for i, _ in modifiers)])
        span = self.doc[start:end]
        cluster = Cluster(kind="person", key="office:" + key(span.text))
        cluster.names.append(span.text)
        cluster.country, cluster.sector = modifiers[-1][1], sector
        cluster.title = self.doc[token.left_edge.i + first : token.i + 1].text
        cluster.basis = "title"
        cluster.mentions.append((start, end))
        self.clusters.append(cluster)
        self.used.update(range(start, end))

    def _country_modifiers(self, token: Token) -> list[tuple[int, str]]:
        """(token, country) of the demonyms, country names and seats that modify ``token``
        ("Indian soldiers", "India's military", "U.S. and Russian negotiators")."""
        found: list[tuple[int, str]] = []
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                # "the president of Armenia"
                child = next((c for c in child.children if c.dep_ == "pobj"), child)
                if child.dep_ != "pobj":
                    continue
            elif child.dep_ not in {"amod", "compound", "nmod", "poss"}:
                continue
            for t in [child, *[c for c in child.subtree if c.dep_ == "conj"]]:
                code = self.country_of(t.i)
                if code and all(code != c for _, c in found):
                    start = t.left_edge.i if t.dep_ == "poss" else t.i
                    found.append((start, code))
        return sorted(found)
