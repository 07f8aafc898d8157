"""Actors: the people, organisations, states and groups an article is about, each merged over
its mentions, with country and sector.

``find_actors(doc, *, document)`` reads

- named entities (PERSON, ORG, GPE, NORP) and the ontology's names (organisations, seats of
  government, countries, capitals, demonyms; ``actor_matcher``), the tables overriding the
  small model where they disagree ("Kremlin" ORG -> RUS GOV; "Vladivostok" PERSON -> a place);
- people's titles and appositives (``actor_titles``): "Indian Prime Minister Narendra Modi" ->
  IND, GOV, "Prime Minister"; "a former Indian ambassador" -> IND, ELI;
- the leaders table on the article's publication date (Modi is IND GOV in 2024);
- groups, a demonym or country with an agent noun ("20 Indian soldiers" -> IND MIL);
- states and capitals only where they take part ("India has avoided", "founded by Moscow"),
  not where they are places ("in Moscow");

and merges mentions ("Modi" = "Narendra Modi"; "ICC" = "International Criminal Court").
Pronouns and nominals ("he", "the Russian leader") are then added by ``coref``. Actor ids are
``a1``, ``a2``... in order of first mention; offsets index ``document.body``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..ontology import gazetteer, leaders, lexicon, names
from ..ontology.gazetteer import key
from ..types import Actor, Document
from . import coref
from .actor_groups import GroupReader
from .actor_state import Cluster
from .actor_titles import Description, agent_at, describe

# A PERSON entity that the gazetteer knows as a place this large, and nobody's name, is a
# place the small model mislabelled ("Vladivostok").
_PLACE_POPULATION = 50_000
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_SUBJECT_OBJECT = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "dative", "agent", "attr"})


def find_actors(doc: Doc, *, document: Document) -> list[Actor]:
    """The actors of ``document``, whose body ``doc`` parses, sorted by first mention."""
    return _Reader(doc, document).read()


class _Reader(GroupReader):
    def read(self) -> list[Actor]:
        people = self._people()
        for start, end in people:
            self._add_person(start, end)
        self._rescue_surnames()
        self._organizations()
        self._states()
        self._groups()
        actors = self._build()
        return coref.add_references(self.doc, actors, when=self.when)

    def _people(self) -> list[tuple[int, int]]:
        """Token spans of people: PERSON entities that are not places or table names, and
        proper-name chains the model missed that a title or appositive marks as people."""
        spans: list[tuple[int, int]] = []
        covered: set[int] = set(self.table_at) | set(self.org_at) | self.blocked
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or any(t.i in covered for t in ent):
                continue
            start = ent.start
            # A title inside the entity ("President Putin") is read as a title.
            while start < ent.end - 1 and agent_at([self.doc[start]], 1) is not None:
                start += 1
            if self._is_place(self.doc[start : ent.end]):
                continue
            spans.append((start, ent.end))
        for ent in self.doc.ents:
            # "Trump" tagged ORG, "Modi" GPE: a name the leaders table knows is a person.
            if (
                ent.label_ in {"ORG", "GPE", "NORP"}
                and not any(t.i in covered for t in ent)
                and all(t.pos_ == "PROPN" for t in ent)
                and leaders.known(coref.mention(self.doc, ent.start, ent.end).text)
            ):
                spans.append((ent.start, ent.end))
        in_ents = {t.i for e in self.doc.ents if e.label_ in _NAMED for t in e}
        for chain in self._propn_chains(covered | in_ents):
            if self._looks_like_person(chain):
                spans.append((chain.start, chain.end))
        return sorted(spans)

    def _propn_chains(self, skip: set[int]) -> list[Span]:
        chains: list[Span] = []
        i = 0
        while i < len(self.doc):
            j = i
            while j < len(self.doc) and self.doc[j].pos_ == "PROPN" and j not in skip:
                j += 1
            if j - i >= 2:
                chains.append(self.doc[i:j])
            i = max(j, i + 1)
        return chains

    def _looks_like_person(self, chain: Span) -> bool:
        if agent_at(list(chain), len(chain)) is not None:
            return False  # "Prime Minister" itself
        if names.gender(chain[0].text.rstrip(".")) is not None:
            return True
        root = chain.root
        for child in root.children:
            if child.dep_ == "appos":
                words = list(self.doc[child.left_edge.i : child.i + 1])
                hit = agent_at(words, len(words))
                if hit is not None and hit[0].kind in {"title", "member"}:
                    return True
        return False

    def _is_place(self, span: Span) -> bool:
        text = span.text
        if leaders.known(text) or names.gender(span[0].text) is not None:
            return False
        entry = gazetteer.best(text)
        return entry is not None and (
            entry.feature != "city" or entry.population >= _PLACE_POPULATION
        )

    def _add_person(self, start: int, end: int) -> None:
        text = coref.mention(self.doc, start, end).text
        cluster = self._person_cluster(text)
        found = describe(
            self.doc,
            start,
            end,
            country_of=self.country_of,
            is_org=self.is_org,
            taken=set(self.table_at) - {i for i in self.table_at if self.country_of(i)},
        )
        self.used |= found.used
        if cluster is None:
            cluster = Cluster(kind="person", key=key(text))
            self.clusters.append(cluster)
        cluster.mentions.append((start, end))
        cluster.names.append(text)
        cluster.descriptions.append(found)

    def _person_cluster(self, text: str) -> Cluster | None:
        """The person ``text`` names again, latest first: the same full name; a surname
        alone ("Modi") or a full name after its surname alone; a first name alone
        ("Hillary") only when no surname matches; or the same person in the leaders table
        ("Zelensky", "Volodymyr Zelenskyy"). "Bill Clinton" is not "Hillary Clinton"."""
        words = _words(text)
        if len(words) == 1:
            # A surname two people share ("Clinton" after Hillary and Chelsea Clinton) is the
            # one the article names most: family and colleagues get first names.
            sharing = [
                c
                for c in self.clusters
                if c.kind == "person"
                and any(len(n) > 1 and n[-1] == words[0] for n in map(_words, c.names))
            ]
            if len(sharing) > 1:
                return max(sharing, key=lambda c: len(c.mentions))
        by_first: Cluster | None = None
        for cluster in reversed(self.clusters):
            if cluster.kind != "person" or cluster.key.startswith("office:"):
                continue
            known = [_words(n) for n in cluster.names]
            full = [n for n in known if len(n) > 1]
            if words in known:
                return cluster
            if len(words) > 1:
                same_surname = [n for n in full if n[-1] == words[-1]]
                if same_surname and all(n[0] == words[0] for n in same_surname):
                    return cluster
                if not full and known and all(n == words[-1:] for n in known):
                    return cluster
            elif any(n[-1] == words[0] for n in full):
                return cluster
            elif by_first is None and any(n[0] == words[0] for n in full):
                by_first = cluster
            mine = leaders.holder(text, self.when)
            theirs = leaders.holder(cluster.names[0], self.when)
            if mine is not None and theirs is not None and mine.person == theirs.person:
                return cluster
        return by_first

    def _rescue_surnames(self) -> None:
        """A known person's surname the model tagged as a place or organisation ("Kwatra"
        ORG, "Modi" GPE), or left untagged, is another mention of that person."""
        surnames = {key(n).split()[-1]: c for c in self.clusters for n in c.names if key(n)}
        mentioned = {i for c in self.clusters for s, e in c.mentions for i in range(s, e)}
        for token in self.doc:
            if (
                token.i in mentioned
                or token.i in self.table_at
                or token.pos_ not in {"PROPN", "NOUN"}
                or not token.text[:1].isupper()
                or key(token.text) not in surnames
            ):
                continue
            ent = token.ent_type_
            if ent and ent not in {"PERSON", "ORG", "GPE", "NORP"}:
                continue
            if ent == "PERSON":
                continue  # PERSON entities were read already
            cluster = surnames[key(token.text)]
            cluster.mentions.append((token.i, token.i + 1))
            cluster.names.append(token.text)

    def _organizations(self) -> None:
        mentioned = self._mentioned()
        for match in self.tables:
            if match.org is None or match.start in mentioned:
                continue
            org = match.org
            k = "org:" + org.name
            cluster = self._cluster(
                k, "igo" if org.type == "igo" else "ngo" if org.type == "ngo" else "organization"
            )
            cluster.org_name = org.name
            cluster.country = org.country
            cluster.sector = org.sector
            cluster.basis = "organization"
            cluster.mentions.append((match.start, match.end))
        taken = mentioned | set(self.table_at) | self.blocked | self.used
        spans = list(self.org_spans)
        for ent in self.doc.ents:
            if ent.label_ != "ORG" or any(t.i in taken or t.i in self.org_at for t in ent):
                continue
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            if start < ent.end:
                spans.append((start, ent.end))
        affiliated = {d.affiliation for c in self.clusters for d in c.descriptions if d.affiliation}
        for start, end in sorted(spans):
            span = self.doc[start:end]
            if any(t.i in taken for t in span):
                continue
            is_affiliation = any(i in affiliated for i in range(start, end))
            if self._is_place(span) and not self.is_org(start):
                continue
            if not is_affiliation and not self._participates(span.root, place_ok=True):
                continue
            cluster = self._org_named(span.text)
            cluster.org_name = cluster.org_name or span.text
            # "Israel's Cabinet", "the Latvian Constitutional Court": a national body.
            inside = [self.country_of(t.i) for t in span]
            around = [self.country_of(c.i) for c in span.root.children if c.i < start]
            cluster.country = cluster.country or next((c for c in inside + around if c), None)
            # "... Institute", "Ministry of ...": the word that makes it an organisation
            # says what kind ("institute" -> EDU); otherwise an agent noun may ("Army").
            heads = [lexicon.value("org_head", t.lower_) for t in span]
            sector = next((h for h in heads if h), None)
            hit = agent_at(list(span), len(span))
            if cluster.sector is None and (sector or (hit and hit[0].sector)):
                cluster.sector = sector or (hit[0].sector if hit else None)
                cluster.basis = "title"
            cluster.mentions.append((start, end))

    def _org_named(self, text: str) -> Cluster:
        """The organisation ``text`` names: an earlier one whose name ends with it ("the
        Post" after "New York Post"), or a new one."""
        k = key(text)
        for cluster in self.clusters:
            if cluster.kind == "organization" and cluster.org_name:
                name = key(cluster.org_name)
                if name == k or name.endswith(" " + k):
                    return cluster
        return self._cluster("org:" + k, "organization")

    def _states(self) -> None:
        mentioned = self._mentioned()
        for match in self.tables:
            if match.org is not None or match.start in mentioned:
                continue
            if any(i in self.used for i in range(match.start, match.end)):
                continue
            root = self.doc[match.start : match.end].root
            if match.metonym is not None:
                if not self._participates(root, place_ok=False):
                    continue
                m = match.metonym
                cluster = self._cluster(f"state:{m.country}:{m.sector}", "state")
                cluster.country, cluster.sector, cluster.basis = m.country, m.sector, "metonym"
            elif match.kind == "capital" and match.country is not None:
                if root.ent_type_ not in {"GPE", ""} or not self._participates(root, place_ok=True):
                    continue
                c = match.country
                cluster = self._cluster(f"state:{c.iso3}:GOV", "state")
                cluster.country, cluster.sector, cluster.basis = c.iso3, "GOV", "metonym"
            elif match.kind == "name" and match.country is not None and not self._does_event(root):
                if not self._participates(root, place_ok=True):
                    continue
                c = match.country
                cluster = self._cluster(f"state:{c.iso3}", "state")
                cluster.country, cluster.basis = c.iso3, "gazetteer"
                cluster.org_name = c.name
            elif (
                match.kind in {"demonym", "name"}
                and match.country is not None
                and self._does_event(root)
            ):
                # "an Indian proposal", "U.S. mediation": the country that proposes.
                cluster = self._cluster(f"state:{match.country.iso3}", "state")
                cluster.country, cluster.basis = match.country.iso3, "demonym"
                cluster.org_name = match.country.name
            elif match.kind == "demonym" and match.country is not None:
                # A people-word alone ("the Russians said"); as an adjective it is read
                # with the noun it modifies (groups) or not at all ("Russian oil").
                if root.tag_ not in {"NNS", "NNPS"} or not self._participates(root, place_ok=True):
                    continue
                c = match.country
                cluster = self._cluster(f"group:{c.iso3}:", "group")
                cluster.country, cluster.basis = c.iso3, "demonym"
            else:
                continue
            cluster.mentions.append((match.start, match.end))

    def _does_event(self, token: Token) -> bool:
        """Whether ``token`` (a demonym or country name) modifies a noun for something
        done or said ("Indian proposal", "Russian invasion", "U.S.-led war" aside)."""
        head = token.head
        return (
            token.dep_ in {"amod", "compound", "nmod"}
            and head.pos_ == "NOUN"
            and head.lemma_.lower() in lexicon.words("event_noun")
        )

    def _participates(self, token: Token, *, place_ok: bool) -> bool:
        """Whether ``token`` heads a participant (subject, object, possessor, agent,
        object of "with", "between", "against"...) rather than a place. ``place_ok``:
        the word names a place in its own right (a country), so a possessed place noun
        ("Russia's Far East") or a locative preposition makes it a place."""
        t = token
        while t.dep_ in {"conj", "appos"} and t.head.i != t.i:
            t = t.head
        dep = t.dep_
        if dep in _SUBJECT_OBJECT:
            return True
        if dep == "poss":
            head = t.head
            return not (
                head.lemma_.lower() in lexicon.words("place_noun")
                or head.ent_type_ in {"GPE", "LOC", "FAC"}
            )
        if dep == "pobj":
            prep = t.head
            if prep.lower_ not in lexicon.words("actor_prep"):
                return not place_ok and prep.lower_ not in lexicon.words("place_prep")
            if prep.lower_ in {"to", "into"}:
                # "aid to Mozambique": a recipient; "traveled to Russia": a destination.
                return prep.head.lemma_.lower() not in lexicon.words("motion_verb")
            if prep.lower_ in {"of", "for", "on", "over"}:
                governor = prep.head
                return governor.pos_ in {"NOUN", "PROPN"} and (
                    governor.lemma_.lower() not in lexicon.words("place_noun")
                )
            return True
        return False

    # --- output -------------------------------------------------------------------------

    def _build(self) -> list[Actor]:
        built: list[tuple[int, Actor]] = []
        for cluster in self.clusters:
            spans = sorted(set(cluster.mentions))
            if not spans:
                continue
            if cluster.kind == "person" and not cluster.key.startswith("office:"):
                self._resolve_person(cluster)
            mentions = tuple(coref.mention(self.doc, s, e) for s, e in spans)
            name = self._name(cluster, spans)
            built.append(
                (
                    mentions[0].start,
                    Actor(
                        id="",
                        name=name,
                        type=cluster.kind,
                        country=cluster.country,
                        sector=cluster.sector,
                        title=cluster.title,
                        affiliation=cluster.affiliation,
                        mentions=mentions,
                        basis=cluster.basis,
                    ),
                )
            )
        built.sort(key=lambda item: item[0])
        return [coref.with_id(actor, f"a{n}") for n, (_, actor) in enumerate(built, start=1)]

    def _name(self, cluster: Cluster, spans: list[tuple[int, int]]) -> str:
        if cluster.kind == "person":
            return max(cluster.names, key=lambda n: (len(n.split()), len(n)))
        if cluster.org_name:
            return cluster.org_name
        text = self.doc[spans[0][0] : spans[0][1]].text
        return text[4:] if text.lower().startswith("the ") else text

    def _resolve_person(self, cluster: Cluster) -> None:
        """Country, sector, title and affiliation from the words around the name, checked
        against the leaders table on the publication date."""
        said = Description()
        for d in cluster.descriptions:
            said.agent = said.agent or d.agent
            said.title = said.title or d.title
            said.country = said.country or d.country
            said.former = said.former or d.former
            if said.affiliation is None and d.affiliation is not None:
                said.affiliation = d.affiliation
        holding = None
        for name in sorted(cluster.names, key=lambda n: -len(n)):
            holding = leaders.holder(name, self.when) or leaders.holder(
                " ".join(_words(name)), self.when
            )
            if holding is not None:
                break
        if holding is None and said.agent is not None and said.agent.kind == "title":
            # "President Mugabe": a titled surname is worth a look in the table, where a
            # bare surname is not.
            for name in cluster.names:
                holding = leaders.holder_by_surname(name, self.when, sector=said.agent.sector)
                if holding is not None:
                    break
        affiliation = self._affiliation(said.affiliation)
        cluster.title = said.title
        cluster.affiliation = affiliation[0] if affiliation else None
        text_sector = "ELI" if said.former else (said.agent.sector if said.agent else None)
        if holding is not None and holding.status == "current":
            cluster.country = holding.country or said.country
            cluster.sector = "ELI" if said.former else holding.sector
            if holding.sector == "ELI" and text_sector:
                # The table has no office for that day but the article names one: the
                # table is incomplete (or the article looks back); the article wins.
                cluster.sector = text_sector
            cluster.title = cluster.title or holding.title
            cluster.affiliation = cluster.affiliation or holding.affiliation
            cluster.basis = "leaders"
        elif holding is not None and holding.status == "former" and not text_sector:
            cluster.country = holding.country or said.country
            cluster.sector = "ELI"
            cluster.title = cluster.title or holding.title
            cluster.basis = "leaders"
        elif text_sector or said.country:
            cluster.country = said.country or (holding.country if holding else None)
            cluster.sector = text_sector
            cluster.basis = "title" if text_sector else "demonym"
        elif holding is not None:
            cluster.country, cluster.sector = holding.country, holding.sector
            cluster.basis = "leaders"
        if cluster.country is None and holding is not None and holding.country:
            cluster.country = holding.country
            cluster.basis = cluster.basis or "leaders"
        if (
            affiliation is not None
            and affiliation[1] in {"IGO", "NGO"}
            and said.agent is not None
            and not said.former
            and cluster.basis != "leaders"
        ):
            # "U.N. Secretary-General Kofi Annan": an official of an IGO speaks for it.
            cluster.sector = affiliation[1]
            cluster.basis = "affiliation"
        if cluster.sector is None and affiliation is not None and affiliation[1]:
            cluster.sector = affiliation[1]
            cluster.basis = cluster.basis or "affiliation"
        if cluster.country is None and affiliation is not None and affiliation[2]:
            cluster.country = affiliation[2]

    def _affiliation(self, token: int | None) -> tuple[str, str | None, str | None] | None:
        """(name, sector, country-if-a-state-body) of the organisation at ``token``."""
        if token is None:
            return None
        match = self.table_at.get(token)
        if match is None and self.doc[token].ent_type_ == "ORG":
            # The model's ORG entity may hold a table name ("the Carnegie ... Center").
            ent = next(e for e in self.doc.ents if e.start <= token < e.end)
            match = next((self.table_at[t.i] for t in ent if t.i in self.table_at), None)
        if match is not None and match.org is not None:
            org = match.org
            state_body = org.sector in {"GOV", "MIL", "LEG", "SPY", "COP", "JUD"}
            return org.name, org.sector, org.country if state_body else None
        if token in self.org_at:
            s, e = self.org_at[token]
            return self.doc[s:e].text, None, None
        for ent in self.doc.ents:
            if ent.start <= token < ent.end:
                text = ent.text
                return (text[4:] if text.lower().startswith("the ") else text), None, None
        return None


def _words(name: str) -> list[str]:
    """The words of a name for comparing names, without "Jr." and the like."""
    words = key(name.replace(",", " ")).split()
    while len(words) > 1 and words[-1] in lexicon.words("name_suffix"):
        words.pop()
    return words
