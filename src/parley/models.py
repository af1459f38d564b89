"""The records that flow between parley's stages.

Every stage takes and returns these plain dataclasses, so a stage can be tested,
replaced or run on its own. Offsets are character offsets into ``Article.text``;
``rule`` always names the rule or dictionary entry that produced the record.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Article:
    """One news article, cleaned to plain text, with its metadata."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    language: str = "en"
    source: str | None = None  # where it was read from (path, URL, feed)
    content_hash: str = ""
    duplicate_of: str | None = None  # id of the first copy when a near-duplicate


@dataclass
class Sentence:
    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass
class ActorMention:
    """A span of text resolved (or not) to an actor code at a given date."""

    text: str
    start: int
    end: int
    code: str | None = None  # e.g. USAGOV, RUSBUS, EUR
    country: str | None = None  # ISO3 or bloc code
    sector: str | None = None  # GOV, MIL, BUS, ...
    name: str | None = None  # canonical name from the actor base
    office: str | None = None
    kind: str | None = None  # person, org, country, agent
    rule: str = ""
    article_id: str | None = None
    sentence_index: int | None = None

    @property
    def resolved(self) -> bool:
        return self.country is not None


@dataclass
class TimeExpression:
    """When something happened, at the precision the text gives."""

    value: str  # YYYY-MM-DD, YYYY-MM, YYYY, or YYYY for a decade's first year
    granularity: str  # day, month, year, decade, vague, reported
    text: str = ""
    start: int | None = None
    end: int | None = None
    rule: str = ""
    end_value: str | None = None  # for ranges


@dataclass
class Place:
    """A resolved location with coordinates from the offline gazetteer."""

    name: str
    country: str | None = None  # ISO3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # city, country, admin1, base, strait, ...
    precision: str | None = None  # city, admin1, country, feature
    text: str = ""
    start: int | None = None
    end: int | None = None
    rule: str = ""


@dataclass
class Amount:
    """A number claimed in text: money, a percentage or a count."""

    kind: str  # money, percent, count
    value: float | None
    text: str
    start: int
    end: int
    currency: str | None = None
    vague: bool = False  # "billions of dollars": value is a lower bound
    year: int | None = None
    direction: str | None = None  # rise, fall
    rule: str = ""


@dataclass
class Claim:
    """A statement attributed to a speaker, with the amounts it contains."""

    article_id: str
    sentence_index: int
    speaker: ActorMention | None
    verb: str
    text: str
    start: int
    end: int
    stance: list[str] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    rule: str = ""


@dataclass
class Event:
    """One coded event with the evidence that supports it."""

    article_id: str
    sentence_index: int
    cameo: str
    plover: str | None
    actors: list[ActorMention]
    recipients: list[ActorMention]
    trigger: str  # the words that fired the rule
    start: int  # evidence span in the article text (the sentence)
    end: int
    sentence: str
    rule: str
    quad_class: int | None = None
    goldstein: float | None = None
    modes: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    date: TimeExpression | None = None
    place: Place | None = None
    source_actor: ActorMention | None = None  # who reported it ("X said ...")
    confidence: float = 0.5
    trigger_start: int | None = None
    trigger_end: int | None = None
    explanation: list[str] = field(default_factory=list)
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class IngestError:
    """A problem with one input item; batches record it and carry on."""

    input: str
    stage: str
    message: str

    def __str__(self) -> str:
        return f"{self.input}: {self.message}"


class ParleyError(Exception):
    """An error the user can act on: the CLI prints it on one line, no traceback."""
