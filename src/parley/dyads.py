"""Dyad time series: stories per period by country pair and quad class, with mean Goldstein.

Counting stories rather than reports keeps a summit covered by four outlets from weighing
four times a meeting covered by one. Directed types give ordered pairs (source country,
target country); a CONSULT gives its unordered pairs of participants, written sorted.
Stories naming a single country are not dyadic and are left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations, product

from parley.stories import UNORDERED_TYPES, Story
from parley.table import period_of

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                4: "material conflict"}


@dataclass
class DyadCount:
    """Stories of one dyad and quad class in one period."""

    period: str
    dyad: str
    directed: bool  # False for talks, whose pair is written sorted
    quad_class: int | None
    stories: int
    goldstein: float | None
    story_ids: list[str] = field(default_factory=list)


def story_pairs(story: Story) -> list[str]:
    """The country pairs a story is about, e.g. ['USA-RUS'] or ['RUS-USA'] for talks."""
    if story.type in UNORDERED_TYPES:
        return [f"{a}-{b}" for a, b in combinations(sorted(story.sources), 2)]
    return [f"{a}-{b}" for a, b in product(story.sources, story.targets) if a != b]


def story_quad(story: Story) -> int | None:
    """The quad class most of the story's events carry."""
    quads = Counter(e.quad_class for e in story.events if e.quad_class is not None)
    return quads.most_common(1)[0][0] if quads else None


def story_goldstein(story: Story) -> float | None:
    scores = [e.goldstein for e in story.events if e.goldstein is not None]
    return sum(scores) / len(scores) if scores else None


def dyad_series(stories: Iterable[Story], by: str = "month") -> list[DyadCount]:
    """Per period, dyad and quad class: the number of stories and their mean Goldstein."""
    cells: dict[tuple[str, str, bool, int | None], list[Story]] = defaultdict(list)
    for story in stories:
        period = period_of(story.date, by)
        if period:
            for pair in story_pairs(story):
                directed = story.type not in UNORDERED_TYPES
                cells[(period, pair, directed, story_quad(story))].append(story)
    result = []
    for (period, pair, directed, quad), members in sorted(cells.items(), key=lambda kv: (
            kv[0][0], kv[0][1], kv[0][2], kv[0][3] or 0)):
        scores = [g for g in map(story_goldstein, members) if g is not None]
        result.append(DyadCount(period, pair, directed, quad, len(members),
                                sum(scores) / len(scores) if scores else None,
                                [s.id for s in members]))
    return result


def dyad_row(c: DyadCount) -> dict:
    """A flat view for tables, CSV and JSON."""
    return {"period": c.period, "dyad": c.dyad, "directed": c.directed,
            "quad_class": c.quad_class,
            "quad": QUAD_CLASSES.get(c.quad_class or 0, ""), "stories": c.stories,
            "mean_goldstein": None if c.goldstein is None else round(c.goldstein, 2),
            "story_ids": " ".join(c.story_ids)}
