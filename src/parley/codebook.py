"""The codebook: CAMEO codes with their PLOVER type, and the verb dictionary.

Both are data files under ``data/``: ``cameo.csv`` (generated from the reference tables
by ``scripts/make_cameo_table.py``) and ``verbs.yaml`` (parley's own verb patterns). A
verb pattern maps a lemma plus optional constraints (object head, particle, preposition,
actor sector) to a CAMEO code; the most specific pattern that fits wins.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from parley.models import ParleyError

DEFAULT_RECIPIENTS = ("dobj", "dative", "prep:with", "prep:to", "prep:against", "prep:on",
                      "prep:toward", "prep:towards", "prep:at", "prep:into", "prep:for",
                      "ccomp.nsubj")


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    plover: str | None
    mode: str | None
    context: tuple[str, ...]
    quad_class: int
    goldstein: float | None


class CameoTable:
    """CAMEO code -> label, PLOVER type, PLOVER mode and context, quad class, Goldstein."""

    def __init__(self, codes: dict[str, CameoCode]):
        self.codes = codes

    @classmethod
    def load(cls) -> CameoTable:
        text = (resources.files("parley") / "data" / "cameo.csv").read_text(encoding="utf-8")
        codes = {}
        for row in csv.DictReader(text.splitlines()):
            codes[row["cameo"]] = CameoCode(
                code=row["cameo"], label=row["label"], plover=row["plover"] or None,
                mode=row["mode"] or None,
                context=tuple(c for c in row["context"].split(";") if c),
                quad_class=int(row["quad_class"]),
                goldstein=float(row["goldstein"]) if row["goldstein"] else None)
        return cls(codes)

    def get(self, code: str) -> CameoCode:
        """The entry for a code, falling back to its three- and two-digit parents."""
        for candidate in (code, code[:3], code[:2] + "0", code[:2]):
            if candidate in self.codes:
                return self.codes[candidate]
        raise ParleyError(f"CAMEO code {code!r}: not in the CAMEO table")


@dataclass(frozen=True)
class VerbPattern:
    """One dictionary entry. Constraints left empty match anything."""

    id: str
    lemma: str
    cameo: str
    pos: str = "VERB"
    object: tuple[str, ...] = ()
    particle: str | None = None
    prep: str | None = None
    actor_sector: tuple[str, ...] = ()
    pp: tuple[str, tuple[str, ...]] | None = None  # a prepositional phrase: ("on", ("phone",))
    exclude: tuple[str, ...] = ()  # dependency labels the verb must not have ("call X useful")
    require: tuple[str, ...] = ()  # dependency labels the verb must have ("called X a Y")
    not_object: tuple[str, ...] = ()  # object words that rule it out ("hosts troops")
    require_recipient: bool = False  # "called Putin" is a phone call, "called the talks" is not
    prospective_only: bool = False  # "would respond": a threat; "responded by" is no event
    fallback: bool = False  # an event only when its complement clause codes none of its own
    plover: str | None = None  # where the PLOVER manual codes the verb differently
    mode: str | None = None
    recipient: tuple[str, ...] = DEFAULT_RECIPIENTS
    actor: tuple[str, ...] = ()  # "drew criticism from Kyiv": the actor's slot; the subject
    # is then the recipient
    symmetric: bool = False
    source: str = ""

    @property
    def specificity(self) -> int:
        return (bool(self.object) + bool(self.particle) + bool(self.prep)
                + bool(self.actor_sector) + bool(self.pp) + bool(self.require))


def pattern_from_dict(raw: dict, source: str) -> VerbPattern:
    try:
        lemma, cameo = str(raw["lemma"]).lower(), str(raw["cameo"])
    except KeyError as exc:
        raise ParleyError(f"{source}: verb entry {raw!r} lacks {exc}") from exc
    objects = tuple(str(o).lower() for o in _as_list(raw.get("object")))
    for key in ("prep", "particle"):
        if isinstance(raw.get(key), bool):  # YAML 1.1 reads a bare on/off/yes/no as a bool
            raise ParleyError(f"{source}: quote the {key} of {raw!r}")
    pp = raw.get("pp")
    pp_value = (str(pp["prep"]).lower(), tuple(str(o).lower() for o in _as_list(
        pp.get("object")))) if isinstance(pp, dict) and pp.get("prep") else None
    parts = [lemma, *(["+" + "|".join(objects)] if objects else []),
             *([raw["particle"]] if raw.get("particle") else []),
             *([f"({raw['prep']})"] if raw.get("prep") else []),
             *([f"({pp_value[0]} {'|'.join(pp_value[1])})"] if pp_value else [])]
    return VerbPattern(
        id=raw.get("id") or "".join(parts) + f":{cameo}", lemma=lemma, cameo=cameo,
        pos=raw.get("pos", "VERB").upper(), object=objects, particle=raw.get("particle"),
        prep=raw.get("prep"), pp=pp_value, exclude=tuple(_as_list(raw.get("exclude"))),
        require=tuple(_as_list(raw.get("require"))),
        not_object=tuple(str(o).lower() for o in _as_list(raw.get("not_object"))),
        require_recipient=bool(raw.get("require_recipient")),
        prospective_only=bool(raw.get("prospective_only")),
        fallback=bool(raw.get("fallback")),
        plover=raw.get("plover"), mode=raw.get("mode"),
        actor_sector=tuple(_as_list(raw.get("actor_sector"))),
        recipient=tuple(dict.fromkeys([*_as_list(raw.get("recipient")), *DEFAULT_RECIPIENTS])),
        actor=tuple(_as_list(raw.get("actor"))),
        # meeting and cooperating are reciprocal: "India and Russia held joint drills"
        symmetric=bool(raw.get("symmetric", cameo.startswith(("04", "06"))
                                and cameo[:3] not in {"042", "043"})),  # a visit has a host
        source=raw.get("source") or source)


def _as_list(value: object) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


@dataclass
class VerbDictionary:
    """Verb and event-noun patterns indexed by (part of speech, lemma)."""

    patterns: dict[tuple[str, str], list[VerbPattern]] = field(default_factory=dict)
    reporting: frozenset[str] = frozenset()
    object_targets: dict[str, str] = field(default_factory=dict)  # "demonstration" -> CVL
    target_sites: dict[str, str] = field(default_factory=dict)  # "village" -> CVL, wherever
    labelling: frozenset[str] = frozenset()  # "called X a Y", "described X as Y"
    condemning: frozenset[str] = frozenset()  # "illegal", "act of war": words that accuse
    unanswered: frozenset[str] = frozenset()  # "will not go unpunished": a threat

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> VerbDictionary:
        data = resources.files("parley") / "data"
        raw = yaml.safe_load((data / "verbs.yaml").read_text(encoding="utf-8"))
        targets = yaml.safe_load((data / "object_targets.yaml").read_text(encoding="utf-8"))
        book = cls(reporting=frozenset(raw.get("reporting_verbs", [])),
                   object_targets=targets["own_country"], target_sites=targets["sites"],
                   labelling=frozenset(raw.get("labelling_verbs", [])),
                   condemning=frozenset(raw.get("condemning_words", [])),
                   unanswered=frozenset(raw.get("unanswered_words", [])))
        book.add(pattern_from_dict(e, f"verbs.yaml:{e['lemma']}") for e in raw["patterns"])
        for path in extra:
            try:
                entries = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
            except (OSError, yaml.YAMLError) as exc:
                raise ParleyError(f"{path}: cannot read verb dictionary ({exc})") from exc
            book.add(pattern_from_dict(e, f"{Path(path).name}") for e in entries)
        return book

    def add(self, patterns: Iterable[VerbPattern]) -> None:
        for p in patterns:
            self.patterns.setdefault((p.pos, p.lemma), []).append(p)

    def candidates(self, pos: str, lemma: str) -> list[VerbPattern]:
        return self.patterns.get((pos, lemma.lower()), [])

    def __len__(self) -> int:
        return sum(len(v) for v in self.patterns.values())


@functools.lru_cache(maxsize=1)
def default_cameo_table() -> CameoTable:
    return CameoTable.load()
