"""Story events: the events of different articles that report the same real-world event.

Counting every report as an event inflates whatever the press covers most (GDELT's known
bias). A story groups events of one PLOVER type whose actor countries overlap, whose
dates fall within a window and whose places agree where both are known, so counts and
time series can count what happened once, with the number of articles and outlets that
reported it as a separate measure of attention.

Rules, in order of use:

* Negated and hypothetical events did not happen and are left out (as `parley events`
  hides them by default).
* Each event gets a date span: a day date is itself; a date the coder could only take
  from the article ('reported') spans the publication date minus 0..2 days; a month
  spans the month. Events dated to a year or vaguer stay stories of their own.
* Events are placed most precise first, earliest first, so a story is anchored on its
  earliest precise date; an event joins the story whose anchor is nearest, if the gap
  is at most ``window_days``.
* Countries: a CONSULT is an unordered meeting, so its participant countries must be one
  a subset of the other ("Putin flew to Alaska" joins Trump–Putin, Putin–Zelensky does
  not). Other types are directed: source countries must overlap, and target countries
  too when both events name one.
* Places: the place countries must match when both are known.
* A phone call is not the meeting it precedes: CONSULT events join only events of the same
  medium (PLOVER mode 'phone' or not).
* One article's two events dated to different days are two events, never one story.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from parley.models import ActorMention, Article, Event

HIDDEN_MODES = frozenset({"negation", "hypothetical"})
REPORTED_TOLERANCE_DAYS = 2
UNORDERED_TYPES = frozenset({"CONSULT"})
_PRECISION = {"day": 0, "vague": 1, "reported": 2, "month": 3}


@dataclass
class Evidence:
    """One event behind a story, with where it was read."""

    event_id: str
    article_id: str
    outlet: str | None
    published: str | None
    sentence: str


@dataclass
class Story:
    """One real-world event, reported by one or more articles."""

    id: str
    type: str
    dyad: str
    sources: list[str]  # source countries; a CONSULT's participants, which have no direction
    targets: list[str]
    date: str
    date_precision: str
    place: str | None
    place_country: str | None
    n_articles: int
    n_outlets: int
    outlets: list[str]
    first_report: str | None
    last_report: str | None
    evidence: list[Evidence]
    events: list[Event] = field(repr=False, default_factory=list)

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(self.sources) | frozenset(self.targets)


@dataclass
class _Cluster:
    type: str
    anchor: tuple[date, date] | None
    sources: frozenset[str]
    targets: frozenset[str]
    place_country: str | None
    events: list[Event] = field(default_factory=list)


def build_stories(events: Iterable[Event], articles: Iterable[Article],
                  window_days: int = 3) -> list[Story]:
    """Cluster events that report the same real-world event into stories, by date."""
    by_id = {a.id: a for a in articles}
    kept = [e for e in events if e.plover and not HIDDEN_MODES & set(e.modes)]
    spans = {e.id: _span(e, by_id.get(e.article_id)) for e in kept}
    clusters: list[_Cluster] = []
    for event in sorted(kept, key=lambda e: _placing_order(e, spans[e.id], by_id)):
        span = spans[event.id]
        fitting = [(_gap(span, c.anchor), i) for i, c in enumerate(clusters)
                   if _fits(c, event, span, window_days)]
        if fitting:
            _join(clusters[min(fitting)[1]], event)
        else:
            clusters.append(_new_cluster(event, span))
    stories = [_story(c, by_id) for c in clusters]
    return sorted(stories, key=lambda s: (s.date, s.type, s.id))


def single_event_stories(events: Iterable[Event], articles: Iterable[Article]) -> list[Story]:
    """Every event as a story of its own: for counting reports instead of stories."""
    by_id = {a.id: a for a in articles}
    kept = [e for e in events if e.plover and not HIDDEN_MODES & set(e.modes)]
    stories = [_story(_new_cluster(e, _span(e, by_id.get(e.article_id))), by_id) for e in kept]
    return sorted(stories, key=lambda s: (s.date, s.type, s.id))


def story_record(story: Story) -> dict:
    """A story for JSON output: its fields and its evidence, without the full events."""
    return {
        "id": story.id, "type": story.type, "dyad": story.dyad, "sources": story.sources,
        "targets": story.targets, "date": story.date,
        "date_precision": story.date_precision, "place": story.place,
        "place_country": story.place_country, "n_articles": story.n_articles,
        "n_outlets": story.n_outlets, "outlets": story.outlets,
        "first_report": story.first_report, "last_report": story.last_report,
        "evidence": [vars(ev) for ev in story.evidence],
    }


def story_row(story: Story) -> dict:
    """A flat view for tables and CSV."""
    return {"date": story.date, "type": story.type, "dyad": story.dyad,
            "place": story.place or "", "articles": story.n_articles,
            "outlets": ", ".join(story.outlets), "first_report": story.first_report or "",
            "evidence": story.evidence[0].sentence.strip().replace("\n", " "), "id": story.id}


def _countries(mentions: list[ActorMention]) -> frozenset[str]:
    return frozenset(m.country for m in mentions if m.country)


def _sides(event: Event) -> tuple[frozenset[str], frozenset[str]]:
    """Source and target countries; a CONSULT has one side, its participants."""
    sources, targets = _countries(event.actors), _countries(event.recipients)
    if event.plover in UNORDERED_TYPES:
        return sources | targets, frozenset()
    return sources, targets


def _span(event: Event, article: Article | None) -> tuple[date, date] | None:
    """The days an event may have happened on, or None when dated to a year or vaguer."""
    when = event.date
    published = article.published if article else None
    if when is None or when.granularity == "reported":
        if not (published or (when and len(when.value) == 10)):
            return None
        day = date.fromisoformat(published or when.value)
        return day - timedelta(days=REPORTED_TOLERANCE_DAYS), day
    if when.granularity in {"day", "vague"} and len(when.value) == 10:
        day = date.fromisoformat(when.value)
        return day, day
    if when.granularity == "month" and len(when.value) == 7:
        first = date.fromisoformat(when.value + "-01")
        following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
        return first, following - timedelta(days=1)
    return None


def _placing_order(event: Event, span: tuple[date, date] | None,
                   articles: dict[str, Article]) -> tuple:
    """Most precise first, then earliest, then the event naming the most countries."""
    granularity = event.date.granularity if event.date else "reported"
    sources, targets = _sides(event)
    article = articles.get(event.article_id)
    return (span is None, _PRECISION.get(granularity, 9), span[0] if span else date.max,
            -len(sources | targets), (article.published if article else None) or "",
            event.article_id, event.start, event.id)


def _gap(span: tuple[date, date] | None, anchor: tuple[date, date] | None) -> int:
    """Days between two spans (0 when they overlap)."""
    if span is None or anchor is None:
        return 10**6
    return max(0, (anchor[0] - span[1]).days, (span[0] - anchor[1]).days)


def _fits(cluster: _Cluster, event: Event, span: tuple[date, date] | None,
          window_days: int) -> bool:
    if event.plover != cluster.type or span is None or cluster.anchor is None:
        return False
    if _gap(span, cluster.anchor) > window_days:
        return False
    place = event.place.country if event.place else None
    if place and cluster.place_country and place != cluster.place_country:
        return False
    if any(_by_phone(event) != _by_phone(e) or _other_day_same_article(event, e)
           for e in cluster.events):
        return False
    sources, targets = _sides(event)
    if event.plover in UNORDERED_TYPES:
        return bool(sources & cluster.sources) and (sources <= cluster.sources
                                                   or cluster.sources <= sources)
    targets_agree = not targets or not cluster.targets or bool(targets & cluster.targets)
    return bool(sources & cluster.sources) and targets_agree


def _by_phone(event: Event) -> bool:
    return "phone" in event.modes


def _other_day_same_article(event: Event, other: Event) -> bool:
    return (event.article_id == other.article_id and _day(event) is not None
            and _day(other) is not None and _day(event) != _day(other))


def _day(event: Event) -> str | None:
    when = event.date
    return when.value if when and when.granularity == "day" else None


def _new_cluster(event: Event, span: tuple[date, date] | None) -> _Cluster:
    sources, targets = _sides(event)
    return _Cluster(type=event.plover or "", anchor=span, sources=sources, targets=targets,
                    place_country=event.place.country if event.place else None,
                    events=[event])


def _join(cluster: _Cluster, event: Event) -> None:
    sources, targets = _sides(event)
    cluster.sources |= sources
    cluster.targets |= targets
    cluster.place_country = cluster.place_country or (event.place.country if event.place
                                                      else None)
    cluster.events.append(event)


def _dyad(cluster: _Cluster) -> str:
    """'RUS-USA' for a meeting (sorted: it has no direction), 'USA-RUS' source first else."""
    if cluster.type in UNORDERED_TYPES:
        return "-".join(sorted(cluster.sources))
    return "-".join(filter(None, ["+".join(sorted(cluster.sources)),
                                  "+".join(sorted(cluster.targets))]))


def _story(cluster: _Cluster, articles: dict[str, Article]) -> Story:
    def published(e: Event) -> str:
        article = articles.get(e.article_id)
        return (article.published if article else None) or ""

    evidence_order = sorted(cluster.events, key=lambda e: (published(e), e.article_id, e.start))
    anchor = cluster.events[0]
    precision = anchor.date.granularity if anchor.date else "reported"
    if precision == "reported" and cluster.anchor:
        story_date = cluster.anchor[1].isoformat()
    else:
        story_date = anchor.date.value if anchor.date else ""
    outlets = sorted({articles[e.article_id].outlet or "(unknown outlet)"
                      for e in cluster.events if e.article_id in articles})
    reports = sorted(filter(None, (published(e) for e in cluster.events)))
    place = next((e.place for e in cluster.events if e.place), None)
    first = evidence_order[0]
    return Story(
        id="st-" + hashlib.sha1(first.id.encode()).hexdigest()[:10],
        type=cluster.type, dyad=_dyad(cluster), sources=sorted(cluster.sources),
        targets=sorted(cluster.targets), date=story_date, date_precision=precision,
        place=place.name if place else None, place_country=cluster.place_country,
        n_articles=len({e.article_id for e in cluster.events}), n_outlets=len(outlets),
        outlets=outlets, first_report=reports[0] if reports else None,
        last_report=reports[-1] if reports else None,
        evidence=[Evidence(e.id, e.article_id,
                           articles[e.article_id].outlet if e.article_id in articles else None,
                           published(e) or None, e.sentence.strip())
                  for e in evidence_order],
        events=evidence_order)
