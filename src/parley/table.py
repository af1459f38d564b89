"""Who sits at the table: the sectors of the people taking part in talks, by period.

"The suits have replaced the diplomats" is a claim about the people in the room. For each
CONSULT story of a dyad, the participants are the people named as actors or recipients
in any of its evidence, with the sector the actor base gave them on the event's date
(Jared Kushner: USA BUS; Steve Witkoff: USA GOV as special envoy). Countries, agencies
and generic agents ("the two sides") are not people and are not counted. Each period
counts distinct people; a person's sector is the one held in the period's latest story.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from parley.models import ParleyError
from parley.stories import Story

SECTORS = ("GOV", "MIL", "BUS", "other")
PERIODS = ("month", "quarter", "year")


@dataclass
class Participant:
    name: str
    country: str | None
    sector: str | None
    code: str | None


@dataclass
class Seat:
    """The people at one meeting (a CONSULT story)."""

    story_id: str
    date: str
    participants: list[Participant]
    event_ids: list[str]


@dataclass
class TableShares:
    """The sector make-up of the people at a dyad's talks in one period."""

    period: str
    people: int
    shares: dict[str, float]
    names: dict[str, list[str]]
    story_ids: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)


def parse_dyad(dyad: str) -> frozenset[str]:
    """'USA-RUS' → {USA, RUS}: talks have no direction."""
    parts = [p.strip().upper() for p in dyad.split("-")]
    if len(parts) != 2 or not all(p.isalpha() and len(p) == 3 for p in parts):
        raise ParleyError(f"--dyad {dyad}: expected two country codes like USA-RUS")
    return frozenset(parts)


def period_of(day: str, by: str) -> str | None:
    """The month (2025-02), quarter (2025-Q1) or year (2025) a date falls in; None when
    the date is coarser than the period (a story dated only to 2019 has no month)."""
    if by not in PERIODS:
        raise ParleyError(f"--by {by}: expected one of {', '.join(PERIODS)}")
    if len(day) < (4 if by == "year" else 7):
        return None
    if by == "year":
        return day[:4]
    if by == "quarter":
        return f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}"
    return day[:7]


def seats(stories: Iterable[Story], dyad: str | None = None) -> list[Seat]:
    """Participants of each CONSULT story (whose countries include the dyad's, if given)."""
    wanted = parse_dyad(dyad) if dyad else frozenset()
    found = []
    for story in stories:
        if story.type != "CONSULT" or not wanted <= story.countries:
            continue
        people: dict[str, Participant] = {}
        for event in story.events:
            for m in [*event.actors, *event.recipients]:
                if m.kind == "person" and m.country:
                    name = m.name or m.text
                    people.setdefault(name, Participant(name, m.country, m.sector, m.code))
        found.append(Seat(story.id, story.date, list(people.values()),
                          [e.id for e in story.events]))
    return found


def sector_of(participant: Participant) -> str:
    return participant.sector if participant.sector in SECTORS else "other"


def sector_shares(stories: Iterable[Story], dyad: str = "USA-RUS",
                  by: str = "month") -> list[TableShares]:
    """Per period, the share of distinct people at the dyad's talks in each sector."""
    periods: dict[str, list[Seat]] = {}
    for seat in sorted(seats(stories, dyad), key=lambda s: s.date):
        period = period_of(seat.date, by)
        if period:
            periods.setdefault(period, []).append(seat)
    result = []
    for period, members in sorted(periods.items()):
        latest: dict[str, str] = {}
        for seat in members:
            for p in seat.participants:
                latest[p.name] = sector_of(p)
        if not latest:
            continue
        names = {s: sorted(n for n, sec in latest.items() if sec == s) for s in SECTORS}
        result.append(TableShares(
            period=period, people=len(latest),
            shares={s: len(names[s]) / len(latest) for s in SECTORS}, names=names,
            story_ids=[s.story_id for s in members],
            event_ids=[e for s in members for e in s.event_ids]))
    return result


def shares_row(t: TableShares) -> dict:
    """A flat view for tables and CSV: shares in percent, then who was there."""
    return {"period": t.period, "people": t.people,
            **{s: f"{t.shares[s]:.0%}" for s in SECTORS},
            "who": "; ".join(f"{s}: {', '.join(t.names[s])}" for s in SECTORS if t.names[s]),
            "stories": len(t.story_ids)}


def shares_record(t: TableShares) -> dict:
    """The full record for JSON: shares, names by sector, stories and evidence events."""
    return {"period": t.period, "people": t.people, "shares": t.shares, "names": t.names,
            "stories": t.story_ids, "events": t.event_ids}
